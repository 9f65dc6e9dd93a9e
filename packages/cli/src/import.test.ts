import { spawn } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { createTestDatabase } from '../../server/test/test-database.ts';
import { bin, forvalta, query } from './cli-test-support.ts';

/**
 * `forvalta import register` on both databases (issue #17 §1): a dry run that saves its mapping,
 * an apply with that mapping and a progress bar, the same file again changing nothing; and an
 * apply killed after its first batch leaving nothing half-imported and an audit chain that verifies.
 */
describe('forvalta import register', () => {
  for (const dialect of ['sqlite', 'postgres'] as const) {
    it(`dry run, apply with a saved mapping, a no-op re-run, and a killed apply that leaves nothing (${dialect})`, async () => {
      const database = await createTestDatabase(dialect);
      const directory = fs.mkdtempSync(path.join(os.tmpdir(), 'forvalta-register-import-'));
      try {
        expect((await forvalta('demo', '--database', database.url)).code).toBe(0);
        const [department] = await query(dialect, database.url, 'select name from departments order by sort_key limit 1');
        const count = async () => Number((await query(dialect, database.url, 'select count(*) as count from systems'))[0]!.count);
        const before = await count();

        const small = path.join(directory, 'register.csv');
        fs.writeFileSync(
          small,
          `Systemnamn ;Förvaltning ;Leverantör;Licenskostnad\r\nImportsystem A;${department!.name};Tieto;12 500 kr\r\nImportsystem B;${department!.name};Visma;\r\n`,
        );
        const mappingFile = path.join(directory, 'mapping.json');
        const dry = await forvalta('import', 'register', small, '--save-mapping', mappingFile, '--database', database.url);
        expect(dry.code, dry.stderr).toBe(0);
        expect(dry.stdout).toContain('2 rader: 2 skapas');
        expect(dry.stdout).toContain('Provkörning: inget ändrades.');
        expect(JSON.parse(fs.readFileSync(mappingFile, 'utf8'))).toEqual({
          Systemnamn: 'name',
          Förvaltning: 'ownerDepartment',
          Leverantör: 'supplier',
          Licenskostnad: 'costLicence',
        });
        expect(await count()).toBe(before);

        const applied = await forvalta(
          'import',
          'register',
          small,
          '--apply',
          '--mapping',
          mappingFile,
          '--language',
          'en',
          '--database',
          database.url,
        );
        expect(applied.code, applied.stderr).toBe(0);
        expect(applied.stdout).toContain('The import was applied.');
        expect(applied.stderr).toMatch(/\[#+\] 2\/2 systems/);
        expect(await count()).toBe(before + 2);
        const again = await forvalta('import', 'register', small, '--apply', '--database', database.url);
        expect(again.stdout).toContain('2 rader: 0 skapas, 0 ändras, 2 oförändrade');

        // Ten thousand systems, five batches: killed after the first, nothing of the file remains.
        const large = path.join(directory, 'large.csv');
        const lines = ['Systemnamn;Förvaltning'];
        for (let index = 0; index < 10_000; index += 1) lines.push(`Massimport ${index};${department!.name}`);
        fs.writeFileSync(large, `${lines.join('\r\n')}\r\n`);
        const child = spawn(process.execPath, [bin, 'import', 'register', large, '--apply', '--database', database.url], {
          env: { ...process.env, LOG_LEVEL: 'silent' },
          stdio: ['ignore', 'ignore', 'pipe'],
        });
        const output = await new Promise<string>((resolve, reject) => {
          let text = '';
          child.stderr.on('data', (chunk: Buffer) => {
            text += chunk.toString();
            if (/ 2000\/10000 /.test(text) && child.exitCode === null) child.kill('SIGKILL');
          });
          child.on('exit', (_code, signal) =>
            signal === 'SIGKILL' ? resolve(text) : reject(new Error(`the import ended before it was killed: ${text}`)),
          );
        });
        expect(output).toMatch(/2000\/10000/);
        expect(await count()).toBe(before + 2);
        if (dialect === 'sqlite') expect(await query(dialect, database.url, 'pragma integrity_check')).toEqual([{ integrity_check: 'ok' }]);
        const verify = await forvalta('audit', 'verify', '--database', database.url);
        expect(verify.code, verify.stdout).toBe(0);
      } finally {
        fs.rmSync(directory, { recursive: true, force: true });
        await database.drop();
      }
    }, 300_000);
  }
});
