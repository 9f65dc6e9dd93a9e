import type { IncidentListQuery, IncidentReport } from '@forvalta/contracts';
import { sql, type Insertable } from 'kysely';
import type { IncidentsTable } from '../../platform/database-schema.ts';
import type { Executor } from '../../platform/database.ts';
import { parseJson } from '../../platform/json.ts';
import { pageOf, resolveSort } from '../../platform/paging.ts';
import { likePattern } from '../../platform/text.ts';
import { updateAtVersion } from '../../platform/versioned-rows.ts';

/** Which incidents a caller reads: all (undefined), or those affecting a system these departments own or these systems. */
export interface IncidentVisibility {
  departmentIds: readonly string[];
  systemIds: readonly string[];
}

export interface StoredFollowUpAction {
  description: string;
  systemId: string;
  riskAnalysisId: string | null;
  dueDate: string | null;
  done: boolean;
}

export interface IncidentSystemRow {
  id: string;
  name: string;
  ownerDepartmentId: string | null;
  ownerDepartmentName: string | null;
  nis2: boolean;
}

/** An incident as stored, with its systems; deadlines and `can` are the service's (they depend on the time and the caller). */
export interface IncidentRow {
  id: string;
  version: number;
  createdAt: string;
  updatedAt: string;
  title: string;
  description: string | null;
  detectedAt: string;
  significant: boolean;
  status: 'open' | 'closed';
  closedAt: string | null;
  reports: IncidentReport[];
  lessons: string | null;
  followUpActions: StoredFollowUpAction[];
  recordedByName: string;
  confidentialOslParagraph: string | null;
  systems: IncidentSystemRow[];
}

function filtered(
  db: Executor,
  municipalityId: string,
  query: Omit<IncidentListQuery, 'limit' | 'cursor' | 'sort'>,
  visibility?: IncidentVisibility,
) {
  let builder = db.selectFrom('incidents').where('incidents.municipality_id', '=', municipalityId);
  if (query.status) builder = builder.where('incidents.status', '=', query.status);
  if (query.significant !== undefined) builder = builder.where('incidents.significant', '=', query.significant ? 1 : 0);
  if (query.systemId) {
    const systemId = query.systemId;
    builder = builder.where((eb) =>
      eb.exists(
        eb
          .selectFrom('incident_systems')
          .select('incident_systems.incident_id')
          .whereRef('incident_systems.incident_id', '=', 'incidents.id')
          .where('incident_systems.system_id', '=', systemId),
      ),
    );
  }
  if (visibility) {
    const { departmentIds, systemIds } = visibility;
    builder = builder.where((eb) =>
      eb.exists(
        eb
          .selectFrom('incident_systems')
          .innerJoin('systems', 'systems.id', 'incident_systems.system_id')
          .select('incident_systems.incident_id')
          .whereRef('incident_systems.incident_id', '=', 'incidents.id')
          .where((inner) =>
            inner.or([
              ...(departmentIds.length > 0 ? [inner('systems.owner_department_id', 'in', [...departmentIds])] : []),
              ...(systemIds.length > 0 ? [inner('incident_systems.system_id', 'in', [...systemIds])] : []),
              inner.lit(false),
            ]),
          ),
      ),
    );
  }
  if (query.q) {
    const pattern = likePattern(query.q);
    builder = builder.where(sql<boolean>`lower(incidents.title) like ${pattern} escape '\\'`);
  }
  return builder;
}

function toRow(row: IncidentsTable, systems: IncidentSystemRow[]): IncidentRow {
  return {
    id: row.id,
    version: row.version,
    createdAt: row.created_at,
    updatedAt: row.updated_at,
    title: row.title,
    description: row.description,
    detectedAt: row.detected_at,
    significant: row.significant === 1,
    status: row.status === 'closed' ? 'closed' : 'open',
    closedAt: row.closed_at,
    reports: parseJson<IncidentReport[]>(row.reports_json, []),
    lessons: row.lessons,
    followUpActions: parseJson<StoredFollowUpAction[]>(row.follow_up_json, []),
    recordedByName: row.recorded_by_name,
    confidentialOslParagraph: row.confidential_osl_paragraph,
    systems,
  };
}

/** The systems of the incidents, with their owners: one query for a page. */
async function withSystems(db: Executor, municipalityId: string, rows: readonly IncidentsTable[]): Promise<IncidentRow[]> {
  const ids = rows.map((row) => row.id);
  if (ids.length === 0) return [];
  const systems = await db
    .selectFrom('incident_systems')
    .innerJoin('systems', 'systems.id', 'incident_systems.system_id')
    .leftJoin('departments', 'departments.id', 'systems.owner_department_id')
    .select([
      'incident_systems.incident_id',
      'systems.id',
      'systems.name',
      'systems.owner_department_id',
      'systems.nis2',
      'departments.name as department_name',
    ])
    .where('incident_systems.municipality_id', '=', municipalityId)
    .where('incident_systems.incident_id', 'in', ids)
    .orderBy('systems.sort_key')
    .execute();
  return rows.map((row) =>
    toRow(
      row,
      systems
        .filter((system) => system.incident_id === row.id)
        .map((system) => ({
          id: system.id,
          name: system.name,
          ownerDepartmentId: system.owner_department_id,
          ownerDepartmentName: system.department_name ?? null,
          nis2: system.nis2 === 1,
        })),
    ),
  );
}

/** The incident log (issue #19): incidents and the systems they affected. */
export const incidentsRepository = {
  async list(db: Executor, municipalityId: string, query: IncidentListQuery, visibility: IncidentVisibility | undefined) {
    const sort = resolveSort(
      query.sort ?? '-detectedAt',
      { detectedAt: 'incidents.detected_at', title: 'incidents.sort_key' },
      'detectedAt',
      'incidents.id',
    );
    const page = await pageOf(
      filtered(db, municipalityId, query, visibility).selectAll('incidents'),
      filtered(db, municipalityId, query, visibility),
      sort,
      query,
      (row) => row as IncidentsTable,
    );
    return { ...page, items: await withSystems(db, municipalityId, page.items) };
  },

  async find(db: Executor, municipalityId: string, id: string): Promise<IncidentRow | undefined> {
    const row = await filtered(db, municipalityId, {}).selectAll('incidents').where('incidents.id', '=', id).executeTakeFirst();
    return row ? (await withSystems(db, municipalityId, [row]))[0] : undefined;
  },

  /** Open significant incidents, for the to-do list: of every system, or of the systems these departments own. */
  async openSignificant(db: Executor, municipalityId: string, ownerDepartmentIds?: readonly string[]) {
    if (ownerDepartmentIds && ownerDepartmentIds.length === 0) return [];
    let builder = filtered(db, municipalityId, { status: 'open', significant: true });
    if (ownerDepartmentIds)
      builder = filtered(db, municipalityId, { status: 'open', significant: true }, { departmentIds: ownerDepartmentIds, systemIds: [] });
    return withSystems(db, municipalityId, await builder.selectAll('incidents').orderBy('incidents.detected_at').execute());
  },

  async insert(db: Executor, values: Insertable<IncidentsTable>) {
    await db.insertInto('incidents').values(values).execute();
  },

  async update(db: Executor, municipalityId: string, id: string, expectedVersion: number, columns: Partial<IncidentsTable>) {
    return updateAtVersion(db, 'incidents', { municipality_id: municipalityId, id }, expectedVersion, columns);
  },

  async replaceSystems(db: Executor, municipalityId: string, incidentId: string, systemIds: readonly string[]) {
    await db.deleteFrom('incident_systems').where('municipality_id', '=', municipalityId).where('incident_id', '=', incidentId).execute();
    const unique = [...new Set(systemIds)];
    if (unique.length > 0)
      await db
        .insertInto('incident_systems')
        .values(unique.map((systemId) => ({ municipality_id: municipalityId, incident_id: incidentId, system_id: systemId })))
        .execute();
  },
};
