import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestContext, type TestContext } from './test-app.ts';

/**
 * Every API route with the permission it demands. The snapshot file is reviewed like code: a diff
 * there is a permission change. A route that declares nothing fails the test.
 */
describe('route permissions', () => {
  let context: TestContext;
  beforeAll(async () => {
    context = await createTestContext();
  });
  afterAll(() => context.close());

  it('declares a permission on every route, and the table is the reviewed one', async () => {
    const table = context.routes
      .map((route) => `${route.method.padEnd(6)} ${route.url.padEnd(44)} ${route.permission}`)
      .sort()
      .join('\n');
    expect(context.routes.filter((route) => route.permission === 'undeclared')).toEqual([]);
    await expect(`${table}\n`).toMatchFileSnapshot('./__snapshots__/route-permissions.txt');
  });
});
