import { randomUUID } from 'node:crypto';
import type { PasswordChange, PasswordReset, PasswordResetLink, PasswordResetRequest } from '@forvalta/contracts';
import { type Actor, systemActor } from '../../access/actor.ts';
import { municipalityOf } from '../../access/authorise.ts';
import { useCase } from '../../access/use-case.ts';
import { recordAudit } from '../../platform/audit.ts';
import type { Clock } from '../../platform/clock.ts';
import { type DatabaseHandle, withTransaction } from '../../platform/database.ts';
import { AppError, conflict, forbidden, invalid, notFound } from '../../platform/errors.ts';
import { hashPassword, verifyPassword } from '../../platform/passwords.ts';
import { hashSecret, newSecret } from '../../platform/tokens.ts';
import type { SessionContext } from './auth.service.ts';
import { loginThrottle, type ThrottleSettings } from './login-throttle.ts';
import { passwordsRepository } from './passwords.repository.ts';
import { personActions } from '../organisation/index.ts';
import { type MailOutbox, passwordResetMail } from '../mail/index.ts';
import { swedishToday } from '../../platform/calendar.ts';

/** How long a reset link works. Long enough to reach the person another way; the link works once. */
export const resetLinkHours = 24;
/** An e-mailed link (the person asked for it themselves, and reads it now) works for an hour. */
export const requestedLinkHours = 1;
/** A new request for a login that was sent a link this recently sends nothing: no mail bombing through the form. */
const requestQuietMinutes = 5;
/**
 * A forgot-password request always answers after at least this long, known address or not: the
 * known path writes a link and a message, the unknown one nothing, and the difference must not be
 * measurable from outside (issue #18: the same answer, as far as practical the same timing).
 */
export const resetRequestFloorMs = 400;

const waitUntil = (instant: number) => new Promise((resolve) => setTimeout(resolve, Math.max(0, instant - Date.now())));

/**
 * Changing a password (with the current one) and resetting it by a one-time link that an
 * administrator issues. Either ends every other session of the login (issue #12, finding 11).
 */
export function createPasswordsService(db: DatabaseHandle, clock: Clock, throttle: ThrottleSettings, outbox?: MailOutbox) {
  return {
    /**
     * Only in a browser session: a stolen API token must not become the account. The current
     * password is checked under the login back-off, so this is no side door for guessing it.
     */
    async changePassword(actor: Actor, session: SessionContext | undefined, input: PasswordChange, clientAddress: string) {
      if (actor.authenticatedBy !== 'session' || !session) throw forbidden('Change your password in the browser, not with an API token.');
      const now = clock.now();
      const verdict = await loginThrottle.claim(db, throttle, actor.email, clientAddress, now);
      if (!verdict.allowed) throw new AppError('rate_limited', `Too many attempts. Try again after ${verdict.retryAt}.`);
      const login = await passwordsRepository.passwordHashOf(db, actor.loginId);
      if (!login?.password_hash || !(await verifyPassword(login.password_hash, input.currentPassword))) {
        throw invalid('currentPassword', 'The current password is wrong.');
      }
      if (input.newPassword === input.currentPassword) throw invalid('newPassword', 'Choose a password other than the current one.');
      const passwordHash = await hashPassword(input.newPassword);
      await withTransaction(db, async (transaction) => {
        await passwordsRepository.setPassword(transaction, actor.loginId, passwordHash, now.toISOString(), session.sessionId);
        await loginThrottle.succeeded(transaction, verdict, now);
        await recordAudit(transaction, actor, clock, { action: 'change_password', entityType: 'login', entityId: actor.loginId });
      });
    },

    /**
     * An administrator's one-time link for a person of their municipality. A login that also works
     * in another municipality is not this administrator's alone to take over: the installation
     * operator resets it (`forvalta init … --admin-password-file`).
     */
    issueResetLink: useCase(personActions.resetPassword, async ({ actor, authorise }, personId: string): Promise<PasswordResetLink> => {
      authorise();
      // The link names who issued it: a login, which the system actor has not.
      if (actor.kind === 'system') throw forbidden('A reset link is issued by an administrator; the operator uses forvalta init.');
      const municipalityId = municipalityOf(actor);
      const person = await passwordsRepository.findPersonLogin(db, municipalityId, personId);
      if (!person) throw notFound('Person');
      if (!person.login_id) throw conflict('This person has no login; give them one first.', 'no_login');
      if (person.employment_status !== 'active') throw conflict('This person has left; a reset link is not issued.', 'person_left');
      if (await passwordsRepository.worksElsewhere(db, person.login_id, municipalityId)) {
        throw forbidden('This login is used outside this municipality; the installation operator resets its password.');
      }
      const loginId = person.login_id;
      const token = newSecret();
      const now = clock.now();
      const expiresAt = new Date(now.getTime() + resetLinkHours * 3_600_000).toISOString();
      await withTransaction(db, async (transaction) => {
        await passwordsRepository.insertResetLink(transaction, {
          id: randomUUID(),
          loginId,
          municipalityId,
          tokenHash: hashSecret(token),
          issuedBy: actor.loginId,
          now: now.toISOString(),
          expiresAt,
        });
        await recordAudit(transaction, actor, clock, {
          action: 'issue_password_reset',
          entityType: 'login',
          entityId: loginId,
          after: { personId, expiresAt },
        });
      });
      return { path: `/reset-password#token=${token}`, expiresAt };
    }),

    /**
     * Forgot password (issue #18): e-mails a one-time link to a login whose person is active in a
     * municipality. Answers the same, after the same floor of time, for an unknown address, a
     * leaver, or a login sent a link minutes ago; what happened is in the audit log, not the answer.
     */
    async requestReset(input: PasswordResetRequest): Promise<void> {
      const startedAt = Date.now();
      try {
        if (!outbox?.enabled) return;
        const now = clock.now();
        const login = await passwordsRepository.findLoginForReset(db, input.email, swedishToday(now));
        if (!login) return;
        const since = new Date(now.getTime() - requestQuietMinutes * 60_000).toISOString();
        if (await passwordsRepository.recentlyRequested(db, login.loginId, since)) return;
        const token = newSecret();
        const linkId = randomUUID();
        const expiresAt = new Date(now.getTime() + requestedLinkHours * 3_600_000).toISOString();
        const mail = passwordResetMail(
          login.locale === 'en' ? 'en' : 'sv',
          `${outbox.publicUrl}/reset-password#token=${token}`,
          requestedLinkHours,
        );
        await withTransaction(db, async (transaction) => {
          await passwordsRepository.insertResetLink(transaction, {
            id: linkId,
            loginId: login.loginId,
            municipalityId: login.municipalityId,
            tokenHash: hashSecret(token),
            issuedBy: null,
            now: now.toISOString(),
            expiresAt,
          });
          await outbox.enqueue(transaction, {
            municipalityId: login.municipalityId,
            loginId: login.loginId,
            personId: login.personId,
            recipient: login.email,
            locale: login.locale === 'en' ? 'en' : 'sv',
            kind: 'password_reset',
            dedupeKey: `password_reset:${linkId}`,
            sensitive: true,
            ...mail,
          });
          await recordAudit(transaction, systemActor('forgot password', login.municipalityId), clock, {
            action: 'request_password_reset',
            entityType: 'login',
            entityId: login.loginId,
            after: { expiresAt },
          });
        });
      } finally {
        await waitUntil(startedAt + resetRequestFloorMs);
      }
    },

    /** Sets a new password with a link; the link is spent, and every session of the login ends. */
    async resetPassword(input: PasswordReset) {
      const passwordHash = await hashPassword(input.newPassword);
      const now = clock.now().toISOString();
      await withTransaction(db, async (transaction) => {
        const link = await passwordsRepository.spendResetLink(transaction, hashSecret(input.token), now);
        if (!link) throw invalid('token', 'The link is not valid: it was used, has expired or was mistyped. Ask for a new one.');
        await passwordsRepository.setPassword(transaction, link.login_id, passwordHash, now);
        await recordAudit(transaction, systemActor('password reset link', link.municipality_id), clock, {
          action: 'reset_password',
          entityType: 'login',
          entityId: link.login_id,
        });
      });
    },
  };
}

export type PasswordsService = ReturnType<typeof createPasswordsService>;
