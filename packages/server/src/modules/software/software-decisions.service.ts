import { randomUUID } from 'node:crypto';
import {
  decidedOrigins,
  reviewAspects,
  type SoftwareDecision,
  type SoftwareDecisionCreate,
  type SoftwareDecisionDecide,
  type SoftwareDecisionListQuery,
  type SoftwareDecisionUpdate,
} from '@forvalta/contracts';
import { actorName, type AnyActor } from '../../access/actor.ts';
import { municipalityOf } from '../../access/authorise.ts';
import { useCase } from '../../access/use-case.ts';
import { recordAudit } from '../../platform/audit.ts';
import { swedishToday } from '../../platform/calendar.ts';
import type { Clock } from '../../platform/clock.ts';
import { withTransaction, type DatabaseHandle, type Executor } from '../../platform/database.ts';
import { AppError, conflict, invalid, notFound } from '../../platform/errors.ts';
import type { ExpectedVersion } from '../../platform/http/versioning.ts';
import { versionedWrites } from '../../platform/versioned-write.ts';
import { decisionRefusalFor, softwareDecisionAbilities, softwareDecisionActions, softwareSubject } from './software-abilities.ts';
import { reviewColumns } from './software-decision-columns.ts';
import { softwareDecisionsRepository, type DecisionWithProposer } from './software-decisions.repository.ts';
import { softwareRepository } from './software.repository.ts';
import { stewardsBySystem, stewardsOf } from './software-stewards.ts';

/**
 * The IT chief's decisions (§7): a self-developed application is used only after a decision, open
 * source only after a review of its stability, security and future-proofing. The IT unit, or a
 * system's stewards for their system's software, propose; only the IT chief decides, never on their
 * own proposal; a decision once made is not changed (a new proposal supersedes it).
 */
export function createSoftwareDecisionsService(db: DatabaseHandle, clock: Clock) {
  const versioned = versionedWrites(db, clock);
  const today = () => swedishToday(clock.now());

  async function stewardsOfSoftware(executor: Executor, municipalityId: string, softwareId: string) {
    const systemIds = await softwareRepository.systemIdsOf(executor, municipalityId, softwareId);
    return stewardsOf(systemIds, await stewardsBySystem(executor, municipalityId, systemIds, today()));
  }

  async function present(executor: Executor, actor: AnyActor, decisions: DecisionWithProposer[]): Promise<SoftwareDecision[]> {
    const municipalityId = municipalityOf(actor);
    const stewards = new Map<string, string[]>();
    for (const softwareId of new Set(decisions.map((decision) => decision.softwareId)))
      stewards.set(softwareId, await stewardsOfSoftware(executor, municipalityId, softwareId));
    return decisions.map(({ proposedByPersonId, ...decision }) => ({
      ...decision,
      can: softwareDecisionAbilities(actor, { status: decision.status, proposedByPersonId }, stewards.get(decision.softwareId) ?? []),
    }));
  }

  const load = async (executor: Executor, municipalityId: string, id: string) => {
    const decision = await softwareDecisionsRepository.findById(executor, municipalityId, id, today());
    if (!decision) throw notFound('Software decision');
    return decision;
  };

  /** The decision's own load, with the stewards its authorisation needs. */
  const loadForChange = async (executor: Executor, municipalityId: string, id: string) => {
    const decision = await softwareDecisionsRepository.findById(executor, municipalityId, id, today());
    return decision ? { decision, stewards: await stewardsOfSoftware(executor, municipalityId, decision.softwareId) } : undefined;
  };

  return {
    listDecisions: useCase('softwareDecision.read', async ({ actor, authorise }, query: SoftwareDecisionListQuery) => {
      authorise();
      const page = await softwareDecisionsRepository.list(db, municipalityOf(actor), query, today());
      return { ...page, items: await present(db, actor, page.items) };
    }),

    getDecision: useCase('softwareDecision.read', async ({ actor, authorise }, id: string): Promise<SoftwareDecision> => {
      authorise();
      return (await present(db, actor, [await load(db, municipalityOf(actor), id)]))[0]!;
    }),

    proposeDecision: useCase(
      softwareDecisionActions.update,
      async ({ actor, authorise }, input: SoftwareDecisionCreate): Promise<SoftwareDecision> => {
        const municipalityId = municipalityOf(actor);
        return withTransaction(db, async (transaction) => {
          const software = await softwareRepository.productOf(transaction, municipalityId, input.softwareId);
          if (!software) throw invalid('softwareId', 'The software does not exist in this municipality.');
          authorise(softwareSubject(await stewardsOfSoftware(transaction, municipalityId, software.id)));
          if (!decidedOrigins.includes(software.origin as SoftwareDecision['origin']))
            throw invalid('softwareId', 'Only self-developed and open-source software needs a decision of the IT chief.');
          const id = randomUUID();
          const at = clock.now().toISOString();
          await softwareDecisionsRepository.insert(transaction, {
            id,
            municipality_id: municipalityId,
            software_id: software.id,
            status: 'proposed',
            purpose: input.purpose ?? null,
            valid_until: input.validUntil ?? null,
            conditions_json: JSON.stringify(input.conditions ?? []),
            ...reviewColumns(input.review),
            proposed_by_person_id: actor.kind === 'person' ? actor.personId : null,
            proposed_by_name: actorName(actor),
            proposed_on: today(),
            decided_by_person_id: null,
            decided_by_name: null,
            decided_on: null,
            reason: null,
            created_at: at,
            updated_at: at,
            version: 1,
          });
          const created = await load(transaction, municipalityId, id);
          await recordAudit(transaction, actor, clock, { action: 'create', entityType: 'software_decision', entityId: id, after: created });
          return (await present(transaction, actor, [created]))[0]!;
        });
      },
    ),

    updateProposal: useCase(
      softwareDecisionActions.update,
      async ({ actor, authorise }, id: string, expectedVersion: ExpectedVersion, input: SoftwareDecisionUpdate) => {
        const municipalityId = municipalityOf(actor);
        const after = await versioned.update(actor, {
          entity: 'Software decision',
          expectedVersion,
          load: (transaction) => loadForChange(transaction, municipalityId, id),
          versionOf: ({ decision }) => decision.version,
          reload: (transaction) => softwareDecisionsRepository.findById(transaction, municipalityId, id, today()),
          authorise: ({ stewards }) => authorise(softwareSubject(stewards)),
          apply: async (transaction, { decision }, version) => {
            if (decision.status !== 'proposed')
              throw conflict('The IT chief has decided; propose anew instead.', 'software_decision_closed');
            return softwareDecisionsRepository.update(transaction, municipalityId, id, version, {
              ...(input.purpose !== undefined ? { purpose: input.purpose } : {}),
              ...(input.validUntil !== undefined ? { valid_until: input.validUntil } : {}),
              ...(input.conditions !== undefined ? { conditions_json: JSON.stringify(input.conditions) } : {}),
              ...(input.review !== undefined ? reviewColumns(input.review, decision.review) : {}),
              updated_at: clock.now().toISOString(),
            });
          },
          audit: ({ decision }, after) => ({ action: 'update', entityType: 'software_decision', entityId: id, before: decision, after }),
        });
        return (await present(db, actor, [after]))[0]!;
      },
    ),

    /**
     * The IT chief's decision. Allowing open source needs every aspect of the review judged with its
     * evidence (ITP-7-OPEN-SOURCE); refusing needs a reason. The proposer does not decide.
     */
    decide: useCase(
      softwareDecisionActions.decide,
      async ({ actor, authorise }, id: string, expectedVersion: ExpectedVersion, input: SoftwareDecisionDecide) => {
        const municipalityId = municipalityOf(actor);
        const after = await versioned.update(actor, {
          entity: 'Software decision',
          expectedVersion,
          load: (transaction) => loadForChange(transaction, municipalityId, id),
          versionOf: ({ decision }) => decision.version,
          reload: (transaction) => softwareDecisionsRepository.findById(transaction, municipalityId, id, today()),
          authorise: ({ decision }) => {
            authorise();
            const refusal = decisionRefusalFor(actor, decision.proposedByPersonId);
            if (refusal) throw new AppError('forbidden', refusal, { reason: 'software_decision_by_proposer' });
          },
          apply: async (transaction, { decision }, version) => {
            if (decision.status !== 'proposed') throw conflict('This proposal has been decided already.', 'software_decision_closed');
            const columns = reviewColumns(input.review, decision.review);
            if (input.decision === 'allowed' && decision.origin === 'open_source') {
              const judged = {
                stability: [columns.stability_assessment, columns.stability_evidence],
                security: [columns.security_assessment, columns.security_evidence],
                futureProofing: [columns.future_assessment, columns.future_evidence],
              } as const;
              const gaps = reviewAspects
                .filter((aspect) => !judged[aspect][0] || !judged[aspect][1]?.trim())
                .map((aspect) => ({
                  path: `review.${aspect}`,
                  code: 'ITP-7-OPEN-SOURCE',
                  message: `The ${aspect} is not judged with its evidence.`,
                }));
              if (gaps.length > 0)
                throw new AppError(
                  'rule_violation',
                  'Open-source software is allowed only after a review of stability, security and future-proofing, each with its evidence.',
                  { requirement: 'ITP-7-OPEN-SOURCE', fieldErrors: gaps },
                );
            }
            if (input.decision === 'refused' && !input.reason?.trim()) throw invalid('reason', 'A refusal gives its reason.');
            return softwareDecisionsRepository.update(transaction, municipalityId, id, version, {
              ...columns,
              status: input.decision,
              ...(input.purpose !== undefined ? { purpose: input.purpose } : {}),
              ...(input.validUntil !== undefined ? { valid_until: input.validUntil } : {}),
              ...(input.conditions !== undefined ? { conditions_json: JSON.stringify(input.conditions) } : {}),
              reason: input.reason ?? null,
              decided_by_person_id: actor.kind === 'person' ? actor.personId : null,
              decided_by_name: actorName(actor),
              decided_on: input.decidedOn ?? today(),
              updated_at: clock.now().toISOString(),
            });
          },
          audit: ({ decision }, after) => ({
            action: input.decision === 'allowed' ? 'approve' : 'reject',
            entityType: 'software_decision',
            entityId: id,
            before: decision,
            after,
          }),
        });
        return (await present(db, actor, [after]))[0]!;
      },
    ),
  };
}

export type SoftwareDecisionsService = ReturnType<typeof createSoftwareDecisionsService>;
