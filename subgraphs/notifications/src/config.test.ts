/** The channel settings: EMAIL and WEB_PUSH are configured all-or-nothing, with errors naming the variable. */
import { describe, expect, it } from 'vitest';
import { loadNotificationsConfig } from './config.js';

const base = { NODE_ENV: 'test' };
const VAPID = { VAPID_PUBLIC_KEY: 'BPub', VAPID_PRIVATE_KEY: 'priv', VAPID_SUBJECT: 'mailto:ops@bloomzy.test' };

describe('notifications channel configuration', () => {
  it('offers neither email nor web push by default', () => {
    const config = loadNotificationsConfig(base);
    expect(config).toMatchObject({ email: null, webPush: null, publicUrl: 'http://localhost:4000' });
    expect(config.unsubscribeSecret.byteLength).toBeGreaterThanOrEqual(32);
  });

  it('reads SMTP_URL with EMAIL_FROM, and refuses one without the other or a non-SMTP URL', () => {
    const env = { ...base, SMTP_URL: 'smtp://mail.test:25', EMAIL_FROM: 'a@bloomzy.test' };
    expect(loadNotificationsConfig(env).email).toEqual({ smtpUrl: 'smtp://mail.test:25', from: 'a@bloomzy.test' });
    expect(() => loadNotificationsConfig({ ...base, SMTP_URL: 'smtp://mail.test' })).toThrow(/EMAIL_FROM/);
    expect(() => loadNotificationsConfig({ ...env, SMTP_URL: 'https://mail.test' })).toThrow(/SMTP_URL/);
  });

  it('needs UNSUBSCRIBE_SECRET in production when email is on, and at least 32 bytes whenever set', () => {
    expect(() => loadNotificationsConfig({ ...base, UNSUBSCRIBE_SECRET: 'short' })).toThrow(/UNSUBSCRIBE_SECRET/);
    const production = {
      NODE_ENV: 'production',
      SUBGRAPH_SECRET: 'x'.repeat(40),
      NOTIFICATIONS_DATABASE_URL: 'postgres://db/notifications',
      SMTP_URL: 'smtp://mail.test',
      EMAIL_FROM: 'a@bloomzy.test',
    };
    expect(() => loadNotificationsConfig(production)).toThrow(/UNSUBSCRIBE_SECRET/);
  });

  it('reads the VAPID keys and subject together, and names what is missing', () => {
    expect(loadNotificationsConfig({ ...base, ...VAPID }).webPush).toEqual({
      publicKey: 'BPub',
      privateKey: 'priv',
      subject: 'mailto:ops@bloomzy.test',
    });
    expect(() => loadNotificationsConfig({ ...base, VAPID_PUBLIC_KEY: 'BPub' })).toThrow(/VAPID_PRIVATE_KEY/);
    expect(() => loadNotificationsConfig({ ...base, ...VAPID, VAPID_SUBJECT: 'ops' })).toThrow(/VAPID_SUBJECT/);
  });
});
