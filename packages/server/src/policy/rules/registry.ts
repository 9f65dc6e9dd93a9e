/**
 * Every compliance rule, in the order results are listed. Adding a rule: write its module and
 * test in this folder, add it here, and give its clause kind 'rule' in the pack.
 */
import type { ComplianceRule } from '../rule.ts';
import { costRule } from './cost.ts';
import { deputyRule } from './deputy.ts';
import { dutiesRule } from './duties.ts';
import { managerRule } from './manager.ts';
import { ownerRule } from './owner.ts';
import { registerRule } from './register.ts';
import { scopeRule } from './scope.ts';
import { applicabilityReasonCodes } from './system-subjects.ts';

export const complianceRules: readonly ComplianceRule[] = [
  scopeRule,
  costRule,
  ownerRule,
  managerRule,
  deputyRule,
  registerRule,
  dutiesRule,
];

/** Reason codes any rule or the evaluation itself may return besides a rule's own. */
export const sharedReasonCodes = [...applicabilityReasonCodes, 'clause_exception'] as const;

/** Every reason code in use, for the i18n catalogue and the API's documentation. */
export function allReasonCodes(rules: readonly ComplianceRule[] = complianceRules): string[] {
  return [...new Set([...sharedReasonCodes, ...rules.flatMap((rule) => rule.reasonCodes)])];
}
