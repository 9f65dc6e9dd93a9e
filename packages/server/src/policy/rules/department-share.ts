/**
 * The people rules judge departments, not people: a department passes when the share of its
 * active employees who meet the clause reaches the pack's threshold. Per department because the
 * policy asks it of departments (§4.2 "varje förvaltning ser till…", §12), and so that a
 * municipality's thousands of employees do not drown its systems in the overall share. The
 * evidence names the first employees who do not meet it; the full list is the linked page's.
 */
import type { RuleContext, RuleResult } from '../rule.ts';
import type { ComplianceSnapshot, SnapshotDepartment, SnapshotPerson } from '../snapshot.ts';

/** How many names a result's evidence lists of the employees who do not meet the clause. */
export const evidenceNameLimit = 10;

export const shareReasonCodes = ['share_met', 'share_below', 'no_employees'] as const;

// Built once per snapshot and shared by every people rule (a snapshot is never changed).
const employeesCache = new WeakMap<object, Map<string, SnapshotPerson[]>>();
const subtreeCache = new WeakMap<object, Map<string, ReadonlySet<string>>>();

/**
 * A department with all its sub-departments, per department of the snapshot: a document or course
 * for Barn- och utbildning is for its schools too.
 */
export function departmentSubtrees(snapshot: Pick<ComplianceSnapshot, 'departments'>): Map<string, ReadonlySet<string>> {
  const cached = subtreeCache.get(snapshot);
  if (cached !== undefined) return cached;
  const children = new Map<string, string[]>();
  for (const department of snapshot.departments) {
    if (department.parentId === null) continue;
    children.set(department.parentId, [...(children.get(department.parentId) ?? []), department.id]);
  }
  const subtrees = new Map<string, ReadonlySet<string>>();
  for (const department of snapshot.departments) {
    const members = new Set<string>();
    const pending = [department.id];
    while (pending.length > 0) {
      const id = pending.pop()!;
      if (members.has(id)) continue;
      members.add(id);
      pending.push(...(children.get(id) ?? []));
    }
    subtrees.set(department.id, members);
  }
  subtreeCache.set(snapshot, subtrees);
  return subtrees;
}

/** Active employees per department (directly in it, not its sub-departments: they have rows of their own). */
export function activeEmployeesByDepartment(snapshot: Pick<ComplianceSnapshot, 'people'>): Map<string, SnapshotPerson[]> {
  const cached = employeesCache.get(snapshot);
  if (cached !== undefined) return cached;
  const byDepartment = new Map<string, SnapshotPerson[]>();
  for (const person of snapshot.people) {
    if (person.employmentStatus !== 'active' || person.departmentId === null) continue;
    const list = byDepartment.get(person.departmentId);
    if (list) list.push(person);
    else byDepartment.set(person.departmentId, [person]);
  }
  employeesCache.set(snapshot, byDepartment);
  return byDepartment;
}

/**
 * Whether a department is in an audience (empty: the whole municipality), its ancestors'
 * membership included: a document for Barn- och utbildning is for its schools too. Memoised per
 * audience list by the caller's cache.
 */
export function createAudienceCheck(context: RuleContext) {
  const cache = new Map<string, boolean>();
  return (audienceDepartmentIds: readonly string[], departmentId: string): boolean => {
    if (audienceDepartmentIds.length === 0) return true;
    const key = `${audienceDepartmentIds.join(',')}\u0000${departmentId}`;
    const known = cache.get(key);
    if (known !== undefined) return known;
    const audience = new Set(audienceDepartmentIds);
    let current: SnapshotDepartment | undefined = context.departmentsById.get(departmentId);
    let inAudience = false;
    // The visited set guards against a cycle in bad data.
    const visited = new Set<string>();
    while (current !== undefined && !visited.has(current.id)) {
      if (audience.has(current.id)) {
        inAudience = true;
        break;
      }
      visited.add(current.id);
      current = current.parentId === null ? undefined : context.departmentsById.get(current.parentId);
    }
    cache.set(key, inAudience);
    return inAudience;
  };
}

export interface DepartmentShareDefinition {
  clauseId: string;
  snapshot: ComplianceSnapshot;
  thresholdPercent: number;
  fixPath: (departmentId: string) => string;
  /**
   * The department's judgement of one employee: true meets the clause, false does not, null means
   * the clause asks nothing of them (not counted either way).
   */
  judge: (person: SnapshotPerson, department: SnapshotDepartment) => boolean | null;
  /** Facts the department's result shows besides the counts (the documents, the interval). */
  evidence?: (department: SnapshotDepartment) => Record<string, unknown>;
  /** The reason when no employee is asked anything; 'no_employees' by default. */
  nothingAskedReason?: string;
}

export function departmentShareResults(definition: DepartmentShareDefinition): RuleResult[] {
  const { clauseId, snapshot, thresholdPercent } = definition;
  const employees = activeEmployeesByDepartment(snapshot);
  return snapshot.departments.map((department): RuleResult => {
    const departmentEmployees = employees.get(department.id) ?? [];
    let asked = 0;
    let met = 0;
    const notMet: string[] = [];
    for (const person of departmentEmployees) {
      const verdict = definition.judge(person, department);
      if (verdict === null) continue;
      asked += 1;
      if (verdict) met += 1;
      else if (notMet.length < evidenceNameLimit) notMet.push(person.name);
    }
    const base = {
      clauseId,
      subjectType: 'department' as const,
      subjectId: department.id,
      subjectName: department.name,
      departmentId: department.id,
      fixPath: definition.fixPath(department.id),
    };
    const extra = definition.evidence?.(department) ?? {};
    if (departmentEmployees.length === 0)
      return { ...base, status: 'not_applicable', reason: 'no_employees', evidence: { ...extra, asked } };
    if (asked === 0)
      return { ...base, status: 'not_applicable', reason: definition.nothingAskedReason ?? 'no_employees', evidence: { ...extra, asked } };
    const sharePercent = Math.floor((met / asked) * 1000) / 10;
    const evidence = { ...extra, asked, met, notMetCount: asked - met, sharePercent, thresholdPercent, notMet };
    return {
      ...base,
      status: sharePercent >= thresholdPercent ? 'pass' : 'fail',
      reason: sharePercent >= thresholdPercent ? 'share_met' : 'share_below',
      evidence,
    };
  });
}
