import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { systemActor } from '../../access/actor.ts';
import { stateOfDatabase } from '../../../test/database-state.ts';
import { expectStatus, send } from '../../../test/http.ts';
import { systemFactories } from '../../../test/system-factories.ts';
import { createTestContext, factories, type TestContext, type TestMunicipality } from '../../../test/test-app.ts';

/** Pseudonymising people who left long ago (issue #16, ADR 0029), as the daily job and the CLI run it. */
describe('pseudonymising leavers', () => {
  let context: TestContext;
  let make: ReturnType<typeof factories>;
  let tanum: TestMunicipality;
  let care: string;
  // The test clock stands at 2026-11-28: five years back is 2021-11-28.
  const today = '2026-11-28';
  const job = () => systemActor('leaver-pseudonymisation', tanum.id);
  const admin = () => ({ headers: tanum.admin.authorization });

  async function leave(personId: string, endDate: string) {
    const person = expectStatus(await send(context, 'GET', `/api/v1/people/${personId}`, admin()), 200);
    return expectStatus(
      await send(context, 'PATCH', `/api/v1/people/${personId}`, {
        ...admin(),
        body: { employmentStatus: 'left', endDate },
        ifMatch: person.version,
      }),
      200,
    );
  }
  const personRow = (id: string) => context.database.db.selectFrom('people').selectAll().where('id', '=', id).executeTakeFirstOrThrow();

  beforeAll(async () => {
    context = await createTestContext();
    make = factories(context);
    tanum = await make.municipality('Tanum');
    care = (await make.department(tanum, 'Omsorg')).id;
  });
  afterAll(() => context.close());

  it('pseudonymises a leaver of six years, keeps one an open matter needs and a leaver of one year, and the audit chain verifies', async () => {
    // Gone six years, with a login: a role they held was taken away when they left.
    const longGone = await make.user(tanum, 'employee', care);
    const roles = expectStatus(await send(context, 'GET', `/api/v1/role-assignments?personId=${longGone.personId}`, admin()), 200);
    for (const role of roles.items)
      expectStatus(await send(context, 'DELETE', `/api/v1/role-assignments/${role.id}`, { ...admin(), ifMatch: role.version }), 204);
    const before = await personRow(longGone.personId);
    expectStatus(
      await send(context, 'PATCH', `/api/v1/people/${longGone.personId}`, {
        ...admin(),
        body: { employeeNumber: 'H-4711', title: 'Handläggare' },
        ifMatch: before.version,
      }),
      200,
    );
    await leave(longGone.personId, '2020-10-01');
    // Gone six years, but still the manager of a system: a successor must be appointed first.
    const stillManager = await make.person(tanum, care);
    const system = await systemFactories(context).system(tanum, care, { name: 'Procapita' });
    await systemFactories(context).appoint(tanum, system.id, stillManager.id, 'manager');
    await leave(stillManager.id, '2020-10-01');
    // Gone one year only.
    const recent = await make.person(tanum, care);
    await leave(recent.id, '2025-10-01');
    // Still employed.
    const active = await make.person(tanum, care);

    // The dry run says what would happen, and changes nothing.
    const unchanged = await stateOfDatabase(context);
    const plan = await context.services.privacy.pseudonymisation.planPseudonymisation(job(), tanum.id, today);
    expect(plan).toEqual({
      years: 5,
      lastDayOnOrBefore: '2021-11-28',
      due: [longGone.personId],
      held: [{ personId: stillManager.id, holds: ['system_responsibility'] }],
    });
    expect(await stateOfDatabase(context)).toEqual(unchanged);

    const done = await context.services.privacy.pseudonymisation.pseudonymiseLeavers(job(), tanum.id, today);
    expect(done.due).toEqual([longGone.personId]);

    const pseudonymised = expectStatus(await send(context, 'GET', `/api/v1/people/${longGone.personId}`, admin()), 200);
    expect(pseudonymised).toMatchObject({
      firstName: 'Pseudonym',
      lastName: longGone.personId.slice(0, 8),
      email: `${longGone.personId}@pseudonymised.invalid`,
      employeeNumber: null,
      title: null,
      hasLogin: false,
      hasPersonalMailbox: false,
      employmentStatus: 'left',
      endDate: '2020-10-01',
      departmentId: care,
      pseudonymisedAt: context.clock.now().toISOString(),
    });
    // Their login belonged to nobody else: it keeps neither password nor address, and cannot sign in.
    const login = await context.database.db.selectFrom('logins').selectAll().where('id', '=', longGone.loginId).executeTakeFirstOrThrow();
    expect(login).toMatchObject({ email: `${longGone.loginId}@pseudonymised.invalid`, password_hash: null });
    expect((await send(context, 'GET', '/api/v1/me', { headers: longGone.authorization })).statusCode).toBe(401);
    // The search no longer finds them by their old address.
    const found = expectStatus(await send(context, 'GET', `/api/v1/people?q=${encodeURIComponent(longGone.email)}`, admin()), 200);
    expect(found.items).toEqual([]);

    for (const kept of [stillManager, recent, active]) {
      const row = expectStatus(await send(context, 'GET', `/api/v1/people/${kept.id}`, admin()), 200);
      expect(row).toMatchObject({ firstName: 'Per', email: kept.email, pseudonymisedAt: null });
    }

    // One event says what was done, and quotes none of what was cleared; earlier events are untouched.
    const events = expectStatus(
      await send(context, 'GET', `/api/v1/audit-events?entityId=${longGone.personId}&action=person_pseudonymised`, admin()),
      200,
    );
    expect(events.items).toHaveLength(1);
    expect(events.items[0].after).toMatchObject({
      firstName: 'Pseudonym',
      loginRemoved: true,
      loginRetired: true,
      pseudonymiseAfterYears: 5,
    });
    const written = JSON.stringify(events.items[0]);
    for (const cleared of [longGone.email, 'H-4711', 'Handläggare']) expect(written).not.toContain(cleared);
    const verification = expectStatus(await send(context, 'GET', '/api/v1/audit-events/verification', admin()), 200);
    expect(verification).toMatchObject({ intact: true, problems: [] });

    // A second run finds nobody new: what was done is not done again.
    const again = await context.services.privacy.pseudonymisation.pseudonymiseLeavers(job(), tanum.id, today);
    expect(again.due).toEqual([]);
    expect(again.held.map((entry) => entry.personId)).toEqual([stillManager.id]);
  });

  it('keeps a leaver whom a functional mailbox or an open access matter still names', async () => {
    const responsible = await make.person(tanum, care);
    expectStatus(
      await send(context, 'POST', '/api/v1/mailboxes', {
        ...admin(),
        body: { address: 'omsorg@tanum.se', departmentId: care, responsiblePersonId: responsible.id },
      }),
      201,
    );
    await leave(responsible.id, '2019-01-31');
    const plan = await context.services.privacy.pseudonymisation.planPseudonymisation(job(), tanum.id, today);
    expect(plan.held).toContainEqual({ personId: responsible.id, holds: ['mailbox'] });
    expect(plan.due).not.toContain(responsible.id);
  });
});
