import { defaultPublicFields, publicFields, type PublicField } from '@forvalta/contracts';
import type { Executor } from '../../platform/database.ts';
import { applyKeysetPage, finishPage, resolveSort } from '../../platform/paging.ts';
import { likePattern } from '../../platform/text.ts';
import { sql } from 'kysely';
import { updateAtVersion } from '../../platform/versioned-rows.ts';

export interface PublicRegisterSettings {
  enabled: boolean;
  fields: PublicField[];
  version: number;
}

function parseFields(json: string): PublicField[] {
  try {
    const parsed: unknown = JSON.parse(json);
    return Array.isArray(parsed) ? parsed.filter((field): field is PublicField => (publicFields as readonly string[]).includes(field)) : [];
  } catch {
    return [];
  }
}

/** What a municipality publishes without login (ITP-2-OPEN), and the published rows themselves. */
export const publicRegisterRepository = {
  async settings(db: Executor, municipalityId: string): Promise<PublicRegisterSettings> {
    const row = await db
      .selectFrom('public_register_settings')
      .selectAll()
      .where('municipality_id', '=', municipalityId)
      .executeTakeFirst();
    // Until an administrator decides otherwise, the register is published with the default fields.
    return row
      ? { enabled: Boolean(row.enabled), fields: parseFields(row.fields_json), version: row.version }
      : { enabled: true, fields: [...defaultPublicFields], version: 1 };
  },

  async hasSettingsRow(db: Executor, municipalityId: string) {
    return (
      (await db
        .selectFrom('public_register_settings')
        .select('municipality_id')
        .where('municipality_id', '=', municipalityId)
        .executeTakeFirst()) !== undefined
    );
  },

  async saveSettings(
    db: Executor,
    municipalityId: string,
    expectedVersion: number,
    settings: { enabled: boolean; fields: PublicField[] },
    now: string,
  ) {
    if (!(await this.hasSettingsRow(db, municipalityId))) {
      if (expectedVersion !== 1) return false;
      await db
        .insertInto('public_register_settings')
        .values({
          municipality_id: municipalityId,
          enabled: settings.enabled ? 1 : 0,
          fields_json: JSON.stringify(settings.fields),
          updated_at: now,
          version: 2,
        })
        .execute();
      return true;
    }
    return updateAtVersion(db, 'public_register_settings', { municipality_id: municipalityId }, expectedVersion, {
      enabled: settings.enabled ? 1 : 0,
      fields_json: JSON.stringify(settings.fields),
      updated_at: now,
    });
  },

  findMunicipalityByCode(db: Executor, code: string) {
    return db.selectFrom('municipalities').select(['id', 'code', 'name']).where('code', '=', code).executeTakeFirst();
  },

  async listPublishingMunicipalities(db: Executor) {
    const rows = await db
      .selectFrom('municipalities')
      .leftJoin('public_register_settings', 'public_register_settings.municipality_id', 'municipalities.id')
      .select((eb) => [
        'municipalities.code',
        'municipalities.name',
        eb
          .selectFrom('systems')
          .select(eb.fn.countAll<number>().as('n'))
          .whereRef('systems.municipality_id', '=', 'municipalities.id')
          .where('systems.lifecycle', '<>', 'retired')
          .as('system_count'),
      ])
      .where((eb) => eb.or([eb('public_register_settings.enabled', 'is', null), eb('public_register_settings.enabled', '=', 1)]))
      .orderBy('municipalities.name')
      .execute();
    return rows.map((row) => ({ code: row.code, name: row.name, systemCount: Number(row.system_count ?? 0) }));
  },

  /** Published rows: the register minus retired systems; only name search, no internal filters. */
  async listSystems(db: Executor, municipalityId: string, query: { q?: string; limit: number; cursor?: string }) {
    const filtered = () => {
      let builder = db
        .selectFrom('systems')
        .innerJoin('departments', 'departments.id', 'systems.owner_department_id')
        .where('systems.municipality_id', '=', municipalityId)
        .where('systems.lifecycle', '<>', 'retired');
      if (query.q) builder = builder.where(sql<boolean>`systems.search_text like ${likePattern(query.q)} escape '\\'`);
      return builder;
    };
    const sort = resolveSort('name', { name: 'systems.sort_key' }, 'name', 'systems.id');
    const [rows, count] = await Promise.all([
      applyKeysetPage(
        filtered().select([
          'systems.id',
          'systems.name',
          'systems.purpose',
          'systems.description',
          'systems.kind',
          'systems.lifecycle',
          'systems.supplier',
          'systems.product',
          'systems.scope',
          'systems.processes_personal_data',
          'departments.name as owner_department',
        ]),
        sort,
        query.cursor,
        query.limit,
      ).execute(),
      filtered()
        .select((eb) => eb.fn.countAll<number>().as('total'))
        .executeTakeFirstOrThrow(),
    ]);
    const page = finishPage(rows, query.limit);
    return { rows: page.rows, total: Number(count.total), nextCursor: page.nextCursor };
  },
};
