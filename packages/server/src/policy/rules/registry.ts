/**
 * Every compliance rule, in the order results are listed. Adding a rule: write its module and
 * test in this folder, add it here, and give its clause kind 'rule' in the pack.
 */
import type { ComplianceRule } from '../rule.ts';
import { genericSoftwareRule, licenceRule, openSourceRule, selfDevelopedRule } from './software.ts';
import { contractNoticeRule } from './contract-notice.ts';
import { ownedEquipmentRule, schoolNetworkRule, standardEquipmentRule } from './equipment.ts';
import { costRule } from './cost.ts';
import { deputyRule } from './deputy.ts';
import { dutiesRule } from './duties.ts';
import { managerRule } from './manager.ts';
import { ownerRule } from './owner.ts';
import { registerRule } from './register.ts';
import { scopeRule } from './scope.ts';
import { reviewRule } from './review.ts';
import { evaluateUseRule } from './evaluate-use.ts';
import { riskCurrentRule } from './risk-current.ts';
import { budgetRule } from './budget.ts';
import { changeNoticeRule } from './change-notice.ts';
import { applicabilityReasonCodes } from './system-subjects.ts';
import {
  emailRulesRule,
  internetUseRule,
  operationsInstructionRule,
  policyRevisionRule,
  relatedDocumentsRule,
  securityGuidelinesRule,
} from './documents.ts';
import { adequateTrainingRule, dataProtectionTrainingRule, securityTrainingRule } from './training.ts';
import { trainAdminsRule, trainOthersRule } from './system-training.ts';
import { changeInformRule, knowPolicyRule, knowRulesRule } from './acknowledgements.ts';
import { mailboxRule, officialDocumentsRule, personalDataRule } from './personal-data.ts';
import { continuityRule } from './continuity.ts';
import { incidentHandlingRule } from './incident-handling.ts';
import { informNewRule, leaverAccessRule, privilegedHoldersRule, recertificationRule } from './access-rights.ts';

export const complianceRules: readonly ComplianceRule[] = [
  scopeRule,
  costRule,
  ownerRule,
  managerRule,
  deputyRule,
  registerRule,
  dutiesRule,
  reviewRule,
  evaluateUseRule,
  riskCurrentRule,
  budgetRule,
  changeNoticeRule,
  // Issue #13: policy documents and training, in the order of the policy.
  relatedDocumentsRule,
  knowPolicyRule,
  trainOthersRule,
  trainAdminsRule,
  operationsInstructionRule,
  adequateTrainingRule,
  securityTrainingRule,
  dataProtectionTrainingRule,
  // Issue #16: records of processing and functional mailboxes (§8).
  personalDataRule,
  officialDocumentsRule,
  mailboxRule,
  emailRulesRule,
  internetUseRule,
  securityGuidelinesRule,
  knowRulesRule,
  changeInformRule,
  policyRevisionRule,
  // Issue #14: access rights.
  informNewRule,
  leaverAccessRule,
  recertificationRule,
  privilegedHoldersRule,
  // Issue #15, §7: software, the IT chief's decisions, licences and contracts' notice dates.
  genericSoftwareRule,
  selfDevelopedRule,
  openSourceRule,
  licenceRule,
  contractNoticeRule,
  // Issue #15, §6: the IT unit's equipment, standard models, the town-hall network.
  ownedEquipmentRule,
  standardEquipmentRule,
  schoolNetworkRule,
  // Issue #19: the Cybersecurity Act's own measures, where the IT policy has no clause to rest on.
  incidentHandlingRule,
  continuityRule,
];

/** Reason codes any rule or the evaluation itself may return besides a rule's own. */
export const sharedReasonCodes = [...applicabilityReasonCodes, 'clause_exception', 'outside_nis2_scope'] as const;

/** Every reason code in use, for the i18n catalogue and the API's documentation. */
export function allReasonCodes(rules: readonly ComplianceRule[] = complianceRules): string[] {
  return [...new Set([...sharedReasonCodes, ...rules.flatMap((rule) => rule.reasonCodes)])];
}
