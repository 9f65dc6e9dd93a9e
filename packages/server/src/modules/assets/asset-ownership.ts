import type { AssetNetwork, AssetOwnerKind } from '@forvalta/contracts';

/**
 * The ownership rules of §6 as pure functions, shared by the asset service and the import:
 * the IT unit owns by default; another owner needs a reason (and a department or a name); an
 * asset that was ever on the town-hall network is the IT unit's for good (ITP-6-SCHOOL-NET).
 */
export interface Ownership {
  ownerKind: AssetOwnerKind;
  ownerDepartmentId: string | null;
  ownerName: string | null;
  ownerReason: string | null;
}

export type OwnershipProblem =
  | { problem: 'owner_reason_required'; field: 'ownerReason' }
  | { problem: 'owner_department_required'; field: 'ownerDepartmentId' }
  | { problem: 'owner_name_required'; field: 'ownerName' }
  | { problem: 'owner_town_hall'; field: 'ownerKind' };

export const schoolNetClause = 'ITP-6-SCHOOL-NET';

/** The owner fields as stored: the IT unit keeps none of the others; a department or other body keeps only its own. */
export function normaliseOwnership(ownership: Ownership): Ownership {
  switch (ownership.ownerKind) {
    case 'it_unit':
      return { ownerKind: 'it_unit', ownerDepartmentId: null, ownerName: null, ownerReason: null };
    case 'department':
      return { ...ownership, ownerName: null };
    case 'other':
      return { ...ownership, ownerDepartmentId: null };
  }
}

/** Whether the asset has been on the town-hall network, counting the network it goes to now. */
export function everOnTownHall(wasOnTownHall: boolean, network: AssetNetwork): boolean {
  return wasOnTownHall || network === 'town_hall';
}

export function ownershipProblems(ownership: Ownership, onTownHallEver: boolean): OwnershipProblem[] {
  if (ownership.ownerKind === 'it_unit') return [];
  if (onTownHallEver) return [{ problem: 'owner_town_hall', field: 'ownerKind' }];
  const problems: OwnershipProblem[] = [];
  if (!ownership.ownerReason) problems.push({ problem: 'owner_reason_required', field: 'ownerReason' });
  if (ownership.ownerKind === 'department' && !ownership.ownerDepartmentId)
    problems.push({ problem: 'owner_department_required', field: 'ownerDepartmentId' });
  if (ownership.ownerKind === 'other' && !ownership.ownerName) problems.push({ problem: 'owner_name_required', field: 'ownerName' });
  return problems;
}
