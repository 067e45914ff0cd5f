/**
 * Signing keys for access tokens.
 *   npm run keys -- generate <file>   writes a new key set (one ES256 private JWK)
 *   npm run keys -- rotate <file>     puts a new key first (it signs from now on) and keeps the old ones, so tokens
 *                                     they signed verify until they expire; drop old keys after ACCESS_TOKEN_TTL.
 * Embedded mode keeps its key set in <DATA_DIR>/auth/signing-keys.json; production passes the file to the auth
 * service via AUTH_SIGNING_KEYS_FILE.
 */
import { mkdir, readFile, writeFile } from 'node:fs/promises';
import path from 'node:path';
import type { JWK } from 'jose';
import { generateSigningJwk } from '@bloomzy/auth/tokens/signing-keys';

const [command, file] = process.argv.slice(2);
if (!file || (command !== 'generate' && command !== 'rotate')) {
  console.error('usage: npm run keys -- generate|rotate <file>');
  process.exit(2);
}
const existing: JWK[] =
  command === 'rotate' ? ((JSON.parse(await readFile(file, 'utf8')) as { keys: JWK[] }).keys ?? []) : [];
const keys = [await generateSigningJwk(), ...existing];
await mkdir(path.dirname(path.resolve(file)), { recursive: true });
await writeFile(file, JSON.stringify({ keys }, null, 2), { mode: 0o600 });
console.log(`${file}: ${keys.length} key(s); signing with kid ${keys[0]?.kid}`);
