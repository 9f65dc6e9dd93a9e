/** The compliance engine's public face: what the integrator (services, routes, CLI) imports. */
export * from './snapshot.ts';
export * from './policy-pack.ts';
export type { ComplianceRule, RuleContext, RuleResult, RuleStatus, SubjectType } from './rule.ts';
export { createRuleContext } from './rule.ts';
export { evaluate, mergeSystemResults, selectRules, type EvaluationOptions, type PolicyException } from './evaluate.ts';
export {
  summarise,
  scoreOf,
  clauseChecks,
  type ClauseCheck,
  type ClauseCheckCounts,
  type SummaryCoverage,
  type ClauseSummary,
  type ComplianceCounts,
  type ComplianceSummary,
  type DepartmentSummary,
} from './summarise.ts';
export { validatePolicyPack } from './validate-pack.ts';
export { tanumPolicyPack } from './tanum-pack.ts';
export { nis2PolicyPack } from './nis2-pack.ts';
export { complianceRules, allReasonCodes, sharedReasonCodes } from './rules/registry.ts';
export { inScope } from './rules/system-subjects.ts';
export { addMonths, subtractMonths, assessRecency, dateOfTimestamp, isIsoDate } from './dates.ts';
export { mergePackUpgrade, comparePackVersions, ownClauseFields, type KeptOwnValues, type MergedPack } from './upgrade-pack.ts';
export {
  licencePosition,
  positionFails,
  type PositionConsumption,
  type PositionLicence,
  type PositionSoftware,
} from './licence-position.ts';
export { decisionCurrent, decisionStanding } from './software-decisions.ts';
export { noticeStanding, rawNoticeDate, type NoticeStanding, type NoticeTerms } from './contract-notice.ts';
export { addDays, workingDayOnOrBefore } from './working-days.ts';
export { packFromFile, packToFile, type PackProblem } from './pack-format.ts';
export { diffPackFiles } from './pack-diff.ts';
export { catalogueRule, ruleCatalogue, parameterRanges, type CatalogueRule, type RuleParameter } from './pack-rules.ts';
export { splitDocument, formatOfDocument, type DocumentBlock, type DocumentFormat } from './document-split.ts';
export { proposeClauses, type DocumentProposal, type ProposedClause } from './document-clauses.ts';
