import { sql, type RawBuilder } from 'kysely';
import { isPostgres, type Executor } from '../../platform/database.ts';
import { activeEmployeeIn, orderedDatabaseUuid, type Audience } from './acknowledgement-queries.ts';

/**
 * The set-based statements of acknowledgement requests: one statement each, whatever the number
 * of people (issue #13: "set-based, not a loop of inserts"), in the caller's transaction.
 */
export interface RequestTerms {
  municipalityId: string;
  documentId: string;
  versionId: string;
  audience: Audience;
  /** The Swedish date the audience is judged on (started by, not ended by). */
  today: string;
  dueDate: string;
  now: string;
}

/**
 * A value of an insert … select's selection, typed for PostgreSQL, which resolves an untyped
 * parameter in a selection as text and will not assign text to a timestamptz, date or integer
 * column; SQLite stores the value as given.
 */
function typed(executor: Executor, value: string | number, type: 'timestamptz' | 'date' | 'integer'): RawBuilder<unknown> {
  if (typeof value === 'number') return sql.lit(value);
  return isPostgres(executor) ? sql`cast(${value} as ${sql.raw(type)})` : sql`${value}`;
}

const insertedColumns = [
  'id',
  'municipality_id',
  'person_id',
  'document_id',
  'version_id',
  'state',
  'requested_at',
  'due_date',
  'acknowledged_at',
  'method',
  'recorded_by_person_id',
  'recorded_by_name',
  'training_session_id',
  'note',
  'carried_over_from_version_id',
  'reminder_count',
  'last_reminded_at',
  'created_at',
  'updated_at',
  'version',
] as const;

const count = (result: { numInsertedOrUpdatedRows?: bigint } | { numUpdatedRows: bigint } | undefined) =>
  Number(result && ('numUpdatedRows' in result ? result.numUpdatedRows : (result.numInsertedOrUpdatedRows ?? 0)));

export const acknowledgementRequestsRepository = {
  /**
   * A request of the version for every active employee in its audience who has none yet (or only
   * `personId`, for a person just registered). Idempotent: a second run finds everyone asked.
   * Returns how many it made.
   *
   * "Has none yet" is the unique (municipality, person, version) key's conflict, not a `not
   * exists` over the table being written: PostgreSQL planned that as a nested loop over a
   * sequential scan of acknowledgements whenever the table's statistics said it was small (a new
   * installation, the first adoption), and rescanned the growing table for every person: 372 s
   * for 96,000 people (docs/performance.md). The people are taken in id order, so the rows and
   * their ids go into every index in order.
   */
  async requestMissing(executor: Executor, terms: RequestTerms, personId?: string): Promise<number> {
    const { municipalityId, documentId, versionId, audience, today, dueDate, now } = terms;
    let people = executor
      .selectFrom('people')
      .where('people.municipality_id', '=', municipalityId)
      .where(activeEmployeeIn(audience, today));
    if (personId) people = people.where('people.id', '=', personId);
    const result = await executor
      .insertInto('acknowledgements')
      .columns(insertedColumns)
      .expression(
        people
          .select([
            orderedDatabaseUuid(executor, now, sql.ref('people.id')).as('id'),
            sql`${municipalityId}`.as('municipality_id'),
            'people.id as person_id',
            sql`${documentId}`.as('document_id'),
            sql`${versionId}`.as('version_id'),
            sql`'requested'`.as('state'),
            typed(executor, now, 'timestamptz').as('requested_at'),
            typed(executor, dueDate, 'date').as('due_date'),
            sql`null`.as('acknowledged_at'),
            sql`null`.as('method'),
            sql`null`.as('recorded_by_person_id'),
            sql`null`.as('recorded_by_name'),
            sql`null`.as('training_session_id'),
            sql`null`.as('note'),
            sql`null`.as('carried_over_from_version_id'),
            sql.lit(0).as('reminder_count'),
            sql`null`.as('last_reminded_at'),
            typed(executor, now, 'timestamptz').as('created_at'),
            typed(executor, now, 'timestamptz').as('updated_at'),
            sql.lit(1).as('version'),
          ])
          .orderBy('people.id'),
      )
      .onConflict((conflict) => conflict.columns(['municipality_id', 'person_id', 'version_id']).doNothing())
      .executeTakeFirst();
    return count(result);
  },

  /**
   * An editorial version: every acknowledgement of `previousVersionId` (and every open request,
   * with its date, due date and reminders) of an active employee still in the audience is copied
   * to the new version, naming the version it came from. Nobody who gave one is asked again.
   */
  async carryOver(executor: Executor, terms: RequestTerms, previousVersionId: string) {
    const { municipalityId, versionId, audience, today, now } = terms;
    const carried = (state: 'acknowledged' | 'requested') =>
      executor
        .insertInto('acknowledgements')
        .columns(insertedColumns)
        .expression(
          executor
            .selectFrom('acknowledgements as earlier')
            .innerJoin('people', 'people.id', 'earlier.person_id')
            .where('earlier.municipality_id', '=', municipalityId)
            .where('earlier.version_id', '=', previousVersionId)
            .where('earlier.state', '=', state)
            .where(activeEmployeeIn(audience, today))
            .select([
              orderedDatabaseUuid(executor, now, sql.ref('earlier.person_id')).as('id'),
              'earlier.municipality_id',
              'earlier.person_id',
              'earlier.document_id',
              sql`${versionId}`.as('version_id'),
              'earlier.state',
              'earlier.requested_at',
              'earlier.due_date',
              'earlier.acknowledged_at',
              'earlier.method',
              'earlier.recorded_by_person_id',
              'earlier.recorded_by_name',
              'earlier.training_session_id',
              'earlier.note',
              'earlier.version_id as carried_over_from_version_id',
              'earlier.reminder_count',
              'earlier.last_reminded_at',
              typed(executor, now, 'timestamptz').as('created_at'),
              typed(executor, now, 'timestamptz').as('updated_at'),
              sql.lit(1).as('version'),
            ])
            .orderBy('earlier.person_id'),
        )
        .executeTakeFirst();
    const acknowledged = count(await carried('acknowledged'));
    const open = count(await carried('requested'));
    return { acknowledged, open };
  },

  /**
   * Closes the document's open requests of every version but `versionId`: the version adopted
   * replaces them (its own request, or the carried-over one, takes their place).
   */
  async withdrawReplaced(executor: Executor, municipalityId: string, documentId: string, versionId: string, now: string) {
    const result = await executor
      .updateTable('acknowledgements')
      .set((eb) => ({ state: 'withdrawn', updated_at: now, version: eb('version', '+', 1) }))
      .where('municipality_id', '=', municipalityId)
      // By the document's other versions, so each is a range of the version index (the table has no document index).
      .where('version_id', 'in', (eb) =>
        eb
          .selectFrom('policy_document_versions')
          .select('policy_document_versions.id')
          .where('policy_document_versions.municipality_id', '=', municipalityId)
          .where('policy_document_versions.document_id', '=', documentId)
          .where('policy_document_versions.id', '<>', versionId),
      )
      .where('state', '=', 'requested')
      .executeTakeFirst();
    return count(result);
  },

  /**
   * A reminder on the open requests of the version: every open one, or those of `personId`, or of
   * the people of `departmentIds`. Counts up and stamps each; returns how many.
   */
  async remind(
    executor: Executor,
    municipalityId: string,
    versionId: string,
    whom: { personId?: string; departmentIds?: readonly string[] },
    now: string,
  ) {
    let statement = executor
      .updateTable('acknowledgements')
      .set((eb) => ({
        reminder_count: eb('reminder_count', '+', 1),
        last_reminded_at: now,
        updated_at: now,
        version: eb('version', '+', 1),
      }))
      .where('municipality_id', '=', municipalityId)
      .where('version_id', '=', versionId)
      .where('state', '=', 'requested');
    if (whom.personId) statement = statement.where('person_id', '=', whom.personId);
    if (whom.departmentIds) {
      const departmentIds = whom.departmentIds;
      statement = statement.where('person_id', 'in', (eb) =>
        eb
          .selectFrom('people')
          .select('people.id')
          .where('people.municipality_id', '=', municipalityId)
          .where('people.department_id', 'in', departmentIds.length ? departmentIds : ['']),
      );
    }
    return count(await statement.executeTakeFirst());
  },
};
