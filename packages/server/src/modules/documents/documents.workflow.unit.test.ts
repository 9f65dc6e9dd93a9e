import { documentKinds, documentVersionStates } from '@forvalta/contracts';
import { describe, expect, it } from 'vitest';
import { tanumPolicyPack } from '../../policy/index.ts';
import {
  defaultReviewIntervalMonths,
  isOpen,
  isPublished,
  isReviewOverdue,
  nextReviewDateOf,
  versionTransitionOf,
  versionWorkflow,
  type VersionAction,
} from './documents.workflow.ts';

describe('the version workflow', () => {
  const expected: Record<VersionAction, Partial<Record<string, string>>> = {
    update: { draft: 'draft' },
    uploadAttachment: { draft: 'draft' },
    submit: { draft: 'in_review' },
    withdraw: { in_review: 'draft' },
    adopt: { in_review: 'adopted' },
  };

  it('allows exactly the listed transitions, for every state and action', () => {
    for (const action of Object.keys(versionWorkflow) as VersionAction[]) {
      for (const state of documentVersionStates) {
        const outcome = versionTransitionOf(state, action);
        const to = expected[action][state];
        if (to === undefined) {
          expect(outcome.allowed, `${action} from ${state}`).toBe(false);
          if (!outcome.allowed) expect(outcome.reason).toMatch(/cannot be/);
        } else {
          expect(outcome, `${action} from ${state}`).toEqual({ allowed: true, to });
        }
      }
    }
  });

  it('never changes an adopted or superseded version (a new version is a new draft)', () => {
    for (const state of ['adopted', 'superseded'] as const) {
      for (const action of Object.keys(versionWorkflow) as VersionAction[]) expect(versionTransitionOf(state, action).allowed).toBe(false);
    }
  });

  it('tells open versions (drafts) from published ones (what employees read)', () => {
    expect(documentVersionStates.filter(isOpen)).toEqual(['draft', 'in_review']);
    expect(documentVersionStates.filter(isPublished)).toEqual(['adopted', 'superseded']);
  });

  it('adopting needs the adopt permission; the rest of the drafting the write permission', () => {
    expect(versionWorkflow.adopt.permission).toBe('documentVersion.adopt');
    expect(versionWorkflow.submit.permission).toBe('documentVersion.write');
  });
});

describe('review dates (ITP-13-REVISE, ITP-4.3-OPS-INSTRUCTION)', () => {
  it('takes the default interval from the policy pack: the IT policy 36 months, the operations instruction 12', () => {
    expect(defaultReviewIntervalMonths('it_policy', tanumPolicyPack.parameters)).toBe(36);
    expect(defaultReviewIntervalMonths('operations_instruction', tanumPolicyPack.parameters)).toBe(12);
    for (const kind of documentKinds) expect(defaultReviewIntervalMonths(kind, tanumPolicyPack.parameters)).toBeGreaterThan(0);
  });

  it('follows a municipality that changed the parameter', () => {
    const parameters = {
      ...tanumPolicyPack.parameters,
      operationsInstructionReviewIntervalMonths: { ...tanumPolicyPack.parameters.operationsInstructionReviewIntervalMonths!, value: 6 },
    };
    expect(defaultReviewIntervalMonths('operations_instruction', parameters)).toBe(6);
  });

  it('sets the next review date to the decision date plus the interval', () => {
    expect(nextReviewDateOf('2002-12-18', 36)).toBe('2005-12-18');
    expect(nextReviewDateOf('2024-02-29', 12)).toBe('2025-02-28');
    expect(nextReviewDateOf(null, 36)).toBeNull();
  });

  it('is overdue after the review date, not on it, and never without one', () => {
    expect(isReviewOverdue('2005-12-18', '2026-12-02')).toBe(true);
    expect(isReviewOverdue('2026-12-02', '2026-12-02')).toBe(false);
    expect(isReviewOverdue('2027-01-01', '2026-12-02')).toBe(false);
    expect(isReviewOverdue(null, '2026-12-02')).toBe(false);
  });
});
