/**
 * NIS2-21-2-C (the Cybersecurity Act, business continuity, backup and disaster recovery): a system
 * in production has its continuity recorded (its criticality and recovery time objective, the
 * figures a continuity plan rests on) and a restore from backup tested within the interval.
 * The register's own fields (the system's continuity section); the pack's systemScope keeps it to
 * the systems flagged `nis2`.
 */
import { readParameter } from '../policy-pack.ts';
import type { ComplianceRule } from '../rule.ts';
import { subtractMonths } from '../dates.ts';
import { evaluateEachSystem } from './system-subjects.ts';

export const continuityRule: ComplianceRule = {
  clauseId: 'NIS2-21-2-C',
  subjectType: 'system',
  parameterKeys: ['restoreTestIntervalMonths'],
  reasonCodes: ['restore_tested', 'no_continuity_plan', 'no_restore_test', 'restore_test_stale', 'not_in_production'],
  evaluate(snapshot, parameters, context) {
    const intervalMonths = readParameter(parameters, 'restoreTestIntervalMonths');
    const oldestCurrent = subtractMonths(context.today, intervalMonths);
    return evaluateEachSystem(snapshot, context, 'NIS2-21-2-C', 'continuity', (system) => {
      if (system.lifecycle !== 'in_production')
        return { status: 'not_applicable', reason: 'not_in_production', evidence: { lifecycle: system.lifecycle } };
      const continuity = system.continuity ?? null;
      const evidence = {
        criticality: continuity?.criticality ?? null,
        recoveryTimeObjectiveHours: continuity?.recoveryTimeObjectiveHours ?? null,
        recoveryPointObjectiveHours: continuity?.recoveryPointObjectiveHours ?? null,
        lastRestoreTestOn: continuity?.lastRestoreTestOn ?? null,
        intervalMonths,
      };
      if (evidence.criticality === null || evidence.recoveryTimeObjectiveHours === null)
        return { status: 'fail', reason: 'no_continuity_plan', evidence };
      if (evidence.lastRestoreTestOn === null) return { status: 'fail', reason: 'no_restore_test', evidence };
      if (evidence.lastRestoreTestOn < oldestCurrent) return { status: 'fail', reason: 'restore_test_stale', evidence };
      return { status: 'pass', reason: 'restore_tested', evidence };
    });
  },
};
