import type { DepartmentCoverage } from '@forvalta/contracts';
import { swedishCollator } from '../../i18n/format.ts';

export interface CoverageRow {
  coverage: DepartmentCoverage;
  depth: number;
  /** A department whose parent the caller does not see (a department head's own department) is a root. */
  root: boolean;
}

/**
 * The departments of a coverage answer in tree order (each followed by its sub-units, names in
 * Swedish order at every level); the employees without a department come last.
 */
export function coverageRows(departments: readonly DepartmentCoverage[]): CoverageRow[] {
  const visible = new Set(departments.map((department) => department.departmentId).filter((id): id is string => id !== null));
  const childrenOf = new Map<string | null, DepartmentCoverage[]>();
  const withoutDepartment: DepartmentCoverage[] = [];
  for (const department of departments) {
    if (department.departmentId === null) {
      withoutDepartment.push(department);
      continue;
    }
    const parent = department.parentId && visible.has(department.parentId) ? department.parentId : null;
    childrenOf.set(parent, [...(childrenOf.get(parent) ?? []), department]);
  }
  const rows: CoverageRow[] = [];
  const walk = (parent: string | null, depth: number) => {
    const children = [...(childrenOf.get(parent) ?? [])].sort((first, second) =>
      swedishCollator.compare(first.departmentName ?? '', second.departmentName ?? ''),
    );
    for (const child of children) {
      rows.push({ coverage: child, depth, root: depth === 0 });
      walk(child.departmentId, depth + 1);
    }
  };
  walk(null, 0);
  // Only worth a row when someone is in it.
  for (const department of withoutDepartment) {
    if (department.own.activeEmployees > 0) rows.push({ coverage: department, depth: 0, root: true });
  }
  return rows;
}
