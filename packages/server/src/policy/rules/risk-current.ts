/**
 * ITP-4.2.1-RISK-CURRENT: a system in production has a risk analysis no older than the interval
 * and not older than the latest operational change recorded for it (a change notice of kind
 * operation, dated by its planned date, or the day it was made, once that day has come).
 */
import { readParameter } from '../policy-pack.ts';
import type { ComplianceRule } from '../rule.ts';
import { subtractMonths } from '../dates.ts';
import { evaluateEachSystem } from './system-subjects.ts';

export const riskCurrentRule: ComplianceRule = {
  clauseId: 'ITP-4.2.1-RISK-CURRENT',
  subjectType: 'system',
  parameterKeys: ['riskAnalysisIntervalMonths'],
  reasonCodes: ['risk_analysis_current', 'no_risk_analysis', 'risk_analysis_stale', 'older_than_change', 'not_in_production'],
  evaluate(snapshot, parameters, context) {
    const intervalMonths = readParameter(parameters, 'riskAnalysisIntervalMonths');
    const oldestCurrent = subtractMonths(context.today, intervalMonths);
    const latestAnalysis = new Map<string, { id: string; analysedOn: string }>();
    for (const analysis of snapshot.riskAnalyses ?? []) {
      if (analysis.superseded) continue;
      const current = latestAnalysis.get(analysis.systemId);
      if (current === undefined || analysis.analysedOn > current.analysedOn) latestAnalysis.set(analysis.systemId, analysis);
    }
    const latestChange = new Map<string, { id: string; changedOn: string }>();
    for (const notice of snapshot.changeNotices ?? []) {
      if (notice.kind !== 'operation') continue;
      const changedOn = notice.plannedOn ?? notice.createdOn;
      if (changedOn > context.today) continue;
      for (const systemId of notice.systemIds) {
        const current = latestChange.get(systemId);
        if (current === undefined || changedOn > current.changedOn) latestChange.set(systemId, { id: notice.id, changedOn });
      }
    }
    return evaluateEachSystem(snapshot, context, 'ITP-4.2.1-RISK-CURRENT', 'risks', (system) => {
      if (system.lifecycle !== 'in_production')
        return { status: 'not_applicable', reason: 'not_in_production', evidence: { lifecycle: system.lifecycle } };
      const analysis = latestAnalysis.get(system.id);
      const change = latestChange.get(system.id) ?? null;
      if (analysis === undefined) return { status: 'fail', reason: 'no_risk_analysis', evidence: { intervalMonths } };
      const evidence = {
        analysisId: analysis.id,
        analysedOn: analysis.analysedOn,
        intervalMonths,
        latestChangeNoticeId: change?.id ?? null,
        latestChangeOn: change?.changedOn ?? null,
      };
      if (analysis.analysedOn < oldestCurrent) return { status: 'fail', reason: 'risk_analysis_stale', evidence };
      if (change !== null && analysis.analysedOn < change.changedOn) return { status: 'fail', reason: 'older_than_change', evidence };
      return { status: 'pass', reason: 'risk_analysis_current', evidence };
    });
  },
};
