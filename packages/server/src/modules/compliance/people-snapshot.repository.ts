import type { ComplianceSnapshot, DocumentKind, SnapshotDocument, SnapshotTrainingCourse, TrainingTopic } from '../../policy/index.ts';
import { swedishToday } from '../../platform/calendar.ts';
import { inParallel, type Executor } from '../../platform/database.ts';

type PeopleRecords = Required<Pick<ComplianceSnapshot, 'documents' | 'acknowledgements' | 'trainingCourses' | 'trainingAttendances'>>;

function parseIds(json: string): string[] {
  const value: unknown = JSON.parse(json);
  return Array.isArray(value) ? value.filter((entry): entry is string => typeof entry === 'string') : [];
}

/**
 * The facts issue #13's rules read of the documents and training modules' tables (read-only, by
 * agreement: no imports of their internals): each document with its version in force, the
 * acknowledgements of those versions, each
 * course with its audience, and each person's latest attended day per course. A fixed number of
 * set-based queries whatever the municipality's size; attendance arrives grouped, one row per
 * person and course, never one per session.
 */
export async function loadPeopleRecords(db: Executor, municipalityId: string): Promise<PeopleRecords> {
  const [documents, acknowledgements, courses, audiences, attendances] = await inParallel(
    db,
    () =>
      db
        .selectFrom('policy_documents as document')
        .leftJoin('policy_document_versions as current', (join) =>
          join.onRef('current.id', '=', 'document.current_version_id').on('current.state', '=', 'adopted'),
        )
        .select([
          'document.id',
          'document.kind',
          'document.title',
          'document.requires_acknowledgement',
          'document.audience_department_ids_json',
          'document.review_interval_months',
          'document.next_review_date',
          'current.id as version_id',
          'current.number as version_number',
          'current.adopted_by',
          'current.decision_date',
          'current.adopted_at',
          'current.editorial',
        ])
        .where('document.municipality_id', '=', municipalityId)
        .execute(),
    // Only the rows of the versions in force: what the rules judge, one row per person and document.
    () =>
      db
        .selectFrom('acknowledgements as acknowledgement')
        .innerJoin('policy_documents as document', 'document.current_version_id', 'acknowledgement.version_id')
        .select([
          'acknowledgement.person_id',
          'acknowledgement.version_id',
          'acknowledgement.state',
          'acknowledgement.requested_at',
          'acknowledgement.acknowledged_at',
        ])
        .where('acknowledgement.municipality_id', '=', municipalityId)
        .where('document.municipality_id', '=', municipalityId)
        .execute(),
    () =>
      db
        .selectFrom('training_courses')
        .select(['id', 'title', 'topic', 'system_id', 'recurrence_months', 'mandatory'])
        .where('municipality_id', '=', municipalityId)
        .execute(),
    () =>
      db
        .selectFrom('training_course_audiences')
        .select(['course_id', 'department_id'])
        .where('municipality_id', '=', municipalityId)
        .execute(),
    () =>
      db
        .selectFrom('training_attendances')
        .select(({ fn }) => ['person_id', 'course_id', fn.max('session_date').as('last_attended_on')])
        .where('municipality_id', '=', municipalityId)
        .where('status', '=', 'attended')
        .groupBy(['person_id', 'course_id'])
        .execute(),
  );

  const audienceByCourse = new Map<string, string[]>();
  for (const row of audiences) audienceByCourse.set(row.course_id, [...(audienceByCourse.get(row.course_id) ?? []), row.department_id]);
  return {
    documents: documents.map(
      (row): SnapshotDocument => ({
        id: row.id,
        kind: row.kind as DocumentKind,
        title: row.title,
        requiresAcknowledgement: Boolean(row.requires_acknowledgement),
        audienceDepartmentIds: parseIds(row.audience_department_ids_json),
        reviewIntervalMonths: row.review_interval_months,
        nextReviewDate: row.next_review_date,
        currentVersion:
          row.version_id === null || row.version_number === null
            ? null
            : {
                id: row.version_id,
                number: row.version_number,
                adoptedBy: row.adopted_by,
                // The board's decision date is the adoption the policy counts from (KS 2002-12-18).
                adoptedOn: row.decision_date ?? (row.adopted_at === null ? null : swedishToday(new Date(row.adopted_at))),
                editorial: Boolean(row.editorial),
              },
      }),
    ),
    acknowledgements: acknowledgements.map((row) => ({
      personId: row.person_id,
      versionId: row.version_id,
      state: row.state === 'acknowledged' ? 'acknowledged' : row.state === 'withdrawn' ? 'withdrawn' : 'requested',
      requestedOn: swedishToday(new Date(row.requested_at)),
      acknowledgedOn: row.acknowledged_at === null ? null : swedishToday(new Date(row.acknowledged_at)),
    })),
    trainingCourses: courses.map(
      (row): SnapshotTrainingCourse => ({
        id: row.id,
        title: row.title,
        topic: row.topic as TrainingTopic,
        systemId: row.system_id,
        recurrenceMonths: row.recurrence_months,
        mandatory: Boolean(row.mandatory),
        audienceDepartmentIds: audienceByCourse.get(row.id) ?? [],
      }),
    ),
    trainingAttendances: attendances.map((row) => ({
      personId: row.person_id,
      courseId: row.course_id,
      lastAttendedOn: String(row.last_attended_on),
    })),
  };
}
