import { sql, type Kysely } from 'kysely';
import { columnTypes } from './column-types.ts';

/**
 * Counts kept by the database for the coverage view (issue #13: p99 ≤ 50 ms at 100,000
 * employees; recounting joined every active employee to the version's requests, 0.4–2 s). ADR 0022.
 *
 * - active_people_counts: per municipality and department ('' for none), the people marked active.
 * - acknowledgement_counts: per municipality, version, department, state and due date, the
 *   acknowledgements whose person is marked active, counted under the person's department.
 *
 * Triggers keep both in the transaction of every write to acknowledgements and people, whatever
 * writes them (services, imports, the generator, the leavers job): on PostgreSQL once per
 * statement from its transition tables (one grouped upsert for 96,000 requests), on SQLite per row.
 * The counts ignore the dates; the reader subtracts the few people marked active who have not
 * started or whose end date has passed (the two indexes below find them), so what it shows is
 * exactly the recount of "active today" (tests prove it on both databases).
 */
const changedPeople = (before: string, after: string) =>
  `(${before}.department_id is distinct from ${after}.department_id or ${before}.employment_status is distinct from ${after}.employment_status)`;

/** The rows of a statement as (row, sign): the old rows count -1, the new +1; for people only those whose department or status changed. */
const postgresChanges = {
  acknowledgements: {
    insert: 'select added.*, 1 as sign from added',
    delete: 'select removed.*, -1 as sign from removed',
    update: 'select removed.*, -1 as sign from removed union all select added.*, 1 as sign from added',
  },
  people: {
    insert: 'select added.*, 1 as sign from added',
    delete: 'select removed.*, -1 as sign from removed',
    update: `select removed.*, -1 as sign from removed join added on added.id = removed.id where ${changedPeople('removed', 'added')}
      union all select added.*, 1 as sign from added join removed on removed.id = added.id where ${changedPeople('removed', 'added')}`,
  },
};

const upsertAcknowledgementCounts = `on conflict (municipality_id, version_id, department_id, state, due_date)
  do update set total = acknowledgement_counts.total + excluded.total`;

function postgresAcknowledgementFunction(operation: 'insert' | 'update' | 'delete') {
  return `create function acknowledgement_counts_${operation}() returns trigger language plpgsql as $$
    begin
      insert into acknowledgement_counts (municipality_id, version_id, department_id, state, due_date, total)
      select changed.municipality_id, changed.version_id, coalesce(people.department_id, ''), changed.state, changed.due_date, sum(changed.sign)
      from (${postgresChanges.acknowledgements[operation]}) as changed
      join people on people.id = changed.person_id
      where people.employment_status = 'active'
      group by changed.municipality_id, changed.version_id, coalesce(people.department_id, ''), changed.state, changed.due_date
      having sum(changed.sign) <> 0
      ${upsertAcknowledgementCounts};
      return null;
    end $$`;
}

function postgresPeopleFunction(operation: 'insert' | 'update' | 'delete') {
  const requests =
    operation === 'insert'
      ? ''
      : `insert into acknowledgement_counts (municipality_id, version_id, department_id, state, due_date, total)
      select changed.municipality_id, acknowledgements.version_id, coalesce(changed.department_id, ''), acknowledgements.state,
             acknowledgements.due_date, sum(changed.sign)
      from (${postgresChanges.people[operation]}) as changed
      join acknowledgements on acknowledgements.municipality_id = changed.municipality_id and acknowledgements.person_id = changed.id
      where changed.employment_status = 'active'
      group by changed.municipality_id, acknowledgements.version_id, coalesce(changed.department_id, ''), acknowledgements.state,
               acknowledgements.due_date
      having sum(changed.sign) <> 0
      ${upsertAcknowledgementCounts};`;
  return `create function people_counts_${operation}() returns trigger language plpgsql as $$
    begin
      insert into active_people_counts (municipality_id, department_id, total)
      select changed.municipality_id, coalesce(changed.department_id, ''), sum(changed.sign)
      from (${postgresChanges.people[operation]}) as changed
      where changed.employment_status = 'active'
      group by changed.municipality_id, coalesce(changed.department_id, '')
      having sum(changed.sign) <> 0
      on conflict (municipality_id, department_id) do update set total = active_people_counts.total + excluded.total;
      ${requests}
      return null;
    end $$`;
}

const transitionTables = {
  insert: 'new table as added',
  update: 'old table as removed new table as added',
  delete: 'old table as removed',
};

async function postgresUp(db: Kysely<unknown>) {
  for (const operation of ['insert', 'update', 'delete'] as const) {
    for (const [table, make] of [
      ['acknowledgements', postgresAcknowledgementFunction],
      ['people', postgresPeopleFunction],
    ] as const) {
      const name = table === 'people' ? `people_counts_${operation}` : `acknowledgement_counts_${operation}`;
      await sql.raw(make(operation)).execute(db);
      await sql
        .raw(
          `create trigger ${name} after ${operation} on ${table} referencing ${transitionTables[operation]} for each statement execute function ${name}()`,
        )
        .execute(db);
    }
  }
}

/** One upsert of `delta` into acknowledgement_counts for the request `row` (new or old) if its person is marked active. */
const sqliteAcknowledgementDelta = (row: 'new' | 'old', delta: 1 | -1) => `
  insert into acknowledgement_counts (municipality_id, version_id, department_id, state, due_date, total)
  select ${row}.municipality_id, ${row}.version_id, coalesce(people.department_id, ''), ${row}.state, ${row}.due_date, ${delta}
  from people where people.id = ${row}.person_id and people.employment_status = 'active'
  on conflict (municipality_id, version_id, department_id, state, due_date) do update set total = total + excluded.total;`;

/** The person `row` (new or old), if marked active, counted with `delta` in its department and under each of its requests. */
const sqlitePersonDelta = (row: 'new' | 'old', delta: 1 | -1, withRequests: boolean) => `
  insert into active_people_counts (municipality_id, department_id, total)
  select ${row}.municipality_id, coalesce(${row}.department_id, ''), ${delta} where ${row}.employment_status = 'active'
  on conflict (municipality_id, department_id) do update set total = total + excluded.total;
  ${
    withRequests
      ? `insert into acknowledgement_counts (municipality_id, version_id, department_id, state, due_date, total)
  select acknowledgements.municipality_id, acknowledgements.version_id, coalesce(${row}.department_id, ''), acknowledgements.state,
         acknowledgements.due_date, ${delta} * count(*)
  from acknowledgements
  where acknowledgements.municipality_id = ${row}.municipality_id and acknowledgements.person_id = ${row}.id
    and ${row}.employment_status = 'active'
  group by acknowledgements.version_id, acknowledgements.state, acknowledgements.due_date
  on conflict (municipality_id, version_id, department_id, state, due_date) do update set total = total + excluded.total;`
      : ''
  }`;

async function sqliteUp(db: Kysely<unknown>) {
  const statements = [
    `create trigger acknowledgement_counts_insert after insert on acknowledgements begin ${sqliteAcknowledgementDelta('new', 1)} end`,
    `create trigger acknowledgement_counts_delete after delete on acknowledgements begin ${sqliteAcknowledgementDelta('old', -1)} end`,
    `create trigger acknowledgement_counts_update after update of municipality_id, version_id, person_id, state, due_date on acknowledgements
       begin ${sqliteAcknowledgementDelta('old', -1)} ${sqliteAcknowledgementDelta('new', 1)} end`,
    `create trigger people_counts_insert after insert on people begin ${sqlitePersonDelta('new', 1, false)} end`,
    `create trigger people_counts_delete after delete on people begin ${sqlitePersonDelta('old', -1, true)} end`,
    `create trigger people_counts_update after update of department_id, employment_status on people when ${changedPeople('old', 'new').replaceAll('is distinct from', 'is not')}
       begin ${sqlitePersonDelta('old', -1, true)} ${sqlitePersonDelta('new', 1, true)} end`,
  ];
  for (const statement of statements) await sql.raw(statement).execute(db);
}

export async function up(db: Kysely<unknown>): Promise<void> {
  await db.schema
    .createTable('active_people_counts')
    .addColumn('municipality_id', 'text', (column) => column.notNull())
    .addColumn('department_id', 'text', (column) => column.notNull())
    .addColumn('total', 'integer', (column) => column.notNull())
    .addPrimaryKeyConstraint('active_people_counts_pk', ['municipality_id', 'department_id'])
    .execute();
  const types = await columnTypes(db);
  await db.schema
    .createTable('acknowledgement_counts')
    .addColumn('municipality_id', 'text', (column) => column.notNull())
    .addColumn('version_id', 'text', (column) => column.notNull())
    .addColumn('department_id', 'text', (column) => column.notNull())
    .addColumn('state', 'text', (column) => column.notNull())
    .addColumn('due_date', types.date, (column) => column.notNull())
    .addColumn('total', 'integer', (column) => column.notNull())
    .addPrimaryKeyConstraint('acknowledgement_counts_pk', ['municipality_id', 'version_id', 'department_id', 'state', 'due_date'])
    .execute();
  // The people marked active who are not active today: not started yet, or past their end date.
  // With the department and id, read off the index alone.
  for (const [name, column] of [
    ['people_active_start', 'start_date'],
    ['people_active_end', 'end_date'],
  ] as const)
    await db.schema
      .createIndex(name)
      .on('people')
      .columns(['municipality_id', 'employment_status', column, 'department_id', 'id'])
      .execute();
  // The counts of what is there already, then the triggers that keep them.
  await sql`
    insert into active_people_counts (municipality_id, department_id, total)
    select municipality_id, coalesce(department_id, ''), count(*) from people where employment_status = 'active'
    group by municipality_id, coalesce(department_id, '')`.execute(db);
  await sql`
    insert into acknowledgement_counts (municipality_id, version_id, department_id, state, due_date, total)
    select acknowledgements.municipality_id, acknowledgements.version_id, coalesce(people.department_id, ''), acknowledgements.state,
           acknowledgements.due_date, count(*)
    from acknowledgements join people on people.id = acknowledgements.person_id
    where people.employment_status = 'active'
    group by acknowledgements.municipality_id, acknowledgements.version_id, coalesce(people.department_id, ''), acknowledgements.state,
             acknowledgements.due_date`.execute(db);
  if (types.date === 'date') await postgresUp(db);
  else await sqliteUp(db);
}

export async function down(db: Kysely<unknown>): Promise<void> {
  const postgres = (await columnTypes(db)).date === 'date';
  for (const operation of ['insert', 'update', 'delete']) {
    for (const [table, name] of [
      ['acknowledgements', `acknowledgement_counts_${operation}`],
      ['people', `people_counts_${operation}`],
    ]) {
      await sql.raw(`drop trigger ${name}${postgres ? ` on ${table}` : ''}`).execute(db);
      if (postgres) await sql.raw(`drop function ${name}()`).execute(db);
    }
  }
  await db.schema.dropIndex('people_active_end').execute();
  await db.schema.dropIndex('people_active_start').execute();
  await db.schema.dropTable('acknowledgement_counts').execute();
  await db.schema.dropTable('active_people_counts').execute();
}
