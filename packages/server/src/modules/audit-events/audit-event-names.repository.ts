import type { AuditEvent } from '@forvalta/contracts';
import type { Executor } from '../../platform/database.ts';

const uuidPattern = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

/** Every id an event's before/after refers to in a field named `…Id` (systemId, personId, ownerDepartmentId…). */
function referencedIds(events: AuditEvent[]): string[] {
  const ids = new Set<string>();
  const visit = (value: unknown) => {
    if (typeof value !== 'object' || value === null || Array.isArray(value)) return;
    for (const [field, fieldValue] of Object.entries(value)) {
      if (/Id$/.test(field) && typeof fieldValue === 'string' && uuidPattern.test(fieldValue)) ids.add(fieldValue);
      if (/Ids$/.test(field) && Array.isArray(fieldValue))
        for (const item of fieldValue) if (typeof item === 'string' && uuidPattern.test(item)) ids.add(item);
    }
  };
  for (const event of events) {
    visit(event.before);
    visit(event.after);
  }
  return [...ids];
}

/**
 * The names of the systems, people and departments a page of audit events refers to, so a
 * reader sees "Procapita" rather than an id. Only this municipality's records are named; an id
 * of a deleted record stays an id. Three queries per page whatever its size.
 */
export async function namesReferencedBy(db: Executor, municipalityId: string, events: AuditEvent[]): Promise<Record<string, string>> {
  const ids = referencedIds(events);
  if (ids.length === 0) return {};
  const names: Record<string, string> = {};
  const systems = await db
    .selectFrom('systems')
    .select(['id', 'name'])
    .where('municipality_id', '=', municipalityId)
    .where('id', 'in', ids)
    .execute();
  for (const row of systems) names[row.id] = row.name;
  const people = await db
    .selectFrom('people')
    .select(['id', 'first_name', 'last_name'])
    .where('municipality_id', '=', municipalityId)
    .where('id', 'in', ids)
    .execute();
  for (const row of people) names[row.id] = `${row.first_name} ${row.last_name}`;
  const departments = await db
    .selectFrom('departments')
    .select(['id', 'name'])
    .where('municipality_id', '=', municipalityId)
    .where('id', 'in', ids)
    .execute();
  for (const row of departments) names[row.id] = row.name;
  return names;
}
