import { randomUUID } from 'node:crypto';
import type { ExpectedVersion } from '../../platform/http/versioning.ts';
import type { ApiTokenCreate, ApiTokenCreated } from '@forvalta/contracts';
import type { Actor, AnyActor, SystemActor } from '../../access/actor.ts';
import { municipalityOf } from '../../access/authorise.ts';
import { requireSystemActor, useCase } from '../../access/use-case.ts';
import { recordAudit } from '../../platform/audit.ts';
import type { Clock } from '../../platform/clock.ts';
import { withTransaction, type DatabaseHandle, type TransactionHandle } from '../../platform/database.ts';
import { AppError, invalid, notFound } from '../../platform/errors.ts';
import { apiTokenPrefix, hashSecret, newSecret } from '../../platform/tokens.ts';
import { versionedWrites } from '../../platform/versioned-write.ts';
import { organisationReads } from '../organisation/index.ts';
import { apiTokensRepository } from './api-tokens.repository.ts';

function personActor(actor: AnyActor): Actor {
  if (actor.kind !== 'person') throw new AppError('forbidden', 'Only a person holds API tokens.');
  return actor;
}

/**
 * Revokes every token of a login in one municipality, in the caller's transaction, with an audit
 * event each: a person who leaves, or whose login is removed, loses their tokens at once.
 */
export async function revokeTokensOfLogin(
  transaction: TransactionHandle,
  actor: AnyActor,
  clock: Clock,
  owner: { municipalityId: string; loginId: string },
) {
  const now = clock.now().toISOString();
  for (const id of await apiTokensRepository.revokeAllOfLogin(transaction, owner.municipalityId, owner.loginId, now)) {
    await recordAudit(transaction, actor, clock, {
      action: 'revoke',
      entityType: 'api_token',
      entityId: id,
      after: { revokedAt: now, reason: 'access_ended' },
      municipalityId: owner.municipalityId,
    });
  }
}

/** Personal API tokens: each works for its login in one municipality, with that person's roles. */
export function createApiTokensService(db: DatabaseHandle, clock: Clock) {
  const versioned = versionedWrites(db, clock);
  /** Shared by the web/API path and the CLI (which acts for a login it names). */
  async function issueToken(
    transaction: TransactionHandle,
    auditActor: AnyActor,
    owner: { loginId: string; municipalityId: string },
    input: ApiTokenCreate,
  ): Promise<ApiTokenCreated> {
    const now = clock.now().toISOString();
    // Instants, stored in UTC: "2026-12-02T00:00:00+14:00" is 10:00 UTC on 1 December (issue #12, finding 8).
    const expiresAt = input.expiresAt ? new Date(input.expiresAt).toISOString() : null;
    if (expiresAt && Date.parse(expiresAt) <= Date.parse(now)) throw invalid('expiresAt', 'The expiry must be in the future.');
    const creator = auditActor.kind === 'person' ? auditActor.token : undefined;
    if (creator) {
      // A script's token makes tokens only if it was given that right, and none that outlive it.
      if (!creator.canCreateTokens) throw new AppError('forbidden', 'This API token may not create tokens.');
      if (creator.expiresAt && (!expiresAt || Date.parse(expiresAt) > Date.parse(creator.expiresAt))) {
        throw invalid('expiresAt', `A token created with a token expires no later than it does (${creator.expiresAt}).`);
      }
    }
    const token = newSecret(apiTokenPrefix);
    const id = randomUUID();
    await apiTokensRepository.insert(
      transaction,
      {
        id,
        municipalityId: owner.municipalityId,
        loginId: owner.loginId,
        name: input.name,
        tokenHash: hashSecret(token),
        tokenPrefix: token.slice(0, apiTokenPrefix.length + 6),
        expiresAt,
        canCreateTokens: input.canCreateTokens ?? false,
      },
      now,
    );
    const created = (await apiTokensRepository.findOwn(transaction, owner.municipalityId, owner.loginId, id))!;
    await recordAudit(transaction, auditActor, clock, {
      action: 'create',
      entityType: 'api_token',
      entityId: id,
      after: created,
      municipalityId: owner.municipalityId,
    });
    return { ...created, token };
  }

  return {
    /** The test harness and bulk loads: a token for a login they name, outside any person's permission. */
    issueToken(
      transaction: TransactionHandle,
      auditActor: SystemActor,
      owner: { loginId: string; municipalityId: string },
      input: ApiTokenCreate,
    ) {
      requireSystemActor(auditActor);
      return issueToken(transaction, auditActor, owner, input);
    },

    /**
     * `forvalta token create`: a token for the login with this e-mail, in the municipality with
     * this code, or in its only municipality when it has just one.
     */
    async issueTokenForLogin(auditActor: SystemActor, email: string, municipalityCode: string | undefined, input: ApiTokenCreate) {
      requireSystemActor(auditActor);
      const loginId = await organisationReads.findLoginIdByEmail(db, email);
      if (!loginId) throw invalid('email', `No login has the e-mail address ${email}.`);
      const memberships = await organisationReads.municipalitiesOfLogin(db, loginId);
      const target = municipalityCode ? memberships.find((municipality) => municipality.code === municipalityCode) : memberships[0];
      if (municipalityCode && !target)
        throw invalid('municipality', `${email} has no role in a municipality with code ${municipalityCode}.`);
      if (!municipalityCode && memberships.length > 1) {
        throw invalid(
          'municipality',
          `${email} has roles in several municipalities (${memberships.map((m) => m.code).join(', ')}); name one.`,
        );
      }
      if (!target) throw invalid('email', `${email} has no role in any municipality.`);
      const created = await withTransaction(db, (transaction) =>
        issueToken(transaction, { ...auditActor, municipalityId: target.id }, { loginId, municipalityId: target.id }, input),
      );
      return { municipality: target, created };
    },

    listOwnTokens: useCase('apiToken.manageOwn', async ({ actor, authorise }, query: { limit: number; cursor?: string; sort?: string }) => {
      authorise();
      const person = personActor(actor);
      return apiTokensRepository.list(db, municipalityOf(actor), person.loginId, query);
    }),

    getOwnToken: useCase('apiToken.manageOwn', async ({ actor, authorise }, id: string) => {
      authorise();
      const person = personActor(actor);
      const token = await apiTokensRepository.findOwn(db, municipalityOf(actor), person.loginId, id);
      if (!token) throw notFound('API token');
      return token;
    }),

    createOwnToken: useCase('apiToken.manageOwn', async ({ actor, authorise }, input: ApiTokenCreate) => {
      authorise();
      const person = personActor(actor);
      return withTransaction(db, (transaction) =>
        issueToken(transaction, actor, { loginId: person.loginId, municipalityId: person.municipalityId }, input),
      );
    }),

    revokeOwnToken: useCase('apiToken.manageOwn', async ({ actor, authorise }, id: string, expectedVersion: ExpectedVersion) => {
      authorise();
      const person = personActor(actor);
      const municipalityId = municipalityOf(actor);
      await versioned.update(actor, {
        entity: 'API token',
        expectedVersion,
        // Only the caller's own tokens: another login's token is not there for them (404).
        load: (transaction) => apiTokensRepository.findOwn(transaction, municipalityId, person.loginId, id),
        authorise: () => authorise(),
        apply: (transaction, _before, version) =>
          apiTokensRepository.revoke(transaction, municipalityId, id, version, clock.now().toISOString()),
        audit: (before, after) => ({ action: 'revoke', entityType: 'api_token', entityId: id, before, after }),
      });
    }),

    /** The municipality's tokens, whoever holds them: administrators see and revoke them (finding 8). */
    listMunicipalityTokens: useCase(
      'apiToken.manageAll',
      async ({ actor, authorise }, query: { limit: number; cursor?: string; sort?: string }) => {
        authorise();
        return apiTokensRepository.listForMunicipality(db, municipalityOf(actor), query);
      },
    ),

    revokeMunicipalityToken: useCase('apiToken.manageAll', async ({ actor, authorise }, id: string, expected: ExpectedVersion) => {
      authorise();
      const municipalityId = municipalityOf(actor);
      await versioned.update(actor, {
        entity: 'API token',
        expectedVersion: expected,
        load: (transaction) => apiTokensRepository.findInMunicipality(transaction, municipalityId, id),
        authorise: () => authorise(),
        apply: (transaction, _before, version) =>
          apiTokensRepository.revoke(transaction, municipalityId, id, version, clock.now().toISOString()),
        audit: (before, after) => ({ action: 'revoke', entityType: 'api_token', entityId: id, before, after }),
      });
    }),
  };
}

export type ApiTokensService = ReturnType<typeof createApiTokensService>;
