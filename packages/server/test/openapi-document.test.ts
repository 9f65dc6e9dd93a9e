import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestContext, type TestContext } from './test-app.ts';

interface OpenApiDocument {
  components: { securitySchemes: Record<string, { type: string; in?: string; name?: string }> };
  info: { license?: { name: string; identifier?: string } };
  servers?: Array<{ url: string }>;
  paths: Record<string, Record<string, { operationId?: string }>>;
}

/** The served OpenAPI document: every operation named once, so a generated client names every call. */
describe('the OpenAPI document', () => {
  let context: TestContext;
  let document: OpenApiDocument;
  beforeAll(async () => {
    context = await createTestContext();
    const response = await context.app.inject({ method: 'GET', url: '/api/openapi.json' });
    expect(response.statusCode).toBe(200);
    document = response.json();
  });
  afterAll(() => context.close());

  const operations = () =>
    Object.entries(document.paths).flatMap(([path, methods]) =>
      Object.entries(methods).map(([method, operation]) => ({ where: `${method.toUpperCase()} ${path}`, id: operation.operationId })),
    );

  it('gives every operation an operationId in camelCase', () => {
    const all = operations();
    expect(all.length).toBeGreaterThan(50);
    expect(all.filter((operation) => !/^[a-z][A-Za-z0-9]*$/.test(operation.id ?? '')).map((operation) => operation.where)).toEqual([]);
  });

  it('never gives two operations the same operationId', () => {
    const byId = new Map<string, string[]>();
    for (const operation of operations()) byId.set(operation.id!, [...(byId.get(operation.id!) ?? []), operation.where]);
    expect([...byId.entries()].filter(([, where]) => where.length > 1)).toEqual([]);
  });

  it('describes every route the server registers', () => {
    const documented = new Set(operations().map((operation) => operation.where));
    const registered = context.routes
      .filter((route) => route.url.startsWith('/api/v1/') || route.url.startsWith('/public/v1/'))
      .map((route) => `${route.method} ${route.url.replace(/:(\w+)/g, '{$1}')}`);
    expect(registered.filter((route) => !documented.has(route))).toEqual([]);
  });

  it('names the licence and a server', () => {
    expect(document.info.license).toEqual({ name: 'EUPL-1.2', identifier: 'EUPL-1.2' });
    expect(document.servers?.length).toBeGreaterThan(0);
  });

  it('names the session cookie as the server sets it: forvalta_session, and __Host-forvalta_session with COOKIE_SECURE=true', async () => {
    expect(document.components.securitySchemes.session).toEqual({ type: 'apiKey', in: 'cookie', name: 'forvalta_session' });
    const secure = await createTestContext({ COOKIE_SECURE: 'true' });
    try {
      const served: OpenApiDocument = (await secure.app.inject({ method: 'GET', url: '/api/openapi.json' })).json();
      expect(served.components.securitySchemes.session).toEqual({ type: 'apiKey', in: 'cookie', name: '__Host-forvalta_session' });
    } finally {
      await secure.close();
    }
  });
});
