/** Validation and normalisation of profile fields; each failure names the input field. */
import { badInput } from '@bloomzy/shared/errors';
import { isValidTimeZone, resolveTimeZone } from '@bloomzy/shared/time-zone';

// Pragmatic email check (RFC 5322 in full accepts much that no mail server does): one @, a dotted domain, no spaces.
const EMAIL = /^[^\s@]{1,64}@[^\s@.]+(\.[^\s@.]+)+$/;
const USERNAME = /^[A-Za-z0-9._-]{3,80}$/;

export function normaliseEmail(email: string, field = 'input.email'): string {
  const value = email.trim().toLowerCase();
  if (value.length > 254 || !EMAIL.test(value)) throw badInput(field, 'Email address is not valid');
  return value;
}

export function checkUsername(username: string, field = 'input.username'): string {
  const value = username.trim();
  if (!USERNAME.test(value)) {
    throw badInput(field, 'Username must be 3–80 characters: letters, digits, dot, underscore or hyphen');
  }
  return value;
}

export function checkTimeZone(timeZone: string, field = 'input.timezone'): string {
  const value = timeZone.trim();
  if (!isValidTimeZone(value)) throw badInput(field, `"${timeZone}" is not a valid IANA timezone`);
  // Canonical spelling, e.g. "europe/berlin" → "Europe/Berlin".
  return resolveTimeZone(value);
}

export function checkLanguage(language: string, field = 'input.language'): string {
  try {
    const [canonical] = Intl.getCanonicalLocales(language.trim());
    if (canonical && canonical.length <= 35) return canonical;
  } catch {
    // fall through
  }
  throw badInput(field, `"${language}" is not a valid language tag (e.g. en, de-CH)`);
}

/** Optional free text (trimmed, empty → null, at most `max` characters). */
export { optionalText as checkText } from '@bloomzy/shared/validation';
