import type { Executor } from '../../platform/database.ts';
import { systemReads } from '../systems/index.ts';

/**
 * The current managers and deputies of the systems named, in one query: a product's stewards are
 * those of the systems that use it (they may ask the IT chief for its decision).
 */
export async function stewardsBySystem(db: Executor, municipalityId: string, systemIds: readonly string[], today: string) {
  if (systemIds.length === 0) return new Map<string, string[]>();
  return systemReads.stewardPersonIds(db, municipalityId, [...systemIds], today);
}

export function stewardsOf(systemIds: readonly string[], bySystem: ReadonlyMap<string, readonly string[]>): string[] {
  return [...new Set(systemIds.flatMap((systemId) => bySystem.get(systemId) ?? []))];
}
