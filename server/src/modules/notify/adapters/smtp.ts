import nodemailer from 'nodemailer';
import type { Sender } from './types.js';

/** E-mail over SMTP with nodemailer, to SMTP_URL (smtp:// or smtps://, credentials in the URL). */
export function smtpSender(opts: { url: string; from: string }): Sender {
  const transport = nodemailer.createTransport(opts.url, {
    // A provider that hangs must not hold the relay: give up and retry later.
    connectionTimeout: 10_000,
    greetingTimeout: 10_000,
    socketTimeout: 20_000,
  } as never);
  return {
    name: 'smtp',
    async send(m, meta) {
      await transport.sendMail({
        from: opts.from,
        to: m.to,
        subject: m.subject ?? 'CCTNS',
        text: m.text,
        headers: { 'X-CCTNS-Message-Id': meta.outboxId },
      });
    },
    close: () => transport.close(),
  };
}
