import {
  defaultPublicFields,
  defaultPublicLifecycles,
  publicFields,
  publicLifecycles,
  type PublicField,
  type PublicLifecycle,
} from '@forvalta/contracts';
import { sql, type ExpressionBuilder } from 'kysely';
import type { Database } from '../../platform/database-schema.ts';
import type { Executor } from '../../platform/database.ts';
import { applyKeysetPage, finishPage, resolveSort } from '../../platform/paging.ts';
import { likePattern } from '../../platform/text.ts';
import { saveSettingAtVersion } from '../../platform/versioned-rows.ts';

export interface PublicRegisterSettings {
  enabled: boolean;
  fields: PublicField[];
  lifecycles: PublicLifecycle[];
  version: number;
}

/** The stored JSON list, keeping only the values still allowed (a value removed later is dropped, not published). */
function parseList<T extends string>(json: string, allowed: readonly T[]): T[] {
  try {
    const parsed: unknown = JSON.parse(json);
    return Array.isArray(parsed) ? parsed.filter((value): value is T => (allowed as readonly unknown[]).includes(value)) : [];
  } catch {
    return [];
  }
}

/** The published facts that are text, with the column each is searched in; enums (kind, lifecycle, scope) are not searched. */
const searchableColumns: Partial<Record<PublicField, string>> = {
  purpose: 'systems.purpose',
  description: 'systems.description',
  ownerDepartment: 'departments.name',
  supplier: 'systems.supplier',
  product: 'systems.product',
};

type PublishedTables = ExpressionBuilder<Database, 'systems' | 'departments'>;

/**
 * `q` against the name and the published text facts only (issue #12, finding 7: it matched tags
 * and the product while neither was published). lower() as the other lists search names.
 */
function matchesPublishedText(eb: PublishedTables, q: string, fields: readonly PublicField[]) {
  const pattern = likePattern(q);
  const columns = ['systems.name', ...fields.flatMap((field) => searchableColumns[field] ?? [])];
  return eb.or(columns.map((column) => sql<boolean>`lower(${sql.ref(column)}) like ${pattern} escape '\\'`));
}

/** What a municipality publishes without login (ITP-2-OPEN), and the published rows themselves. */
export const publicRegisterRepository = {
  async settings(db: Executor, municipalityId: string): Promise<PublicRegisterSettings> {
    const row = await db
      .selectFrom('public_register_settings')
      .selectAll()
      .where('municipality_id', '=', municipalityId)
      .executeTakeFirst();
    // Nothing is published until an administrator turns the register on (issue #12, finding 7).
    return row
      ? {
          enabled: Boolean(row.enabled),
          fields: parseList(row.fields_json, publicFields),
          lifecycles: parseList(row.lifecycles_json, publicLifecycles),
          version: row.version,
        }
      : { enabled: false, fields: [...defaultPublicFields], lifecycles: [...defaultPublicLifecycles], version: 1 };
  },

  async saveSettings(
    db: Executor,
    municipalityId: string,
    expectedVersion: number,
    settings: Omit<PublicRegisterSettings, 'version'>,
    now: string,
  ) {
    const columns = {
      enabled: settings.enabled ? 1 : 0,
      fields_json: JSON.stringify(settings.fields),
      lifecycles_json: JSON.stringify(settings.lifecycles),
      updated_at: now,
    };
    return saveSettingAtVersion(db, 'public_register_settings', municipalityId, expectedVersion, columns);
  },

  findMunicipalityByCode(db: Executor, code: string) {
    return db.selectFrom('municipalities').select(['id', 'code', 'name']).where('code', '=', code).executeTakeFirst();
  },

  /** Only municipalities whose administrator turned the register on, each with the count of its published systems. */
  async listPublishingMunicipalities(db: Executor) {
    const rows = await db
      .selectFrom('municipalities')
      .innerJoin('public_register_settings', 'public_register_settings.municipality_id', 'municipalities.id')
      .select(['municipalities.id', 'municipalities.code', 'municipalities.name', 'public_register_settings.lifecycles_json'])
      .where('public_register_settings.enabled', '=', 1)
      .orderBy('municipalities.name')
      .execute();
    if (rows.length === 0) return [];
    // The chosen lifecycles differ per municipality and are JSON, so the counts are by lifecycle and summed here.
    const counts = await db
      .selectFrom('systems')
      .select((eb) => ['systems.municipality_id', 'systems.lifecycle', eb.fn.countAll<number>().as('n')])
      .where(
        'systems.municipality_id',
        'in',
        rows.map((row) => row.id),
      )
      .groupBy(['systems.municipality_id', 'systems.lifecycle'])
      .execute();
    return rows.map((row) => {
      const published = new Set<string>(parseList(row.lifecycles_json, publicLifecycles));
      const systemCount = counts
        .filter((count) => count.municipality_id === row.id && published.has(count.lifecycle))
        .reduce((sum, count) => sum + Number(count.n), 0);
      return { code: row.code, name: row.name, systemCount };
    });
  },

  /** Published rows: systems in the chosen lifecycles only, searched in the published facts only. */
  async listSystems(
    db: Executor,
    municipalityId: string,
    settings: Pick<PublicRegisterSettings, 'fields' | 'lifecycles'>,
    query: { q?: string; limit: number; cursor?: string },
  ) {
    if (settings.lifecycles.length === 0) return { rows: [], total: 0, nextCursor: null };
    const filtered = () => {
      let builder = db
        .selectFrom('systems')
        .innerJoin('departments', 'departments.id', 'systems.owner_department_id')
        .where('systems.municipality_id', '=', municipalityId)
        .where('systems.lifecycle', 'in', settings.lifecycles);
      const q = query.q;
      if (q) builder = builder.where((eb) => matchesPublishedText(eb, q, settings.fields));
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
