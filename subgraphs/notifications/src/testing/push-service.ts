/**
 * A local push service (RFC 8030) and the browser end of a subscription, for the WEB_PUSH tests: it makes the
 * subscription's keys itself (a P-256 key pair and auth secret, as a browser does), decrypts every message it
 * receives (RFC 8291 aes128gcm, with node's ECDH and HKDF, independent of the web-push package that encrypted it)
 * and verifies its VAPID Authorization header (RFC 8292: an ES256 JWT under the `k` public key).
 */
import { createECDH, createDecipheriv, hkdfSync, randomBytes } from 'node:crypto';
import { createServer, type IncomingHttpHeaders } from 'node:http';
import type { AddressInfo } from 'node:net';
import { importJWK, jwtVerify, type JWTPayload } from 'jose';

interface PushedMessage {
  headers: IncomingHttpHeaders;
  /** The decrypted payload. */
  payload: string;
  /** The verified VAPID JWT's claims, and the public key it was verified with. */
  vapid: { claims: JWTPayload; publicKey: string };
}

/** A VAPID key pair as `npx web-push generate-vapid-keys` prints it (P-256, base64url), for a deployment under test. */
export function vapidKeys(): { publicKey: string; privateKey: string } {
  const ecdh = createECDH('prime256v1');
  ecdh.generateKeys();
  return {
    publicKey: ecdh.getPublicKey().toString('base64url'),
    privateKey: ecdh.getPrivateKey().toString('base64url'),
  };
}

export interface PushService {
  /** A subscription of a new "browser": endpoint on this service, keys as PushSubscription.toJSON() gives them. */
  subscription(): { endpoint: string; keys: { p256dh: string; auth: string } };
  received: PushedMessage[];
  /** Problems with requests that could not be decrypted or verified (a test expects none). */
  failures: string[];
  /** HTTP statuses for the next requests, in order; 201 once they run out. */
  respondWith(...statuses: number[]): void;
  close(): Promise<void>;
}

const hkdf = (salt: Buffer, ikm: Buffer, info: Buffer, length: number) =>
  Buffer.from(hkdfSync('sha256', ikm, salt, info, length));

/** RFC 8291 §3.4 and RFC 8188: one aes128gcm record, decrypted with the user agent's private key and auth secret. */
function decrypt(body: Buffer, ecdh: ReturnType<typeof createECDH>, authSecret: Buffer): string {
  const salt = body.subarray(0, 16);
  const idLength = body.readUInt8(20);
  const serverPublic = body.subarray(21, 21 + idLength);
  const ciphertext = body.subarray(21 + idLength);
  const shared = ecdh.computeSecret(serverPublic);
  const keyInfo = Buffer.concat([Buffer.from('WebPush: info\0'), ecdh.getPublicKey(), serverPublic]);
  const ikm = hkdf(authSecret, shared, keyInfo, 32);
  const cek = hkdf(salt, ikm, Buffer.from('Content-Encoding: aes128gcm\0'), 16);
  const nonce = hkdf(salt, ikm, Buffer.from('Content-Encoding: nonce\0'), 12);
  const decipher = createDecipheriv('aes-128-gcm', cek, nonce);
  decipher.setAuthTag(ciphertext.subarray(ciphertext.length - 16));
  const padded = Buffer.concat([decipher.update(ciphertext.subarray(0, ciphertext.length - 16)), decipher.final()]);
  // The last record ends with the delimiter 0x02 and zero padding.
  const end = padded.lastIndexOf(2);
  if (end < 0 || padded.subarray(end + 1).some((b) => b !== 0)) throw new Error('bad padding');
  return padded.subarray(0, end).toString('utf8');
}

/** `vapid t=<jwt>, k=<key>`: verified as an ES256 JWT under the P-256 public key k. */
async function verifyVapid(authorization: string | undefined): Promise<PushedMessage['vapid']> {
  const match = /^vapid t=([^,\s]+),\s*k=([A-Za-z0-9_-]+)$/.exec(authorization ?? '');
  if (!match) throw new Error(`not a VAPID Authorization header: ${authorization ?? 'none'}`);
  const [, jwt = '', publicKey = ''] = match;
  const point = Buffer.from(publicKey, 'base64url');
  const key = await importJWK(
    {
      kty: 'EC',
      crv: 'P-256',
      x: point.subarray(1, 33).toString('base64url'),
      y: point.subarray(33, 65).toString('base64url'),
    },
    'ES256',
  );
  const { payload } = await jwtVerify(jwt, key, { algorithms: ['ES256'] });
  return { claims: payload, publicKey };
}

export async function startPushService(): Promise<PushService> {
  const received: PushedMessage[] = [];
  const failures: string[] = [];
  const script: number[] = [];
  const browsers = new Map<string, { ecdh: ReturnType<typeof createECDH>; auth: Buffer }>();
  const server = createServer((req, res) => {
    const chunks: Buffer[] = [];
    req.on('data', (c: Buffer) => chunks.push(c));
    req.on('end', () => {
      const status = script.shift() ?? 201;
      const browser = browsers.get(req.url ?? '');
      void (async () => {
        if (status >= 200 && status < 300 && browser) {
          try {
            const vapid = await verifyVapid(req.headers.authorization);
            received.push({
              headers: req.headers,
              payload: decrypt(Buffer.concat(chunks), browser.ecdh, browser.auth),
              vapid,
            });
          } catch (error) {
            failures.push(error instanceof Error ? error.message : String(error));
          }
        }
        res.writeHead(browser ? status : 404).end();
      })();
    });
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;
  return {
    subscription() {
      const path = `/push/${randomBytes(8).toString('hex')}`;
      const ecdh = createECDH('prime256v1');
      ecdh.generateKeys();
      const auth = randomBytes(16);
      browsers.set(path, { ecdh, auth });
      return {
        endpoint: `http://127.0.0.1:${port}${path}`,
        keys: { p256dh: ecdh.getPublicKey().toString('base64url'), auth: auth.toString('base64url') },
      };
    },
    received,
    failures,
    respondWith: (...statuses) => script.push(...statuses),
    close: () => new Promise<void>((resolve) => server.close(() => resolve())),
  };
}
