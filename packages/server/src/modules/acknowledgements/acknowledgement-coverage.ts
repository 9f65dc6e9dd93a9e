import { departmentSubtree } from '../../access/department-tree.ts';
import type { CoverageCounts, DepartmentCoverage } from '@forvalta/contracts';

/** One department's own active employees and how many of them acknowledged or are overdue, as the repository counts them. */
export interface DepartmentTally {
  departmentId: string | null;
  activeEmployees: number;
  acknowledged: number;
  overdue: number;
}

export interface CoverageDepartment {
  id: string;
  name: string;
  parentId: string | null;
}

export function coverageCounts(activeEmployees: number, acknowledged: number, overdue: number): CoverageCounts {
  return {
    activeEmployees,
    acknowledged,
    open: activeEmployees - acknowledged,
    overdue,
    // An audience nobody is in owes nothing: fully covered, so an empty unit never drags a share down.
    share: activeEmployees === 0 ? 1 : acknowledged / activeEmployees,
  };
}

const add = (sum: DepartmentTally, tally: DepartmentTally) => {
  sum.activeEmployees += tally.activeEmployees;
  sum.acknowledged += tally.acknowledged;
  sum.overdue += tally.overdue;
};

/**
 * The coverage table: every visible department with its own employees' counts and its subtree's
 * (its own plus every visible sub-unit's), departments in the order given; the employees without
 * a department last, when they are visible (`includeUnplaced`). `total` sums the visible rows.
 */
export function departmentCoverage(
  departments: readonly CoverageDepartment[],
  tallies: readonly DepartmentTally[],
  visible: ReadonlySet<string> | undefined,
  includeUnplaced: boolean,
): { departments: DepartmentCoverage[]; total: CoverageCounts } {
  const byDepartment = new Map(tallies.map((tally) => [tally.departmentId, tally]));
  const shown = departments.filter((department) => visible === undefined || visible.has(department.id));
  const tree = shown.map((department) => ({ id: department.id, parent_id: department.parentId }));
  const empty = (): DepartmentTally => ({ departmentId: null, activeEmployees: 0, acknowledged: 0, overdue: 0 });
  const subtree = (id: string): DepartmentTally => {
    const sum = empty();
    // departmentSubtree guards against a cycle in stored data (the tree guards writes, not old rows).
    for (const member of departmentSubtree(tree, id)) add(sum, byDepartment.get(member) ?? empty());
    return sum;
  };
  const total = empty();
  const rows: DepartmentCoverage[] = shown.map((department) => {
    const own = byDepartment.get(department.id) ?? empty();
    add(total, own);
    const whole = subtree(department.id);
    return {
      departmentId: department.id,
      departmentName: department.name,
      parentId: department.parentId,
      own: coverageCounts(own.activeEmployees, own.acknowledged, own.overdue),
      subtree: coverageCounts(whole.activeEmployees, whole.acknowledged, whole.overdue),
    };
  });
  const unplaced = byDepartment.get(null);
  if (includeUnplaced && unplaced && unplaced.activeEmployees > 0) {
    add(total, unplaced);
    const counts = coverageCounts(unplaced.activeEmployees, unplaced.acknowledged, unplaced.overdue);
    rows.push({ departmentId: null, departmentName: null, parentId: null, own: counts, subtree: counts });
  }
  return { departments: rows, total: coverageCounts(total.activeEmployees, total.acknowledged, total.overdue) };
}
