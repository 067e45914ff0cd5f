/**
 * Which webhook URLs we are willing to POST to. In production: https, no credentials, and no host that names an
 * internal address (checked when the URL is saved and again before every delivery, in case the policy changed). Where
 * a host name really points is checked when the delivery connects, against the address it connects to
 * (delivery/webhook-fetch.ts): a public name can be re-pointed at a private address at any time.
 */
import { isIP } from 'node:net';
import { addressProblem } from './webhook-address.js';

const WEBHOOK_URL_MAX = 2048;

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
  const host = url.hostname.toLowerCase().replace(/^\[|\]$/g, '');
  if (host === 'localhost' || host.endsWith('.localhost') || host.endsWith('.internal')) {
    return 'must point to a public internet address';
  }
  const problem = isIP(host) ? addressProblem(host) : null;
  return problem ? `must point to a public internet address (${host} ${problem})` : null;
}
