import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { expectStatus, send } from '../../../test/http.ts';
import { systemFactories } from '../../../test/system-factories.ts';
import { createTestContext, factories, type TestContext, type TestMunicipality, type TestUser } from '../../../test/test-app.ts';

interface Result {
  subjectId: string;
  status: string;
  reason: string;
  evidence: Record<string, unknown>;
}

describe('ITP-8 rules over the database', () => {
  let context: TestContext;
  let tanum: TestMunicipality;
  let care: string;
  let officer: TestUser;
  let system: { id: string };

  beforeAll(async () => {
    context = await createTestContext();
    const make = factories(context);
    tanum = await make.municipality('Tanum');
    care = (await make.department(tanum, 'Omsorg')).id;
    officer = await make.user(tanum, 'data_protection_officer');
    system = await systemFactories(context).system(tanum, care, { name: 'Treserva', processesPersonalData: true });
  });
  afterAll(() => context.close());

  const results = async (rule: string) =>
    (
      expectStatus(
        await send(context, 'GET', `/api/v1/compliance/results?rule=${rule}&limit=100`, { headers: tanum.admin.authorization }),
        200,
      ) as { items: Result[] }
    ).items;

  it('ITP-8-PERSONAL-DATA: fails a system without a record, then an unreviewed one, and passes once the DPO approves', async () => {
    const of = async () => (await results('ITP-8-PERSONAL-DATA')).find((result) => result.subjectId === system.id)!;
    expect(await of()).toMatchObject({ status: 'fail', reason: 'no_processing_record' });
    const activity = expectStatus(
      await send(context, 'POST', '/api/v1/processing-activities', {
        headers: tanum.admin.authorization,
        body: {
          name: 'Social dokumentation',
          purpose: 'Dokumentation av insatser',
          legalBasis: 'legal_obligation',
          retention: '5 år',
          controllerDepartmentId: care,
          systemIds: [system.id],
          processors: [{ name: 'Leverantör AB', agreementSignedOn: '2025-01-01', agreementExpiresOn: '2030-01-01' }],
        },
      }),
      201,
    );
    expect(await of()).toMatchObject({ status: 'fail', reason: 'review_missing' });
    expectStatus(
      await send(context, 'POST', `/api/v1/processing-activities/${activity.id}/reviews`, {
        headers: officer.authorization,
        body: { outcome: 'approved' },
        ifMatch: activity.version,
      }),
      201,
    );
    expect(await of()).toMatchObject({ status: 'pass', reason: 'processing_recorded' });
  });

  it('ITP-8-MAILBOX and ITP-8-OFFICIAL-DOC: read mailboxes and who has a personal mailbox', async () => {
    const make = factories(context);
    const responsible = await make.person(tanum, care);
    const created = expectStatus(
      await send(context, 'POST', '/api/v1/mailboxes', {
        headers: tanum.admin.authorization,
        body: { address: 'omsorg@tanum.se', departmentId: care, responsiblePersonId: responsible.id },
      }),
      201,
    );
    const mailboxOf = async () => (await results('ITP-8-MAILBOX')).find((result) => result.subjectId === care)!;
    expect(await mailboxOf()).toMatchObject({
      status: 'fail',
      reason: 'mailbox_without_deputy',
      evidence: { withoutDeputy: ['omsorg@tanum.se'] },
    });
    const deputy = await make.person(tanum, care);
    expectStatus(
      await send(context, 'PATCH', `/api/v1/mailboxes/${created.id}`, {
        headers: tanum.admin.authorization,
        body: { deputyPersonIds: [deputy.id] },
        ifMatch: created.version,
      }),
      200,
    );
    expect(await mailboxOf()).toMatchObject({ status: 'pass', reason: 'mailboxes_covered' });

    const officialOf = async () => (await results('ITP-8-OFFICIAL-DOC')).find((result) => result.subjectId === care)!;
    expect(await officialOf()).toMatchObject({ status: 'not_applicable', reason: 'no_mailbox_holder' });
    // Who has a personal mailbox is the person's own fact, set by an edit (or the directory import).
    expectStatus(
      await send(context, 'PATCH', `/api/v1/people/${responsible.id}`, {
        headers: tanum.admin.authorization,
        body: { hasPersonalMailbox: true },
        ifMatch: responsible.version,
      }),
      200,
    );
    expect(await officialOf()).toMatchObject({ status: 'fail', reason: 'share_below', evidence: { asked: 1, met: 0 } });
  });
});
