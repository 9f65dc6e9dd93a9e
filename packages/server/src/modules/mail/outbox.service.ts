import { randomUUID } from 'node:crypto';
import os from 'node:os';
import type { MailStatus } from '@forvalta/contracts';
import { municipalityOf } from '../../access/authorise.ts';
import { useCase } from '../../access/use-case.ts';
import type { MailConfig } from '../../config.ts';
import { swedishToday } from '../../platform/calendar.ts';
import type { Clock } from '../../platform/clock.ts';
import type { DatabaseHandle, Executor } from '../../platform/database.ts';
import { deliveryError, type MailTransport } from '../../platform/mail-transport.ts';
import { outboxRepository, type NewMailMessage } from './outbox.repository.ts';

export interface OutboxSettings {
  /** Null: e-mail is off, nothing is queued or sent. */
  mail: MailConfig | null;
  maxAttempts: number;
  retrySeconds: number;
  /** How long a claimed message stays this instance's; a crashed instance's message is sent by another after it. */
  leaseSeconds: number;
}

/** Messages handed to SMTP per claim: a run takes batches until none is due. */
const batchSize = 20;
/** How long a finished message is kept for the administrator's page and the investigation of a complaint. */
const keepFinishedDays = 90;

/**
 * The outbox (ADR 0035): messages are queued in the transaction of what causes them and sent by
 * the `mail-outbox` job. Each message is claimed by one instance before it is handed to SMTP, and
 * recorded as sent only by its holder, so two instances never both send it; a failure is retried
 * after retrySeconds, doubling, and after maxAttempts recorded as failed for the administrators.
 */
export function createMailOutbox(db: DatabaseHandle, clock: Clock, settings: OutboxSettings, transport: MailTransport | null) {
  const holder = `${os.hostname()}:${process.pid}:${randomUUID().slice(0, 8)}`;

  return {
    enabled: settings.mail !== null,
    publicUrl: settings.mail?.publicUrl ?? null,

    /** In the caller's transaction; nothing when e-mail is off. False when this occasion was queued before. */
    async enqueue(executor: Executor, message: Omit<NewMailMessage, 'id'>): Promise<boolean> {
      if (!settings.mail) return false;
      return outboxRepository.enqueue(executor, { ...message, id: randomUUID() }, clock.now().toISOString());
    },

    /** Sends what is due, in batches, until nothing is; returns counts for the job's summary. */
    async sendDue() {
      const outcome = { sent: 0, retried: 0, failed: 0, cancelled: 0 };
      if (!transport) return outcome;
      for (;;) {
        const now = clock.now();
        const leaseUntil = new Date(now.getTime() + settings.leaseSeconds * 1000).toISOString();
        const claimed = await outboxRepository.claimDue(db, holder, now.toISOString(), leaseUntil, batchSize);
        if (claimed.length === 0) return outcome;
        for (const message of claimed) {
          const at = clock.now();
          if (message.person_id && !(await outboxRepository.recipientActive(db, message.person_id, swedishToday(at)))) {
            await outboxRepository.cancel(db, message.id, holder, at.toISOString(), 'The recipient has left.');
            outcome.cancelled += 1;
            continue;
          }
          try {
            await transport.send({
              id: message.id,
              to: message.recipient,
              subject: message.subject,
              text: message.body_text,
              html: message.body_html,
            });
          } catch (error) {
            const attempts = message.attempts + 1;
            const retryAt =
              attempts >= settings.maxAttempts
                ? null
                : new Date(clock.now().getTime() + settings.retrySeconds * 1000 * 2 ** (attempts - 1)).toISOString();
            await outboxRepository.markAttemptFailed(db, message.id, holder, clock.now().toISOString(), deliveryError(error), retryAt);
            if (retryAt) outcome.retried += 1;
            else outcome.failed += 1;
            continue;
          }
          await outboxRepository.markSent(db, message.id, holder, clock.now().toISOString());
          outcome.sent += 1;
        }
      }
    },

    /** Releases the transport (the app's close). */
    close: () => transport?.close(),

    /** The nightly clean-up of messages finished long ago. */
    removeFinished(now: Date) {
      return outboxRepository.removeFinishedBefore(db, new Date(now.getTime() - keepFinishedDays * 86_400_000).toISOString());
    },

    /** SMTP and this municipality's outbox, for its administrators: no password, no other municipality's messages. */
    status: useCase('mailStatus.read', async ({ actor, authorise }): Promise<MailStatus> => {
      authorise();
      const municipalityId = municipalityOf(actor);
      const { counts, failures } = await outboxRepository.statusOf(db, municipalityId);
      const mail = settings.mail;
      return {
        configured: mail !== null,
        host: mail?.host ?? null,
        port: mail?.port ?? null,
        tls: mail?.tls ?? null,
        authenticated: mail?.auth != null,
        sender: mail?.from ?? null,
        publicUrl: mail?.publicUrl ?? null,
        queued: Number(counts.queued),
        retrying: Number(counts.retrying),
        failed: Number(counts.failed),
        lastSentAt: counts.last_sent_at ? new Date(counts.last_sent_at as string).toISOString() : null,
        recentFailures: failures.map((failure) => ({
          id: failure.id,
          kind: failure.kind,
          recipient: failure.recipient,
          subject: failure.subject,
          attempts: failure.attempts,
          lastError: failure.last_error,
          failedAt: failure.updated_at,
        })),
      };
    }),
  };
}

export type MailOutbox = ReturnType<typeof createMailOutbox>;
