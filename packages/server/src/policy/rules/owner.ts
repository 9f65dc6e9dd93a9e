/**
 * ITP-4.2-OWNER: every system has exactly one owning department (systemägare).
 *
 * Structural: systems.owner_department_id is one NOT NULL column with a foreign key to
 * departments, the systems service refuses a department of another municipality, and departments
 * are never deleted, so "exactly one existing owner" cannot be false for a stored system. The
 * failing branches stay for snapshots built by hand and data written around the API.
 */
import type { ComplianceRule } from '../rule.ts';
import { evaluateEachSystem } from './system-subjects.ts';

export const ownerRule: ComplianceRule = {
  clauseId: 'ITP-4.2-OWNER',
  subjectType: 'system',
  parameterKeys: [],
  reasonCodes: ['owner_recorded', 'no_owner', 'owner_unknown'],
  structural: true,
  evaluate(snapshot, _parameters, context) {
    return evaluateEachSystem(snapshot, context, 'ITP-4.2-OWNER', 'overview', (system) => {
      const ownerDepartmentId = system.ownerDepartmentId;
      if (ownerDepartmentId === null) return { status: 'fail', reason: 'no_owner', evidence: { ownerDepartmentId } };
      const owner = context.departmentsById.get(ownerDepartmentId);
      // A reference to a department that is not in the municipality owns nothing.
      if (owner === undefined) return { status: 'fail', reason: 'owner_unknown', evidence: { ownerDepartmentId } };
      return { status: 'pass', reason: 'owner_recorded', evidence: { ownerDepartmentId, ownerDepartmentName: owner.name } };
    });
  },
};
