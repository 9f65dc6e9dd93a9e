import { randomUUID } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestContext, factories, type TestContext, type TestMunicipality } from '../../../test/test-app.ts';
import { expectStatus, send } from '../../../test/http.ts';

interface Result {
  clauseId: string;
  subjectType: string;
  subjectId: string;
  status: string;
  reason: string;
  evidence: Record<string, unknown>;
}

// Issue #13's rules on live data: the compliance repository reads the documents' and training's
// tables (rows written here as those modules store them) with set-based queries.
describe('compliance rules over policy documents and training', () => {
  let context: TestContext;
  let tanum: TestMunicipality;
  let other: TestMunicipality;
  let school: string;
  const now = '2026-11-28T09:00:00.000Z';

  async function insertDocument(municipality: TestMunicipality, kind: string, title: string, decisionDate: string, nextReviewDate: string) {
    const id = randomUUID();
    const versionId = randomUUID();
    const db = context.database.db;
    // The security guidelines a new municipality starts with (no version yet) give way to this one.
    await db
      .deleteFrom('policy_documents')
      .where('municipality_id', '=', municipality.id)
      .where('kind', '=', 'security_guidelines')
      .where('current_version_id', 'is', null)
      .execute();
    await db
      .insertInto('policy_documents')
      .values({
        id,
        municipality_id: municipality.id,
        kind,
        title,
        sort_key: title.toLowerCase(),
        search_text: title.toLowerCase(),
        owner_role: 'administrator',
        review_interval_months: 36,
        requires_acknowledgement: 1,
        audience_department_ids_json: '[]',
        next_review_date: nextReviewDate,
        created_at: now,
        updated_at: now,
        version: 1,
      })
      .execute();
    await db
      .insertInto('policy_document_versions')
      .values({
        id: versionId,
        municipality_id: municipality.id,
        document_id: id,
        number: 1,
        state: 'adopted',
        editorial: 0,
        adopted_by: 'Kommunstyrelsen',
        decision_date: decisionDate,
        adopted_at: now,
        created_at: now,
        updated_at: now,
        version: 1,
      })
      .execute();
    await db.updateTable('policy_documents').set({ current_version_id: versionId }).where('id', '=', id).execute();
    return { id, versionId };
  }

  beforeAll(async () => {
    context = await createTestContext();
    const make = factories(context);
    tanum = await make.municipality('Tanum');
    other = await make.municipality('Lysekil');
    school = (await make.department(tanum, 'Barn- och utbildning')).id;
    const teachers = [];
    for (let index = 0; index < 4; index += 1) teachers.push(await make.person(tanum, school));
    const policy = await insertDocument(tanum, 'it_policy', 'IT-policy för Tanums kommun', '2002-12-18', '2005-12-18');
    const guidelines = await insertDocument(tanum, 'security_guidelines', 'Riktlinjer för IT-säkerhet', '2026-01-20', '2029-01-20');
    // Every teacher acknowledged both, within two days of being asked.
    for (const document of [policy, guidelines]) {
      for (const teacher of teachers) {
        await context.database.db
          .insertInto('acknowledgements')
          .values({
            id: randomUUID(),
            municipality_id: tanum.id,
            person_id: teacher.id,
            document_id: document.id,
            version_id: document.versionId,
            state: 'acknowledged',
            requested_at: '2026-01-21T08:00:00.000Z',
            due_date: '2026-02-04',
            acknowledged_at: '2026-01-23T10:00:00.000Z',
            method: 'in_app',
            reminder_count: 0,
            created_at: now,
            updated_at: now,
            version: 1,
          })
          .execute();
      }
    }
    await insertDocument(other, 'it_policy', 'IT-policy för Lysekils kommun', '2025-05-05', '2028-05-05');
    const courseId = randomUUID();
    const sessionId = randomUUID();
    const db = context.database.db;
    await db
      .insertInto('training_courses')
      .values({
        id: courseId,
        municipality_id: tanum.id,
        title: 'IT-säkerhet',
        sort_key: 'it-säkerhet',
        topic: 'it_security_and_networks',
        mandatory: 1,
        created_at: now,
        updated_at: now,
        version: 1,
      })
      .execute();
    await db
      .insertInto('training_sessions')
      .values({
        id: sessionId,
        municipality_id: tanum.id,
        course_id: courseId,
        starts_at: '2026-03-02T08:00:00.000Z',
        ends_at: '2026-03-02T11:00:00.000Z',
        registered_count: 4,
        created_at: now,
        updated_at: now,
        version: 1,
      })
      .execute();
    // Three of the four teachers attended; the fourth was absent.
    for (const [index, teacher] of teachers.entries()) {
      await db
        .insertInto('training_attendances')
        .values({
          id: randomUUID(),
          municipality_id: tanum.id,
          session_id: sessionId,
          course_id: courseId,
          topic: 'it_security_and_networks',
          person_id: teacher.id,
          session_date: '2026-03-02',
          status: index < 3 ? 'attended' : 'absent',
          created_at: now,
          updated_at: now,
          version: 1,
        })
        .execute();
    }
  });
  afterAll(() => context.close());

  const results = async (municipality: TestMunicipality, rule: string) =>
    (
      expectStatus(
        await send(context, 'GET', `/api/v1/compliance/results?rule=${rule}&limit=100`, { headers: municipality.admin.authorization }),
        200,
      ) as { items: Result[] }
    ).items;

  it('fails the IT policy of 2002 (ITP-13-REVISE) and passes another municipality’s current one', async () => {
    expect(await results(tanum, 'ITP-13-REVISE')).toEqual([
      expect.objectContaining({
        subjectType: 'document',
        status: 'fail',
        reason: 'document_review_overdue',
        evidence: expect.objectContaining({ adoptedOn: '2002-12-18', dueDate: '2005-12-18', adoptedBy: 'Kommunstyrelsen' }),
      }),
    ]);
    expect(await results(other, 'ITP-13-REVISE')).toEqual([expect.objectContaining({ status: 'pass', reason: 'document_in_force' })]);
  });

  it('passes the guidelines and fails the missing operations instruction', async () => {
    expect((await results(tanum, 'ITP-11-GUIDELINES')).map((result) => result.status)).toEqual(['pass']);
    expect(await results(tanum, 'ITP-4.3-OPS-INSTRUCTION')).toEqual([
      expect.objectContaining({ status: 'fail', reason: 'document_missing' }),
    ]);
  });

  it('judges the department by its share of employees trained in IT security (3 of 4 is under 90 %)', async () => {
    const schoolResult = (await results(tanum, 'ITP-5-SECURITY-NET')).find((result) => result.subjectId === school);
    expect(schoolResult).toMatchObject({
      subjectType: 'department',
      status: 'fail',
      reason: 'share_below',
      evidence: { asked: 4, met: 3, sharePercent: 75, thresholdPercent: 90 },
    });
    const adequate = (await results(tanum, 'ITP-5-ADEQUATE')).find((result) => result.subjectId === school);
    expect(adequate).toMatchObject({ status: 'fail', evidence: { courses: ['IT-säkerhet'], met: 3 } });
  });

  it("passes the department's knowledge of the policy and its timely acknowledgement (ITP-4.2-KNOW, ITP-12-CHANGE-INFORM)", async () => {
    expect((await results(tanum, 'ITP-4.2-KNOW')).find((result) => result.subjectId === school)).toMatchObject({
      status: 'pass',
      evidence: { asked: 4, met: 4, documents: ['IT-policy för Tanums kommun, version 1', 'Riktlinjer för IT-säkerhet, version 1'] },
    });
    expect((await results(tanum, 'ITP-12-CHANGE-INFORM')).find((result) => result.subjectId === school)).toMatchObject({
      status: 'pass',
      evidence: { asked: 4, met: 4, workingDays: 10 },
    });
    // Lysekil's employees were never asked: no department of theirs passes on Tanum's acknowledgements.
    expect((await results(other, 'ITP-4.2-KNOW')).every((result) => result.status !== 'pass')).toBe(true);
  });

  it('counts the new rules in the summary, and a department head’s view keeps its own department’s people rules', async () => {
    const summary = expectStatus(await send(context, 'GET', '/api/v1/compliance', { headers: tanum.admin.authorization }), 200);
    const checkOf = (view: { clauses: Array<{ clauseId: string; check: string }> }, clauseId: string) =>
      view.clauses.find((clause) => clause.clauseId === clauseId)?.check;
    expect(checkOf(summary, 'ITP-13-REVISE')).toBe('failed');
    expect(checkOf(summary, 'ITP-11-GUIDELINES')).toBe('met');
    const scoped = expectStatus(
      await send(context, 'GET', `/api/v1/compliance?department=${school}`, { headers: tanum.admin.authorization }),
      200,
    );
    expect(checkOf(scoped, 'ITP-5-SECURITY-NET')).toBe('failed');
    // The municipality's documents count for no department: not in a department's view.
    expect(checkOf(scoped, 'ITP-13-REVISE')).toBe('not_applicable');
  });
});
