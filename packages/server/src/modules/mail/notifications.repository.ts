import type { Role } from '@forvalta/contracts';
import type { Executor } from '../../platform/database.ts';
import { updateAtVersion } from '../../platform/versioned-rows.ts';

export interface RecipientRow {
  personId: string;
  loginId: string;
  email: string;
  locale: string;
  name: string;
  grants: Array<{ role: Role; departmentId: string | null }>;
  /** The saved choices (task kind → delivery), or null for the defaults. */
  deliveriesJson: string | null;
}

/** Who may receive notifications, and their settings (migration 118). */
export const notificationsRepository = {
  /**
   * The people of one municipality who get e-mail: active, their end date not come (the leavers'
   * rule of the login), with a login and at least one role there, so a to-do list of their own.
   */
  async recipientsOf(db: Executor, municipalityId: string, today: string): Promise<RecipientRow[]> {
    const rows = await db
      .selectFrom('people')
      .innerJoin('logins', 'logins.id', 'people.login_id')
      .innerJoin('role_assignments', (join) =>
        join.onRef('role_assignments.person_id', '=', 'people.id').onRef('role_assignments.municipality_id', '=', 'people.municipality_id'),
      )
      .leftJoin('notification_settings', 'notification_settings.person_id', 'people.id')
      .select([
        'people.id as person_id',
        'people.first_name',
        'people.last_name',
        'logins.id as login_id',
        'logins.email',
        'logins.locale',
        'role_assignments.role',
        'role_assignments.department_id',
        'notification_settings.deliveries_json',
      ])
      .where('people.municipality_id', '=', municipalityId)
      .where('people.employment_status', '=', 'active')
      .where((eb) => eb.or([eb('people.end_date', 'is', null), eb('people.end_date', '>', today)]))
      .orderBy('people.id')
      .execute();
    const byPerson = new Map<string, RecipientRow>();
    for (const row of rows) {
      let recipient = byPerson.get(row.person_id);
      if (!recipient) {
        recipient = {
          personId: row.person_id,
          loginId: row.login_id,
          email: row.email,
          locale: row.locale,
          name: `${row.first_name} ${row.last_name}`,
          grants: [],
          deliveriesJson: row.deliveries_json,
        };
        byPerson.set(row.person_id, recipient);
      }
      recipient.grants.push({ role: row.role as Role, departmentId: row.department_id });
    }
    return [...byPerson.values()];
  },

  departmentParents(db: Executor, municipalityId: string) {
    return db.selectFrom('departments').select(['id', 'parent_id']).where('municipality_id', '=', municipalityId).execute();
  },

  /** A person's saved settings, or undefined (the defaults, version 1). */
  findSettings(db: Executor, municipalityId: string, personId: string) {
    return db
      .selectFrom('notification_settings')
      .select(['deliveries_json', 'version'])
      .where('municipality_id', '=', municipalityId)
      .where('person_id', '=', personId)
      .executeTakeFirst();
  },

  /** Saves at `expectedVersion`: the first save (of the defaults, version 1) inserts version 2. False when stale. */
  async saveSettings(db: Executor, municipalityId: string, personId: string, expectedVersion: number, deliveriesJson: string, now: string) {
    const existing = await notificationsRepository.findSettings(db, municipalityId, personId);
    if (!existing) {
      if (expectedVersion !== 1) return false;
      await db
        .insertInto('notification_settings')
        .values({ person_id: personId, municipality_id: municipalityId, deliveries_json: deliveriesJson, updated_at: now, version: 2 })
        .execute();
      return true;
    }
    return updateAtVersion(db, 'notification_settings', { person_id: personId, municipality_id: municipalityId }, expectedVersion, {
      deliveries_json: deliveriesJson,
      updated_at: now,
    });
  },
};
