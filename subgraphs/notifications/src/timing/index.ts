/**
 * Reminder send-time maths: pure functions, no clock and no I/O (pass `now` in).
 * Typical pipeline per reminder: computeSendTime → applyRateLimits → groupForDigest.
 */
export { isInQuietHours, moveOutOfQuietHours, parseClockTime, type QuietHours } from './quiet-hours.js';
export { computeSendTime, DEFAULT_PREFERRED_HOUR, type SendTimeInput } from './send-time.js';
export { applyRateLimits, DEFAULT_RATE_LIMITS, type RateLimitOptions, type RateLimits } from './rate-limit.js';
export {
  DEFAULT_DIGEST_WINDOW_MINUTES,
  digestBody,
  digestTitle,
  groupForDigest,
  MAX_NAMES_IN_BODY,
  type DigestOptions,
  type DigestReminder,
  type ReminderGroup,
} from './digest.js';
