/**
 * ITP-2-COST: cost-effective IT needs known costs: a system in production states its yearly cost
 * in every category. Zero is a statement; an empty field is not.
 */
import type { ComplianceRule } from '../rule.ts';
import { costCategories } from '../snapshot.ts';
import { evaluateEachSystem } from './system-subjects.ts';

export const costRule: ComplianceRule = {
  clauseId: 'ITP-2-COST',
  subjectType: 'system',
  parameterKeys: [],
  reasonCodes: ['costs_stated', 'costs_missing', 'not_in_production'],
  evaluate(snapshot, _parameters, context) {
    return evaluateEachSystem(snapshot, context, 'ITP-2-COST', 'costs', (system) => {
      // Before production a system's costs are the introduction project's budget (ITP-4.2.1-BUDGET).
      if (system.lifecycle !== 'in_production') {
        return { status: 'not_applicable', reason: 'not_in_production', evidence: { lifecycle: system.lifecycle } };
      }
      const missingCategories = costCategories.filter((category) => {
        const cost = system.yearlyCosts[category];
        return cost === null || cost === undefined || !Number.isFinite(cost);
      });
      const evidence = { yearlyCosts: system.yearlyCosts, missingCategories };
      if (missingCategories.length > 0) return { status: 'fail', reason: 'costs_missing', evidence };
      return { status: 'pass', reason: 'costs_stated', evidence };
    });
  },
};
