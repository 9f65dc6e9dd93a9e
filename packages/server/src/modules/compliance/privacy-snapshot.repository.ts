import type { ComplianceSnapshot, SnapshotMailboxPerson, SnapshotProcessingActivity } from '../../policy/index.ts';
import { swedishToday } from '../../platform/calendar.ts';
import { inParallel, type Executor } from '../../platform/database.ts';

/**
 * The facts issue #16's rules read of the privacy module's tables (read-only, as the other loaders
 * read theirs): records of processing with their systems and processors, and functional mailboxes
 * with who watches them. Five set-based queries whatever the size. With `systemIds`, only the
 * records of those systems, and no mailboxes (a department rule, run in full evaluations only).
 */
export async function loadPrivacyRecords(
  db: Executor,
  municipalityId: string,
  evaluatedAt: string,
  systemIds?: readonly string[],
): Promise<Pick<ComplianceSnapshot, 'processingActivities' | 'mailboxes'>> {
  const today = swedishToday(new Date(evaluatedAt));
  let links = db
    .selectFrom('processing_activity_systems')
    .select(['activity_id', 'system_id'])
    .where('municipality_id', '=', municipalityId);
  if (systemIds) links = links.where('system_id', 'in', systemIds.length > 0 ? [...systemIds] : ['']);
  const linkRows = await links.execute();
  const activityIds = systemIds ? [...new Set(linkRows.map((row) => row.activity_id))] : undefined;
  let activitiesQuery = db
    .selectFrom('processing_activities')
    .select([
      'id',
      'name',
      'legal_basis',
      'has_special_categories',
      'special_category_basis',
      'retention',
      'review_state',
      'last_reviewed_on',
      'dpia_needed',
      'dpia_done_on',
    ])
    .where('municipality_id', '=', municipalityId);
  let processorsQuery = db
    .selectFrom('processing_activity_processors')
    .select(['activity_id', 'name', 'agreement_signed_on', 'agreement_expires_on'])
    .where('municipality_id', '=', municipalityId)
    .orderBy('activity_id')
    .orderBy('position');
  if (activityIds) {
    const ids = activityIds.length > 0 ? activityIds : [''];
    activitiesQuery = activitiesQuery.where('id', 'in', ids);
    processorsQuery = processorsQuery.where('activity_id', 'in', ids);
  }
  const [activities, processors, mailboxes, deputies] = await inParallel(
    db,
    () => activitiesQuery.execute(),
    () => processorsQuery.execute(),
    () =>
      systemIds
        ? Promise.resolve(undefined)
        : db
            .selectFrom('mailboxes')
            .leftJoin('people', 'people.id', 'mailboxes.responsible_person_id')
            .select([
              'mailboxes.id',
              'mailboxes.address',
              'mailboxes.department_id',
              'mailboxes.responsible_person_id',
              'people.first_name',
              'people.last_name',
              'people.employment_status',
              'people.end_date',
            ])
            .where('mailboxes.municipality_id', '=', municipalityId)
            .execute(),
    () =>
      systemIds
        ? Promise.resolve([])
        : db
            .selectFrom('mailbox_deputies')
            .innerJoin('people', 'people.id', 'mailbox_deputies.person_id')
            .select([
              'mailbox_deputies.mailbox_id',
              'people.id',
              'people.first_name',
              'people.last_name',
              'people.employment_status',
              'people.end_date',
            ])
            .where('mailbox_deputies.municipality_id', '=', municipalityId)
            .orderBy('mailbox_deputies.mailbox_id')
            .orderBy('mailbox_deputies.position')
            .execute(),
  );

  // Employed as the mailbox list judges it (mailboxes.repository.ts): not left, and the end date not reached.
  const watcher = (row: {
    id: string;
    first_name: string | null;
    last_name: string | null;
    employment_status: string | null;
    end_date: string | null;
  }): SnapshotMailboxPerson => ({
    personId: row.id,
    name: `${row.first_name ?? ''} ${row.last_name ?? ''}`.trim(),
    employed: row.employment_status !== null && row.employment_status !== 'left' && (row.end_date === null || row.end_date > today),
  });
  const systemsOf = new Map<string, string[]>();
  for (const row of linkRows) systemsOf.set(row.activity_id, [...(systemsOf.get(row.activity_id) ?? []), row.system_id]);
  const processorsOf = new Map<string, SnapshotProcessingActivity['processors']>();
  for (const row of processors)
    processorsOf.set(row.activity_id, [
      ...(processorsOf.get(row.activity_id) ?? []),
      { name: row.name, agreementSignedOn: row.agreement_signed_on, agreementExpiresOn: row.agreement_expires_on },
    ]);
  const deputiesOf = new Map<string, SnapshotMailboxPerson[]>();
  for (const row of deputies) deputiesOf.set(row.mailbox_id, [...(deputiesOf.get(row.mailbox_id) ?? []), watcher(row)]);
  return {
    processingActivities: activities.map((row) => ({
      id: row.id,
      name: row.name,
      systemIds: systemsOf.get(row.id) ?? [],
      legalBasis: row.legal_basis,
      hasSpecialCategories: row.has_special_categories === 1,
      specialCategoryBasis: row.special_category_basis,
      retention: row.retention,
      reviewState: row.review_state as SnapshotProcessingActivity['reviewState'],
      lastReviewedOn: row.last_reviewed_on,
      processors: processorsOf.get(row.id) ?? [],
      dpiaNeeded: row.dpia_needed === 1,
      dpiaDoneOn: row.dpia_done_on,
    })),
    ...(mailboxes
      ? {
          mailboxes: mailboxes.map((row) => ({
            id: row.id,
            address: row.address,
            departmentId: row.department_id,
            responsible: row.responsible_person_id ? watcher({ ...row, id: row.responsible_person_id }) : null,
            deputies: deputiesOf.get(row.id) ?? [],
          })),
        }
      : {}),
  };
}
