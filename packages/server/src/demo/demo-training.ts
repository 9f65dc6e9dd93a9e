import { randomUUID } from 'node:crypto';
import type { AnyActor } from '../access/actor.ts';
import { recordAudit } from '../platform/audit.ts';
import { swedishMidnight, swedishToday } from '../platform/calendar.ts';
import type { Clock } from '../platform/clock.ts';
import type { TransactionHandle } from '../platform/database.ts';
import { swedishSortKey } from '../platform/text.ts';
import { attendancesRepository, coursesRepository, trainingSessionsRepository } from '../modules/training/bulk.ts';
import type { DemoPerson } from './demo-register.ts';
import type { Random } from './random.ts';

/**
 * How likely a department's staff are to have attended IT-security training in the last two
 * years: uneven, as in a real municipality (the IT unit and the offices near it high, the care
 * and school units with shift work low), so the share-trained chart and the rule have something to show.
 */
const securityUptake: Record<string, number> = {
  it: 0.95,
  kansli: 0.85,
  ekonomi: 0.8,
  personal: 0.75,
  ks: 0.7,
  sbf: 0.65,
  bygg: 0.6,
  teknik: 0.5,
  bou: 0.6,
  gymnasium: 0.5,
  grundskola: 0.4,
  forskola: 0.3,
  omsorg: 0.55,
  ifo: 0.6,
  funktionsstod: 0.35,
  aldreomsorg: 0.25,
  kultur: 0.5,
  bibliotek: 0.55,
  raddning: 0.45,
};

interface CoursePlan {
  title: string;
  topic: 'it_security_and_networks' | 'data_protection_and_public_access' | 'system';
  responsibleRole: 'it_unit' | 'secretariat' | null;
  systemName?: string;
  recurrenceMonths: number | null;
  audience: string[];
  description: string;
  /** Days before today of the sessions held, and days ahead of those planned (negative). */
  sessionDays: number[];
  place: string;
  trainerName: string;
  /** Who is asked: the departments whose staff attend, and how likely each of them attended. */
  uptake: (departmentKey: string) => number;
  /** Whether everyone in its audience must attend (the administrators' course is for those who run the system). */
  mandatory?: false;
  /** Demo logins placed on purpose (days before today of their session): the journeys rely on them. */
  placed?: Record<string, number>;
}

const coursePlans: CoursePlan[] = [
  {
    title: 'IT-säkerhet och grundläggande nätverkskunskap',
    topic: 'it_security_and_networks',
    responsibleRole: 'it_unit',
    recurrenceMonths: 24,
    audience: [],
    description:
      'Lösenord och tvåstegsverifiering, nätfiske, säker hantering av information, hur kommunens nät hänger ihop och vart man vänder sig vid en incident.',
    sessionDays: [700, 610, 520, 430, 340, 250, 160, 70, 0, -21, -49],
    place: 'Kommunhuset, sal Tanumshede',
    trainerName: 'Petra Lind',
    uptake: (key) => securityUptake[key] ?? 0.5,
    // The auditor is trained (their to-do list stays empty); the employee is registered for today's session.
    placed: { 'Rolf Hedlund': 160, 'Emma Wallin': 0 },
  },
  {
    title: 'Dataskydd och offentlighet',
    topic: 'data_protection_and_public_access',
    responsibleRole: 'secretariat',
    recurrenceMonths: 36,
    audience: [],
    description: 'Dataskyddsförordningen, offentlighetsprincipen och sekretess, diarieföring av inkommande e-post och allmänna handlingar.',
    sessionDays: [650, 480, 300, 120, -35],
    place: 'Kommunhuset, KS-salen',
    trainerName: 'Lisa Norén',
    placed: { 'Rolf Hedlund': 120 },
    uptake: (key) => (['kansli', 'ks', 'personal', 'ifo'].includes(key) ? 0.7 : key === 'it' ? 0.5 : 0.2),
  },
  {
    title: 'Procapita Vård och omsorg – grundkurs',
    topic: 'system',
    responsibleRole: null,
    systemName: 'Procapita Vård och omsorg',
    recurrenceMonths: null,
    audience: ['aldreomsorg'],
    description: 'Dokumentation och verkställighet i Procapita för nya medarbetare inom äldreomsorgen.',
    sessionDays: [540, 360, 180, 40, -14],
    place: 'Äldreomsorgens utbildningslokal, Grebbestad',
    trainerName: 'Emma Wallin',
    uptake: (key) => (key === 'aldreomsorg' ? 0.6 : 0),
  },
  {
    title: 'Procapita för systemförvaltare och IT-enheten',
    topic: 'system',
    responsibleRole: null,
    systemName: 'Procapita Vård och omsorg',
    recurrenceMonths: null,
    audience: [],
    description: 'Installation, uppdatering och drift: behörigheter, versionsbyten och felsökning (ITP-4.2.1-TRAIN-ADMINS).',
    sessionDays: [400],
    mandatory: false,
    place: 'IT-enheten',
    trainerName: 'Emma Wallin',
    uptake: (key) => (key === 'it' ? 0.5 : 0),
  },
  {
    title: 'Treserva för handläggare',
    topic: 'system',
    responsibleRole: null,
    systemName: 'Treserva Funktionsstöd',
    recurrenceMonths: null,
    audience: ['funktionsstod', 'ifo'],
    description:
      'Utredning, beslut och dokumentation i Treserva för LSS och socialpsykiatri; även för IFO:s handläggare som använder systemet.',
    sessionDays: [450, 200, 60],
    place: 'Omsorgsförvaltningen, sal 1',
    trainerName: 'Emma Wallin',
    uptake: (key) => (key === 'funktionsstod' ? 0.55 : key === 'ifo' ? 0.3 : 0),
  },
];

/**
 * Training of the last two years (issue #13): IT security by the IT unit, data protection and
 * public access by the secretariat, and the care systems' own courses by their departments, each
 * with sessions held (attendance at uneven rates per department), one held today whose attendance
 * is still to be taken, and some ahead with people registered. Written through the repositories.
 */
export async function loadDemoTraining(
  transaction: TransactionHandle,
  actor: AnyActor,
  clock: Clock,
  random: Random,
  municipalityId: string,
  people: DemoPerson[],
): Promise<void> {
  const now = clock.now();
  const nowIso = now.toISOString();
  const systems = await transaction.selectFrom('systems').select(['id', 'name']).where('municipality_id', '=', municipalityId).execute();
  const personDepartments = await transaction
    .selectFrom('people')
    .select(['id', 'department_id'])
    .where('municipality_id', '=', municipalityId)
    .execute();
  const departmentKeyOf = new Map(people.map((person) => [person.id, person.departmentKey]));
  const departmentIdOf = new Map(personDepartments.map((row) => [row.id, row.department_id]));
  const departmentByKey = new Map<string, string>();
  for (const person of people) {
    const id = departmentIdOf.get(person.id);
    if (id) departmentByKey.set(person.departmentKey, id);
  }
  const active = people.filter((person) => person.active);
  const byName = (name: string) => people.find((person) => person.name === name)?.id ?? null;
  // Sessions are held on weekdays: a day that falls on a weekend moves to the Monday after (today's stays).
  const dayOffset = (days: number) => {
    const date = new Date(now.getTime() - days * 86_400_000);
    const weekday = date.getUTCDay();
    const shift = days === 0 ? 0 : weekday === 6 ? 2 : weekday === 0 ? 1 : 0;
    return swedishToday(new Date(date.getTime() + shift * 86_400_000));
  };
  const startOf = (day: string, hour: number) => new Date(swedishMidnight(day).getTime() + hour * 3_600_000).toISOString();

  for (const plan of coursePlans) {
    const systemId = plan.systemName ? (systems.find((system) => system.name === plan.systemName)?.id ?? null) : null;
    if (plan.topic === 'system' && !systemId) continue;
    const courseId = randomUUID();
    const audience = plan.audience.map((key) => departmentByKey.get(key)).filter((id): id is string => Boolean(id));
    await coursesRepository.insert(
      transaction,
      {
        id: courseId,
        municipality_id: municipalityId,
        title: plan.title,
        sort_key: swedishSortKey(plan.title),
        topic: plan.topic,
        responsible_role: plan.responsibleRole,
        responsible_department_id: null,
        system_id: systemId,
        recurrence_months: plan.recurrenceMonths,
        mandatory: plan.mandatory === false ? 0 : 1,
        description: plan.description,
        created_at: nowIso,
        updated_at: nowIso,
        version: 1,
      },
      audience,
    );
    await recordAudit(transaction, actor, clock, {
      action: 'create',
      entityType: 'training_course',
      entityId: courseId,
      after: { title: plan.title },
    });

    // Each person attends at most one session of a course: the held ones by the department's uptake.
    const held = plan.sessionDays.filter((days) => days > 0);
    const attendees = new Map<number, string[]>(plan.sessionDays.map((days) => [days, []]));
    const placed = new Map(Object.entries(plan.placed ?? {}).map(([name, days]) => [byName(name), days]));
    for (const [personId, days] of placed) if (personId) attendees.get(days)?.push(personId);
    for (const person of active) {
      if (placed.has(person.id)) continue;
      const key = departmentKeyOf.get(person.id) ?? '';
      if (held.length > 0 && random.chance(plan.uptake(key))) attendees.get(random.pick(held))!.push(person.id);
      else if (plan.uptake(key) > 0 && random.chance(0.15)) {
        // Some of those not yet trained are registered: most to the session today, the rest to one ahead.
        const ahead = plan.sessionDays.filter((days) => days < 0);
        const chosen =
          plan.sessionDays.includes(0) && (ahead.length === 0 || random.chance(0.6)) ? 0 : ahead.length > 0 ? random.pick(ahead) : null;
        if (chosen !== null) attendees.get(chosen)!.push(person.id);
      }
    }
    for (const days of plan.sessionDays) {
      const sessionId = randomUUID();
      const day = dayOffset(days);
      const registered = attendees.get(days)!;
      await trainingSessionsRepository.insert(
        transaction,
        {
          id: sessionId,
          municipality_id: municipalityId,
          course_id: courseId,
          starts_at: startOf(day, days === 0 ? 13 : 9),
          ends_at: startOf(day, days === 0 ? 16 : 12),
          place: plan.place,
          trainer_person_id: byName(plan.trainerName),
          system_id: systemId,
          capacity: Math.max(25, Math.ceil(registered.length / 5) * 5 + 5),
          registered_count: registered.length,
          notes: null,
          created_at: nowIso,
          updated_at: nowIso,
          version: 1,
        },
        audience,
      );
      const past = days > 0;
      await attendancesRepository.insertMany(
        transaction,
        registered.map((personId) => {
          const status = past ? (placed.has(personId) || random.chance(0.9) ? 'attended' : 'absent') : 'registered';
          return {
            id: randomUUID(),
            municipality_id: municipalityId,
            session_id: sessionId,
            course_id: courseId,
            topic: plan.topic,
            person_id: personId,
            session_date: day,
            status,
            recorded_at: past ? startOf(day, 12) : null,
            recorded_by_person_id: past ? byName(plan.trainerName) : null,
            recorded_by_name: past ? plan.trainerName : null,
            created_at: nowIso,
            updated_at: nowIso,
            version: 1,
          };
        }),
      );
      await recordAudit(transaction, actor, clock, {
        action: 'create',
        entityType: 'training_session',
        entityId: sessionId,
        after: { courseId, day, registered: registered.length },
      });
    }
  }
}
