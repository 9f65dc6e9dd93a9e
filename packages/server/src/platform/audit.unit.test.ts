import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { canonicalJson } from './audit.ts';

/**
 * The canonical form as it was first written, and as every stored hash was computed: a
 * JSON.stringify replacer that rebuilds each object from its entries sorted with localeCompare.
 * canonicalJson must give the same bytes for every value, or `forvalta audit verify` would report
 * old events as altered.
 */
function replacerCanonicalJson(value: unknown): string | null {
  if (value === undefined || value === null) return null;
  return JSON.stringify(value, (_key, inner) =>
    inner && typeof inner === 'object' && !Array.isArray(inner)
      ? Object.fromEntries(Object.entries(inner).sort(([left], [right]) => left.localeCompare(right)))
      : inner,
  );
}

/** Either the text or the error, so that both forms must also fail alike (a BigInt, for one). */
function outcome(canonicalise: (value: unknown) => string | null, value: unknown): { text?: string | null; error?: string } {
  try {
    return { text: canonicalise(value) };
  } catch (error) {
    return { error: (error as Error).constructor.name };
  }
}

const sameAsReplacer = (value: unknown) => expect(outcome(canonicalJson, value)).toEqual(outcome(replacerCanonicalJson, value));

describe('canonical JSON of audit values', () => {
  it('sorts keys at every depth and drops undefined fields, as the stored events have it', () => {
    expect(canonicalJson({ b: 1, a: { d: [{ z: null, y: undefined, x: 'å' }], c: true } })).toBe(
      '{"a":{"c":true,"d":[{"x":"å","z":null}]},"b":1}',
    );
    expect(canonicalJson(undefined)).toBeNull();
    expect(canonicalJson(null)).toBeNull();
  });

  it('gives the bytes of the replacer form for the values events carry', () => {
    const values: unknown[] = [
      { name: 'Procapita', lifecycle: 'in_production', ownerDepartmentId: '0b3c…', usingDepartmentIds: [], classification: null },
      { systemId: 'a', personId: 'b', role: 'deputy' },
      { Zeta: 1, zeta: 2, alpha: 3, Älv: 4, ärende: 5, öl: 6, å: 7, Ö: 8, e: 9, é: 10, 'e\u0301': 11, _x: 12, '-y': 13, ' ': 14 },
      { 10: 'ten', 2: 'two', b: 'b', a: 'a', '01': 'not an index', '-1': 'not an index', 4294967295: 'not an index' },
      { quote: 'say "hej"\n\ttab \\ backslash', unicode: '\u2028\u2029 \ud83d\ude00 \ud800 lone', control: '\u0000\u001f' },
      { numbers: [0, -0, 1.5, -2e-7, 1e21, Number.MAX_SAFE_INTEGER, Number.NaN, Number.POSITIVE_INFINITY] },
      { date: new Date('2026-11-28T12:00:00.000Z'), nested: { when: new Date(0) } },
      [undefined, () => 1, Symbol('s'), { fn: () => 1, symbol: Symbol('s'), kept: 1 }],
      { boxed: [new Number(3), new String('ab'), new Boolean(false)], map: new Map([['a', 1]]), set: new Set([1]) },
      { toJson: { toJSON: (key: string) => ({ key, b: 2, a: 1 }) } },
      // biome-ignore lint/suspicious/noSparseArray: the hole is the case under test (written as null)
      [1, , 3],
      { big: 1n },
      'a string',
      42,
      false,
      [],
      {},
    ];
    for (const value of values) sameAsReplacer(value);
  });

  it('gives the bytes of the replacer form for any value', () => {
    fc.assert(
      fc.property(
        fc.anything({
          withBoxedValues: true,
          withDate: true,
          withMap: true,
          withSet: true,
          withNullPrototype: true,
          withSparseArray: true,
          withTypedArray: true,
          withObjectString: true,
          withBigInt: true,
          withUnicodeString: true,
        }),
        (value) => {
          sameAsReplacer(value);
        },
      ),
      { numRuns: 2000 },
    );
  });

  it('orders any mix of keys as the replacer form does (integer-like, accented, cased, __proto__)', () => {
    const key = fc.oneof(
      fc.constantFrom(
        '0',
        '1',
        '10',
        '01',
        '-1',
        '4294967294',
        '4294967295',
        '__proto__',
        'a',
        'A',
        'å',
        'Ä',
        'ö',
        'é',
        'e\u0301',
        '',
        ' ',
      ),
      fc.string({ unit: 'grapheme' }),
    );
    const tree = fc.letrec((tie) => ({
      value: fc.oneof({ depthSize: 'small' }, fc.string(), fc.double(), fc.constant(undefined), fc.array(tie('value')), tie('object')),
      object: fc.dictionary(key, tie('value'), { maxKeys: 12 }),
    }));
    fc.assert(
      fc.property(tree.object, (value) => {
        sameAsReplacer(value);
      }),
      { numRuns: 3000 },
    );
  });
});
