import { randomUUID } from 'node:crypto';
import type { ExpectedVersion } from '../../platform/http/versioning.ts';
import type { InvitationAccept, InvitationDetails, LoginInvitationCreated, PersonLogin } from '@forvalta/contracts';
import type { Actor, AnyActor } from '../../access/actor.ts';
import { municipalityOf } from '../../access/authorise.ts';
import { requireSystemActor, useCase } from '../../access/use-case.ts';
import { recordAudit } from '../../platform/audit.ts';
import type { Clock } from '../../platform/clock.ts';
import { type DatabaseHandle, type TransactionHandle, withTransaction } from '../../platform/database.ts';
import { AppError, conflict, invalid, notFound } from '../../platform/errors.ts';
import { hashPassword, spendPasswordTime, verifyPassword } from '../../platform/passwords.ts';
import { hashSecret, newSecret } from '../../platform/tokens.ts';
import { versionedWrites } from '../../platform/versioned-write.ts';
import { type AccessEnders, organisationReads, personActions, removeRolesOfPerson } from '../organisation/index.ts';
import { loginInvitationsRepository, toLoginInvitation } from './login-invitations.repository.ts';
import { loginsRepository } from './logins.repository.ts';

/** How long an invitation link works. */
export const invitationDays = 7;
/** Wrong passwords for an existing login before the invitation is void: it must not become a guessing oracle. */
const maxFailedAttempts = 5;

const invalidInvitation = () => new AppError('not_found', 'The invitation is not valid: it was used, revoked or has expired.');

/**
 * Giving people logins (issue #12). An administrator invites a person of their municipality; the
 * person opens the one-time link and sets their own password, or, when their address already has
 * a login, proves it with that login's password. That is the only way a login joins a
 * municipality besides the installation operator (ADR 0009): registering a person with someone's
 * e-mail links nothing.
 */
export function createLoginInvitationsService(db: DatabaseHandle, clock: Clock, enders?: AccessEnders) {
  const versioned = versionedWrites(db, clock);
  async function personOrFail(executor: TransactionHandle | DatabaseHandle, municipalityId: string, personId: string) {
    const found = await organisationReads.findPerson(executor, municipalityId, personId);
    if (!found) throw notFound('Person');
    return found;
  }

  /** Shared by the administrator (HTTP) and the operator (CLI). */
  async function issue(transaction: TransactionHandle, actor: AnyActor, municipalityId: string, personId: string) {
    const { person, loginId } = await personOrFail(transaction, municipalityId, personId);
    if (loginId) throw conflict('This person can already sign in to this municipality.', 'already_has_login');
    if (person.employmentStatus !== 'active') throw conflict('This person has left; they cannot be given a login.', 'person_left');
    const now = clock.now();
    const nowText = now.toISOString();
    for (const revokedId of await loginInvitationsRepository.revokeOpenForPerson(transaction, municipalityId, personId, nowText)) {
      await recordAudit(transaction, actor, clock, {
        action: 'invitation_revoked',
        entityType: 'login_invitation',
        entityId: revokedId,
        after: { personId, reason: 'replaced' },
        municipalityId,
      });
    }
    const token = newSecret();
    const id = randomUUID();
    await loginInvitationsRepository.insert(
      transaction,
      {
        id,
        municipalityId,
        personId,
        email: person.email,
        tokenHash: hashSecret(token),
        createdByName: actor.name,
        expiresAt: new Date(now.getTime() + invitationDays * 86_400_000).toISOString(),
      },
      nowText,
    );
    const invitation = toLoginInvitation((await loginInvitationsRepository.findById(transaction, municipalityId, id))!, nowText);
    await recordAudit(transaction, actor, clock, {
      action: 'invitation_created',
      entityType: 'login_invitation',
      entityId: id,
      after: invitation,
      municipalityId,
    });
    return { ...invitation, token } satisfies LoginInvitationCreated;
  }

  /** The pending invitation a secret names, or `not_found` for anything else. */
  async function pendingByToken(executor: TransactionHandle | DatabaseHandle, token: string) {
    const row = await loginInvitationsRepository.findByTokenHash(executor, hashSecret(token));
    if (!row || toLoginInvitation(row, clock.now().toISOString()).status !== 'pending') throw invalidInvitation();
    return row;
  }

  return {
    getPersonLogin: useCase(personActions.manageLogin, async ({ actor, authorise }, personId: string): Promise<PersonLogin> => {
      authorise();
      const municipalityId = municipalityOf(actor);
      const { loginId } = await personOrFail(db, municipalityId, personId);
      const latest = await loginInvitationsRepository.latestForPerson(db, municipalityId, personId);
      return {
        personId,
        hasLogin: loginId !== null,
        lastLoginAt: loginId ? await loginsRepository.lastLoginIn(db, municipalityId, loginId) : null,
        invitation: latest ? toLoginInvitation(latest, clock.now().toISOString()) : null,
      };
    }),

    invite: useCase(personActions.manageLogin, async ({ actor, authorise }, personId: string) => {
      authorise();
      const municipalityId = municipalityOf(actor);
      return withTransaction(db, (transaction) => issue(transaction, actor, municipalityId, personId));
    }),

    /** `forvalta login create`: the operator invites the person with this e-mail in the municipality with this code. */
    async inviteByOperator(actor: AnyActor, email: string, municipalityCode: string) {
      requireSystemActor(actor);
      const municipality = await organisationReads.findMunicipalityByCode(db, municipalityCode);
      if (!municipality) throw invalid('municipality', `No municipality has the code ${municipalityCode}.`);
      const personId = await organisationReads.findPersonIdByEmail(db, municipality.id, email);
      if (!personId) throw invalid('email', `${municipality.name} has no person with the e-mail address ${email}; register them first.`);
      const created = await withTransaction(db, (transaction) => issue(transaction, actor, municipality.id, personId));
      return { municipality, created };
    },

    revokeInvitation: useCase(personActions.manageLogin, async ({ actor, authorise }, id: string, expectedVersion: ExpectedVersion) => {
      authorise();
      const municipalityId = municipalityOf(actor);
      const now = clock.now().toISOString();
      await versioned.update(actor, {
        entity: 'Invitation',
        expectedVersion,
        load: async (transaction) => {
          const row = await loginInvitationsRepository.findById(transaction, municipalityId, id);
          return row ? toLoginInvitation(row, now) : undefined;
        },
        authorise: () => authorise(),
        apply: (transaction, before, version) => {
          if (before.status === 'accepted' || before.status === 'revoked')
            throw conflict(`The invitation is already ${before.status}.`, 'invitation_closed');
          return loginInvitationsRepository.revoke(transaction, municipalityId, id, version, now);
        },
        audit: (before, after) => ({ action: 'invitation_revoked', entityType: 'login_invitation', entityId: id, before, after }),
      });
    }),

    /**
     * Removes the person's login from this municipality (If-Match: the person's version): their
     * roles here, open invitations, sessions, tokens and reset links end with it, in one
     * transaction. Other municipalities are not touched; a login that belongs to none any more is
     * retired (no password), so it cannot sign in anywhere.
     */
    removeLogin: useCase(personActions.manageLogin, async ({ actor, authorise }, personId: string, expectedVersion: ExpectedVersion) => {
      const municipalityId = municipalityOf(actor);
      await versioned.update(actor, {
        entity: 'Person',
        expectedVersion,
        load: (transaction) => organisationReads.findPerson(transaction, municipalityId, personId),
        versionOf: ({ person }) => person.version,
        authorise: () => authorise(),
        apply: async (transaction, { loginId }, version) => {
          if (!loginId) throw conflict('This person has no login in this municipality.', 'no_login');
          return loginsRepository.unlinkPerson(transaction, municipalityId, personId, version, clock.now().toISOString());
        },
        // Whether the login lives on elsewhere is not this municipality's to know: only that it is gone here.
        audit: (before, after) => ({
          action: 'login_removed',
          entityType: 'person',
          entityId: personId,
          before: before.person,
          after: after.person,
        }),
        followUp: async (transaction, { loginId }) => {
          const removed = loginId!;
          const now = clock.now().toISOString();
          await removeRolesOfPerson(transaction, actor, clock, { municipalityId, personId });
          for (const revokedId of await loginInvitationsRepository.revokeOpenForPerson(transaction, municipalityId, personId, now)) {
            await recordAudit(transaction, actor, clock, {
              action: 'invitation_revoked',
              entityType: 'login_invitation',
              entityId: revokedId,
              after: { personId, reason: 'login_removed' },
            });
          }
          if (!enders) throw new Error('The login removal needs the access enders (services.ts wires them).');
          await enders.endAccess(transaction, actor, { municipalityId, loginId: removed });
          if (!(await loginsRepository.isLinkedAnywhere(transaction, removed))) await loginsRepository.retire(transaction, removed, now);
        },
      });
    }),

    /** What the link is for; reveals nothing about the address's logins elsewhere. */
    async lookup(token: string): Promise<InvitationDetails> {
      const row = await pendingByToken(db, token);
      return {
        email: row.email,
        municipalityCode: row.municipality_code,
        municipalityName: row.municipality_name,
        expiresAt: row.expires_at,
      };
    },

    /**
     * Accepts: a new login with the chosen password, or, when the address already has a login,
     * that login after its own password is given (its owner accepts; nobody else can).
     */
    async accept(input: InvitationAccept) {
      const row = await pendingByToken(db, input.token);
      const found = await loginsRepository.findByEmail(db, row.email);
      // A retired login (removed from every municipality, no password) is taken up as a new one.
      const retired = found !== undefined && !found.password_hash && !(await loginsRepository.isLinkedAnywhere(db, found.id));
      const existing = retired ? undefined : found;
      if (existing) {
        if (!existing.password_hash || !(await verifyPassword(existing.password_hash, input.password))) {
          const failures = await loginInvitationsRepository.countFailedAttempt(db, row.id, clock.now().toISOString());
          if (failures >= maxFailedAttempts) {
            await withTransaction(db, async (transaction) => {
              if (
                await loginInvitationsRepository.revoke(transaction, row.municipality_id, row.id, row.version, clock.now().toISOString())
              ) {
                await recordAudit(transaction, invitationActor(row), clock, {
                  action: 'invitation_revoked',
                  entityType: 'login_invitation',
                  entityId: row.id,
                  after: { reason: 'too_many_wrong_passwords' },
                  municipalityId: row.municipality_id,
                });
              }
            });
          }
          throw new AppError('invalid_credentials', 'This address already has a login: enter its password to accept.');
        }
      } else {
        await spendPasswordTime(input.password);
      }
      const passwordHash = existing ? null : await hashPassword(input.password);
      return withTransaction(db, async (transaction) => {
        const now = clock.now().toISOString();
        const current = await pendingByToken(transaction, input.token);
        const { person, loginId: linked } = await personOrFail(transaction, current.municipality_id, current.person_id);
        if (linked || person.employmentStatus !== 'active' || person.email !== current.email) throw invalidInvitation();
        // Claimed first, in one conditional UPDATE: of two accepts at once, the second finds it used.
        if (!(await loginInvitationsRepository.markAccepted(transaction, current.id, now))) throw invalidInvitation();
        let loginId = existing?.id;
        if (retired) {
          loginId = found!.id;
          if (!(await loginsRepository.setPasswordIfUnset(transaction, loginId, passwordHash!, now))) throw invalidInvitation();
        } else if (!loginId) {
          loginId = randomUUID();
          await loginsRepository.insert(transaction, { id: loginId, email: current.email, passwordHash: passwordHash! }, now);
        } else if (await loginsRepository.isLinkedIn(transaction, current.municipality_id, loginId)) {
          throw conflict('Your login already works in this municipality as another person.', 'already_has_login');
        }
        await loginInvitationsRepository.setAcceptedLogin(transaction, current.id, loginId);
        if (!(await loginInvitationsRepository.linkPerson(transaction, current.municipality_id, current.person_id, loginId, now)))
          throw invalidInvitation();
        const actor: Actor = {
          kind: 'person',
          loginId,
          personId: person.id,
          email: current.email,
          name: `${person.firstName} ${person.lastName}`,
          locale: 'sv',
          municipalityId: current.municipality_id,
          roles: [],
          authenticatedBy: 'session',
        };
        await recordAudit(transaction, actor, clock, {
          action: 'invitation_accepted',
          entityType: 'login_invitation',
          entityId: current.id,
          after: { personId: person.id, newLogin: !existing },
        });
        return { email: current.email, municipalityCode: current.municipality_code };
      });
    },

    /**
     * The installation operator links a login to a person without an invitation (ADR 0009): the
     * demo, `forvalta init` and tests. Never reachable over HTTP.
     */
    async linkByOperator(transaction: TransactionHandle, actor: AnyActor, municipalityId: string, personId: string, loginId: string) {
      requireSystemActor(actor);
      const now = clock.now().toISOString();
      if (!(await loginInvitationsRepository.linkPerson(transaction, municipalityId, personId, loginId, now))) {
        throw conflict('That person already has a login.', 'already_has_login');
      }
      await recordAudit(transaction, actor, clock, {
        action: 'update',
        entityType: 'person',
        entityId: personId,
        before: { loginId: null },
        after: { loginId },
        municipalityId,
      });
    },
  };
}

/** Who a failed accept is recorded under: nobody has signed in, so the system, naming the invitation. */
function invitationActor(row: { municipality_id: string }): AnyActor {
  return { kind: 'system', name: 'invitation', municipalityId: row.municipality_id };
}

export type LoginInvitationsService = ReturnType<typeof createLoginInvitationsService>;
