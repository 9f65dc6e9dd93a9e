import { randomUUID } from 'node:crypto';
import type { ProvisioningStatus, ProvisioningTokenCreated } from '@forvalta/contracts';
import { actorName, systemActor, type SystemActor } from '../../access/actor.ts';
import { can, municipalityOf } from '../../access/authorise.ts';
import { useCase } from '../../access/use-case.ts';
import { recordAudit } from '../../platform/audit.ts';
import type { Clock } from '../../platform/clock.ts';
import { withTransaction, type DatabaseHandle } from '../../platform/database.ts';
import type { ExpectedVersion } from '../../platform/http/versioning.ts';
import { hashSecret, newSecret } from '../../platform/tokens.ts';
import { versionedWrites } from '../../platform/versioned-write.ts';
import { provisioningRepository } from './provisioning.repository.ts';

/** A SCIM token's prefix: another kind of secret than a personal API token (fvt_), told apart at a glance. */
export const provisioningTokenPrefix = 'fvs_';

/** The name a provisioning request acts under in the audit log: the token, by its prefix. */
const actorNameOf = (tokenPrefix: string) => `SCIM provisioning (${tokenPrefix}…)`;

/** Bookkeeping of a token's last use is written at most once a minute, as a session's last-seen time. */
const lastUseInterval = 60_000;

/**
 * The municipality's SCIM token (ADR 0038): at most one is live. The administrator creates it (the
 * secret is in that answer only, stored as a hash), creates a new one to rotate it (the old one is
 * revoked in the same transaction) and revokes it. A request with a live token acts in the token's
 * municipality alone, as a system actor named for the token.
 */
export function createProvisioningTokensService(db: DatabaseHandle, clock: Clock, publicUrl: string | null) {
  const versioned = versionedWrites(db, clock);
  return {
    getStatus: useCase('provisioning.manage', async ({ actor, authorise }): Promise<ProvisioningStatus> => {
      authorise();
      const municipalityId = municipalityOf(actor);
      const token = await provisioningRepository.findLiveToken(db, municipalityId);
      const counts = await provisioningRepository.countProvisioned(db, municipalityId);
      return {
        endpoint: publicUrl ? `${publicUrl.replace(/\/+$/, '')}/scim/v2` : null,
        token: token ?? null,
        provisionedPeople: counts.people,
        provisionedLeavers: counts.leavers,
        can: { manage: can(actor, 'provisioning.manage') },
      };
    }),

    /** Creates the token, or a new one in place of the live one (rotation): the old one stops working at once. */
    createToken: useCase('provisioning.manage', async ({ actor, authorise }): Promise<ProvisioningTokenCreated> => {
      authorise();
      const municipalityId = municipalityOf(actor);
      return withTransaction(db, async (transaction) => {
        const now = clock.now().toISOString();
        const previous = await provisioningRepository.findLiveToken(transaction, municipalityId);
        if (previous && (await provisioningRepository.revokeToken(transaction, municipalityId, previous.id, previous.version, now))) {
          await recordAudit(transaction, actor, clock, {
            action: 'revoke',
            entityType: 'provisioning_token',
            entityId: previous.id,
            before: previous,
            after: { ...previous, revokedAt: now, reason: 'rotated' },
            municipalityId,
          });
        }
        const token = newSecret(provisioningTokenPrefix);
        const id = randomUUID();
        await provisioningRepository.insertToken(
          transaction,
          {
            id,
            municipalityId,
            tokenHash: hashSecret(token),
            tokenPrefix: token.slice(0, provisioningTokenPrefix.length + 6),
            createdBy: actorName(actor),
          },
          now,
        );
        const created = (await provisioningRepository.findLiveToken(transaction, municipalityId))!;
        await recordAudit(transaction, actor, clock, {
          action: 'create',
          entityType: 'provisioning_token',
          entityId: id,
          after: created,
          municipalityId,
        });
        return { ...created, token };
      });
    }),

    revokeToken: useCase('provisioning.manage', async ({ actor, authorise }, expected: ExpectedVersion) => {
      authorise();
      const municipalityId = municipalityOf(actor);
      await versioned.update(actor, {
        entity: 'Provisioning token',
        expectedVersion: expected,
        load: (transaction) => provisioningRepository.findLiveToken(transaction, municipalityId),
        authorise: () => authorise(),
        apply: (transaction, before, version) =>
          provisioningRepository.revokeToken(transaction, municipalityId, before.id, version, clock.now().toISOString()),
        // Revoked, it is no longer the live one: read it back as it was, with the time it was revoked.
        reload: async (_transaction, before) => ({ ...before, revokedAt: clock.now().toISOString() }),
        audit: (before, after) => ({
          action: 'revoke',
          entityType: 'provisioning_token',
          entityId: before.id,
          before,
          after,
          municipalityId,
        }),
      });
    }),

    /**
     * The actor of a SCIM request's bearer token, or undefined when it is no live token. Not a use
     * case: it is how a request is authenticated, as the auth module resolves an API token.
     */
    async authenticate(token: string): Promise<SystemActor | undefined> {
      if (!token.startsWith(provisioningTokenPrefix)) return undefined;
      const found = await provisioningRepository.findLiveTokenByHash(db, hashSecret(token));
      if (!found) return undefined;
      const now = clock.now();
      if (!found.lastUsedAt || now.getTime() - Date.parse(found.lastUsedAt) >= lastUseInterval) {
        await provisioningRepository.markTokenUsed(db, found.id, now.toISOString());
      }
      return systemActor(actorNameOf(found.tokenPrefix), found.municipalityId);
    },
  };
}

export type ProvisioningTokensService = ReturnType<typeof createProvisioningTokensService>;
