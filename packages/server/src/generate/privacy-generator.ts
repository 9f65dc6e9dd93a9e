import { performance } from 'node:perf_hooks';
import { sql, type Insertable } from 'kysely';
import { systemActor } from '../access/actor.ts';
import { createRandom } from '../demo/random.ts';
import { contentOf, contentValues } from '../modules/privacy/bulk.ts';
import { recordAudit } from '../platform/audit.ts';
import { insertRows } from '../platform/bulk-insert.ts';
import { swedishToday } from '../platform/calendar.ts';
import type { Clock } from '../platform/clock.ts';
import { isPostgres, withTransaction, type DatabaseHandle } from '../platform/database.ts';
import type {
  MailboxDeputiesTable,
  MailboxesTable,
  PrivacyReviewsTable,
  ProcessingActivitiesTable,
  ProcessingActivityProcessorsTable,
  ProcessingActivitySystemsTable,
} from '../platform/database-schema.ts';
import { swedishSortKey } from '../platform/text.ts';
import { addMonths } from '../policy/index.ts';
import { createIdSource } from './deterministic-ids.ts';

export interface PrivacyWorkload {
  activities: number;
  reviews: number;
  processors: number;
  mailboxes: number;
  /** False when the records were there already (an earlier run's). */
  generatedNow: boolean;
  seconds: number;
}

const legalBases = ['public_interest', 'legal_obligation', 'contract', 'consent'] as const;
const categories = ['Namn och personnummer', 'Kontaktuppgifter', 'Ärendeuppgifter', 'Anställning och lön', 'Frånvaro'];

/** Splits `total` over the weights, the last part taking the rounding, so the parts add up exactly. */
function shares(total: number, weights: number[]): number[] {
  const sum = weights.reduce((left, right) => left + right, 0) || 1;
  const parts = weights.map((weight) => Math.floor((total * weight) / sum));
  if (parts.length > 0) parts[parts.length - 1]! += total - parts.reduce((left, right) => left + right, 0);
  return parts;
}

/**
 * Issue #16's scale for the bench: `activities` records of processing over the municipalities in
 * proportion to their systems (one to three systems each, their owner the controller, a processor
 * or two with agreements, the DPO's reviews: most approved, some pending, returned or with remarks,
 * one record in five reviewed twice), and `mailboxes` functional mailboxes in proportion to their
 * people (one or two deputies; one in thirty without). Rows in bulk per municipality, one
 * transaction and one audit event each, as the other generated records. A database with records
 * of processing already is left as it is (the bench reuses it).
 */
export async function generatePrivacyRecords(
  db: DatabaseHandle,
  clock: Clock,
  options: { activities: number; mailboxes: number; seed: number },
): Promise<PrivacyWorkload> {
  const started = performance.now();
  const existing = await countPrivacy(db);
  if (existing.activities > 0) return { ...existing, generatedNow: false, seconds: 0 };
  const random = createRandom(options.seed);
  const ids = createIdSource(createRandom(options.seed + 1));
  const now = clock.now().toISOString();
  const today = swedishToday(clock.now());
  const municipalities = await db
    .selectFrom('municipalities')
    .select([
      'id',
      'code',
      (eb) =>
        eb
          .selectFrom('systems')
          .select(eb.fn.countAll<number>().as('n'))
          .whereRef('systems.municipality_id', '=', 'municipalities.id')
          .as('systems'),
      (eb) =>
        eb
          .selectFrom('people')
          .select(eb.fn.countAll<number>().as('n'))
          .whereRef('people.municipality_id', '=', 'municipalities.id')
          .as('people'),
    ])
    .orderBy('code')
    .execute();
  const activityShares = shares(
    options.activities,
    municipalities.map((row) => Number(row.systems)),
  );
  const mailboxShares = shares(
    options.mailboxes,
    municipalities.map((row) => Number(row.people)),
  );
  const totals = { activities: 0, reviews: 0, processors: 0, mailboxes: 0 };

  for (const [index, municipality] of municipalities.entries()) {
    await withTransaction(db, async (transaction) => {
      const systems = await transaction
        .selectFrom('systems')
        .select(['id', 'owner_department_id', 'supplier'])
        .where('municipality_id', '=', municipality.id)
        .orderBy('id')
        .execute();
      const people = await transaction
        .selectFrom('people')
        .select(['id', 'department_id'])
        .where('municipality_id', '=', municipality.id)
        .where('employment_status', '=', 'active')
        .where('department_id', 'is not', null)
        .orderBy('id')
        .execute();
      if (systems.length === 0 || people.length < 3) return;
      const activities: Insertable<ProcessingActivitiesTable>[] = [];
      const links: Insertable<ProcessingActivitySystemsTable>[] = [];
      const processors: Insertable<ProcessingActivityProcessorsTable>[] = [];
      const reviews: Insertable<PrivacyReviewsTable>[] = [];
      for (let number = 1; number <= activityShares[index]!; number += 1) {
        const id = ids.next();
        const first = random.pick(systems);
        const systemIds = [...new Set([first.id, ...Array.from({ length: random.integer(0, 2) }, () => random.pick(systems).id)])];
        const special = random.chance(0.2);
        const content = contentOf({
          name: `Behandling ${number} (${municipality.code})`,
          purpose: 'Handläggning och dokumentation i verksamheten',
          legalBasis: random.pick(legalBases),
          legalBasisNote: 'Kommunallagen (2017:725) 2 kap.',
          specialCategoryBasis: special ? 'health_or_social_care' : null,
          dataSubjectCategories: ['Invånare', 'Anställda'],
          personalDataCategories: [
            ...categories.filter(() => random.chance(0.6)).map((name) => ({ name, special: false })),
            ...(special ? [{ name: 'Uppgifter om hälsa', special: true }] : []),
          ],
          recipients: ['Handläggande nämnd'],
          retention: 'Enligt informationshanteringsplanen',
          technicalMeasures: 'Behörighetsstyrning, loggning, kryptering',
          controllerDepartmentId: first.owner_department_id,
          controllerBoard: 'Kommunstyrelsen',
          systemIds,
          dpiaNeeded: special,
          dpiaDoneOn: special && random.chance(0.9) ? addMonths(today, -random.integer(1, 30)) : null,
        });
        const roll = random.next();
        const outcome = roll < 0.75 ? 'approved' : roll < 0.85 ? 'approved_with_remarks' : roll < 0.95 ? 'pending' : 'returned';
        const reviewCount = outcome === 'pending' ? 0 : random.chance(0.2) ? 2 : 1;
        const reviewedOn = addMonths(today, -random.integer(0, 14));
        activities.push({
          id,
          municipality_id: municipality.id,
          ...contentValues(content),
          sort_key: swedishSortKey(content.name),
          review_state: outcome,
          last_reviewed_on: reviewCount > 0 ? reviewedOn : null,
          content_changed_at: now,
          created_at: now,
          updated_at: now,
          version: reviewCount === 0 ? 1 : reviewCount * 2,
        });
        for (const systemId of systemIds) links.push({ municipality_id: municipality.id, activity_id: id, system_id: systemId });
        const processorCount = random.integer(0, 2);
        for (let position = 0; position < processorCount; position += 1)
          processors.push({
            municipality_id: municipality.id,
            activity_id: id,
            position,
            name: `${first.supplier ?? 'Leverantör'} ${position + 1}`,
            agreement_signed_on: random.chance(0.95) ? addMonths(today, -random.integer(6, 48)) : null,
            agreement_expires_on: random.chance(0.5) ? addMonths(today, random.integer(-3, 36)) : null,
          });
        for (let position = 0; position < reviewCount; position += 1)
          reviews.push({
            id: ids.next(),
            municipality_id: municipality.id,
            activity_id: id,
            outcome: position === reviewCount - 1 ? outcome : 'approved',
            reviewed_on: position === reviewCount - 1 ? reviewedOn : addMonths(reviewedOn, -13),
            remarks: null,
            reviewer_person_id: null,
            reviewer_name: 'Dataskyddsombudet',
            activity_version: 1 + position * 2,
            created_at: now,
          });
      }
      const mailboxes: Insertable<MailboxesTable>[] = [];
      const deputies: Insertable<MailboxDeputiesTable>[] = [];
      for (let number = 1; number <= mailboxShares[index]!; number += 1) {
        const id = ids.next();
        const responsible = random.pick(people);
        const colleagues = people.filter((person) => person.department_id === responsible.department_id && person.id !== responsible.id);
        const pool = colleagues.length > 0 ? colleagues : people.filter((person) => person.id !== responsible.id);
        mailboxes.push({
          id,
          municipality_id: municipality.id,
          address: `funktion-${number}@${municipality.code}.example.se`,
          department_id: responsible.department_id!,
          purpose: 'Funktionsbrevlåda',
          responsible_person_id: responsible.id,
          watch_frequency: random.pick(['several_daily', 'daily', 'weekly'] as const),
          receives_official_documents: random.chance(0.5) ? 1 : 0,
          created_at: now,
          updated_at: now,
          version: 1,
        });
        const deputyIds = random.chance(1 / 30)
          ? []
          : [...new Set(Array.from({ length: random.integer(1, 2) }, () => random.pick(pool).id))];
        for (const [position, personId] of deputyIds.entries())
          deputies.push({ municipality_id: municipality.id, mailbox_id: id, person_id: personId, position });
      }
      await insertRows(transaction, 'processing_activities', activities);
      await insertRows(transaction, 'processing_activity_systems', links);
      await insertRows(transaction, 'processing_activity_processors', processors);
      await insertRows(transaction, 'privacy_reviews', reviews);
      await insertRows(transaction, 'mailboxes', mailboxes);
      await insertRows(transaction, 'mailbox_deputies', deputies);
      const written = {
        activities: activities.length,
        reviews: reviews.length,
        processors: processors.length,
        mailboxes: mailboxes.length,
      };
      for (const key of Object.keys(totals) as Array<keyof typeof totals>) totals[key] += written[key];
      await recordAudit(transaction, systemActor('generate', municipality.id), clock, {
        action: 'generate',
        entityType: 'privacy_workload',
        entityId: municipality.id,
        after: written,
      });
    });
  }
  const tables = [
    'processing_activities',
    'processing_activity_systems',
    'processing_activity_processors',
    'privacy_reviews',
    'mailboxes',
    'mailbox_deputies',
  ];
  // The planners' statistics for the new rows, as after the generator's other loads.
  if (isPostgres(db)) await sql`analyze ${sql.raw(tables.join(', '))}`.execute(db);
  else for (const table of tables) await sql`analyze ${sql.table(table)}`.execute(db);
  return { ...totals, generatedNow: true, seconds: (performance.now() - started) / 1000 };
}

async function countPrivacy(db: DatabaseHandle) {
  const count = async (table: 'processing_activities' | 'privacy_reviews' | 'processing_activity_processors' | 'mailboxes') =>
    Number(
      (
        await db
          .selectFrom(table)
          .select((eb) => eb.fn.countAll<number>().as('n'))
          .executeTakeFirstOrThrow()
      ).n,
    );
  return {
    activities: await count('processing_activities'),
    reviews: await count('privacy_reviews'),
    processors: await count('processing_activity_processors'),
    mailboxes: await count('mailboxes'),
  };
}
