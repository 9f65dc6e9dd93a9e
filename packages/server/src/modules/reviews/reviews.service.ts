import { randomUUID } from 'node:crypto';
import type { ExpectedVersion } from '../../platform/http/versioning.ts';
import type { Permission, Review, ReviewActionName, ReviewCreate, ReviewListQuery, ReviewRecord, ReviewUpdate } from '@forvalta/contracts';
import { municipalityOf } from '../../access/authorise.ts';
import { useCase } from '../../access/use-case.ts';
import { recordAudit } from '../../platform/audit.ts';
import type { Clock } from '../../platform/clock.ts';
import { inParallel, withTransaction, type DatabaseHandle, type Executor } from '../../platform/database.ts';
import { existingIds } from '../../platform/references.ts';
import { AppError, invalid, notFound } from '../../platform/errors.ts';
import { swedishToday } from '../../platform/calendar.ts';
import { versionedWrites } from '../../platform/versioned-write.ts';
import { systemActions, systemReads, type SystemsService } from '../systems/index.ts';
import type { AnyActor } from '../../access/actor.ts';
import { canOn } from '../../access/record-actions.ts';
import { reviewsRepository } from './reviews.repository.ts';

const storedActions = (actions: NonNullable<ReviewUpdate['actions']>): string =>
  JSON.stringify(
    actions.map((action) => ({
      description: action.description,
      ownerPersonId: action.ownerPersonId ?? null,
      dueDate: action.dueDate ?? null,
      status: action.status,
    })),
  );

/**
 * The permission of each action on a review. Recording a review is writing a review of its system,
 * authorised on the system (owner department and stewards), and so is its `can`.
 */
export const reviewActions = { update: systemActions.writeReviews } as const satisfies Record<ReviewActionName, Permission>;

/** The reviews as the API answers them: each with what `actor` may do with it, from one query of stewards. */
async function withReviewAbilities(executor: Executor, actor: AnyActor, reviews: ReviewRecord[], today: string): Promise<Review[]> {
  const stewards = await systemReads.stewardPersonIds(
    executor,
    municipalityOf(actor),
    reviews.map((review) => review.systemId),
    today,
  );
  return reviews.map((review) => ({
    ...review,
    can: canOn(actor, reviewActions, { departmentId: review.ownerDepartmentId, stewardPersonIds: stewards.get(review.systemId) ?? [] }),
  }));
}

/**
 * Reviews of a system by its owner (ITP-4.2-REVIEW): the adjacent systems considered, the three
 * evaluations of §3 (ITP-3-EVALUATE), findings and actions, IT unit participants marked
 * (ITP-4.3-ASSIST). A review is planned, then held; the rules judge the held ones.
 */
export function createReviewsService(db: DatabaseHandle, clock: Clock, systems: SystemsService) {
  const today = () => swedishToday(clock.now());
  const versioned = versionedWrites(db, clock);

  async function loadOrFail(executor: Executor, municipalityId: string, id: string) {
    const review = await reviewsRepository.findById(executor, municipalityId, id, today());
    if (!review) throw notFound('Review');
    return review;
  }

  /** Named systems and people must exist in this municipality. */
  async function validate(
    executor: Executor,
    municipalityId: string,
    input: Pick<ReviewUpdate, 'adjacentSystems' | 'participants' | 'actions'>,
  ) {
    const systemIds = [...new Set((input.adjacentSystems ?? []).map((entry) => entry.systemId))];
    const personIds = [
      ...new Set(
        [...(input.participants ?? []).map((entry) => entry.personId), ...(input.actions ?? []).map((entry) => entry.ownerPersonId)].filter(
          (id): id is string => Boolean(id),
        ),
      ),
    ];
    const [names, people] = await inParallel(
      executor,
      () => reviewsRepository.systemNames(executor, municipalityId, systemIds),
      () => existingIds(executor, 'people', municipalityId, personIds),
    );
    if (names.size !== systemIds.length)
      throw invalid('adjacentSystems', 'One or more adjacent systems do not exist in this municipality.');
    if (people.size !== personIds.length) throw invalid('participants', 'One or more named people do not exist in this municipality.');
  }

  const normaliseParticipants = (participants: NonNullable<ReviewUpdate['participants']>) =>
    participants.map((entry) => ({ personId: entry.personId ?? null, name: entry.name, itUnit: entry.itUnit }));
  const normaliseAdjacent = (entries: NonNullable<ReviewUpdate['adjacentSystems']>) =>
    entries.map((entry) => ({ systemId: entry.systemId, considered: entry.considered, note: entry.note ?? null }));

  return {
    listReviews: useCase('review.read', async ({ actor, authorise }, query: ReviewListQuery) => {
      authorise();
      const municipalityId = municipalityOf(actor);
      const page = await reviewsRepository.list(db, municipalityId, query, today());
      return { ...page, items: await withReviewAbilities(db, actor, page.items, today()) };
    }),

    getReview: useCase('review.read', async ({ actor, authorise }, id: string): Promise<Review> => {
      authorise();
      const municipalityId = municipalityOf(actor);
      const [review] = await withReviewAbilities(db, actor, [await loadOrFail(db, municipalityId, id)], today());
      return review!;
    }),

    /** Plans a review, or records one already held; the adjacent systems are preselected from the integration graph unless given. */
    createReview: useCase(systemActions.writeReviews, async ({ actor, authorise }, input: ReviewCreate): Promise<Review> => {
      const municipalityId = municipalityOf(actor);
      return withTransaction(db, async (transaction) => {
        const system = await systems.authorisedSystem(
          transaction,
          municipalityId,
          input.systemId,
          (subject) => authorise(subject),
          () => invalid('systemId', 'The system does not exist in this municipality.'),
        );
        if (input.heldOn && input.heldOn > today()) throw invalid('heldOn', 'A review cannot be held in the future.');
        await validate(transaction, municipalityId, input);
        const adjacent = input.adjacentSystems
          ? normaliseAdjacent(input.adjacentSystems)
          : (await reviewsRepository.adjacentSystemIds(transaction, municipalityId, system.id)).map((systemId) => ({
              systemId,
              considered: false,
              note: null,
            }));
        const id = randomUUID();
        const now = clock.now().toISOString();
        await reviewsRepository.insert(transaction, {
          id,
          municipality_id: municipalityId,
          system_id: system.id,
          status: input.heldOn ? 'held' : 'planned',
          planned_on: input.plannedOn,
          held_on: input.heldOn ?? null,
          participants_json: JSON.stringify(normaliseParticipants(input.participants ?? [])),
          adjacent_json: JSON.stringify(adjacent),
          evaluation_use: input.evaluations?.use ?? null,
          evaluation_coordination: input.evaluations?.coordination ?? null,
          evaluation_efficiency: input.evaluations?.efficiency ?? null,
          findings: input.findings ?? null,
          actions_json: storedActions(input.actions ?? []),
          next_review_on: input.nextReviewOn ?? null,
          created_at: now,
          updated_at: now,
          version: 1,
        });
        const created = await loadOrFail(transaction, municipalityId, id);
        await recordAudit(transaction, actor, clock, { action: 'create', entityType: 'review', entityId: id, after: created });
        const [answered] = await withReviewAbilities(transaction, actor, [created], today());
        return answered!;
      });
    }),

    /** Records the review; giving heldOn marks it held (planned → held), and a held review stays held. */
    updateReview: useCase(
      reviewActions.update,
      async ({ actor, authorise }, id: string, expectedVersion: ExpectedVersion, input: ReviewUpdate): Promise<Review> => {
        const municipalityId = municipalityOf(actor);
        const after = await versioned.update(actor, {
          entity: 'Review',
          expectedVersion,
          load: (transaction) => reviewsRepository.findById(transaction, municipalityId, id, today()),
          authorise: async (before, transaction) => {
            await systems.authorisedSystem(transaction, municipalityId, before.systemId, (subject) => authorise(subject));
          },
          apply: async (transaction, before, version) => {
            if (input.heldOn === null && before.status === 'held')
              throw new AppError('conflict', 'A held review stays held; correct its date instead.', { reason: 'review_already_held' });
            if (input.heldOn && input.heldOn > today()) throw invalid('heldOn', 'A review cannot be held in the future.');
            await validate(transaction, municipalityId, input);
            const held = input.heldOn ?? before.heldOn;
            return reviewsRepository.update(transaction, municipalityId, id, version, {
              status: held ? 'held' : 'planned',
              ...(input.plannedOn !== undefined ? { planned_on: input.plannedOn } : {}),
              ...(input.heldOn !== undefined ? { held_on: input.heldOn } : {}),
              ...(input.participants !== undefined ? { participants_json: JSON.stringify(normaliseParticipants(input.participants)) } : {}),
              ...(input.adjacentSystems !== undefined ? { adjacent_json: JSON.stringify(normaliseAdjacent(input.adjacentSystems)) } : {}),
              ...(input.evaluations?.use !== undefined ? { evaluation_use: input.evaluations.use } : {}),
              ...(input.evaluations?.coordination !== undefined ? { evaluation_coordination: input.evaluations.coordination } : {}),
              ...(input.evaluations?.efficiency !== undefined ? { evaluation_efficiency: input.evaluations.efficiency } : {}),
              ...(input.findings !== undefined ? { findings: input.findings } : {}),
              ...(input.actions !== undefined ? { actions_json: storedActions(input.actions) } : {}),
              ...(input.nextReviewOn !== undefined ? { next_review_on: input.nextReviewOn } : {}),
              updated_at: clock.now().toISOString(),
            });
          },
          audit: (before, after) => ({
            action: before.status === 'planned' && after.status === 'held' ? 'hold' : 'update',
            entityType: 'review',
            entityId: id,
            before,
            after,
          }),
        });
        const [answered] = await withReviewAbilities(db, actor, [after], today());
        return answered!;
      },
    ),
  };
}

export type ReviewsService = ReturnType<typeof createReviewsService>;
