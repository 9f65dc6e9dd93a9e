import { describe, expect, it } from 'vitest';
import type { Actor } from '../access/actor.ts';
import { systemActor } from '../access/actor.ts';
import type { Executor } from './database.ts';
import { createVersionedCache, dataVersionFor, versionedKey } from './versioned-cache.ts';

const settle = () => new Promise((resolve) => setImmediate(resolve));

/** A load that finishes when the test says so, counting how often it was started. */
function controlledLoad<Value>() {
  const finishes: Array<{ resolve: (value: Value) => void; reject: (error: Error) => void }> = [];
  const load = () => new Promise<Value>((resolve, reject) => finishes.push({ resolve, reject }));
  return { load, finishes };
}

describe('createVersionedCache', () => {
  it('runs one load for sixteen concurrent callers of the same key, and serves later callers from it', async () => {
    const cache = createVersionedCache<{ rows: number[] }>(10);
    const { load, finishes } = controlledLoad<{ rows: number[] }>();
    const callers = Array.from({ length: 16 }, () => cache.getOrLoad('tanum:7', load));
    await settle();
    expect(finishes).toHaveLength(1);
    const value = { rows: [1, 2, 3] };
    finishes[0]!.resolve(value);
    const results = await Promise.all(callers);
    // The very same object for everyone: shared, never copied (and so never to be modified).
    for (const result of results) expect(result).toBe(value);
    expect(await cache.getOrLoad('tanum:7', load)).toBe(value);
    expect(finishes).toHaveLength(1);
  });

  it('gives the concurrent callers the failure, keeps nothing, and retries on the next call', async () => {
    const cache = createVersionedCache<string>(10);
    const { load, finishes } = controlledLoad<string>();
    const callers = Array.from({ length: 4 }, () => cache.getOrLoad('tanum:7', load).catch((error: Error) => error.message));
    await settle();
    expect(finishes).toHaveLength(1);
    finishes[0]!.reject(new Error('database went away'));
    expect(await Promise.all(callers)).toEqual(Array(4).fill('database went away'));
    await settle();
    expect(cache.size).toBe(0);
    const retried = cache.getOrLoad('tanum:7', load);
    await settle();
    expect(finishes).toHaveLength(2);
    finishes[1]!.resolve('fresh');
    expect(await retried).toBe('fresh');
  });

  it('turns a load that throws before returning a promise into a failure that is not kept', async () => {
    const cache = createVersionedCache<string>(10);
    await expect(
      cache.getOrLoad('tanum:7', () => {
        throw new Error('bad query');
      }),
    ).rejects.toThrow('bad query');
    expect(cache.size).toBe(0);
    expect(await cache.getOrLoad('tanum:7', async () => 'second try')).toBe('second try');
  });

  it('holds at most its bound, loads in flight included, dropping the oldest first', async () => {
    const cache = createVersionedCache<number>(3);
    for (const version of [1, 2, 3, 4, 5]) await cache.getOrLoad(`tanum:${version}`, async () => version);
    expect(cache.size).toBe(3);
    const { load, finishes } = controlledLoad<number>();
    const pending = cache.getOrLoad('tanum:6', load);
    expect(cache.size).toBe(3);
    // Versions 1 and 2 were dropped, so asking again loads again; 5 is still kept.
    let loads = 0;
    expect(await cache.getOrLoad('tanum:1', async () => (loads += 1))).toBe(1);
    expect(await cache.getOrLoad('tanum:5', async () => (loads += 1))).toBe(5);
    expect(loads).toBe(1);
    expect(cache.size).toBe(3);
    await settle();
    finishes[0]!.resolve(6);
    expect(await pending).toBe(6);
  });

  it('does not let an evicted load that fails remove the entry loaded for the same key since', async () => {
    const cache = createVersionedCache<string>(1);
    const { load, finishes } = controlledLoad<string>();
    const first = cache.getOrLoad('tanum:7', load).catch((error: Error) => error.message);
    await cache.getOrLoad('sotenas:3', async () => 'other');
    const second = cache.getOrLoad('tanum:7', load);
    await settle();
    expect(finishes).toHaveLength(2);
    finishes[1]!.resolve('kept');
    expect(await second).toBe('kept');
    finishes[0]!.reject(new Error('late failure'));
    expect(await first).toBe('late failure');
    await settle();
    expect(await cache.getOrLoad('tanum:7', async () => 'reloaded')).toBe('kept');
  });
});

describe('createVersionedCache with READ_CACHE=false', () => {
  it('loads on every call and keeps nothing', async () => {
    const cache = createVersionedCache<number>(10, { readCache: false });
    let loads = 0;
    const load = async () => (loads += 1);
    expect(await cache.getOrLoad('tanum:7', load)).toBe(1);
    expect(await cache.getOrLoad('tanum:7', load)).toBe(2);
    expect(cache.size).toBe(0);
  });
});

describe('versionedKey', () => {
  it('names a query by its defined fields in name order', () => {
    expect(versionedKey('m', 7, '2026-11-28', { sort: 'name', limit: 5, q: undefined })).toBe(
      versionedKey('m', 7, '2026-11-28', { limit: 5, sort: 'name' }),
    );
    expect(versionedKey('m', 7, '2026-11-28', { limit: 5 })).not.toBe(versionedKey('m', 8, '2026-11-28', { limit: 5 }));
    expect(versionedKey('m', 7, { department: null })).not.toBe(versionedKey('m', 7, {}));
  });
});

describe('dataVersionFor and readAtVersion', () => {
  const person = (municipalityId: string, dataVersion?: number): Actor => ({
    kind: 'person',
    loginId: 'login',
    personId: 'person',
    email: 'a@example.se',
    name: 'A',
    locale: 'sv',
    municipalityId,
    roles: [],
    authenticatedBy: 'token',
    dataVersion,
  });
  /** Answers the chain-head lookup with version 41 and counts it. */
  function fakeDatabase() {
    const asked = { count: 0 };
    const query = {
      select: () => query,
      where: () => query,
      executeTakeFirst: async () => {
        asked.count += 1;
        return { last_sequence: 41 };
      },
    };
    return { db: { selectFrom: () => query } as unknown as Executor, asked };
  }

  it('uses the version read at authentication for a person of the same municipality, and asks otherwise', async () => {
    const { db, asked } = fakeDatabase();
    expect(await dataVersionFor(db, person('tanum', 7), 'tanum')).toBe(7);
    expect(await dataVersionFor(db, person('tanum', 0), 'tanum')).toBe(0);
    expect(asked.count).toBe(0);
    expect(await dataVersionFor(db, person('tanum', 7), 'sotenas')).toBe(41);
    expect(await dataVersionFor(db, person('tanum'), 'tanum')).toBe(41);
    expect(await dataVersionFor(db, systemActor('cli', 'tanum'), 'tanum')).toBe(41);
    expect(asked.count).toBe(3);
  });

  it('keys readAtVersion by the municipality and its version, and asks for neither with the cache off', async () => {
    const { db, asked } = fakeDatabase();
    const cache = createVersionedCache<string>(10);
    let loads = 0;
    const load = async () => {
      loads += 1;
      return `load ${loads}`;
    };
    expect(await cache.readAtVersion(db, person('tanum', 7), 'tanum', ['2026-11-28'], load)).toBe('load 1');
    expect(await cache.readAtVersion(db, person('tanum', 7), 'tanum', ['2026-11-28'], load)).toBe('load 1');
    // A new version, another day, another municipality: each a read of its own.
    expect(await cache.readAtVersion(db, person('tanum', 8), 'tanum', ['2026-11-28'], load)).toBe('load 2');
    expect(await cache.readAtVersion(db, person('tanum', 8), 'tanum', ['2026-11-29'], load)).toBe('load 3');
    expect(await cache.readAtVersion(db, person('tanum', 8), 'sotenas', ['2026-11-29'], load)).toBe('load 4');
    expect(asked.count).toBe(1);
    const off = createVersionedCache<string>(10, { readCache: false });
    expect(await off.readAtVersion(db, systemActor('cli', 'tanum'), 'tanum', [], load)).toBe('load 5');
    expect(asked.count).toBe(1);
  });
});
