import { randomUUID } from 'node:crypto';
import type { ConsumptionKind } from '@forvalta/contracts';
import type { AnyActor } from '../../access/actor.ts';
import { recordAudit } from '../../platform/audit.ts';
import type { Clock } from '../../platform/clock.ts';
import type { Executor, TransactionHandle } from '../../platform/database.ts';
import { licencesRepository } from './licences.repository.ts';

/** One counted product and kind of an inventory. */
export interface InventoryCount {
  softwareId: string;
  kind: ConsumptionKind;
  count: number;
}

/** The counts an inventory recorded before. */
export async function recordedCounts(executor: Executor, municipalityId: string, inventory: string): Promise<InventoryCount[]> {
  const earlier = await licencesRepository.inventoryRows(executor, municipalityId, inventory);
  return earlier.map((row) => ({ softwareId: row.software_id, kind: row.kind as ConsumptionKind, count: Number(row.count) }));
}

/** Whether the new counts differ from the recorded ones (as a multiset: the order of rows is no change). */
export function countsDiffer(earlier: readonly InventoryCount[], counts: readonly InventoryCount[]) {
  const key = (row: InventoryCount) => `${row.softwareId}|${row.kind}|${row.count}`;
  return [...earlier.map(key)].sort().join('\n') !== [...counts.map(key)].sort().join('\n');
}

/**
 * Replaces everything an inventory counted with its new counts, refreshes the products' totals and
 * records one audit event, in the caller's transaction. Both the JSON import and the file import
 * write through here, so an inventory is replaced the same way whichever way it arrived.
 */
export async function replaceInventory(
  transaction: TransactionHandle,
  actor: AnyActor,
  clock: Clock,
  municipalityId: string,
  inventory: { name: string; countedOn: string; earlier: readonly InventoryCount[] },
  counts: readonly InventoryCount[],
) {
  const now = clock.now().toISOString();
  await licencesRepository.deleteInventory(transaction, municipalityId, inventory.name);
  await licencesRepository.insertConsumption(
    transaction,
    counts.map((row) => ({
      id: randomUUID(),
      municipality_id: municipalityId,
      software_id: row.softwareId,
      kind: row.kind,
      count: row.count,
      source: 'inventory',
      asset_id: null,
      inventory: inventory.name,
      counted_on: inventory.countedOn,
      created_at: now,
      updated_at: now,
      version: 1,
    })),
  );
  await licencesRepository.refreshTotals(
    transaction,
    municipalityId,
    [...inventory.earlier, ...counts].map((row) => row.softwareId),
  );
  await recordAudit(transaction, actor, clock, {
    action: 'import',
    entityType: 'licence_consumption',
    entityId: municipalityId,
    after: { inventory: inventory.name, replaced: inventory.earlier.length, recorded: counts.length, countedOn: inventory.countedOn },
  });
}
