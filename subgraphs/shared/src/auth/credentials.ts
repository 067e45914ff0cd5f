/**
 * Reading credentials from a request: `Authorization: Bearer <access token>`, or an API key as
 * `Authorization: Bearer bzk_...` / `X-Api-Key: bzk_...`.
 */
const API_KEY_PREFIX = 'bzk_';

export type Credential = { kind: 'token'; token: string } | { kind: 'apiKey'; key: string };

type Headers = Record<string, string | string[] | undefined> | { get(name: string): string | null | undefined };

function header(headers: Headers, name: string): string | undefined {
  if (typeof (headers as { get?: unknown }).get === 'function') {
    return (headers as { get(name: string): string | null | undefined }).get(name) ?? undefined;
  }
  const value = (headers as Record<string, string | string[] | undefined>)[name];
  return Array.isArray(value) ? value[0] : value;
}

export function readCredential(headers: Headers): Credential | null {
  const apiKey = header(headers, 'x-api-key')?.trim();
  if (apiKey) return { kind: 'apiKey', key: apiKey };
  const authorization = header(headers, 'authorization')?.trim();
  if (!authorization) return null;
  const match = /^Bearer\s+(.+)$/i.exec(authorization);
  if (!match?.[1]) return { kind: 'token', token: '' }; // present but malformed: verification will refuse it
  const value = match[1].trim();
  return value.startsWith(API_KEY_PREFIX) ? { kind: 'apiKey', key: value } : { kind: 'token', token: value };
}
