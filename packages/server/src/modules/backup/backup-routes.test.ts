import JSZip from 'jszip';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { expectProblem, send } from '../../../test/http.ts';
import { createTestContext, factories, type TestContext, type TestMunicipality, type TestUser } from '../../../test/test-app.ts';
import { testDialect } from '../../../test/test-database.ts';
import type { BackupManifest } from './backup-archive.ts';

describe(`POST /api/v1/export (${testDialect()})`, () => {
  let context: TestContext;
  let kommun: TestMunicipality;
  let other: TestMunicipality;
  let employee: TestUser;

  beforeAll(async () => {
    context = await createTestContext();
    const make = factories(context);
    kommun = await make.municipality('Backupkommun');
    other = await make.municipality('Grannkommun');
    employee = await make.user(kommun, 'employee');
  });
  afterAll(() => context.close());

  it('gives the administrator their own municipality as a confidential archive, recorded on its chain', async () => {
    const response = await send(context, 'POST', '/api/v1/export', { headers: kommun.admin.authorization });
    expect(response.statusCode, response.body).toBe(200);
    expect(response.headers['content-type']).toBe('application/zip');
    expect(response.headers['content-disposition']).toMatch(
      new RegExp(`^attachment; filename="forvalta-${kommun.code}-\\d{4}-\\d{2}-\\d{2}-confidential\\.zip"`),
    );
    expect(response.headers['cache-control']).toBe('private, no-store');
    const zip = await JSZip.loadAsync(response.rawPayload);
    const manifest = JSON.parse(await zip.file('manifest.json')!.async('string')) as BackupManifest;
    expect(manifest).toMatchObject({ classification: 'confidential', municipality: { id: kommun.id, code: kommun.code } });
    const people = await zip.file('tables/people.ndjson')!.async('string');
    expect(people).toContain(kommun.admin.email);
    expect(people).toContain(employee.email);
    expect(people).not.toContain(other.admin.email);
    expect(zip.file('tables/api_tokens.ndjson')).toBeNull();
    const event = await context.database.db
      .selectFrom('audit_events')
      .select(['actor_login_id', 'sequence'])
      .where('chain_id', '=', kommun.id)
      .where('action', '=', 'municipality_exported')
      .executeTakeFirstOrThrow();
    expect(event.actor_login_id).toBe(kommun.admin.loginId);
    // The archive holds its own export event: the head it carries is after it.
    expect(manifest.auditChain.lastSequence).toBe(Number(event.sequence));
  });

  it('refuses everyone but the administrator, and anyone not signed in', async () => {
    expectProblem(await send(context, 'POST', '/api/v1/export', { headers: employee.authorization }), 403, 'forbidden');
    expectProblem(await send(context, 'POST', '/api/v1/export'), 401, 'unauthenticated');
  });
});
