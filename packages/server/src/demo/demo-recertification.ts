import type { AnyActor } from '../access/actor.ts';
import { recordAudit } from '../platform/audit.ts';
import { swedishToday } from '../platform/calendar.ts';
import type { Clock } from '../platform/clock.ts';
import type { TransactionHandle } from '../platform/database.ts';
import type { AccessLevelsTable, AccessRightsTable, RecertificationItemsTable } from '../platform/schema/access-rights.ts';
import { swedishSortKey } from '../platform/text.ts';
import { timeOrderedIds } from '../platform/time-ordered-ids.ts';
import { insertInChunks } from './demo-access-rights.ts';
import type { Random } from './random.ts';

const dayBefore = (today: string, days: number) => {
  const date = new Date(`${today}T00:00:00Z`);
  date.setUTCDate(date.getUTCDate() - days);
  return date.toISOString().slice(0, 10);
};

/** Business roles bundling levels of the systems every such employee uses (by system name in the demo register). */
const templates = [
  {
    name: 'Undersköterska, hemtjänst',
    description: 'Det en ny undersköterska i hemtjänsten behöver första dagen',
    levels: [
      ['Procapita Vård och omsorg', 'Handläggare'],
      ['Schemaläggning Time Care Planering', 'Läsare'],
      ['Microsoft 365', 'Handläggare'],
    ],
  },
  {
    name: 'Socialsekreterare',
    description: 'Handläggning inom individ- och familjeomsorgen',
    levels: [
      ['Lifecare Individ- och familjeomsorg', 'Handläggare'],
      ['Microsoft 365', 'Handläggare'],
      ['Public 360', 'Läsare'],
    ],
  },
  {
    name: 'Lärare, grundskola',
    description: 'Lärplattform, frånvaro och e-post',
    levels: [
      ['Microsoft 365', 'Handläggare'],
      ['Procapita Utbildning', 'Läsare'],
      ['Frånvarohantering Skola', 'Handläggare'],
    ],
  },
] as const;

interface DemoAccess {
  system: { id: string; name: string; manager: { id: string; name: string } | null };
  levels: readonly AccessLevelsTable[];
  rights: AccessRightsTable[];
}

/**
 * A recertification campaign half done, on the system where the new employees wait (its manager
 * has kept most of the rights decided so far and ended a few), and the role templates a
 * department head applies to new employees. Written after the rights, set-based.
 */
export async function loadDemoRecertification(
  transaction: TransactionHandle,
  actor: AnyActor,
  clock: Clock,
  random: Random,
  municipalityId: string,
  access: DemoAccess,
): Promise<void> {
  const now = clock.now();
  const nowIso = now.toISOString();
  const today = swedishToday(now);
  const nextId = timeOrderedIds(now.getTime() + 1);
  const { system } = access;
  const manager = system.manager ?? { id: null, name: 'IT-enheten' };
  const campaignId = nextId();
  const startedOn = dayBefore(today, 12);
  await transaction
    .insertInto('recertification_campaigns')
    .values({
      id: campaignId,
      municipality_id: municipalityId,
      title: `Omprövning ${today.slice(0, 4)}: ${system.name}`,
      scope: 'system',
      system_id: system.id,
      department_id: null,
      due_date: dayBefore(today, -18),
      started_at: `${startedOn}T08:30:00.000Z`,
      started_by_person_id: manager.id,
      started_by_name: manager.name,
      created_at: `${startedOn}T08:30:00.000Z`,
      updated_at: nowIso,
      version: 1,
    })
    .execute();
  const inScope = access.rights.filter((right) => right.system_id === system.id && right.state === 'active');
  const items: RecertificationItemsTable[] = [];
  let kept = 0;
  let ended = 0;
  for (const [index, right] of inScope.entries()) {
    // The first half of the list is decided: the manager worked through it from the top.
    const decided = index < inScope.length / 2;
    const decision = decided ? (random.chance(0.9) ? 'keep' : 'end') : null;
    const decidedOn = dayBefore(today, random.integer(1, 11));
    items.push({
      municipality_id: municipalityId,
      campaign_id: campaignId,
      right_id: right.id,
      system_id: system.id,
      person_id: right.person_id,
      decision,
      decided_at: decision ? `${decidedOn}T13:00:00.000Z` : null,
      decided_by_person_id: decision ? manager.id : null,
      decided_by_name: decision ? manager.name : null,
      note: decision === 'end' ? 'Behövs inte längre i tjänsten' : null,
    });
    if (decision === 'keep') {
      kept += 1;
      right.last_recertified_on = decidedOn;
    } else if (decision === 'end') {
      ended += 1;
      Object.assign(right, {
        state: 'ended',
        end_date: decidedOn,
        ended_at: `${decidedOn}T13:00:00.000Z`,
        ended_by_person_id: manager.id,
        ended_by_name: manager.name,
        end_reason: 'recertification',
      });
    }
  }
  await insertInChunks(items, (chunk) => transaction.insertInto('recertification_items').values(chunk).execute());
  // The decisions changed the rights already written: the kept ones are recertified, the others ended.
  for (const right of inScope.filter((candidate) => candidate.last_recertified_on !== null || candidate.state === 'ended')) {
    await transaction
      .updateTable('access_rights')
      .set({
        state: right.state,
        last_recertified_on: right.last_recertified_on,
        end_date: right.end_date,
        ended_at: right.ended_at,
        ended_by_person_id: right.ended_by_person_id,
        ended_by_name: right.ended_by_name,
        end_reason: right.end_reason,
      })
      .where('id', '=', right.id)
      .execute();
  }
  await recordAudit(transaction, actor, clock, {
    action: 'create',
    entityType: 'recertification',
    entityId: campaignId,
    after: { systemId: system.id, items: items.length, kept, ended, source: 'demo' },
    municipalityId,
  });

  const systems = await transaction.selectFrom('systems').select(['id', 'name']).where('municipality_id', '=', municipalityId).execute();
  for (const template of templates) {
    const levelIds = template.levels.flatMap(([systemName, levelName]) => {
      const found = systems.find((candidate) => candidate.name === systemName);
      const level = found && access.levels.find((candidate) => candidate.system_id === found.id && candidate.name === levelName);
      return level ? [level.id] : [];
    });
    if (levelIds.length === 0) continue;
    const id = nextId();
    await transaction
      .insertInto('role_templates')
      .values({
        id,
        municipality_id: municipalityId,
        name: template.name,
        sort_key: swedishSortKey(template.name),
        description: template.description,
        department_id: null,
        created_at: nowIso,
        updated_at: nowIso,
        version: 1,
      })
      .execute();
    await transaction
      .insertInto('role_template_levels')
      .values(levelIds.map((levelId) => ({ municipality_id: municipalityId, template_id: id, level_id: levelId })))
      .execute();
    await recordAudit(transaction, actor, clock, {
      action: 'create',
      entityType: 'role_template',
      entityId: id,
      after: { name: template.name, levelIds },
      municipalityId,
    });
  }
}
