import { randomUUID } from 'node:crypto';
import type { ExpectedVersion } from '../../platform/http/versioning.ts';
import type { Project, ProjectAction, ProjectApprove, ProjectRecord, ProjectReject, ProjectState } from '@forvalta/contracts';
import { actorName, type AnyActor } from '../../access/actor.ts';
import { municipalityOf } from '../../access/authorise.ts';
import { useCase, type UseCaseContext } from '../../access/use-case.ts';
import type { Clock } from '../../platform/clock.ts';
import type { DatabaseHandle, TransactionHandle } from '../../platform/database.ts';
import { AppError, forbidden } from '../../platform/errors.ts';
import { swedishToday } from '../../platform/calendar.ts';
import { versionedWrites } from '../../platform/versioned-write.ts';
import { loadProject } from './project-view.ts';
import { projectsRepository, type ProjectColumns, type ProjectRow } from './projects.repository.ts';
import { toAudit, withProjectAbilities } from './projects.service.ts';
import { projectWorkflow, transitionOf } from './projects.workflow.ts';
import { decisionRefusalFor, projectActions, projectActionSubject, type ProjectJudged } from './project-abilities.ts';

type Effect = (transaction: TransactionHandle, row: ProjectRow, project: ProjectRecord) => Promise<Partial<ProjectColumns>>;

const judged = (row: ProjectRow): ProjectJudged => ({
  state: row.state as ProjectState,
  departmentId: row.department_id,
  projectLeadPersonId: row.project_lead_person_id,
});

/**
 * The workflow actions of a project (projects.workflow.ts), each one transaction with its audit
 * event. Checks run in a fixed order: exists (404), may act (403), current version (412), the
 * workflow allows it from this state (409), separation of duties (403), the gate (422).
 */
export function createProjectActionsService(db: DatabaseHandle, clock: Clock) {
  const versioned = versionedWrites(db, clock);

  async function act(
    { actor, authorise }: UseCaseContext,
    id: string,
    expectedVersion: ExpectedVersion,
    action: ProjectAction,
    effect?: Effect,
  ): Promise<Project> {
    const municipalityId = municipalityOf(actor);
    const transition = projectWorkflow[action];
    return versioned
      .update(actor, {
        entity: 'Project',
        expectedVersion,
        load: (transaction) => loadProject(transaction, municipalityId, id),
        versionOf: ({ row }) => row.version,
        authorise: ({ row }) => authorise(projectActionSubject(action, judged(row))),
        apply: async (transaction, { row, project: before }, version) => {
          const outcome = transitionOf(row.state as ProjectState, action);
          if (!outcome.allowed) throw new AppError('conflict', outcome.reason, { reason: 'transition_not_allowed' });
          if (transition.gated && before.submitGaps.length > 0) {
            throw new AppError(
              'rule_violation',
              `The project cannot be submitted yet: ${before.submitGaps.length} required piece(s) missing.`,
              {
                reason: 'project_incomplete',
                requirement: before.submitGaps[0]!.code,
                fieldErrors: before.submitGaps,
              },
            );
          }
          const columns = effect ? await effect(transaction, row, before) : {};
          const now = clock.now().toISOString();
          return projectsRepository.update(transaction, municipalityId, id, version, { state: outcome.to, ...columns }, now);
        },
        audit: (before, after) => ({
          action,
          entityType: 'project',
          entityId: id,
          before: toAudit(before.project),
          after: toAudit(after.project),
        }),
      })
      .then(({ project }) => withProjectAbilities(db, actor, project));
  }

  /**
   * ITP-4.2.1-APPROVAL: never whoever created, led (at any point) or submitted the project, nor a
   * head of its department.
   */
  async function refuseConflictOfInterest(transaction: TransactionHandle, actor: AnyActor, row: ProjectRow) {
    if (actor.kind === 'system') return;
    const involvements = await projectsRepository.involvementsOf(transaction, row.municipality_id, row.id, actor.personId);
    const refusal = decisionRefusalFor(actor, judged(row), involvements);
    if (refusal) throw forbidden(refusal);
  }

  async function recordDecision(
    transaction: TransactionHandle,
    actor: AnyActor,
    row: ProjectRow,
    decision: Record<string, unknown> & { decision: string; decidedOn?: string },
  ) {
    await projectsRepository.insertApproval(transaction, {
      id: randomUUID(),
      municipality_id: row.municipality_id,
      project_id: row.id,
      system_id: row.system_id,
      decision: decision.decision,
      conditions_json: JSON.stringify(decision.conditions ?? []),
      approver_person_id: actor.kind === 'person' ? actor.personId : null,
      approver_name: actorName(actor),
      decided_on: decision.decidedOn ?? swedishToday(clock.now()),
      approved_version: (decision.approvedVersion as string | null | undefined) ?? null,
      scope: (decision.scope as string | null | undefined) ?? null,
      case_reference: (decision.caseReference as string | null | undefined) ?? null,
      reason: (decision.reason as string | null | undefined) ?? null,
      recorded_at: clock.now().toISOString(),
    });
  }

  return {
    startProject: useCase(projectActions.start, (context, id: string, expectedVersion: ExpectedVersion) =>
      act(context, id, expectedVersion, 'start'),
    ),

    /** Gated: every missing piece is listed in the refusal, each with its clause (ITP-4.2.1-*). */
    submitProject: useCase(projectActions.submit, (context, id: string, expectedVersion: ExpectedVersion) =>
      act(context, id, expectedVersion, 'submit', async (transaction, row) => {
        const now = clock.now().toISOString();
        if (context.actor.kind === 'person') {
          await projectsRepository.recordInvolvement(transaction, row.municipality_id, row.id, context.actor.personId, 'submitted', now);
        }
        return { submitted_at: now };
      }),
    ),

    /** Operational approval (driftgodkännande): what exactly was approved, by whom, when, under which case. */
    approveProject: useCase(projectActions.approve, (context, id: string, expectedVersion: ExpectedVersion, input: ProjectApprove) =>
      act(context, id, expectedVersion, 'approve', async (transaction, row) => {
        await refuseConflictOfInterest(transaction, context.actor, row);
        const conditions = input.conditions ?? [];
        if (input.decision === 'approved_with_conditions' && conditions.length === 0) {
          throw new AppError('validation_failed', 'An approval with conditions needs at least one condition.', {
            fieldErrors: [{ path: 'conditions', message: 'At least one condition' }],
          });
        }
        await recordDecision(transaction, context.actor, row, {
          ...input,
          conditions,
          approvedVersion: input.approvedVersion ?? row.system_product_version,
        });
        return { approved_at: clock.now().toISOString() };
      }),
    ),

    rejectProject: useCase(projectActions.reject, (context, id: string, expectedVersion: ExpectedVersion, input: ProjectReject) =>
      act(context, id, expectedVersion, 'reject', async (transaction, row) => {
        await refuseConflictOfInterest(transaction, context.actor, row);
        await recordDecision(transaction, context.actor, row, {
          decision: 'rejected',
          reason: input.reason,
          caseReference: input.caseReference,
          decidedOn: input.decidedOn,
        });
        return {};
      }),
    ),

    /** Rework after a rejection: the project is prepared again and submitted anew. */
    reopenProject: useCase(projectActions.reopen, (context, id: string, expectedVersion: ExpectedVersion) =>
      act(context, id, expectedVersion, 'reopen', async () => ({ submitted_at: null })),
    ),

    closeProject: useCase(projectActions.close, (context, id: string, expectedVersion: ExpectedVersion) =>
      act(context, id, expectedVersion, 'close'),
    ),
  };
}

export type ProjectActionsService = ReturnType<typeof createProjectActionsService>;
