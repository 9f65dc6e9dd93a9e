/**
 * What every system rule shares: which systems the policy applies to (ITP-1-SCOPE), the shape of a
 * system result, and who currently holds a role. One place, so no rule forgets the scope.
 */
import type { RuleContext, RuleResult, RuleStatus } from '../rule.ts';
import type { ComplianceSnapshot, SnapshotAssignment, SnapshotSystem } from '../snapshot.ts';

/** §1: IT purely for teaching in schools and public computers are outside the policy. */
const outOfScopeScopes: ReadonlySet<string> = new Set(['teaching', 'public']);

/**
 * Whether the policy covers the system. An unrecognised scope counts as covered: the rules keep
 * checking it, and ITP-1-SCOPE reports the unrecognised value.
 */
export function inScope(system: Pick<SnapshotSystem, 'scope'>): boolean {
  return !outOfScopeScopes.has(system.scope);
}

export const applicabilityReasonCodes = ['system_retired', 'out_of_scope'] as const;
export type ApplicabilityReason = (typeof applicabilityReasonCodes)[number];

/** Why no rule applies to the system, or null when the rules apply. */
export function inapplicabilityOfSystem(system: SnapshotSystem): ApplicabilityReason | null {
  // A retired system is history: it stays in the register, but nothing more is asked of it.
  if (system.lifecycle === 'retired') return 'system_retired';
  if (!inScope(system)) return 'out_of_scope';
  return null;
}

export interface SystemVerdict {
  status: RuleStatus;
  reason: string;
  evidence: Record<string, unknown>;
}

/** Where each kind of finding is fixed on the system page. */
export type SystemPageSection =
  | 'overview'
  | 'people'
  | 'duties'
  | 'costs'
  | 'risks'
  | 'reviews'
  | 'access'
  | 'privacy'
  | 'software'
  | 'continuity';

export function systemFixPath(systemId: string, section: SystemPageSection): string {
  const path = `/systems/${encodeURIComponent(systemId)}`;
  return section === 'overview' ? path : `${path}#${section}`;
}

/** The department a system's results count for: its owner, when the owner exists. */
export function departmentOfSystem(system: SnapshotSystem, context: RuleContext): string | null {
  const ownerId = system.ownerDepartmentId;
  return ownerId !== null && context.departmentsById.has(ownerId) ? ownerId : null;
}

/**
 * Runs `check` for every system the policy applies to and gives every other system a
 * not_applicable result saying why, so each system has exactly one result per rule.
 */
export function evaluateEachSystem(
  snapshot: ComplianceSnapshot,
  context: RuleContext,
  clauseId: string,
  fixSection: SystemPageSection,
  check: (system: SnapshotSystem) => SystemVerdict,
): RuleResult[] {
  const results: RuleResult[] = [];
  for (const system of snapshot.systems) {
    const inapplicability = inapplicabilityOfSystem(system);
    const verdict: SystemVerdict =
      inapplicability === null
        ? check(system)
        : {
            status: 'not_applicable',
            reason: inapplicability,
            evidence: { scope: system.scope, lifecycle: system.lifecycle },
          };
    results.push({
      clauseId,
      subjectType: 'system',
      subjectId: system.id,
      subjectName: system.name,
      departmentId: departmentOfSystem(system, context),
      status: verdict.status,
      reason: verdict.reason,
      evidence: verdict.evidence,
      fixPath: systemFixPath(system.id, fixSection),
    });
  }
  return results;
}

export function isAssignmentCurrent(assignment: SnapshotAssignment, today: string): boolean {
  return assignment.startDate <= today && (assignment.endDate === null || assignment.endDate >= today);
}

/** The distinct people who currently hold `role` for the system, in assignment order. */
export function currentHolders(system: SnapshotSystem, role: SnapshotAssignment['role'], today: string): string[] {
  const personIds: string[] = [];
  for (const assignment of system.assignments) {
    if (assignment.role !== role || !isAssignmentCurrent(assignment, today)) continue;
    if (!personIds.includes(assignment.personId)) personIds.push(assignment.personId);
  }
  return personIds;
}

export interface PersonEvidence {
  personId: string;
  name: string | null;
  /** 'unknown' when the person is not in the snapshot: treated like someone who has left. */
  employmentStatus: 'active' | 'left' | 'unknown';
}

export function describePerson(personId: string, context: RuleContext): PersonEvidence {
  const person = context.peopleById.get(personId);
  return person === undefined
    ? { personId, name: null, employmentStatus: 'unknown' }
    : { personId, name: person.name, employmentStatus: person.employmentStatus };
}
