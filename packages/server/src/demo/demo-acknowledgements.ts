import type { AnyActor } from '../access/actor.ts';
import { departmentSubtree } from '../access/department-tree.ts';
import { recordAudit } from '../platform/audit.ts';
import { swedishMidnight, swedishToday } from '../platform/calendar.ts';
import type { Clock } from '../platform/clock.ts';
import type { TransactionHandle } from '../platform/database.ts';
import { parseJson } from '../platform/json.ts';
import { swedishHolidays } from '../platform/swedish-holidays.ts';
import { addWorkingDays } from '../policy/working-days.ts';
import { acknowledgementRequestsRepository } from '../modules/acknowledgements/bulk.ts';
import type { Random } from './random.ts';

/**
 * How far each förvaltning has come with acknowledging, as the demo shows it: the IT unit nearly
 * all, the schools far behind (issue #13: "realistic, uneven coverage per department"). Keys are
 * demo-organisation.ts's; a unit takes its förvaltning's share unless it has its own.
 */
const coverageByDepartment: Record<string, number> = {
  it: 0.98,
  ks: 0.9,
  ekonomi: 0.88,
  kansli: 0.93,
  personal: 0.95,
  bou: 0.61,
  omsorg: 0.72,
  aldreomsorg: 0.66,
  sbf: 0.84,
  kultur: 0.79,
  raddning: 0.7,
};
const defaultCoverage = 0.8;

/**
 * Requests and acknowledgements of the demo's current document versions that ask acknowledgement
 * (the documents come from the documents demo, loaded before this): every active employee of the
 * audience asked on the adoption's day, a share acknowledged per department as above — most in the
 * app, some from signed papers recorded by the department's head, some at a training session —
 * and, where the version was adopted long enough ago, the rest overdue.
 */
export async function loadDemoAcknowledgements(
  transaction: TransactionHandle,
  actor: AnyActor,
  clock: Clock,
  random: Random,
  municipalityId: string,
  departmentIds: ReadonlyMap<string, string>,
): Promise<number> {
  const today = swedishToday(clock.now());
  const year = Number(today.slice(0, 4));
  const holidays = new Set(swedishHolidays(year - 3, year + 1));
  const versions = await transaction
    .selectFrom('policy_documents')
    .innerJoin('policy_document_versions as current', 'current.id', 'policy_documents.current_version_id')
    .select([
      'policy_documents.id',
      'policy_documents.audience_department_ids_json',
      'current.id as version_id',
      'current.adopted_at',
      'current.decision_date',
    ])
    .where('policy_documents.municipality_id', '=', municipalityId)
    .where('policy_documents.requires_acknowledgement', '=', 1)
    .where('current.state', '=', 'adopted')
    .execute();
  if (versions.length === 0) return 0;

  const departments = await transaction
    .selectFrom('departments')
    .select(['id', 'parent_id'])
    .where('municipality_id', '=', municipalityId)
    .execute();
  const keyOf = new Map([...departmentIds].map(([key, id]) => [id, key]));
  const shareOf = (departmentId: string | null) => {
    // The unit's own share, else its nearest förvaltning's above it.
    for (let id = departmentId; id; id = departments.find((department) => department.id === id)?.parent_id ?? null) {
      const share = coverageByDepartment[keyOf.get(id) ?? ''];
      if (share !== undefined) return share;
    }
    return defaultCoverage;
  };
  const heads = await transaction
    .selectFrom('role_assignments')
    .innerJoin('people', 'people.id', 'role_assignments.person_id')
    .select(['role_assignments.department_id', 'people.id', 'people.first_name', 'people.last_name'])
    .where('role_assignments.municipality_id', '=', municipalityId)
    .where('role_assignments.role', '=', 'department_head')
    .execute();
  const headOf = (departmentId: string | null) =>
    heads.find((head) => head.department_id && departmentId && departmentSubtree(departments, head.department_id).includes(departmentId));
  const session = await transaction
    .selectFrom('training_sessions')
    .select(['id', 'trainer_person_id'])
    .where('municipality_id', '=', municipalityId)
    .where('trainer_person_id', 'is not', null)
    .orderBy('starts_at')
    .limit(1)
    .executeTakeFirst();
  // A record "given at the session" is only for those the trainer marked as attended there (as the API checks).
  const attendedSession = new Set(
    session
      ? (
          await transaction
            .selectFrom('training_attendances')
            .select('person_id')
            .where('municipality_id', '=', municipalityId)
            .where('session_id', '=', session.id)
            .where('status', '=', 'attended')
            .execute()
        ).map((row) => row.person_id)
      : [],
  );
  const trainer = session
    ? await transaction
        .selectFrom('people')
        .select(['first_name', 'last_name'])
        .where('id', '=', session.trainer_person_id!)
        .executeTakeFirst()
    : undefined;

  // The auditor's login is the demo's employee with nothing to do (the to-do list's empty state):
  // they have read every document, whatever the department's share.
  const alwaysAcknowledging = new Set(
    (
      await transaction
        .selectFrom('role_assignments')
        .select('person_id')
        .where('municipality_id', '=', municipalityId)
        .where('role', '=', 'auditor')
        .execute()
    ).map((row) => row.person_id),
  );

  let acknowledged = 0;
  for (const version of versions) {
    const adoptedAt = version.adopted_at ?? swedishMidnight(version.decision_date ?? today).toISOString();
    const adoptedOn = swedishToday(new Date(adoptedAt));
    const dueDate = addWorkingDays(adoptedOn, 10, holidays);
    const audienceIds = parseJson<string[]>(version.audience_department_ids_json, []);
    const audience = audienceIds.length === 0 ? null : [...new Set(audienceIds.flatMap((id) => departmentSubtree(departments, id)))];
    const asked = await acknowledgementRequestsRepository.requestMissing(transaction, {
      municipalityId,
      documentId: version.id,
      versionId: version.version_id,
      audience,
      today,
      dueDate,
      now: adoptedAt,
    });
    await recordAudit(transaction, actor, clock, {
      action: 'acknowledgements_requested',
      entityType: 'policy_document_version',
      entityId: version.version_id,
      after: { documentId: version.id, reason: 'version_adopted', renewal: 'ask_everyone', asked, dueDate },
    });
    const requests = await transaction
      .selectFrom('acknowledgements')
      .innerJoin('people', 'people.id', 'acknowledgements.person_id')
      .select(['acknowledgements.id', 'acknowledgements.person_id', 'people.department_id'])
      .where('acknowledgements.municipality_id', '=', municipalityId)
      .where('acknowledgements.version_id', '=', version.version_id)
      .where('acknowledgements.state', '=', 'requested')
      .orderBy('acknowledgements.id')
      .execute();
    const daysSinceAdoption = Math.max(0, Math.round((clock.now().getTime() - new Date(adoptedAt).getTime()) / 86_400_000));
    for (const request of requests) {
      if (!random.chance(shareOf(request.department_id)) && !alwaysAcknowledging.has(request.person_id)) continue;
      const head = headOf(request.department_id);
      const draw = random.next();
      const method = draw < 0.12 && head ? 'paper' : draw < 0.2 && attendedSession.has(request.person_id) ? 'training_session' : 'in_app';
      // Most within the first weeks, a few late; never in the future.
      const after = Math.min(daysSinceAdoption, Math.floor(random.next() ** 2 * Math.min(daysSinceAdoption + 1, 60)));
      const at = new Date(new Date(adoptedAt).getTime() + after * 86_400_000 + random.integer(8, 16) * 3_600_000);
      const acknowledgedAt = (at > clock.now() ? clock.now() : at).toISOString();
      const recordedBy =
        method === 'paper'
          ? { id: head!.id, name: `${head!.first_name} ${head!.last_name}` }
          : method === 'training_session' && trainer
            ? { id: session!.trainer_person_id!, name: `${trainer.first_name} ${trainer.last_name}` }
            : null;
      await transaction
        .updateTable('acknowledgements')
        .set({
          state: 'acknowledged',
          method,
          acknowledged_at: acknowledgedAt,
          recorded_by_person_id: recordedBy?.id ?? null,
          recorded_by_name: recordedBy?.name ?? null,
          training_session_id: method === 'training_session' ? session!.id : null,
          note: method === 'paper' ? 'Underskriven blankett, förvaltningens pärm' : null,
          updated_at: acknowledgedAt,
          version: 2,
        })
        .where('id', '=', request.id)
        .execute();
      await recordAudit(transaction, actor, clock, {
        action: 'acknowledge',
        entityType: 'acknowledgement',
        entityId: request.id,
        before: { state: 'requested' },
        after: { state: 'acknowledged', method, acknowledgedAt, recordedByPersonId: recordedBy?.id ?? null },
      });
      acknowledged += 1;
    }
  }
  return acknowledged;
}
