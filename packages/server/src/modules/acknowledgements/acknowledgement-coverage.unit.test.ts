import { describe, expect, it } from 'vitest';
import { coverageCounts, departmentCoverage } from './acknowledgement-coverage.ts';

const departments = [
  { id: 'ks', name: 'Kommunstyrelseförvaltningen', parentId: null },
  { id: 'it', name: 'IT-enheten', parentId: 'ks' },
  { id: 'buf', name: 'Barn- och utbildning', parentId: null },
];

describe('coverage per department', () => {
  it('counts open as not acknowledged and a department without employees as covered', () => {
    expect(coverageCounts(50, 49, 1)).toEqual({ activeEmployees: 50, acknowledged: 49, open: 1, overdue: 1, share: 0.98 });
    expect(coverageCounts(0, 0, 0).share).toBe(1);
  });

  it('adds sub-units into their department’s subtree and every row into the total', () => {
    const result = departmentCoverage(
      departments,
      [
        { departmentId: 'ks', activeEmployees: 10, acknowledged: 5, overdue: 2 },
        { departmentId: 'it', activeEmployees: 50, acknowledged: 49, overdue: 0 },
        { departmentId: 'buf', activeEmployees: 100, acknowledged: 61, overdue: 30 },
        { departmentId: null, activeEmployees: 4, acknowledged: 0, overdue: 4 },
      ],
      undefined,
      true,
    );
    expect(result.departments.map((row) => [row.departmentId, row.own.activeEmployees, row.subtree.activeEmployees])).toEqual([
      ['ks', 10, 60],
      ['it', 50, 50],
      ['buf', 100, 100],
      [null, 4, 4],
    ]);
    expect(result.departments[0]!.subtree.acknowledged).toBe(54);
    expect(result.total).toEqual({ activeEmployees: 164, acknowledged: 115, open: 49, overdue: 36, share: 115 / 164 });
  });

  it('shows a department head only their subtree, and not the employees without a department', () => {
    const result = departmentCoverage(
      departments,
      [
        { departmentId: 'it', activeEmployees: 50, acknowledged: 49, overdue: 0 },
        { departmentId: 'buf', activeEmployees: 100, acknowledged: 61, overdue: 30 },
        { departmentId: null, activeEmployees: 4, acknowledged: 0, overdue: 4 },
      ],
      new Set(['it']),
      false,
    );
    expect(result.departments.map((row) => row.departmentId)).toEqual(['it']);
    expect(result.total.activeEmployees).toBe(50);
  });

  it('survives a cycle in stored data', () => {
    const cyclic = [
      { id: 'a', name: 'A', parentId: 'b' },
      { id: 'b', name: 'B', parentId: 'a' },
    ];
    const result = departmentCoverage(cyclic, [{ departmentId: 'a', activeEmployees: 2, acknowledged: 1, overdue: 0 }], undefined, false);
    expect(result.total.activeEmployees).toBe(2);
    expect(result.departments.find((row) => row.departmentId === 'b')!.subtree.activeEmployees).toBe(2);
  });
});
