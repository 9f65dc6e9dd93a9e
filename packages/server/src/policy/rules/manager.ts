/** ITP-4.2-MANAGER: the owner appoints one system manager (systemansvarig), who still works here. */
import type { ComplianceRule } from '../rule.ts';
import { currentHolders, describePerson, evaluateEachSystem } from './system-subjects.ts';

export const managerRule: ComplianceRule = {
  clauseId: 'ITP-4.2-MANAGER',
  subjectType: 'system',
  parameterKeys: [],
  reasonCodes: ['manager_appointed', 'no_manager', 'several_managers', 'manager_left'],
  evaluate(snapshot, _parameters, context) {
    return evaluateEachSystem(snapshot, context, 'ITP-4.2-MANAGER', 'people', (system) => {
      const managers = currentHolders(system, 'manager', context.today).map((personId) => describePerson(personId, context));
      const evidence = { managers };
      const [manager] = managers;
      if (manager === undefined) return { status: 'fail', reason: 'no_manager', evidence };
      // Two managers means nobody knows who answers for the system; the register must say one.
      if (managers.length > 1) return { status: 'fail', reason: 'several_managers', evidence };
      if (manager.employmentStatus !== 'active') return { status: 'fail', reason: 'manager_left', evidence };
      return { status: 'pass', reason: 'manager_appointed', evidence };
    });
  },
};
