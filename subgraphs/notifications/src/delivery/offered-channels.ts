/**
 * Which channels this deployment offers. IN_APP and WEBHOOK always (the dispatcher delivers them); EMAIL only with an
 * SMTP server, WEB_PUSH only with VAPID keys: a channel that cannot deliver is never offered to choose.
 */
import type { NotificationsConfig } from '../config.js';
import type { NotificationChannel } from '../db/client.js';

export type ChannelConfig = Pick<NotificationsConfig, 'email' | 'webPush'>;

export function offeredChannels(config: ChannelConfig): NotificationChannel[] {
  const channels: NotificationChannel[] = ['IN_APP', 'WEBHOOK'];
  if (config.email) channels.push('EMAIL');
  if (config.webPush) channels.push('WEB_PUSH');
  return channels;
}

/** The email/webPush toggles a channel list stands for (EMAIL and WEB_PUSH are not stored in the list itself). */
export function externalToggles(channels: readonly NotificationChannel[]): { email: boolean; webPush: boolean } {
  return { email: channels.includes('EMAIL'), webPush: channels.includes('WEB_PUSH') };
}
