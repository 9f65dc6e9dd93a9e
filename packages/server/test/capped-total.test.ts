import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { cappedTotal } from '../src/platform/paging.ts';
import { createTestContext, factories, type TestContext, type TestMunicipality } from './test-app.ts';

/**
 * The capped count of long lists (platform/paging.ts, the asset list's total): exact up to the
 * cap, the cap and `totalCapped` beyond it, and only the municipality asked about counted.
 */
describe('capped totals', () => {
  let context: TestContext;
  let tanum: TestMunicipality;

  beforeAll(async () => {
    context = await createTestContext();
    const make = factories(context);
    tanum = await make.municipality('Tanum');
    const other = await make.municipality('Strömstad');
    for (const name of ['Bygg', 'Omsorg', 'Skola']) await make.department(tanum, name);
    for (const name of ['Bygg', 'Omsorg', 'Skola', 'Kultur']) await make.department(other, name);
  });
  afterAll(() => context.close());

  const departments = () => context.database.db.selectFrom('departments').where('municipality_id', '=', tanum.id);

  it('counts exactly up to the cap and says when more match', async () => {
    const all = Number(
      (
        await departments()
          .select((eb) => eb.fn.countAll().as('count'))
          .executeTakeFirstOrThrow()
      ).count,
    );
    expect(all).toBeGreaterThanOrEqual(3);
    expect(await cappedTotal(context.database.db, departments(), all + 5)).toEqual({ total: all, totalCapped: false });
    expect(await cappedTotal(context.database.db, departments(), all)).toEqual({ total: all, totalCapped: false });
    expect(await cappedTotal(context.database.db, departments(), all - 1)).toEqual({ total: all - 1, totalCapped: true });
    expect(await cappedTotal(context.database.db, departments().where('name', '=', 'Omsorg'), 1)).toEqual({
      total: 1,
      totalCapped: false,
    });
  });
});
