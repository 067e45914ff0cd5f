import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { SignJWT, UnsecuredJWT } from 'jose';
import { afterAll, describe, expect, it } from 'vitest';
import { ManualClock } from '../clock.js';
import { ConfigError } from '../env-schema.js';
import { createServiceCredentials, SERVICE_CREDENTIAL_HEADER, serviceCredentials } from './service-credential.js';

const SECRET = 'a-secret-the-router-and-subgraphs-share';
const tokenOf = (headers: Record<string, string>) => headers[SERVICE_CREDENTIAL_HEADER];

describe('service credentials', () => {
  const subgraph = createServiceCredentials({ secret: SECRET, issuer: 'plants' });

  it('accepts a token signed with the shared secret for this audience', async () => {
    const router = createServiceCredentials({ secret: SECRET, issuer: 'router' });
    const token = tokenOf(await router.headersFor('plants'));
    expect(await subgraph.verify(token, 'plants')).toEqual({ valid: true });
  });

  it('refuses no token, another secret, another audience, an expired token and an unsigned one', async () => {
    const router = createServiceCredentials({ secret: SECRET, issuer: 'router' });
    const stranger = createServiceCredentials({ secret: 'another-secret-of-at-least-32-bytes', issuer: 'router' });
    const earlier = createServiceCredentials({
      secret: SECRET,
      issuer: 'router',
      clock: new ManualClock(new Date(Date.now() - 70_000)),
    });
    const unsigned = new UnsecuredJWT({}).setAudience('plants').setIssuedAt().setExpirationTime('1m').encode();
    expect(await subgraph.verify(undefined, 'plants')).toEqual({ valid: false, reason: 'no service credential' });
    expect(await subgraph.verify('', 'plants')).toMatchObject({ valid: false });
    expect(await subgraph.verify('not.a.token', 'plants')).toMatchObject({ valid: false });
    expect(await subgraph.verify(tokenOf(await stranger.headersFor('plants')), 'plants')).toEqual({
      valid: false,
      reason: 'invalid service credential',
    });
    expect(await subgraph.verify(tokenOf(await router.headersFor('auth')), 'plants')).toEqual({
      valid: false,
      reason: 'service credential not addressed to plants',
    });
    expect(await subgraph.verify(tokenOf(await earlier.headersFor('plants')), 'plants')).toEqual({
      valid: false,
      reason: 'service credential expired',
    });
    expect(await subgraph.verify(unsigned, 'plants')).toMatchObject({ valid: false });
  });

  it('refuses a token issued over 60 s ago whatever its exp says, and one issued in the future', async () => {
    const key = new TextEncoder().encode(SECRET);
    const now = Math.floor(Date.now() / 1000);
    const signed = (iat: number, exp: number) =>
      new SignJWT({})
        .setProtectedHeader({ alg: 'HS256' })
        .setAudience('plants')
        .setIssuedAt(iat)
        .setExpirationTime(exp);
    expect(await subgraph.verify(await signed(now - 70, now + 3600).sign(key), 'plants')).toMatchObject({
      valid: false,
    });
    expect(await subgraph.verify(await signed(now + 600, now + 660).sign(key), 'plants')).toMatchObject({
      valid: false,
    });
    expect(await subgraph.verify(await signed(now, now + 60).sign(key), 'plants')).toEqual({ valid: true });
  });

  it('stops accepting a token 60 s after it was issued, though it was accepted (and remembered) before', async () => {
    const clock = new ManualClock(new Date());
    const router = createServiceCredentials({ secret: SECRET, issuer: 'router', clock });
    const verifier = createServiceCredentials({ secret: SECRET, issuer: 'plants', clock });
    const token = tokenOf(await router.headersFor('plants'));
    expect(await verifier.verify(token, 'plants')).toEqual({ valid: true });
    clock.advance(59_000);
    expect(await verifier.verify(token, 'plants')).toEqual({ valid: true });
    expect(await verifier.verify(token, 'auth')).toMatchObject({ valid: false });
    clock.advance(7_000);
    expect(await verifier.verify(token, 'plants')).toEqual({ valid: false, reason: 'service credential expired' });
  });

  it('reuses a token for 30 s, then signs a new one', async () => {
    const clock = new ManualClock(new Date());
    const router = createServiceCredentials({ secret: SECRET, issuer: 'router', clock });
    const first = tokenOf(await router.headersFor('plants'));
    clock.advance(29_000);
    expect(tokenOf(await router.headersFor('plants'))).toBe(first);
    expect(tokenOf(await router.headersFor('auth'))).not.toBe(first);
    clock.advance(1_000);
    expect(tokenOf(await router.headersFor('plants'))).not.toBe(first);
  });
});

describe('serviceCredentials (from configuration)', () => {
  const dirs: string[] = [];
  afterAll(() => Promise.all(dirs.map((dir) => rm(dir, { recursive: true, force: true }))));
  const fileWith = async (content: string) => {
    const dir = await mkdtemp(path.join(os.tmpdir(), 'bloomzy-secret-'));
    dirs.push(dir);
    const file = path.join(dir, 'subgraph-secret');
    await writeFile(file, content);
    return file;
  };

  it('is absent without a secret, and signs with the inline one or the trimmed content of the file', async () => {
    expect(await serviceCredentials({ subgraphSecret: undefined, subgraphSecretFile: undefined }, 'router')).toBe(
      undefined,
    );
    const inline = await serviceCredentials({ subgraphSecret: SECRET, subgraphSecretFile: undefined }, 'router');
    const fromFile = await serviceCredentials(
      { subgraphSecret: undefined, subgraphSecretFile: await fileWith(`${SECRET}\n`) },
      'plants',
    );
    const token = tokenOf((await inline?.headersFor('plants')) ?? {});
    expect(await fromFile?.verify(token, 'plants')).toEqual({ valid: true });
  });

  it('stops the service, naming SUBGRAPH_SECRET_FILE, when the file is missing or too short', async () => {
    const missing = serviceCredentials({ subgraphSecret: undefined, subgraphSecretFile: '/nonexistent/s' }, 'router');
    await expect(missing).rejects.toThrow(ConfigError);
    await expect(missing).rejects.toThrow(/SUBGRAPH_SECRET_FILE cannot be read/);
    const short = serviceCredentials({ subgraphSecret: undefined, subgraphSecretFile: await fileWith('short\n') }, 'x');
    await expect(short).rejects.toThrow(/SUBGRAPH_SECRET_FILE must hold at least 32 bytes/);
  });
});
