import { randomUUID } from 'node:crypto';
import type { ExpectedVersion } from '../../platform/http/versioning.ts';
import type { ComplianceException, PolicyPackVersionCreate, PolicyPackView } from '@forvalta/contracts';
import { actorName } from '../../access/actor.ts';
import { municipalityOf } from '../../access/authorise.ts';
import { useCase } from '../../access/use-case.ts';
import { recordAudit } from '../../platform/audit.ts';
import type { Clock } from '../../platform/clock.ts';
import { withTransaction, type DatabaseHandle } from '../../platform/database.ts';
import { AppError, conflict, invalid, notFound } from '../../platform/errors.ts';
import { versionedWrites } from '../../platform/versioned-write.ts';
import { complianceRules, findClause, validatePolicyPack, type PolicyPack } from '../../policy/index.ts';
import { policyPacksRepository, type StoredPack } from './policy-packs.repository.ts';

const rulesByClause = new Set(complianceRules.map((rule) => rule.clauseId));

function toView(stored: StoredPack, currentId: string | undefined, withContent: true): PolicyPackView;
function toView(stored: StoredPack, currentId: string | undefined, withContent: false): Omit<PolicyPackView, 'clauses' | 'parameters'>;
function toView(stored: StoredPack, currentId: string | undefined, withContent: boolean) {
  const summary = {
    id: stored.id,
    key: stored.pack.key,
    version: stored.pack.version,
    document: stored.pack.document,
    publishedAt: stored.publishedAt,
    publishedByName: stored.publishedByName,
    current: stored.id === currentId,
  };
  if (!withContent) return summary;
  return {
    ...summary,
    clauses: stored.pack.clauses.map((clause) => ({ ...clause, hasRule: rulesByClause.has(clause.id) })),
    parameters: Object.values(stored.pack.parameters),
  };
}

/** The municipality's policy pack versions (ITP-4.1-ADOPT) and its exceptions (undantag). */
export function createPolicyPacksService(db: DatabaseHandle, clock: Clock) {
  const versioned = versionedWrites(db, clock);

  return {
    listPacks: useCase('compliance.read', async ({ actor, authorise }) => {
      authorise();
      const municipalityId = municipalityOf(actor);
      const packs = await policyPacksRepository.list(db, municipalityId);
      const currentId = packs[0]?.id;
      return { items: packs.map((stored) => toView(stored, currentId, false)), total: packs.length, nextCursor: null };
    }),

    getPack: useCase('compliance.read', async ({ actor, authorise }, id: string): Promise<PolicyPackView> => {
      authorise();
      const municipalityId = municipalityOf(actor);
      const [stored, current] = await Promise.all([
        policyPacksRepository.findById(db, municipalityId, id),
        policyPacksRepository.current(db, municipalityId),
      ]);
      if (!stored) throw notFound('Policy pack');
      return toView(stored, current?.id, true);
    }),

    /** Publishes a new version based on the pack `id`; results are computed against it from now on. */
    publishVersion: useCase(
      'policyPack.manage',
      async ({ actor, authorise }, id: string, input: PolicyPackVersionCreate): Promise<PolicyPackView> => {
        const municipalityId = municipalityOf(actor);
        authorise();
        return withTransaction(db, async (transaction) => {
          const base = await policyPacksRepository.findById(transaction, municipalityId, id);
          if (!base) throw notFound('Policy pack');
          if (await policyPacksRepository.versionExists(transaction, municipalityId, base.pack.key, input.version)) {
            throw conflict(`Version ${input.version} of this policy pack already exists.`, 'policy_version_exists', [
              { path: 'version', message: 'Already published' },
            ]);
          }
          const pack: PolicyPack = structuredClone(base.pack) as PolicyPack;
          pack.version = input.version;
          pack.document = { ...pack.document, ...input.document };
          for (const [key, value] of Object.entries(input.parameters ?? {})) {
            const parameter = pack.parameters[key];
            if (!parameter) throw invalid(`parameters.${key}`, `The pack has no parameter ${key}.`);
            pack.parameters[key] = { ...parameter, value };
          }
          for (const change of input.clauses ?? []) {
            const clause = findClause(pack, change.id);
            if (!clause) throw invalid('clauses', `The pack has no clause ${change.id}.`);
            Object.assign(clause, Object.fromEntries(Object.entries(change).filter(([key, value]) => key !== 'id' && value !== undefined)));
          }
          const problems = validatePolicyPack(pack);
          if (problems.length > 0) throw new AppError('validation_failed', `The pack is not sound: ${problems.join('; ')}`);
          const newId = randomUUID();
          await policyPacksRepository.insert(transaction, municipalityId, newId, pack, clock.now().toISOString(), actorName(actor));
          await recordAudit(transaction, actor, clock, {
            action: 'publish',
            entityType: 'policy_pack',
            entityId: newId,
            before: { version: base.pack.version },
            after: { version: pack.version, changes: input },
          });
          const stored = (await policyPacksRepository.findById(transaction, municipalityId, newId))!;
          return toView(stored, newId, true);
        });
      },
    ),

    listExceptions: useCase('compliance.read', async ({ actor, authorise }) => {
      authorise();
      const items = await policyPacksRepository.listExceptions(db, municipalityOf(actor));
      return { items, total: items.length, nextCursor: null };
    }),

    /** Switches a clause off for the municipality, with who decided, why and until when. */
    createException: useCase(
      'compliance.manageExceptions',
      async ({ actor, authorise }, input: { clauseId: string; reason: string; until?: string | null }): Promise<ComplianceException> => {
        authorise();
        const municipalityId = municipalityOf(actor);
        return withTransaction(db, async (transaction) => {
          const current = await policyPacksRepository.current(transaction, municipalityId);
          if (current && !findClause(current.pack, input.clauseId))
            throw invalid('clauseId', `The policy pack has no clause ${input.clauseId}.`);
          const id = randomUUID();
          await policyPacksRepository.insertException(
            transaction,
            municipalityId,
            { id, clauseId: input.clauseId, reason: input.reason, decidedBy: actorName(actor), until: input.until ?? null },
            clock.now().toISOString(),
          );
          const created = (await policyPacksRepository.listExceptions(transaction, municipalityId)).find(
            (exception) => exception.id === id,
          )!;
          await recordAudit(transaction, actor, clock, {
            action: 'create',
            entityType: 'compliance_exception',
            entityId: id,
            after: created,
          });
          return created;
        });
      },
    ),

    deleteException: useCase('compliance.manageExceptions', async ({ actor, authorise }, id: string, expectedVersion: ExpectedVersion) => {
      const municipalityId = municipalityOf(actor);
      await versioned.delete(actor, {
        entity: 'Exception',
        expectedVersion,
        load: async (transaction) =>
          (await policyPacksRepository.listExceptions(transaction, municipalityId)).find((exception) => exception.id === id),
        authorise: () => authorise(),
        apply: (transaction, _before, version) => policyPacksRepository.deleteException(transaction, municipalityId, id, version),
        audit: (before) => ({ action: 'delete', entityType: 'compliance_exception', entityId: id, before }),
      });
    }),
  };
}

export type PolicyPacksService = ReturnType<typeof createPolicyPacksService>;
