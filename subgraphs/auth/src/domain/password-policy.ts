/**
 * The password policy for new passwords (signup, changePassword), after NIST SP 800-63B: a minimum length, no
 * composition rules, and a check against passwords attackers try first. Login never applies it, so accounts made under
 * an older policy keep working.
 *
 * "Tried first" is zxcvbn's estimate (zxcvbn-ts, offline): its dictionaries hold the most common passwords of public
 * breach corpora, common names and English words, and it sees through l33t spellings, keyboard walks, repeats, dates
 * and sequences. A password must need at least a million guesses (score 2) — what "password1", "Passw0rd" or
 * "sunflower2024" do not, and what a random 8-character password or three unrelated words do.
 */
import { ZxcvbnFactory } from '@zxcvbn-ts/core';
import { adjacencyGraphs, dictionary as commonDictionary } from '@zxcvbn-ts/language-common';
import { dictionary as englishDictionary, translations } from '@zxcvbn-ts/language-en';
import { badInput } from '@bloomzy/shared/errors';

const MIN_LENGTH = 8;
/** argon2's input stays bounded. */
const MAX_LENGTH = 256;
/** zxcvbn's score: 2 means at least 10^6 guesses. */
const MIN_SCORE = 2;
/** Shorter than this, the email's local part is too common a substring ("al", "jo") to forbid. */
const MIN_LOCAL_PART = 3;

/**
 * Built on first use (~200 ms: the dictionaries are ranked in memory). zxcvbn runs on the event loop, so its work per
 * password is capped: only the first 64 characters are rated (a longer password's first 64 characters must not be
 * guessable either) and l33t variants are tried for at most 10 substitutions; the worst input then takes tens of
 * milliseconds instead of a second. Signup attempts are counted against the client's budget before this runs.
 */
let estimator: ZxcvbnFactory | undefined;
const strength = () =>
  (estimator ??= new ZxcvbnFactory({
    dictionary: { ...commonDictionary, ...englishDictionary },
    graphs: adjacencyGraphs,
    translations,
    maxLength: 64,
    l33tMaxSubstitutions: 10,
  }));

/** Whose password it is: parts of it a password must not contain or be built from. */
export interface PasswordOwner {
  email: string;
  username?: string | null;
}

/** Throws BAD_USER_INPUT naming `field`, with the reason, when `password` breaks the policy. */
export function checkPasswordPolicy(password: string, field: string, owner: PasswordOwner): void {
  // Length in characters as people count them (code points), not UTF-16 units.
  if ([...password].length < MIN_LENGTH) throw badInput(field, `Password must be at least ${MIN_LENGTH} characters`);
  if (password.length > MAX_LENGTH) throw badInput(field, `Password must be at most ${MAX_LENGTH} characters`);
  if (/^\s*$/u.test(password)) throw badInput(field, 'Password must not be only spaces');
  const localPart = owner.email.split('@')[0]?.toLowerCase() ?? '';
  if (localPart.length >= MIN_LOCAL_PART && password.toLowerCase().includes(localPart)) {
    throw badInput(field, 'Password must not contain your email address (the part before the @)');
  }
  const rating = strength().check(password, [localPart, owner.username ?? ''].filter(Boolean));
  if (rating.score < MIN_SCORE) {
    const why = rating.feedback.warning ? ` (${rating.feedback.warning.replace(/\.$/, '')})` : '';
    throw badInput(field, `Password is too common or too easy to guess${why}; a few unrelated words make a good one`);
  }
}
