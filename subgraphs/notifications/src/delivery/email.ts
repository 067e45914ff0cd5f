/**
 * The EMAIL channel's SMTP client (nodemailer). One message per attempt; `emailResult` sorts failures into transient
 * (an SMTP 4xx reply, a connection that failed or broke: worth retrying) and final (a 5xx reply: the address or the
 * message was refused). A connection per message, not a pool: reminders go out in small numbers at scattered
 * times, and a pooled connection the server has dropped would fail the next message for no reason of its own.
 */
import nodemailer from 'nodemailer';
import type { EmailConfig } from '../config.js';
import type { EmailMessage } from './email-message.js';
import type { AttemptResult } from './retry.js';

export interface EmailSender {
  send(to: string, message: EmailMessage): Promise<AttemptResult>;
  close(): void;
}

/** Connection-level failures (nodemailer's codes and the socket's): the server may well answer next time. */
const TRANSIENT_CODES = new Set(['ECONNECTION', 'ETIMEDOUT', 'ESOCKET', 'EDNS', 'ECONNREFUSED', 'ECONNRESET', 'EPIPE']);

function emailResult(error: unknown): AttemptResult {
  const { responseCode, code, message } = (error ?? {}) as {
    responseCode?: unknown;
    code?: unknown;
    message?: unknown;
  };
  const reply = typeof responseCode === 'number' ? responseCode : null;
  const text = (typeof message === 'string' ? message : String(error)).slice(0, 500);
  if (reply !== null) {
    return { ok: false, retryable: reply >= 400 && reply < 500, httpStatus: reply, error: `SMTP ${text}` };
  }
  const retryable = typeof code === 'string' && TRANSIENT_CODES.has(code);
  return { ok: false, retryable, httpStatus: null, error: `SMTP ${text}` };
}

export function createEmailSender(config: EmailConfig, timeoutMs: number): EmailSender {
  const transport = nodemailer.createTransport(
    { url: config.smtpUrl, connectionTimeout: timeoutMs, greetingTimeout: timeoutMs, socketTimeout: timeoutMs },
    { from: config.from },
  );
  return {
    async send(to, message) {
      try {
        const info = await transport.sendMail({
          to,
          subject: message.subject,
          text: message.text,
          html: message.html,
          headers: message.headers,
        });
        if (info.rejected.length > 0) {
          return { ok: false, retryable: false, httpStatus: null, error: `SMTP rejected ${to}` };
        }
        return { ok: true, retryable: false, httpStatus: 250, error: null };
      } catch (error) {
        return emailResult(error);
      }
    },
    close: () => transport.close(),
  };
}
