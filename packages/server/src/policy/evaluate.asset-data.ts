/**
 * Synthetic equipment (issue #15) for the evaluation's tests and bench: deterministic by position,
 * every department with assets of each kind §6's rules judge, so each rule gives every department
 * one result, and every reason occurs at any size.
 */
import type { SnapshotAssetFacts, SnapshotAssetRecords, SnapshotDepartment } from './snapshot.ts';

export function generateAssetRecords(departments: readonly SnapshotDepartment[]): { assetRecords: SnapshotAssetRecords } {
  const groups: SnapshotAssetRecords['groups'] = [];
  const exceptions: SnapshotAssetRecords['exceptions'] = [];
  departments.forEach((department, index) => {
    const base: SnapshotAssetFacts = {
      departmentId: department.id,
      kind: 'pc',
      ownerKind: 'it_unit',
      everOnTownHall: false,
      lifecycle: 'in_use',
      modelStanding: 'standard',
    };
    const add = (count: number, overrides: Partial<SnapshotAssetFacts>) => {
      const facts = { ...base, ...overrides };
      groups.push({ ...facts, count });
      if (facts.ownerKind === 'it_unit' && facts.modelStanding === 'standard') return;
      for (let number = 0; number < count; number += 1)
        exceptions.push({
          ...facts,
          id: `${department.id}-asset-${groups.length}-${number}`,
          label: `INV-${index}-${groups.length}-${number}`,
        });
    };
    add(20 + index, {});
    add(3, { kind: 'laptop', everOnTownHall: true });
    add(2, { kind: 'phone', ownerKind: 'department' });
    // A department's own printer (ITP-6-OWNED), a non-standard computer (ITP-6-STANDARD), a school
    // computer of its own once on the town-hall network (ITP-6-SCHOOL-NET), each in some departments.
    if (index % 3 === 1) add(1, { kind: 'printer', ownerKind: 'department' });
    if (index % 4 === 2) add(2, { modelStanding: index % 8 === 2 ? 'non_standard' : 'not_approved' });
    if (index % 5 === 3) add(1, { everOnTownHall: true, ownerKind: 'department' });
  });
  return { assetRecords: { groups, exceptions } };
}
