import type { AssetActionName, AssetModelActionName, Permission } from '@forvalta/contracts';
import type { AnyActor } from '../../access/actor.ts';
import { can } from '../../access/authorise.ts';
import { canOn } from '../../access/record-actions.ts';

/**
 * The permission of each action on models and assets. The use cases are declared with these
 * entries and the records' `can` computed from them, so what a record says and what the service
 * enforces cannot part.
 */
export const assetModelActions = { update: 'assetModel.manage', approve: 'assetModel.approve' } as const satisfies Record<
  AssetModelActionName,
  Permission
>;
export const assetActions = { update: 'asset.manage' } as const satisfies Record<AssetActionName, Permission>;

/** Who sees which assets beyond the systems they keep: the governance roles all, a department head their department's. */
export const overseeAssets: Permission = 'assetOversight.read';

/**
 * Reading one asset (everyone holds asset.read; this is which ones): the overseers (a head: of the
 * asset's assigned or owning department), and the stewards of a system it serves. The list
 * applies the same union in SQL (assets.repository.ts, AssetVisibility).
 */
export function mayReadAsset(
  actor: AnyActor,
  asset: { departmentId: string | null; ownerDepartmentId: string | null; systems: ReadonlyArray<{ id: string }> },
  stewardedSystemIds: ReadonlySet<string>,
): boolean {
  if (actor.kind === 'system') return true;
  if (
    can(actor, overseeAssets, { departmentId: asset.departmentId }) ||
    can(actor, overseeAssets, { departmentId: asset.ownerDepartmentId })
  )
    return true;
  return asset.systems.some((system) => stewardedSystemIds.has(system.id));
}

export const assetAbilities = (actor: AnyActor) => canOn(actor, assetActions, undefined);
export const assetModelAbilities = (actor: AnyActor) => canOn(actor, assetModelActions, undefined);
