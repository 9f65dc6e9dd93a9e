import { sql, type RawBuilder } from 'kysely';
import type { SnapshotAccessRightSample, SnapshotAccessRights, SnapshotSystemAccess } from '../../policy/index.ts';
import { swedishToday } from '../../platform/calendar.ts';
import { inParallel, type Executor } from '../../platform/database.ts';

/** How many rights of a system the evidence names (the rules' evidenceSampleSize). */
const sampleSize = 5;

const swedishDateOf = (timestamp: string | null) => (timestamp === null ? null : swedishToday(new Date(timestamp)));
const count = (value: unknown) => Number(value ?? 0);

interface SampleRow {
  system_id: string;
  id: string;
  person_id: string;
  first_name: string;
  last_name: string;
  level_name: string;
  activated_at: string | null;
  exception_reason: string | null;
  total: number | string;
}

/**
 * The facts issue #14's rules read of the access-rights module's tables (read-only, as the other
 * loaders read theirs): per system, counts and dates aggregated in the database, a few named
 * examples, and the rights still held by people who have left. A fixed number of set-based
 * queries whatever the size; the ones for exceptions and for imported rights run only when the
 * counts show there is something to name.
 */
export async function loadAccessRecords(
  db: Executor,
  municipalityId: string,
  evaluatedAt: string,
  systemIds?: readonly string[],
): Promise<{ accessRights: SnapshotAccessRights }> {
  const today = swedishToday(new Date(evaluatedAt));
  const onlySystems = (column: RawBuilder<unknown>) =>
    systemIds === undefined ? sql`` : sql`and ${column} in (${sql.join(systemIds.length > 0 ? [...systemIds] : [''])})`;

  const [totals, privileged, leavers] = await inParallel(
    db,
    () =>
      sql<{
        system_id: string;
        active_rights: number | string;
        exception_rights: number | string;
        unchecked_rights: number | string;
        oldest: string | null;
        last_recertified_on: string | null;
      }>`
        select system_id, count(*) as active_rights,
          sum(case when activation = 'exception' then 1 else 0 end) as exception_rights,
          sum(case when activation is null or activation = 'imported' then 1 else 0 end) as unchecked_rights,
          min(coalesce(last_recertified_on, start_date)) as oldest,
          max(last_recertified_on) as last_recertified_on
        from access_rights
        where municipality_id = ${municipalityId} and state = 'active' ${onlySystems(sql.ref('system_id'))}
        group by system_id`.execute(db),
    () =>
      sql<{ system_id: string; holders: number | string; oldest: string | null }>`
        select system_id, count(distinct person_id) as holders, min(coalesce(last_recertified_on, start_date)) as oldest
        from access_rights
        where municipality_id = ${municipalityId} and state = 'active' ${onlySystems(sql.ref('system_id'))}
          and level_id in (select id from access_levels where municipality_id = ${municipalityId} and privileged = 1)
        group by system_id`.execute(db),
    () =>
      db
        .selectFrom('people')
        .innerJoin('access_rights', 'access_rights.person_id', 'people.id')
        .innerJoin('access_levels', 'access_levels.id', 'access_rights.level_id')
        .select([
          'access_rights.id',
          'access_rights.system_id',
          'access_rights.person_id',
          'access_rights.flagged_at',
          'people.first_name',
          'people.last_name',
          'people.end_date',
          'access_levels.name as level_name',
        ])
        .where('people.municipality_id', '=', municipalityId)
        .where((eb) => eb.or([eb('people.employment_status', '=', 'left'), eb('people.end_date', '<=', today)]))
        .where('access_rights.municipality_id', '=', municipalityId)
        .where('access_rights.state', '=', 'active')
        .$if(systemIds !== undefined, (query) =>
          query.where('access_rights.system_id', 'in', systemIds!.length > 0 ? [...systemIds!] : ['']),
        )
        .orderBy('access_rights.system_id')
        .orderBy('access_rights.id')
        .execute(),
  );

  const anyExceptions = totals.rows.some((row) => count(row.exception_rights) > 0);
  const anyUnchecked = totals.rows.some((row) => count(row.unchecked_rights) > 0);
  const [exceptions, uninformed] = await inParallel(
    db,
    () => (anyExceptions ? sampled(db, sql`r.activation = 'exception'`, municipalityId, onlySystems(sql.ref('r.system_id'))) : none()),
    () => (anyUnchecked ? sampled(db, uninformedCondition(municipalityId), municipalityId, onlySystems(sql.ref('r.system_id'))) : none()),
  );

  const privilegedBySystem = new Map(privileged.rows.map((row) => [row.system_id, row]));
  const systems: SnapshotSystemAccess[] = totals.rows.map((row) => {
    const exceptionRows = exceptions.get(row.system_id) ?? [];
    const uninformedRows = uninformed.get(row.system_id) ?? [];
    const privilegedRow = privilegedBySystem.get(row.system_id);
    return {
      systemId: row.system_id,
      activeRights: count(row.active_rights),
      exceptionRights: count(row.exception_rights),
      uninformedRights: count(uninformedRows[0]?.total),
      exceptionSamples: exceptionRows.map(toSample),
      uninformedSamples: uninformedRows.map(toSample),
      oldestRecertification: row.oldest,
      oldestPrivilegedRecertification: privilegedRow?.oldest ?? null,
      lastRecertifiedOn: row.last_recertified_on,
      privilegedHolders: count(privilegedRow?.holders),
    };
  });
  return {
    accessRights: {
      systems,
      leaverRights: leavers.map((row) => ({
        rightId: row.id,
        systemId: row.system_id,
        personId: row.person_id,
        personName: `${row.first_name} ${row.last_name}`,
        levelName: row.level_name,
        // The last day of employment; a person set to left without one left when it was flagged.
        leftOn: row.end_date !== null && row.end_date <= today ? row.end_date : (swedishDateOf(row.flagged_at) ?? today),
      })),
    },
  };
}

const none = async () => new Map<string, SampleRow[]>();

function toSample(row: SampleRow): SnapshotAccessRightSample {
  return {
    rightId: row.id,
    personId: row.person_id,
    personName: `${row.first_name} ${row.last_name}`,
    levelName: row.level_name,
    activatedOn: swedishDateOf(row.activated_at),
    exceptionReason: row.exception_reason,
  };
}

/**
 * The first few active rights per system meeting `condition`, each row with the system's total:
 * one windowed query, however many systems.
 */
async function sampled(db: Executor, condition: RawBuilder<unknown>, municipalityId: string, systemFilter: RawBuilder<unknown>) {
  const result = await sql<SampleRow & { position: number | string }>`
    select * from (
      select r.system_id, r.id, r.person_id, p.first_name, p.last_name, l.name as level_name, r.activated_at, r.exception_reason,
        row_number() over (partition by r.system_id order by r.id) as position,
        count(*) over (partition by r.system_id) as total
      from access_rights r
      join people p on p.id = r.person_id
      join access_levels l on l.id = r.level_id
      where r.municipality_id = ${municipalityId} and r.state = 'active' and ${condition} ${systemFilter}
    ) numbered
    where position <= ${sampleSize}
    order by system_id, position`.execute(db);
  const bySystem = new Map<string, SampleRow[]>();
  for (const row of result.rows) {
    const list = bySystem.get(row.system_id);
    if (list) list.push(row);
    else bySystem.set(row.system_id, [row]);
  }
  return bySystem;
}

/**
 * An active right that did not pass the gate (imported, or activated before the gate existed)
 * whose holder, at the moment it became active, lacked an acknowledgement of the version then in
 * force of the IT policy or the security guidelines (ITP-3-INFORM-NEW). Evaluated per distinct
 * holder and moment, so the rights of one import share one check.
 */
function uninformedCondition(municipalityId: string): RawBuilder<unknown> {
  const moment = sql`coalesce(r.activated_at, r.granted_at)`;
  return sql`(r.activation is null or r.activation = 'imported') and exists (
    select 1
    from policy_document_versions v
    join policy_documents d on d.id = v.document_id
    where d.municipality_id = ${municipalityId} and d.kind in ('it_policy', 'security_guidelines')
      and v.adopted_at is not null and v.adopted_at <= ${moment}
      and not exists (
        select 1 from policy_document_versions later
        where later.document_id = v.document_id and later.adopted_at > v.adopted_at and later.adopted_at <= ${moment}
      )
      and not exists (
        select 1 from acknowledgements a
        where a.municipality_id = ${municipalityId} and a.person_id = r.person_id and a.version_id = v.id
          and a.state = 'acknowledged' and a.acknowledged_at <= ${moment}
      )
  )`;
}
