import type { ComplianceSnapshot, SnapshotSystem } from '../../policy/index.ts';
import { inParallel, type Executor } from '../../platform/database.ts';
import { loadAccessRecords } from './access-snapshot.repository.ts';
import { loadAssetRecords } from './asset-snapshot.repository.ts';
import { loadIncidentRecords } from './incident-snapshot.repository.ts';
import { loadLifecycleRecords } from './lifecycle-snapshot.repository.ts';
import { loadPeopleRecords } from './people-snapshot.repository.ts';
import { loadPrivacyRecords } from './privacy-snapshot.repository.ts';
import { loadSoftwareRecords } from './software-snapshot.repository.ts';

type Grouped<Row> = Map<string, Row[]>;
function groupBy<Row>(rows: Row[], key: (row: Row) => string): Grouped<Row> {
  const grouped: Grouped<Row> = new Map();
  for (const row of rows) {
    const list = grouped.get(key(row));
    if (list) list.push(row);
    else grouped.set(key(row), [row]);
  }
  return grouped;
}

/**
 * Reads one municipality's register into the plain snapshot the rules run over: a fixed number of
 * queries whatever the size. With `systemIds`, only those systems and the people they name, for
 * re-evaluating one system after it changed.
 */
export async function loadComplianceSnapshot(
  db: Executor,
  municipalityId: string,
  evaluatedAt: string,
  systemIds?: readonly string[],
): Promise<ComplianceSnapshot> {
  const onlySome = systemIds !== undefined;
  if (onlySome && systemIds.length === 0) return { municipalityId, evaluatedAt, departments: [], people: [], systems: [] };

  let systemsQuery = db
    .selectFrom('systems')
    .select([
      'id',
      'name',
      'kind',
      'scope',
      'lifecycle',
      'owner_department_id',
      'cost_licence',
      'cost_operation',
      'cost_support',
      'cost_other',
      'last_confirmed_at',
      'processes_personal_data',
      'nis2',
      'criticality',
      'recovery_time_objective_hours',
      'recovery_point_objective_hours',
      'last_restore_test_on',
    ])
    .where('municipality_id', '=', municipalityId);
  let usingQuery = db
    .selectFrom('system_using_departments')
    .select(['system_id', 'department_id'])
    .where('municipality_id', '=', municipalityId);
  let assignmentsQuery = db
    .selectFrom('system_assignments')
    .select(['system_id', 'person_id', 'role', 'start_date', 'end_date'])
    .where('municipality_id', '=', municipalityId);
  let dutiesQuery = db
    .selectFrom('system_duties')
    .select(['system_id', 'duty', 'status', 'confirmed_at'])
    .where('municipality_id', '=', municipalityId);
  if (onlySome) {
    systemsQuery = systemsQuery.where('id', 'in', systemIds);
    usingQuery = usingQuery.where('system_id', 'in', systemIds);
    assignmentsQuery = assignmentsQuery.where('system_id', 'in', systemIds);
    dutiesQuery = dutiesQuery.where('system_id', 'in', systemIds);
  }
  const [systems, using, assignments, duties, departments] = await Promise.all([
    systemsQuery.execute(),
    usingQuery.execute(),
    assignmentsQuery.execute(),
    dutiesQuery.execute(),
    db.selectFrom('departments').select(['id', 'name', 'parent_id', 'is_it_unit']).where('municipality_id', '=', municipalityId).execute(),
  ]);
  let peopleQuery = db
    .selectFrom('people')
    .select(['id', 'first_name', 'last_name', 'department_id', 'employment_status', 'has_personal_mailbox'])
    .where('municipality_id', '=', municipalityId);
  if (onlySome) {
    const personIds = [...new Set(assignments.map((assignment) => assignment.person_id))];
    peopleQuery = personIds.length > 0 ? peopleQuery.where('id', 'in', personIds) : peopleQuery.where('id', '=', '');
  }
  const [people, lifecycle, peopleRecords, access, privacy, software, assets, incidents] = await inParallel(
    db,
    () => peopleQuery.execute(),
    () => loadLifecycleRecords(db, municipalityId, evaluatedAt, systemIds),
    // Documents and training only for a whole municipality: a few systems' re-evaluation runs system rules only.
    () => (onlySome ? Promise.resolve({}) : loadPeopleRecords(db, municipalityId)),
    () => loadAccessRecords(db, municipalityId, evaluatedAt, systemIds),
    () => loadPrivacyRecords(db, municipalityId, evaluatedAt, systemIds),
    // Software, licences and contracts (issue #15): their rules judge products and contracts, so a whole municipality only.
    () => (onlySome ? Promise.resolve({}) : loadSoftwareRecords(db, municipalityId)),
    // Equipment (issue #15): judged per department, so a whole municipality only.
    () => (onlySome ? Promise.resolve({}) : loadAssetRecords(db, municipalityId, evaluatedAt)),
    // The incident log (issue #19): judged per incident, so a whole municipality only.
    () => (onlySome ? Promise.resolve({}) : loadIncidentRecords(db, municipalityId, evaluatedAt)),
  );

  const usingBySystem = groupBy(using, (row) => row.system_id);
  const assignmentsBySystem = groupBy(assignments, (row) => row.system_id);
  const dutiesBySystem = groupBy(duties, (row) => row.system_id);
  return {
    municipalityId,
    evaluatedAt,
    ...lifecycle,
    ...peopleRecords,
    ...access,
    ...privacy,
    ...software,
    ...assets,
    ...incidents,
    departments: departments.map((row) => ({ id: row.id, name: row.name, parentId: row.parent_id, isItUnit: Boolean(row.is_it_unit) })),
    people: people.map((row) => ({
      id: row.id,
      name: `${row.first_name} ${row.last_name}`,
      departmentId: row.department_id,
      employmentStatus: row.employment_status === 'left' ? 'left' : 'active',
      hasPersonalMailbox: row.has_personal_mailbox === 1,
    })),
    systems: systems.map(
      (row): SnapshotSystem => ({
        id: row.id,
        name: row.name,
        kind: row.kind as SnapshotSystem['kind'],
        scope: row.scope as SnapshotSystem['scope'],
        lifecycle: row.lifecycle as SnapshotSystem['lifecycle'],
        ownerDepartmentId: row.owner_department_id,
        usingDepartmentIds: (usingBySystem.get(row.id) ?? []).map((entry) => entry.department_id),
        yearlyCosts: { licence: row.cost_licence, operation: row.cost_operation, support: row.cost_support, other: row.cost_other },
        lastConfirmedAt: row.last_confirmed_at,
        processesPersonalData: row.processes_personal_data === 1,
        nis2: row.nis2 === 1,
        continuity: {
          criticality: row.criticality,
          recoveryTimeObjectiveHours: row.recovery_time_objective_hours,
          recoveryPointObjectiveHours: row.recovery_point_objective_hours,
          lastRestoreTestOn: row.last_restore_test_on,
        },
        assignments: (assignmentsBySystem.get(row.id) ?? []).map((entry) => ({
          personId: entry.person_id,
          role: entry.role === 'manager' ? 'manager' : 'deputy',
          startDate: entry.start_date,
          endDate: entry.end_date,
        })),
        duties: (dutiesBySystem.get(row.id) ?? []).map((entry) => ({
          duty: entry.duty as SnapshotSystem['duties'][number]['duty'],
          status: entry.status as SnapshotSystem['duties'][number]['status'],
          confirmedAt: entry.confirmed_at,
        })),
      }),
    ),
  };
}
