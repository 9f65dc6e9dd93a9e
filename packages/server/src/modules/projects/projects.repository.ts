import type {
  BudgetInput,
  Checkpoint,
  OperationalApproval,
  ProjectListQuery,
  ProjectState,
  ProjectSummaryRecord,
} from '@forvalta/contracts';
import { sql, type Insertable, type Selectable } from 'kysely';
import type {
  OperationalApprovalsTable,
  ProjectBudgetRevisionsTable,
  ProjectCheckpointsTable,
  ProjectsTable,
} from '../../platform/database-schema.ts';
import { inParallel, type Executor } from '../../platform/database.ts';
import { applyKeysetPage, finishPage, resolveSort } from '../../platform/paging.ts';
import { parseJson } from '../../platform/json.ts';
import { likePattern } from '../../platform/text.ts';
import { updateAtVersion } from '../../platform/versioned-rows.ts';

const sortColumns = { title: 'projects.sort_key', updatedAt: 'projects.updated_at', createdAt: 'projects.created_at' };

export type ProjectColumns = Omit<ProjectsTable, 'id' | 'municipality_id' | 'created_at' | 'updated_at' | 'version'>;

/** Projects with their system, department, lead and the totals of their newest budget revision. */
function selectProjects(db: Executor, municipalityId: string) {
  return db
    .selectFrom('projects')
    .innerJoin('systems', 'systems.id', 'projects.system_id')
    .innerJoin('departments', 'departments.id', 'projects.department_id')
    .leftJoin('people as lead', 'lead.id', 'projects.project_lead_person_id')
    .leftJoin('project_budget_revisions as budget', (join) =>
      join
        .onRef('budget.project_id', '=', 'projects.id')
        .on(
          sql<boolean>`budget.revision = (select max(latest.revision) from project_budget_revisions latest where latest.project_id = projects.id)`,
        ),
    )
    .where('projects.municipality_id', '=', municipalityId);
}

function filtered(db: Executor, municipalityId: string, query: Omit<ProjectListQuery, 'limit' | 'cursor'>) {
  let builder = selectProjects(db, municipalityId);
  if (query.q) builder = builder.where(sql<boolean>`lower(projects.title) like ${likePattern(query.q.toLowerCase())} escape '\\'`);
  if (query.state) builder = builder.where('projects.state', '=', query.state);
  if (query.departmentId) builder = builder.where('projects.department_id', '=', query.departmentId);
  if (query.kind) builder = builder.where('projects.kind', '=', query.kind);
  if (query.systemId) builder = builder.where('projects.system_id', '=', query.systemId);
  return builder;
}

const projectColumns = [
  'systems.name as system_name',
  'systems.lifecycle as system_lifecycle',
  'systems.product_version as system_product_version',
  'departments.name as department_name',
  'lead.first_name as lead_first_name',
  'lead.last_name as lead_last_name',
  'budget.total_one_off as budget_total_one_off',
  'budget.total_yearly as budget_total_yearly',
  'budget.complete as budget_complete',
] as const;

export const projectsRepository = {
  async list(db: Executor, municipalityId: string, query: ProjectListQuery) {
    const sort = resolveSort(query.sort, sortColumns, 'title', 'projects.id');
    const [rows, aggregate] = await Promise.all([
      applyKeysetPage(
        filtered(db, municipalityId, query).selectAll('projects').select(projectColumns),
        sort,
        query.cursor,
        query.limit,
      ).execute(),
      filtered(db, municipalityId, query)
        .select((eb) => [
          eb.fn.countAll<number>().as('total'),
          eb.fn.sum<number>('budget.total_one_off').as('one_off'),
          eb.fn.sum<number>('budget.total_yearly').as('yearly'),
        ])
        .executeTakeFirstOrThrow(),
    ]);
    const page = finishPage(rows, query.limit);
    return {
      items: (page.rows as ProjectRow[]).map(toSummary),
      nextCursor: page.nextCursor,
      total: Number(aggregate.total),
      budgetTotals: { oneOff: Number(aggregate.one_off ?? 0), yearly: Number(aggregate.yearly ?? 0) },
    };
  },

  async findRow(db: Executor, municipalityId: string, id: string): Promise<ProjectRow | undefined> {
    return filtered(db, municipalityId, {}).selectAll('projects').select(projectColumns).where('projects.id', '=', id).executeTakeFirst();
  },

  /** Inserts the project; its lead, if named, is remembered as having led it (recordInvolvement). */
  async insert(db: Executor, municipalityId: string, id: string, columns: ProjectColumns, now: string) {
    await db
      .insertInto('projects')
      .values({ id, municipality_id: municipalityId, ...columns, created_at: now, updated_at: now, version: 1 })
      .execute();
    await projectsRepository.recordInvolvement(db, municipalityId, id, columns.project_lead_person_id, 'led', now);
  },

  /** A conditional update; a newly named lead is remembered as having led the project. */
  async update(db: Executor, municipalityId: string, id: string, expectedVersion: number, columns: Partial<ProjectColumns>, now: string) {
    const updated = await updateAtVersion(db, 'projects', { municipality_id: municipalityId, id }, expectedVersion, {
      ...columns,
      updated_at: now,
    });
    if (updated) await projectsRepository.recordInvolvement(db, municipalityId, id, columns.project_lead_person_id, 'led', now);
    return updated;
  },

  /**
   * Remembers that a person created, led or submitted the project. Only ever added to: whoever was
   * involved at any point stays barred from deciding on it (ITP-4.2.1-APPROVAL).
   */
  async recordInvolvement(
    db: Executor,
    municipalityId: string,
    projectId: string,
    personId: string | null | undefined,
    involvement: 'created' | 'led' | 'submitted',
    now: string,
  ) {
    if (!personId) return;
    await db
      .insertInto('project_involvements')
      .values({ municipality_id: municipalityId, project_id: projectId, person_id: personId, involvement, recorded_at: now })
      .onConflict((conflict) => conflict.columns(['project_id', 'person_id', 'involvement']).doNothing())
      .execute();
  },

  /** How the person was involved in the project (created, led, submitted), if at all. */
  async involvementsOf(db: Executor, municipalityId: string, projectId: string, personId: string) {
    const rows = await db
      .selectFrom('project_involvements')
      .select('involvement')
      .where('municipality_id', '=', municipalityId)
      .where('project_id', '=', projectId)
      .where('person_id', '=', personId)
      .execute();
    return rows.map((row) => row.involvement);
  },

  /** One person's involvements in each of the given projects (a page of the list), in one query. */
  async involvementsInProjects(db: Executor, municipalityId: string, projectIds: readonly string[], personId: string) {
    const byProject = new Map<string, Array<'created' | 'led' | 'submitted'>>();
    if (projectIds.length === 0) return byProject;
    const rows = await db
      .selectFrom('project_involvements')
      .select(['project_id', 'involvement'])
      .where('municipality_id', '=', municipalityId)
      .where('project_id', 'in', [...projectIds])
      .where('person_id', '=', personId)
      .execute();
    for (const row of rows) byProject.set(row.project_id, [...(byProject.get(row.project_id) ?? []), row.involvement]);
    return byProject;
  },

  async budgetRevisions(db: Executor, municipalityId: string, projectId: string) {
    return db
      .selectFrom('project_budget_revisions')
      .selectAll()
      .where('municipality_id', '=', municipalityId)
      .where('project_id', '=', projectId)
      .orderBy('revision', 'desc')
      .execute()
      .then((rows) => rows.map(toBudgetRevision));
  },

  async latestBudget(db: Executor, municipalityId: string, projectId: string) {
    return db
      .selectFrom('project_budget_revisions')
      .selectAll()
      .where('municipality_id', '=', municipalityId)
      .where('project_id', '=', projectId)
      .orderBy('revision', 'desc')
      .limit(1)
      .executeTakeFirst()
      .then((row) => (row ? toBudgetRevision(row) : undefined));
  },

  async insertBudgetRevision(
    db: Executor,
    values: {
      id: string;
      municipalityId: string;
      projectId: string;
      revision: number;
      budgetJson: string;
      totalOneOff: number;
      totalYearly: number;
      complete: boolean;
      recordedAt: string;
      recordedByName: string;
    },
  ) {
    await db
      .insertInto('project_budget_revisions')
      .values({
        id: values.id,
        municipality_id: values.municipalityId,
        project_id: values.projectId,
        revision: values.revision,
        budget_json: values.budgetJson,
        total_one_off: values.totalOneOff,
        total_yearly: values.totalYearly,
        complete: values.complete ? 1 : 0,
        recorded_at: values.recordedAt,
        recorded_by_name: values.recordedByName,
      })
      .execute();
  },

  async checkpoints(db: Executor, municipalityId: string, projectId: string) {
    return db
      .selectFrom('project_checkpoints')
      .selectAll()
      .where('municipality_id', '=', municipalityId)
      .where('project_id', '=', projectId)
      .orderBy('held_on', 'desc')
      .orderBy('id')
      .execute()
      .then((rows) => rows.map(toCheckpoint));
  },

  async insertCheckpoint(db: Executor, values: Insertable<ProjectCheckpointsTable>) {
    await db.insertInto('project_checkpoints').values(values).execute();
  },

  async approvals(db: Executor, municipalityId: string, projectId: string) {
    return db
      .selectFrom('operational_approvals')
      .innerJoin('systems', 'systems.id', 'operational_approvals.system_id')
      .selectAll('operational_approvals')
      .select('systems.name as system_name')
      .where('operational_approvals.municipality_id', '=', municipalityId)
      .where('operational_approvals.project_id', '=', projectId)
      .orderBy('operational_approvals.recorded_at', 'desc')
      .orderBy('operational_approvals.id')
      .execute()
      .then((rows) => rows.map(toApproval));
  },

  async insertApproval(db: Executor, values: Insertable<OperationalApprovalsTable>) {
    await db.insertInto('operational_approvals').values(values).execute();
  },

  /** The department that owns the system (null when there is no such system in the municipality). */
  async systemOwnerDepartment(db: Executor, municipalityId: string, systemId: string): Promise<string | null> {
    const row = await db
      .selectFrom('systems')
      .select('owner_department_id')
      .where('municipality_id', '=', municipalityId)
      .where('id', '=', systemId)
      .executeTakeFirst();
    return row?.owner_department_id ?? null;
  },

  /** Whether an approved (or approved and then closed) project authorises the system's production use. */
  async hasApprovedProject(db: Executor, municipalityId: string, systemId: string) {
    const row = await db
      .selectFrom('projects')
      .select('id')
      .where('municipality_id', '=', municipalityId)
      .where('system_id', '=', systemId)
      .where('state', 'in', ['approved', 'closed'])
      .where('approved_at', 'is not', null)
      .limit(1)
      .executeTakeFirst();
    return row !== undefined;
  },

  /** Projects, risk analyses and reviews of a system: records that keep a system from being deleted. */
  async lifecycleRecordCount(db: Executor, municipalityId: string, systemId: string) {
    const count = (table: 'projects' | 'risk_analyses' | 'reviews') => () =>
      db
        .selectFrom(table)
        .select((eb) => eb.fn.countAll<number>().as('n'))
        .where('municipality_id', '=', municipalityId)
        .where('system_id', '=', systemId)
        .executeTakeFirstOrThrow();
    const counts = await inParallel(db, count('projects'), count('risk_analyses'), count('reviews'));
    return counts.reduce((sum, row) => sum + Number(row.n), 0);
  },

  async personNames(db: Executor, municipalityId: string, ids: string[]) {
    if (ids.length === 0) return new Map<string, { name: string; departmentId: string | null }>();
    const rows = await db
      .selectFrom('people')
      .select(['id', 'first_name', 'last_name', 'department_id'])
      .where('municipality_id', '=', municipalityId)
      .where('id', 'in', ids)
      .execute();
    return new Map(rows.map((row) => [row.id, { name: `${row.first_name} ${row.last_name}`, departmentId: row.department_id }]));
  },
};

/* ---------- Rows shaped into the contract's records ---------- */

export type ProjectRow = Selectable<ProjectsTable> & {
  system_name: string;
  system_lifecycle: string;
  system_product_version: string | null;
  department_name: string;
  lead_first_name: string | null;
  lead_last_name: string | null;
  budget_total_one_off: number | null;
  budget_total_yearly: number | null;
  budget_complete: number | null;
};

/** A budget revision as it was recorded; the project view adds what the budget rule makes of it. */
export interface BudgetRevision extends BudgetInput {
  note: string | null;
  revision: number;
  recordedAt: string;
  recordedByName: string;
}

export function toSummary(row: ProjectRow): ProjectSummaryRecord {
  return {
    id: row.id,
    version: row.version,
    createdAt: row.created_at,
    updatedAt: row.updated_at,
    kind: row.kind as ProjectSummaryRecord['kind'],
    title: row.title,
    state: row.state as ProjectState,
    systemId: row.system_id,
    systemName: row.system_name,
    systemLifecycle: row.system_lifecycle as ProjectSummaryRecord['systemLifecycle'],
    departmentId: row.department_id,
    departmentName: row.department_name,
    projectLeadPersonId: row.project_lead_person_id,
    projectLeadName: row.lead_first_name === null ? null : `${row.lead_first_name} ${row.lead_last_name}`,
    budgetTotals:
      row.budget_total_one_off === null ? null : { oneOff: Number(row.budget_total_one_off), yearly: Number(row.budget_total_yearly) },
    budgetComplete: Boolean(row.budget_complete),
    submittedAt: row.submitted_at,
    approvedAt: row.approved_at,
  };
}

export function toBudgetRevision(row: Selectable<ProjectBudgetRevisionsTable>): BudgetRevision {
  const stored = parseJson<BudgetInput>(row.budget_json, {
    categories: {},
    sharedReinforcements: {},
    note: null,
  } as unknown as BudgetInput);
  return {
    categories: stored.categories,
    sharedReinforcements: stored.sharedReinforcements,
    note: stored.note ?? null,
    revision: row.revision,
    recordedAt: row.recorded_at,
    recordedByName: row.recorded_by_name,
  };
}

export function toCheckpoint(row: Selectable<ProjectCheckpointsTable>): Checkpoint {
  return {
    id: row.id,
    version: row.version,
    createdAt: row.created_at,
    updatedAt: row.updated_at,
    projectId: row.project_id,
    heldOn: row.held_on,
    participants: parseJson(row.participants_json, []),
    notes: row.notes,
    recordedByName: row.recorded_by_name,
  };
}

export function toApproval(row: Selectable<OperationalApprovalsTable> & { system_name: string }): OperationalApproval {
  return {
    id: row.id,
    decision: row.decision as OperationalApproval['decision'],
    conditions: parseJson(row.conditions_json, []),
    approverPersonId: row.approver_person_id,
    approverName: row.approver_name,
    decidedOn: row.decided_on,
    systemId: row.system_id,
    systemName: row.system_name,
    approvedVersion: row.approved_version,
    scope: row.scope,
    caseReference: row.case_reference,
    reason: row.reason,
    recordedAt: row.recorded_at,
  };
}
