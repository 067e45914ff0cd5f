/**
 * Reminder send-time maths: pure functions, no clock and no I/O (pass `now` in).
 * Typical pipeline per reminder: computeSendTime → applyRateLimits → groupForDigest.
 */
export { parseClockTime, type QuietHours } from './quiet-hours.js';
export { computeSendTime } from './send-time.js';
export { applyRateLimits, DEFAULT_RATE_LIMITS, type RateLimits } from './rate-limit.js';
export { groupForDigest } from './digest.js';
export { reminderText } from './reminder-text.js';
