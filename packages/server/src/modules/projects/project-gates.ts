/**
 * The submit gate of an introduction or upgrade (§4.2.1), pure. It lists EVERY missing piece,
 * each with the path where it is fixed and the clause that asks for it, so one refusal tells the
 * project everything at once (and the project page shows the same list as its progress).
 */
import type { BudgetInput, ComplianceAnalysis, GateGap, TrainingPlan } from '@forvalta/contracts';
import { itemGap } from './compliance-analysis.ts';
import { evaluateBudget } from './project-budget.ts';

export interface SubmitGateInput {
  description: string | null;
  specification: string | null;
  trainingPlan: TrainingPlan;
  timeline: ReadonlyArray<{ title: string; date: string }>;
  projectLeadPersonId: string | null;
  budget: Pick<BudgetInput, 'categories' | 'sharedReinforcements'> | null;
  complianceAnalysis: ComplianceAnalysis;
  /** The system's newest risk analysis; null when it has none. */
  riskAnalysis: { scenarios: ReadonlyArray<{ consequenceDescription: string | null }> } | null;
}

const blank = (text: string | null | undefined) => !text?.trim();

export function submitGaps(input: SubmitGateInput): GateGap[] {
  const gaps: GateGap[] = [];
  const add = (path: string, code: string, message: string) => gaps.push({ path, code, message });

  if (blank(input.description)) add('description', 'ITP-4.2.1-INITIATE', 'The project description (projektbeskrivning) is missing.');
  if (blank(input.specification)) add('specification', 'ITP-4.2.1-INITIATE', 'The system specification is missing.');
  if (input.timeline.length === 0) add('timeline', 'ITP-4.2.1-INITIATE', 'The timeline (tidsplan) needs at least one milestone.');
  if (input.projectLeadPersonId === null) add('projectLeadPersonId', 'ITP-4.2.1-INITIATE', 'No project lead is named.');

  if (blank(input.trainingPlan.text) && input.trainingPlan.entries.length === 0) {
    add('trainingPlan', 'ITP-5-NEW-SYSTEM', 'The training plan (utbildningsplan) is missing.');
  }
  // §4.2.1: the owner sees to it that the system managers and the IT unit's staff are trained.
  const audiences = new Set(input.trainingPlan.entries.map((entry) => entry.audience));
  if (!audiences.has('system_managers'))
    add('trainingPlan.entries', 'ITP-4.2.1-TRAIN-ADMINS', 'The training plan does not say how the system managers are trained.');
  if (!audiences.has('it_unit'))
    add('trainingPlan.entries', 'ITP-4.2.1-TRAIN-ADMINS', "The training plan does not say how the IT unit's staff are trained.");

  if (input.budget === null) {
    add('budget', 'ITP-4.2.1-BUDGET', 'No budget has been recorded.');
  } else {
    for (const path of evaluateBudget(input.budget).missing) {
      const shared = path.startsWith('sharedReinforcements.');
      add(
        `budget.${path}`,
        shared ? 'ITP-6-SHARED-COST' : 'ITP-4.2.1-BUDGET',
        shared ? 'A reinforcement of shared resources is not stated (0 is allowed).' : 'A budget amount is not stated (0 is allowed).',
      );
    }
  }

  if (input.complianceAnalysis.items.length === 0)
    add('complianceAnalysis', 'ITP-4.2.1-COMPLIANCE', 'The compliance analysis has no items.');
  for (const item of input.complianceAnalysis.items) {
    const gap = itemGap(item);
    if (gap === 'judgement') add(`complianceAnalysis.items.${item.key}`, 'ITP-4.2.1-COMPLIANCE', `${item.reference} is not judged.`);
    if (gap === 'motivation')
      add(`complianceAnalysis.items.${item.key}`, 'ITP-4.2.1-COMPLIANCE', `${item.reference} needs a motivation for its judgement.`);
  }

  if (input.riskAnalysis === null) {
    add('riskAnalysis', 'ITP-4.2.1-RISK', 'The system has no risk analysis.');
  } else if (input.riskAnalysis.scenarios.length === 0) {
    add('riskAnalysis.scenarios', 'ITP-4.2.1-RISK', 'The risk analysis has no scenario.');
  } else if (input.riskAnalysis.scenarios.every((scenario) => blank(scenario.consequenceDescription))) {
    add(
      'riskAnalysis.scenarios',
      'ITP-4.2.1-RISK',
      'No scenario of the risk analysis has a consequence description (konsekvensbeskrivning).',
    );
  }
  return gaps;
}
