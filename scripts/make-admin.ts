/**
 * `npm run make-admin -- <email> [--revoke]`: grants (or takes away) the ADMIN role. Works on the embedded database
 * (stop `npm start` first: PGlite allows one process) or on Postgres when AUTH_DATABASE_URL (and AUTH_DATABASE_PASSWORD_FILE) is set. Alternatively list
 * admin emails in ADMIN_EMAILS; they become admins at signup and at each login.
 * The role is in the access token, so the user signs in again (or refreshes) to use it.
 */
import { loadAuthConfig } from '@bloomzy/auth/config';
import { createAuthDb } from '@bloomzy/auth/db/client';
import { openServiceDatabase } from '@bloomzy/shared/db/open';
import { loadOrExit } from '@bloomzy/shared/env-schema';

const [email, flag] = process.argv.slice(2);
if (!email) {
  console.error('usage: npm run make-admin -- <email> [--revoke]');
  process.exit(2);
}
const config = loadOrExit(() => loadAuthConfig(process.env));
const database = await openServiceDatabase(config, 'auth');
const db = createAuthDb(database.adapter);
let code = 0;
try {
  const role = flag === '--revoke' ? 'USER' : 'ADMIN';
  const { count } = await db.user.updateMany({ where: { email: email.trim().toLowerCase() }, data: { role } });
  if (count === 0) {
    console.error(`No account with email ${email}`);
    code = 1;
  } else console.log(`${email} is now ${role}`);
} finally {
  await db.$disconnect();
  await database.close();
}
// Explicit: the embedded database's shutdown resets process.exitCode.
process.exit(code);
