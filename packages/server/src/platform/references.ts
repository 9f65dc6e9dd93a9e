import type { Executor } from './database.ts';

/** The tables whose rows an input may name by id: each has an id and a municipality_id. */
export type ReferencedTable = 'systems' | 'people' | 'departments';

/**
 * Which of `ids` name rows of `table` in the municipality: how a service checks the references of
 * an input (an adjacent system, a named person) without building a query of its own. One query,
 * none when there is nothing to check.
 */
export async function existingIds(
  executor: Executor,
  table: ReferencedTable,
  municipalityId: string,
  ids: readonly string[],
): Promise<Set<string>> {
  const unique = [...new Set(ids)];
  if (unique.length === 0) return new Set();
  const rows = await executor
    .selectFrom(table)
    .select('id')
    .where('municipality_id', '=', municipalityId)
    .where('id', 'in', unique)
    .execute();
  return new Set(rows.map((row) => row.id));
}

/** Answers when the database does: the readiness check of the health route. */
export async function pingDatabase(executor: Executor): Promise<void> {
  await executor.selectNoFrom((eb) => eb.val(1).as('one')).execute();
}
