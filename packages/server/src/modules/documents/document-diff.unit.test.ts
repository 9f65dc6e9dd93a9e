import { describe, expect, it } from 'vitest';
import { diffSections, diffTexts } from './document-diff.ts';

describe('the diff between two versions', () => {
  it('gives the hunks of the changed lines with their context and counts', () => {
    const older = ['§1 Omfattning', 'Policyn gäller alla förvaltningar.', '§2 Ansvar', 'Kommunstyrelsen ansvarar.'].join('\n');
    const newer = ['§1 Omfattning', 'Policyn gäller alla förvaltningar och bolag.', '§2 Ansvar', 'Kommunstyrelsen ansvarar.'].join('\n');
    const diff = diffTexts(older, newer);
    expect(diff.addedLines).toBe(1);
    expect(diff.removedLines).toBe(1);
    expect(diff.hunks).toHaveLength(1);
    expect(diff.hunks[0]!.lines).toEqual([
      { kind: 'context', text: '§1 Omfattning' },
      { kind: 'removed', text: 'Policyn gäller alla förvaltningar.' },
      { kind: 'added', text: 'Policyn gäller alla förvaltningar och bolag.' },
      { kind: 'context', text: '§2 Ansvar' },
      { kind: 'context', text: 'Kommunstyrelsen ansvarar.' },
    ]);
  });

  it('has no hunks for equal texts, and treats a missing text as empty', () => {
    expect(diffTexts('Samma text', 'Samma text\n').hunks).toEqual([]);
    expect(diffTexts(null, 'Ny rad')).toMatchObject({ addedLines: 1, removedLines: 0 });
  });

  it('names the sections added, removed and changed, by their identity across versions', () => {
    const kept = { id: '00000000-0000-4000-8000-000000000001', code: '1', title: 'Behörigheter', description: null };
    const changed = { id: '00000000-0000-4000-8000-000000000002', code: '2', title: 'Lösenord', description: null };
    const removed = { id: '00000000-0000-4000-8000-000000000003', code: '3', title: 'Säkerhetskopiering', description: null };
    const added = { id: '00000000-0000-4000-8000-000000000004', code: '4', title: 'Mobila enheter', description: null };
    expect(diffSections([kept, changed, removed], [kept, { ...changed, title: 'Lösenord och inloggning' }, added])).toEqual([
      { id: changed.id, code: '2', title: 'Lösenord och inloggning', change: 'changed' },
      { id: added.id, code: '4', title: 'Mobila enheter', change: 'added' },
      { id: removed.id, code: '3', title: 'Säkerhetskopiering', change: 'removed' },
    ]);
  });
});
