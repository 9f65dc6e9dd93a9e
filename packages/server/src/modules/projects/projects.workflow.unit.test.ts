import { projectActions, projectStates, type ProjectAction, type ProjectState } from '@forvalta/contracts';
import { describe, expect, it } from 'vitest';
import { authorisesProduction, availableActions, decisionRefusal, isEditable, projectWorkflow, transitionOf } from './projects.workflow.ts';

/** The intended workflow, written out by hand: every allowed pair and where it leads. */
const expected: Record<ProjectState, Partial<Record<ProjectAction, ProjectState>>> = {
  draft: { start: 'in_preparation' },
  in_preparation: { submit: 'submitted' },
  submitted: { approve: 'approved', reject: 'rejected' },
  approved: { close: 'closed' },
  rejected: { reopen: 'in_preparation', close: 'closed' },
  closed: {},
};

describe('the project workflow', () => {
  for (const state of projectStates) {
    for (const action of projectActions) {
      const to = expected[state][action];
      it(`${to ? 'allows' : 'refuses'} ${action} from ${state}`, () => {
        const outcome = transitionOf(state, action);
        if (to) {
          expect(outcome).toEqual({ allowed: true, to });
        } else {
          expect(outcome.allowed).toBe(false);
          if (!outcome.allowed) expect(outcome.reason).toContain(state.replaceAll('_', ' '));
        }
      });
    }
  }

  it('lists the available actions of each state', () => {
    for (const state of projectStates) expect(availableActions(state).sort()).toEqual(Object.keys(expected[state]).sort());
  });

  it('lets only the IT roles decide, and gates only the submission', () => {
    expect(projectWorkflow.approve.permission).toBe('project.approve');
    expect(projectWorkflow.reject.permission).toBe('project.approve');
    expect(projectActions.filter((action) => projectWorkflow[action].gated)).toEqual(['submit']);
  });

  it('lets the documents change only while the project is prepared', () => {
    expect(projectStates.filter(isEditable)).toEqual(['draft', 'in_preparation']);
  });

  it('authorises production only after an approval, also once closed', () => {
    expect(authorisesProduction('approved', '2026-11-28T09:00:00.000Z')).toBe(true);
    expect(authorisesProduction('closed', '2026-11-28T09:00:00.000Z')).toBe(true);
    expect(authorisesProduction('closed', null)).toBe(false);
    for (const state of ['draft', 'in_preparation', 'submitted', 'rejected'] as const)
      expect(authorisesProduction(state, null)).toBe(false);
  });
});

describe('separation of duties in the operational approval', () => {
  const project = { projectLeadPersonId: 'lead', departmentId: 'care' };
  it('refuses the project lead, whatever their role', () => {
    expect(decisionRefusal({ personId: 'lead', headsDepartmentIds: [] }, project)).toContain('project lead');
  });
  it("refuses a head of the project's department (or of a department above it)", () => {
    expect(decisionRefusal({ personId: 'head', headsDepartmentIds: ['social', 'care'] }, project)).toContain('department head');
  });
  it('refuses whoever created, led at any point or submitted the project', () => {
    expect(decisionRefusal({ personId: 'it', headsDepartmentIds: [], involvements: ['created'] }, project)).toContain('created');
    expect(decisionRefusal({ personId: 'it', headsDepartmentIds: [], involvements: ['led'] }, project)).toContain('led');
    expect(decisionRefusal({ personId: 'it', headsDepartmentIds: [], involvements: ['submitted'] }, project)).toContain('submitted');
  });
  it('allows anyone else', () => {
    expect(decisionRefusal({ personId: 'it', headsDepartmentIds: [], involvements: [] }, project)).toBeNull();
    expect(decisionRefusal({ personId: 'it', headsDepartmentIds: ['school'] }, project)).toBeNull();
    expect(decisionRefusal({ personId: 'it', headsDepartmentIds: [] }, { projectLeadPersonId: null, departmentId: 'care' })).toBeNull();
  });
});
