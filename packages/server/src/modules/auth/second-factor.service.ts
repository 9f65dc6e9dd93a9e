import type {
  RecoveryCodes,
  Role,
  SecondFactorConfirm,
  SecondFactorDisable,
  SecondFactorEnrolment,
  SecondFactorRequirement,
  SecondFactorRequirementUpdate,
  SecondFactorStatus,
} from '@forvalta/contracts';
import type { Actor } from '../../access/actor.ts';
import { municipalityOf } from '../../access/authorise.ts';
import { useCase } from '../../access/use-case.ts';
import { recordAudit } from '../../platform/audit.ts';
import type { Clock } from '../../platform/clock.ts';
import { type DatabaseHandle, type Executor, withTransaction } from '../../platform/database.ts';
import { AppError, conflict, forbidden, invalid, versionMismatch } from '../../platform/errors.ts';
import type { SessionContext } from '../../platform/http/authentication.ts';
import type { ExpectedVersion } from '../../platform/http/versioning.ts';
import { verifyPassword } from '../../platform/passwords.ts';
import { versionedWrites } from '../../platform/versioned-write.ts';
import { loginThrottle, type ThrottleSettings } from './login-throttle.ts';
import { passwordsRepository } from './passwords.repository.ts';
import { secondFactorRepository } from './second-factor.repository.ts';
import { acceptedStep, newRecoveryCodes, newTotpSecret, qrCodeDataUrl, recoveryCodeHash, totpUri } from './totp.ts';

/** A code or a recovery code, as the login's second step and the disabling of the factor take them. */
export interface SecondFactorProof {
  code?: string;
  recoveryCode?: string;
}

/** Whether a login holding `grants` must have a second factor where `requiredRoles` are required. */
export function requiresSecondFactor(grants: readonly { role: Role }[], requiredRoles: readonly Role[]): boolean {
  return grants.some((grant) => requiredRoles.includes(grant.role));
}

/**
 * Checks a proof against the login's confirmed factor, in the caller's transaction: a TOTP code
 * of a step not used before (the step is recorded, so the code works once), or an unused recovery
 * code (spent). Undefined when neither holds.
 */
export async function checkSecondFactor(
  transaction: Executor,
  loginId: string,
  proof: SecondFactorProof,
  now: Date,
): Promise<'code' | 'recoveryCode' | undefined> {
  const factor = await secondFactorRepository.findFactor(transaction, loginId);
  if (!factor?.confirmed_at) return undefined;
  if (proof.code !== undefined) {
    const step = await acceptedStep(factor.secret, proof.code, now, factor.last_used_step);
    if (step === undefined) return undefined;
    return (await secondFactorRepository.useStep(transaction, loginId, step, now.toISOString())) ? 'code' : undefined;
  }
  if (proof.recoveryCode !== undefined) {
    const spent = await secondFactorRepository.spendRecoveryCode(
      transaction,
      loginId,
      recoveryCodeHash(loginId, proof.recoveryCode),
      now.toISOString(),
    );
    return spent ? 'recoveryCode' : undefined;
  }
  return undefined;
}

/** How long the step between a right password and the code lasts, and how many wrong codes it takes. */
export const challengeMinutes = 5;
export const challengeMaxFailures = 5;

/** A wrong code at the login's second step, told apart from the other refusals so it can be counted. */
export class WrongSecondFactor extends AppError {
  constructor(path: 'code' | 'recoveryCode') {
    const message = 'The code is wrong, has expired or was used already.';
    super('invalid_credentials', message, { fieldErrors: [{ path, message }] });
  }
}

/** The stable refusal of a session that must enrol a second factor first. */
export const secondFactorRequired = () =>
  new AppError('forbidden', 'A role you hold in this municipality requires a second factor. Set one up under My account first.', {
    reason: 'second_factor_required',
  });

/**
 * Enrolling, using and disabling one's own second factor (only in a browser session: an API
 * token must not become the account), and the municipality's requirement per role.
 */
export function createSecondFactorService(db: DatabaseHandle, clock: Clock, throttle: ThrottleSettings) {
  const versioned = versionedWrites(db, clock);

  function requireSession(actor: Actor, session: SessionContext | undefined): asserts session is SessionContext {
    if (actor.authenticatedBy !== 'session' || !session)
      throw forbidden('Manage your second factor in the browser, not with an API token.');
  }

  /** Claims one attempt of the login back-off (ADR 0010): a stolen session cannot guess codes or the password freely. */
  async function claimAttempt(actor: Actor, clientAddress: string, now: Date) {
    const verdict = await loginThrottle.claim(db, throttle, actor.email, clientAddress, now);
    if (!verdict.allowed) throw new AppError('rate_limited', `Too many attempts. Try again after ${verdict.retryAt}.`);
    return verdict;
  }

  async function issueRecoveryCodes(transaction: Executor, loginId: string, now: string): Promise<RecoveryCodes> {
    const recoveryCodes = newRecoveryCodes();
    await secondFactorRepository.replaceRecoveryCodes(
      transaction,
      loginId,
      recoveryCodes.map((code) => recoveryCodeHash(loginId, code)),
      now,
    );
    return { recoveryCodes };
  }

  return {
    async status(actor: Actor): Promise<SecondFactorStatus> {
      const factor = await secondFactorRepository.findFactor(db, actor.loginId);
      const requirement = await secondFactorRepository.requirement(db, actor.municipalityId);
      return {
        enabled: Boolean(factor?.confirmed_at),
        enabledAt: factor?.confirmed_at ?? null,
        recoveryCodesLeft: factor?.confirmed_at ? await secondFactorRepository.countUnusedRecoveryCodes(db, actor.loginId) : 0,
        required: requiresSecondFactor(actor.roles, requirement.roles),
      };
    },

    /** A new secret, pending until confirmed; shown this once. Starting again replaces a pending one. */
    async startEnrolment(actor: Actor, session: SessionContext | undefined): Promise<SecondFactorEnrolment> {
      requireSession(actor, session);
      const existing = await secondFactorRepository.findFactor(db, actor.loginId);
      if (existing?.confirmed_at)
        throw conflict('A second factor is already set up; disable it first to set up another.', 'second_factor_already_enabled');
      const secret = newTotpSecret();
      const otpauthUri = totpUri(secret, actor.email);
      await withTransaction(db, async (transaction) => {
        await secondFactorRepository.savePendingFactor(transaction, actor.loginId, secret, clock.now().toISOString());
      });
      return { secret, otpauthUri, qrCodeDataUrl: await qrCodeDataUrl(otpauthUri) };
    },

    /** The first code from the app activates the factor; the ten recovery codes are shown this once. */
    async confirmEnrolment(actor: Actor, session: SessionContext | undefined, input: SecondFactorConfirm, clientAddress: string) {
      requireSession(actor, session);
      const now = clock.now();
      const verdict = await claimAttempt(actor, clientAddress, now);
      const factor = await secondFactorRepository.findFactor(db, actor.loginId);
      if (!factor) throw conflict('Start setting up the second factor first.', 'second_factor_not_enabled');
      if (factor.confirmed_at) throw conflict('The second factor is already set up.', 'second_factor_already_enabled');
      const step = await acceptedStep(factor.secret, input.code, now, null);
      if (step === undefined) throw invalid('code', 'The code is wrong or has expired. Type the code the app shows now.');
      return withTransaction(db, async (transaction) => {
        if (!(await secondFactorRepository.confirmFactor(transaction, actor.loginId, step, now.toISOString()))) throw versionMismatch();
        const codes = await issueRecoveryCodes(transaction, actor.loginId, now.toISOString());
        await loginThrottle.succeeded(transaction, verdict, now);
        await recordAudit(transaction, actor, clock, { action: 'mfa_enabled', entityType: 'login', entityId: actor.loginId });
        return codes;
      });
    },

    /** New recovery codes (the old ones stop working), with a current code from the app. */
    async regenerateRecoveryCodes(actor: Actor, session: SessionContext | undefined, input: SecondFactorConfirm, clientAddress: string) {
      requireSession(actor, session);
      const now = clock.now();
      const verdict = await claimAttempt(actor, clientAddress, now);
      return withTransaction(db, async (transaction) => {
        const factor = await secondFactorRepository.findFactor(transaction, actor.loginId);
        if (!factor?.confirmed_at) throw conflict('No second factor is set up.', 'second_factor_not_enabled');
        if (!(await checkSecondFactor(transaction, actor.loginId, { code: input.code }, now))) {
          throw invalid('code', 'The code is wrong, has expired or was used already.');
        }
        const codes = await issueRecoveryCodes(transaction, actor.loginId, now.toISOString());
        await loginThrottle.succeeded(transaction, verdict, now);
        await recordAudit(transaction, actor, clock, {
          action: 'mfa_recovery_codes_renewed',
          entityType: 'login',
          entityId: actor.loginId,
        });
        return codes;
      });
    },

    /** Turning it off needs both the current password and a code (or a recovery code): a left-open session is not enough. */
    async disable(actor: Actor, session: SessionContext | undefined, input: SecondFactorDisable, clientAddress: string) {
      requireSession(actor, session);
      const now = clock.now();
      const verdict = await claimAttempt(actor, clientAddress, now);
      const login = await passwordsRepository.passwordHashOf(db, actor.loginId);
      if (!login?.password_hash || !(await verifyPassword(login.password_hash, input.currentPassword))) {
        throw invalid('currentPassword', 'The current password is wrong.');
      }
      await withTransaction(db, async (transaction) => {
        const factor = await secondFactorRepository.findFactor(transaction, actor.loginId);
        if (!factor?.confirmed_at) throw conflict('No second factor is set up.', 'second_factor_not_enabled');
        const used = await checkSecondFactor(transaction, actor.loginId, input, now);
        if (!used) throw invalid(input.code !== undefined ? 'code' : 'recoveryCode', 'The code is wrong, has expired or was used already.');
        await secondFactorRepository.deleteFactor(transaction, actor.loginId);
        await loginThrottle.succeeded(transaction, verdict, now);
        await recordAudit(transaction, actor, clock, { action: 'mfa_disabled', entityType: 'login', entityId: actor.loginId });
      });
    },

    getRequirement: useCase('municipality.read', async ({ actor, authorise }): Promise<SecondFactorRequirement> => {
      authorise();
      return secondFactorRepository.requirement(db, municipalityOf(actor));
    }),

    /** The roles that must log in with a second factor; a login holding one and having none must enrol before anything else. */
    updateRequirement: useCase(
      'secondFactorRequirement.manage',
      async (
        { actor, authorise },
        expectedVersion: ExpectedVersion,
        input: SecondFactorRequirementUpdate,
      ): Promise<SecondFactorRequirement> => {
        const municipalityId = municipalityOf(actor);
        const roles = [...new Set(input.roles)].sort();
        return versioned.update(actor, {
          entity: 'Second factor requirement',
          expectedVersion,
          load: (transaction) => secondFactorRepository.requirement(transaction, municipalityId),
          authorise: () => authorise(),
          apply: (transaction, _before, version) =>
            secondFactorRepository.saveRequirement(transaction, municipalityId, version, roles, clock.now().toISOString()),
          audit: (before, after) => ({
            action: 'update',
            entityType: 'second_factor_requirement',
            entityId: municipalityId,
            before: { roles: before.roles },
            after: { roles: after.roles },
          }),
        });
      },
    ),
  };
}

export type SecondFactorService = ReturnType<typeof createSecondFactorService>;
