import type { ProcessingActivityListQuery, ProcessingActivityRecord, Processor } from '@forvalta/contracts';
import { sql, type Insertable, type Selectable } from 'kysely';
import type { ProcessingActivitiesTable } from '../../platform/database-schema.ts';
import type { Executor } from '../../platform/database.ts';
import { parseJson } from '../../platform/json.ts';
import { pageOf, resolveSort } from '../../platform/paging.ts';
import { likePattern, swedishSortKey } from '../../platform/text.ts';
import { deleteAtVersion, updateAtVersion, type VersionedValues } from '../../platform/versioned-rows.ts';

/** The list's filters as the service resolves them: the department as its subtree, "missing review" as a cut-off date. */
export interface ActivityFilters {
  systemId?: string;
  departmentIds?: readonly string[];
  specialCategories?: boolean;
  /** Reviews on or after this date are current; records without one are "missing review". */
  missingReviewBefore?: string;
  /** Reviews on or after this date are current; pending records and older approvals are the officer's queue. */
  reviewDueBefore?: string;
  agreementExpiringBy?: string;
  reviewState?: string;
  q?: string;
  /**
   * Leave the records marked confidential out (ADR 0030): the export does unless asked to include
   * them, and a list filtered on content does for a caller who may not see it, so the filter cannot
   * answer what the record does not show.
   */
  excludeConfidential?: boolean;
}

type ActivityRow = Selectable<ProcessingActivitiesTable> & { department_name: string };

interface Children {
  systems: Map<string, ProcessingActivityRecord['systems']>;
  processors: Map<string, Processor[]>;
}

function toActivity(row: ActivityRow, children: Children): ProcessingActivityRecord {
  return {
    id: row.id,
    version: row.version,
    createdAt: row.created_at,
    updatedAt: row.updated_at,
    name: row.name,
    purpose: row.purpose,
    legalBasis: row.legal_basis as ProcessingActivityRecord['legalBasis'],
    legalBasisNote: row.legal_basis_note,
    specialCategoryBasis: row.special_category_basis as ProcessingActivityRecord['specialCategoryBasis'],
    criminalData: row.criminal_data === 1,
    criminalDataBasis: row.criminal_data_basis,
    dataSubjectCategories: parseJson(row.data_subject_categories_json, []),
    personalDataCategories: parseJson(row.personal_data_categories_json, []),
    hasSpecialCategories: row.has_special_categories === 1,
    recipients: parseJson(row.recipients_json, []),
    thirdCountryTransfers: parseJson(row.third_country_transfers_json, []),
    retention: row.retention,
    retentionPlanReference: row.retention_plan_reference,
    technicalMeasures: row.technical_measures,
    controllerDepartmentId: row.controller_department_id,
    controllerDepartmentName: row.department_name,
    controllerBoard: row.controller_board,
    systems: children.systems.get(row.id) ?? [],
    processors: children.processors.get(row.id) ?? [],
    dpiaNeeded: row.dpia_needed === 1,
    dpiaDoneOn: row.dpia_done_on,
    reviewState: row.review_state as ProcessingActivityRecord['reviewState'],
    lastReviewedOn: row.last_reviewed_on,
    contentChangedAt: row.content_changed_at,
    confidentialOslParagraph: row.confidential_osl_paragraph ?? null,
    // As stored: the service withholds the content from a caller who may not see it (ADR 0030).
    contentWithheld: false,
  };
}

function joined(db: Executor, municipalityId: string) {
  return db
    .selectFrom('processing_activities')
    .innerJoin('departments', 'departments.id', 'processing_activities.controller_department_id')
    .where('processing_activities.municipality_id', '=', municipalityId);
}

function filtered(db: Executor, municipalityId: string, filters: ActivityFilters) {
  let builder = joined(db, municipalityId);
  if (filters.excludeConfidential) builder = builder.where('processing_activities.confidential_osl_paragraph', 'is', null);
  if (filters.systemId) {
    const systemId = filters.systemId;
    builder = builder.where((eb) =>
      eb.exists(
        eb
          .selectFrom('processing_activity_systems')
          .select('processing_activity_systems.activity_id')
          .whereRef('processing_activity_systems.activity_id', '=', 'processing_activities.id')
          .where('processing_activity_systems.municipality_id', '=', municipalityId)
          .where('processing_activity_systems.system_id', '=', systemId),
      ),
    );
  }
  if (filters.departmentIds)
    builder = builder.where(
      'processing_activities.controller_department_id',
      'in',
      filters.departmentIds.length ? [...filters.departmentIds] : [''],
    );
  if (filters.specialCategories !== undefined)
    builder = builder.where('processing_activities.has_special_categories', '=', filters.specialCategories ? 1 : 0);
  if (filters.reviewState) builder = builder.where('processing_activities.review_state', '=', filters.reviewState);
  if (filters.missingReviewBefore) {
    const cutOff = filters.missingReviewBefore;
    builder = builder.where((eb) =>
      eb.or([
        eb('processing_activities.review_state', 'in', ['pending', 'returned']),
        eb('processing_activities.last_reviewed_on', '<', cutOff),
      ]),
    );
  }
  if (filters.reviewDueBefore) {
    const cutOff = filters.reviewDueBefore;
    builder = builder.where((eb) =>
      eb.or([
        eb('processing_activities.review_state', '=', 'pending'),
        eb.and([
          eb('processing_activities.review_state', 'in', ['approved', 'approved_with_remarks']),
          eb('processing_activities.last_reviewed_on', '<', cutOff),
        ]),
      ]),
    );
  }
  if (filters.agreementExpiringBy) {
    const by = filters.agreementExpiringBy;
    builder = builder.where((eb) =>
      eb.exists(
        eb
          .selectFrom('processing_activity_processors')
          .select('processing_activity_processors.activity_id')
          .whereRef('processing_activity_processors.activity_id', '=', 'processing_activities.id')
          .where('processing_activity_processors.municipality_id', '=', municipalityId)
          .where((inner) =>
            inner.or([
              inner('processing_activity_processors.agreement_signed_on', 'is', null),
              inner('processing_activity_processors.agreement_expires_on', '<=', by),
            ]),
          ),
      ),
    );
  }
  if (filters.q)
    builder = builder.where(sql<boolean>`processing_activities.sort_key like ${likePattern(swedishSortKey(filters.q))} escape '\\'`);
  return builder;
}

/** The systems and processors of a set of records, two queries whatever the page size. */
async function childrenOf(db: Executor, municipalityId: string, activityIds: readonly string[]): Promise<Children> {
  const children: Children = { systems: new Map(), processors: new Map() };
  if (activityIds.length === 0) return children;
  for (let start = 0; start < activityIds.length; start += 500) {
    const slice = activityIds.slice(start, start + 500);
    const [systems, processors] = await Promise.all([
      db
        .selectFrom('processing_activity_systems')
        .innerJoin('systems', 'systems.id', 'processing_activity_systems.system_id')
        .select(['processing_activity_systems.activity_id', 'systems.id', 'systems.name'])
        .where('processing_activity_systems.municipality_id', '=', municipalityId)
        .where('processing_activity_systems.activity_id', 'in', slice)
        .orderBy('systems.sort_key')
        .execute(),
      db
        .selectFrom('processing_activity_processors')
        .selectAll()
        .where('municipality_id', '=', municipalityId)
        .where('activity_id', 'in', slice)
        .orderBy('activity_id')
        .orderBy('position')
        .execute(),
    ]);
    for (const row of systems) {
      const list = children.systems.get(row.activity_id) ?? [];
      list.push({ id: row.id, name: row.name });
      children.systems.set(row.activity_id, list);
    }
    for (const row of processors) {
      const list = children.processors.get(row.activity_id) ?? [];
      list.push({ name: row.name, agreementSignedOn: row.agreement_signed_on, agreementExpiresOn: row.agreement_expires_on });
      children.processors.set(row.activity_id, list);
    }
  }
  return children;
}

async function withChildren(db: Executor, municipalityId: string, rows: ActivityRow[]) {
  const children = await childrenOf(
    db,
    municipalityId,
    rows.map((row) => row.id),
  );
  return rows.map((row) => toActivity(row, children));
}

/** Records of processing (article 30): the record, its systems and its processors. */
export const processingActivitiesRepository = {
  async list(db: Executor, municipalityId: string, query: ProcessingActivityListQuery, filters: ActivityFilters) {
    const sort = resolveSort(
      query.sort,
      { name: 'processing_activities.sort_key', updatedAt: 'processing_activities.updated_at' },
      'name',
      'processing_activities.id',
    );
    const rows = filtered(db, municipalityId, filters).selectAll('processing_activities').select('departments.name as department_name');
    const page = await pageOf(rows, filtered(db, municipalityId, filters), sort, query, (row) => row as ActivityRow);
    return { ...page, items: await withChildren(db, municipalityId, page.items) };
  },

  /** Every record the filters select, for the article 30 export (a file, not a page). */
  async listAll(db: Executor, municipalityId: string, filters: ActivityFilters) {
    const rows = await filtered(db, municipalityId, filters)
      .selectAll('processing_activities')
      .select('departments.name as department_name')
      .orderBy('processing_activities.sort_key')
      .orderBy('processing_activities.id')
      .execute();
    return withChildren(db, municipalityId, rows as ActivityRow[]);
  },

  async findById(db: Executor, municipalityId: string, id: string): Promise<ProcessingActivityRecord | undefined> {
    const row = await joined(db, municipalityId)
      .selectAll('processing_activities')
      .select('departments.name as department_name')
      .where('processing_activities.id', '=', id)
      .executeTakeFirst();
    return row ? (await withChildren(db, municipalityId, [row as ActivityRow]))[0] : undefined;
  },

  async insert(db: Executor, values: Insertable<ProcessingActivitiesTable>) {
    await db.insertInto('processing_activities').values(values).execute();
  },

  async update(db: Executor, municipalityId: string, id: string, version: number, values: VersionedValues<'processing_activities'>) {
    return updateAtVersion(db, 'processing_activities', { municipality_id: municipalityId, id }, version, values);
  },

  async replaceSystems(db: Executor, municipalityId: string, activityId: string, systemIds: readonly string[]) {
    await db
      .deleteFrom('processing_activity_systems')
      .where('municipality_id', '=', municipalityId)
      .where('activity_id', '=', activityId)
      .execute();
    const unique = [...new Set(systemIds)];
    if (unique.length === 0) return;
    await db
      .insertInto('processing_activity_systems')
      .values(unique.map((systemId) => ({ municipality_id: municipalityId, activity_id: activityId, system_id: systemId })))
      .execute();
  },

  async replaceProcessors(db: Executor, municipalityId: string, activityId: string, processors: readonly Processor[]) {
    await db
      .deleteFrom('processing_activity_processors')
      .where('municipality_id', '=', municipalityId)
      .where('activity_id', '=', activityId)
      .execute();
    if (processors.length === 0) return;
    await db
      .insertInto('processing_activity_processors')
      .values(
        processors.map((processor, position) => ({
          municipality_id: municipalityId,
          activity_id: activityId,
          position,
          name: processor.name,
          agreement_signed_on: processor.agreementSignedOn,
          agreement_expires_on: processor.agreementExpiresOn,
        })),
      )
      .execute();
  },

  async delete(db: Executor, municipalityId: string, id: string, version: number) {
    for (const table of ['processing_activity_systems', 'processing_activity_processors', 'privacy_reviews'] as const)
      await db.deleteFrom(table).where('municipality_id', '=', municipalityId).where('activity_id', '=', id).execute();
    return deleteAtVersion(db, 'processing_activities', { municipality_id: municipalityId, id }, version);
  },

  /** Which of `systemIds` exist in the municipality. */
  async existingSystemIds(db: Executor, municipalityId: string, systemIds: readonly string[]): Promise<Set<string>> {
    if (systemIds.length === 0) return new Set();
    const rows = await db
      .selectFrom('systems')
      .select('id')
      .where('municipality_id', '=', municipalityId)
      .where('id', 'in', [...new Set(systemIds)])
      .execute();
    return new Set(rows.map((row) => row.id));
  },

  /** The DPO's queue: records pending review, and approved ones reviewed on or before `dueBefore`. */
  async reviewQueue(db: Executor, municipalityId: string, dueBefore: string) {
    return db
      .selectFrom('processing_activities')
      .select(['id', 'name', 'review_state', 'last_reviewed_on', 'content_changed_at'])
      .where('municipality_id', '=', municipalityId)
      .where((eb) =>
        eb.or([
          eb('review_state', '=', 'pending'),
          eb.and([eb('review_state', 'in', ['approved', 'approved_with_remarks']), eb('last_reviewed_on', '<=', dueBefore)]),
        ]),
      )
      .execute();
  },

  /** The export's heading: the municipality's name and its data protection officers' contact (art. 30(1)(a)). */
  async registerHeading(db: Executor, municipalityId: string) {
    const [municipality, officers] = await Promise.all([
      db.selectFrom('municipalities').select('name').where('id', '=', municipalityId).executeTakeFirstOrThrow(),
      db
        .selectFrom('role_assignments')
        .innerJoin('people', 'people.id', 'role_assignments.person_id')
        .select(['people.first_name', 'people.last_name', 'people.email'])
        .where('role_assignments.municipality_id', '=', municipalityId)
        .where('role_assignments.role', '=', 'data_protection_officer')
        .where('people.employment_status', '=', 'active')
        .orderBy('people.last_name')
        .orderBy('people.first_name')
        .execute(),
    ]);
    return {
      municipalityName: municipality.name,
      dataProtectionOfficers: officers.map((officer) => ({ name: `${officer.first_name} ${officer.last_name}`, email: officer.email })),
    };
  },

  async departmentsOf(db: Executor, municipalityId: string) {
    return db.selectFrom('departments').select(['id', 'parent_id']).where('municipality_id', '=', municipalityId).execute();
  },
};
