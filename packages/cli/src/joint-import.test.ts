import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { createTestDatabase } from '../../server/test/test-database.ts';
import { forvalta, query } from './cli-test-support.ts';

/**
 * `forvalta import register FILE --split PREFIX=CODE …` on both databases (issue #17 §1): a joint
 * file of a municipal group goes to each municipality by its organisation-path prefix, dry run
 * first; a row no prefix starts refuses the whole file; the same file again changes nothing.
 */
describe('forvalta import register --split', () => {
  for (const dialect of ['sqlite', 'postgres'] as const) {
    it(`imports a joint file into two municipalities by prefix, or nothing (${dialect})`, async () => {
      const database = await createTestDatabase(dialect);
      const directory = fs.mkdtempSync(path.join(os.tmpdir(), 'forvalta-joint-import-'));
      try {
        for (const [name, code] of [
          ['Tanum', '1435'],
          ['Strömstad', '1486'],
        ] as const) {
          const created = await forvalta(
            'init',
            '--municipality',
            name,
            '--code',
            code,
            '--admin-email',
            `admin-${code}@example.se`,
            '--database',
            database.url,
          );
          expect(created.code, created.stderr).toBe(0);
        }
        const splits = ['--split', 'Norra Bohuslän / Tanums kommun=1435', '--split', 'Norra Bohuslän / Strömstads kommun=1486'];
        const file = path.join(directory, 'gemensam.csv');
        const rows = [
          'Systemnamn;Organisation ',
          'Lifecare;Norra Bohuslän / Tanums kommun / Omsorg',
          'Treserva;Norra Bohuslän / Strömstads kommun / Socialtjänst',
          'E-tjänsteplattform;Norra Bohuslän / Tanums kommun / Kommunstyrelsen',
        ];
        fs.writeFileSync(file, `${rows.join('\r\n')}\r\n`);
        const systems = async () =>
          (
            await query(
              dialect,
              database.url,
              'select municipalities.code, systems.name, departments.name as department from systems join municipalities on municipalities.id = systems.municipality_id join departments on departments.id = systems.owner_department_id order by municipalities.code, systems.name',
            )
          ).map((row) => [row.code, row.name, row.department]);

        // A row of a fourth municipality: nothing of the file is imported anywhere.
        const stray = path.join(directory, 'med-okand.csv');
        fs.writeFileSync(stray, `${[...rows, 'Okänt;Norra Bohuslän / Sotenäs kommun / Teknik'].join('\r\n')}\r\n`);
        const refused = await forvalta(
          'import',
          'register',
          stray,
          ...splits,
          '--apply',
          '--create-departments',
          '--database',
          database.url,
        );
        expect(refused.code).toBe(1);
        expect(refused.stderr).toContain('1 rader börjar inte med någon av sökvägarna (rad 5); inget importerades.');
        expect(await systems()).toEqual([]);

        const dry = await forvalta('import', 'register', file, ...splits, '--create-departments', '--database', database.url);
        expect(dry.code, dry.stdout + dry.stderr).toBe(0);
        expect(dry.stdout).toContain('— Tanum (1435), Norra Bohuslän / Tanums kommun:\n2 rader: 2 skapas');
        expect(dry.stdout).toContain('— Strömstad (1486), Norra Bohuslän / Strömstads kommun:\n1 rader: 1 skapas');
        expect(await systems()).toEqual([]);

        const applied = await forvalta(
          'import',
          'register',
          file,
          ...splits,
          '--apply',
          '--create-departments',
          '--database',
          database.url,
        );
        expect(applied.code, applied.stdout + applied.stderr).toBe(0);
        expect(await systems()).toEqual([
          ['1435', 'E-tjänsteplattform', 'Kommunstyrelsen'],
          ['1435', 'Lifecare', 'Omsorg'],
          ['1486', 'Treserva', 'Socialtjänst'],
        ]);
        const again = await forvalta('import', 'register', file, ...splits, '--apply', '--database', database.url);
        expect(again.code, again.stdout + again.stderr).toBe(0);
        expect(again.stdout).toContain('2 rader: 0 skapas, 0 ändras, 2 oförändrade');
        expect(again.stdout).toContain('1 rader: 0 skapas, 0 ändras, 1 oförändrade');
        const verify = await forvalta('audit', 'verify', '--database', database.url);
        expect(verify.code, verify.stdout).toBe(0);
      } finally {
        fs.rmSync(directory, { recursive: true, force: true });
        await database.drop();
      }
    }, 300_000);
  }
});
