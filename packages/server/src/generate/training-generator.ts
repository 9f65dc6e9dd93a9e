import { randomUUID } from 'node:crypto';
import { performance } from 'node:perf_hooks';
import { systemActor } from '../access/actor.ts';
import { createRandom } from '../demo/random.ts';
import { recordAudit } from '../platform/audit.ts';
import { swedishToday } from '../platform/calendar.ts';
import type { Clock } from '../platform/clock.ts';
import { withTransaction, type DatabaseHandle } from '../platform/database.ts';
import type { TrainingAttendancesTable, TrainingSessionsTable } from '../platform/database-schema.ts';
import { swedishSortKey } from '../platform/text.ts';
import { attendancesRepository, coursesRepository, trainingSessionsRepository } from '../modules/training/bulk.ts';

export interface TrainingWorkload {
  courses: number;
  sessions: number;
  attendances: number;
  /** False when the records were there already (an earlier run's). */
  generatedNow: boolean;
  seconds: number;
}

/** How many of a person's records each course kind accounts for: ten in all, a career's worth over six years. */
const picksPerPerson = { security: 3, privacy: 2, system: 5 } as const;
const sessionCapacity = 40;
const historyDays = 6 * 365;

/**
 * The training records of the L workload (quality.md: a million at L): in every municipality an
 * IT-security course every 24 months, a data-protection course every 36 and four system courses,
 * with sessions over six years (a few ahead), and about ten attendance rows per person, attended
 * at uneven rates per department. Set-based, in one transaction per municipality with one audit
 * event each. A database with training records already is left as it is (the bench reuses its data).
 */
export async function generateTrainingRecords(
  db: DatabaseHandle,
  clock: Clock,
  options: { total: number; seed: number },
): Promise<TrainingWorkload> {
  const started = performance.now();
  const existing = await countTraining(db);
  // Made once with the bench database: any training there already is an earlier run's, reused as it is.
  if (existing.courses > 0) return { ...existing, generatedNow: false, seconds: 0 };

  const random = createRandom(options.seed);
  const municipalities = await db.selectFrom('municipalities').select(['id']).orderBy('code').execute();
  const peopleTotal = Number(
    (
      await db
        .selectFrom('people')
        .select((eb) => eb.fn.countAll<number>().as('n'))
        .executeTakeFirstOrThrow()
    ).n,
  );
  // Ten picks a person, of which about three in four are taken (the uptake below) by the active 96 %.
  const picksTotal = picksPerPerson.security + picksPerPerson.privacy + picksPerPerson.system;
  const scale = options.total / (Math.max(1, peopleTotal) * picksTotal * 0.775 * 0.96);
  const now = clock.now();
  const nowIso = now.toISOString();
  const counts = { courses: 0, sessions: 0, attendances: 0 };

  for (const municipality of municipalities) {
    await withTransaction(db, async (transaction) => {
      const municipalityId = municipality.id;
      const [people, systems] = await Promise.all([
        transaction
          .selectFrom('people')
          .select(['id', 'department_id'])
          .where('municipality_id', '=', municipalityId)
          .where('employment_status', '=', 'active')
          // One order on both databases, so a seed gives the same records.
          .orderBy('id')
          .execute(),
        transaction.selectFrom('systems').select('id').where('municipality_id', '=', municipalityId).orderBy('sort_key').limit(4).execute(),
      ]);
      if (people.length === 0) return;
      const plans = [
        {
          title: 'IT-säkerhet och grundläggande nätverkskunskap',
          topic: 'it_security_and_networks',
          recurrence: 24,
          systemId: null,
          picks: picksPerPerson.security,
        },
        {
          title: 'Dataskydd och offentlighet',
          topic: 'data_protection_and_public_access',
          recurrence: 36,
          systemId: null,
          picks: picksPerPerson.privacy,
        },
        ...systems.map((system, index) => ({
          title: `Systemutbildning ${index + 1}`,
          topic: 'system',
          recurrence: null,
          systemId: system.id,
          picks: picksPerPerson.system / Math.max(1, systems.length),
        })),
      ];
      // Uneven uptake: each department attends at its own rate, from 55 % to 100 %.
      const uptake = new Map<string | null, number>();
      for (const person of people) if (!uptake.has(person.department_id)) uptake.set(person.department_id, 0.55 + random.next() * 0.45);

      for (const plan of plans) {
        const courseId = randomUUID();
        await coursesRepository.insert(
          transaction,
          {
            id: courseId,
            municipality_id: municipalityId,
            title: plan.title,
            sort_key: swedishSortKey(plan.title),
            topic: plan.topic,
            responsible_role: plan.topic === 'it_security_and_networks' ? 'it_unit' : plan.topic === 'system' ? null : 'secretariat',
            responsible_department_id: null,
            system_id: plan.systemId,
            recurrence_months: plan.recurrence,
            mandatory: plan.topic === 'system' ? 0 : 1,
            description: null,
            created_at: nowIso,
            updated_at: nowIso,
            version: 1,
          },
          [],
        );
        counts.courses += 1;
        const picks = plan.picks * scale;
        const sessionCount = Math.max(1, Math.ceil((people.length * picks) / (sessionCapacity * 0.85)));
        // Spread over six years, the last few ahead of today.
        const sessions = Array.from({ length: sessionCount }, (_, index) => {
          const daysAgo = Math.round(historyDays * (1 - index / sessionCount)) - 30;
          const day = swedishToday(new Date(now.getTime() - daysAgo * 86_400_000));
          return { id: randomUUID(), day, ahead: daysAgo < 0, rows: 0 };
        });
        const rows: TrainingAttendancesTable[] = [];
        for (const person of people) {
          const rate = uptake.get(person.department_id)!;
          // Whole picks, and the fraction by chance, each at a different session of the course.
          const wanted = Math.floor(picks) + (random.chance(picks - Math.floor(picks)) ? 1 : 0);
          const taken = new Set<number>();
          for (let pick = 0; pick < wanted && taken.size < sessions.length; pick += 1) {
            if (!random.chance(rate)) continue;
            let index = random.integer(0, sessions.length - 1);
            while (taken.has(index)) index = (index + 1) % sessions.length;
            taken.add(index);
            const session = sessions[index]!;
            session.rows += 1;
            rows.push({
              id: randomUUID(),
              municipality_id: municipalityId,
              session_id: session.id,
              course_id: courseId,
              topic: plan.topic,
              person_id: person.id,
              session_date: session.day,
              status: session.ahead ? 'registered' : random.chance(0.92) ? 'attended' : 'absent',
              recorded_at: session.ahead ? null : `${session.day}T15:00:00.000Z`,
              recorded_by_person_id: null,
              recorded_by_name: session.ahead ? null : 'system: generate',
              created_at: nowIso,
              updated_at: nowIso,
              version: 1,
            });
          }
        }
        const sessionRows: TrainingSessionsTable[] = sessions.map((session) => ({
          id: session.id,
          municipality_id: municipalityId,
          course_id: courseId,
          starts_at: `${session.day}T07:00:00.000Z`,
          ends_at: `${session.day}T10:00:00.000Z`,
          place: 'Kommunhuset',
          trainer_person_id: null,
          system_id: plan.systemId,
          capacity: Math.max(sessionCapacity, session.rows),
          registered_count: session.rows,
          notes: null,
          created_at: nowIso,
          updated_at: nowIso,
          version: 1,
        }));
        await trainingSessionsRepository.insertMany(transaction, sessionRows);
        await attendancesRepository.insertMany(transaction, rows);
        counts.sessions += sessionRows.length;
        counts.attendances += rows.length;
      }
      await recordAudit(transaction, systemActor('generate', municipalityId), clock, {
        action: 'generate',
        entityType: 'training_workload',
        entityId: municipalityId,
        after: { people: people.length, courses: plans.length },
      });
    });
  }
  return { ...counts, generatedNow: true, seconds: (performance.now() - started) / 1000 };
}

async function countTraining(db: DatabaseHandle) {
  const count = async (table: 'training_courses' | 'training_sessions' | 'training_attendances') =>
    Number(
      (
        await db
          .selectFrom(table)
          .select((eb) => eb.fn.countAll<number>().as('n'))
          .executeTakeFirstOrThrow()
      ).n,
    );
  return {
    courses: await count('training_courses'),
    sessions: await count('training_sessions'),
    attendances: await count('training_attendances'),
  };
}
