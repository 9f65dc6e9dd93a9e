import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { acknowledgementFactories } from '../../../test/acknowledgement-factories.ts';
import { accessRightFactories } from '../../../test/access-right-factories.ts';
import { expectStatus, send } from '../../../test/http.ts';
import { systemFactories } from '../../../test/system-factories.ts';
import { createTestContext, factories, type TestContext, type TestMunicipality } from '../../../test/test-app.ts';

interface Result {
  clauseId: string;
  subjectId: string;
  status: string;
  reason: string;
  evidence: Record<string, unknown>;
  fixPath: string;
}

// Issue #14's rules on live data: the compliance loader aggregates the access-rights tables per
// system (rights written through the API, and imported ones as the import stores them).
describe('compliance rules over access rights', () => {
  let context: TestContext;
  let tanum: TestMunicipality;
  let informed: { id: string };
  let imported: { id: string };
  let untouched: { id: string };

  beforeAll(async () => {
    context = await createTestContext();
    const make = factories(context);
    const register = systemFactories(context);
    const access = accessRightFactories(context);
    const documents = acknowledgementFactories(context);
    tanum = await make.municipality('Tanum');
    const care = (await make.department(tanum, 'Omsorg')).id;
    for (const kind of ['it_policy', 'security_guidelines'] as const) {
      const document = await documents.document(tanum, { kind, title: kind === 'it_policy' ? 'IT-policy' : 'Riktlinjer för IT-säkerhet' });
      await documents.adopt(tanum, document.id);
    }
    const manager = await make.user(tanum, 'employee', care);
    informed = await register.system(tanum, care, { name: 'Procapita' });
    imported = await register.system(tanum, care, { name: 'Visma' });
    untouched = await register.system(tanum, care, { name: 'Diabas' });
    for (const system of [informed, imported, untouched]) await register.appoint(tanum, system.id, manager.personId, 'manager');
    const reader = await access.level(manager, informed.id, { name: 'Läsare' });
    const importedReader = await access.level(manager, imported.id, { name: 'Läsare' });
    const importedAdmin = await access.level(manager, imported.id, { name: 'Administratör', privileged: true });

    // Procapita: one right activated by the acknowledgement, one by the manager's exception.
    const nurse = await make.user(tanum, 'employee', care);
    const nurseRight = await access.grant(manager, { personId: nurse.personId, systemId: informed.id, levelId: reader.id });
    for (const request of await access.openRequestsOf(nurse)) await access.acknowledge(nurse, request);
    expect((await access.right(manager, nurseRight.right.id)).state).toBe('active');
    const substitute = await make.user(tanum, 'employee', care);
    const pending = await access.grant(manager, { personId: substitute.personId, systemId: informed.id, levelId: reader.id });
    expectStatus(
      await send(context, 'POST', `/api/v1/access-rights/${pending.right.id}/activate`, {
        headers: manager.authorization,
        body: { exceptionReason: 'Vikarie börjar i dag' },
        ifMatch: pending.right.version,
      }),
      200,
    );

    // Visma: rights as an import finds them, of people never asked to acknowledge anything, one
    // from 2023 never recertified; and a leaver's right 20 days after their last day.
    const now = context.clock.now().toISOString();
    const rows = [
      { person: await make.person(tanum, care), level: importedReader, start: '2026-10-01' },
      { person: await make.person(tanum, care), level: importedAdmin, start: '2023-04-01' },
      { person: await make.person(tanum, care), level: importedReader, start: '2026-09-01' },
    ];
    for (const [index, row] of rows.entries()) {
      await context.database.db
        .insertInto('access_rights')
        .values({
          id: `00000000-0000-4000-8000-00000000000${index}`,
          municipality_id: tanum.id,
          person_id: row.person.id,
          system_id: imported.id,
          level_id: row.level.id,
          state: 'active',
          source: 'imported_system',
          start_date: row.start,
          granted_at: now,
          granted_by_name: 'Import',
          activated_at: now,
          activation: 'imported',
          flagged_for_removal: 0,
          created_at: now,
          updated_at: now,
          version: 1,
        })
        .execute();
    }
    await context.database.db.updateTable('people').set({ end_date: '2026-11-06' }).where('id', '=', rows[2]!.person.id).execute();
  });
  afterAll(() => context.close());

  const results = async (rule: string) =>
    (
      expectStatus(
        await send(context, 'GET', `/api/v1/compliance/results?rule=${rule}&limit=100`, { headers: tanum.admin.authorization }),
        200,
      ) as { items: Result[] }
    ).items;
  const of = (items: Result[], system: { id: string }) => items.find((result) => result.subjectId === system.id);

  it('ITP-3-INFORM-NEW: passes rights that passed the gate, lists the exception, fails imported rights of people never informed', async () => {
    const items = await results('ITP-3-INFORM-NEW');
    const procapita = of(items, informed)!;
    expect(procapita).toMatchObject({
      status: 'pass',
      reason: 'rights_informed_with_exceptions',
      evidence: { activeRights: 2, exceptionCount: 1, uninformedCount: 0 },
      fixPath: `/systems/${informed.id}#access`,
    });
    expect(procapita.evidence.exceptions).toEqual([expect.objectContaining({ exceptionReason: 'Vikarie börjar i dag', level: 'Läsare' })]);
    expect(of(items, imported)).toMatchObject({
      status: 'fail',
      reason: 'rights_not_informed',
      evidence: { activeRights: 3, uninformedCount: 3 },
    });
    expect(of(items, untouched)).toMatchObject({ status: 'not_applicable', reason: 'no_active_rights' });
  });

  it('ITP-4.2.3-ACCESS-LEAVERS: fails the system where a leaver kept a right past the grace', async () => {
    const items = await results('ITP-4.2.3-ACCESS-LEAVERS');
    expect(of(items, informed)).toMatchObject({ status: 'pass', reason: 'no_leaver_rights' });
    const visma = of(items, imported)!;
    expect(visma).toMatchObject({ status: 'fail', reason: 'leaver_rights_overdue', evidence: { overdueCount: 1, graceWorkingDays: 3 } });
    expect(visma.evidence.rights).toEqual([expect.objectContaining({ leftOn: '2026-11-06', endBy: '2026-11-11', level: 'Läsare' })]);
  });

  it('ITP-4.2.3-RECERTIFY: fails the system with a privileged right unrecertified since 2023', async () => {
    const items = await results('ITP-4.2.3-RECERTIFY');
    expect(of(items, informed)).toMatchObject({ status: 'pass', reason: 'recertification_current' });
    expect(of(items, imported)).toMatchObject({
      status: 'fail',
      reason: 'recertification_overdue',
      evidence: {
        overdue: [
          { levels: 'all', oldest: '2023-04-01', dueDate: '2024-04-01' },
          { levels: 'privileged', oldest: '2023-04-01', dueDate: '2023-10-01' },
        ],
      },
    });
  });

  it('ITP-4.2.3-PRIVILEGED is off by default, and the duty checklist carries the access rights', async () => {
    expect((await results('ITP-4.2.3-PRIVILEGED')).every((result) => result.reason === 'rule_switched_off')).toBe(true);
    expect(of(await results('ITP-4.2.3-DUTIES'), imported)!.evidence.accessRights).toEqual({ lastRecertifiedOn: null, activeRights: 3 });
  });
});
