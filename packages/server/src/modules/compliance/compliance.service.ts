import { randomUUID } from 'node:crypto';
import type { ComplianceFramework, ComplianceResult, ComplianceResultQuery, ComplianceSummaryView } from '@forvalta/contracts';
import { municipalityOf } from '../../access/authorise.ts';
import type { SystemActor } from '../../access/actor.ts';
import { requireSystemActor, useCase } from '../../access/use-case.ts';
import { departmentSubtree } from '../../access/department-tree.ts';
import { recordAudit } from '../../platform/audit.ts';
import type { Clock } from '../../platform/clock.ts';
import { concurrencyLimit } from '../../platform/concurrency.ts';
import { withTransaction, type DatabaseHandle } from '../../platform/database.ts';
import { invalid } from '../../platform/errors.ts';
import { decodeOffsetCursor, encodeOffsetCursor } from '../../platform/paging.ts';
import { createVersionedCache, type ReadCacheSettings } from '../../platform/versioned-cache.ts';
import { evaluate, fillParameters, findClause, nis2PolicyPack, summarise, type RuleResult } from '../../policy/index.ts';
import { swedishToday } from '../../platform/calendar.ts';
import { loadComplianceSnapshot } from './compliance-snapshot.repository.ts';
import { complianceRepository } from './compliance.repository.ts';
import { policyPacksRepository, type StoredPack } from './policy-packs.repository.ts';

const statusOrder: Record<RuleResult['status'], number> = { fail: 0, pass: 1, not_applicable: 2 };
// Building a collator is costly; one serves every request.
const swedishCollator = new Intl.Collator('sv');

/**
 * The compliance engine on live data: every rule of the municipality's current policy pack over
 * its register, evaluated on request (milliseconds at a municipality's size), with one stored
 * snapshot a day for the trend.
 */
export function createComplianceService(db: DatabaseHandle, clock: Clock, cacheSettings?: ReadCacheSettings) {
  /**
   * The municipality's current pack. Every municipality has one: initialisation stores the default
   * and a migration gave it to those created before (2026-12-01-050); a read never creates it.
   */
  async function packOf(municipalityId: string): Promise<StoredPack> {
    const stored = await policyPacksRepository.current(db, municipalityId);
    if (!stored)
      throw new Error(`Municipality ${municipalityId} has no policy pack; initialisation and the migrations give every one a pack.`);
    return stored;
  }

  // Two whole-municipality evaluations at a time per process: each holds the municipality's whole
  // register in memory, and under load they would otherwise pile up (an L municipality's summary at
  // 16 connections took one process to 386 MB). A few named systems are cheap and never wait.
  const wholeMunicipalityTurn = concurrencyLimit(2);

  /** Evaluates the municipality, or only some systems of it (after a change), against its current pack. */
  async function evaluateMunicipality(municipalityId: string, systemIds?: readonly string[], framework: ComplianceFramework = 'policy') {
    return systemIds
      ? evaluateNow(municipalityId, systemIds, framework)
      : wholeMunicipalityTurn(() => evaluateNow(municipalityId, undefined, framework));
  }

  /**
   * The municipality's own pack, or the Cybersecurity Act's (ADR 0037): the same snapshot, rules and
   * exceptions; the Act's measures take the results of the policy clauses they name as evidence.
   */
  async function evaluateNow(municipalityId: string, systemIds?: readonly string[], framework: ComplianceFramework = 'policy') {
    const evaluatedAt = clock.now().toISOString();
    const [own, snapshot, exceptions] = await Promise.all([
      packOf(municipalityId),
      loadComplianceSnapshot(db, municipalityId, evaluatedAt, systemIds),
      policyPacksRepository.listExceptions(db, municipalityId),
    ]);
    const stored = framework === 'nis2' ? { ...own, pack: nis2PolicyPack } : own;
    const results = evaluate(snapshot, stored.pack, { systemIds, exceptions });
    return { stored, snapshot, results, evaluatedAt };
  }

  function restrictToDepartment(
    results: RuleResult[],
    departments: Array<{ id: string; parentId: string | null }>,
    departmentId: string | undefined,
  ) {
    if (!departmentId) return results;
    if (!departments.some((department) => department.id === departmentId))
      throw invalid('department', 'The department does not exist in this municipality.');
    const subtree = new Set(
      departmentSubtree(
        departments.map((department) => ({ id: department.id, parent_id: department.parentId })),
        departmentId,
      ),
    );
    return results.filter((result) => result.departmentId !== null && subtree.has(result.departmentId));
  }

  /**
   * The summary view evaluated now. It only reads: the day's snapshot for the trend is the
   * scheduled job's (recordDailySnapshot); until the job has taken today's, the trend ends with
   * today's point as evaluated now, so the chart always reaches today.
   */
  async function evaluateSummary(
    municipalityId: string,
    departmentId: string | undefined,
    framework: ComplianceFramework = 'policy',
  ): Promise<ComplianceSummaryView> {
    const { stored, snapshot, results, evaluatedAt } = await evaluateMunicipality(municipalityId, undefined, framework);
    const whole = summarise(results, snapshot, { pack: stored.pack });
    const today = swedishToday(clock.now());
    // The daily snapshots are the policy's; the Act's view has today's point only.
    const storedTrend = framework === 'policy' ? await complianceRepository.trend(db, municipalityId, 365) : [];
    const trend =
      storedTrend.at(-1)?.date === today
        ? storedTrend
        : [
            ...storedTrend.slice(-364),
            { date: today, score: whole.overall.score, passed: whole.overall.passed, failed: whole.overall.failed },
          ];
    const scoped = departmentId
      ? summarise(restrictToDepartment(results, snapshot.departments, departmentId), snapshot, { pack: stored.pack })
      : whole;
    const subtree = departmentId
      ? new Set(
          departmentSubtree(
            snapshot.departments.map((d) => ({ id: d.id, parent_id: d.parentId })),
            departmentId,
          ),
        )
      : undefined;
    return {
      pack: { id: stored.id, key: stored.pack.key, version: stored.pack.version, title: stored.pack.document.title },
      evaluatedAt,
      departmentId: departmentId ?? null,
      overall: scoped.overall,
      clauseChecks: scoped.clauseChecks,
      clauses: scoped.clauses.map((clause) => {
        const text = findClause(stored.pack, clause.clauseId);
        return {
          ...clause,
          section: text?.section ?? '',
          titleSv: text?.titleSv ?? clause.clauseId,
          titleEn: text?.titleEn ?? clause.clauseId,
          evidenceClauseIds: [...(text?.evidenceClauseIds ?? [])],
          textSv: text?.textSv ?? '',
          textEn: text?.textEn ?? '',
          ruleDescriptionSv: text?.ruleDescriptionSv ? fillParameters(text.ruleDescriptionSv, stored.pack.parameters) : null,
          ruleDescriptionEn: text?.ruleDescriptionEn ? fillParameters(text.ruleDescriptionEn, stored.pack.parameters) : null,
        };
      }),
      departments: subtree
        ? scoped.departments.filter((department) => department.departmentId !== null && subtree.has(department.departmentId))
        : scoped.departments,
      trend,
    };
  }

  async function evaluateResults(municipalityId: string, query: Omit<ComplianceResultQuery, 'cursor' | 'limit'>) {
    // Named systems need only their own data: the fast path after an edit, and for list pages.
    const systemIds =
      query.system || query.systems ? [...new Set([...(query.system ? [query.system] : []), ...(query.systems ?? [])])] : undefined;
    const { stored, snapshot, results, evaluatedAt } = await evaluateMunicipality(municipalityId, systemIds, query.framework);
    let filtered = restrictToDepartment(results, snapshot.departments, query.department);
    if (query.rule) filtered = filtered.filter((result) => result.clauseId === query.rule);
    if (query.status) filtered = filtered.filter((result) => result.status === query.status);
    if (query.q) {
      const needle = query.q.toLocaleLowerCase('sv');
      filtered = filtered.filter((result) => result.subjectName.toLocaleLowerCase('sv').includes(needle));
    }
    filtered.sort(
      (left, right) =>
        statusOrder[left.status] - statusOrder[right.status] ||
        left.clauseId.localeCompare(right.clauseId) ||
        swedishCollator.compare(left.subjectName, right.subjectName),
    );
    return { pack: { id: stored.id, key: stored.pack.key, version: stored.pack.version }, evaluatedAt, filtered };
  }

  // A result list is a few hundred bytes per result: an L municipality's unfiltered list is a few MB.
  const resultsCache = createVersionedCache<Awaited<ReturnType<typeof evaluateResults>>>(100, cacheSettings);

  // A whole municipality's summary view (every clause and department, a year of trend) is large
  // for an L municipality: a few dozen views per process at most.
  const summaryCache = createVersionedCache<ComplianceSummaryView>(64, cacheSettings);

  return {
    /** For the scheduled snapshot job and `forvalta compliance check`: the whole municipality, no caller's permission involved. */
    evaluateMunicipality(actor: SystemActor, municipalityId: string, systemIds?: readonly string[]) {
      requireSystemActor(actor);
      return evaluateMunicipality(municipalityId, systemIds);
    },

    /**
     * Stores the day's snapshot of the whole municipality for the trend, with its audit event, in
     * one transaction: the scheduled job's work (modules/jobs), once per municipality and Swedish
     * day, never a read's. False when the day has one already (another instance was first).
     */
    async recordDailySnapshot(actor: SystemActor, municipalityId: string, day: string): Promise<boolean> {
      requireSystemActor(actor);
      if (await complianceRepository.hasSnapshot(db, municipalityId, day)) return false;
      const { stored, snapshot, results, evaluatedAt } = await evaluateMunicipality(municipalityId);
      const whole = summarise(results, snapshot, { pack: stored.pack });
      return withTransaction(db, async (transaction) => {
        const id = randomUUID();
        const values = { day, packId: stored.id, score: whole.overall.score, passed: whole.overall.passed, failed: whole.overall.failed };
        const inserted = await complianceRepository.insertSnapshot(
          transaction,
          { id, municipalityId, ...values, summary: whole },
          evaluatedAt,
        );
        if (inserted) {
          await recordAudit(transaction, actor, clock, {
            action: 'create',
            entityType: 'compliance_snapshot',
            entityId: id,
            after: values,
            municipalityId,
          });
        }
        return inserted;
      });
    },

    /**
     * The summary is the same for everyone who may read compliance (no department scope), so the
     * view is kept per municipality, data version, day and department until anything in the
     * municipality changes: concurrent requests share one evaluation (single flight) instead of
     * each holding the whole municipality in memory. The Swedish day is in the key: the rules judge
     * dates by it (see createRuleContext), and the daily snapshot and trend are kept by it.
     * `evaluatedAt` says when the served view was evaluated, which is the truth.
     */
    summary: useCase(
      'compliance.read',
      async ({ actor, authorise }, departmentId?: string, framework: ComplianceFramework = 'policy'): Promise<ComplianceSummaryView> => {
        authorise();
        const municipalityId = municipalityOf(actor);
        const now = clock.now();
        return summaryCache.readAtVersion(db, actor, municipalityId, [swedishToday(now), departmentId ?? null, framework], () =>
          evaluateSummary(municipalityId, departmentId, framework),
        );
      },
    ),

    /**
     * Results are the same for everyone who may read compliance, so the sorted, filtered list of a
     * query (without its page) is kept like the summary, by municipality, data version and the
     * Swedish date the rules judge by; each page is a slice of it. Before, every page of the results
     * list evaluated the whole municipality again.
     */
    results: useCase('compliance.read', async ({ actor, authorise }, query: ComplianceResultQuery) => {
      authorise();
      const municipalityId = municipalityOf(actor);
      const { cursor, limit, ...filters } = query;
      const day = swedishToday(clock.now());
      const { pack, evaluatedAt, filtered } = await resultsCache.readAtVersion(db, actor, municipalityId, [day, filters], () =>
        evaluateResults(municipalityId, filters),
      );
      const offset = decodeOffsetCursor(cursor);
      const items: ComplianceResult[] = filtered.slice(offset, offset + limit);
      return {
        pack,
        evaluatedAt,
        items,
        total: filtered.length,
        nextCursor: offset + limit < filtered.length ? encodeOffsetCursor(offset + limit) : null,
      };
    }),
  };
}

export type ComplianceService = ReturnType<typeof createComplianceService>;
