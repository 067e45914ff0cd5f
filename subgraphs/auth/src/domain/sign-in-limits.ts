/**
 * Sign-in limits: what stops one client from guessing passwords across many accounts, creating accounts in bulk or
 * hammering refresh, without letting anyone lock an account's owner out. A client is the `clientKey` of the address
 * the router saw (an IPv4 address or an IPv6 /64). The counters live in the shared rate limiter (Redis in production),
 * so every auth instance enforces one budget. Refusals are RATE_LIMITED with `retryAfter`, before any password is
 * hashed or checked.
 *
 * Login passes three gates:
 * 1. The client's budget: every attempt counts, right or wrong, for any email. It bounds guessing across accounts
 *    (credential stuffing) and the argon2 work one client can cause.
 * 2. Failures for this email from this client: too many lock that client out of that account only; the owner, on
 *    their own network, is not touched by a stranger's wrong passwords.
 * 3. Failures for this email from all clients, per hour: past the ceiling, only clients that signed in to the account
 *    or refreshed one of its sessions in the last 3 weeks may still try. Guessing spread over many addresses is bounded
 *    per account (NIST SP 800-63B 5.2.2 allows at most 100 consecutive failures, and names "addresses the subscriber
 *    authenticated from before" as the alternative to locking the account), and the owner on a known network is never
 *    refused. Unknown emails are counted like known ones, so no answer tells which emails have accounts.
 *
 * Failures are checked before and counted after the password check, so attempts in flight together can overshoot gates
 * 2 and 3 by their number; gate 1 is counted first, atomically, and bounds that per client.
 */
import { createHash } from 'node:crypto';
import { rateLimited } from '@bloomzy/shared/errors';
import type { AuthRuntime } from '../runtime.js';

const QUARTER_HOUR = 15 * 60;
const HOUR = 60 * 60;
const KNOWN_CLIENT_SECONDS = 21 * 86_400;

/** Keys hold a digest of the email: bounded in size whatever a client sends, and no address stored in Redis. */
const emailId = (email: string) => createHash('sha256').update(email).digest('base64url').slice(0, 22);

const keys = {
  signups: (client: string) => `auth:signup:${client}`,
  refreshes: (client: string) => `auth:refresh:${client}`,
  logins: (client: string) => `auth:login:${client}`,
  failuresFrom: (email: string, client: string) => `auth:login-failed:${emailId(email)}:${client}`,
  failures: (email: string) => `auth:login-failed:${emailId(email)}`,
  known: (email: string, client: string) => `auth:login-known:${emailId(email)}:${client}`,
};

/** Counts one attempt against a budget; refuses it when the budget is spent. */
async function spend(runtime: AuthRuntime, key: string, windowSeconds: number, limit: number, message: string) {
  const { hits, resetsInSeconds } = await runtime.rateLimiter.hitWindow(key, windowSeconds);
  if (hits > limit) throw rateLimited(message, resetsInSeconds);
}

/** Counts a signup attempt (valid or not: each may probe whether an email has an account) for the client. */
export const spendSignupAttempt = (runtime: AuthRuntime, client: string) =>
  spend(
    runtime,
    keys.signups(client),
    HOUR,
    runtime.config.signInLimits.signupsPerClient,
    'Too many signups from your network; try again later',
  );

/** Counts a refresh-token exchange for the client. */
export const spendRefreshAttempt = (runtime: AuthRuntime, client: string) =>
  spend(
    runtime,
    keys.refreshes(client),
    QUARTER_HOUR,
    runtime.config.signInLimits.refreshesPerClient,
    'Too many token refreshes from your network; try again later',
  );

/** The three login gates above; counts the attempt against the client's budget. `email` is normalised. */
export async function admitLogin(runtime: AuthRuntime, email: string, client: string): Promise<void> {
  const limits = runtime.config.signInLimits;
  await spend(
    runtime,
    keys.logins(client),
    QUARTER_HOUR,
    limits.loginAttemptsPerClient,
    'Too many sign-in attempts from your network; try again later',
  );
  const fromHere = await runtime.rateLimiter.window(keys.failuresFrom(email, client));
  if (fromHere.hits >= limits.loginFailuresPerEmailAndClient) {
    throw rateLimited('Too many failed sign-in attempts for this account; try again later', fromHere.resetsInSeconds);
  }
  const everywhere = await runtime.rateLimiter.window(keys.failures(email));
  if (
    everywhere.hits >= limits.loginFailuresPerEmail &&
    (await runtime.rateLimiter.count(keys.known(email, client))) === 0
  ) {
    throw rateLimited(
      'Too many failed sign-in attempts for this account; try again later, or from a network you used before',
      everywhere.resetsInSeconds,
    );
  }
}

/** A wrong password (or an unknown email) from this client. */
export async function recordLoginFailure(runtime: AuthRuntime, email: string, client: string): Promise<void> {
  await runtime.rateLimiter.hit(keys.failuresFrom(email, client), QUARTER_HOUR);
  await runtime.rateLimiter.hit(keys.failures(email), HOUR);
}

/**
 * The client proved it holds the account (a right password, or a refresh token of one of its sessions): its own
 * failures for the account are forgiven, and it stays admitted past the all-clients ceiling for 3 weeks. The failures
 * from everyone are not forgiven: the owner signing in must not reopen the account to a distributed guesser.
 */
export async function recordAccountUse(runtime: AuthRuntime, email: string, client: string): Promise<void> {
  await runtime.rateLimiter.reset(keys.failuresFrom(email, client));
  // A window is fixed from its first hit: start a new one, so the 3 weeks count from the latest use.
  const known = keys.known(email, client);
  await runtime.rateLimiter.reset(known);
  await runtime.rateLimiter.hit(known, KNOWN_CLIENT_SECONDS);
}
