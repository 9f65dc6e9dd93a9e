/** ITP-4.2-DEPUTY: the system manager has at least one deputy (ersättare): another, active person. */
import type { ComplianceRule } from '../rule.ts';
import { currentHolders, describePerson, evaluateEachSystem } from './system-subjects.ts';

export const deputyRule: ComplianceRule = {
  clauseId: 'ITP-4.2-DEPUTY',
  subjectType: 'system',
  parameterKeys: [],
  reasonCodes: ['deputy_appointed', 'no_deputy', 'deputy_is_manager', 'deputy_left'],
  evaluate(snapshot, _parameters, context) {
    return evaluateEachSystem(snapshot, context, 'ITP-4.2-DEPUTY', 'people', (system) => {
      // Evaluated even without a manager: the deputy is who keeps the system running meanwhile.
      const managerPersonIds = currentHolders(system, 'manager', context.today);
      const deputies = currentHolders(system, 'deputy', context.today).map((personId) => ({
        ...describePerson(personId, context),
        isManager: managerPersonIds.includes(personId),
      }));
      const evidence = { managerPersonIds, deputies };
      if (deputies.length === 0) return { status: 'fail', reason: 'no_deputy', evidence };
      // A manager cannot stand in for themselves.
      const others = deputies.filter((deputy) => !deputy.isManager);
      if (others.length === 0) return { status: 'fail', reason: 'deputy_is_manager', evidence };
      if (!others.some((deputy) => deputy.employmentStatus === 'active')) {
        return { status: 'fail', reason: 'deputy_left', evidence };
      }
      return { status: 'pass', reason: 'deputy_appointed', evidence };
    });
  },
};
