import { describe, expect, it } from 'vitest';
import { z } from 'zod';
import { createResponseSerializerCompiler } from './response-serializer.ts';

const route = (schema: z.ZodType) => ({ schema, method: 'GET', url: '/api/v1/things' });

const thing = z.object({
  id: z.uuid(),
  name: z.string(),
  lifecycle: z.enum(['planned', 'in_production']),
  userCount: z.number().int().nullable(),
  confirmedAt: z.iso.datetime().nullable(),
  owner: z.object({ id: z.uuid(), name: z.string() }).nullable(),
  tags: z.array(z.string()),
  note: z.string().optional(),
  costs: z.record(z.string(), z.number()),
});
const list = z.object({ items: z.array(thing), total: z.number().int().nullable(), nextCursor: z.string().nullable() });

const row = {
  id: 'ac1807df-cf0a-4661-9b1e-be96eff6bdf5',
  name: 'Procapita',
  lifecycle: 'in_production',
  userCount: null,
  confirmedAt: '2026-08-06T10:00:00.000Z',
  owner: { id: '0b6f7a8e-1d2c-4e5f-8a9b-0c1d2e3f4a5b', name: 'Socialförvaltningen', passwordHash: 'never sent' },
  tags: ['vård'],
  costs: { licence: 120000 },
  internalNote: 'not in the contract',
};

describe('the compiled response serializer', () => {
  it('writes what zod writes for a plain contract, and nothing the contract does not name', () => {
    const mismatches: string[] = [];
    const serialize = createResponseSerializerCompiler({ onMismatch: (name) => mismatches.push(name) })(route(list));
    const data = { items: [row, { ...row, owner: null, userCount: 12, note: 'x' }], total: 2, nextCursor: null };
    // Past the checked responses, so the compiled serializer alone answers.
    let written = '';
    for (let response = 0; response < 120; response += 1) written = serialize(data);
    expect(JSON.parse(written)).toEqual(list.parse(data));
    expect(written).not.toContain('never sent');
    expect(written).not.toContain('internalNote');
    expect(mismatches).toEqual([]);
  });

  it('leaves unions to zod', () => {
    const union = z.union([z.object({ kind: z.literal('a'), a: z.string() }), z.object({ kind: z.literal('b'), b: z.number() })]);
    const serialize = createResponseSerializerCompiler({ onMismatch: () => {} })(route(union));
    expect(JSON.parse(serialize({ kind: 'b', b: 2, extra: true }))).toEqual({ kind: 'b', b: 2 });
  });

  it('falls back to zod for good when the compiled serializer writes something else', () => {
    const mismatches: string[] = [];
    // trim() changes the value on output, which JSON Schema cannot say: the two differ.
    const serialize = createResponseSerializerCompiler({ onMismatch: (name) => mismatches.push(name) })(
      route(z.object({ name: z.string().trim() })),
    );
    expect(JSON.parse(serialize({ name: '  Procapita ' }))).toEqual({ name: 'Procapita' });
    expect(mismatches).toEqual(['GET /api/v1/things']);
    for (let response = 0; response < 120; response += 1) expect(serialize({ name: ' x ' })).toBe('{"name":"x"}');
  });

  it('refuses a response that breaks the contract in the responses it checks against zod', () => {
    const serialize = createResponseSerializerCompiler({ onMismatch: () => {} })(route(list));
    expect(() => serialize({ items: [{ ...row, lifecycle: 'unknown' }], total: 1, nextCursor: null })).toThrow();
  });
});
