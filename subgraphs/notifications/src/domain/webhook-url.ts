/**
 * Which webhook URLs we are willing to POST to. A webhook lets any user make this service send HTTP requests, so in
 * production it must not reach loopback, private or link-local addresses (cloud metadata at 169.254.169.254, internal
 * services). The URL is checked when saved and, with a DNS lookup, again before every delivery: a public name can be
 * re-pointed at a private address after it was saved.
 */
import { lookup } from 'node:dns/promises';
import { isIP } from 'node:net';

const WEBHOOK_URL_MAX = 2048;

function ipv4Private(ip: string): boolean {
  const [a = 0, b = 0] = ip.split('.').map(Number);
  return (
    a === 0 ||
    a === 10 ||
    a === 127 ||
    (a === 169 && b === 254) ||
    (a === 172 && b >= 16 && b <= 31) ||
    (a === 192 && b === 168) ||
    (a === 100 && b >= 64 && b <= 127) ||
    a >= 224
  );
}

/** Loopback, private, link-local, carrier-grade NAT, multicast or unspecified: not a public internet address. */
export function isPrivateAddress(ip: string): boolean {
  const bare = ip.replace(/^\[|\]$/g, '').toLowerCase();
  if (isIP(bare) === 4) return ipv4Private(bare);
  if (isIP(bare) !== 6) return false;
  // IPv4-mapped addresses reach the IPv4 host; URL parsing rewrites them to hex (::ffff:c0a8:101).
  const dotted = /^::ffff:(\d+\.\d+\.\d+\.\d+)$/.exec(bare);
  if (dotted?.[1]) return ipv4Private(dotted[1]);
  const hex = /^::ffff:([0-9a-f]{1,4}):([0-9a-f]{1,4})$/.exec(bare);
  if (hex?.[1] && hex[2]) {
    const high = parseInt(hex[1], 16);
    const low = parseInt(hex[2], 16);
    return ipv4Private(`${high >> 8}.${high & 255}.${low >> 8}.${low & 255}`);
  }
  return bare === '::' || bare === '::1' || /^f[cd]/.test(bare) || /^fe[89ab]/.test(bare) || /^ff/.test(bare);
}

/** Why `value` cannot be a webhook URL, or null when it can. `allowPrivate` is only ever true outside production. */
export function webhookUrlProblem(value: string, allowPrivate: boolean): string | null {
  if (value.length > WEBHOOK_URL_MAX) return `must be at most ${WEBHOOK_URL_MAX} characters`;
  let url: URL;
  try {
    url = new URL(value);
  } catch {
    return 'must be an absolute URL such as https://example.com/bloomzy';
  }
  if (url.protocol !== 'https:' && url.protocol !== 'http:') return 'must use https';
  // Credentials in a URL end up in logs; the signature is how the receiver authenticates us.
  if (url.username || url.password) return 'must not contain a user name or password';
  if (allowPrivate) return null;
  if (url.protocol !== 'https:') return 'must use https';
  const host = url.hostname.toLowerCase();
  if (host === 'localhost' || host.endsWith('.localhost') || host.endsWith('.internal') || isPrivateAddress(host)) {
    return 'must point to a public internet address';
  }
  return null;
}

/** Resolves the host and refuses private addresses (production only); returns the reason, or null when fine. */
export async function webhookTargetProblem(value: string, allowPrivate: boolean): Promise<string | null> {
  const problem = webhookUrlProblem(value, allowPrivate);
  if (problem || allowPrivate) return problem;
  const host = new URL(value).hostname.replace(/^\[|\]$/g, '');
  if (isIP(host)) return null; // literal addresses were checked above
  try {
    const addresses = await lookup(host, { all: true });
    return addresses.some((a) => isPrivateAddress(a.address)) ? 'resolves to a private address' : null;
  } catch {
    return `cannot resolve ${host}`;
  }
}
