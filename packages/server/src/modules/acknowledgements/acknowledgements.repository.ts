import type { AcknowledgementListQuery, AcknowledgementMethod, AcknowledgementRecord, AcknowledgementState } from '@forvalta/contracts';
import { sql, type Selectable } from 'kysely';
import type { AcknowledgementsTable } from '../../platform/database-schema.ts';
import { inParallel, type Executor } from '../../platform/database.ts';
import { applyKeysetPage, finishPage, resolveSort } from '../../platform/paging.ts';
import { likePattern } from '../../platform/text.ts';
import { updateAtVersion } from '../../platform/versioned-rows.ts';

type AcknowledgementRow = Selectable<AcknowledgementsTable> & {
  first_name: string;
  last_name: string;
  person_department_id: string | null;
  department_name: string | null;
  document_title: string;
  version_number: number;
  version_state: string;
};

/** Whose acknowledgements a reader sees: all of the municipality's, or their own and their departments' people's. */
export type Visibility = { all: true } | { all: false; personId: string | null; departmentIds: readonly string[] };

function base(db: Executor, municipalityId: string) {
  return db
    .selectFrom('acknowledgements')
    .innerJoin('people', 'people.id', 'acknowledgements.person_id')
    .innerJoin('policy_documents', 'policy_documents.id', 'acknowledgements.document_id')
    .innerJoin('policy_document_versions', 'policy_document_versions.id', 'acknowledgements.version_id')
    .leftJoin('departments', 'departments.id', 'people.department_id')
    .where('acknowledgements.municipality_id', '=', municipalityId);
}

const recordColumns = [
  'people.first_name',
  'people.last_name',
  'people.department_id as person_department_id',
  'departments.name as department_name',
  'policy_documents.title as document_title',
  'policy_document_versions.number as version_number',
  'policy_document_versions.state as version_state',
] as const;

function toRecord(row: AcknowledgementRow, today: string): AcknowledgementRecord {
  const state = row.state as AcknowledgementState;
  return {
    id: row.id,
    version: row.version,
    createdAt: row.created_at,
    updatedAt: row.updated_at,
    personId: row.person_id,
    personName: `${row.first_name} ${row.last_name}`,
    departmentId: row.person_department_id,
    departmentName: row.department_name,
    documentId: row.document_id,
    documentTitle: row.document_title,
    versionId: row.version_id,
    versionNumber: row.version_number,
    versionState: row.version_state as AcknowledgementRecord['versionState'],
    state,
    requestedAt: row.requested_at,
    dueDate: row.due_date,
    overdue: state === 'requested' && row.due_date < today,
    acknowledgedAt: row.acknowledged_at,
    method: row.method as AcknowledgementMethod | null,
    recordedByPersonId: row.recorded_by_person_id,
    recordedByName: row.recorded_by_name,
    trainingSessionId: row.training_session_id,
    note: row.note,
    carriedOverFromVersionId: row.carried_over_from_version_id,
    reminderCount: row.reminder_count,
    lastRemindedAt: row.last_reminded_at,
  };
}

export interface AcknowledgementFilters extends Omit<AcknowledgementListQuery, 'limit' | 'cursor' | 'sort' | 'departmentId'> {
  /** The asked department with its sub-units, resolved by the service. */
  departmentIds?: readonly string[];
}

const sortColumns = {
  dueDate: 'acknowledgements.due_date',
  requestedAt: 'acknowledgements.requested_at',
  personName: 'people.sort_key',
};

/** What giving an acknowledgement writes: how, by whom (for a record made for the person), when. */
export interface AcknowledgementValues {
  method: AcknowledgementMethod;
  acknowledgedAt: string;
  recordedByPersonId: string | null;
  recordedByName: string | null;
  trainingSessionId: string | null;
  note: string | null;
  now: string;
}

/** Acknowledgement requests one at a time: the records the API answers, and giving one. */
export const acknowledgementsRepository = {
  async list(
    db: Executor,
    municipalityId: string,
    query: AcknowledgementFilters & { limit: number; cursor?: string; sort?: string },
    visibility: Visibility,
    today: string,
  ) {
    const filtered = () => {
      let builder = base(db, municipalityId);
      if (!visibility.all) {
        const { personId, departmentIds } = visibility;
        builder = builder.where((eb) =>
          eb.or([
            ...(personId ? [eb('acknowledgements.person_id', '=', personId)] : []),
            ...(departmentIds.length > 0 ? [eb('people.department_id', 'in', departmentIds)] : []),
            // Nothing visible: a condition that holds for no row rather than an empty or().
            sql<boolean>`1 = 0`,
          ]),
        );
      }
      if (query.personId) builder = builder.where('acknowledgements.person_id', '=', query.personId);
      if (query.documentId) builder = builder.where('acknowledgements.document_id', '=', query.documentId);
      if (query.versionId) builder = builder.where('acknowledgements.version_id', '=', query.versionId);
      if (query.departmentIds)
        builder = builder.where('people.department_id', 'in', query.departmentIds.length ? query.departmentIds : ['']);
      if (query.state === 'overdue')
        builder = builder.where('acknowledgements.state', '=', 'requested').where('acknowledgements.due_date', '<', today);
      else if (query.state) builder = builder.where('acknowledgements.state', '=', query.state);
      else builder = builder.where('acknowledgements.state', '<>', 'withdrawn');
      if (query.q) builder = builder.where(sql<boolean>`people.search_text like ${likePattern(query.q)} escape '\\'`);
      return builder;
    };
    const sort = resolveSort(query.sort, sortColumns, 'dueDate', 'acknowledgements.id');
    const [found, count] = await inParallel(
      db,
      () => applyKeysetPage(filtered().selectAll('acknowledgements').select(recordColumns), sort, query.cursor, query.limit).execute(),
      () => filtered().select(sql<number>`count(*)`.as('total')).executeTakeFirstOrThrow(),
    );
    const page = finishPage(found as Array<AcknowledgementRow & { sort_value: string | number }>, query.limit);
    return {
      items: page.rows.map((row) => toRecord(row, today)),
      total: Number(count.total),
      nextCursor: page.nextCursor,
    };
  },

  async findById(db: Executor, municipalityId: string, id: string, today: string): Promise<AcknowledgementRecord | undefined> {
    const row = await base(db, municipalityId)
      .selectAll('acknowledgements')
      .select(recordColumns)
      .where('acknowledgements.id', '=', id)
      .executeTakeFirst();
    return row ? toRecord(row as AcknowledgementRow, today) : undefined;
  },

  /** Gives the acknowledgement of a request still open at `expectedVersion`; false when it moved on meanwhile. */
  async acknowledge(db: Executor, municipalityId: string, id: string, expectedVersion: number, values: AcknowledgementValues) {
    return updateAtVersion(db, 'acknowledgements', { municipality_id: municipalityId, id, state: 'requested' }, expectedVersion, {
      state: 'acknowledged',
      method: values.method,
      acknowledged_at: values.acknowledgedAt,
      recorded_by_person_id: values.recordedByPersonId,
      recorded_by_name: values.recordedByName,
      training_session_id: values.trainingSessionId,
      note: values.note,
      updated_at: values.now,
    });
  },

  /** The person's open requests of adopted versions: their to-do entries (one indexed query). */
  async openRequestsOfPerson(db: Executor, municipalityId: string, personId: string) {
    return db
      .selectFrom('acknowledgements')
      .innerJoin('policy_documents', 'policy_documents.id', 'acknowledgements.document_id')
      .innerJoin('policy_document_versions', 'policy_document_versions.id', 'acknowledgements.version_id')
      .select([
        'acknowledgements.document_id',
        'acknowledgements.version_id',
        'acknowledgements.due_date',
        'policy_documents.title',
        'policy_document_versions.number',
      ])
      .where('acknowledgements.municipality_id', '=', municipalityId)
      .where('acknowledgements.person_id', '=', personId)
      .where('acknowledgements.state', '=', 'requested')
      .where('policy_document_versions.state', '=', 'adopted')
      .execute();
  },
};
