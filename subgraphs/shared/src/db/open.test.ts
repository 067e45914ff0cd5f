import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import pg from 'pg';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { withPassword } from './open.js';

describe('withPassword', () => {
  let dir: string;
  beforeAll(async () => {
    dir = await mkdtemp(path.join(os.tmpdir(), 'bloomzy-password-'));
  });
  afterAll(() => rm(dir, { recursive: true, force: true }));

  it('puts the password of a secret file into the URL, as pg reads it back', async () => {
    const file = path.join(dir, 'password');
    // A trailing newline (as `echo` writes it) is not part of the password; URL-special characters are.
    await writeFile(file, 'p@ss:w/rd%41#?\n');
    const url = await withPassword(
      'postgres://bloomzy@postgres:5432/bloomzy_auth',
      file,
      'AUTH_DATABASE_PASSWORD_FILE',
    );
    const client = new pg.Client({ connectionString: url });
    expect(client.password).toBe('p@ss:w/rd%41#?');
    expect(client.user).toBe('bloomzy');
    expect(client.host).toBe('postgres');
    expect(client.database).toBe('bloomzy_auth');
  });

  it('leaves the URL alone without a file', async () => {
    expect(await withPassword('postgres://u:p@db/x', undefined)).toBe('postgres://u:p@db/x');
  });

  it('stops with an error naming the variable when the file is missing or empty', async () => {
    await expect(
      withPassword('postgres://db/x', path.join(dir, 'absent'), 'PLANTS_DATABASE_PASSWORD_FILE'),
    ).rejects.toThrow(/PLANTS_DATABASE_PASSWORD_FILE cannot be read/);
    const empty = path.join(dir, 'empty');
    await writeFile(empty, '\n');
    await expect(withPassword('postgres://db/x', empty, 'PLANTS_DATABASE_PASSWORD_FILE')).rejects.toThrow(
      'PLANTS_DATABASE_PASSWORD_FILE is empty',
    );
  });
});
