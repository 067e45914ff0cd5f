/**
 * A real SMTP server on 127.0.0.1 for the EMAIL channel's tests (smtp-server): records each message (parsed with
 * mailparser) and can refuse the next recipients with scripted replies, e.g. 451 for a transient failure.
 */
import type { AddressInfo } from 'node:net';
import { simpleParser, type ParsedMail } from 'mailparser';
import { SMTPServer } from 'smtp-server';

/**
 * The variables that turn the email channel on against `smtp` (sender "Bloomzy <reminders@bloomzy.test>", links under
 * `publicUrl`), for a harness or a process under test.
 */
export function emailEnvironment(smtp: Pick<SmtpReceiver, 'url'>, publicUrl = 'https://bloomzy.test') {
  return {
    SMTP_URL: smtp.url,
    EMAIL_FROM: 'Bloomzy <reminders@bloomzy.test>',
    UNSUBSCRIBE_SECRET: 'an-unsubscribe-secret-of-at-least-32-bytes',
    PUBLIC_URL: publicUrl,
  };
}

export interface SmtpReceiver {
  url: string;
  received: ParsedMail[];
  /** SMTP reply codes for the next RCPT TO commands, in order; accepted once they run out. */
  refuseWith(...codes: number[]): void;
  close(): Promise<void>;
}

export async function startSmtpReceiver(): Promise<SmtpReceiver> {
  const received: ParsedMail[] = [];
  const script: number[] = [];
  const server = new SMTPServer({
    authOptional: true,
    disabledCommands: ['STARTTLS', 'AUTH'],
    logger: false,
    onRcptTo(_address, _session, callback) {
      const code = script.shift();
      if (code === undefined) return callback();
      return callback(Object.assign(new Error(`Scripted refusal ${code}`), { responseCode: code }));
    },
    onData(stream, _session, callback) {
      simpleParser(stream)
        .then((mail) => {
          received.push(mail);
          callback();
        })
        .catch((error: unknown) => callback(error as Error));
    },
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.server.address() as AddressInfo;
  return {
    url: `smtp://127.0.0.1:${port}`,
    received,
    refuseWith: (...codes) => script.push(...codes),
    close: () => new Promise<void>((resolve) => server.close(() => resolve())),
  };
}
