import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { createTestDatabase } from '../../server/test/test-database.ts';
import { forvaltaWith, query } from './cli-test-support.ts';

/** One installation: its database, audit key file and documents directory. */
interface Installation {
  url: string;
  environment: Record<string, string>;
}

const forvalta = (installation: Installation, ...args: string[]) =>
  forvaltaWith(installation.environment, ...args, '--database', installation.url);

/**
 * `forvalta export` → `forvalta import-municipality` into another installation (issue #17 §2), on
 * both databases, where that installation has a municipality whose administrator's e-mail is also
 * in the archive: the archived person arrives without a login and is named, and the destination's
 * login keeps serving only its own municipality (ADR 0033: an archive never pulls a login across
 * municipalities).
 */
describe('forvalta export and import-municipality', () => {
  for (const dialect of ['sqlite', 'postgres'] as const) {
    it(`never attaches an archived person to a login that exists in the destination (${dialect})`, async () => {
      const directory = fs.mkdtempSync(path.join(os.tmpdir(), 'forvalta-backup-cli-'));
      const sourceDatabase = await createTestDatabase(dialect);
      const destinationDatabase = await createTestDatabase(dialect);
      const installationIn = (url: string, name: string): Installation => ({
        url,
        environment: { AUDIT_KEY_FILE: path.join(directory, `${name}.key`), DOCUMENTS_DIR: path.join(directory, `${name}-documents`) },
      });
      const source = installationIn(sourceDatabase.url, 'source');
      const destination = installationIn(destinationDatabase.url, 'destination');
      try {
        expect((await forvalta(source, 'demo')).code).toBe(0);
        const [taken] = await query(
          dialect,
          source.url,
          'select people.first_name, people.last_name, logins.email from people join logins on logins.id = people.login_id order by logins.email limit 1',
        );
        const email = String(taken!.email);
        const archive = path.join(directory, 'tanum-confidential.zip');
        const exported = await forvalta(source, 'export', '--municipality', '1435', '--output', archive);
        expect(exported.code, exported.stderr).toBe(0);

        // Strömstad's administrator in the destination has the same address as a person of the archive.
        const password = path.join(directory, 'password');
        fs.writeFileSync(password, 'ett-långt-lösenord-för-test');
        const created = await forvalta(
          destination,
          'init',
          '--municipality',
          'Strömstad',
          '--code',
          '1486',
          '--admin-email',
          email,
          '--admin-password-file',
          password,
        );
        expect(created.code, created.stderr).toBe(0);
        const [strömstadLogin] = await query(dialect, destination.url, `select id from logins where email = '${email}'`);
        const loginsBefore = Number((await query(dialect, destination.url, 'select count(*) as count from logins'))[0]!.count);
        const archivedLogins = Number(
          (await query(dialect, source.url, 'select count(*) as count from people where login_id is not null'))[0]!.count,
        );

        const imported = await forvalta(
          destination,
          'import-municipality',
          archive,
          '--source-audit-key-file',
          source.environment.AUDIT_KEY_FILE!,
        );
        expect(imported.code, imported.stderr).toBe(0);
        expect(imported.stdout).toContain('1 person(s) imported without a login');
        expect(imported.stdout).toContain(`  ${taken!.first_name} ${taken!.last_name} <${email}>`);

        // The login serves Strömstad alone; Tanum's person with that address has none; the other logins came along.
        const holders = await query(
          dialect,
          destination.url,
          `select municipalities.code from people join municipalities on municipalities.id = people.municipality_id where people.login_id = '${strömstadLogin!.id}'`,
        );
        expect(holders).toEqual([{ code: '1486' }]);
        const [person] = await query(
          dialect,
          destination.url,
          `select people.login_id from people join municipalities on municipalities.id = people.municipality_id where municipalities.code = '1435' and people.email = '${email}'`,
        );
        expect(person).toEqual({ login_id: null });
        const loginsAfter = Number((await query(dialect, destination.url, 'select count(*) as count from logins'))[0]!.count);
        expect(loginsAfter).toBe(loginsBefore + archivedLogins - 1);
        const verify = await forvalta(destination, 'audit', 'verify');
        expect(verify.code, verify.stdout).toBe(0);
      } finally {
        fs.rmSync(directory, { recursive: true, force: true });
        await sourceDatabase.drop();
        await destinationDatabase.drop();
      }
    }, 300_000);
  }
});
