/**
 * `npm run make-admin -- <email> [--revoke]`: grants (or takes away) the ADMIN role. Works on the embedded database
 * (stop `npm start` first: PGlite allows one process) or on Postgres when AUTH_DATABASE_URL is set. Alternatively list
 * admin emails in ADMIN_EMAILS; they become admins at signup and at each login.
 * The role is in the access token, so the user signs in again (or refreshes) to use it.
 */
import path from 'node:path';
import { loadAuthConfig } from '@bloomzy/auth/config';
import { createAuthDb } from '@bloomzy/auth/db/client';
import { loadOrExit } from '@bloomzy/shared/config';
import { openDatabase } from '@bloomzy/shared/db/open';
import { prismaProject } from '@bloomzy/shared/paths';

const [email, flag] = process.argv.slice(2);
if (!email) {
  console.error('usage: npm run make-admin -- <email> [--revoke]');
  process.exit(2);
}
const config = loadOrExit(() => loadAuthConfig(process.env));
const database = await openDatabase({
  url: config.databaseUrl,
  dataDir: path.join(config.dataDir, 'db'),
  project: prismaProject('auth'),
});
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
