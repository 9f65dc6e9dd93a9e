import { randomUUID } from 'node:crypto';
import type { PrivacyReviewOutcome, Processor } from '@forvalta/contracts';
import type { AnyActor } from '../access/actor.ts';
import { type ActivityContent, contentOf, contentValues } from '../modules/privacy/bulk.ts';
import { privacyReviewsRepository, processingActivitiesRepository } from '../modules/privacy/bulk.ts';
import { recordAudit } from '../platform/audit.ts';
import { swedishToday } from '../platform/calendar.ts';
import type { Clock } from '../platform/clock.ts';
import type { TransactionHandle } from '../platform/database.ts';
import { swedishSortKey } from '../platform/text.ts';
import { addMonths } from '../policy/index.ts';
import { type DemoActivity, welfareActivities } from './demo-privacy-activities.ts';
import { administrationActivities } from './demo-privacy-administration.ts';
import { controllerBoards, processingProfiles } from './demo-privacy-profiles.ts';
import { createRandom } from './random.ts';

export const demoProcessingActivities: readonly DemoActivity[] = [...welfareActivities, ...administrationActivities];

/** Förvalta's own record of processing: the product holds staff's personal data too (issue #16). */
export const forvaltaOwnRecordName = 'Förvalta – systemförvaltning, behörigheter och efterlevnad';
const ownRecord: ActivityContent = contentOf({
  name: forvaltaOwnRecordName,
  purpose:
    'Register över kommunens IT-system med ansvariga, behörigheter och deras granskning, kvittenser av styrdokument, genomförda utbildningar och en granskningslogg över ändringar (IT-policy §4–§9)',
  legalBasis: 'public_interest',
  legalBasisNote: 'Kommunallagen (2017:725) 6 kap. 6 § (intern kontroll); kommunens IT-policy',
  dataSubjectCategories: ['Anställda och tidigare anställda', 'Förtroendevalda', 'Konsulter med konto'],
  personalDataCategories: [
    'Namn',
    'E-postadress',
    'Förvaltning, titel och anställningsstatus',
    'Roller och behörigheter i system',
    'Kvittenser av styrdokument',
    'Genomförda utbildningar',
    'Granskningslogg (vem ändrade vad och när)',
  ].map((name) => ({ name, special: false })),
  recipients: ['Kommunens revisorer', 'Dataskyddsombudet', 'Den registrerade (registerutdrag)'],
  retention:
    'Personer som slutat pseudonymiseras när den tid kommunen bestämt har gått, utom där granskningsloggen eller ett öppet ärende behöver dem; granskningsloggen bevaras.',
  retentionPlanReference: 'Informationshanteringsplan kommunstyrelsen 4.3',
  technicalMeasures: processingProfiles.staffIt.measures,
  controllerDepartmentId: '',
  controllerBoard: controllerBoards.it,
  systemIds: [],
  processors: [],
});

/** Suppliers of the demo systems that are authorities or sell software run on the premises: not processors. */
const notProcessors = new Set(['Försäkringskassan', 'Socialstyrelsen', 'Valmyndigheten', 'Lantmäteriet', 'Digg', 'Veeam', 'Mitel', 'Axis']);

const remarks: Record<PrivacyReviewOutcome, string | null> = {
  approved: null,
  approved_with_remarks: 'Godkänd. Följ upp biträdets underbiträden och tredjelandsöverföringar vid nästa granskning.',
  returned: 'Återremitteras: ange stöd för uppgifter om lagöverträdelser (art. 10) och komplettera lagringstiden för utredningar.',
};

/**
 * Tanum's records of processing (issue #16): about sixty over the demo systems, with the DPO's
 * reviews (most approved within the interval, some with an earlier review as history), and the
 * gaps the records say (demo-privacy-activities.ts). Draws from a random stream of its own, so the
 * demo parts before it keep their outcomes; returns how many records it wrote.
 */
export async function loadDemoPrivacy(
  transaction: TransactionHandle,
  actor: AnyActor,
  clock: Clock,
  municipalityId: string,
  departmentIds: ReadonlyMap<string, string>,
): Promise<number> {
  const random = createRandom(1630);
  const now = clock.now();
  const today = swedishToday(now);
  const daysAgo = (days: number) => new Date(now.getTime() - days * 86_400_000);
  const systems = await transaction
    .selectFrom('systems')
    .select(['id', 'name', 'supplier'])
    .where('municipality_id', '=', municipalityId)
    .execute();
  const systemsByName = new Map(systems.map((system) => [system.name, system]));
  const officer = await transaction
    .selectFrom('role_assignments')
    .innerJoin('people', 'people.id', 'role_assignments.person_id')
    .select(['people.id', 'people.first_name', 'people.last_name'])
    .where('role_assignments.municipality_id', '=', municipalityId)
    .where('role_assignments.role', '=', 'data_protection_officer')
    .executeTakeFirst();
  const officerName = officer ? `${officer.first_name} ${officer.last_name}` : 'Dataskyddsombudet';

  const processorsOf = (activity: DemoActivity, found: typeof systems): Processor[] => {
    const names =
      activity.processors ?? [...new Set(found.flatMap((system) => system.supplier ?? []))].filter((name) => !notProcessors.has(name));
    return names.map((name, index) => {
      const last = index === names.length - 1;
      if (last && activity.agreement === 'unsigned') return { name, agreementSignedOn: null, agreementExpiresOn: null };
      const signedOn = addMonths(today, -random.integer(12, 54));
      const expiresOn =
        last && activity.agreement === 'expired'
          ? addMonths(today, -random.integer(1, 3))
          : random.chance(0.5)
            ? null
            : addMonths(today, random.integer(8, 36));
      return { name, agreementSignedOn: signedOn, agreementExpiresOn: expiresOn };
    });
  };

  const contentOfDemo = (activity: DemoActivity): ActivityContent => {
    const profile = processingProfiles[activity.profile];
    const specialBasis = activity.specialBasis === undefined ? profile.specialBasis : activity.specialBasis;
    let categories = profile.data.filter((category) => specialBasis !== null || !category.special);
    if (specialBasis !== null && !categories.some((category) => category.special))
      categories = [...categories, { name: 'Uppgifter om hälsa (läkarintyg)', special: true }];
    const special = categories.some((category) => category.special);
    const found = activity.systems.flatMap((name) => systemsByName.get(name) ?? []);
    return contentOf({
      name: activity.name,
      purpose: activity.purpose,
      legalBasis: activity.basis,
      legalBasisNote: activity.note,
      specialCategoryBasis: special ? specialBasis : null,
      criminalData: activity.criminal !== undefined,
      criminalDataBasis: activity.criminal ?? null,
      dataSubjectCategories: profile.subjects,
      personalDataCategories: categories,
      recipients: profile.recipients,
      thirdCountryTransfers: activity.transfers ?? [],
      retention: profile.retention,
      retentionPlanReference: profile.plan,
      technicalMeasures: profile.measures,
      controllerDepartmentId: departmentIds.get(activity.controller)!,
      controllerBoard: controllerBoards[activity.controller] ?? null,
      systemIds: found.map((system) => system.id),
      processors: processorsOf(activity, found),
      dpiaNeeded: special,
      dpiaDoneOn: special && !activity.dpiaMissing ? addMonths(today, -random.integer(6, 30)) : null,
    });
  };

  /** The reviews a record has had, oldest first, and when its content last changed (before the latest review). */
  const historyOf = (state: DemoActivity['state'], index: number) => {
    const reviews: Array<{ outcome: PrivacyReviewOutcome; on: Date }> = [];
    if (state === 'pending') return { reviews, changedAt: daysAgo(random.integer(3, 40)) };
    const latest =
      state === 'stale'
        ? daysAgo(random.integer(400, 480))
        : state === 'returned'
          ? daysAgo(random.integer(8, 30))
          : daysAgo(random.integer(20, 320));
    // Every fourth reviewed record was reviewed before too, then changed: its page shows a history.
    if (index % 4 === 1) reviews.push({ outcome: 'approved_with_remarks', on: new Date(latest.getTime() - 400 * 86_400_000) });
    const outcome: PrivacyReviewOutcome = state === 'returned' ? 'returned' : state === 'remarks' ? 'approved_with_remarks' : 'approved';
    reviews.push({ outcome, on: latest });
    return { reviews, changedAt: new Date(latest.getTime() - random.integer(2, 20) * 86_400_000) };
  };

  const records: Array<{ content: ActivityContent; state: DemoActivity['state'] }> = demoProcessingActivities.map((activity) => ({
    content: contentOfDemo(activity),
    state: activity.state,
  }));
  records.push({ content: { ...ownRecord, controllerDepartmentId: departmentIds.get('it')! }, state: undefined });

  for (const [index, { content, state }] of records.entries()) {
    const id = randomUUID();
    const { reviews, changedAt } = historyOf(state, index);
    const latest = reviews.at(-1);
    // Each review and the change between two reviews made a version, as the services would have.
    const version = reviews.length === 0 ? 1 : reviews.length * 2;
    const createdAt = (reviews[0] ? new Date(reviews[0].on.getTime() - 30 * 86_400_000) : changedAt).toISOString();
    await processingActivitiesRepository.insert(transaction, {
      id,
      municipality_id: municipalityId,
      ...contentValues(content),
      sort_key: swedishSortKey(content.name),
      review_state: latest?.outcome ?? 'pending',
      last_reviewed_on: latest ? swedishToday(latest.on) : null,
      content_changed_at: changedAt.toISOString(),
      created_at: createdAt,
      updated_at: (latest?.on ?? changedAt).toISOString(),
      version,
    });
    await processingActivitiesRepository.replaceSystems(transaction, municipalityId, id, content.systemIds);
    await processingActivitiesRepository.replaceProcessors(transaction, municipalityId, id, content.processors);
    await recordAudit(transaction, actor, clock, { action: 'create', entityType: 'processing_activity', entityId: id, after: content });
    for (const [position, review] of reviews.entries()) {
      const created = await privacyReviewsRepository.insert(transaction, {
        id: randomUUID(),
        municipality_id: municipalityId,
        activity_id: id,
        outcome: review.outcome,
        reviewed_on: swedishToday(review.on),
        remarks: remarks[review.outcome],
        reviewer_person_id: officer?.id ?? null,
        reviewer_name: officerName,
        // Versions 1, 3, …: the record as created, then as changed after each earlier review.
        activity_version: 1 + position * 2,
        created_at: review.on.toISOString(),
      });
      await recordAudit(transaction, actor, clock, {
        action: 'privacy_review',
        entityType: 'processing_activity',
        entityId: id,
        after: { reviewState: review.outcome, lastReviewedOn: created.reviewedOn, review: created },
      });
    }
  }
  return records.length;
}
