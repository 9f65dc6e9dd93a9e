/**
 * ITP-1-SCOPE: the policy covers administrative IT; teaching and public computers are outside it.
 *
 * Structural: systems.scope is NOT NULL and every write (the system contracts' enum) accepts
 * only the three scopes, so no system written through the API can fail. What the clause can
 * decide is what other rules ask of a system (evaluateEachSystem), not a finding of its own.
 */
import type { ComplianceRule } from '../rule.ts';
import { evaluateEachSystem } from './system-subjects.ts';

const recordedScopes: ReadonlySet<string> = new Set(['administrative', 'teaching', 'public']);

export const scopeRule: ComplianceRule = {
  clauseId: 'ITP-1-SCOPE',
  subjectType: 'system',
  parameterKeys: [],
  reasonCodes: ['in_scope', 'scope_unknown'],
  structural: true,
  evaluate(snapshot, _parameters, context) {
    // Out-of-scope and retired systems get not_applicable from evaluateEachSystem; what is left
    // is in scope, and passes when its scope is one the policy knows.
    return evaluateEachSystem(snapshot, context, 'ITP-1-SCOPE', 'overview', (system) =>
      recordedScopes.has(system.scope)
        ? { status: 'pass', reason: 'in_scope', evidence: { scope: system.scope } }
        : { status: 'fail', reason: 'scope_unknown', evidence: { scope: system.scope } },
    );
  },
};
