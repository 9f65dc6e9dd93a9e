/**
 * The Cybersecurity Act pack (issue #19, ADR 0037): the measures of NIS2 article 21(2) a–j as data
 * on the same engine and the same rules as the IT policy. A measure's rules are the IT policy's
 * clauses it names as evidence, run once and counted for both; their parameters are the Tanum
 * pack's defaults, which a municipality changes in its own version as it does the policy's.
 */
import { freezeDeeply, type PolicyPack } from './policy-pack.ts';
import { article21Clauses } from './nis2/clauses-article-21.ts';
import { complianceRules } from './rules/registry.ts';
import { tanumPolicyPack } from './tanum-pack.ts';

/** The parameters the evidence rules read, with the IT policy's default values. */
const evidenceParameterKeys = [
  ...new Set(
    article21Clauses
      .flatMap((clause) => clause.evidenceClauseIds ?? [])
      .flatMap((clauseId) => complianceRules.filter((rule) => rule.clauseId === clauseId).flatMap((rule) => rule.parameterKeys)),
  ),
];

/** Frozen: the template a municipality copies (structuredClone) to run the Act beside its IT policy. */
export const nis2PolicyPack: PolicyPack = freezeDeeply({
  key: 'cybersecurity-act-nis2',
  version: '1.0.0',
  document: {
    title: 'Cybersäkerhetslagen (2025:1506): riskhanteringsåtgärder enligt NIS2 artikel 21',
    adoptedBy: 'Riksdagen',
    // The day the Act applies to every Swedish municipality.
    decisionDate: '2026-01-15',
    decisionReference: 'SFS 2025:1506; direktiv (EU) 2022/2555 artikel 21.2',
  },
  clauses: article21Clauses,
  // The Act covers the systems the municipality has flagged as in its scope, not the whole register.
  systemScope: 'nis2',
  parameters: {
    ...Object.fromEntries(
      evidenceParameterKeys.map((key) => {
        const parameter = tanumPolicyPack.parameters[key];
        if (!parameter) throw new Error(`The Tanum pack has no parameter '${key}' for the NIS2 pack.`);
        return [key, parameter];
      }),
    ),
    // The Act's own measures' parameters: the IT policy has no clause for them.
    restoreTestIntervalMonths: {
      key: 'restoreTestIntervalMonths',
      value: 12,
      unit: 'months',
      descriptionSv: 'Högsta tid mellan två testade återställningar av ett systems säkerhetskopia.',
      descriptionEn: "The longest time between two tested restores of a system's backup.",
    },
  },
});
