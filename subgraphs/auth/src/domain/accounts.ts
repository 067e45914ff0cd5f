/** Signup, login, profile changes and passwords. */
import { randomBytes } from 'node:crypto';
import type { Principal } from '@bloomzy/shared/auth/principal';
import { badInput, conflict, forbidden, notFound, unauthenticated } from '@bloomzy/shared/errors';
import { USER_PROFILE_STREAM, type UserProfileEvent } from '@bloomzy/shared/messaging/topics';
import type { AuthTx, Prisma, User } from '../db/client.js';
import { isRecordNotFound, isUniqueViolation } from '../db/errors.js';
import { findUserByEmail, findUserById, findUserByUsername, insertUser, updateUser } from '../db/users.js';
import type { AuthRuntime } from '../runtime.js';
import { checkPasswordPolicy } from './password-policy.js';
import { hashPassword, timingDummyHash, verifyPassword } from './passwords.js';
import { revokeOtherSessions, startSession, type IssuedTokens } from './sessions.js';
import { admitLogin, recordAccountUse, recordLoginFailure, spendSignupAttempt } from './sign-in-limits.js';
import { checkLanguage, checkText, checkTimeZone, checkUsername, normaliseEmail } from './validation.js';

export interface SignupInput {
  email: string;
  password: string;
  username?: string | null;
  firstName?: string | null;
  lastName?: string | null;
  timezone?: string | null;
  language?: string | null;
}

/**
 * Tells plants and notifications about the settings they copy (timezone, hemisphere...): written to the outbox in the
 * transaction `tx` that changed the user, after the change, and published by the relay once it commits (see
 * @bloomzy/shared/messaging/outbox): a profile change is never committed without its event, nor announced without
 * being committed, whether or not Redis is up.
 */
async function enqueueProfile(runtime: Pick<AuthRuntime, 'outbox'>, tx: AuthTx, user: User): Promise<void> {
  const event: UserProfileEvent = {
    userId: user.id,
    timezone: user.timezone,
    hemisphere: user.hemisphere,
    language: user.language,
    notificationsEnabled: user.notificationsEnabled,
    notifyInApp: user.notifyInApp,
    email: user.email,
    changedAt: user.updatedAt.toISOString(),
  };
  await runtime.outbox.enqueue(tx, USER_PROFILE_STREAM, [{ aggregateId: user.id, event }]);
}

/** Runs `write` and the profile event of the user it returns in one transaction, then wakes the outbox relay. */
async function withProfileEvent(
  runtime: Pick<AuthRuntime, 'db' | 'outbox'>,
  write: (tx: AuthTx) => Promise<User>,
): Promise<User> {
  const user = await runtime.db.$transaction(async (tx) => {
    const written = await write(tx);
    await enqueueProfile(runtime, tx, written);
    return written;
  });
  runtime.outbox.wake();
  return user;
}

async function availableUsername(runtime: AuthRuntime, email: string): Promise<string> {
  const base = (email.split('@')[0] ?? 'user')
    .replace(/[^A-Za-z0-9._-]/g, '')
    .slice(0, 60)
    .padEnd(3, '0');
  if (!(await findUserByUsername(runtime.db, base))) return base;
  return `${base}-${randomBytes(3).toString('hex')}`;
}

/** `client`: who is asking (context.ts), for the per-client signup budget. */
export async function signup(runtime: AuthRuntime, input: SignupInput, client: string): Promise<IssuedTokens> {
  await spendSignupAttempt(runtime, client);
  const email = normaliseEmail(input.email);
  checkPasswordPolicy(input.password, 'input.password', { email, username: input.username });
  const username = input.username != null ? checkUsername(input.username) : await availableUsername(runtime, email);
  const data = {
    email,
    username,
    firstName: checkText(input.firstName, 100, 'input.firstName') ?? null,
    lastName: checkText(input.lastName, 100, 'input.lastName') ?? null,
    timezone: input.timezone != null ? checkTimeZone(input.timezone) : 'UTC',
    language: input.language != null ? checkLanguage(input.language) : 'en',
    role: runtime.config.adminEmails.includes(email) ? ('ADMIN' as const) : ('USER' as const),
    passwordHash: await hashPassword(input.password),
  };
  let user: User;
  try {
    user = await withProfileEvent(runtime, (tx) => insertUser(tx, data));
  } catch (error) {
    if (isUniqueViolation(error, 'email')) throw conflict('An account with this email already exists', 'input.email');
    if (isUniqueViolation(error, 'username')) throw conflict('This username is taken', 'input.username');
    throw error;
  }
  await recordAccountUse(runtime, email, client);
  return startSession(runtime, user);
}

/** `client`: who is asking (context.ts), for the sign-in limits (sign-in-limits.ts). */
export async function login(
  runtime: AuthRuntime,
  emailInput: string,
  password: string,
  client: string,
): Promise<IssuedTokens> {
  const email = emailInput.trim().toLowerCase();
  await admitLogin(runtime, email, client);
  const user = await findUserByEmail(runtime.db, email);
  // Verify against a dummy hash for unknown emails so response time does not reveal which emails have accounts.
  const ok = await verifyPassword(user?.passwordHash ?? (await timingDummyHash()), password);
  if (!user || !ok) {
    await recordLoginFailure(runtime, email, client);
    throw unauthenticated('Invalid email or password');
  }
  if (!user.active) throw forbidden('This account is deactivated');
  await recordAccountUse(runtime, email, client);
  const role = runtime.config.adminEmails.includes(user.email) ? 'ADMIN' : user.role;
  const updated = await updateUser(runtime.db, user.id, { lastLoginAt: runtime.clock.now(), role });
  return startSession(runtime, updated);
}

export interface ProfileInput {
  username?: string | null;
  firstName?: string | null;
  lastName?: string | null;
  bio?: string | null;
  location?: string | null;
  timezone?: string | null;
  hemisphere?: 'NORTHERN' | 'SOUTHERN' | null;
  language?: string | null;
  notificationSettings?: {
    enabled?: boolean | null;
    inApp?: boolean | null;
    email?: boolean | null;
    push?: boolean | null;
  } | null;
}

/** Omitted (undefined) keeps the current value; null is refused for fields that cannot be empty. */
function required<T>(value: T | null | undefined, field: string): T | undefined;
function required<T, U>(value: T | null | undefined, field: string, check: (v: T) => U): U | undefined;
function required<T, U>(value: T | null | undefined, field: string, check?: (v: T) => U): T | U | undefined {
  if (value === null) throw badInput(field, 'Cannot be null');
  if (value === undefined) return undefined;
  return check ? check(value) : value;
}

export async function updateProfile(
  runtime: Pick<AuthRuntime, 'db' | 'outbox'>,
  userId: string,
  input: ProfileInput,
): Promise<User> {
  const settings = input.notificationSettings ?? {};
  const data: Prisma.UserUpdateInput = {
    username: required(input.username, 'input.username', (v) => checkUsername(v)),
    firstName: checkText(input.firstName, 100, 'input.firstName'),
    lastName: checkText(input.lastName, 100, 'input.lastName'),
    bio: checkText(input.bio, 500, 'input.bio'),
    location: checkText(input.location, 200, 'input.location'),
    timezone: required(input.timezone, 'input.timezone', (v) => checkTimeZone(v)),
    hemisphere: required(input.hemisphere, 'input.hemisphere'),
    language: required(input.language, 'input.language', (v) => checkLanguage(v)),
    notificationsEnabled: required(settings.enabled, 'input.notificationSettings.enabled'),
    notifyInApp: required(settings.inApp, 'input.notificationSettings.inApp'),
    notifyEmail: required(settings.email, 'input.notificationSettings.email'),
    notifyPush: required(settings.push, 'input.notificationSettings.push'),
  };
  try {
    return await withProfileEvent(runtime, (tx) => updateUser(tx, userId, data));
  } catch (error) {
    if (isUniqueViolation(error, 'username')) throw conflict('This username is taken', 'input.username');
    if (isRecordNotFound(error)) throw notFound('User');
    throw error;
  }
}

export async function changePassword(
  runtime: AuthRuntime,
  principal: Principal,
  current: string,
  next: string,
): Promise<void> {
  const user = await findUserById(runtime.db, principal.userId);
  if (!user) throw notFound('User');
  if (!(await verifyPassword(user.passwordHash, current)))
    throw badInput('currentPassword', 'Current password is wrong');
  checkPasswordPolicy(next, 'newPassword', user);
  if (current === next) throw badInput('newPassword', 'New password must differ from the current one');
  await updateUser(runtime.db, user.id, { passwordHash: await hashPassword(next) });
  await revokeOtherSessions(runtime, user.id, principal.sessionId, 'password changed');
}
