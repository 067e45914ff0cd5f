/**
 * Who a request counts against: its user when it carries a valid access token, else its API key when that key is
 * valid, else the address it came from. Only verified credentials name a client — otherwise a flood could mint a
 * fresh budget per request by sending random tokens — and bad ones fall back to the address (the subgraphs refuse
 * them anyway).
 */
import { createHash } from 'node:crypto';
import ipaddr from 'ipaddr.js';
import { readCredential } from '@bloomzy/shared/auth/credentials';
import type { Principal } from '@bloomzy/shared/auth/principal';
import type { CredentialVerifier } from '@bloomzy/shared/auth/verifier';

export interface ClientIdentity {
  kind: 'user' | 'apiKey' | 'ip';
  /**
   * The budget key, safe to log and to store: `user:<user id>`, `key:<SHA-256 of the API key, 32 hex digits>` or
   * `ip:<address>` (IPv6 by its /64, see `addressKey`).
   */
  key: string;
}

type Headers = Parameters<CredentialVerifier['verifyHeaders']>[0];

const hashOf = (apiKey: string) => createHash('sha256').update(apiKey).digest('hex').slice(0, 32);

/**
 * The budget key of an address. An IPv4-mapped IPv6 address is its IPv4 address; other IPv6 addresses count by their
 * /64, the smallest block a provider hands to one customer — per address, one host could rotate through 2^64 budgets.
 */
export function addressKey(address: string): string {
  if (!ipaddr.isValid(address)) return address;
  const parsed = ipaddr.process(address);
  if (parsed.kind() === 'ipv4') return parsed.toString();
  return `${ipaddr.IPv6.networkAddressFromCIDR(`${parsed.toString()}/64`).toRFC5952String()}/64`;
}

/** The client behind a verified principal (null when the request carried no valid credential). */
export function clientOf(principal: Principal | null, headers: Headers, address: string): ClientIdentity {
  if (principal?.kind === 'session') return { kind: 'user', key: `user:${principal.userId}` };
  const credential = principal?.kind === 'apiKey' ? readCredential(headers) : null;
  if (credential?.kind === 'apiKey') return { kind: 'apiKey', key: `key:${hashOf(credential.key)}` };
  return { kind: 'ip', key: `ip:${addressKey(address)}` };
}

/**
 * Verifies the request's credentials and names its client. Never throws: a bad or expired credential, or auth being
 * unreachable for an API-key introspection, counts the request against its address.
 */
export async function identifyClient(
  verifier: CredentialVerifier,
  headers: Headers,
  address: string,
): Promise<ClientIdentity> {
  const principal = await verifier.verifyHeaders(headers).catch(() => null);
  return clientOf(principal, headers, address);
}
