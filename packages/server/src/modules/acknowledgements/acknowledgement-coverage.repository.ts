import { sql } from 'kysely';
import type { Executor } from '../../platform/database.ts';
import { parseJson } from '../../platform/json.ts';
import { activeEmployeeIn, type Audience } from './acknowledgement-queries.ts';

/** A document as acknowledgements need it: whom it concerns and its current adopted version. */
export interface DocumentAudience {
  id: string;
  title: string;
  requiresAcknowledgement: boolean;
  /** Empty: the whole municipality. */
  audienceDepartmentIds: string[];
  currentVersionId: string | null;
  currentVersionNumber: number | null;
}

export interface VersionOfDocument {
  id: string;
  documentId: string;
  number: number;
  state: string;
  editorial: boolean;
}

/** One department's active employees in the audience, with their requests of one version by state. */
export interface AudienceTally {
  departmentId: string | null;
  activeEmployees: number;
  acknowledged: number;
  requested: number;
  overdue: number;
}

/**
 * The reads behind coverage, the preview and the set-based requests: documents and versions
 * (the documents module's tables, read only), the departments, and counts over the audience.
 */
export const acknowledgementCoverageRepository = {
  async documentAudience(executor: Executor, municipalityId: string, documentId: string): Promise<DocumentAudience | undefined> {
    const row = await executor
      .selectFrom('policy_documents')
      .leftJoin('policy_document_versions as current', 'current.id', 'policy_documents.current_version_id')
      .select([
        'policy_documents.id',
        'policy_documents.title',
        'policy_documents.requires_acknowledgement',
        'policy_documents.audience_department_ids_json',
        'policy_documents.current_version_id',
        'current.number as current_version_number',
      ])
      .where('policy_documents.municipality_id', '=', municipalityId)
      .where('policy_documents.id', '=', documentId)
      .executeTakeFirst();
    if (!row) return undefined;
    return {
      id: row.id,
      title: row.title,
      requiresAcknowledgement: row.requires_acknowledgement === 1,
      audienceDepartmentIds: parseJson<string[]>(row.audience_department_ids_json, []),
      currentVersionId: row.current_version_id,
      currentVersionNumber: row.current_version_number ?? null,
    };
  },

  /** Every document that asks for acknowledgement and has a current adopted version: what a new employee is asked to read. */
  async documentsAskingAcknowledgement(executor: Executor, municipalityId: string): Promise<DocumentAudience[]> {
    const rows = await executor
      .selectFrom('policy_documents')
      .innerJoin('policy_document_versions as current', 'current.id', 'policy_documents.current_version_id')
      .select([
        'policy_documents.id',
        'policy_documents.title',
        'policy_documents.audience_department_ids_json',
        'policy_documents.current_version_id',
        'current.number as current_version_number',
      ])
      .where('policy_documents.municipality_id', '=', municipalityId)
      .where('policy_documents.requires_acknowledgement', '=', 1)
      .where('current.state', '=', 'adopted')
      .orderBy('policy_documents.id')
      .execute();
    return rows.map((row) => ({
      id: row.id,
      title: row.title,
      requiresAcknowledgement: true,
      audienceDepartmentIds: parseJson<string[]>(row.audience_department_ids_json, []),
      currentVersionId: row.current_version_id,
      currentVersionNumber: row.current_version_number,
    }));
  },

  async version(executor: Executor, municipalityId: string, versionId: string): Promise<VersionOfDocument | undefined> {
    const row = await executor
      .selectFrom('policy_document_versions')
      .select(['id', 'document_id', 'number', 'state', 'editorial'])
      .where('municipality_id', '=', municipalityId)
      .where('id', '=', versionId)
      .executeTakeFirst();
    return row
      ? { id: row.id, documentId: row.document_id, number: row.number, state: row.state, editorial: row.editorial === 1 }
      : undefined;
  },

  async departments(executor: Executor, municipalityId: string) {
    const rows = await executor
      .selectFrom('departments')
      .select(['id', 'name', 'parent_id'])
      .where('municipality_id', '=', municipalityId)
      .orderBy('sort_key')
      .orderBy('id')
      .execute();
    return rows.map((row) => ({ id: row.id, name: row.name, parentId: row.parent_id }));
  },

  /**
   * The active employees of the audience per department, and how their requests of `versionId`
   * stand (null: count the employees alone), recounted: one grouped statement, each person one
   * probe of the version index (0.4–2 s at 100,000 people). The views read the kept counts
   * instead (acknowledgement-counts.repository.ts); this recount is what the tests hold them to.
   */
  async recountAudience(
    executor: Executor,
    municipalityId: string,
    versionId: string | null,
    audience: Audience,
    today: string,
  ): Promise<AudienceTally[]> {
    const rows = await executor
      .selectFrom('people')
      .leftJoin('acknowledgements', (join) =>
        join
          .onRef('acknowledgements.person_id', '=', 'people.id')
          .on('acknowledgements.municipality_id', '=', municipalityId)
          .on('acknowledgements.version_id', '=', versionId ?? ''),
      )
      .select([
        'people.department_id',
        sql<number>`count(*)`.as('active_employees'),
        sql<number>`sum(case when acknowledgements.state = 'acknowledged' then 1 else 0 end)`.as('acknowledged'),
        sql<number>`sum(case when acknowledgements.state = 'requested' then 1 else 0 end)`.as('requested'),
        sql<number>`sum(case when acknowledgements.state = 'requested' and acknowledgements.due_date < ${today} then 1 else 0 end)`.as(
          'overdue',
        ),
      ])
      .where('people.municipality_id', '=', municipalityId)
      .where(activeEmployeeIn(audience, today))
      .groupBy('people.department_id')
      .execute();
    return rows.map((row) => ({
      departmentId: row.department_id,
      activeEmployees: Number(row.active_employees),
      acknowledged: Number(row.acknowledged ?? 0),
      requested: Number(row.requested ?? 0),
      overdue: Number(row.overdue ?? 0),
    }));
  },
};
