import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { expectProblem, send } from './http.ts';
import { createTestContext, factories, type TestContext, type TestMunicipality } from './test-app.ts';

/**
 * Two creates of the same unique key sent at the same moment: both pass the service's own check
 * (neither sees the other's uncommitted row on PostgreSQL), so the database's unique constraint
 * decides. The loser must hear 409 conflict, never 500, and exactly one record must exist.
 */
describe('concurrent creates of one unique key', () => {
  let context: TestContext;
  let tanum: TestMunicipality;

  beforeAll(async () => {
    context = await createTestContext();
    tanum = await factories(context).municipality('Tanum');
  });
  afterAll(() => context.close());

  async function createTwiceAtOnce(url: string, body: Record<string, unknown>) {
    const responses = await Promise.all([1, 2].map(() => send(context, 'POST', url, { headers: tanum.admin.authorization, body })));
    const statuses = responses.map((response) => response.statusCode).sort();
    expect(statuses, responses.map((response) => response.body).join('\n')).toEqual([201, 409]);
    const problem = expectProblem(responses.find((response) => response.statusCode === 409)!, 409, 'conflict');
    // The answer names no constraint, table or value of the database.
    expect(JSON.stringify(problem)).not.toMatch(/constraint|unique|duplicate|people_|sections_/i);
  }

  for (let round = 1; round <= 3; round += 1) {
    it(`refuses the second of two people with one e-mail address with 409 (round ${round})`, async () => {
      const email = `samtidig-${round}@tanum.se`;
      await createTwiceAtOnce('/api/v1/people', { firstName: 'Samtidig', lastName: `Person ${round}`, email });
      const listed = await send(context, 'GET', `/api/v1/people?q=${encodeURIComponent(email)}`, { headers: tanum.admin.authorization });
      expect(listed.json().items.filter((person: { email: string }) => person.email === email)).toHaveLength(1);
    });

    it(`refuses the second of two drafts of one policy document at once with 409 (round ${round})`, async () => {
      const document = await send(context, 'POST', '/api/v1/documents', {
        headers: tanum.admin.authorization,
        body: { kind: 'other', title: `Samtidig rutin ${round}` },
      });
      const versions = `/api/v1/documents/${document.json().id}/versions`;
      await createTwiceAtOnce(versions, { changeSummary: `Samtidigt utkast ${round}` });
      const listed = await send(context, 'GET', versions, { headers: tanum.admin.authorization });
      expect(listed.json().items.filter((version: { state: string }) => version.state === 'draft')).toHaveLength(1);
    });
  }
});
