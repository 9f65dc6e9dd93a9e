import { isPostgres, type Executor } from './database.ts';

/**
 * Serialises the writes that decide on one person's standing: the first-grant gate of access
 * rights and the acknowledgement that may open it both take this row lock, first, before they
 * change anything (PostgreSQL; SQLite runs one writer at a time anyway). Taking it first matters:
 * an acknowledgement changes the acknowledgement counts (migration 095's triggers) and a gated
 * grant asks for acknowledgements, which changes the same counts, so a lock taken later in either
 * transaction deadlocks against the other.
 */
export async function lockPerson(db: Executor, municipalityId: string, personId: string): Promise<void> {
  if (!isPostgres(db)) return;
  await db.selectFrom('people').select('id').where('municipality_id', '=', municipalityId).where('id', '=', personId).forUpdate().execute();
}
