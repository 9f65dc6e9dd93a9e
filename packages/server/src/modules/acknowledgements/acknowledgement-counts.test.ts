import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { acknowledgementFactories } from '../../../test/acknowledgement-factories.ts';
import { createTestContext, factories, type TestContext, type TestMunicipality } from '../../../test/test-app.ts';
import { swedishToday } from '../../platform/calendar.ts';
import { acknowledgementCountsRepository } from './acknowledgement-counts.repository.ts';
import { acknowledgementCoverageRepository, type AudienceTally } from './acknowledgement-coverage.repository.ts';
import { resolveAudience } from './acknowledgement-terms.ts';

/**
 * The counts the database keeps for the coverage view (migration 095, ADR 0022) against a
 * recount, after each kind of write that moves them: requests made, carried over and withdrawn,
 * an acknowledgement, a person moved, leaving, not started or past their end date, a row removed,
 * a statement over many rows. Written straight to the tables too, as imports and jobs do.
 */
describe('acknowledgement counts kept by the database', () => {
  let context: TestContext;
  let make: ReturnType<typeof factories>;
  let documents: ReturnType<typeof acknowledgementFactories>;
  let tanum: TestMunicipality;
  let school: string;
  let preschool: string;
  let care: string;
  const people: string[] = [];

  const sorted = (tallies: AudienceTally[]) =>
    [...tallies].sort((left, right) => (left.departmentId ?? '').localeCompare(right.departmentId ?? ''));
  /** Both readings of the document's current version (and of no version: headcounts alone), which must agree. */
  async function expectCountsEqualRecount(documentId: string, audienceDepartmentIds: string[], label: string) {
    const db = context.database.db;
    const today = swedishToday(context.clock.now());
    const current = await db
      .selectFrom('policy_documents')
      .select('current_version_id')
      .where('id', '=', documentId)
      .executeTakeFirstOrThrow();
    const audience = await resolveAudience(db, tanum.id, audienceDepartmentIds);
    for (const versionId of [current.current_version_id, null]) {
      const recount = await acknowledgementCoverageRepository.recountAudience(db, tanum.id, versionId, audience, today);
      const kept = await acknowledgementCountsRepository.tallyAudience(db, tanum.id, versionId, audience, today);
      expect(sorted(kept), label).toEqual(sorted(recount));
    }
    return acknowledgementCountsRepository.tallyAudience(db, tanum.id, current.current_version_id, audience, today);
  }
  const total = (tallies: AudienceTally[], field: keyof Omit<AudienceTally, 'departmentId'>) =>
    tallies.reduce((sum, tally) => sum + tally[field], 0);

  beforeAll(async () => {
    context = await createTestContext();
    make = factories(context);
    documents = acknowledgementFactories(context);
    tanum = await make.municipality('Tanum');
    school = (await make.department(tanum, 'Barn- och utbildning')).id;
    preschool = (await make.department(tanum, 'Förskolan', school)).id;
    care = (await make.department(tanum, 'Vård och omsorg')).id;
    for (const departmentId of [school, preschool, preschool, care, care, care, undefined])
      people.push((await make.person(tanum, departmentId)).id);
  }, 60_000);
  afterAll(() => context.close());

  it('equal a recount after requests, acknowledgements, moves, leavers, dates and removals, for the whole municipality and for an audience', async () => {
    const db = context.database.db;
    const everyone = await documents.document(tanum);
    const schools = await documents.document(tanum, { audienceDepartmentIds: [school] });
    const check = async (label: string) => {
      await expectCountsEqualRecount(everyone.id, [], label);
      return expectCountsEqualRecount(schools.id, [school], label);
    };
    await documents.adopt(tanum, everyone.id);
    await documents.adopt(tanum, schools.id);
    let schoolTallies = await check('after the first adoptions');
    expect(total(schoolTallies, 'requested')).toBe(3);

    // Acknowledged in the app, by one statement over several rows, and one request removed.
    await db
      .updateTable('acknowledgements')
      .set({ state: 'acknowledged', acknowledged_at: context.clock.now().toISOString(), method: 'in_app' })
      .where('person_id', 'in', [people[0]!, people[3]!, people[6]!])
      .execute();
    schoolTallies = await check('after acknowledgements');
    expect(total(schoolTallies, 'acknowledged')).toBe(1);
    await db.deleteFrom('acknowledgements').where('person_id', '=', people[4]!).where('document_id', '=', everyone.id).execute();
    await check('after a removed request');

    // A person moved into the schools' audience, one leaving, one past the end date the leavers job has not reached, one not started.
    await db.updateTable('people').set({ department_id: preschool }).where('id', '=', people[5]!).execute();
    schoolTallies = await check('after a move into the audience');
    expect(total(schoolTallies, 'activeEmployees')).toBe(4);
    await db.updateTable('people').set({ employment_status: 'left' }).where('id', '=', people[1]!).execute();
    await db.updateTable('people').set({ end_date: '2020-01-01' }).where('id', '=', people[2]!).execute();
    await db.updateTable('people').set({ start_date: '2099-01-01' }).where('id', '=', people[3]!).execute();
    schoolTallies = await check('after a leaver and people outside their dates');
    expect(total(schoolTallies, 'activeEmployees')).toBe(2);

    // Overdue: the due dates passed.
    context.clock.set('2099-06-01T10:00:00.000Z');
    schoolTallies = await check('once the due dates have passed');
    expect(total(schoolTallies, 'overdue')).toBe(total(schoolTallies, 'requested'));

    // An editorial version carries everything over, a new one asks again and withdraws; a person back and one new.
    await documents.adopt(tanum, everyone.id, { editorial: true });
    await check('after an editorial adoption');
    await db.updateTable('people').set({ employment_status: 'active', department_id: care }).where('id', '=', people[1]!).execute();
    people.push((await make.person(tanum, preschool)).id);
    await documents.adopt(tanum, everyone.id);
    await documents.adopt(tanum, schools.id);
    schoolTallies = await check('after new versions');
    expect(total(schoolTallies, 'requested')).toBe(3);

    // Every person of the municipality moved by one statement.
    await db.updateTable('people').set({ department_id: school }).where('municipality_id', '=', tanum.id).execute();
    await check('after moving everyone');
  });
});
