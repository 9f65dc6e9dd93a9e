import type { Kysely } from 'kysely';
import { columnTypes } from './column-types.ts';

/**
 * Everyone who created, led or submitted a project, at any point (issue #12, finding 10): the
 * operational approval is refused to each of them (ITP-4.2.1-APPROVAL), so handing the lead role
 * away before approving does not help. Rows are only ever added.
 *
 * Existing projects are filled in from what is known: the current lead, and the creators,
 * submitters and earlier leads that the audit log names (a login is matched to its person in the
 * project's municipality).
 */
/** The columns the backfill reads and writes, as they are when this migration runs. */
interface TablesAtThisMigration {
  projects: { id: string; municipality_id: string; project_lead_person_id: string | null };
  people: { id: string; municipality_id: string; login_id: string | null };
  audit_events: {
    entity_id: string;
    entity_type: string;
    action: string;
    actor_login_id: string | null;
    before_json: string | null;
    after_json: string | null;
  };
  project_involvements: { municipality_id: string; project_id: string; person_id: string; involvement: string; recorded_at: string };
}

export async function up(db: Kysely<unknown>): Promise<void> {
  const types = await columnTypes(db);
  await db.schema
    .createTable('project_involvements')
    .addColumn('municipality_id', 'text', (column) => column.notNull().references('municipalities.id'))
    .addColumn('project_id', 'text', (column) => column.notNull().references('projects.id'))
    .addColumn('person_id', 'text', (column) => column.notNull().references('people.id'))
    .addColumn('involvement', 'text', (column) => column.notNull())
    .addColumn('recorded_at', types.timestamp, (column) => column.notNull())
    .addPrimaryKeyConstraint('project_involvements_primary', ['project_id', 'person_id', 'involvement'])
    .execute();

  // The backfill reads through the tables as they are at this migration, declared here: the
  // migration must not depend on today's schema types.
  const untyped = db as unknown as Kysely<TablesAtThisMigration>;
  const now = new Date().toISOString();
  const rows = new Map<
    string,
    { municipality_id: string; project_id: string; person_id: string; involvement: string; recorded_at: string }
  >();
  const add = (municipalityId: string, projectId: string, personId: string | null | undefined, involvement: string) => {
    if (!personId) return;
    rows.set(`${projectId}|${personId}|${involvement}`, {
      municipality_id: municipalityId,
      project_id: projectId,
      person_id: personId,
      involvement,
      recorded_at: now,
    });
  };
  const projects: Array<{ id: string; municipality_id: string; project_lead_person_id: string | null }> = await untyped
    .selectFrom('projects')
    .select(['id', 'municipality_id', 'project_lead_person_id'])
    .execute();
  const projectMunicipality = new Map(projects.map((project) => [project.id, project.municipality_id]));
  for (const project of projects) add(project.municipality_id, project.id, project.project_lead_person_id, 'led');

  const people: Array<{ id: string; municipality_id: string; login_id: string | null }> = await untyped
    .selectFrom('people')
    .select(['id', 'municipality_id', 'login_id'])
    .where('login_id', 'is not', null)
    .execute();
  const personOf = new Map(people.map((person) => [`${person.municipality_id}|${person.login_id}`, person.id]));
  const events: Array<{
    entity_id: string;
    action: string;
    actor_login_id: string | null;
    before_json: string | null;
    after_json: string | null;
  }> = await untyped
    .selectFrom('audit_events')
    .select(['entity_id', 'action', 'actor_login_id', 'before_json', 'after_json'])
    .where('entity_type', '=', 'project')
    .execute();
  const leadOf = (json: string | null) => {
    try {
      return json ? ((JSON.parse(json) as { projectLeadPersonId?: string | null }).projectLeadPersonId ?? null) : null;
    } catch {
      return null;
    }
  };
  for (const event of events) {
    const municipalityId = projectMunicipality.get(event.entity_id);
    if (!municipalityId) continue;
    if (event.action === 'create' || event.action === 'submit') {
      const personId = event.actor_login_id ? personOf.get(`${municipalityId}|${event.actor_login_id}`) : undefined;
      add(municipalityId, event.entity_id, personId, event.action === 'create' ? 'created' : 'submitted');
    }
    add(municipalityId, event.entity_id, leadOf(event.before_json), 'led');
    add(municipalityId, event.entity_id, leadOf(event.after_json), 'led');
  }
  const existingPeople = new Set((await untyped.selectFrom('people').select('id').execute()).map((person: { id: string }) => person.id));
  const values = [...rows.values()].filter((row) => existingPeople.has(row.person_id));
  for (let start = 0; start < values.length; start += 500) {
    await untyped
      .insertInto('project_involvements')
      .values(values.slice(start, start + 500))
      .execute();
  }
}

export async function down(db: Kysely<unknown>): Promise<void> {
  await db.schema.dropTable('project_involvements').execute();
}
