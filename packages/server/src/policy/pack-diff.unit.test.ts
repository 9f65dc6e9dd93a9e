import { describe, expect, it } from 'vitest';
import { diffPackFiles } from './pack-diff.ts';
import { packToFile } from './pack-format.ts';
import { tanumPolicyPack } from './tanum-pack.ts';

const adopted = packToFile(tanumPolicyPack);

describe('diffPackFiles', () => {
  it('finds nothing between a version and itself, which is editorial', () => {
    expect(diffPackFiles(adopted, structuredClone(adopted))).toEqual({
      added: [],
      removed: [],
      reworded: [],
      parametersChanged: [],
      bindingsChanged: [],
      editorial: true,
    });
  });

  it('calls a change of parameters only editorial, naming each parameter with its old and new value', () => {
    const next = structuredClone(adopted);
    const deputyClause = next.clauses.find((clause) => clause.binding?.rule === 'ITP-4.2-REVIEW')!;
    deputyClause.binding!.parameters.reviewIntervalMonths = 24;
    next.parameters.pseudonymiseAfterYears = 7;
    const diff = diffPackFiles(adopted, next);
    expect(diff.parametersChanged).toEqual([
      { key: 'pseudonymiseAfterYears', from: 5, to: 7 },
      { key: 'reviewIntervalMonths', from: 12, to: 24 },
    ]);
    expect(diff.editorial).toBe(true);
  });

  it('calls a reworded or an added clause not editorial, and names what was reworded, added and removed', () => {
    const next = structuredClone(adopted);
    next.clauses[1]!.text.sv = `${next.clauses[1]!.text.sv} Även konsulter omfattas.`;
    const removed = next.clauses.splice(2, 1)[0]!;
    next.clauses.push({
      id: 'ITP-14-AI',
      section: '14',
      kind: 'information',
      title: { sv: 'AI-tjänster', en: 'AI services' },
      text: { sv: 'Förvaltningen ska pröva AI-tjänster.', en: 'Departments shall assess AI services.' },
      binding: null,
    });
    const diff = diffPackFiles(adopted, next);
    expect(diff.reworded).toEqual([{ id: next.clauses[1]!.id, fields: ['text.sv'] }]);
    expect(diff.added).toEqual([{ id: 'ITP-14-AI', section: '14', titleSv: 'AI-tjänster' }]);
    expect(diff.removed).toEqual([{ id: removed.id, section: removed.section, titleSv: removed.title.sv }]);
    expect(diff.editorial).toBe(false);

    const onlyRemoved = structuredClone(adopted);
    onlyRemoved.clauses.splice(2, 1);
    expect(diffPackFiles(adopted, onlyRemoved).editorial).toBe(true);
  });

  it('names a clause bound to another rule, and calls a first version not editorial', () => {
    const next = structuredClone(adopted);
    const bound = next.clauses.find((clause) => clause.binding?.rule === 'ITP-4.2-DEPUTY')!;
    bound.binding = null;
    expect(diffPackFiles(adopted, next).bindingsChanged).toEqual([{ id: 'ITP-4.2-DEPUTY', from: 'ITP-4.2-DEPUTY', to: null }]);
    expect(diffPackFiles(null, adopted).editorial).toBe(false);
    expect(diffPackFiles(null, adopted).added).toHaveLength(adopted.clauses.length);
  });
});
