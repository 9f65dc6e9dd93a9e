import type { ChangeNoticeDetail, ResponsibilityChange } from '@forvalta/contracts';
import { inParallel, type Executor } from '../../platform/database.ts';
import { parseJson } from '../../platform/json.ts';
import { swedishToday } from '../../platform/calendar.ts';
import { currentAssignment } from '../systems/index.ts';

type Holder = ResponsibilityChange['before'][number];

/** The outbox payload written by modules/systems when an owner, manager or deputy changes. */
interface ChangePayload {
  systemId?: string;
  change?: string;
  personId?: string;
  fromDepartmentId?: string;
  toDepartmentId?: string;
  startDate?: string;
  endDate?: string | null;
}

function shiftDays(date: string, days: number): string {
  const day = new Date(`${date}T00:00:00Z`);
  day.setUTCDate(day.getUTCDate() + days);
  return day.toISOString().slice(0, 10);
}

/** The people holding a role of a system on one day, from the assignment history. */
async function holdersOn(
  db: Executor,
  municipalityId: string,
  systemId: string,
  role: 'manager' | 'deputy',
  day: string,
): Promise<Holder[]> {
  const rows = await db
    .selectFrom('system_assignments')
    .innerJoin('people', 'people.id', 'system_assignments.person_id')
    .select(['people.id', 'people.first_name', 'people.last_name'])
    .where('system_assignments.municipality_id', '=', municipalityId)
    .where('system_assignments.system_id', '=', systemId)
    .where('system_assignments.role', '=', role)
    .where(currentAssignment('system_assignments', day))
    .orderBy('people.sort_key')
    .execute();
  return rows.map((row) => ({ personId: row.id, departmentId: null, name: `${row.first_name} ${row.last_name}` }));
}

async function personHolder(db: Executor, municipalityId: string, personId: string | undefined): Promise<Holder[]> {
  if (!personId) return [];
  const person = await db
    .selectFrom('people')
    .select(['first_name', 'last_name'])
    .where('municipality_id', '=', municipalityId)
    .where('id', '=', personId)
    .executeTakeFirst();
  return person ? [{ personId, departmentId: null, name: `${person.first_name} ${person.last_name}` }] : [];
}

async function departmentHolder(db: Executor, municipalityId: string, departmentId: string | undefined): Promise<Holder[]> {
  if (!departmentId) return [];
  const department = await db
    .selectFrom('departments')
    .select('name')
    .where('municipality_id', '=', municipalityId)
    .where('id', '=', departmentId)
    .executeTakeFirst();
  return [{ personId: null, departmentId, name: department?.name ?? '–' }];
}

/**
 * Who held the role before an automatic notice's change and who holds it after, read from the
 * event that raised the notice and the assignment history (dated, so the answer does not drift
 * when the notice is read long after). Null for a manual notice (it has no source event).
 */
async function responsibilityChangeOf(db: Executor, municipalityId: string, noticeId: string): Promise<ResponsibilityChange | null> {
  const event = await db
    .selectFrom('change_notices')
    .innerJoin('domain_events', 'domain_events.id', 'change_notices.source_event_id')
    .select(['domain_events.payload_json', 'domain_events.occurred_at'])
    .where('change_notices.municipality_id', '=', municipalityId)
    .where('change_notices.id', '=', noticeId)
    .where('domain_events.municipality_id', '=', municipalityId)
    .executeTakeFirst();
  if (!event) return null;
  const payload = parseJson<ChangePayload>(event.payload_json, {});
  const { systemId, change } = payload;
  if (!systemId || !change) return null;
  if (change === 'owner') {
    const [before, after] = await inParallel(
      db,
      () => departmentHolder(db, municipalityId, payload.fromDepartmentId),
      () => departmentHolder(db, municipalityId, payload.toDepartmentId),
    );
    return { role: 'owner', change: 'transferred', effectiveOn: swedishToday(new Date(event.occurred_at)), before, after };
  }
  const role = change.startsWith('manager') ? 'manager' : change.startsWith('deputy') ? 'deputy' : null;
  if (!role) return null;
  if (change === role) {
    const effectiveOn = payload.startDate ?? swedishToday(new Date(event.occurred_at));
    const [before, after] = await inParallel(
      db,
      () => holdersOn(db, municipalityId, systemId, role, shiftDays(effectiveOn, -1)),
      () => holdersOn(db, municipalityId, systemId, role, effectiveOn),
    );
    return { role, change: 'appointed', effectiveOn, before, after };
  }
  // An assignment ended: its last day is endDate, the new state starts the day after.
  // An end date taken back again: the person simply stays on.
  if (!payload.endDate)
    return { role, change: 'appointed', effectiveOn: null, before: [], after: await personHolder(db, municipalityId, payload.personId) };
  const effectiveOn = shiftDays(payload.endDate, 1);
  const [before, after] = await inParallel(
    db,
    () => holdersOn(db, municipalityId, systemId, role, payload.endDate!),
    () => holdersOn(db, municipalityId, systemId, role, effectiveOn),
  );
  return { role, change: 'ended', effectiveOn, before, after };
}

/**
 * The adjacent systems' managers a notice went to, by name, each with the systems adjacent to the
 * notice's that they manage today (a recipient who has since stepped down shows none).
 */
async function recipientsOf(
  db: Executor,
  municipalityId: string,
  personIds: string[],
  noticeSystemIds: string[],
  today: string,
): Promise<ChangeNoticeDetail['recipients']> {
  if (personIds.length === 0) return [];
  const people = await db
    .selectFrom('people')
    .select(['id', 'first_name', 'last_name', 'email'])
    .where('municipality_id', '=', municipalityId)
    .where('id', 'in', personIds)
    .orderBy('sort_key')
    .execute();
  const managed = new Map<string, Array<{ id: string; name: string }>>();
  if (noticeSystemIds.length > 0) {
    const links = await db
      .selectFrom('integrations')
      .select(['provider_system_id', 'consumer_system_id'])
      .where('municipality_id', '=', municipalityId)
      .where((eb) => eb.or([eb('provider_system_id', 'in', noticeSystemIds), eb('consumer_system_id', 'in', noticeSystemIds)]))
      .execute();
    const own = new Set(noticeSystemIds);
    const adjacent = [...new Set(links.flatMap((link) => [link.provider_system_id, link.consumer_system_id]).filter((id) => !own.has(id)))];
    if (adjacent.length > 0) {
      const rows = await db
        .selectFrom('system_assignments')
        .innerJoin('systems', 'systems.id', 'system_assignments.system_id')
        .select(['system_assignments.person_id', 'systems.id', 'systems.name'])
        .where('system_assignments.municipality_id', '=', municipalityId)
        .where('system_assignments.role', '=', 'manager')
        .where('system_assignments.system_id', 'in', adjacent)
        .where('system_assignments.person_id', 'in', personIds)
        .where(currentAssignment('system_assignments', today))
        .orderBy('systems.sort_key')
        .execute();
      for (const row of rows) managed.set(row.person_id, [...(managed.get(row.person_id) ?? []), { id: row.id, name: row.name }]);
    }
  }
  return people.map((person) => ({
    personId: person.id,
    name: `${person.first_name} ${person.last_name}`,
    email: person.email,
    systems: managed.get(person.id) ?? [],
  }));
}

/** What the full view of one notice adds to the record: its recipients by name, and for an automatic one the change it reports. */
export const changeNoticeDetailsRepository = { responsibilityChangeOf, recipientsOf };
