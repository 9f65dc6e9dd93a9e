import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import {
  backstageCatalogRows,
  connectDatabase,
  createServices,
  findMunicipalityByCode,
  loadConfig,
  systemActor,
  systemClock,
} from '@forvalta/server';
import { describe, expect, it } from 'vitest';
import { createTestDatabase } from '../../server/test/test-database.ts';
import { forvalta } from './cli-test-support.ts';

/** The municipality's register as the Backstage export writes it (GET /api/v1/systems/export?format=backstage). */
async function catalogOf(url: string, code: string): Promise<string> {
  const connection = connectDatabase(url, { poolSize: 1 });
  try {
    const municipality = await findMunicipalityByCode(connection.db, code);
    const services = createServices(connection.db, systemClock, loadConfig({ ...process.env, DATABASE_URL: url }));
    const exported = await services.backstage.exportCatalog(systemActor('test', municipality!.id));
    return exported.body;
  } finally {
    await connection.destroy();
  }
}

/**
 * What a register says in its catalog, without what belongs to one installation's records: the
 * ids, and the manager and deputy (people, who are not imported with the catalog).
 */
const registerOf = (catalog: string) =>
  backstageCatalogRows(catalog)
    .map((row) => JSON.stringify(row.cells.filter((_cell, index) => index !== 6 && index !== 7)))
    .sort();

/**
 * `forvalta import backstage` on both databases (issue #17 §3): the demo's own export read back
 * into its register changes nothing; read into a new municipality (departments created from the
 * Groups) it gives a register whose export says the same; and a second run there is a no-op.
 */
describe('forvalta import backstage', () => {
  for (const dialect of ['sqlite', 'postgres'] as const) {
    it(`reads the export back as the same register, and a re-run changes nothing (${dialect})`, async () => {
      const database = await createTestDatabase(dialect);
      const directory = fs.mkdtempSync(path.join(os.tmpdir(), 'forvalta-backstage-import-'));
      try {
        expect((await forvalta('demo', '--database', database.url)).code).toBe(0);
        const catalog = await catalogOf(database.url, '1435');
        const file = path.join(directory, 'catalog-info.yaml');
        fs.writeFileSync(file, catalog);
        const systems = registerOf(catalog).length;
        expect(systems).toBeGreaterThan(100);

        const own = await forvalta('import', 'backstage', file, '--apply', '--municipality', '1435', '--database', database.url);
        expect(own.code, own.stdout + own.stderr).toBe(0);
        expect(own.stdout).toContain(`${systems} rader: 0 skapas, 0 ändras, ${systems} oförändrade, 0 avvisas`);
        expect(await catalogOf(database.url, '1435')).toBe(catalog);

        const created = await forvalta(
          'init',
          '--municipality',
          'Kopia',
          '--code',
          '1499',
          '--admin-email',
          'kopia@example.se',
          '--database',
          database.url,
        );
        expect(created.code, created.stderr).toBe(0);
        const dry = await forvalta(
          'import',
          'backstage',
          file,
          '--municipality',
          '1499',
          '--create-departments',
          '--database',
          database.url,
        );
        expect(dry.code, dry.stdout + dry.stderr).toBe(0);
        expect(dry.stdout).toContain(`${systems} rader: ${systems} skapas, 0 ändras, 0 oförändrade, 0 avvisas`);
        const copy = await forvalta(
          'import',
          'backstage',
          file,
          '--apply',
          '--municipality',
          '1499',
          '--create-departments',
          '--database',
          database.url,
        );
        expect(copy.code, copy.stdout + copy.stderr).toBe(0);
        expect(copy.stdout).toContain('Importen är genomförd.');
        expect(registerOf(await catalogOf(database.url, '1499'))).toEqual(registerOf(catalog));

        const again = await forvalta('import', 'backstage', file, '--apply', '--municipality', '1499', '--database', database.url);
        expect(again.stdout).toContain(`${systems} rader: 0 skapas, 0 ändras, ${systems} oförändrade, 0 avvisas`);
        const verify = await forvalta('audit', 'verify', '--database', database.url);
        expect(verify.code, verify.stdout).toBe(0);
      } finally {
        fs.rmSync(directory, { recursive: true, force: true });
        await database.drop();
      }
    }, 300_000);
  }
});
