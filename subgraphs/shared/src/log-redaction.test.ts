import { describe, expect, it } from 'vitest';
import { REDACTED, redactSecrets } from './log-redaction.js';

describe('redactSecrets', () => {
  it('redacts secret fields at the top and up to three levels below, in objects and arrays', () => {
    const line = {
      password: 'p',
      headers: { authorization: 'Bearer eyJ', 'set-cookie': ['sid=1'], 'x-api-key': 'bk_1', accept: '*/*' },
      variables: { input: { currentPassword: 'a', newPassword: 'b', email: 'e' } },
      batch: [{ result: { accessToken: 'x' } }, { ok: true }],
      deep: { a: { b: { c: { token: 'too deep' } } } },
    };
    expect(redactSecrets(line)).toEqual({
      password: REDACTED,
      headers: { authorization: REDACTED, 'set-cookie': REDACTED, 'x-api-key': REDACTED, accept: '*/*' },
      variables: { input: { currentPassword: REDACTED, newPassword: REDACTED, email: 'e' } },
      batch: [{ result: { accessToken: REDACTED } }, { ok: true }],
      // Four levels below the line, as pino's `*.*.*.token` path reached no further.
      deep: { a: { b: { c: { token: 'too deep' } } } },
    });
  });

  it('copies what holds a secret and leaves the caller’s objects and the rest as they are', () => {
    const clean = { plantId: 'p1', tags: ['a'] };
    const input = { email: 'e', password: 'p' };
    const line = { clean, input };
    const redacted = redactSecrets(line);
    expect(redacted).not.toBe(line);
    expect(redacted.clean).toBe(clean);
    expect(input.password).toBe('p');
    const nothing = { plantId: 'p1', nested: { ok: 1 } };
    expect(redactSecrets(nothing)).toBe(nothing);
  });

  it('serializes an Error holding a secret, and leaves other class instances to their serializers', () => {
    const error = Object.assign(new Error('refused'), { token: 'eyJ' });
    const plain = new Error('plain');
    class Request {
      headers = { authorization: 'Bearer eyJ' };
    }
    const request = new Request();
    const redacted = redactSecrets({ error, plain, req: request });
    expect(redacted.error).toMatchObject({ type: 'Error', message: 'refused', token: REDACTED });
    expect(redacted.error).toHaveProperty('stack');
    expect(redacted.plain).toBe(plain);
    expect(redacted.req).toBe(request);
  });

  it('keeps undefined fields undefined (pino leaves them out)', () => {
    expect(redactSecrets({ token: undefined, ok: 1 })).toEqual({ token: undefined, ok: 1 });
  });
});
