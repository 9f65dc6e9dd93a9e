import { performance } from 'node:perf_hooks';
import { sql } from 'kysely';
import { systemActor } from '../access/actor.ts';
import { createRandom } from '../demo/random.ts';
import { recordAudit } from '../platform/audit.ts';
import { insertRows } from '../platform/bulk-insert.ts';
import type { Clock } from '../platform/clock.ts';
import { isPostgres, withTransaction, type DatabaseHandle, type TransactionHandle } from '../platform/database.ts';
import type { AccessLevelsTable } from '../platform/database-schema.ts';
import { swedishSortKey } from '../platform/text.ts';
import { timeOrderedUuid } from '../platform/time-ordered-ids.ts';
import { createIdSource } from './deterministic-ids.ts';

export interface AccessRightsWorkload {
  levels: number;
  rights: number;
  /** False when the rights were there already (an earlier run's). */
  generatedNow: boolean;
  seconds: number;
}

/** Every system's levels: what most systems know, one of them privileged. */
const levelNames = [
  ['Läsare', 0],
  ['Handläggare', 0],
  ['Administratör', 1],
] as const;
/** Systems nearly everyone holds a right in (e-mail, the intranet, the HR self-service): the busiest lists. */
const commonSystems = 3;
/** Two primes, so a person's picks land on different systems (see the statement). */
const personStride = 7919;
const pickStride = 104_729;

/**
 * The L workload's access rights (issue #14: 1,500,000 at L): three levels for every system, and
 * `perPerson` rights for every person of the municipality, one level of one system each: the
 * first in one of the three systems everybody uses, the others spread over the rest. Rights of
 * people who have left are ended (one in five still open and flagged: the leavers' queue); one
 * person in forty waits for the acknowledgement; one right in thirteen ended long ago.
 *
 * Set-based: per municipality one insert … select over the people, the picks and the systems
 * (nothing of the 1.5 million rows passes through Node), with time-ordered ids in person order,
 * so the rows append to the indexes; one transaction and one audit event per municipality, as
 * the other generated records. A database with rights already is left as it is (the bench reuses it).
 */
export async function generateAccessRights(
  db: DatabaseHandle,
  clock: Clock,
  options: { perPerson: number; seed: number },
): Promise<AccessRightsWorkload> {
  const started = performance.now();
  const existing = await countRights(db);
  if (existing.rights > 0) return { ...existing, generatedNow: false, seconds: 0 };

  const random = createRandom(options.seed);
  const ids = createIdSource(random);
  const municipalities = await db.selectFrom('municipalities').select(['id']).orderBy('code').execute();
  const now = clock.now().toISOString();
  // The rights' ids: one 48-bit time per municipality, after the levels' seeded ids' time.
  const idTime = Date.UTC(2026, 0, 1);
  let levels = 0;
  let rights = 0;
  for (const [index, municipality] of municipalities.entries()) {
    await withTransaction(db, async (transaction) => {
      const systems = await transaction
        .selectFrom('systems')
        .select('id')
        .where('municipality_id', '=', municipality.id)
        .orderBy('id')
        .execute();
      // Fewer systems than picks and common systems: the picks could repeat a level.
      if (systems.length < commonSystems + options.perPerson) return;
      const levelRows: AccessLevelsTable[] = systems.flatMap((system) =>
        levelNames.map(([name, privileged]) => ({
          id: ids.next(),
          municipality_id: municipality.id,
          system_id: system.id,
          name,
          sort_key: swedishSortKey(name),
          description: null,
          privileged,
          created_at: now,
          updated_at: now,
          version: 1,
        })),
      );
      await insertRows(transaction, 'access_levels', levelRows);
      const prefix = timeOrderedUuid(idTime + index, 0, '0'.repeat(12)).slice(0, 13);
      const inserted = await insertRightsOf(transaction, municipality.id, systems.length, options.perPerson, prefix, now);
      levels += levelRows.length;
      rights += inserted;
      await recordAudit(transaction, systemActor('generate', municipality.id), clock, {
        action: 'generate',
        entityType: 'access_rights_workload',
        entityId: municipality.id,
        after: { levels: levelRows.length, rights: inserted },
      });
    });
  }
  // The planners' statistics for the new rows: without them SQLite reads a system's holders' rows
  // instead of the covering indexes of migration 097 (PostgreSQL: as after the generator's other loads).
  if (isPostgres(db)) await sql`analyze access_levels, access_rights`.execute(db);
  else for (const table of ['access_levels', 'access_rights', 'people']) await sql`analyze ${sql.table(table)}`.execute(db);
  return { levels, rights, generatedNow: true, seconds: (performance.now() - started) / 1000 };
}

/**
 * One statement: people numbered in id order × the picks 0 … perPerson − 1 → a system (pick 0
 * one of the common systems, pick j ≥ 1 the system (n·7919 + j·104729) mod (S − 3) after them,
 * distinct for j < S − 3 since 104729 is prime) and one of its three levels, by (n + j) mod 3.
 * The id is `prefix-7000-8000-` and the row's number (n·perPerson + j) in 12 hex digits.
 */
async function insertRightsOf(
  transaction: TransactionHandle,
  municipalityId: string,
  systemCount: number,
  perPerson: number,
  prefix: string,
  now: string,
): Promise<number> {
  const postgres = isPostgres(transaction);
  const dateType = sql.raw(postgres ? 'date' : 'text');
  const timestampType = sql.raw(postgres ? 'timestamptz' : 'text');
  const sequence = sql`p.n * ${perPerson} + picks.j`;
  const id = postgres
    ? sql`${prefix} || '-7000-8000-' || lpad(to_hex(${sequence}), 12, '0')`
    : sql`printf('%s-7000-8000-%012x', ${prefix}, ${sequence})`;
  const date = (text: string) => sql`cast(${text} as ${dateType})`;
  const spread = sql`(p.n + picks.j * 37) % 6`;
  const startDate = sql`case ${spread} when 0 then ${date('2019-03-01')} when 1 then ${date('2020-08-17')} when 2 then ${date('2021-11-01')} when 3 then ${date('2023-01-09')} when 4 then ${date('2024-06-10')} else ${date('2025-09-01')} end`;
  const left = sql`p.employment_status = 'left'`;
  const leftOpen = sql`(${left} and p.n % 5 = 0)`;
  const endedLongAgo = sql`((p.n + picks.j) % 13 = 0 and picks.j > 0)`;
  const state = sql`case when ${leftOpen} then 'active' when ${left} or ${endedLongAgo} then 'ended' when picks.j = 1 and p.n % 40 = 0 then 'pending_acknowledgement' else 'active' end`;
  const ended = sql`(${left} and not ${leftOpen}) or (not ${left} and ${endedLongAgo})`;
  const granted = sql`cast(${now} as ${timestampType})`;
  const result = await sql`
    with recursive picks(j) as (select 0 union all select j + 1 from picks where j < ${perPerson - 1}),
    numbered_people as (
      select id, employment_status, row_number() over (order by id) - 1 as n
      from people where municipality_id = ${municipalityId}
    ),
    numbered_systems as (
      select id, row_number() over (order by id) - 1 as n from systems where municipality_id = ${municipalityId}
    ),
    numbered_levels as (
      select id, system_id, row_number() over (partition by system_id order by sort_key) - 1 as n
      from access_levels where municipality_id = ${municipalityId}
    )
    insert into access_rights (
      id, municipality_id, person_id, system_id, level_id, state, source, start_date, end_date, reason, case_reference,
      granted_at, granted_by_person_id, granted_by_name, activated_at, activation, exception_reason, exception_by_person_id,
      exception_by_name, flagged_for_removal, flagged_at, ended_at, ended_by_person_id, ended_by_name, end_reason, end_note,
      last_recertified_on, created_at, updated_at, version
    )
    select
      ${id}, ${municipalityId}, p.id, s.id, l.id, ${state},
      case when picks.j % 4 = 3 then 'imported_system' else 'granted' end,
      ${startDate},
      case when ${ended} then ${date('2025-10-31')} else null end,
      null, null, ${granted}, null, 'generate',
      case when ${state} = 'pending_acknowledgement' then null else ${granted} end,
      case when ${state} = 'pending_acknowledgement' then null when picks.j % 4 = 3 then 'imported' else 'acknowledged' end,
      null, null, null,
      case when ${leftOpen} then 1 else 0 end,
      case when ${leftOpen} then ${granted} else null end,
      case when ${ended} then ${granted} else null end,
      null,
      case when ${ended} then 'generate' else null end,
      case when ${left} and not ${leftOpen} then 'person_left' when ${ended} then 'ended' else null end,
      null, null, ${granted}, ${granted}, 1
    from numbered_people p
    cross join picks
    join numbered_systems s on s.n = case when picks.j = 0 then p.n % ${commonSystems}
      else ${commonSystems} + (p.n * ${personStride} + picks.j * ${pickStride}) % ${systemCount - commonSystems} end
    join numbered_levels l on l.system_id = s.id and l.n = (p.n + picks.j) % ${levelNames.length}
  `.execute(transaction);
  return Number(result.numAffectedRows ?? 0);
}

async function countRights(db: DatabaseHandle) {
  const count = async (table: 'access_levels' | 'access_rights') =>
    Number(
      (
        await db
          .selectFrom(table)
          .select((eb) => eb.fn.countAll<number>().as('n'))
          .executeTakeFirstOrThrow()
      ).n,
    );
  return { levels: await count('access_levels'), rights: await count('access_rights') };
}
