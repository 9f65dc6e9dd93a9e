/**
 * §7 Programvara (issue #15): what the register knows of each system's software, the IT chief's
 * decisions on self-developed and open-source products, and whether the licences cover what is
 * used. Each reads snapshot.softwareRecords, loaded set-based (modules/compliance).
 */
import { licencePosition, positionFails } from '../licence-position.ts';
import type { ComplianceRule, RuleResult } from '../rule.ts';
import type { SnapshotSoftware } from '../snapshot.ts';
import { decisionStanding } from '../software-decisions.ts';
import { evaluateEachSystem } from './system-subjects.ts';

/**
 * ITP-7-GENERIC: software should be generic as far as possible, which the register can judge only
 * when it knows a system's software: a system in production with none recorded fails; one that
 * uses self-developed software passes with the product named (its decision is ITP-7-SELF-DEVELOPED's).
 */
export const genericSoftwareRule: ComplianceRule = {
  clauseId: 'ITP-7-GENERIC',
  subjectType: 'system',
  parameterKeys: [],
  reasonCodes: ['software_recorded', 'software_not_recorded', 'not_in_production'],
  wholeMunicipality: true,
  evaluate(snapshot, _parameters, context) {
    // A snapshot without the software module's records (a partial one) has nothing to say.
    if (!snapshot.softwareRecords) return [];
    const bySystem = new Map<string, SnapshotSoftware[]>();
    for (const software of snapshot.softwareRecords?.software ?? [])
      for (const systemId of software.systemIds) bySystem.set(systemId, [...(bySystem.get(systemId) ?? []), software]);
    return evaluateEachSystem(snapshot, context, 'ITP-7-GENERIC', 'software', (system) => {
      const used = bySystem.get(system.id) ?? [];
      const evidence = {
        software: used.map((software) => ({ product: software.product, origin: software.origin })),
        selfDeveloped: used.filter((software) => software.origin === 'self_developed').map((software) => software.product),
      };
      if (used.length > 0) return { status: 'pass', reason: 'software_recorded', evidence };
      if (system.lifecycle !== 'in_production') return { status: 'not_applicable', reason: 'not_in_production', evidence };
      return { status: 'fail', reason: 'software_not_recorded', evidence };
    });
  },
};

function decisionRule(clauseId: 'ITP-7-SELF-DEVELOPED' | 'ITP-7-OPEN-SOURCE', origin: 'self_developed' | 'open_source'): ComplianceRule {
  return {
    clauseId,
    subjectType: 'software',
    parameterKeys: [],
    reasonCodes: ['decision_current', 'decision_missing', 'decision_pending', 'decision_refused', 'decision_expired', 'licence_not_spdx'],
    evaluate(snapshot, _parameters, context) {
      return (snapshot.softwareRecords?.software ?? [])
        .filter((software) => software.origin === origin)
        .map((software): RuleResult => {
          const standing = decisionStanding(software.origin, software.decisions, context.today);
          const current = software.decisions.find(
            (decision) => decision.status === 'allowed' && (decision.validUntil === null || decision.validUntil >= context.today),
          );
          const evidence = {
            standing,
            validUntil: current?.validUntil ?? null,
            licence: software.licence,
            systems: software.systemIds.length,
            ...(origin === 'open_source' ? { reviewComplete: current?.reviewComplete ?? false } : {}),
          };
          const reason =
            origin === 'open_source' && !software.licence
              ? 'licence_not_spdx'
              : standing === 'allowed'
                ? 'decision_current'
                : standing === 'proposed'
                  ? 'decision_pending'
                  : standing === 'refused'
                    ? 'decision_refused'
                    : standing === 'expired'
                      ? 'decision_expired'
                      : 'decision_missing';
          return {
            clauseId,
            subjectType: 'software',
            subjectId: software.id,
            subjectName: software.product,
            // Software is the IT unit's, used across departments: its results count for the municipality.
            departmentId: null,
            status: reason === 'decision_current' ? 'pass' : 'fail',
            reason,
            evidence,
            fixPath: `/software/${encodeURIComponent(software.id)}`,
          };
        });
    },
  };
}

/** ITP-7-SELF-DEVELOPED: a self-developed application is used only with a current decision of the IT chief. */
export const selfDevelopedRule = decisionRule('ITP-7-SELF-DEVELOPED', 'self_developed');
/** ITP-7-OPEN-SOURCE: open source only after the IT chief's review, with its SPDX licence named. */
export const openSourceRule = decisionRule('ITP-7-OPEN-SOURCE', 'open_source');

/**
 * ITP-7-LICENCE: per licensed product and kind of consumption, what current licences entitle
 * (overlapping ones add up) covers what is consumed; over-consumption fails, and so does
 * consumption that only an expired licence covered.
 */
export const licenceRule: ComplianceRule = {
  clauseId: 'ITP-7-LICENCE',
  subjectType: 'software',
  parameterKeys: [],
  reasonCodes: ['licences_cover', 'licences_exceeded', 'licence_expired', 'licence_unlimited'],
  evaluate(snapshot, _parameters, context) {
    const records = snapshot.softwareRecords;
    if (!records) return [];
    const rows = licencePosition(records.software, records.licences, records.consumption, context.today);
    const byProduct = new Map<string, typeof rows>();
    for (const row of rows) byProduct.set(row.softwareId, [...(byProduct.get(row.softwareId) ?? []), row]);
    return [...byProduct.entries()].map(([softwareId, productRows]): RuleResult => {
      const failing = productRows.find(positionFails);
      const reason = failing
        ? failing.status === 'expired_consumed'
          ? 'licence_expired'
          : 'licences_exceeded'
        : productRows.every((row) => row.status === 'unlimited')
          ? 'licence_unlimited'
          : 'licences_cover';
      return {
        clauseId: 'ITP-7-LICENCE',
        subjectType: 'software',
        subjectId: softwareId,
        subjectName: productRows[0]!.softwareProduct,
        departmentId: null,
        status: failing ? 'fail' : 'pass',
        reason,
        evidence: {
          position: productRows.map((row) => ({
            kind: row.kind,
            entitled: row.entitled,
            consumed: row.consumed,
            expiredEntitled: row.expiredEntitled,
          })),
        },
        fixPath: `/licences?softwareId=${encodeURIComponent(softwareId)}`,
      };
    });
  },
};
