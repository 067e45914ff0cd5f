/**
 * Who is asking, for per-client limits. The router is the only door, so it alone sees the client's socket (or, behind
 * trusted proxies, X-Forwarded-For): it sends the address on in a header, and a subgraph believes that header because
 * only the router can reach it. A request without the header (a test, a tool on the same host) counts as its socket.
 */
import type { IncomingMessage } from 'node:http';
import ipaddr from 'ipaddr.js';

/** The client's address as the router saw it (fastify's `request.ip`). */
export const CLIENT_ADDRESS_HEADER = 'x-bloomzy-client-ip';

/** The client's address: the router's header when it holds an IP address, else the socket's peer. */
export function clientAddress(req: IncomingMessage): string {
  const header = req.headers[CLIENT_ADDRESS_HEADER];
  const forwarded = (Array.isArray(header) ? header[0] : header)?.trim();
  if (forwarded && ipaddr.isValid(forwarded)) return forwarded;
  return req.socket.remoteAddress ?? 'unknown';
}

/**
 * The key a client's budget is kept under. An IPv4 address is one client (an IPv4-mapped IPv6 address is its IPv4
 * address). An IPv6 client is its /64: providers give each customer at least a /64, so counting single IPv6 addresses
 * would hand one attacker 2^64 fresh budgets.
 */
export function clientKey(address: string): string {
  if (!ipaddr.isValid(address)) return address;
  const ip = ipaddr.process(address);
  if (ip.kind() === 'ipv4') return ip.toString();
  return `${ipaddr.IPv6.networkAddressFromCIDR(`${ip.toString()}/64`).toString()}/64`;
}
