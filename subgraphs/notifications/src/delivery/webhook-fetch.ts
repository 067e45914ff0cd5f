/**
 * The HTTP client webhooks are posted with. In production it resolves a webhook's host once, refuses the connection
 * when any address it resolves to is not public (domain/webhook-address.ts), and connects to the address it checked:
 * the check is the lookup the socket uses, so there is no window in which DNS can answer differently (rebinding). An
 * address literal in the URL is checked the same way before connecting. TLS still verifies the certificate against
 * the host name.
 */
import { lookup as dnsLookup, type LookupAddress, type LookupAllOptions } from 'node:dns';
import { isIP, type LookupFunction } from 'node:net';
import { Agent, buildConnector, fetch } from 'undici';
import { addressProblem } from '../domain/webhook-address.js';
import type { FetchLike } from './webhook.js';

/** A webhook host that is, or resolves to, an address webhooks may not reach. Not worth retrying. */
export class RefusedAddressError extends Error {
  readonly code = 'ERR_WEBHOOK_ADDRESS_REFUSED';
}

/** The refusal behind a failed fetch (undici wraps connection errors in `TypeError: fetch failed`), if it was one. */
export function refusalOf(error: unknown): RefusedAddressError | undefined {
  for (let e: unknown = error; e instanceof Error; e = e.cause) if (e instanceof RefusedAddressError) return e;
  return undefined;
}

type Resolve = (
  hostname: string,
  options: LookupAllOptions,
  callback: (error: NodeJS.ErrnoException | null, addresses: LookupAddress[]) => void,
) => void;

export interface WebhookFetchOptions {
  /** Outside production only: any address, plain http included (local receivers in development and tests). */
  allowPrivate: boolean;
  /** DNS resolution (tests stand in for DNS); node's `dns.lookup` otherwise. */
  resolve?: Resolve;
  /** Which addresses are refused (tests narrow it); domain/webhook-address.ts otherwise. */
  addressProblem?: (address: string) => string | null;
}

export interface WebhookFetch {
  fetch: FetchLike;
  /** Closes pooled connections (service shutdown). */
  close(): Promise<void>;
}

export function createWebhookFetch(options: WebhookFetchOptions): WebhookFetch {
  const resolve: Resolve = options.resolve ?? ((hostname, opts, callback) => dnsLookup(hostname, opts, callback));
  const problemOf = options.addressProblem ?? addressProblem;

  /** The socket's own lookup: every address must pass, and the socket connects to one of those it checked. */
  const checkedLookup: LookupFunction = (hostname, lookupOptions, callback) => {
    resolve(hostname, { ...lookupOptions, all: true }, (error, addresses) => {
      if (error) return callback(error, '', 0);
      const bad = addresses.map((a) => ({ a, problem: problemOf(a.address) })).find((r) => r.problem);
      if (bad) return callback(refusal(hostname, bad.a.address, bad.problem), '', 0);
      const [first] = addresses;
      if (!first) return callback(Object.assign(new Error(`${hostname} has no address`), { code: 'ENOTFOUND' }), '', 0);
      // Node asks for every address when it races IPv4 and IPv6 (autoSelectFamily), for one otherwise.
      if (lookupOptions.all) return (callback as unknown as (e: null, all: LookupAddress[]) => void)(null, addresses);
      return callback(null, first.address, first.family);
    });
  };
  const refusal = (host: string, address: string, problem: string | null) =>
    new RefusedAddressError(
      host === address ? `${address} ${problem}` : `${host} resolves to ${address}, which ${problem}`,
    );

  const connector = buildConnector({ lookup: checkedLookup });
  const agent = new Agent({
    connect: options.allowPrivate
      ? {}
      : (connectOptions, callback) => {
          // A literal address never reaches the lookup (net.connect skips it), so it is checked here.
          const host = connectOptions.hostname.replace(/^\[|\]$/g, '');
          const problem = isIP(host) ? problemOf(host) : null;
          if (problem) return callback(refusal(host, host, problem), null);
          return connector(connectOptions, callback);
        },
  });
  return {
    // undici's types and Node's bundled undici-types differ in detail (FormData iterators); we send strings only.
    fetch: (url, init) =>
      fetch(url, { ...init, dispatcher: agent } as Parameters<typeof fetch>[1]) as unknown as Promise<Response>,
    close: () => agent.close(),
  };
}
