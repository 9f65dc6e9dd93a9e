import type { AnyActor } from '../access/actor.ts';
import { recordAudit } from '../platform/audit.ts';
import { swedishToday } from '../platform/calendar.ts';
import type { Clock } from '../platform/clock.ts';
import type { TransactionHandle } from '../platform/database.ts';
import type { AccessLevelsTable, AccessRightsTable } from '../platform/schema/access-rights.ts';
import { swedishSortKey } from '../platform/text.ts';
import { timeOrderedIds } from '../platform/time-ordered-ids.ts';
import { loadDemoRecertification } from './demo-recertification.ts';
import type { DemoPerson } from './demo-register.ts';
import type { Random } from './random.ts';

/** Rows per insert statement: 30 columns × 500 stays far below either database's parameter limit. */
const chunkSize = 500;

export async function insertInChunks<Row>(rows: readonly Row[], insert: (chunk: Row[]) => Promise<unknown>) {
  for (let start = 0; start < rows.length; start += chunkSize) await insert(rows.slice(start, start + chunkSize));
}

const dayBefore = (today: string, days: number) => {
  const date = new Date(`${today}T00:00:00Z`);
  date.setUTCDate(date.getUTCDate() - days);
  return date.toISOString().slice(0, 10);
};
const at = (date: string, hour = 8) => `${date}T${String(hour).padStart(2, '0')}:00:00.000Z`;

/** The levels a system knows: every one has readers and case workers, and an administrator level (privileged). */
const levelNames = [
  { name: 'Läsare', description: 'Läser uppgifter i systemet', privileged: false, weight: 50 },
  { name: 'Handläggare', description: 'Registrerar och ändrar uppgifter', privileged: false, weight: 46 },
  { name: 'Administratör', description: 'Hanterar behörigheter och inställningar', privileged: true, weight: 4 },
] as const;

interface DemoSystem {
  id: string;
  name: string;
  kind: string;
  lifecycle: string;
  ownerDepartmentId: string | null;
  departmentIds: Set<string>;
  manager: { id: string; name: string } | null;
}

/**
 * The demo's access rights (issue #14), about 30,000: each active employee holds levels in many of
 * the shared systems and in their department's own, with the history of rights ended over the
 * years (level changes, leavers, recertifications). Three systems were recently imported from
 * their own user lists, so the people among their users who never acknowledged the IT policy and
 * guidelines show under ITP-3-INFORM-NEW; most systems were recertified within the year, a few
 * not; two leavers still hold rights (flagged, past their grace); three new employees wait with a
 * pending right for their acknowledgement; two rights are the manager's exceptions. Written with
 * set-based inserts, one audit event per system's set of rights (as the flagging of leavers does).
 */
export async function loadDemoAccessRights(
  transaction: TransactionHandle,
  actor: AnyActor,
  clock: Clock,
  random: Random,
  municipalityId: string,
  people: readonly DemoPerson[],
): Promise<number> {
  const now = clock.now();
  const nowIso = now.toISOString();
  const today = swedishToday(now);
  const nextId = timeOrderedIds(now.getTime());

  const [systemRows, usingRows, departmentRows, managerRows, personRows, informedRows] = await Promise.all([
    transaction
      .selectFrom('systems')
      .select(['id', 'name', 'kind', 'lifecycle', 'owner_department_id'])
      .where('municipality_id', '=', municipalityId)
      .orderBy('name')
      .execute(),
    transaction
      .selectFrom('system_using_departments')
      .select(['system_id', 'department_id'])
      .where('municipality_id', '=', municipalityId)
      .execute(),
    transaction.selectFrom('departments').select(['id', 'parent_id']).where('municipality_id', '=', municipalityId).execute(),
    transaction
      .selectFrom('system_assignments')
      .innerJoin('people', 'people.id', 'system_assignments.person_id')
      .select(['system_assignments.system_id', 'people.id', 'people.first_name', 'people.last_name'])
      .where('system_assignments.municipality_id', '=', municipalityId)
      .where('system_assignments.role', '=', 'manager')
      .where('system_assignments.end_date', 'is', null)
      .where('people.employment_status', '=', 'active')
      .execute(),
    transaction
      .selectFrom('people')
      .select(['id', 'department_id', 'start_date', 'end_date'])
      .where('municipality_id', '=', municipalityId)
      .execute(),
    // Who holds an acknowledgement of the versions in force of both the IT policy and the guidelines.
    transaction
      .selectFrom('acknowledgements')
      .innerJoin('policy_documents', 'policy_documents.current_version_id', 'acknowledgements.version_id')
      .select(['acknowledgements.person_id'])
      .select((eb) => eb.fn.count('policy_documents.id').as('documents'))
      .where('acknowledgements.municipality_id', '=', municipalityId)
      .where('acknowledgements.state', '=', 'acknowledged')
      .where('policy_documents.kind', 'in', ['it_policy', 'security_guidelines'])
      .groupBy('acknowledgements.person_id')
      .execute(),
  ]);
  const informed = new Set(informedRows.filter((row) => Number(row.documents) >= 2).map((row) => row.person_id));
  const parentOf = new Map(departmentRows.map((row) => [row.id, row.parent_id]));
  const withParents = (departmentId: string | null) => {
    const chain: string[] = [];
    for (let id = departmentId; id; id = parentOf.get(id) ?? null) chain.push(id);
    return chain;
  };
  const personFacts = new Map(personRows.map((row) => [row.id, row]));
  const systems: DemoSystem[] = systemRows
    .filter((row) => row.lifecycle !== 'planned')
    .map((row) => {
      const manager = managerRows.find((entry) => entry.system_id === row.id);
      return {
        id: row.id,
        name: row.name,
        kind: row.kind,
        lifecycle: row.lifecycle,
        ownerDepartmentId: row.owner_department_id,
        departmentIds: new Set(
          [row.owner_department_id, ...usingRows.filter((entry) => entry.system_id === row.id).map((entry) => entry.department_id)].filter(
            (id): id is string => id !== null,
          ),
        ),
        manager: manager ? { id: manager.id, name: `${manager.first_name} ${manager.last_name}` } : null,
      };
    });

  const levels: AccessLevelsTable[] = [];
  const levelsOf = new Map<string, AccessLevelsTable[]>();
  for (const system of systems) {
    const own = levelNames.map((level) => ({
      id: nextId(),
      municipality_id: municipalityId,
      system_id: system.id,
      name: level.name,
      sort_key: swedishSortKey(level.name),
      description: level.description,
      privileged: level.privileged ? 1 : 0,
      created_at: nowIso,
      updated_at: nowIso,
      version: 1,
    }));
    levels.push(...own);
    levelsOf.set(system.id, own);
  }
  await insertInChunks(levels, (chunk) => transaction.insertInto('access_levels').values(chunk).execute());

  const active = people.filter((person) => person.active);
  const leavers = people.filter((person) => !person.active);
  // New employees waiting for their acknowledgement, and two let in by the manager's exception: no other rights.
  const uninformed = active.filter((person) => !informed.has(person.id));
  const waiting = uninformed.slice(0, 3);
  const excepted = uninformed.slice(3, 5);
  const reserved = new Set([...waiting, ...excepted].map((person) => person.id));
  const leaversWithRights = leavers.slice(0, 2);
  const running = systems.filter((system) => system.lifecycle !== 'retired');
  const imported = new Set(
    running
      .filter((system) => system.kind === 'shared')
      .slice(-3)
      .map((system) => system.id),
  );
  const importedOn = dayBefore(today, 40);
  // Each system's last recertification: most within the half year privileged levels allow, one in six long ago.
  const recertifiedOn = new Map(
    running.map((system) => [
      system.id,
      random.chance(0.83) ? dayBefore(today, random.integer(20, 170)) : dayBefore(today, random.integer(400, 560)),
    ]),
  );

  const rights: AccessRightsTable[] = [];
  const firstRightOf = new Set<string>();
  const right = (
    person: DemoPerson,
    system: DemoSystem,
    level: AccessLevelsTable,
    values: Partial<AccessRightsTable>,
  ): AccessRightsTable => {
    const facts = personFacts.get(person.id);
    const earliest = facts?.start_date && facts.start_date > '2012-01-01' ? facts.start_date : '2012-01-01';
    const span = Math.max(1, Math.round((Date.parse(today) - Date.parse(earliest)) / 86_400_000) - 30);
    const startDate = dayBefore(today, random.integer(30, span));
    const first = !firstRightOf.has(person.id);
    firstRightOf.add(person.id);
    const grantedBy = system.manager ?? { id: null, name: 'IT-enheten' };
    return {
      id: nextId(),
      municipality_id: municipalityId,
      person_id: person.id,
      system_id: system.id,
      level_id: level.id,
      state: 'active',
      source: 'granted',
      start_date: startDate,
      end_date: null,
      reason: null,
      case_reference: null,
      granted_at: at(startDate),
      granted_by_person_id: grantedBy.id,
      granted_by_name: grantedBy.name,
      activated_at: at(startDate),
      activation: first && informed.has(person.id) ? 'acknowledged' : 'not_gated',
      exception_reason: null,
      exception_by_person_id: null,
      exception_by_name: null,
      flagged_for_removal: 0,
      flagged_at: null,
      ended_at: null,
      ended_by_person_id: null,
      ended_by_name: null,
      end_reason: null,
      end_note: null,
      last_recertified_on: null,
      created_at: nowIso,
      updated_at: nowIso,
      version: 1,
      ...values,
    };
  };
  const pickLevel = (system: DemoSystem) => {
    const own = levelsOf.get(system.id)!;
    let draw = random.integer(1, 100);
    for (const [index, level] of levelNames.entries()) {
      draw -= level.weight;
      if (draw <= 0) return own[index]!;
    }
    return own[0]!;
  };

  for (const person of active) {
    if (reserved.has(person.id)) continue;
    const departments = withParents(personFacts.get(person.id)?.department_id ?? null);
    for (const system of running) {
      const ownDepartment = departments.some((id) => system.departmentIds.has(id));
      if (!random.chance(ownDepartment ? 0.9 : system.kind === 'shared' ? 0.62 : 0.02)) continue;
      const level = pickLevel(system);
      const held = right(person, system, level, {});
      if (imported.has(system.id)) {
        Object.assign(held, {
          source: 'imported_system',
          activation: 'imported',
          granted_at: at(importedOn, 9),
          activated_at: at(importedOn, 9),
          granted_by_name: 'Import från systemets användarlista',
        });
      }
      const recertified = recertifiedOn.get(system.id)!;
      if (held.start_date < recertified) held.last_recertified_on = recertified;
      rights.push(held);
      // The history: earlier levels in the same system, each ended when the next was granted.
      for (let earlierCount = random.chance(0.12) ? 2 : 1; earlierCount > 0; earlierCount -= 1) {
        const earlier = levelsOf.get(system.id)!.find((candidate) => candidate.id !== level.id)!;
        const ended = right(person, system, earlier, { state: 'ended', end_reason: 'ended', end_note: 'Ny behörighetsnivå' });
        const startDate = dayBefore(held.start_date, random.integer(90, 1500));
        Object.assign(ended, {
          start_date: startDate,
          granted_at: at(startDate),
          activated_at: at(startDate),
          end_date: held.start_date,
          ended_at: at(held.start_date, 10),
          ended_by_name: held.granted_by_name,
        });
        rights.push(ended);
      }
    }
  }
  // People who left: their rights ended on their last day, except the two leavers whose rights are still there.
  for (const person of leavers) {
    const lastDay = personFacts.get(person.id)?.end_date ?? dayBefore(today, 60);
    const keep = leaversWithRights.includes(person);
    // The two whose rights were missed keep them in a few systems only: a realistic slip, not a flood.
    for (const system of keep ? running.filter((candidate) => candidate.kind === 'shared').slice(0, 3) : running) {
      if (!keep && !random.chance(system.kind === 'shared' ? 0.6 : 0.05)) continue;
      const held = right(person, system, pickLevel(system), {});
      if (held.start_date >= lastDay) continue;
      const recertified = recertifiedOn.get(system.id)!;
      if (held.start_date < recertified) held.last_recertified_on = recertified;
      if (keep) Object.assign(held, { flagged_for_removal: 1, flagged_at: at(lastDay, 6) });
      else
        Object.assign(held, {
          state: 'ended',
          end_date: lastDay,
          ended_at: at(lastDay, 15),
          end_reason: 'person_left',
          ended_by_name: held.granted_by_name,
        });
      rights.push(held);
    }
  }
  // Retired systems: every right ended when the system was switched off.
  for (const system of systems.filter((candidate) => candidate.lifecycle === 'retired')) {
    for (const person of active) {
      if (!random.chance(0.5)) continue;
      const ended = right(person, system, pickLevel(system), { state: 'ended', end_reason: 'ended', end_note: 'Systemet avvecklat' });
      const endDate = dayBefore(today, random.integer(1, 25));
      if (ended.start_date >= endDate) continue;
      Object.assign(ended, { end_date: endDate, ended_at: at(endDate, 10), ended_by_name: ended.granted_by_name });
      rights.push(ended);
    }
  }
  // The new employees wait, and the campaign runs, on the busiest department system with a manager.
  const activeCount = new Map<string, number>();
  for (const held of rights) if (held.state === 'active') activeCount.set(held.system_id, (activeCount.get(held.system_id) ?? 0) + 1);
  const candidates = running.filter((system) => system.manager !== null && !imported.has(system.id) && system.kind === 'department');
  const byCount = (one: DemoSystem, other: DemoSystem) => (activeCount.get(other.id) ?? 0) - (activeCount.get(one.id) ?? 0);
  const journalSystem = candidates.sort(byCount)[0] ?? running[0]!;
  for (const [index, person] of waiting.entries()) {
    const grantedOn = dayBefore(today, index + 2);
    rights.push(
      right(person, journalSystem, levelsOf.get(journalSystem.id)![0]!, {
        state: 'pending_acknowledgement',
        start_date: grantedOn,
        granted_at: at(grantedOn, 10),
        activated_at: null,
        activation: null,
        reason: 'Nyanställd',
      }),
    );
  }
  for (const person of excepted) {
    const grantedOn = dayBefore(today, 12);
    rights.push(
      right(person, journalSystem, levelsOf.get(journalSystem.id)![1]!, {
        start_date: grantedOn,
        granted_at: at(grantedOn, 10),
        activated_at: at(grantedOn, 14),
        activation: 'exception',
        exception_reason: 'Vikarie som börjar i dag; genomgång av IT-policyn bokad nästa vecka',
        exception_by_person_id: journalSystem.manager?.id ?? null,
        exception_by_name: journalSystem.manager?.name ?? 'IT-enheten',
      }),
    );
  }

  await insertInChunks(rights, (chunk) => transaction.insertInto('access_rights').values(chunk).execute());
  for (const system of systems) {
    const count = rights.filter((held) => held.system_id === system.id).length;
    if (count === 0) continue;
    await recordAudit(transaction, actor, clock, {
      action: 'import',
      entityType: 'access_right',
      entityId: null,
      after: {
        source: 'demo',
        systemId: system.id,
        systemName: system.name,
        count,
        levels: levelsOf.get(system.id)!.map((level) => level.name),
      },
      municipalityId,
    });
  }
  await loadDemoRecertification(transaction, actor, clock, random, municipalityId, { system: journalSystem, levels, rights });
  return rights.length;
}
