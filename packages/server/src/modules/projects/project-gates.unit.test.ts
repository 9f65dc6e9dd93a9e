import { budgetCategories, sharedResources, type ComplianceAnalysis } from '@forvalta/contracts';
import { describe, expect, it } from 'vitest';
import { tanumPolicyPack } from '../../policy/index.ts';
import { buildAnalysis, clauseItemKey, guidelineItemKey, systemClauseIds, type StoredJudgements } from './compliance-analysis.ts';
import { emptyBudget, evaluateBudget } from './project-budget.ts';
import { submitGaps, type SubmitGateInput } from './project-gates.ts';

function fullBudget() {
  const budget = emptyBudget();
  for (const category of budgetCategories) budget.categories[category] = { oneOff: 1000, yearly: 0 };
  for (const resource of sharedResources) budget.sharedReinforcements[resource] = { oneOff: 0, yearly: 0 };
  return budget;
}

const finishedAnalysis: ComplianceAnalysis = {
  items: [
    {
      key: 'clause:ITP-4.2-OWNER',
      source: 'policy',
      reference: 'ITP-4.2-OWNER',
      titleSv: 'x',
      titleEn: 'x',
      judgement: 'meets',
      motivation: null,
      judgedAt: null,
      judgedByName: null,
    },
  ],
  finished: true,
  judgedCount: 1,
};

function ready(): SubmitGateInput {
  return {
    description: 'Beskrivning',
    specification: 'Specifikation',
    trainingPlan: {
      text: null,
      entries: [
        { audience: 'system_managers', description: 'Admin' },
        { audience: 'it_unit', description: 'Drift' },
      ],
    },
    timeline: [{ title: 'Driftstart', date: '2027-01-01' }],
    projectLeadPersonId: 'lead',
    budget: fullBudget(),
    complianceAnalysis: finishedAnalysis,
    riskAnalysis: { scenarios: [{ consequenceDescription: 'Allvarligt' }] },
  };
}

const codesOf = (input: SubmitGateInput) => submitGaps(input).map((gap) => `${gap.code} ${gap.path}`);

describe('the submit gate', () => {
  it('passes a project with every piece', () => {
    expect(submitGaps(ready())).toEqual([]);
  });

  it('refuses each missing document with its path and clause', () => {
    expect(codesOf({ ...ready(), description: '  ' })).toEqual(['ITP-4.2.1-INITIATE description']);
    expect(codesOf({ ...ready(), specification: null })).toEqual(['ITP-4.2.1-INITIATE specification']);
    expect(codesOf({ ...ready(), timeline: [] })).toEqual(['ITP-4.2.1-INITIATE timeline']);
    expect(codesOf({ ...ready(), projectLeadPersonId: null })).toEqual(['ITP-4.2.1-INITIATE projectLeadPersonId']);
  });

  it('refuses a missing training plan, and one that forgets the system managers or the IT unit', () => {
    expect(codesOf({ ...ready(), trainingPlan: { text: null, entries: [] } })).toEqual([
      'ITP-5-NEW-SYSTEM trainingPlan',
      'ITP-4.2.1-TRAIN-ADMINS trainingPlan.entries',
      'ITP-4.2.1-TRAIN-ADMINS trainingPlan.entries',
    ]);
    expect(codesOf({ ...ready(), trainingPlan: { text: 'Plan', entries: [{ audience: 'it_unit', description: 'Drift' }] } })).toEqual([
      'ITP-4.2.1-TRAIN-ADMINS trainingPlan.entries',
    ]);
  });

  it('refuses a missing budget, and names every unstated amount (shared ones under ITP-6-SHARED-COST)', () => {
    expect(codesOf({ ...ready(), budget: null })).toEqual(['ITP-4.2.1-BUDGET budget']);
    const budget = fullBudget();
    budget.categories.network = { oneOff: null, yearly: 0 };
    budget.sharedReinforcements.servers = { oneOff: 0, yearly: null };
    expect(codesOf({ ...ready(), budget })).toEqual([
      'ITP-4.2.1-BUDGET budget.categories.network.oneOff',
      'ITP-6-SHARED-COST budget.sharedReinforcements.servers.yearly',
    ]);
  });

  it('refuses an unfinished compliance analysis, item by item', () => {
    const items = [
      { ...finishedAnalysis.items[0]!, key: 'clause:A', reference: 'A', judgement: null },
      { ...finishedAnalysis.items[0]!, key: 'clause:B', reference: 'B', judgement: 'partly' as const, motivation: ' ' },
      {
        ...finishedAnalysis.items[0]!,
        key: 'clause:C',
        reference: 'C',
        judgement: 'not_applicable' as const,
        motivation: 'Ingen persondata',
      },
    ];
    expect(
      submitGaps({ ...ready(), complianceAnalysis: { items, finished: false, judgedCount: 2 } }).map((gap) => [
        gap.path,
        gap.code,
        gap.message,
      ]),
    ).toEqual([
      ['complianceAnalysis.items.clause:A', 'ITP-4.2.1-COMPLIANCE', 'A is not judged.'],
      ['complianceAnalysis.items.clause:B', 'ITP-4.2.1-COMPLIANCE', 'B needs a motivation for its judgement.'],
    ]);
    expect(codesOf({ ...ready(), complianceAnalysis: { items: [], finished: false, judgedCount: 0 } })).toEqual([
      'ITP-4.2.1-COMPLIANCE complianceAnalysis',
    ]);
  });

  it('refuses a missing risk analysis, one without scenarios, and one without any consequence description', () => {
    expect(codesOf({ ...ready(), riskAnalysis: null })).toEqual(['ITP-4.2.1-RISK riskAnalysis']);
    expect(codesOf({ ...ready(), riskAnalysis: { scenarios: [] } })).toEqual(['ITP-4.2.1-RISK riskAnalysis.scenarios']);
    expect(
      codesOf({ ...ready(), riskAnalysis: { scenarios: [{ consequenceDescription: null }, { consequenceDescription: ' ' }] } }),
    ).toEqual(['ITP-4.2.1-RISK riskAnalysis.scenarios']);
  });

  it('lists every gap of an empty project at once, INITIATE first', () => {
    const gaps = submitGaps({
      description: null,
      specification: null,
      trainingPlan: { text: null, entries: [] },
      timeline: [],
      projectLeadPersonId: null,
      budget: null,
      complianceAnalysis: { items: [], finished: false, judgedCount: 0 },
      riskAnalysis: null,
    });
    expect(gaps[0]!.code).toBe('ITP-4.2.1-INITIATE');
    expect(new Set(gaps.map((gap) => gap.code))).toEqual(
      new Set([
        'ITP-4.2.1-INITIATE',
        'ITP-5-NEW-SYSTEM',
        'ITP-4.2.1-TRAIN-ADMINS',
        'ITP-4.2.1-BUDGET',
        'ITP-4.2.1-COMPLIANCE',
        'ITP-4.2.1-RISK',
      ]),
    );
  });
});

describe('the budget', () => {
  it('totals per category group and project; unstated is a gap, zero is not', () => {
    const budget = fullBudget();
    budget.categories.software = { oneOff: 50_000, yearly: 12_000 };
    budget.sharedReinforcements.network = { oneOff: 8_000, yearly: 0 };
    const evaluation = evaluateBudget(budget);
    expect(evaluation.totals).toEqual({
      categories: { oneOff: 57_000, yearly: 12_000 },
      sharedReinforcements: { oneOff: 8_000, yearly: 0 },
      project: { oneOff: 65_000, yearly: 12_000 },
    });
    expect(evaluation.complete).toBe(true);
    expect(evaluateBudget(emptyBudget()).missing).toHaveLength((budgetCategories.length + sharedResources.length) * 2);
  });
});

describe('the compliance analysis', () => {
  const sections = [{ id: 's1', code: '3.1', title: 'Behörighet' }];

  it('has an item per system clause of the pack and per guideline section', () => {
    const analysis = buildAnalysis(tanumPolicyPack.clauses, sections, {});
    expect(analysis.items.map((item) => item.key)).toEqual([...systemClauseIds.map(clauseItemKey), guidelineItemKey('s1')]);
    expect(analysis.finished).toBe(false);
  });

  it('is finished when every item is judged, with a motivation except for meets', () => {
    const judged: StoredJudgements = Object.fromEntries(
      [...systemClauseIds.map(clauseItemKey), guidelineItemKey('s1')].map((key) => [
        key,
        { judgement: 'meets' as const, motivation: null, judgedAt: null, judgedByName: null },
      ]),
    );
    expect(buildAnalysis(tanumPolicyPack.clauses, sections, judged).finished).toBe(true);
    judged[guidelineItemKey('s1')] = { judgement: 'partly', motivation: null, judgedAt: null, judgedByName: null };
    expect(buildAnalysis(tanumPolicyPack.clauses, sections, judged).finished).toBe(false);
  });
});
