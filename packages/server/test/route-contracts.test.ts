import { apiRoutes, type RouteContract } from '@forvalta/contracts';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { z } from 'zod';
import { createTestContext, type TestContext } from './test-app.ts';

/**
 * The web client is typed from the contracts' route map (`apiRoutes`). This holds the map to what
 * the server registers: the same routes, and for each the same query, body and answer schema, so
 * a type in the web cannot promise a shape the server does not send.
 */
describe('the route map of the contracts', () => {
  let context: TestContext;
  beforeAll(async () => {
    context = await createTestContext();
  });
  afterAll(() => context.close());

  const shape = (schema: unknown) =>
    schema === undefined ? undefined : z.toJSONSchema(schema as z.ZodType, { unrepresentable: 'any', io: 'input' });

  it('names every route the server registers, and no other', () => {
    const registered = context.routes.map((route) => `${route.method} ${route.url}`).sort();
    expect(Object.keys(apiRoutes).sort()).toEqual(registered);
  });

  it('gives each route the query, body and answer the server validates and sends', () => {
    const mismatches: string[] = [];
    for (const route of context.routes) {
      const contract: RouteContract = apiRoutes[`${route.method} ${route.url}` as keyof typeof apiRoutes];
      const schema = (route.schema ?? {}) as { querystring?: unknown; body?: unknown; response?: Record<string, unknown> };
      // A success, or the redirect of a browser navigation (single sign-on).
      const success = Object.keys(schema.response ?? {}).find((status) => status.startsWith('2') || status === '302');
      const name = `${route.method} ${route.url}`;
      if (String(contract.status) !== success) mismatches.push(`${name}: status ${contract.status}, server ${success}`);
      if (JSON.stringify(shape(contract.query)) !== JSON.stringify(shape(schema.querystring))) mismatches.push(`${name}: query`);
      if (JSON.stringify(shape(contract.body)) !== JSON.stringify(shape(schema.body))) mismatches.push(`${name}: body`);
      if (contract.status !== 204 && !contract.file && !contract.redirect) {
        const answer = success ? schema.response?.[success] : undefined;
        if (JSON.stringify(shape(contract.response)) !== JSON.stringify(shape(answer))) mismatches.push(`${name}: answer`);
      }
    }
    expect(mismatches).toEqual([]);
  });
});
