import type { Executor } from './database.ts';

/**
 * Every write in a municipality appends to its audit chain in the same transaction (ADR 0002),
 * so the chain head's sequence is a version number for all of that municipality's data: a read
 * that depends only on the municipality's data, the day and the query can be answered from what
 * the same read returned at the same version. One indexed lookup instead of the read's queries.
 */
export async function dataVersionOf(db: Executor, municipalityId: string): Promise<number> {
  const head = await db.selectFrom('audit_chain_heads').select('last_sequence').where('chain_id', '=', municipalityId).executeTakeFirst();
  return head ? Number(head.last_sequence) : 0;
}

/**
 * A bounded per-process cache for such reads. Keys must name the municipality and the data
 * version; an entry for an older version is simply never asked for again and ages out (oldest
 * first when full). Values are shared between callers, so they must not be modified.
 */
export function createVersionedCache<Value>(maximumEntries: number) {
  const entries = new Map<string, Value>();
  return {
    async getOrLoad(key: string, load: () => Promise<Value>): Promise<Value> {
      const cached = entries.get(key);
      if (cached !== undefined) return cached;
      const value = await load();
      if (entries.size >= maximumEntries) entries.delete(entries.keys().next().value!);
      entries.set(key, value);
      return value;
    },
    get size() {
      return entries.size;
    },
  };
}
