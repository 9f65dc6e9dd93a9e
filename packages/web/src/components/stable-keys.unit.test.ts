import { describe, expect, it } from 'vitest';
import { keyedByContent, nextRowKeys, noRowKeys } from './stable-keys.ts';

describe('row keys', () => {
  const first = { title: 'Avtal' };
  const second = { title: 'Manual' };
  const third = { title: 'Driftinstruktion' };
  const start = nextRowKeys(noRowKeys(), [first, second, third]);

  it('gives each row its own key', () => {
    expect(new Set(start.keys).size).toBe(3);
  });

  it('keeps the keys of the rows that stay when one in the middle is removed', () => {
    const removed = nextRowKeys(start, [first, third]);
    expect(removed.keys).toEqual([start.keys[0], start.keys[2]]);
  });

  it('keeps the key of a row edited in place (a new object at the same position)', () => {
    const edited = nextRowKeys(start, [first, { title: 'Manualen' }, third]);
    expect(edited.keys).toEqual(start.keys);
  });

  it('gives an added row a new key and keeps the others', () => {
    const added = nextRowKeys(start, [first, second, third, { title: '' }]);
    expect(added.keys.slice(0, 3)).toEqual(start.keys);
    expect(start.keys).not.toContain(added.keys[3]);
  });

  it('follows rows that move', () => {
    const moved = nextRowKeys(start, [third, first, second]);
    expect(moved.keys).toEqual([start.keys[2], start.keys[0], start.keys[1]]);
  });

  it('never gives two rows the same key, even for the same object twice', () => {
    const twice = nextRowKeys(start, [first, first, third, second]);
    expect(new Set(twice.keys).size).toBe(4);
  });
});

describe('keys by content', () => {
  it('numbers a repeated text', () => {
    const rows = keyedByContent(['Avtal', 'Manual', 'Avtal'], (text) => text);
    expect(rows.map((row) => row.key)).toEqual(['Avtal#0', 'Manual#0', 'Avtal#1']);
    expect(rows.map((row) => row.item)).toEqual(['Avtal', 'Manual', 'Avtal']);
  });
});
