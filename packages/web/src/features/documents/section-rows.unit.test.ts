import { describe, expect, it } from 'vitest';
import { compareSectionCodes, sectionRowsOf, sectionsBodyOf } from './section-rows.ts';

describe('the guidelines’ section editor rows', () => {
  it('sends the sections in the order shown, keeping the ids of those that had one', () => {
    const rows = sectionRowsOf([
      { id: 'a', code: '1', title: 'Syfte', description: null },
      { id: 'b', code: '2', title: 'Lösenord', description: 'Minst tolv tecken' },
    ]);
    const body = sectionsBodyOf([rows[1]!, { key: 'new-1', code: ' 3 ', title: ' Loggning ', description: '  ' }, rows[0]!]);
    expect(body).toEqual([
      { id: 'b', code: '2', title: 'Lösenord', description: 'Minst tolv tecken' },
      { code: '3', title: 'Loggning', description: null },
      { id: 'a', code: '1', title: 'Syfte', description: null },
    ]);
  });

  it('sorts codes as numbers part by part, not as text', () => {
    expect(['2.10', '10', '2.9', '2', '1.1'].sort(compareSectionCodes)).toEqual(['1.1', '2', '2.9', '2.10', '10']);
    expect(['B', 'A'].sort(compareSectionCodes)).toEqual(['A', 'B']);
  });
});
