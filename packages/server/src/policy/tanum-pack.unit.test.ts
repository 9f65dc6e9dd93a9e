import fs from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { clauseHasKind, fillParameters, findClause, kindsOfClause, placeholdersOf } from './policy-pack.ts';
import { complianceRules } from './rules/registry.ts';
import { tanumPolicyPack } from './tanum-pack.ts';
import { validatePolicyPack } from './validate-pack.ts';

// CI checks out shared/ beside the repository, as it is here, so the relative path holds there too.
const sharedDirectory = path.resolve(import.meta.dirname, '../../../../../shared');
const requirementsMarkdown = fs.readFileSync(path.join(sharedDirectory, 'docs/policy-requirements.md'), 'utf8');
const policyText = fs.readFileSync(path.join(sharedDirectory, 'seed/000_bb7c49edde55e0cd.txt'), 'utf8');

interface Requirement {
  id: string;
  kinds: string[];
  text: string;
}

/** The rows of the requirement tables: | ID | kind | requirement |. */
const requirements: Requirement[] = requirementsMarkdown.split('\n').flatMap((line) => {
  const match = /^\| (ITP-[^ |]+) \|([^|]+)\|(.*)\|\s*$/.exec(line);
  if (match === null) return [];
  return [{ id: match[1]!, kinds: match[2]!.split('+').map((kind) => kind.trim()), text: match[3]!.trim() }];
});

const normaliseSpace = (text: string) => text.replace(/\s+/g, ' ').trim();

describe('the Tanum policy pack', () => {
  it('has every clause of policy-requirements.md, and no other', () => {
    expect(requirements.length).toBeGreaterThanOrEqual(45);
    expect(tanumPolicyPack.clauses.map((clause) => clause.id).sort()).toEqual(requirements.map((requirement) => requirement.id).sort());
  });

  it('lists the clauses in the order of the policy', () => {
    expect(tanumPolicyPack.clauses.map((clause) => clause.id)).toEqual(requirements.map((requirement) => requirement.id));
  });

  it('gives each clause the section of its ID and at least the kinds the requirements name', () => {
    for (const requirement of requirements) {
      const clause = findClause(tanumPolicyPack, requirement.id)!;
      expect(requirement.id).toContain(`ITP-${clause.section}-`);
      expect(kindsOfClause(clause)).toEqual(expect.arrayContaining(requirement.kinds));
    }
  });

  it('restates each clause in English as policy-requirements.md does', () => {
    for (const requirement of requirements) {
      expect(findClause(tanumPolicyPack, requirement.id)!.textEn).toBe(requirement.text.replace(/`/g, ''));
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

  it('has a clause of kind rule for every rule in the registry, once each', () => {
    for (const rule of complianceRules) {
      const clause = findClause(tanumPolicyPack, rule.clauseId);
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
      (tanumPolicyPack.parameters['reviewIntervalMonths'] as { value: number }).value = 1;
    }).toThrow(TypeError);
    expect(structuredClone(tanumPolicyPack)).toEqual(tanumPolicyPack);
  });
});
