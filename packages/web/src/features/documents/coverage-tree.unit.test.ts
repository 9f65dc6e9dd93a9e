import type { DepartmentCoverage } from '@forvalta/contracts';
import { describe, expect, it } from 'vitest';
import { coverageRows } from './coverage-tree.ts';

const counts = (activeEmployees: number) => ({ activeEmployees, acknowledged: 0, open: activeEmployees, overdue: 0, share: 0 });
const department = (id: string | null, name: string | null, parentId: string | null, people = 1): DepartmentCoverage => ({
  departmentId: id,
  departmentName: name,
  parentId,
  own: counts(people),
  subtree: counts(people),
});

describe('coverageRows', () => {
  it('puts each department before its sub-units, in Swedish order, the people without one last', () => {
    const rows = coverageRows([
      department('omsorg', 'Sektor omsorg', null),
      department(null, null, null, 3),
      department('aldre', 'Äldreomsorgen', 'omsorg'),
      department('ifo', 'Individ- och familjeomsorgen', 'omsorg'),
      department('bou', 'Barn och utbildning', null),
    ]);
    expect(rows.map((row) => [row.coverage.departmentId, row.depth, row.root])).toEqual([
      ['bou', 0, true],
      ['omsorg', 0, true],
      ['ifo', 1, false],
      ['aldre', 1, false],
      [null, 0, true],
    ]);
  });

  it('makes a department whose parent is not visible a root (a department head sees their own subtree)', () => {
    const rows = coverageRows([department('aldre', 'Äldreomsorgen', 'omsorg'), department(null, null, null, 0)]);
    expect(rows.map((row) => [row.coverage.departmentId, row.depth, row.root])).toEqual([['aldre', 0, true]]);
  });
});
