/**
 * ITP-4.2-REGISTER: the register is current ("en aktuell förteckning"): each system's entry was
 * confirmed by its manager or a deputy within the interval.
 */
import { createRecencyCheck, dueDateOf } from '../dates.ts';
import { readParameter } from '../policy-pack.ts';
import type { ComplianceRule } from '../rule.ts';
import { evaluateEachSystem } from './system-subjects.ts';

const intervalParameter = 'registerConfirmationIntervalMonths';

export const registerRule: ComplianceRule = {
  clauseId: 'ITP-4.2-REGISTER',
  subjectType: 'system',
  parameterKeys: [intervalParameter],
  reasonCodes: ['confirmed', 'never_confirmed', 'confirmation_stale'],
  evaluate(snapshot, parameters, context) {
    const intervalMonths = readParameter(parameters, intervalParameter);
    const recencyOf = createRecencyCheck(context.today, intervalMonths);
    return evaluateEachSystem(snapshot, context, 'ITP-4.2-REGISTER', 'overview', (system) => {
      const recency = recencyOf(system.lastConfirmedAt);
      // The due date tells the manager when to confirm next (or since when it is overdue).
      const evidence = {
        lastConfirmedAt: system.lastConfirmedAt,
        intervalMonths,
        dueDate: dueDateOf(system.lastConfirmedAt, intervalMonths),
      };
      if (recency === 'never') return { status: 'fail', reason: 'never_confirmed', evidence };
      if (recency === 'stale') return { status: 'fail', reason: 'confirmation_stale', evidence };
      return { status: 'pass', reason: 'confirmed', evidence };
    });
  },
};
