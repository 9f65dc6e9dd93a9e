import { spawn } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import SqliteDatabase from 'better-sqlite3';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestDatabase, type TestDatabase } from '../../server/test/test-database.ts';
import { bin, forvalta } from './cli-test-support.ts';

/** Runs the real CLI as a user would and returns its exit code and output. */

describe('forvalta CLI', () => {
  let directory: string;
  let database: string;

  beforeAll(() => {
    directory = fs.mkdtempSync(path.join(os.tmpdir(), 'forvalta-cli-'));
    database = path.join(directory, 'cli.db');
  });
  afterAll(() => fs.rmSync(directory, { recursive: true, force: true }));

  it('answers --help for every command', async () => {
    for (const command of [[], ['serve'], ['migrate'], ['init'], ['demo'], ['token'], ['login'], ['audit'], ['policy-packs'], ['people']]) {
      const result = await forvalta(...command, '--help');
      expect(result.code, command.join(' ')).toBe(0);
      expect(result.stdout).toContain('forvalta');
    }
  });

  it('gives a one-line error and exit code 2 for bad arguments', async () => {
    for (const args of [
      ['frobnicate'],
      ['serve', '--port', 'abc'],
      ['init', '--code', '1435'],
      ['init', '--municipality', 'X', '--code', '12', '--admin-email', 'a@b.se'],
      ['migrate', '--bogus'],
      ['token', 'create', '--email', 'a@b.se'],
      ['login', 'create', '--email', 'a@b.se'],
      ['audit', 'fix'],
      ['policy-packs', 'downgrade'],
      ['people', 'delete'],
    ]) {
      const result = await forvalta(...args, '--database', database);
      expect(result.code, args.join(' ')).toBe(2);
      expect(result.stderr.trim().split('\n'), args.join(' ')).toHaveLength(1);
      expect(result.stderr).toMatch(/^forvalta: /);
    }
  });

  it('migrates, initialises a municipality, issues a token and verifies the audit log', async () => {
    expect((await forvalta('migrate', '--database', database)).stdout).toContain('Applied');
    expect((await forvalta('migrate', '--database', database)).stdout).toContain('up to date');

    const init = await forvalta(
      'init',
      '--municipality',
      'Tanums kommun',
      '--code',
      '1435',
      '--admin-email',
      'IT-chef@Tanum.se',
      '--database',
      database,
    );
    expect(init.code).toBe(0);
    expect(init.stdout).toMatch(/Password for it-chef@tanum\.se \(shown once\): \S{23}/);

    const passwordFile = path.join(directory, 'password.txt');
    fs.writeFileSync(passwordFile, 'ett-långt-lösenord-2026\n');
    const second = await forvalta(
      'init',
      '--municipality',
      'Sotenäs kommun',
      '--code',
      '1427',
      '--admin-email',
      'it-chef@tanum.se',
      '--admin-password-file',
      passwordFile,
      '--database',
      database,
    );
    expect(second.code).toBe(0);
    expect(second.stdout).not.toContain('Password for');

    // A code that exists is refused (a typo must not hand Tanum to someone else), naming its administrators.
    const taken = await forvalta(
      'init',
      '--municipality',
      'Fel',
      '--code',
      '1435',
      '--admin-email',
      'ny@example.se',
      '--database',
      database,
    );
    expect(taken.code).toBe(1);
    expect(taken.stderr).toContain('already exists');
    expect(taken.stderr).toContain('it-chef@tanum.se');
    const added = await forvalta(
      'init',
      '--municipality',
      'Tanums kommun',
      '--code',
      '1435',
      '--admin-email',
      'ny@example.se',
      '--add-administrator',
      '--database',
      database,
    );
    expect(added.code, added.stderr).toBe(0);
    expect(added.stdout).toContain('administrators were: it-chef@tanum.se');

    const ambiguous = await forvalta('token', 'create', '--email', 'it-chef@tanum.se', '--name', 'Skript', '--database', database);
    expect(ambiguous.code).toBe(2);
    expect(ambiguous.stderr).toContain('several municipalities');
    const token = await forvalta(
      'token',
      'create',
      '--email',
      'it-chef@tanum.se',
      '--name',
      'Skript',
      '--municipality',
      '1427',
      '--database',
      database,
    );
    expect(token.code).toBe(0);
    expect(token.stdout).toMatch(/fvt_[A-Za-z0-9_-]{43}/);

    // forvalta login create: the operator's invitation; someone who can already sign in there is refused.
    const invited = await forvalta('login', 'create', '--email', 'ny@example.se', '--municipality', '1435', '--database', database);
    expect(invited.code, invited.stderr).toBe(1);
    expect(invited.stderr).toContain('can already sign in');
    const unknown = await forvalta('login', 'create', '--email', 'nobody@example.se', '--municipality', '1435', '--database', database);
    expect(unknown.code).toBe(2);
    expect(unknown.stderr).toContain('register them first');

    const verify = await forvalta('audit', 'verify', '--database', database);
    expect(verify.code).toBe(0);
    expect(verify.stdout).toMatch(/Audit log intact: \d+ events in 2 chain\(s\)/);
  });

  it('upgrades a municipality on an older default policy pack at start, and reports it on request', async () => {
    // The pack as an installation of the previous release holds it: the default at 1.0.0.
    const sqlite = new SqliteDatabase(database);
    const tanum = (sqlite.prepare("select id from municipalities where code = '1435'").get() as { id: string }).id;
    for (const table of ['policy_packs', 'policy_pack_baselines'])
      sqlite
        .prepare(
          `update ${table} set pack_version = '1.0.0', content_json = json_set(content_json, '$.version', '1.0.0') where municipality_id = ?`,
        )
        .run(tanum);
    sqlite.close();

    const planned = await forvalta('policy-packs', 'upgrade', '--dry-run', '--database', database);
    expect(planned.code, planned.stderr).toBe(0);
    expect(planned.stdout).toMatch(
      /^would upgrade policy pack of Tanums kommun \(1435\): 1\.0\.0 → 1\.1\.0 .*kept its own: nothing to keep/m,
    );
    // Any command that opens the database upgrades first, and says so.
    const check = await forvalta('compliance', 'check', '--municipality', '1435', '--database', database);
    expect(check.stderr).toContain('forvalta: policy pack of Tanums kommun (1435): 1.0.0 → 1.1.0');
    expect(check.stdout).toContain('version 1.1.0');
    const again = await forvalta('policy-packs', 'upgrade', '--database', database);
    expect(again.stdout).toContain('Every municipality has the current default policy pack.');
  });

  it('pseudonymises a person who left long ago, saying first with --dry-run what it would do', async () => {
    const sqlite = new SqliteDatabase(database);
    const tanum = (sqlite.prepare("select id from municipalities where code = '1435'").get() as { id: string }).id;
    const id = '0a1b2c3d-0000-4000-8000-000000000001';
    sqlite
      .prepare(
        `insert into people (id, municipality_id, first_name, last_name, email, employment_status, end_date, sort_key, search_text, created_at, updated_at, version)
         values (?, ?, 'Gammal', 'Medarbetare', 'gammal@tanum.se', 'left', '2015-06-30', 'medarbetare gammal', 'gammal medarbetare', '2015-01-01T00:00:00.000Z', '2015-06-30T00:00:00.000Z', 1)`,
      )
      .run(id, tanum);
    sqlite.close();
    const planned = await forvalta('people', 'pseudonymise', '--dry-run', '--municipality', '1435', '--database', database);
    expect(planned.code, planned.stderr).toBe(0);
    expect(planned.stdout).toMatch(/^1435 Tanums kommun: 1 would be pseudonymised, \d+ kept for an open matter/m);
    expect(planned.stdout).toContain(`would pseudonymise ${id}`);
    const done = await forvalta('people', 'pseudonymise', '--database', database);
    expect(done.code, done.stderr).toBe(0);
    expect(done.stdout).toContain(`pseudonymised ${id}`);
    const row = new SqliteDatabase(database).prepare('select first_name, email from people where id = ?').get(id);
    expect(row).toEqual({ first_name: 'Pseudonym', email: `${id}@pseudonymised.invalid` });
    const again = await forvalta('people', 'pseudonymise', '--database', database);
    expect(again.stdout).toMatch(/^1435 Tanums kommun: 0 pseudonymised/m);
  });

  it('finds and names an audit event altered directly in the database', async () => {
    const sqlite = new SqliteDatabase(database);
    const event = sqlite.prepare("select id, sequence from audit_events where entity_type = 'person' order by sequence limit 1").get() as {
      id: string;
      sequence: number;
    };
    sqlite.prepare("update audit_events set actor_name = 'someone else' where id = ?").run(event.id);
    sqlite.close();
    const verify = await forvalta('audit', 'verify', '--database', database);
    expect(verify.code).toBe(1);
    expect(verify.stdout).toContain('TAMPERED');
    expect(verify.stdout).toContain(`event #${event.sequence} (id ${event.id}): hash mismatch`);
  });

  it('exports signed checkpoints and finds a chain cut back against them, though verify alone says intact', async () => {
    const checkpointDatabase = path.join(directory, 'checkpoint.db');
    const init = await forvalta(
      'init',
      '--municipality',
      'Kontrollkommun',
      '--code',
      '1428',
      '--admin-email',
      'kontroll@example.se',
      '--database',
      checkpointDatabase,
    );
    expect(init.code, init.stderr).toBe(0);
    const checkpointFile = path.join(directory, 'checkpoints.json');
    const exported = await forvalta('audit', 'checkpoint', '--out', checkpointFile, '--database', checkpointDatabase);
    expect(exported.code, exported.stderr).toBe(0);
    expect(fs.statSync(checkpointFile).mode & 0o777).toBe(0o600);
    expect((await forvalta('audit', 'verify', '--checkpoints', checkpointFile, '--database', checkpointDatabase)).code).toBe(0);

    // Cut the chain back to its first event and make the head agree: consistent, but shorter than the checkpoint.
    const sqlite = new SqliteDatabase(checkpointDatabase);
    const municipality = sqlite.prepare("select id from municipalities where code = '1428'").get() as { id: string };
    sqlite.prepare('delete from audit_events where chain_id = ? and sequence > 1').run(municipality.id);
    const first = sqlite.prepare('select hash from audit_events where chain_id = ?').get(municipality.id) as { hash: string };
    sqlite.prepare('update audit_chain_heads set last_sequence = 1, last_hash = ? where chain_id = ?').run(first.hash, municipality.id);
    sqlite.close();
    expect((await forvalta('audit', 'verify', '--database', checkpointDatabase)).code).toBe(0);
    const verify = await forvalta('audit', 'verify', '--checkpoints', checkpointFile, '--database', checkpointDatabase);
    expect(verify.code).toBe(1);
    expect(verify.stdout).toContain(`chain ${municipality.id}`);
    expect(verify.stdout).toContain('checkpoint missing');
  });

  it('serves the application and keeps the data between starts', async () => {
    const serveDatabase = path.join(directory, 'serve.db');
    for (let start = 0; start < 2; start += 1) {
      const server = spawn(process.execPath, [bin, 'serve', '--demo', '--port', '0', '--database', serveDatabase], {
        env: { ...process.env, LOG_LEVEL: 'silent' },
      });
      try {
        const url = await new Promise<string>((resolve, reject) => {
          let output = '';
          server.stdout.on('data', (chunk: Buffer) => {
            output += chunk.toString();
            const match = /running at (http:\/\/\S+)/.exec(output);
            if (match && output.includes('demo login')) resolve(match[1]!);
          });
          server.on('exit', (code) => reject(new Error(`serve exited with ${code}: ${output}`)));
        });
        const health = await fetch(`${url}/api/v1/health`);
        expect(health.status).toBe(200);
        // An anonymous caller learns neither the version nor the database kind.
        expect(await health.json()).toEqual({ status: 'ok' });
        const login = await fetch(`${url}/api/v1/auth/login`, {
          method: 'POST',
          headers: { 'content-type': 'application/json' },
          body: JSON.stringify({ email: 'admin@tanum.demo', password: 'Tanum-demo-2026' }),
        });
        expect(login.status).toBe(200);
        const cookie = login.headers.get('set-cookie')!.split(';')[0]!;
        const people = (await (await fetch(`${url}/api/v1/people?limit=1`, { headers: { cookie } })).json()) as { total: number };
        expect(people.total).toBe(300);
      } finally {
        server.kill('SIGTERM');
      }
    }
  });
});

describe('forvalta CLI on PostgreSQL', () => {
  let testDatabase: TestDatabase;
  beforeAll(async () => {
    testDatabase = await createTestDatabase('postgres');
  });
  afterAll(() => testDatabase.drop());

  it('loads the demo and verifies the audit log with --database postgres://…', async () => {
    const demo = await forvalta('demo', '--database', testDatabase.url);
    expect(demo.code, demo.stderr).toBe(0);
    expect(demo.stdout).toContain('Loaded the demo municipality');
    expect((await forvalta('demo', '--database', testDatabase.url)).stdout).toContain('already loaded');
    const verify = await forvalta('audit', 'verify', '--database', testDatabase.url);
    expect(verify.code).toBe(0);
    expect(verify.stdout).toMatch(/Audit log intact: \d{3,} events in 1 chain/);
  });
});
