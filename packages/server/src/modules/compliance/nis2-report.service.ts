/**
 * The NIS2 status report (issue #19, ADR 0037): per municipality the Cybersecurity Act's measures
 * as met, not met or not checked, each with a link to its evidence, and the systems in the Act's
 * scope with their classification, continuity and supplier; as JSON for the page and as XLSX or
 * PDF to hand on. The evaluation is the compliance view's (the same snapshot, pack and exceptions
 * as GET /compliance?framework=nis2). A read: it writes nothing (reads-do-not-write.test.ts).
 */
import type { Locale, Nis2MeasureStanding, Nis2Report, Nis2ReportExportQuery } from '@forvalta/contracts';
import type { AnyActor } from '../../access/actor.ts';
import { municipalityOf } from '../../access/authorise.ts';
import { useCase } from '../../access/use-case.ts';
import { swedishToday } from '../../platform/calendar.ts';
import type { Clock } from '../../platform/clock.ts';
import { concurrencyLimit } from '../../platform/concurrency.ts';
import type { DatabaseHandle } from '../../platform/database.ts';
import { evaluate, nis2PolicyPack, readParameter, summarise, type ClauseCheck } from '../../policy/index.ts';
import { loadComplianceSnapshot } from './compliance-snapshot.repository.ts';
import { nis2ReportPdf, nis2ReportWorkbook } from './nis2-report-files.ts';
import { nis2ReportRepository } from './nis2-report.repository.ts';
import { policyPacksRepository } from './policy-packs.repository.ts';

const standingOf: Record<ClauseCheck, Nis2MeasureStanding> = {
  met: 'met',
  // A rule the data model guarantees cannot fail: the measure holds.
  structural: 'met',
  failed: 'not_met',
  not_checked: 'not_checked',
  not_applicable: 'not_applicable',
};

export function createNis2ReportService(db: DatabaseHandle, clock: Clock) {
  // One whole-municipality evaluation at a time for the report: it is asked for rarely, and each
  // holds the municipality's register in memory as the compliance view's do.
  const turn = concurrencyLimit(1);

  async function buildReport(municipalityId: string): Promise<Nis2Report> {
    const evaluatedAt = clock.now().toISOString();
    const [snapshot, exceptions, municipalityName, systems] = await Promise.all([
      loadComplianceSnapshot(db, municipalityId, evaluatedAt),
      policyPacksRepository.listExceptions(db, municipalityId),
      nis2ReportRepository.municipalityName(db, municipalityId),
      nis2ReportRepository.systemsInScope(db, municipalityId),
    ]);
    const results = evaluate(snapshot, nis2PolicyPack, { exceptions });
    const summary = summarise(results, snapshot, { pack: nis2PolicyPack });
    const continuity = new Map(
      results
        .filter((result) => result.clauseId === 'NIS2-21-2-C' && result.subjectType === 'system')
        .map((result) => [result.subjectId, result]),
    );
    const measures = summary.clauses.map((clause) => {
      const text = nis2PolicyPack.clauses.find((candidate) => candidate.id === clause.clauseId)!;
      return {
        clauseId: clause.clauseId,
        section: text.section,
        titleSv: text.titleSv,
        titleEn: text.titleEn,
        standing: standingOf[clause.check],
        check: clause.check,
        passed: clause.passed,
        failed: clause.failed,
        notApplicable: clause.notApplicable,
        evidenceClauseIds: [...(text.evidenceClauseIds ?? [])],
        evidencePath: `/compliance/clauses/${encodeURIComponent(clause.clauseId)}?framework=nis2`,
      };
    });
    const count = (standing: Nis2MeasureStanding) => measures.filter((measure) => measure.standing === standing).length;
    return {
      municipalityName,
      evaluatedAt,
      pack: { key: nis2PolicyPack.key, version: nis2PolicyPack.version, title: nis2PolicyPack.document.title },
      counts: { met: count('met'), notMet: count('not_met'), notChecked: count('not_checked'), notApplicable: count('not_applicable') },
      measures,
      restoreTestIntervalMonths: readParameter(nis2PolicyPack.parameters, 'restoreTestIntervalMonths'),
      systems: systems.map((system) => {
        const result = continuity.get(system.id);
        return { ...system, continuityStatus: result?.status ?? null, continuityReason: result?.reason ?? null };
      }),
    };
  }

  const localeOf = (actor: AnyActor): Locale => (actor.kind === 'person' ? actor.locale : 'sv');

  return {
    report: useCase('nis2Report.read', async ({ actor, authorise }) => {
      authorise();
      return turn(() => buildReport(municipalityOf(actor)));
    }),

    exportReport: useCase('nis2Report.read', async ({ actor, authorise }, query: Nis2ReportExportQuery) => {
      authorise();
      const report = await turn(() => buildReport(municipalityOf(actor)));
      const locale = localeOf(actor);
      const today = swedishToday(clock.now());
      if (query.format === 'pdf')
        return { body: await nis2ReportPdf(report, locale, today), contentType: 'application/pdf', filename: `nis2-status-${today}.pdf` };
      return {
        body: await nis2ReportWorkbook(report, locale),
        contentType: 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet',
        filename: `nis2-status-${today}.xlsx`,
      };
    }),
  };
}

export type Nis2ReportService = ReturnType<typeof createNis2ReportService>;
