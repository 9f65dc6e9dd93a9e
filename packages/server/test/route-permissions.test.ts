import { randomUUID } from 'node:crypto';
import type { Permission } from '@forvalta/contracts';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Actor } from '../src/access/actor.ts';
import { observeUseCases } from '../src/access/use-case.ts';
import { createTestContext, factories, type TestContext, type TestMunicipality } from './test-app.ts';

/**
 * Every API route with the permission it demands. The snapshot file is reviewed like code: a diff
 * there is a permission change. A route that declares nothing fails the test, and so does a route
 * whose handler runs a use case of another permission than the one it declares.
 */
describe('route permissions', () => {
  let context: TestContext;
  let tanum: TestMunicipality;
  beforeAll(async () => {
    context = await createTestContext();
    tanum = await factories(context).municipality('Rutterna');
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

  it('declares on every route the permission of the use case its handler runs, so the table says what is enforced', async () => {
    // A person of the municipality without any role: every use case refuses them at its check, so
    // nothing is written, and the use case's permission is seen as it is called.
    const nobody: Actor = {
      kind: 'person',
      loginId: randomUUID(),
      personId: randomUUID(),
      email: 'nobody@example.se',
      name: 'Ingen Roll',
      locale: 'sv',
      municipalityId: tanum.id,
      roles: [],
      authenticatedBy: 'token',
    };
    // Whatever a handler does with its answer (status, headers, cookies, send) returns the answer again.
    const reply: object = new Proxy({}, { get: (_target, property) => (property === 'then' ? undefined : () => reply) });
    const mismatches: string[] = [];
    let checked = 0;
    for (const route of context.routes) {
      const request = {
        actor: nobody,
        params: { id: randomUUID(), assignmentId: randomUUID(), analysisId: randomUUID(), duty: 'documentation' },
        query: { limit: 10 },
        body: {},
        headers: { 'if-match': '"1"' },
        cookies: {},
        ip: '127.0.0.1',
        log: context.app.log,
        routeOptions: { config: { permission: route.permission } },
      };
      const called: Permission[] = [];
      const stop = observeUseCases((permission) => called.push(permission));
      let outcome = 'answered';
      try {
        await route.handler.call(context.app, request as never, reply as never);
      } catch (error) {
        outcome = (error as { code?: string }).code ?? String(error);
      } finally {
        stop();
      }
      const declared = route.permission === 'public' || route.permission === 'authenticated' ? undefined : route.permission;
      if (called[0] !== declared) {
        mismatches.push(`${route.method} ${route.url}: declares ${route.permission}, runs ${called[0] ?? 'no use case'} (${outcome})`);
      }
      // A person without roles gets nothing from a route that declares a permission.
      if (declared && outcome === 'answered') mismatches.push(`${route.method} ${route.url}: answered a person without roles`);
      if (declared) checked += 1;
    }
    expect(mismatches).toEqual([]);
    expect(checked).toBeGreaterThan(80);
  });
});
