import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { expectProblem, expectStatus, send } from '../../../test/http.ts';
import { createTestContext, factories, type TestContext, type TestMunicipality, type TestUser } from '../../../test/test-app.ts';
import { testDocx, testPdf } from '../../../test/document-test-files.ts';

const documentsDirectory = fs.mkdtempSync(path.join(os.tmpdir(), 'forvalta-documents-'));
const filesStored = () => fs.readdirSync(documentsDirectory).length;

describe('policy documents API', () => {
  let context: TestContext;
  let tanum: TestMunicipality;
  let other: TestMunicipality;
  let itChief: TestUser;
  let secretariat: TestUser;
  let auditor: TestUser;
  let employee: TestUser;

  beforeAll(async () => {
    context = await createTestContext({ DOCUMENTS_DIR: documentsDirectory, DOCUMENT_ATTACHMENT_MAX_BYTES: '4096' });
    const make = factories(context);
    tanum = await make.municipality('Tanum');
    other = await make.municipality('Strömstad');
    itChief = await make.user(tanum, 'it_chief');
    secretariat = await make.user(tanum, 'secretariat');
    auditor = await make.user(tanum, 'auditor');
    employee = await make.user(tanum, 'employee');
  });
  afterAll(async () => {
    await context.close();
    fs.rmSync(documentsDirectory, { recursive: true, force: true });
  });

  const as = (user: { authorization: Record<string, string> }) => user.authorization;
  const create = async (body: Record<string, unknown>, municipality = tanum) =>
    expectStatus(await send(context, 'POST', '/api/v1/documents', { headers: as(municipality.admin), body }), 201);
  const versionsOf = (documentId: string) => `/api/v1/documents/${documentId}/versions`;
  async function draft(
    documentId: string,
    body: Record<string, unknown> = {},
    user: { authorization: Record<string, string> } = tanum.admin,
  ) {
    return expectStatus(await send(context, 'POST', versionsOf(documentId), { headers: as(user), body }), 201);
  }
  async function step(
    documentId: string,
    version: { id: string; version: number },
    action: string,
    body: unknown = {},
    user = tanum.admin,
  ) {
    return send(context, 'POST', `${versionsOf(documentId)}/${version.id}/${action}`, {
      headers: as(user),
      body,
      ifMatch: version.version,
    });
  }
  async function adopt(documentId: string, version: { id: string; version: number }, decisionDate = '2026-11-20', user = tanum.admin) {
    const submitted = expectStatus(await step(documentId, version, 'submit', {}, user), 200);
    return expectStatus(await step(documentId, submitted, 'adopt', { adoptedBy: 'KS', decisionDate }, user), 200);
  }

  it('answers 401 without a login', async () => {
    const id = '00000000-0000-4000-8000-000000000000';
    for (const [method, url] of [
      ['GET', '/api/v1/documents'],
      ['POST', '/api/v1/documents'],
      ['GET', `/api/v1/documents/${id}`],
      ['GET', `${versionsOf(id)}/${id}/diff/${id}`],
    ] as const) {
      expectProblem(await send(context, method, url, method === 'GET' ? {} : { body: {} }), 401, 'unauthenticated');
    }
  });

  it('creates a document with its kind’s owner and the pack’s review interval, and lists it with filters', async () => {
    const policy = await create({
      kind: 'it_policy',
      title: 'IT-policy för Tanums kommun',
      ownerBody: 'Kommunstyrelsen',
      requiresAcknowledgement: true,
    });
    expect(policy).toMatchObject({
      kind: 'it_policy',
      ownerRole: 'administrator',
      reviewIntervalMonths: 36,
      requiresAcknowledgement: true,
      audienceDepartmentIds: [],
      currentVersion: null,
      nextReviewDate: null,
      reviewOverdue: false,
      can: { update: true, delete: true, createVersion: true },
    });
    const instruction = await create({ kind: 'operations_instruction', title: 'Driftinstruktion' });
    expect(instruction).toMatchObject({ ownerRole: 'it_chief', reviewIntervalMonths: 12 });
    const list = expectStatus(await send(context, 'GET', '/api/v1/documents?kind=operations_instruction', { headers: as(employee) }), 200);
    expect(list.items.map((item: { id: string }) => item.id)).toContain(instruction.id);
    expect(list.items.every((item: { kind: string }) => item.kind === 'operations_instruction')).toBe(true);
    const found = expectStatus(await send(context, 'GET', '/api/v1/documents?q=tanums', { headers: as(employee) }), 200);
    expect(found.items.map((item: { id: string }) => item.id)).toEqual([policy.id]);
    expect(found.items[0].can).toEqual({ update: false, delete: false, createVersion: false });
    // A second IT policy is refused; the municipality has one.
    const second = await send(context, 'POST', '/api/v1/documents', {
      headers: as(tanum.admin),
      body: { kind: 'it_policy', title: 'Till' },
    });
    expect(expectProblem(second, 409, 'conflict').reason).toBe('document_kind_taken');
  });

  it('refuses mass assignment, a pack link on another kind and an owner role that cannot draft', async () => {
    for (const body of [
      { kind: 'other', title: 'X', currentVersionId: '00000000-0000-4000-8000-000000000000' },
      { kind: 'other', title: 'X', nextReviewDate: '2030-01-01' },
      { kind: 'other', title: 'X', ownerRole: 'employee' },
      { kind: 'other', title: 'X', policyPackId: '00000000-0000-4000-8000-000000000000' },
    ]) {
      expectProblem(await send(context, 'POST', '/api/v1/documents', { headers: as(tanum.admin), body }), 400, 'validation_failed');
    }
    const document = await create({ kind: 'other', title: 'Mobilpolicy' });
    const patch = await send(context, 'PATCH', `/api/v1/documents/${document.id}`, {
      headers: as(tanum.admin),
      body: { kind: 'it_policy' },
      ifMatch: document.version,
    });
    expectProblem(patch, 400, 'validation_failed');
    const version = await draft(document.id, { text: 'Text' });
    const state = await send(context, 'PATCH', `${versionsOf(document.id)}/${version.id}`, {
      headers: as(tanum.admin),
      body: { state: 'adopted' },
      ifMatch: version.version,
    });
    expectProblem(state, 400, 'validation_failed');
  });

  it('walks draft → in review → adopted → superseded, sets the review date and supersedes the old version', async () => {
    const instruction = await create({ kind: 'operations_instruction', title: 'Driftinstruktion för serverhallen' });
    const first = await draft(instruction.id, { text: 'Rad ett\nRad två\n', changeSummary: 'Första versionen' }, itChief);
    expect(first).toMatchObject({ number: 1, state: 'draft', can: { update: true, submit: true, adopt: false, withdraw: false } });
    const adopted = await adopt(instruction.id, first, '2026-01-15', itChief);
    expect(adopted).toMatchObject({ state: 'adopted', adoptedBy: 'KS', decisionDate: '2026-01-15', can: { update: false, adopt: false } });
    const afterFirst = expectStatus(await send(context, 'GET', `/api/v1/documents/${instruction.id}`, { headers: as(employee) }), 200);
    expect(afterFirst).toMatchObject({ currentVersion: { id: first.id, number: 1 }, nextReviewDate: '2027-01-15', reviewOverdue: false });

    const second = await draft(instruction.id, { changeSummary: 'Ny rad' }, itChief);
    expect(second).toMatchObject({ number: 2, text: 'Rad ett\nRad två\n' });
    // One open version at a time.
    expect(
      expectProblem(await send(context, 'POST', versionsOf(instruction.id), { headers: as(itChief), body: {} }), 409, 'conflict').reason,
    ).toBe('document_version_open');
    const edited = expectStatus(
      await send(context, 'PATCH', `${versionsOf(instruction.id)}/${second.id}`, {
        headers: as(itChief),
        body: { text: 'Rad ett\nRad två ändrad\nRad tre\n' },
        ifMatch: second.version,
      }),
      200,
    );
    const submitted = expectStatus(await step(instruction.id, edited, 'submit', {}, itChief), 200);
    // A version in review is not edited; withdrawn, it is a draft again.
    const locked = await send(context, 'PATCH', `${versionsOf(instruction.id)}/${second.id}`, {
      headers: as(itChief),
      body: { text: 'x' },
      ifMatch: submitted.version,
    });
    expect(expectProblem(locked, 409, 'conflict').reason).toBe('version_transition_not_allowed');
    const withdrawn = expectStatus(await step(instruction.id, submitted, 'withdraw', {}, itChief), 200);
    expect(withdrawn.state).toBe('draft');
    // A draft is not adopted before review.
    expectProblem(
      await step(instruction.id, withdrawn, 'adopt', { adoptedBy: 'IT-chefen', decisionDate: '2026-11-01' }, itChief),
      409,
      'conflict',
    );
    await adopt(instruction.id, withdrawn, '2026-11-01', itChief);

    const history = expectStatus(await send(context, 'GET', versionsOf(instruction.id), { headers: as(employee) }), 200);
    expect(history.items.map((item: { number: number; state: string }) => [item.number, item.state])).toEqual([
      [2, 'adopted'],
      [1, 'superseded'],
    ]);
    const document = expectStatus(await send(context, 'GET', `/api/v1/documents/${instruction.id}`, { headers: as(employee) }), 200);
    expect(document).toMatchObject({ currentVersion: { number: 2 }, nextReviewDate: '2027-11-01' });
    expectProblem(
      await send(context, 'DELETE', `/api/v1/documents/${instruction.id}`, { headers: as(tanum.admin), ifMatch: document.version }),
      409,
      'conflict',
    );

    const diff = expectStatus(
      await send(context, 'GET', `${versionsOf(instruction.id)}/${first.id}/diff/${second.id}`, { headers: as(employee) }),
      200,
    );
    expect(diff).toMatchObject({ from: { number: 1 }, to: { number: 2 }, addedLines: 2, removedLines: 1 });
    expect(diff.hunks[0].lines).toContainEqual({ kind: 'added', text: 'Rad tre' });
  });

  it('lists overdue documents: the review date has passed', async () => {
    const policy = await create({ kind: 'other', title: 'Gammal rutin', reviewIntervalMonths: 36 });
    await adopt(policy.id, await draft(policy.id, { text: 'Antagen 2002' }), '2002-12-18');
    const overdue = expectStatus(await send(context, 'GET', '/api/v1/documents?overdue=true', { headers: as(employee) }), 200);
    expect(overdue.items.map((item: { id: string }) => item.id)).toContain(policy.id);
    expect(overdue.items.every((item: { reviewOverdue: boolean }) => item.reviewOverdue)).toBe(true);
    const current = expectStatus(await send(context, 'GET', '/api/v1/documents?overdue=false', { headers: as(employee) }), 200);
    expect(current.items.map((item: { id: string }) => item.id)).not.toContain(policy.id);
  });

  it('keeps drafts from employees (404), lets auditors read them, and only the owner role or an administrator act', async () => {
    const rules = await create({ kind: 'email_rules', title: 'Regler för e-post' });
    expect(rules.ownerRole).toBe('secretariat');
    const version = await draft(rules.id, { text: 'Utkast' }, secretariat);
    const url = `${versionsOf(rules.id)}/${version.id}`;
    expectProblem(await send(context, 'GET', url, { headers: as(employee) }), 404, 'not_found');
    expect(expectStatus(await send(context, 'GET', versionsOf(rules.id), { headers: as(employee) }), 200).total).toBe(0);
    expect(
      expectStatus(await send(context, 'GET', `/api/v1/documents/${rules.id}`, { headers: as(employee) }), 200).openVersion,
    ).toBeNull();
    expectStatus(await send(context, 'GET', url, { headers: as(auditor) }), 200);
    // The IT chief may draft (the permission) but does not own the e-mail rules.
    expectProblem(await send(context, 'POST', versionsOf(rules.id), { headers: as(itChief), body: {} }), 403, 'forbidden');
    // Nor may the IT chief read its draft: not found, before any question of permission.
    expectProblem(await step(rules.id, version, 'submit', {}, itChief), 404, 'not_found');
    const submitted = expectStatus(await step(rules.id, version, 'submit', {}, secretariat), 200);
    // A version in review is a draft to an employee: not found (404), before any question of permission.
    expectProblem(await step(rules.id, submitted, 'adopt', { adoptedBy: 'KS', decisionDate: '2026-11-01' }, employee), 404, 'not_found');
    const adopted = expectStatus(
      await step(rules.id, submitted, 'adopt', { adoptedBy: 'KS', decisionDate: '2026-11-01' }, secretariat),
      200,
    );
    expect(expectStatus(await send(context, 'GET', url, { headers: as(employee) }), 200).can).toEqual({
      update: false,
      submit: false,
      withdraw: false,
      adopt: false,
      uploadAttachment: false,
    });
    // An employee who can read the version still may not act on it.
    expectProblem(await step(rules.id, adopted, 'adopt', { adoptedBy: 'KS', decisionDate: '2026-11-01' }, employee), 403, 'forbidden');
  });

  it('answers 404 for another municipality’s document and refuses a stale If-Match (412) or none (428)', async () => {
    const foreign = await create({ kind: 'other', title: 'Strömstads rutin' }, other);
    expectProblem(await send(context, 'GET', `/api/v1/documents/${foreign.id}`, { headers: as(tanum.admin) }), 404, 'not_found');
    expectProblem(await send(context, 'GET', versionsOf(foreign.id), { headers: as(tanum.admin) }), 404, 'not_found');
    const patched = await send(context, 'PATCH', `/api/v1/documents/${foreign.id}`, {
      headers: as(tanum.admin),
      body: { title: 'x' },
      ifMatch: 1,
    });
    expectProblem(patched, 404, 'not_found');
    const document = await create({ kind: 'other', title: 'Rutin för behörigheter' });
    const renamed = expectStatus(
      await send(context, 'PATCH', `/api/v1/documents/${document.id}`, {
        headers: as(tanum.admin),
        body: { title: 'Behörighetsrutin' },
        ifMatch: document.version,
      }),
      200,
    );
    expect(renamed.version).toBe(document.version + 1);
    const stale = await send(context, 'PATCH', `/api/v1/documents/${document.id}`, {
      headers: as(tanum.admin),
      body: { title: 'x' },
      ifMatch: document.version,
    });
    expectProblem(stale, 412, 'version_mismatch');
    expectProblem(
      await send(context, 'PATCH', `/api/v1/documents/${document.id}`, { headers: as(tanum.admin), body: { title: 'x' } }),
      428,
      'precondition_required',
    );
    const version = await draft(document.id);
    const edited = expectStatus(
      await send(context, 'PATCH', `${versionsOf(document.id)}/${version.id}`, {
        headers: as(tanum.admin),
        body: { text: 'A' },
        ifMatch: version.version,
      }),
      200,
    );
    expectProblem(await step(document.id, version, 'submit'), 412, 'version_mismatch');
    expectStatus(await step(document.id, edited, 'submit'), 200);
    // Never adopted: it may be deleted, with its draft.
    const current = expectStatus(await send(context, 'GET', `/api/v1/documents/${document.id}`, { headers: as(tanum.admin) }), 200);
    expect(current.can.delete).toBe(true);
    expectStatus(
      await send(context, 'DELETE', `/api/v1/documents/${document.id}`, { headers: as(tanum.admin), ifMatch: current.version }),
      204,
    );
    expectProblem(await send(context, 'GET', `/api/v1/documents/${document.id}`, { headers: as(tanum.admin) }), 404, 'not_found');
  });

  it('stores an attachment outside the database and serves it as a download with safe headers', async () => {
    const programme = await create({ kind: 'infrastructure_programme', title: 'IT-infrastrukturprogram' });
    const version = await draft(programme.id, {}, itChief);
    const url = `${versionsOf(programme.id)}/${version.id}/attachment`;
    const uploaded = expectStatus(
      await send(context, 'PUT', `${url}?fileName=${encodeURIComponent('Infrastrukturprogram för Tanum.pdf')}`, {
        headers: { ...as(itChief), 'content-type': 'application/pdf' },
        body: testPdf(),
        ifMatch: version.version,
      }),
      200,
    );
    expect(uploaded.attachment).toEqual({
      fileName: 'Infrastrukturprogram för Tanum.pdf',
      contentType: 'application/pdf',
      size: testPdf().length,
    });
    const before = filesStored();
    const replaced = expectStatus(
      await send(context, 'PUT', `${url}?fileName=program.docx`, {
        headers: { ...as(itChief), 'content-type': 'application/octet-stream' },
        body: testDocx(),
        ifMatch: uploaded.version,
      }),
      200,
    );
    expect(replaced.attachment.contentType).toBe('application/vnd.openxmlformats-officedocument.wordprocessingml.document');
    expect(filesStored()).toBe(before);
    const download = await send(context, 'GET', url, { headers: as(itChief) });
    expect(download.statusCode).toBe(200);
    expect(download.headers['content-type']).toBe('application/vnd.openxmlformats-officedocument.wordprocessingml.document');
    expect(download.headers['content-disposition']).toBe(`attachment; filename="program.docx"; filename*=UTF-8''program.docx`);
    expect(download.headers['x-content-type-options']).toBe('nosniff');
    expect(download.rawPayload.equals(testDocx())).toBe(true);
    // A draft's file is the owner's: an employee does not find it.
    expectProblem(await send(context, 'GET', url, { headers: as(employee) }), 404, 'not_found');
  });

  it('refuses an upload that is too big or of the wrong type, and stores nothing (no row, no file)', async () => {
    const guidelines = await create({ kind: 'other', title: 'Rutin för gästnät' });
    const version = await draft(guidelines.id);
    const url = `${versionsOf(guidelines.id)}/${version.id}/attachment`;
    const filesBefore = filesStored();
    const attempts = [
      {
        fileName: 'policy.pdf',
        type: 'application/pdf',
        body: Buffer.from('<!DOCTYPE html><html><script>alert(1)</script></html>'),
        status: 400,
      },
      { fileName: 'policy.html', type: 'application/pdf', body: testPdf(), status: 400 },
      { fileName: 'policy.pdf', type: 'text/html', body: testPdf(), status: 400 },
      { fileName: 'stor.pdf', type: 'application/pdf', body: Buffer.concat([testPdf(), Buffer.alloc(5000, 32)]), status: 413 },
    ];
    for (const attempt of attempts) {
      const response = await send(context, 'PUT', `${url}?fileName=${attempt.fileName}`, {
        headers: { ...as(tanum.admin), 'content-type': attempt.type },
        body: attempt.body,
        ifMatch: version.version,
      });
      expect(response.statusCode, `${attempt.fileName} as ${attempt.type}: ${response.body}`).toBe(attempt.status);
    }
    expect(filesStored()).toBe(filesBefore);
    const unchanged = expectStatus(
      await send(context, 'GET', `${versionsOf(guidelines.id)}/${version.id}`, { headers: as(tanum.admin) }),
      200,
    );
    expect(unchanged).toMatchObject({ version: version.version, attachment: null });
    expectProblem(await send(context, 'GET', url, { headers: as(tanum.admin) }), 404, 'not_found');
  });

  it('keeps the security guidelines’ sections with their identity from version to version', async () => {
    // A new municipality has the document from its creation (the same transaction, audited), without a version yet.
    const listed = expectStatus(
      await send(context, 'GET', '/api/v1/documents?kind=security_guidelines', { headers: as(other.admin) }),
      200,
    );
    expect(listed.items).toHaveLength(1);
    const guidelines = listed.items[0];
    expect(guidelines).toMatchObject({
      title: 'Riktlinjer för IT-säkerhet',
      ownerRole: 'it_chief',
      requiresAcknowledgement: true,
      reviewIntervalMonths: 36,
      currentVersion: null,
    });
    const created = await context.database.db
      .selectFrom('audit_events')
      .select(['action', 'municipality_id'])
      .where('entity_id', '=', guidelines.id)
      .execute();
    expect(created).toEqual([{ action: 'create', municipality_id: other.id }]);
    expectProblem(
      await send(context, 'POST', '/api/v1/documents', {
        headers: as(other.admin),
        body: { kind: 'security_guidelines', title: 'Andra riktlinjer' },
      }),
      409,
      'conflict',
    );
    const first = await draft(
      guidelines.id,
      {
        sections: [
          { code: '2', title: 'Lösenord' },
          { code: '10', title: 'Loggning' },
        ],
      },
      other.admin,
    );
    expect(first.sections.map((section: { code: string }) => section.code)).toEqual(['2', '10']);
    await adopt(guidelines.id, first, '2026-10-01', other.admin);
    const second = await draft(guidelines.id, {}, other.admin);
    expect(second.sections.map((section: { id: string }) => section.id)).toEqual(
      first.sections.map((section: { id: string }) => section.id),
    );
    const duplicate = await send(context, 'PATCH', `${versionsOf(guidelines.id)}/${second.id}`, {
      headers: as(other.admin),
      body: {
        sections: [
          { code: '2', title: 'A' },
          { code: '2', title: 'B' },
        ],
      },
      ifMatch: second.version,
    });
    expect(expectProblem(duplicate, 409, 'conflict').reason).toBe('guideline_code_taken');
    const edited = expectStatus(
      await send(context, 'PATCH', `${versionsOf(guidelines.id)}/${second.id}`, {
        headers: as(other.admin),
        body: {
          sections: [
            { ...first.sections[0], title: 'Lösenord och inloggning' },
            { code: '11', title: 'Mobila enheter' },
          ],
        },
        ifMatch: second.version,
      }),
      200,
    );
    const diff = expectStatus(
      await send(context, 'GET', `${versionsOf(guidelines.id)}/${first.id}/diff/${edited.id}`, { headers: as(other.admin) }),
      200,
    );
    expect(diff.sections.map((section: { code: string; change: string }) => [section.code, section.change])).toEqual([
      ['2', 'changed'],
      ['11', 'added'],
      ['10', 'removed'],
    ]);
    const other_kind = await create({ kind: 'other', title: 'Utan avsnitt' }, other);
    const refused = await send(context, 'POST', versionsOf(other_kind.id), {
      headers: as(other.admin),
      body: { sections: [{ code: '1', title: 'X' }] },
    });
    expectProblem(refused, 400, 'validation_failed');
  });

  it('keeps the guidelines’ sections in the order their author gives, not by code', async () => {
    // A municipality has one guidelines document, made with it; a fresh one's has no version yet.
    const sotenas = await factories(context).municipality('Sotenäs');
    const listed = expectStatus(
      await send(context, 'GET', '/api/v1/documents?kind=security_guidelines', { headers: as(sotenas.admin) }),
      200,
    );
    const guidelines = listed.items[0];
    const first = await draft(
      guidelines.id,
      {
        sections: [
          { code: '1', title: 'Syfte' },
          { code: '2', title: 'Lösenord' },
          { code: '3', title: 'Loggning' },
        ],
      },
      sotenas.admin,
    );
    const codes = (version: { sections: Array<{ code: string }> }) => version.sections.map((section) => section.code);
    expect(codes(first)).toEqual(['1', '2', '3']);
    // Moving "Loggning" first is kept as the author's order, and the ids stay the same.
    const moved = expectStatus(
      await send(context, 'PATCH', `${versionsOf(guidelines.id)}/${first.id}`, {
        headers: as(sotenas.admin),
        body: { sections: [first.sections[2], first.sections[0], first.sections[1]] },
        ifMatch: first.version,
      }),
      200,
    );
    expect(codes(moved)).toEqual(['3', '1', '2']);
    expect(moved.sections.map((section: { id: string }) => section.id)).toEqual(
      [first.sections[2], first.sections[0], first.sections[1]].map((section: { id: string }) => section.id),
    );
    const read = expectStatus(await send(context, 'GET', `${versionsOf(guidelines.id)}/${first.id}`, { headers: as(sotenas.admin) }), 200);
    expect(codes(read)).toEqual(['3', '1', '2']);
  });

  it('changes nothing on a read', async () => {
    const document = await create({ kind: 'other', title: 'Läsbar rutin' });
    const before = expectStatus(await send(context, 'GET', `/api/v1/documents/${document.id}`, { headers: as(employee) }), 200);
    await send(context, 'GET', '/api/v1/documents', { headers: as(employee) });
    await send(context, 'GET', versionsOf(document.id), { headers: as(employee) });
    const after = expectStatus(await send(context, 'GET', `/api/v1/documents/${document.id}`, { headers: as(employee) }), 200);
    expect(after).toEqual(before);
  });
});
