/**
 * What an EMAIL notification looks like: subject, a plain-text and an HTML body (mail clients pick one), and the
 * one-click unsubscribe headers of RFC 8058. The unsubscribe link turns off email for the types the message was sent
 * for only (a digest's: each of its tasks' types with email on).
 */
import type { Notification, NotificationType } from '../db/client.js';

const TYPE_NAMES: Record<NotificationType, string> = {
  WATERING_REMINDER: 'watering reminders',
  FERTILIZING_REMINDER: 'fertilizing reminders',
  REPOTTING_REMINDER: 'repotting reminders',
  MISTING_REMINDER: 'misting reminders',
  PRUNING_REMINDER: 'pruning reminders',
  ROTATING_REMINDER: 'rotating reminders',
  LEAF_CLEANING_REMINDER: 'leaf-cleaning reminders',
  HEALTH_CHECK: 'health checks',
  GROWTH_MILESTONE: 'growth milestones',
  CARE_TIP: 'care tips',
  SYSTEM: 'system messages',
};

export interface EmailMessage {
  subject: string;
  text: string;
  html: string;
  headers: Record<string, string>;
}

const escapeHtml = (value: string): string => value.replace(/[&<>"']/g, (c) => `&#${c.charCodeAt(0)};`);

const typeList = new Intl.ListFormat('en', { type: 'conjunction' });

/**
 * The message for `n`, sent because email is on for `types` (its own type unless given); `unsubscribeUrl` is the
 * signed link for those types (delivery/unsubscribe-token.ts).
 */
export function emailMessage(
  n: Notification,
  unsubscribeUrl: string,
  types: readonly NotificationType[] = [n.type],
): EmailMessage {
  const typeName = typeList.format(types.map((t) => TYPE_NAMES[t]));
  const plants = n.userPlantIds.length > 1 ? `\n\nThis digest covers ${n.userPlantIds.length} plants.` : '';
  const text = [
    n.title,
    '',
    `${n.body}${plants}`,
    '',
    '--',
    `You get this because email is on for ${typeName} in your Bloomzy notification preferences.`,
    `Stop emails about ${typeName}: ${unsubscribeUrl}`,
  ].join('\n');
  const paragraphs = `${n.body}${plants}`
    .split(/\n{2,}/)
    .map((p) => `<p>${escapeHtml(p).replace(/\n/g, '<br>')}</p>`)
    .join('\n');
  const html = `<!doctype html>
<html><body style="font-family: sans-serif; line-height: 1.5">
<h1 style="font-size: 1.25em">${escapeHtml(n.title)}</h1>
${paragraphs}
<hr>
<p style="font-size: 0.85em; color: #555">You get this because email is on for ${typeName} in your Bloomzy
notification preferences. <a href="${escapeHtml(unsubscribeUrl)}">Stop emails about ${typeName}</a>.</p>
</body></html>`;
  return {
    subject: n.title,
    text,
    html,
    headers: {
      // RFC 8058: the mail client POSTs "List-Unsubscribe=One-Click" to the URL, with no login and no page to confirm.
      'List-Unsubscribe': `<${unsubscribeUrl}>`,
      'List-Unsubscribe-Post': 'List-Unsubscribe=One-Click',
      // Lets a receiver drop a duplicate, as X-Bloomzy-Delivery does for webhooks.
      'X-Bloomzy-Delivery': n.id,
    },
  };
}
