import type { AnyActor } from '../access/actor.ts';
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
 * The data version for a read in this request, without a query when authentication already read
 * it (the actor queries join the chain head): only for a person acting in that same municipality.
 * System actors, and persons whose actor was built without it (sign-in, switching municipality),
 * ask the database.
 *
 * Why a version read at authentication is safe as a key: it is read before the data. A write
 * committed between authentication and the load only makes the stored value newer than its key
 * says, never older; the next request authenticates after that write, sees the new version and
 * misses. (An actor is built per request; a caller that keeps one across its own writes, say a
 * script, would keep reading the version it was built at and must build a new one.)
 */
export async function dataVersionFor(db: Executor, actor: AnyActor, municipalityId: string): Promise<number> {
  if (actor.kind === 'person' && actor.municipalityId === municipalityId && actor.dataVersion !== undefined) return actor.dataVersion;
  return dataVersionOf(db, municipalityId);
}

/**
 * A cache key from its parts: the municipality, the version, the day where the read depends on
 * it, and the query. Query objects are keyed by their defined fields in name order, so the same
 * query parsed twice (or with a field left out rather than undefined) finds the same entry.
 */
export function versionedKey(...parts: unknown[]): string {
  return JSON.stringify(parts, (_name, value: unknown) =>
    value !== null && typeof value === 'object' && !Array.isArray(value)
      ? Object.fromEntries(
          Object.entries(value)
            .filter(([, field]) => field !== undefined)
            .sort(([left], [right]) => left.localeCompare(right)),
        )
      : value,
  );
}

/**
 * READ_CACHE=false turns every such cache off: for installations whose data is also changed
 * outside the application (docs/operations.md), and for the bench's figures of a read that misses.
 */
export interface ReadCacheSettings {
  readCache: boolean;
}

/**
 * A bounded per-process cache for such reads. Keys must name the municipality and the data
 * version; an entry for an older version is simply never asked for again and ages out (oldest
 * first when full). Values are shared between callers, so they must not be modified.
 *
 * Single flight: the entry is the load's promise, stored before the load runs, so callers that
 * miss the same key while it loads await that one load instead of each running their own (sixteen
 * concurrent compliance summaries would otherwise each hold a whole municipality in memory). A
 * load that fails is removed again, so the next caller retries rather than inheriting the error.
 */
export function createVersionedCache<Value>(maximumEntries: number, settings: ReadCacheSettings = { readCache: true }) {
  const entries = new Map<string, Promise<Value>>();

  function getOrLoad(key: string, load: () => Promise<Value>): Promise<Value> {
    if (!settings.readCache) return load();
    const cached = entries.get(key);
    if (cached !== undefined) return cached;
    const loading = Promise.resolve().then(load);
    if (entries.size >= maximumEntries) entries.delete(entries.keys().next().value!);
    entries.set(key, loading);
    loading.catch(() => {
      // Only this load's own entry: it may have been evicted and the key loaded anew since.
      if (entries.get(key) === loading) entries.delete(key);
    });
    return loading;
  }

  return {
    getOrLoad,
    /**
     * The read's value at the municipality's current data version, the way services use the
     * cache: the key is always the municipality, its version and `dependsOn` (the day where the
     * read follows it, the query), so no caller can leave the version out. With the cache off,
     * neither the version nor a key is made.
     */
    async readAtVersion(
      db: Executor,
      actor: AnyActor,
      municipalityId: string,
      dependsOn: unknown[],
      load: () => Promise<Value>,
    ): Promise<Value> {
      if (!settings.readCache) return load();
      const version = await dataVersionFor(db, actor, municipalityId);
      return getOrLoad(versionedKey(municipalityId, version, ...dependsOn), load);
    },
    /** Entries held, loads in flight included. */
    get size() {
      return entries.size;
    },
  };
}
