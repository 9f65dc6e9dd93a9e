import type { ContractActionName, Permission, SupplierActionName } from '@forvalta/contracts';
import type { AnyActor } from '../../access/actor.ts';
import type { Subject } from '../../access/authorise.ts';
import { canOn } from '../../access/record-actions.ts';

/** The permission of each action on a supplier and a contract; the use cases are declared with the same entries. */
export const supplierActions = {
  update: 'contract.manage',
  delete: 'contract.manage',
} as const satisfies Record<SupplierActionName, Permission>;

export const contractActions = {
  update: 'contract.manage',
  delete: 'contract.manage',
} as const satisfies Record<ContractActionName, Permission>;

export const supplierAbilities = (actor: AnyActor, supplier: { contractCount: number }) =>
  canOn(actor, supplierActions, undefined, { delete: supplier.contractCount === 0 });

export const contractAbilities = (actor: AnyActor) => canOn(actor, contractActions, undefined);

/**
 * The subjects a contract is read by: one per system it covers (its owner department, for a
 * department head, and its stewards); a contract covering no system is the IT unit's alone.
 */
export function contractReadSubjects(
  systems: ReadonlyArray<{ id: string; ownerDepartmentId: string | null }>,
  stewards: ReadonlyMap<string, readonly string[]>,
): Subject[] {
  if (systems.length === 0) return [{ departmentId: null }];
  return systems.map((system) => ({ departmentId: system.ownerDepartmentId, stewardPersonIds: stewards.get(system.id) ?? [] }));
}
