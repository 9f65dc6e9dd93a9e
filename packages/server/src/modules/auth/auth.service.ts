import type { Locale, LoginRequest, Me, Role, SecondFactorChallenge, SecondFactorLogin } from '@forvalta/contracts';
import { type Actor, systemActor } from '../../access/actor.ts';
import { permissionsOf } from '../../access/authorise.ts';
import { departmentSubtree } from '../../access/department-tree.ts';
import { recordAudit } from '../../platform/audit.ts';
import { swedishToday } from '../../platform/calendar.ts';
import type { Clock } from '../../platform/clock.ts';
import { withTransaction, type DatabaseHandle, type TransactionHandle } from '../../platform/database.ts';
import { AppError, notFound } from '../../platform/errors.ts';
import type { SessionContext } from '../../platform/http/authentication.ts';
import { spendPasswordTime, verifyPassword } from '../../platform/passwords.ts';
import { apiTokenPrefix, hashSecret, newSecret } from '../../platform/tokens.ts';
import { loginPlaces } from '../logins/index.ts';
import { authRepository, type CallerRecord } from './auth.repository.ts';
import { loginThrottle } from './login-throttle.ts';
import { secondFactorRepository } from './second-factor.repository.ts';
import {
  challengeMaxFailures,
  challengeMinutes,
  checkSecondFactor,
  requiresSecondFactor,
  WrongSecondFactor,
} from './second-factor.service.ts';

export interface AuthSettings {
  sessionIdleMinutes: number;
  sessionMaxHours: number;
  loginMaxFailures: number;
  loginLockMinutes: number;
  loginAccountAttemptsPerHour: number;
}

export type { SessionContext };

type LoginRow = NonNullable<Awaited<ReturnType<typeof authRepository.findLoginById>>>;
/** What a right password leads to: a session, or (the login has a second factor) the challenge for its code. */
export type LoginOutcome =
  | { kind: 'session'; sessionToken: string; session: SessionContext; actor: Actor }
  | ({ kind: 'challenge' } & SecondFactorChallenge);

const minutes = (count: number) => count * 60_000;

/** What the auth module asks of single sign-on (ADR 0036), filled by the composition (services.ts). */
export interface AuthPorts {
  /** False where the administrator turned password login off: only the municipality's provider signs people in. */
  passwordLoginAllowed(municipalityId: string): Promise<boolean>;
}

const passwordLoginOff = () =>
  new AppError('forbidden', 'Password login is turned off in this municipality: log in with its single sign-on.', {
    reason: 'password_login_off',
  });

export function createAuthService(
  db: DatabaseHandle,
  clock: Clock,
  settings: AuthSettings,
  ports: AuthPorts = { passwordLoginAllowed: async () => true },
) {
  const throttleSettings = {
    maxAttempts: settings.loginMaxFailures,
    pairWindowMinutes: settings.loginLockMinutes,
    accountMaxAttemptsPerHour: settings.loginAccountAttemptsPerHour,
  };
  /** Builds the request's Actor: the login as a person of one municipality, with resolved role scopes. */
  async function buildActor(login: LoginRow, municipalityId: string, authenticatedBy: Actor['authenticatedBy']) {
    const found = await authRepository.findPersonWithRoles(db, login.id, municipalityId, swedishToday(clock.now()));
    if (!found || found.grants.length === 0) return undefined;
    const scoped = found.grants.some((grant) => grant.departmentId !== null);
    const departments = scoped ? await authRepository.listDepartmentParents(db, municipalityId) : [];
    const secondFactor = await secondFactorRepository.stateFor(db, login.id, municipalityId);
    const actor: Actor = {
      kind: 'person',
      loginId: login.id,
      personId: found.personId,
      email: login.email,
      name: found.name,
      locale: login.locale === 'en' ? 'en' : 'sv',
      municipalityId,
      authenticatedBy,
      roles: found.grants.map((grant) => ({
        ...grant,
        departmentIds: grant.departmentId ? departmentSubtree(departments, grant.departmentId) : [],
      })),
      mustEnrolSecondFactor:
        authenticatedBy === 'session' && !secondFactor.enabled && requiresSecondFactor(found.grants, secondFactor.requiredRoles),
    };
    return actor;
  }

  /** An Actor from the caller a session or token names (findCallerBySession/ByToken: one query). */
  async function actorOf(
    caller: CallerRecord,
    authenticatedBy: Actor['authenticatedBy'],
    secondFactor?: { confirmed: boolean; requiredRoles: Role[] },
  ) {
    // From their end date on (the Swedish date) a person is refused, before the nightly job marks them left.
    const ended = caller.endDate !== null && caller.endDate <= swedishToday(clock.now());
    if (!caller.active || ended || caller.grants.length === 0) return undefined;
    const scoped = caller.grants.some((grant) => grant.departmentId !== null);
    const departments = scoped ? await authRepository.listDepartmentParents(db, caller.municipalityId) : [];
    const actor: Actor = {
      kind: 'person',
      loginId: caller.loginId,
      personId: caller.personId,
      email: caller.email,
      name: caller.name,
      locale: caller.locale,
      municipalityId: caller.municipalityId,
      authenticatedBy,
      roles: caller.grants.map((grant) => ({
        ...grant,
        departmentIds: grant.departmentId ? departmentSubtree(departments, grant.departmentId) : [],
      })),
      dataVersion: caller.dataVersion,
      // API tokens are not sessions: the requirement is for people at the login (ADR 0014).
      mustEnrolSecondFactor:
        authenticatedBy === 'session' &&
        secondFactor !== undefined &&
        !secondFactor.confirmed &&
        requiresSecondFactor(caller.grants, secondFactor.requiredRoles),
    };
    return actor;
  }

  /**
   * A failed or held-back login, in the audit chain of every municipality the login works in, so
   * each administrator sees attempts on their people. No client address or typed password is kept.
   */
  async function auditLoginEvent(
    loginId: string,
    action: 'login_failed' | 'login_throttled' | 'login_second_factor_failed',
    after: Record<string, string>,
  ) {
    const memberships = await authRepository.listMemberships(db, loginId, swedishToday(clock.now()));
    if (memberships.length === 0) return;
    await withTransaction(db, async (transaction) => {
      for (const membership of memberships) {
        await recordAudit(transaction, systemActor('login', membership.municipalityId), clock, {
          action,
          entityType: 'login',
          entityId: loginId,
          after,
        });
      }
    });
  }

  /**
   * The municipality asked for, else the one the login last worked in, else its first. Every
   * membership is one the login's owner accepted (or the operator linked, ADR 0009), so a tenant
   * whose name sorts first cannot catch someone's sign-in (issue #12, finding 2).
   */
  async function chooseMunicipality(login: LoginRow, requestedCode: string | undefined) {
    const memberships = await authRepository.listMemberships(db, login.id, swedishToday(clock.now()));
    if (requestedCode) return memberships.find((membership) => membership.municipalityCode === requestedCode);
    return memberships.find((membership) => membership.municipalityId === login.last_municipality_id) ?? memberships[0];
  }

  /** A new session (a fresh id on every login: no fixation), in the caller's transaction with its audit event. */
  async function openSession(
    transaction: TransactionHandle,
    actor: Actor,
    verdict: { pairKey: string; accountKey: string | null } | 'single_sign_on',
    now: Date,
  ): Promise<{ sessionToken: string; session: SessionContext }> {
    const sessionToken = newSecret();
    const csrfToken = newSecret();
    const sessionId = hashSecret(sessionToken);
    // A provider's login passes no password back-off: there was no password.
    if (verdict !== 'single_sign_on') await loginThrottle.succeeded(transaction, verdict, now);
    await loginPlaces.rememberMunicipality(transaction, actor.loginId, actor.municipalityId);
    await authRepository.insertSession(transaction, {
      id: sessionId,
      loginId: actor.loginId,
      municipalityId: actor.municipalityId,
      csrfToken,
      now: now.toISOString(),
      expiresAt: new Date(now.getTime() + settings.sessionMaxHours * 3_600_000).toISOString(),
      singleSignOn: verdict === 'single_sign_on',
    });
    await recordAudit(transaction, actor, clock, {
      action: 'login',
      entityType: 'login',
      entityId: actor.loginId,
      ...(verdict === 'single_sign_on' ? { after: { method: 'single_sign_on' } } : {}),
    });
    return { sessionToken, session: { sessionId, csrfToken } };
  }

  return {
    buildActor,

    /**
     * Verifies the password and opens a new session (a fresh id on every login: no fixation).
     * The back-off (login-throttle.ts, ADR 0010) is claimed first; an unknown e-mail address is
     * counted, delayed and answered exactly like a known one, and costs one password hash too.
     */
    async login(request: LoginRequest, clientAddress: string): Promise<LoginOutcome> {
      const now = clock.now();
      const verdict = await loginThrottle.claim(db, throttleSettings, request.email, clientAddress, now);
      const login = await authRepository.findLoginByEmail(db, request.email);
      if (!verdict.allowed) {
        // Once per window, not per refused attempt: a flood of refusals must not flood the log.
        if (login && verdict.firstRefusal) {
          await auditLoginEvent(login.id, 'login_throttled', { scope: verdict.scope, until: verdict.retryAt });
        }
        throw new AppError('rate_limited', `Too many login attempts for this e-mail address. Try again after ${verdict.retryAt}.`);
      }
      if (!login?.password_hash) {
        await spendPasswordTime(request.password);
        throw new AppError('invalid_credentials', 'Wrong e-mail address or password.');
      }
      if (!(await verifyPassword(login.password_hash, request.password))) {
        await auditLoginEvent(login.id, 'login_failed', { reason: 'wrong_password' });
        throw new AppError('invalid_credentials', 'Wrong e-mail address or password.');
      }
      const membership = await chooseMunicipality(login, request.municipalityCode);
      if (!membership) {
        throw new AppError('forbidden', 'This login has no role in that municipality.');
      }
      const actor = await buildActor(login, membership.municipalityId, 'session');
      if (!actor) throw new AppError('forbidden', 'This login has no role in that municipality.');
      if (!(await ports.passwordLoginAllowed(membership.municipalityId))) throw passwordLoginOff();

      const factor = await secondFactorRepository.findFactor(db, login.id);
      if (factor?.confirmed_at) {
        // The password attempt stays counted in the back-off: only the code completes the login
        // and clears it, so a known password does not buy fresh guesses at the code.
        const challenge = newSecret();
        const expiresAt = new Date(now.getTime() + minutes(challengeMinutes)).toISOString();
        await secondFactorRepository.insertChallenge(db, {
          loginId: login.id,
          municipalityId: membership.municipalityId,
          tokenHash: hashSecret(challenge),
          now: now.toISOString(),
          expiresAt,
        });
        return { kind: 'challenge', secondFactorRequired: true, challenge, expiresAt };
      }
      const opened = await withTransaction(db, (transaction) => openSession(transaction, actor, verdict, now));
      return { kind: 'session', ...opened, actor };
    },

    /**
     * The login's second step: the challenge of a right password and a code from the app (or a
     * recovery code). Every try is claimed in the login back-off first, so codes cannot be
     * guessed faster than passwords; a challenge ends after five wrong codes or five minutes.
     */
    async completeSecondFactor(input: SecondFactorLogin, clientAddress: string): Promise<LoginOutcome & { kind: 'session' }> {
      const now = clock.now();
      const expired = 'This login step has expired or was completed already. Log in again.';
      const challenge = await secondFactorRepository.findOpenChallenge(db, hashSecret(input.challenge), now.toISOString());
      const login = challenge ? await authRepository.findLoginById(db, challenge.login_id) : undefined;
      if (!challenge || !login)
        throw new AppError('invalid_credentials', expired, { fieldErrors: [{ path: 'challenge', message: expired }] });
      const verdict = await loginThrottle.claim(db, throttleSettings, login.email, clientAddress, now);
      if (!verdict.allowed) {
        if (verdict.firstRefusal) await auditLoginEvent(login.id, 'login_throttled', { scope: verdict.scope, until: verdict.retryAt });
        throw new AppError('rate_limited', `Too many login attempts for this e-mail address. Try again after ${verdict.retryAt}.`);
      }
      const actor = await buildActor(login, challenge.municipality_id, 'session');
      if (!actor) throw new AppError('forbidden', 'This login has no role in that municipality.');
      try {
        const opened = await withTransaction(db, async (transaction) => {
          if (!(await secondFactorRepository.spendChallenge(transaction, challenge.id, now.toISOString()))) {
            throw new AppError('invalid_credentials', expired, { fieldErrors: [{ path: 'challenge', message: expired }] });
          }
          const used = await checkSecondFactor(transaction, login.id, input, now);
          if (!used) throw new WrongSecondFactor(input.code !== undefined ? 'code' : 'recoveryCode');
          if (used === 'recoveryCode') {
            const left = await secondFactorRepository.countUnusedRecoveryCodes(transaction, login.id);
            await recordAudit(transaction, actor, clock, {
              action: 'mfa_recovery_code_used',
              entityType: 'login',
              entityId: login.id,
              after: { recoveryCodesLeft: String(left) },
            });
          }
          return openSession(transaction, actor, verdict, now);
        });
        return { kind: 'session', ...opened, actor };
      } catch (error) {
        if (error instanceof WrongSecondFactor) {
          await secondFactorRepository.failChallenge(db, challenge.id, challengeMaxFailures, now.toISOString());
          await auditLoginEvent(login.id, 'login_second_factor_failed', {
            reason: input.code !== undefined ? 'wrong_code' : 'wrong_recovery_code',
          });
        }
        throw error;
      }
    },

    /**
     * A session for a person the municipality's OpenID provider vouched for (modules/single-sign-on,
     * ADR 0036): the same session as a password login opens, marked so it stays in this
     * municipality. Undefined when the person holds no role here (after the group roles were applied).
     */
    async openSingleSignOnSession(loginId: string, municipalityId: string) {
      const login = await authRepository.findLoginById(db, loginId);
      const actor = login ? await buildActor(login, municipalityId, 'session') : undefined;
      if (!actor) return undefined;
      const opened = await withTransaction(db, (transaction) => openSession(transaction, actor, 'single_sign_on', clock.now()));
      return { ...opened, actor };
    },

    /** Whether the session was opened by single sign-on (its logout may continue at the provider). */
    async isSingleSignOnSession(sessionId: string) {
      return (await authRepository.findSession(db, sessionId))?.single_sign_on === 1;
    },

    /** The actor behind a session cookie, or undefined if it is unknown, expired or idle too long. */
    async resolveSession(sessionToken: string) {
      const now = clock.now();
      const found = await authRepository.findCallerBySession(db, hashSecret(sessionToken));
      if (!found) return undefined;
      const { session } = found;
      const idleLimit = new Date(now.getTime() - minutes(settings.sessionIdleMinutes)).toISOString();
      if (session.expiresAt <= now.toISOString() || session.lastSeenAt < idleLimit) {
        await authRepository.deleteSession(db, session.id);
        return undefined;
      }
      const actor = await actorOf(found.caller, 'session', found.secondFactor);
      if (!actor) return undefined;
      // Only write when a minute has passed, so reads stay reads.
      if (now.getTime() - Date.parse(session.lastSeenAt) > 60_000) {
        await authRepository.touchSession(db, session.id, now.toISOString());
      }
      return { actor, session: { sessionId: session.id, csrfToken: session.csrfToken } };
    },

    async resolveApiToken(token: string) {
      if (!token.startsWith(apiTokenPrefix)) return undefined;
      const now = clock.now();
      const found = await authRepository.findCallerByToken(db, hashSecret(token));
      // Instants, not text: an expiry with an offset must not outlive its moment (issue #12, finding 8).
      if (!found || found.token.revokedAt || (found.token.expiresAt && Date.parse(found.token.expiresAt) <= now.getTime()))
        return undefined;
      const { token: stored } = found;
      const person = await actorOf(found.caller, 'token');
      if (!person) return undefined;
      const actor: Actor = {
        ...person,
        token: { id: stored.id, expiresAt: stored.expiresAt, canCreateTokens: stored.canCreateTokens },
      };
      if (!stored.lastUsedAt || now.getTime() - Date.parse(stored.lastUsedAt) > 60_000) {
        await authRepository.markTokenUsed(db, stored.id, now.toISOString());
      }
      return actor;
    },

    async logout(actor: Actor, session: SessionContext | undefined, everywhere: boolean) {
      await withTransaction(db, async (transaction) => {
        if (everywhere) await authRepository.deleteSessionsOfLogin(transaction, actor.loginId);
        else if (session) await authRepository.deleteSession(transaction, session.sessionId);
        await recordAudit(transaction, actor, clock, {
          action: everywhere ? 'logout_everywhere' : 'logout',
          entityType: 'login',
          entityId: actor.loginId,
        });
      });
    },

    async describe(actor: Actor, session: SessionContext | undefined): Promise<Me> {
      const memberships = await authRepository.listMemberships(db, actor.loginId, swedishToday(clock.now()));
      const current = memberships.find((membership) => membership.municipalityId === actor.municipalityId);
      if (!current) throw notFound('Municipality');
      return {
        loginId: actor.loginId,
        email: actor.email,
        name: actor.name,
        locale: actor.locale,
        personId: actor.personId,
        municipality: current,
        memberships,
        roles: actor.roles.map(({ role, departmentId }) => ({ role, departmentId })),
        permissions: permissionsOf(actor),
        csrfToken: session?.csrfToken ?? null,
        authenticatedBy: actor.authenticatedBy,
        secondFactorEnrolmentRequired: actor.mustEnrolSecondFactor ?? false,
      };
    },

    /**
     * Switching municipality is a change of privilege: the old session ends and a new one (new
     * id, new CSRF token) starts, so nothing learnt about the old one carries over.
     */
    async switchMunicipality(actor: Actor, session: SessionContext | undefined, municipalityId: string) {
      if (!session) throw new AppError('forbidden', 'An API token works in one municipality; create one for the other.');
      const login = await authRepository.findLoginById(db, actor.loginId);
      const next = login ? await buildActor(login, municipalityId, 'session') : undefined;
      if (!next) throw notFound('Municipality');
      const current = await authRepository.findSession(db, session.sessionId);
      if (!current) throw new AppError('unauthenticated', 'The session has ended. Log in again.');
      // One municipality's provider vouches for its own people only: its session cannot enter another tenant.
      if (current.single_sign_on && municipalityId !== current.municipality_id)
        throw new AppError('forbidden', 'A single sign-on session works in the municipality that signed you in; log in there.', {
          reason: 'single_sign_on_session',
        });
      if (!current.single_sign_on && !(await ports.passwordLoginAllowed(municipalityId))) throw passwordLoginOff();
      const sessionToken = newSecret();
      const replacement: SessionContext = { sessionId: hashSecret(sessionToken), csrfToken: newSecret() };
      await withTransaction(db, async (transaction) => {
        await authRepository.deleteSession(transaction, session.sessionId);
        await authRepository.insertSession(transaction, {
          id: replacement.sessionId,
          loginId: actor.loginId,
          municipalityId,
          csrfToken: replacement.csrfToken,
          now: clock.now().toISOString(),
          expiresAt: current.expires_at,
        });
        await loginPlaces.rememberMunicipality(transaction, actor.loginId, municipalityId);
        await recordAudit(transaction, next, clock, { action: 'switch_municipality', entityType: 'login', entityId: actor.loginId });
      });
      return { actor: next, session: replacement, sessionToken };
    },

    async updateLocale(actor: Actor, locale: Locale) {
      await withTransaction(db, async (transaction) => {
        await authRepository.updateLocale(transaction, actor.loginId, locale, clock.now().toISOString());
        await recordAudit(transaction, actor, clock, {
          action: 'update',
          entityType: 'login',
          entityId: actor.loginId,
          before: { locale: actor.locale },
          after: { locale },
        });
      });
      return { ...actor, locale };
    },
  };
}

export type AuthService = ReturnType<typeof createAuthService>;
