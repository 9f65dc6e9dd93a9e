import { performance } from 'node:perf_hooks';
import { randomUUID } from 'node:crypto';
import { sql } from 'kysely';
import { systemActor } from '../access/actor.ts';
import { createRandom } from '../demo/random.ts';
import { openAuditChain } from '../platform/bulk-audit.ts';
import type { Clock } from '../platform/clock.ts';
import { isPostgres, withTransaction, type DatabaseHandle } from '../platform/database.ts';
import { swedishSortKey } from '../platform/text.ts';
import type { Services } from '../services.ts';
import { createAcknowledgementCoverageService } from '../modules/acknowledgements/index.ts';
import { createIdSource, seedFor } from './deterministic-ids.ts';
import { generatePeople, type GeneratedDepartment, type OrganisationContext } from './organisation-generator.ts';

/**
 * The acknowledgements at scale (issue #13): a municipality brought to `people` employees, then a
 * document that asks all of them adopted three times — a first version (everyone asked), an
 * editorial one (acknowledgements carried over) and a new one (everyone asked again, the open
 * requests withdrawn) — each adoption timed from its transaction's start to its commit, with the
 * coverage view timed in between at the share of acknowledgements given.
 */
export interface AcknowledgementScale {
  people: number;
  activeEmployees: number;
  adoptions: Array<{ renewal: string; asked: number; carriedOver: number; withdrawn: number; seconds: number }>;
  acknowledgedShare: number;
  /** Served by the per-process cache at the data version (the everyday case: asked again, nothing written since). */
  coverage: { samples: number; departments: number; p50Milliseconds: number; p99Milliseconds: number };
  /** Every call a miss (READ_CACHE=false): the first view after a write. */
  uncachedCoverage: { samples: number; p50Milliseconds: number; p99Milliseconds: number };
}

const percentile = (sorted: number[], share: number) => sorted[Math.min(sorted.length - 1, Math.floor(sorted.length * share))]!;

/** Adds generated people to the municipality's departments until it has `count` (with their audit events, as a load does). */
async function fillPeople(db: DatabaseHandle, clock: Clock, municipalityId: string, count: number, seed: number) {
  const existing = Number(
    (
      await db
        .selectFrom('people')
        .select((eb) => eb.fn.countAll<number>().as('n'))
        .where('municipality_id', '=', municipalityId)
        .executeTakeFirstOrThrow()
    ).n,
  );
  if (existing >= count) return existing;
  const departments: GeneratedDepartment[] = (
    await db
      .selectFrom('departments')
      .select(['id', 'name', 'parent_id', 'is_it_unit'])
      .where('municipality_id', '=', municipalityId)
      .execute()
  ).map((row) => ({ id: row.id, name: row.name, topLevel: row.parent_id === null, isItUnit: row.is_it_unit === 1 }));
  await withTransaction(db, async (transaction) => {
    const actor = systemActor('generate', municipalityId);
    const context: OrganisationContext = {
      transaction,
      municipalityId,
      emailDomain: `fler${seed}.example`,
      random: createRandom(seedFor(seed, municipalityId)),
      ids: createIdSource(createRandom(seed ^ 0x2545f491)),
      now: clock.now().toISOString(),
      audit: [],
      auditChain: await openAuditChain(transaction, actor, clock),
    };
    await generatePeople(context, count - existing, departments);
    await context.auditChain.insert(context.auditChain.append(context.audit.splice(0)));
    await context.auditChain.close();
  });
  if (isPostgres(db)) await sql`analyze people`.execute(db);
  return count;
}

export async function measureAcknowledgementScale(
  db: DatabaseHandle,
  services: Services,
  clock: Clock,
  options: { municipalityId: string; people: number; seed: number; coverageSamples?: number },
): Promise<AcknowledgementScale> {
  const { municipalityId } = options;
  const people = await fillPeople(db, clock, municipalityId, options.people, options.seed);
  const now = clock.now().toISOString();
  const documentId = randomUUID();
  const title = 'Riktlinjer för IT-säkerhet (bänk)';
  await db
    .insertInto('policy_documents')
    .values({
      id: documentId,
      municipality_id: municipalityId,
      kind: 'other',
      title,
      sort_key: swedishSortKey(title),
      search_text: title.toLocaleLowerCase('sv'),
      description: null,
      owner_role: 'it_chief',
      owner_body: 'IT-chefen',
      review_interval_months: 24,
      requires_acknowledgement: 1,
      audience_department_ids_json: '[]',
      policy_pack_id: null,
      current_version_id: null,
      next_review_date: null,
      created_at: now,
      updated_at: now,
      version: 1,
    })
    .execute();

  const adoptions: AcknowledgementScale['adoptions'] = [];
  let previousVersionId: string | null = null;
  const adopt = async (number: number, editorial: boolean) => {
    const versionId = randomUUID();
    await db
      .insertInto('policy_document_versions')
      .values({
        id: versionId,
        municipality_id: municipalityId,
        document_id: documentId,
        number,
        state: 'in_review',
        adopted_by: null,
        decision_date: null,
        decision_reference: null,
        change_summary: editorial ? 'Redaktionella ändringar' : 'Nya krav på lösenord',
        editorial: editorial ? 1 : 0,
        text: 'Riktlinjerna.',
        attachment_file_name: null,
        attachment_content_type: null,
        attachment_size: null,
        attachment_storage_key: null,
        adopted_at: null,
        adopted_by_person_id: null,
        created_at: now,
        updated_at: now,
        version: 1,
      })
      .execute();
    const started = performance.now();
    const result = await withTransaction(db, async (transaction) => {
      const adoptedAt = clock.now().toISOString();
      if (previousVersionId)
        await transaction
          .updateTable('policy_document_versions')
          .set({ state: 'superseded' })
          .where('id', '=', previousVersionId)
          .execute();
      await transaction
        .updateTable('policy_document_versions')
        .set({ state: 'adopted', adopted_at: adoptedAt })
        .where('id', '=', versionId)
        .execute();
      await transaction.updateTable('policy_documents').set({ current_version_id: versionId }).where('id', '=', documentId).execute();
      return services.acknowledgementRequests.onVersionAdopted(
        transaction,
        {
          municipalityId,
          documentId,
          documentKind: 'other',
          versionId,
          previousVersionId,
          editorial,
          requiresAcknowledgement: true,
          audienceDepartmentIds: [],
          adoptedAt,
          actorPersonId: null,
          actor: systemActor('bench', municipalityId),
        },
        systemActor('bench', municipalityId),
      );
    });
    adoptions.push({
      renewal: result.renewal,
      asked: result.asked,
      carriedOver: result.carriedOver + result.openCarriedOver,
      withdrawn: result.withdrawn,
      seconds: (performance.now() - started) / 1000,
    });
    previousVersionId = versionId;
    return versionId;
  };

  const first = await adopt(1, false);
  // About 81 % acknowledge (13 of the 16 last hex digits of their request's id), in the app.
  await db
    .updateTable('acknowledgements')
    .set({ state: 'acknowledged', method: 'in_app', acknowledged_at: now, version: 2 })
    .where('municipality_id', '=', municipalityId)
    .where('version_id', '=', first)
    .where(sql<boolean>`substr(id, 36, 1) not in ('0', '1', '2')`)
    .execute();
  // Fresh statistics for both planners (PostgreSQL's autovacuum and SQLite's analyze would come later on their own).
  await sql`analyze`.execute(db);

  const actor = systemActor('bench', municipalityId);
  const samples = options.coverageSamples ?? 200;
  const time = async (service: Services['acknowledgementCoverage'], count: number) => {
    for (let warmUp = 0; warmUp < 3; warmUp += 1) await service.coverage(actor, documentId);
    const times: number[] = [];
    for (let run = 0; run < count; run += 1) {
      const started = performance.now();
      await service.coverage(actor, documentId);
      times.push(performance.now() - started);
    }
    return times.sort((left, right) => left - right);
  };
  const coverage = await services.acknowledgementCoverage.coverage(actor, documentId);
  const times = await time(services.acknowledgementCoverage, samples);
  const uncachedSamples = Math.max(10, Math.round(samples / 10));
  const uncached = await time(createAcknowledgementCoverageService(db, clock, { readCache: false }), uncachedSamples);

  await adopt(2, true);
  await adopt(3, false);
  return {
    people,
    activeEmployees: coverage.total.activeEmployees,
    adoptions,
    acknowledgedShare: coverage.total.share,
    coverage: {
      samples,
      departments: coverage.departments.length,
      p50Milliseconds: percentile(times, 0.5),
      p99Milliseconds: percentile(times, 0.99),
    },
    uncachedCoverage: { samples: uncachedSamples, p50Milliseconds: percentile(uncached, 0.5), p99Milliseconds: percentile(uncached, 0.99) },
  };
}
