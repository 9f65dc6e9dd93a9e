import fs from 'node:fs';
import path from 'node:path';
import type { PolicyPackFile } from '@forvalta/contracts';
import { ownPolicyFile } from '../../policy/test-support.ts';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { stateOfDatabase } from '../../../test/database-state.ts';
import { systemFactories } from '../../../test/system-factories.ts';
import { expectProblem, expectStatus, send } from '../../../test/http.ts';
import { createTestContext, factories, type TestContext, type TestMunicipality, type TestUser } from '../../../test/test-app.ts';

interface Draft {
  id: string;
  version: number;
  state: string;
  adoptedPackId: string | null;
  content: PolicyPackFile;
  can: { update: boolean; adopt: boolean };
}

const ownPolicy = (version = '2027.1') => ownPolicyFile({ version, reviewIntervalMonths: 12 });

/**
 * Policy pack authoring (issue #21): export and import of the pack file, drafts, the preview that
 * writes nothing, the diff and adoption with the policy document, whose editorial flag decides
 * whether employees acknowledge it again. The administrator and the IT chief author; auditors read
 * drafts; nobody reaches another municipality's drafts or packs.
 */
describe('policy pack authoring API', () => {
  let context: TestContext;
  let falkenas: TestMunicipality;
  let other: TestMunicipality;
  let itChief: TestUser;
  let auditor: TestUser;
  let employee: TestUser;

  beforeAll(async () => {
    context = await createTestContext();
    const make = factories(context);
    falkenas = await make.municipality('Falkenäs');
    other = await make.municipality('Lysekil');
    itChief = await make.user(falkenas, 'it_chief');
    auditor = await make.user(falkenas, 'auditor');
    employee = await make.user(falkenas, 'employee');
    const department = await make.department(falkenas, 'Socialförvaltningen');
    await systemFactories(context).system(falkenas, department.id, { name: 'Procapita' });
  });
  afterAll(() => context.close());

  const as = (user: { authorization: Record<string, string> }) => user.authorization;
  const currentPackOf = async (municipality: TestMunicipality) =>
    (
      expectStatus(await send(context, 'GET', '/api/v1/policy-packs', { headers: as(municipality.admin) }), 200) as {
        items: { id: string; key: string; version: string }[];
      }
    ).items[0]!;
  const importFile = async (file: unknown, user: { authorization: Record<string, string> } = falkenas.admin) =>
    send(context, 'POST', '/api/v1/policy-packs/import', { headers: as(user), body: file });

  it('answers 401 without a login', async () => {
    const id = '00000000-0000-4000-8000-000000000000';
    for (const [method, url] of [
      ['GET', '/api/v1/policy-rules'],
      ['GET', `/api/v1/policy-packs/${id}/export`],
      ['POST', '/api/v1/policy-packs/import'],
      ['GET', '/api/v1/policy-pack-drafts'],
      ['GET', `/api/v1/policy-pack-drafts/${id}`],
      ['POST', `/api/v1/policy-pack-drafts/${id}/preview`],
      ['GET', `/api/v1/policy-pack-drafts/${id}/diff`],
    ] as const)
      expectProblem(await send(context, method, url, method === 'POST' ? { body: {} } : {}), 401, 'unauthenticated');
  });

  it("copies Tanum's pack: export and import give a draft whose file is identical, and the copy is not in force", async () => {
    const tanum = await currentPackOf(falkenas);
    const exported = expectStatus(
      await send(context, 'GET', `/api/v1/policy-packs/${tanum.id}/export`, { headers: as(employee) }),
      200,
    ) as PolicyPackFile;
    expect(exported.key).toBe('tanum-it-policy');
    const draft = expectStatus(await importFile({ ...exported, key: 'falkenas-copy', version: '2027.0' }, itChief), 201) as Draft;
    expect(draft.state).toBe('draft');
    expect(draft.content).toEqual({ ...exported, key: 'falkenas-copy', version: '2027.0' });
    expect((await currentPackOf(falkenas)).id).toBe(tanum.id);
    // Another municipality's pack is not found, and nor is this draft from there.
    expectProblem(await send(context, 'GET', `/api/v1/policy-packs/${tanum.id}/export`, { headers: as(other.admin) }), 404, 'not_found');
    expectProblem(await send(context, 'GET', `/api/v1/policy-pack-drafts/${draft.id}`, { headers: as(other.admin) }), 404, 'not_found');
  });

  it('refuses an unknown rule, a parameter out of range and a missing parameter with the clause named in Swedish and English', async () => {
    const file = ownPolicy();
    file.clauses[0]!.binding = { rule: 'ITP-99-WISH', parameters: {} };
    file.clauses[1]!.binding = { rule: 'ITP-4.2-REVIEW', parameters: { reviewIntervalMonths: 0 } };
    file.clauses[2]!.binding = { rule: 'ITP-4.2.1-RISK-CURRENT', parameters: {} };
    const before = await stateOfDatabase(context);
    const problem = expectProblem(await importFile(file), 400, 'validation_failed');
    expect(problem.errors).toEqual([
      {
        path: 'clauses.0.binding.rule',
        code: 'unknown_rule',
        message:
          "Klausul FALK-3.1-ERSATTARE: regeln 'ITP-99-WISH' finns inte i Förvaltas regelregister. / Clause FALK-3.1-ERSATTARE: the rule 'ITP-99-WISH' is not in Förvalta's rule registry.",
      },
      expect.objectContaining({ path: 'clauses.1.binding.parameters.reviewIntervalMonths', code: 'parameter_out_of_range' }),
      expect.objectContaining({ path: 'clauses.2.binding.parameters.riskAnalysisIntervalMonths', code: 'parameter_missing' }),
    ]);
    expect(problem.errors![1]!.message).toContain('FALK-3.2-GRANSKNING');
    expect(await stateOfDatabase(context)).toEqual(before);
    // The contract refuses what is not a pack file at all, before any rule is looked at.
    expectProblem(await importFile({ ...ownPolicy(), formatVersion: 2 }), 400, 'validation_failed');
  });

  it('lets the administrator and the IT chief author, auditors read drafts, and nobody else', async () => {
    expectProblem(await importFile(ownPolicy('2027.9'), auditor), 403, 'forbidden');
    expectProblem(await importFile(ownPolicy('2027.9'), employee), 403, 'forbidden');
    const draft = expectStatus(await importFile(ownPolicy('2027.9'), itChief), 201) as Draft;
    const read = expectStatus(await send(context, 'GET', `/api/v1/policy-pack-drafts/${draft.id}`, { headers: as(auditor) }), 200) as Draft;
    expect(read.can).toEqual({ update: false, adopt: false });
    expectProblem(await send(context, 'GET', `/api/v1/policy-pack-drafts/${draft.id}`, { headers: as(employee) }), 403, 'forbidden');
    const rules = expectStatus(await send(context, 'GET', '/api/v1/policy-rules', { headers: as(employee) }), 200) as {
      items: { id: string; parameters: { key: string; unit: string; minimum: number; maximum: number }[] }[];
    };
    expect(rules.items.find((rule) => rule.id === 'ITP-4.2-REVIEW')!.parameters).toEqual([
      expect.objectContaining({ key: 'reviewIntervalMonths', unit: 'months', minimum: 1, maximum: 120 }),
    ]);
  });

  it('previews a draft on the live register and writes nothing', async () => {
    const draft = expectStatus(await importFile(ownPolicy('2027.2')), 201) as Draft;
    const before = await stateOfDatabase(context);
    const preview = expectStatus(
      await send(context, 'POST', `/api/v1/policy-pack-drafts/${draft.id}/preview`, { headers: as(auditor) }),
      200,
    ) as { clauses: { id: string; status: string; passed: number; failed: number }[]; totals: Record<string, number> };
    expect(await stateOfDatabase(context)).toEqual(before);
    expect(preview.clauses.map((clause) => [clause.id, clause.status])).toEqual([
      ['FALK-3.1-ERSATTARE', 'checked'],
      ['FALK-3.2-GRANSKNING', 'checked'],
      ['FALK-4-LOGG', 'not_checked'],
      ['FALK-1-SYFTE', 'not_counted'],
    ]);
    // The one system has no deputy: red. It was registered today, so its first review is not due yet.
    expect(preview.clauses[0]).toMatchObject({ passed: 0, failed: 1 });
    expect(preview.clauses[1]).toMatchObject({ passed: 0, failed: 0, notApplicable: 1 });
    expect(preview.totals).toEqual({ passed: 0, failed: 1, checkedClauses: 2, notCheckedClauses: 1 });
  });

  it('adopts a draft with its document version; a reworded clause asks for acknowledgement again, a parameter change does not', async () => {
    const document = expectStatus(
      await send(context, 'POST', '/api/v1/documents', {
        headers: as(falkenas.admin),
        body: { kind: 'it_policy', title: 'IT-policy för Falkenäs kommun', requiresAcknowledgement: true },
      }),
      201,
    ) as { id: string };
    const adopt = (draft: Draft, decisionReference: string) => {
      // Each adoption later than the last: the newest published version is the one in force.
      context.clock.advanceMinutes(60);
      return send(context, 'POST', `/api/v1/policy-pack-drafts/${draft.id}/adopt`, {
        headers: as(falkenas.admin),
        ifMatch: draft.version,
        body: { documentId: document.id, adoptedBy: 'Kommunfullmäktige', decisionDate: '2026-10-01', decisionReference },
      });
    };
    const acknowledgementsOf = async (versionId: string) =>
      context.database.db
        .selectFrom('acknowledgements')
        .select(['state', 'carried_over_from_version_id'])
        .where('version_id', '=', versionId)
        .execute();
    const documentVersions = async () =>
      (
        expectStatus(await send(context, 'GET', `/api/v1/documents/${document.id}/versions`, { headers: as(falkenas.admin) }), 200) as {
          items: { id: string; number: number; state: string; editorial: boolean; text: string | null }[];
        }
      ).items.sort((left, right) => left.number - right.number);

    const first = expectStatus(await importFile(ownPolicy('2027.3')), 201) as Draft;
    expectProblem(await adopt({ ...first, version: first.version + 1 }, 'KF 2026/200'), 412, 'version_mismatch');
    const adopted = expectStatus(await adopt(first, 'KF 2026/200'), 200) as Draft;
    expect(adopted.state).toBe('adopted');
    const current = await currentPackOf(falkenas);
    expect(current).toMatchObject({ id: adopted.adoptedPackId, key: 'falkenas-it-policy', version: '2027.3' });
    const [version1] = await documentVersions();
    expect(version1).toMatchObject({ state: 'adopted', editorial: false });
    expect(version1!.text).toContain('3.1 Ersättare för systemförvaltare');
    const asked = await acknowledgementsOf(version1!.id);
    expect(asked.length).toBeGreaterThan(0);
    // An adopted draft is not adopted or edited again.
    expectProblem(await adopt(adopted, 'KF 2026/201'), 409, 'conflict');

    // Parameters only: editorial, the acknowledgements carry over.
    const parameters = ownPolicy('2027.4');
    parameters.clauses[1]!.binding!.parameters.reviewIntervalMonths = 24;
    const second = expectStatus(await importFile(parameters), 201) as Draft;
    const diff = expectStatus(await send(context, 'GET', `/api/v1/policy-pack-drafts/${second.id}/diff`, { headers: as(auditor) }), 200);
    expect(diff).toMatchObject({
      fromPackId: current.id,
      added: [],
      reworded: [],
      parametersChanged: [{ key: 'reviewIntervalMonths', from: 12, to: 24 }],
      editorial: true,
    });
    expectStatus(await adopt(second, 'KF 2026/210'), 200);
    const version2 = (await documentVersions())[1]!;
    expect(version2).toMatchObject({ state: 'adopted', editorial: true });
    const carried = await acknowledgementsOf(version2.id);
    expect(carried.length).toBe(asked.length);
    expect(carried.every((row) => row.carried_over_from_version_id === version1!.id)).toBe(true);

    // A reworded clause: not editorial, everyone is asked again.
    const reworded = ownPolicy('2027.5');
    reworded.clauses[1]!.binding!.parameters.reviewIntervalMonths = 24;
    reworded.clauses[2]!.text.sv = 'Åtkomst till känsliga uppgifter skall loggas och loggarna granskas månadsvis.';
    const third = expectStatus(await importFile(reworded), 201) as Draft;
    const rewordedDiff = expectStatus(
      await send(context, 'GET', `/api/v1/policy-pack-drafts/${third.id}/diff`, { headers: as(falkenas.admin) }),
      200,
    );
    expect(rewordedDiff).toMatchObject({ reworded: [{ id: 'FALK-4-LOGG', fields: ['text.sv'] }], editorial: false });
    expectStatus(await adopt(third, 'KF 2026/220'), 200);
    const version3 = (await documentVersions())[2]!;
    expect(version3.editorial).toBe(false);
    const askedAgain = await acknowledgementsOf(version3.id);
    expect(askedAgain.length).toBe(asked.length);
    expect(askedAgain.every((row) => row.carried_over_from_version_id === null)).toBe(true);
  });

  it('proposes clauses from an uploaded DOCX with numbered headings, stores nothing, and refuses what it cannot read', async () => {
    const docx = fs.readFileSync(path.join(import.meta.dirname, '..', '..', 'policy', 'fixtures', 'falkenas-it-policy.docx'));
    const upload = (body: Buffer | string, user: { authorization: Record<string, string> }, contentType: string) =>
      context.app.inject({
        method: 'POST',
        url: '/api/v1/policy-packs/proposals?prefix=FALK',
        headers: { ...as(user), 'content-type': contentType },
        payload: body,
      });
    const before = await stateOfDatabase(context);
    const response = await upload(docx, itChief, 'application/vnd.openxmlformats-officedocument.wordprocessingml.document');
    const proposal = expectStatus(response, 200) as {
      format: string;
      title: string;
      clauses: { clause: PolicyPackFile['clauses'][number] }[];
    };
    expect(proposal.format).toBe('docx');
    expect(proposal.title).toBe('IT-policy för Falkenäs kommun');
    expect(proposal.clauses.map(({ clause }) => clause.id)).toEqual([
      'FALK-2.1-1',
      'FALK-2.2-1',
      'FALK-2.3-1',
      'FALK-3.1-1',
      'FALK-3.2-1',
      'FALK-3.3-1',
      'FALK-4-1',
      'FALK-5-1',
    ]);
    expect(await stateOfDatabase(context)).toEqual(before);
    // The proposals, titled and two of them bound, are a pack file the import takes.
    const file = ownPolicy('2027.7');
    file.clauses = proposal.clauses.map(({ clause }) => clause);
    file.clauses[1]!.binding = { rule: 'ITP-4.2-DEPUTY', parameters: {} };
    file.clauses[3]!.binding = { rule: 'ITP-4.2.1-RISK-CURRENT', parameters: { riskAnalysisIntervalMonths: 24 } };
    expectStatus(await importFile(file), 201);

    expectProblem(await upload(docx, employee, 'application/octet-stream'), 403, 'forbidden');
    expectProblem(
      await upload(Buffer.from('PK\u0003\u0004 trasig', 'latin1'), itChief, 'application/octet-stream'),
      400,
      'validation_failed',
    );
    expectProblem(await upload('', itChief, 'text/plain'), 400, 'validation_failed');
  });

  it('edits a draft at its version only, and refuses a stale one', async () => {
    const draft = expectStatus(await importFile(ownPolicy('2027.6')), 201) as Draft;
    const changed = ownPolicy('2027.6');
    changed.clauses[2]!.kind = 'information';
    const updated = expectStatus(
      await send(context, 'PUT', `/api/v1/policy-pack-drafts/${draft.id}`, {
        headers: as(itChief),
        ifMatch: draft.version,
        body: { content: changed },
      }),
      200,
    ) as Draft;
    expect(updated.content.clauses[2]!.kind).toBe('information');
    expectProblem(
      await send(context, 'PUT', `/api/v1/policy-pack-drafts/${draft.id}`, {
        headers: as(itChief),
        ifMatch: draft.version,
        body: { content: changed },
      }),
      412,
      'version_mismatch',
    );
    expectProblem(
      await send(context, 'PUT', `/api/v1/policy-pack-drafts/${draft.id}`, {
        headers: as(other.admin),
        ifMatch: updated.version,
        body: { content: changed },
      }),
      404,
      'not_found',
    );
  });
});
