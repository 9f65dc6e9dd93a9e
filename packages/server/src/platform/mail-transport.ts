import nodemailer from 'nodemailer';
import type { MailConfig } from '../config.ts';

export interface OutgoingMail {
  to: string;
  subject: string;
  text: string;
  html: string;
  /** Our own id, as the Message-ID's left part, so a message handed over twice (after a crash) can be recognised. */
  id: string;
}

/** How the outbox hands a message to the world: SMTP in the product. */
export interface MailTransport {
  send(mail: OutgoingMail): Promise<void>;
  close(): void;
}

/** Why a delivery failed, in one line fit for the administrator's page: the server's reply, never the credentials. */
export function deliveryError(error: unknown): string {
  const failure = error as { responseCode?: number; response?: string; code?: string; message?: string };
  if (failure.responseCode) return `${failure.responseCode} ${String(failure.response ?? '').slice(0, 300)}`.trim();
  return `${failure.code ?? 'error'}: ${String(failure.message ?? error).slice(0, 300)}`;
}

/**
 * nodemailer's SMTP transport from the configuration. `starttls` requires the upgrade (a server that
 * does not offer it is refused rather than sent to in clear); `none` is only allowed to a loopback
 * host (config.ts). Short timeouts: a run of the outbox must not hang on one dead server.
 */
export function smtpTransport(config: MailConfig): MailTransport {
  const transporter = nodemailer.createTransport({
    host: config.host,
    port: config.port,
    secure: config.tls === 'tls',
    requireTLS: config.tls === 'starttls',
    ignoreTLS: config.tls === 'none',
    auth: config.auth ? { user: config.auth.user, pass: config.auth.password } : undefined,
    connectionTimeout: 10_000,
    greetingTimeout: 10_000,
    socketTimeout: 30_000,
  });
  const domain = new URL(config.publicUrl).hostname;
  return {
    async send(mail) {
      await transporter.sendMail({
        from: config.from,
        to: mail.to,
        subject: mail.subject,
        text: mail.text,
        html: mail.html,
        messageId: `<${mail.id}@${domain}>`,
      });
    },
    close: () => transporter.close(),
  };
}
