import fc from 'fast-check';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestContext, factories, type TestContext, type TestMunicipality } from './test-app.ts';

/**
 * Generated input against the write endpoints: wrong types, huge and odd strings (unicode,
 * control characters, lone surrogates), deep JSON, out-of-range dates. The answer may be any 4xx
 * (or a 2xx when the input happens to be valid), but never a 5xx.
 */
describe('fuzzing the write endpoints', () => {
  let context: TestContext;
  let tanum: TestMunicipality;
  let departmentId: string;

  beforeAll(async () => {
    context = await createTestContext();
    const make = factories(context);
    tanum = await make.municipality('Fuzz');
    departmentId = (await make.department(tanum, 'Fuzzförvaltningen')).id;
  });
  afterAll(() => context.close());

  const oddString = fc.oneof(
    fc.string({ maxLength: 300 }),
    fc.string({ unit: 'grapheme', maxLength: 50 }),
    fc.string({ unit: fc.constantFrom('\u0000', '\u202e', '\ud800', 'å', '=', '%', '_', '\\', '\u200b'), maxLength: 40 }),
    fc.constant('x'.repeat(100_000)),
  );
  const oddValue = fc.oneof(
    oddString,
    fc.integer(),
    fc.double(),
    fc.boolean(),
    fc.constant(null),
    fc.date({ noInvalidDate: true }).map((date) => date.toISOString()),
    fc.constantFrom('9999-99-99', '0000-00-00', '2026-02-30'),
  );
  const body = (fields: string[]) =>
    fc.dictionary(
      fc.oneof(fc.constantFrom(...fields), fc.string({ maxLength: 20 })),
      fc.oneof(oddValue, fc.array(oddValue, { maxLength: 3 }), fc.object({ maxDepth: 3 })),
      { maxKeys: 8 },
    );

  const targets: Array<{ url: string; fields: string[] }> = [
    { url: '/api/v1/departments', fields: ['name', 'shortName', 'parentId', 'isItUnit'] },
    { url: '/api/v1/people', fields: ['firstName', 'lastName', 'email', 'departmentId', 'title', 'startDate'] },
    {
      url: '/api/v1/systems',
      fields: ['name', 'kind', 'scope', 'lifecycle', 'ownerDepartmentId', 'yearlyCosts', 'classification', 'tags', 'documentationLinks'],
    },
    { url: '/api/v1/role-assignments', fields: ['personId', 'role', 'departmentId'] },
    { url: '/api/v1/integrations', fields: ['providerSystemId', 'consumerSystemId', 'method', 'frequency'] },
  ];

  for (const target of targets) {
    it(`POST ${target.url} never answers 5xx`, async () => {
      await fc.assert(
        fc.asyncProperty(body(target.fields), async (payload) => {
          if ('ownerDepartmentId' in payload && typeof payload.ownerDepartmentId !== 'string') payload.ownerDepartmentId = departmentId;
          const response = await context.app.inject({
            method: 'POST',
            url: target.url,
            headers: { ...tanum.admin.authorization, 'content-type': 'application/json' },
            payload: JSON.stringify(payload),
          });
          expect(response.statusCode, response.body.slice(0, 300)).toBeLessThan(500);
        }),
        { numRuns: 60 },
      );
    });
  }

  it('refuses NUL and lone surrogates in any text field with 400, on both databases', async () => {
    for (const name of ['a\u0000b', 'a\ud800b', 'tab\u0007bell']) {
      const response = await context.app.inject({
        method: 'POST',
        url: '/api/v1/departments',
        headers: { ...tanum.admin.authorization, 'content-type': 'application/json' },
        payload: JSON.stringify({ name }),
      });
      expect(response.statusCode).toBe(400);
      expect(response.json().errors[0]).toMatchObject({ path: 'body.name', code: 'invalid_characters' });
    }
    const query = await context.app.inject({ method: 'GET', url: '/api/v1/people?q=%00', headers: tanum.admin.authorization });
    expect(query.statusCode).toBe(400);
    const ordinary = await context.app.inject({
      method: 'POST',
      url: '/api/v1/departments',
      headers: { ...tanum.admin.authorization, 'content-type': 'application/json' },
      payload: JSON.stringify({ name: 'Kultur och fritid 🎭\nrad två' }),
    });
    expect(ordinary.statusCode).toBe(201);
  });

  it('never answers 5xx to malformed bytes', async () => {
    await fc.assert(
      fc.asyncProperty(fc.uint8Array({ maxLength: 200 }), async (bytes) => {
        const response = await context.app.inject({
          method: 'POST',
          url: '/api/v1/departments',
          headers: { ...tanum.admin.authorization, 'content-type': 'application/json' },
          payload: Buffer.from(bytes),
        });
        expect(response.statusCode).toBeGreaterThanOrEqual(400);
        expect(response.statusCode).toBeLessThan(500);
      }),
      { numRuns: 60 },
    );
  });
});
