import type { Assignment, Lifecycle } from '@forvalta/contracts';
import { insertRows } from '../../platform/bulk-insert.ts';
import type { Executor } from '../../platform/database.ts';
import { currentAssignment } from './system-queries.ts';
import { updateAtVersion } from '../../platform/versioned-rows.ts';

interface AssignmentRow {
  id: string;
  version: number;
  created_at: string;
  updated_at: string;
  system_id: string;
  person_id: string;
  role: string;
  start_date: string;
  end_date: string | null;
  allotted_hours_per_week: number | null;
  first_name: string;
  last_name: string;
  employment_status: string;
}

function toAssignment(row: AssignmentRow, today: string): Assignment {
  return {
    id: row.id,
    version: row.version,
    createdAt: row.created_at,
    updatedAt: row.updated_at,
    systemId: row.system_id,
    personId: row.person_id,
    personName: `${row.first_name} ${row.last_name}`,
    personEmploymentStatus: row.employment_status === 'left' ? 'left' : 'active',
    role: row.role as Assignment['role'],
    startDate: row.start_date,
    endDate: row.end_date,
    allottedHoursPerWeek: row.allotted_hours_per_week,
    current: row.start_date <= today && (row.end_date === null || row.end_date >= today),
  };
}

function selectAssignments(db: Executor, municipalityId: string) {
  return db
    .selectFrom('system_assignments')
    .innerJoin('people', 'people.id', 'system_assignments.person_id')
    .selectAll('system_assignments')
    .select(['people.first_name', 'people.last_name', 'people.employment_status'])
    .where('system_assignments.municipality_id', '=', municipalityId);
}

export interface AssignmentValues {
  id: string;
  systemId: string;
  personId: string;
  role: string;
  startDate: string;
  endDate: string | null;
  allottedHoursPerWeek: number | null;
}

/** A system a person answers for today, as the to-do list needs it. */
export interface StewardedSystem {
  systemId: string;
  name: string;
  lifecycle: Lifecycle;
  lastConfirmedAt: string | null;
  role: 'manager' | 'deputy';
}

/** The row a new assignment is stored as, one at a time or in bulk. */
function assignmentRow(municipalityId: string, values: AssignmentValues, now: string) {
  return {
    id: values.id,
    municipality_id: municipalityId,
    system_id: values.systemId,
    person_id: values.personId,
    role: values.role,
    start_date: values.startDate,
    end_date: values.endDate,
    allotted_hours_per_week: values.allottedHoursPerWeek,
    created_at: now,
    updated_at: now,
    version: 1,
  };
}

/** Who answers for a system, and who did before: assignments are ended, never deleted. */
export const systemAssignmentsRepository = {
  async list(db: Executor, municipalityId: string, systemId: string, today: string, includeEnded: boolean) {
    let query = selectAssignments(db, municipalityId).where('system_assignments.system_id', '=', systemId);
    if (!includeEnded)
      query = query.where((eb) => eb.or([eb('system_assignments.end_date', 'is', null), eb('system_assignments.end_date', '>=', today)]));
    const rows = await query.orderBy('system_assignments.role', 'desc').orderBy('system_assignments.start_date', 'desc').execute();
    return rows.map((row) => toAssignment(row, today));
  },

  async findById(db: Executor, municipalityId: string, systemId: string, id: string, today: string) {
    const row = await selectAssignments(db, municipalityId)
      .where('system_assignments.system_id', '=', systemId)
      .where('system_assignments.id', '=', id)
      .executeTakeFirst();
    return row ? toAssignment(row, today) : undefined;
  },

  async currentOf(db: Executor, municipalityId: string, systemId: string, today: string) {
    const rows = await selectAssignments(db, municipalityId)
      .where('system_assignments.system_id', '=', systemId)
      .where(currentAssignment('system_assignments', today))
      .execute();
    return rows.map((row) => toAssignment(row, today));
  },

  /**
   * The systems `personId` manages or deputises for today, retired ones left out: what the to-do
   * list asks of a steward (system-tasks.ts). One query on the (municipality_id, person_id) index.
   */
  async stewardedSystemsOf(db: Executor, municipalityId: string, personId: string, today: string): Promise<StewardedSystem[]> {
    const rows = await db
      .selectFrom('system_assignments')
      .innerJoin('systems', 'systems.id', 'system_assignments.system_id')
      .select(['systems.id', 'systems.name', 'systems.lifecycle', 'systems.last_confirmed_at', 'system_assignments.role'])
      .where('system_assignments.municipality_id', '=', municipalityId)
      .where('system_assignments.person_id', '=', personId)
      .where('systems.municipality_id', '=', municipalityId)
      .where('systems.lifecycle', '<>', 'retired')
      .where(currentAssignment('system_assignments', today))
      .execute();
    return rows.map((row) => ({
      systemId: row.id,
      name: row.name,
      lifecycle: row.lifecycle as Lifecycle,
      lastConfirmedAt: row.last_confirmed_at,
      role: row.role as StewardedSystem['role'],
    }));
  },

  async insert(
    db: Executor,
    municipalityId: string,
    values: {
      id: string;
      systemId: string;
      personId: string;
      role: string;
      startDate: string;
      endDate: string | null;
      allottedHoursPerWeek: number | null;
    },
    now: string,
  ) {
    await db
      .insertInto('system_assignments')
      .values(assignmentRow(municipalityId, values, now))
      .execute();
  },

  /** Many assignments at once (imports, the workload generator): the same rows insert() writes. */
  async insertMany(db: Executor, municipalityId: string, assignments: ReadonlyArray<AssignmentValues>, now: string) {
    await insertRows(
      db,
      'system_assignments',
      assignments.map((values) => assignmentRow(municipalityId, values, now)),
    );
  },

  async update(
    db: Executor,
    municipalityId: string,
    id: string,
    expectedVersion: number,
    values: { endDate: string | null; allottedHoursPerWeek: number | null },
    now: string,
  ) {
    return updateAtVersion(db, 'system_assignments', { municipality_id: municipalityId, id }, expectedVersion, {
      end_date: values.endDate,
      allotted_hours_per_week: values.allottedHoursPerWeek,
      updated_at: now,
    });
  },
};
