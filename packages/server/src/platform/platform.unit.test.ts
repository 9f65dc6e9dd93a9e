import { randomBytes } from 'node:crypto';
import fc from 'fast-check';
import { beforeAll, describe, expect, it } from 'vitest';
import { auditKeyOf, installAuditKey } from './audit-key.ts';
import { hashAuditEvent } from './audit.ts';
import { AppError } from './errors.ts';
import { decodeCursor, encodeCursor, resolveSort } from './paging.ts';
import { likePattern, searchText, swedishSortKey } from './text.ts';

describe('Swedish sort keys', () => {
  it('sort å, ä, ö after z, in that order, ignoring case', () => {
    const names = ['Öberg', 'åkesson', 'Zetterlund', 'Ängström', 'andersson', 'Björk'];
    expect([...names].sort((left, right) => (swedishSortKey(left) < swedishSortKey(right) ? -1 : 1))).toEqual([
      'andersson',
      'Björk',
      'Zetterlund',
      'åkesson',
      'Ängström',
      'Öberg',
    ]);
  });

  it('agree with Intl.Collator("sv") on Swedish words', () => {
    const collator = new Intl.Collator('sv');
    const words = ['ö', 'å', 'ä', 'z', 'a', 'Ö', 'Å', 'e', 'é'];
    const byKey = [...words].sort((left, right) =>
      swedishSortKey(left) < swedishSortKey(right) ? -1 : swedishSortKey(left) > swedishSortKey(right) ? 1 : 0,
    );
    const byCollator = [...words].sort(collator.compare);
    expect(byKey.map(swedishSortKey)).toEqual(byCollator.map(swedishSortKey));
  });
});

describe('search text and LIKE patterns', () => {
  it('folds case, including å, ä, ö', () => {
    expect(searchText('Åsa', 'ÖBERG', null)).toBe('åsa öberg');
  });
  it('escapes LIKE wildcards so input is matched literally', () => {
    expect(likePattern('50%_x\\')).toBe('%50\\%\\_x\\\\%');
  });
});

describe('keyset cursors', () => {
  it('round-trip any value and id', () => {
    fc.assert(
      fc.property(fc.oneof(fc.string(), fc.integer()), fc.uuid(), (value, id) => {
        expect(decodeCursor(encodeCursor(value, id))).toEqual([value, id]);
      }),
    );
  });
  it('reject anything else with a validation error, never a crash', () => {
    fc.assert(
      fc.property(fc.string(), (garbage) => {
        try {
          const decoded = decodeCursor(garbage);
          expect(decoded).toHaveLength(2);
        } catch (error) {
          expect(error).toBeInstanceOf(AppError);
          expect((error as AppError).code).toBe('validation_failed');
        }
      }),
    );
  });
  it('resolve sort fields, falling back to the default for unknown ones', () => {
    const columns = { name: 'people.sort_key', createdAt: 'people.created_at' };
    expect(resolveSort('-name', columns, 'name', 'people.id')).toMatchObject({ column: 'people.sort_key', direction: 'desc' });
    expect(resolveSort(undefined, columns, 'createdAt', 'people.id')).toMatchObject({ column: 'people.created_at', direction: 'asc' });
  });
});

describe('audit hashing', () => {
  const event = {
    id: 'e1',
    chain_id: 'm1',
    sequence: 1,
    municipality_id: 'm1',
    occurred_at: '2026-11-28T09:00:00.000Z',
    actor_login_id: null,
    actor_name: 'system: test',
    action: 'create',
    entity_type: 'department',
    entity_id: 'd1',
    before_json: null,
    after_json: '{"name":"IT-enheten"}',
    previous_hash: '0'.repeat(64),
  };
  beforeAll(() => installAuditKey(auditKeyOf(randomBytes(32))));
  it('depends on the audit key: another key gives another hash, and it is not the unkeyed SHA-256', () => {
    const other = auditKeyOf(randomBytes(32));
    expect(hashAuditEvent(event, other)).not.toBe(hashAuditEvent(event));
    expect(hashAuditEvent(event, other)).toMatch(/^[0-9a-f]{64}$/);
  });
  it('changes when any field or the previous hash changes', () => {
    const original = hashAuditEvent(event);
    expect(hashAuditEvent({ ...event })).toBe(original);
    for (const [key, value] of Object.entries({
      after_json: '{"name":"X"}',
      sequence: 2,
      previous_hash: '1'.repeat(64),
      actor_name: 'someone',
      occurred_at: '2026-11-28T09:00:00.001Z',
    })) {
      expect(hashAuditEvent({ ...event, [key]: value })).not.toBe(original);
    }
  });
});
