import fs from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { clauseHasKind, fillParameters, findClause, kindsOfClause, placeholdersOf } from './policy-pack.ts';
import { complianceRules } from './rules/registry.ts';
import { tanumPolicyPack } from './tanum-pack.ts';
import { nis2PolicyPack } from './nis2-pack.ts';
import { validatePolicyPack } from './validate-pack.ts';

// The project's own requirements (docs/requirements.md) and the policy's Swedish text that the
// pack quotes, kept with the pack: both are in the repository, so a bare clone runs this test.
const repositoryRoot = path.resolve(import.meta.dirname, '../../../..');
const requirementsMarkdown = fs.readFileSync(path.join(repositoryRoot, 'docs/requirements.md'), 'utf8');
const policyText = fs.readFileSync(path.join(import.meta.dirname, 'tanum/it-policy-2002.sv.txt'), 'utf8');

interface Requirement {
  id: string;
  kinds: string[];
  title: string;
}

/** The rows of the clause tables: | ID | kind | clause | what it asks | how Förvalta checks it |. */
const requirements: Requirement[] = requirementsMarkdown.split('\n').flatMap((line) => {
  const match = /^\|\s*(ITP-[^\s|]+)\s*\|([^|]+)\|([^|]+)\|([^|]+)\|([^|]+)\|\s*$/.exec(line);
  if (match === null) return [];
  return [{ id: match[1]!, kinds: match[2]!.split('+').map((kind) => kind.trim()), title: match[3]!.trim() }];
});

const normaliseSpace = (text: string) => text.replace(/\s+/g, ' ').trim();

describe('the Tanum policy pack', () => {
  it('has every clause of docs/requirements.md, and no other', () => {
    expect(requirements.length).toBeGreaterThanOrEqual(45);
    expect(tanumPolicyPack.clauses.map((clause) => clause.id).sort()).toEqual(requirements.map((requirement) => requirement.id).sort());
  });

  it('lists the clauses in the order of the policy', () => {
    expect(tanumPolicyPack.clauses.map((clause) => clause.id)).toEqual(requirements.map((requirement) => requirement.id));
  });

  it('gives each clause the section of its ID and the kinds the requirements name', () => {
    for (const requirement of requirements) {
      const clause = findClause(tanumPolicyPack, requirement.id)!;
      expect(requirement.id).toContain(`ITP-${clause.section}-`);
      expect([...kindsOfClause(clause)].sort(), requirement.id).toEqual([...requirement.kinds].sort());
    }
  });

  it('names each clause in English as docs/requirements.md does, and restates it in English', () => {
    for (const requirement of requirements) {
      const clause = findClause(tanumPolicyPack, requirement.id)!;
      expect(clause.titleEn, requirement.id).toBe(requirement.title);
      expect(clause.textEn.length, requirement.id).toBeGreaterThan(0);
    }
  });

  it("quotes the policy's own Swedish words, paragraph by paragraph", () => {
    const policy = normaliseSpace(policyText);
    for (const clause of tanumPolicyPack.clauses) {
      for (const paragraph of clause.textSv.split('\n\n')) {
        expect(policy, `${clause.id}: ${paragraph}`).toContain(normaliseSpace(paragraph));
      }
      expect(clause.titleSv.length).toBeGreaterThan(0);
      expect(clause.titleEn.length).toBeGreaterThan(0);
    }
  });

  it('describes the rule in plain Swedish and English for every clause of kind rule', () => {
    for (const clause of tanumPolicyPack.clauses) {
      const isRule = clauseHasKind(clause, 'rule');
      expect(Boolean(clause.ruleDescriptionSv) && Boolean(clause.ruleDescriptionEn), clause.id).toBe(isRule);
      if (isRule) expect(placeholdersOf(clause.ruleDescriptionSv!)).toEqual(placeholdersOf(clause.ruleDescriptionEn!));
    }
  });

  it("has a clause of kind rule for every rule in the registry (the Cybersecurity Act's own in the Act's pack), once each", () => {
    for (const rule of complianceRules) {
      const clause = findClause(rule.clauseId.startsWith('NIS2-') ? nis2PolicyPack : tanumPolicyPack, rule.clauseId);
      expect(clause, rule.clauseId).toBeDefined();
      expect(clauseHasKind(clause!, 'rule'), rule.clauseId).toBe(true);
    }
    expect(new Set(complianceRules.map((rule) => rule.clauseId)).size).toBe(complianceRules.length);
  });

  it('names the adopted document and its decision', () => {
    expect(tanumPolicyPack.document).toEqual({
      title: 'IT-policy för Tanums kommun',
      adoptedBy: 'Kommunstyrelsen',
      decisionDate: '2002-12-18',
      decisionReference: 'KS 2002-12-18',
    });
    expect(policyText).toContain('Antagen av Kommunstyrelsen den 18 december 2002');
  });

  it('carries the parameters with their default values', () => {
    const values = Object.fromEntries(
      Object.values(tanumPolicyPack.parameters).map((parameter) => [parameter.key, [parameter.value, parameter.unit]]),
    );
    expect(values).toEqual({
      registerConfirmationIntervalMonths: [12, 'months'],
      dutyConfirmationIntervalMonths: [12, 'months'],
      reviewIntervalMonths: [12, 'months'],
      riskAnalysisIntervalMonths: [12, 'months'],
      securityTrainingIntervalMonths: [36, 'months'],
      policyRevisionIntervalMonths: [36, 'months'],
      operationsInstructionReviewIntervalMonths: [12, 'months'],
      changeNoticeAcknowledgeWorkingDays: [5, 'working_days'],
      documentAcknowledgementWorkingDays: [10, 'working_days'],
      trainingCoverageThresholdPercent: [90, 'percent'],
      acknowledgementCoverageThresholdPercent: [90, 'percent'],
      dataProtectionTrainingIntervalMonths: [36, 'months'],
      leaverGraceWorkingDays: [3, 'working_days'],
      recertificationIntervalMonths: [12, 'months'],
      privilegedRecertificationIntervalMonths: [6, 'months'],
      privilegedHoldersMax: [0, 'count'],
      privacyReviewIntervalMonths: [12, 'months'],
      pseudonymiseAfterYears: [5, 'years'],
    });
  });

  it('is a sound pack', () => {
    expect(validatePolicyPack(tanumPolicyPack)).toEqual([]);
  });

  it('fills parameters into rule descriptions', () => {
    const clause = findClause(tanumPolicyPack, 'ITP-4.2-REGISTER')!;
    expect(fillParameters(clause.ruleDescriptionSv!, tanumPolicyPack.parameters)).toContain('under de senaste 12 månaderna');
    expect(fillParameters('{{unknownKey}} months', tanumPolicyPack.parameters)).toBe('{{unknownKey}} months');
  });

  it('is frozen, so no caller changes the template of every municipality', () => {
    expect(Object.isFrozen(tanumPolicyPack.clauses[0])).toBe(true);
    expect(() => {
      (tanumPolicyPack.parameters.reviewIntervalMonths as { value: number }).value = 1;
    }).toThrow(TypeError);
    expect(structuredClone(tanumPolicyPack)).toEqual(tanumPolicyPack);
  });
});
