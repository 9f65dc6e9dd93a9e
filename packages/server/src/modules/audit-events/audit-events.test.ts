import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { verifyAuditChains } from '../../platform/audit-verify.ts';
import { createTestContext, factories, type TestContext, type TestMunicipality } from '../../../test/test-app.ts';
import { expectProblem, expectStatus, send } from '../../../test/http.ts';

describe('audit log', () => {
  let context: TestContext;
  let tanum: TestMunicipality;
  let other: TestMunicipality;
  let make: ReturnType<typeof factories>;

  beforeAll(async () => {
    context = await createTestContext();
    make = factories(context);
    tanum = await make.municipality('Tanum');
    other = await make.municipality('Uddevalla');
  });
  afterAll(() => context.close());

  it('is readable by administrators and auditors only, and only for their municipality', async () => {
    const auditor = await make.user(tanum, 'auditor');
    const itChief = await make.user(tanum, 'it_chief');
    expectProblem(await send(context, 'GET', '/api/v1/audit-events'), 401, 'unauthenticated');
    expectProblem(await send(context, 'GET', '/api/v1/audit-events', { headers: itChief.authorization }), 403, 'forbidden');
    const page = expectStatus(await send(context, 'GET', '/api/v1/audit-events?limit=200', { headers: auditor.authorization }), 200);
    expect(page.total).toBeGreaterThan(0);
    const foreignDepartment = await make.department(other, 'Uddevallas förvaltning');
    const foreignEvents = expectStatus(
      await send(context, 'GET', `/api/v1/audit-events?entityId=${foreignDepartment.id}`, { headers: tanum.admin.authorization }),
      200,
    );
    expect(foreignEvents.total).toBe(0);
    const anyForeign = expectStatus(
      await send(context, 'GET', `/api/v1/audit-events?entityId=${foreignDepartment.id}`, { headers: other.admin.authorization }),
      200,
    );
    expectProblem(
      await send(context, 'GET', `/api/v1/audit-events/${anyForeign.items[0].id}`, { headers: tanum.admin.authorization }),
      404,
      'not_found',
    );
  });

  it('filters by record, person and time, newest first, with before and after', async () => {
    const department = await make.department(tanum, 'Före');
    context.clock.advanceMinutes(10);
    const from = context.clock.now().toISOString();
    expectStatus(
      await send(context, 'PATCH', `/api/v1/departments/${department.id}`, {
        headers: tanum.admin.authorization,
        body: { name: 'Efter' },
        ifMatch: 1,
      }),
      200,
    );
    const byRecord = expectStatus(
      await send(context, 'GET', `/api/v1/audit-events?entityType=department&entityId=${department.id}`, {
        headers: tanum.admin.authorization,
      }),
      200,
    );
    expect(byRecord.items.map((event: { action: string }) => event.action)).toEqual(['update', 'create']);
    expect(byRecord.items[0].before.name).toBe('Före');
    expect(byRecord.items[0].after.name).toBe('Efter');
    expect(byRecord.items[0].actorName).toContain(tanum.admin.email);
    const byTime = expectStatus(
      await send(context, 'GET', `/api/v1/audit-events?entityId=${department.id}&from=${encodeURIComponent(from)}`, {
        headers: tanum.admin.authorization,
      }),
      200,
    );
    expect(byTime.items.map((event: { action: string }) => event.action)).toEqual(['update']);
    const byPerson = expectStatus(
      await send(context, 'GET', `/api/v1/audit-events?actorLoginId=${tanum.admin.loginId}&limit=5`, {
        headers: tanum.admin.authorization,
      }),
      200,
    );
    expect(byPerson.items.every((event: { actorLoginId: string }) => event.actorLoginId === tanum.admin.loginId)).toBe(true);
    expect(byPerson.total).toBeGreaterThanOrEqual(1);
  });

  it('has no write route', async () => {
    expectProblem(await send(context, 'POST', '/api/v1/audit-events', { headers: tanum.admin.authorization, body: {} }), 404, 'not_found');
    expectProblem(
      await send(context, 'DELETE', `/api/v1/audit-events/${tanum.id}`, { headers: tanum.admin.authorization }),
      404,
      'not_found',
    );
  });

  it('detects and names a row altered, or removed, directly in the database', async () => {
    expect((await verifyAuditChains(context.database.db)).problems).toEqual([]);
    const department = await make.department(tanum, 'Manipulerad');
    const event = await context.database.db
      .selectFrom('audit_events')
      .selectAll()
      .where('entity_id', '=', department.id)
      .executeTakeFirstOrThrow();
    await context.database.db
      .updateTable('audit_events')
      .set({ after_json: '{"name":"Något annat"}' })
      .where('id', '=', event.id)
      .execute();
    const altered = await verifyAuditChains(context.database.db);
    expect(altered.problems).toContainEqual({ chainId: tanum.id, sequence: event.sequence, eventId: event.id, problem: 'hash_mismatch' });

    await context.database.db.updateTable('audit_events').set({ after_json: event.after_json }).where('id', '=', event.id).execute();
    expect((await verifyAuditChains(context.database.db)).problems).toEqual([]);

    await context.database.db.deleteFrom('audit_events').where('id', '=', event.id).execute();
    const removed = await verifyAuditChains(context.database.db);
    expect(removed.problems.map((problem) => problem.problem)).toContain('missing_event');
    expect(removed.problems.find((problem) => problem.problem === 'missing_event')?.sequence).toBe(event.sequence);
  });
});
