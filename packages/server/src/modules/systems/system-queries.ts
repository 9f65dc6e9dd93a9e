import { sql, type RawBuilder } from 'kysely';

/**
 * SQL fragments the register's queries share. Every correlated subquery names the municipality
 * too, so the (municipality_id, system_id, role) index serves it (and Citus can co-locate it). "Current" means in force today: started and not
 * ended. Coverage follows ITP-4.2-MANAGER and ITP-4.2-DEPUTY: an active manager, and an active
 * deputy who is not that manager. A person who leaves uncovers their systems at once because
 * these conditions read employment status at query time.
 */
export function currentAssignment(alias: string, today: string): RawBuilder<boolean> {
  const table = sql.table(alias);
  return sql<boolean>`${table}.start_date <= ${today} and (${table}.end_date is null or ${table}.end_date >= ${today})`;
}

export function hasActiveManager(today: string, municipalityId: string): RawBuilder<boolean> {
  return sql<boolean>`exists (
    select 1 from system_assignments manager_assignment
    join people manager_person on manager_person.id = manager_assignment.person_id
    where manager_assignment.municipality_id = systems.municipality_id
      and manager_assignment.municipality_id = ${municipalityId}
      and manager_person.municipality_id = ${municipalityId}
      and manager_assignment.system_id = systems.id
      and manager_assignment.role = 'manager'
      and ${currentAssignment('manager_assignment', today)}
      and manager_person.employment_status = 'active')`;
}

export function hasActiveDeputy(today: string, municipalityId: string): RawBuilder<boolean> {
  return sql<boolean>`exists (
    select 1 from system_assignments deputy_assignment
    join people deputy_person on deputy_person.id = deputy_assignment.person_id
    where deputy_assignment.municipality_id = systems.municipality_id
      and deputy_assignment.municipality_id = ${municipalityId}
      and deputy_person.municipality_id = ${municipalityId}
      and deputy_assignment.system_id = systems.id
      and deputy_assignment.role = 'deputy'
      and ${currentAssignment('deputy_assignment', today)}
      and deputy_person.employment_status = 'active'
      and not exists (
        select 1 from system_assignments same_manager
        where same_manager.municipality_id = systems.municipality_id
          and same_manager.system_id = systems.id
          and same_manager.role = 'manager'
          and same_manager.person_id = deputy_assignment.person_id
          and ${currentAssignment('same_manager', today)}))`;
}

/**
 * The municipality is also given as a value, not only correlated: PostgreSQL turns `not exists`
 * under an `or` into a hashed subplan built once over every matching row, and without the value
 * that hash covered all municipalities' assignments and people (136 ms at L against 40–50 ms).
 */
export function isUncovered(today: string, municipalityId: string): RawBuilder<boolean> {
  return sql<boolean>`(systems.lifecycle <> 'retired' and (not ${hasActiveManager(today, municipalityId)} or not ${hasActiveDeputy(today, municipalityId)}))`;
}

export function isStewardedBy(personId: string, today: string): RawBuilder<boolean> {
  return sql<boolean>`exists (
    select 1 from system_assignments steward_assignment
    where steward_assignment.municipality_id = systems.municipality_id
      and steward_assignment.system_id = systems.id
      and steward_assignment.person_id = ${personId}
      and ${currentAssignment('steward_assignment', today)})`;
}
