/** Who a request counts against: user, else API key, else address — and which address, behind proxies. */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Principal } from '@bloomzy/shared/auth/principal';
import type { CredentialVerifier } from '@bloomzy/shared/auth/verifier';
import { unauthenticated } from '@bloomzy/shared/errors';
import { startHttpService, type HttpService } from '@bloomzy/shared/http/http-service';
import { createLogger } from '@bloomzy/shared/logger';
import { addressKey, identifyClient } from './client-identity.js';

const API_KEY = 'bzk_live_secret_value';
const session: Principal = { userId: 'u-1', role: 'USER', kind: 'session', sessionId: 's-1', scopes: null };
const apiKey: Principal = { userId: 'u-2', role: 'USER', kind: 'apiKey', apiKeyId: 'k-1', scopes: ['plants:read'] };

/** Accepts the token "good" and the key API_KEY; refuses every other credential, as the real verifier does. */
const verifier: CredentialVerifier = {
  verify: () => Promise.reject(new Error('unused')),
  async verifyHeaders(headers) {
    const h = headers as Record<string, string | undefined>;
    if (h['x-api-key'] ?? h.authorization?.startsWith('Bearer bzk_')) {
      if ((h['x-api-key'] ?? h.authorization?.slice(7)) === API_KEY) return apiKey;
      throw unauthenticated('Invalid API key');
    }
    if (!h.authorization) return null;
    if (h.authorization === 'Bearer good') return session;
    throw unauthenticated('Invalid access token');
  },
};

describe('identifyClient', () => {
  it('is the user of a valid access token', async () => {
    expect(await identifyClient(verifier, { authorization: 'Bearer good' }, '203.0.113.5')).toEqual({
      kind: 'user',
      key: 'user:u-1',
    });
  });

  it('is the API key, hashed, when the request carries a valid one', async () => {
    for (const headers of [{ 'x-api-key': API_KEY }, { authorization: `Bearer ${API_KEY}` }]) {
      const client = await identifyClient(verifier, headers, '203.0.113.5');
      expect(client.kind).toBe('apiKey');
      expect(client.key).toMatch(/^key:[\da-f]{32}$/);
      expect(client.key).not.toContain(API_KEY);
    }
  });

  it('is the address without credentials or with bad ones, so random tokens mint no budgets', async () => {
    const anonymous = { kind: 'ip', key: 'ip:203.0.113.5' };
    expect(await identifyClient(verifier, {}, '203.0.113.5')).toEqual(anonymous);
    expect(await identifyClient(verifier, { authorization: 'Bearer forged' }, '203.0.113.5')).toEqual(anonymous);
    expect(await identifyClient(verifier, { 'x-api-key': 'bzk_guessed' }, '203.0.113.5')).toEqual(anonymous);
  });
});

describe('addressKey', () => {
  it('reads IPv4-mapped addresses as IPv4 and counts IPv6 by its /64', () => {
    expect(addressKey('::ffff:203.0.113.5')).toBe('203.0.113.5');
    expect(addressKey('2001:db8:1:2:aaaa::1')).toBe('2001:db8:1:2::/64');
    expect(addressKey('2001:db8:1:2:bbbb::7')).toBe(addressKey('2001:db8:1:2:aaaa::1'));
    expect(addressKey('2001:db8:1:3::1')).not.toBe(addressKey('2001:db8:1:2::1'));
  });
});

describe('the client address behind proxies', () => {
  const logger = createLogger({ service: 'test', level: 'silent' });
  const services: HttpService[] = [];
  const serve = async (trustedProxies?: string[]) => {
    const service = await startHttpService({
      name: 'test',
      host: '127.0.0.1',
      port: 0,
      logger,
      ...(trustedProxies ? { trustedProxies } : {}),
      routes: (app) => {
        app.get('/who', async (request) => identifyClient(verifier, request.headers, request.ip));
      },
    });
    services.push(service);
    return service;
  };
  let direct: HttpService;
  let behindProxy: HttpService;
  beforeAll(async () => {
    direct = await serve();
    behindProxy = await serve(['10.0.0.0/8']);
  });
  afterAll(() => Promise.all(services.map((s) => s.close())));

  const who = async (service: HttpService, remoteAddress: string, forwardedFor?: string) => {
    const headers = forwardedFor ? { 'x-forwarded-for': forwardedFor } : {};
    const res = await service.app.inject({ url: '/who', remoteAddress, headers });
    return (res.json() as { key: string }).key;
  };

  it('ignores X-Forwarded-For unless a trusted proxy sent it', async () => {
    expect(await who(direct, '10.1.2.3', '198.51.100.7')).toBe('ip:10.1.2.3');
    expect(await who(behindProxy, '203.0.113.5', '198.51.100.7')).toBe('ip:203.0.113.5');
    expect(await who(behindProxy, '10.1.2.3', '198.51.100.7')).toBe('ip:198.51.100.7');
  });

  it('takes the nearest untrusted address, so a client cannot prepend one of its choosing', async () => {
    expect(await who(behindProxy, '10.1.2.3', '192.0.2.99, 198.51.100.7')).toBe('ip:198.51.100.7');
    expect(await who(behindProxy, '10.1.2.3', '192.0.2.99, 198.51.100.7, 10.9.9.9')).toBe('ip:198.51.100.7');
  });
});
