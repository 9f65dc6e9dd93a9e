import { randomUUID } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { expectStatus, send } from '../../../test/http.ts';
import { systemFactories } from '../../../test/system-factories.ts';
import { createTestContext, factories, type TestContext, type TestMunicipality, type TestUser } from '../../../test/test-app.ts';
import { buildCsv } from '../../platform/spreadsheets/spreadsheet-fixtures.ts';

/**
 * A system's rights list in its two steps (the page's ids, then its rows) and its count, which
 * joins the holders only when a filter reads them: the pages and totals must be those of the
 * one-statement list they replaced, with and without such filters.
 */
describe('access rights list: paging and counts', () => {
  let context: TestContext;
  let tanum: TestMunicipality;
  let itUnit: TestUser;
  let treserva: { id: string };
  let people: Array<{ id: string; email: string }>;

  const list = async (query: string) =>
    expectStatus(await send(context, 'GET', `/api/v1/access-rights?${query}`, { headers: itUnit.authorization }), 200) as {
      items: Array<{ id: string; personId: string; personName: string; state: string }>;
      total: number;
      nextCursor: string | null;
    };

  beforeAll(async () => {
    context = await createTestContext();
    const make = factories(context);
    const register = systemFactories(context);
    tanum = await make.municipality('Tanum');
    const care = (await make.department(tanum, 'Omsorg')).id;
    treserva = await register.system(tanum, care, { name: 'Treserva' });
    const now = context.clock.now().toISOString();
    await context.database.db
      .insertInto('access_levels')
      .values({
        id: randomUUID(),
        municipality_id: tanum.id,
        system_id: treserva.id,
        name: 'Läsare',
        sort_key: 'läsare',
        description: null,
        privileged: 0,
        created_at: now,
        updated_at: now,
        version: 1,
      })
      .execute();
    itUnit = await make.user(tanum, 'it_unit');
    people = [];
    for (let index = 0; index < 5; index += 1) people.push(await make.person(tanum, care));
    const rows = people.map((person, index) => [person.email, 'Treserva', 'Läsare', index === 4 ? '2026-01-01' : '']);
    const file = buildCsv([['email', 'system', 'level', 'endDate'], ...rows.map((row, index) => (index === 4 ? row : row.slice(0, 3)))]);
    // The fifth right is created, then ended by the same file with its end date.
    const created = buildCsv([['email', 'system', 'level'], ...rows.map((row) => row.slice(0, 3))]);
    for (const body of [created, file])
      expectStatus(
        await context.app.inject({
          method: 'POST',
          url: '/api/v1/access-rights/import?mode=apply',
          headers: { 'content-type': 'text/csv', ...itUnit.authorization },
          payload: body,
        }),
        200,
      );
  });
  afterAll(() => context.close());

  it('pages a system’s active rights one at a time in the order of the whole list, with the same total on every page', async () => {
    const whole = await list(`systemId=${treserva.id}&state=active`);
    expect(whole.total).toBe(4);
    expect(whole.items.map((right) => right.state)).toEqual(['active', 'active', 'active', 'active']);
    const names = whole.items.map((right) => right.personName);
    expect(names).toEqual([...names].sort((left, right) => left.localeCompare(right, 'sv')));
    const paged: string[] = [];
    let cursor = '';
    for (let page = 0; page < 5; page += 1) {
      const one = await list(`systemId=${treserva.id}&state=active&limit=1${cursor ? `&cursor=${cursor}` : ''}`);
      expect(one.total).toBe(4);
      paged.push(...one.items.map((right) => right.id));
      if (!one.nextCursor) break;
      cursor = one.nextCursor;
    }
    expect(paged).toEqual(whole.items.map((right) => right.id));
  });

  it('counts the ended rights without a state filter, and counts through the holders when searching by name', async () => {
    expect((await list(`systemId=${treserva.id}`)).total).toBe(5);
    expect((await list(`systemId=${treserva.id}&state=ended`)).items.map((right) => right.personId)).toEqual([people[4]!.id]);
    const first = (await list(`systemId=${treserva.id}&state=active`)).items[0]!;
    const searched = await list(`systemId=${treserva.id}&state=active&q=${encodeURIComponent(first.personName)}`);
    expect(searched.total).toBe(searched.items.length);
    expect(searched.items.map((right) => right.id)).toContain(first.id);
    expect((await list(`personId=${people[0]!.id}`)).total).toBe(1);
  });
});
