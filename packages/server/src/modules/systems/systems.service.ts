import { randomUUID } from 'node:crypto';
import type { ExpectedVersion } from '../../platform/http/versioning.ts';
import {
  dutyKeys,
  type System,
  type SystemCreate,
  type SystemListQuery,
  type SystemRecord,
  type SystemSummary,
  type SystemUpdate,
} from '@forvalta/contracts';
import { actorName, type AnyActor } from '../../access/actor.ts';
import { municipalityOf, requirePermission, type Subject } from '../../access/authorise.ts';
import { useCase } from '../../access/use-case.ts';
import { recordAudit } from '../../platform/audit.ts';
import type { Clock } from '../../platform/clock.ts';
import { withTransaction, type DatabaseHandle, type Executor, type TransactionHandle } from '../../platform/database.ts';
import { AppError, invalid, notFound } from '../../platform/errors.ts';
import { searchText, swedishSortKey } from '../../platform/text.ts';
import { createVersionedCache, type ReadCacheSettings } from '../../platform/versioned-cache.ts';
import { versionedWrites } from '../../platform/versioned-write.ts';
import { auditEventReads, namesReferencedBy } from '../audit-events/index.ts';
import { systemAssignmentsRepository } from './system-assignments.repository.ts';
import { systemDutiesRepository } from './system-duties.repository.ts';
import { swedishToday } from '../../platform/calendar.ts';
import { systemsRepository, type SystemColumns } from './systems.repository.ts';
import { ownerSubject, systemAbilities, systemActions } from './system-abilities.ts';

/**
 * What the permission table judges a system by: its owner department (department-scoped grants)
 * and its current manager and deputies (the steward actions).
 */
export function systemSubject(system: Pick<SystemRecord, 'ownerDepartmentId' | 'manager' | 'deputies'>): Subject {
  const stewardPersonIds = [system.manager?.personId, ...system.deputies.map((deputy) => deputy.personId)].filter((id): id is string =>
    Boolean(id),
  );
  return { departmentId: system.ownerDepartmentId, stewardPersonIds };
}

/** The system as the API answers it: the record with what `actor` may do with it. */
export function withSystemAbilities(actor: AnyActor, system: SystemRecord): System {
  return { ...system, can: systemAbilities(actor, systemSubject(system), system.lifecycle) };
}

/** A use case's check of its own permission on a system (its `authorise`, or one that words the refusal). */
export type SystemCheck = (subject: Subject, system: SystemRecord) => void;

export const responsibilityChangedEvent = 'system.responsibility_changed';

/** The fields of a system as stored, from a full (merged) input. */
export function columnsOf(
  input: Omit<SystemCreate, 'classification' | 'usingDepartmentIds'> & {
    scope: SystemRecord['scope'];
    lifecycle: SystemRecord['lifecycle'];
  },
): SystemColumns {
  const tags = [...new Set(input.tags ?? [])];
  return {
    name: input.name,
    sort_key: swedishSortKey(input.name),
    search_text: searchText(input.name, input.supplier, input.product, ...tags),
    description: input.description ?? null,
    purpose: input.purpose ?? null,
    kind: input.kind,
    scope: input.scope,
    lifecycle: input.lifecycle,
    supplier: input.supplier ?? null,
    product: input.product ?? null,
    product_version: input.productVersion ?? null,
    hosting: input.hosting ?? null,
    owner_department_id: input.ownerDepartmentId,
    cost_licence: input.yearlyCosts?.licence ?? null,
    cost_operation: input.yearlyCosts?.operation ?? null,
    cost_support: input.yearlyCosts?.support ?? null,
    cost_other: input.yearlyCosts?.other ?? null,
    documentation_links_json: JSON.stringify(input.documentationLinks ?? []),
    processes_personal_data: input.processesPersonalData ? 1 : 0,
    criticality: input.continuity?.criticality ?? null,
    recovery_time_objective_hours: input.continuity?.recoveryTimeObjectiveHours ?? null,
    recovery_point_objective_hours: input.continuity?.recoveryPointObjectiveHours ?? null,
    last_restore_test_on: input.continuity?.lastRestoreTestOn ?? null,
    supplier_support_ends_on: input.continuity?.supplierSupportEndsOn ?? null,
    nis2: input.nis2 ? 1 : 0,
    user_count: input.userCount ?? null,
    tags_json: JSON.stringify(tags),
  };
}

/**
 * What the register needs to know of the modules built on it (projects, change notices,
 * integrations). They depend on systems, so systems cannot import them: it declares this port
 * and the composition (services.ts) passes their implementations in.
 */
export interface SystemDependents {
  /** ITP-4.2.1-APPROVAL: an introduction or upgrade of the system the IT unit approved exists. */
  hasApprovedProject(executor: Executor, municipalityId: string, systemId: string): Promise<boolean>;
  /**
   * §7 (ITP-7-SELF-DEVELOPED, ITP-7-OPEN-SOURCE): the first self-developed or open-source product of
   * the system without a current decision of the IT chief, or null; such a system stays out of production.
   */
  softwareDecisionGap?(
    executor: Executor,
    municipalityId: string,
    systemId: string,
    today: string,
  ): Promise<{ product: string; clauseId: string } | null>;
  /** Projects, risk analyses and reviews of the system: a system with any is retired, never deleted. */
  lifecycleRecordCount(executor: Executor, municipalityId: string, systemId: string): Promise<number>;
  /** In the deleting transaction: records that outlive the system (change notices) stop naming it. */
  detachDeletedSystem(transaction: TransactionHandle, municipalityId: string, systemId: string): Promise<void>;
  /** Ids of the records whose audit events belong to the system's history besides its own (its integrations). */
  historyEntityIds(executor: Executor, municipalityId: string, systemId: string): Promise<string[]>;
  /**
   * In the change's own transaction: what else an owner, manager or deputy change writes, the
   * IT unit's change notice (ITP-4.2.2-CHANGE-NOTICE, ADR 0004), so it exists the moment the change
   * does. Without it the event waits in the outbox for the scheduled job.
   */
  onResponsibilityChange?(transaction: TransactionHandle, change: ResponsibilityChange): Promise<void>;
}

/** An owner, manager or deputy change as the register records it (a `system.responsibility_changed` event). */
export interface ResponsibilityChange {
  id: string;
  municipalityId: string;
  payload: Record<string, unknown>;
  occurredAt: string;
}

/** Business systems (verksamhetssystem): the register itself (ITP-4.2-REGISTER). */
export function createSystemsService(db: DatabaseHandle, clock: Clock, dependents: SystemDependents, cacheSettings?: ReadCacheSettings) {
  const today = () => swedishToday(clock.now());
  const versioned = versionedWrites(db, clock);

  /** Records a responsibility change in the outbox and hands it to the listener, in the caller's transaction. */
  async function announceResponsibilityChange(
    transaction: TransactionHandle,
    actor: AnyActor,
    municipalityId: string,
    payload: Record<string, unknown>,
  ) {
    const change: ResponsibilityChange = {
      id: randomUUID(),
      municipalityId,
      payload: { ...payload, by: actorName(actor) },
      occurredAt: clock.now().toISOString(),
    };
    await systemsRepository.insertDomainEvent(transaction, { ...change, type: responsibilityChangedEvent });
    await dependents.onResponsibilityChange?.(transaction, change);
  }
  const listCache = createVersionedCache<Awaited<ReturnType<typeof systemsRepository.list>>>(500, cacheSettings);

  async function loadOrFail(executor: Executor, municipalityId: string, id: string) {
    const system = await systemsRepository.findById(executor, municipalityId, id, today());
    if (!system) throw notFound('System');
    return system;
  }

  async function validateDepartments(executor: Executor, municipalityId: string, ownerDepartmentId: string, usingDepartmentIds: string[]) {
    if ((await systemsRepository.countDepartments(executor, municipalityId, [ownerDepartmentId])) !== 1) {
      throw invalid('ownerDepartmentId', 'The owning department does not exist in this municipality.');
    }
    const unique = [...new Set(usingDepartmentIds)];
    if ((await systemsRepository.countDepartments(executor, municipalityId, unique)) !== unique.length) {
      throw invalid('usingDepartmentIds', 'One or more using departments do not exist in this municipality.');
    }
    return unique;
  }

  async function recordClassification(
    transaction: TransactionHandle,
    actor: AnyActor,
    municipalityId: string,
    systemId: string,
    input: NonNullable<SystemCreate['classification']>,
  ) {
    await systemsRepository.insertClassification(transaction, {
      id: randomUUID(),
      municipalityId,
      systemId,
      ...input,
      recordedAt: clock.now().toISOString(),
      recordedByName: actorName(actor),
    });
  }

  return {
    announceResponsibilityChange,

    /**
     * For the use cases of other modules that act on a system (its reviews, risk analyses, change
     * notices, managers): the system, after `check` (the calling use case's authorise) accepted
     * it. There is no way to get a system from this service without a check.
     */
    async authorisedSystem(
      executor: Executor,
      municipalityId: string,
      id: string,
      check: SystemCheck,
      whenMissing: () => Error = () => notFound('System'),
    ): Promise<SystemRecord> {
      const system = await systemsRepository.findById(executor, municipalityId, id, today());
      if (!system) throw whenMissing();
      check(systemSubject(system), system);
      return system;
    },

    /**
     * The register list, the most read page of all: the same for everyone who may read systems,
     * so a page is kept per municipality, data version, day (coverage follows assignment dates)
     * and query, and served again until anything in the municipality changes.
     */
    listSystems: useCase('system.read', async ({ actor, authorise }, query: SystemListQuery) => {
      authorise();
      const municipalityId = municipalityOf(actor);
      const day = today();
      const page = await listCache.readAtVersion(db, actor, municipalityId, [day, query], () =>
        systemsRepository.list(db, municipalityId, query, day),
      );
      // The cached page is the same for every reader; each row's `can` is the caller's, from the
      // stewards the page was read with (no query per row).
      const items: SystemSummary[] = page.items.map((item) => ({
        ...item,
        can: systemAbilities(
          actor,
          { departmentId: item.ownerDepartmentId, stewardPersonIds: page.stewardPersonIds.get(item.id) ?? [] },
          item.lifecycle,
        ),
      }));
      return { items, total: page.total, nextCursor: page.nextCursor };
    }),

    getSystem: useCase('system.read', async ({ actor, authorise }, id: string): Promise<System> => {
      authorise();
      return withSystemAbilities(actor, await loadOrFail(db, municipalityOf(actor), id));
    }),

    createSystem: useCase('system.create', async ({ actor, authorise }, input: SystemCreate): Promise<System> => {
      const municipalityId = municipalityOf(actor);
      authorise({ departmentId: input.ownerDepartmentId });
      if (input.lifecycle === 'in_production') {
        throw new AppError('rule_violation', 'A new system cannot start in production: appoint a system manager and deputy first.', {
          reason: 'production_needs_manager',
          requirement: 'ITP-4.2-MANAGER',
        });
      }
      return withTransaction(db, async (transaction) => {
        const usingDepartmentIds = await validateDepartments(
          transaction,
          municipalityId,
          input.ownerDepartmentId,
          input.usingDepartmentIds ?? [],
        );
        const id = randomUUID();
        const now = clock.now().toISOString();
        await systemsRepository.insert(transaction, municipalityId, id, columnsOf(input), now);
        await systemsRepository.replaceUsingDepartments(transaction, municipalityId, id, usingDepartmentIds);
        if (input.classification) await recordClassification(transaction, actor, municipalityId, id, input.classification);
        await systemDutiesRepository.insertAll(transaction, municipalityId, id, dutyKeys);
        const created = await loadOrFail(transaction, municipalityId, id);
        await recordAudit(transaction, actor, clock, { action: 'create', entityType: 'system', entityId: id, after: created });
        return withSystemAbilities(actor, created);
      });
    }),

    updateSystem: useCase(
      systemActions.update,
      async ({ actor, authorise }, id: string, expectedVersion: ExpectedVersion, input: SystemUpdate): Promise<System> => {
        const municipalityId = municipalityOf(actor);
        const ownerChanges = (before: SystemRecord) =>
          input.ownerDepartmentId !== undefined && input.ownerDepartmentId !== before.ownerDepartmentId;
        const after = await versioned.update(actor, {
          entity: 'System',
          expectedVersion,
          load: (transaction) => systemsRepository.findById(transaction, municipalityId, id, today()),
          authorise: (before) => {
            authorise(systemSubject(before));
            // Moving a system to another owner is the owner's decision, never its manager's (§4.2), and
            // the destination must lie in the caller's scope too: a department head cannot hand their
            // system to a department they do not head.
            if (ownerChanges(before)) {
              requirePermission(actor, systemActions.changeOwner, ownerSubject(systemSubject(before)));
              requirePermission(actor, systemActions.changeOwner, { departmentId: input.ownerDepartmentId });
            }
          },
          apply: async (transaction, before, version) => {
            const merged = {
              ...before,
              ...Object.fromEntries(Object.entries(input).filter(([, value]) => value !== undefined)),
              yearlyCosts: { ...before.yearlyCosts, ...input.yearlyCosts },
              continuity: { ...before.continuity, ...input.continuity },
            } as SystemRecord;
            if (
              merged.lifecycle === 'in_production' &&
              before.lifecycle !== 'in_production' &&
              before.manager?.employmentStatus !== 'active'
            ) {
              throw new AppError(
                'rule_violation',
                'A system in production must have a system manager (systemansvarig). Appoint one first.',
                {
                  reason: 'production_needs_manager',
                  requirement: 'ITP-4.2-MANAGER',
                },
              );
            }
            // ITP-4.2.1-APPROVAL: only an introduction or upgrade the IT unit approved puts a system into production.
            if (
              merged.lifecycle === 'in_production' &&
              before.lifecycle !== 'in_production' &&
              !(await dependents.hasApprovedProject(transaction, municipalityId, id))
            ) {
              throw new AppError(
                'rule_violation',
                'A system goes into production only with an operational approval (driftgodkännande) from the IT unit: approve an introduction or upgrade project for it first.',
                {
                  reason: 'production_needs_approval',
                  requirement: 'ITP-4.2.1-APPROVAL',
                },
              );
            }
            // The §7 gate beside the approval: self-developed or open-source software needs the IT chief's current decision.
            if (merged.lifecycle === 'in_production' && before.lifecycle !== 'in_production' && dependents.softwareDecisionGap) {
              const gap = await dependents.softwareDecisionGap(transaction, municipalityId, id, today());
              if (gap)
                throw new AppError(
                  'rule_violation',
                  `The system uses ${gap.product}, which needs a current decision of the IT chief before the system goes into production.`,
                  { reason: 'production_needs_software_decision', requirement: gap.clauseId },
                );
            }
            const usingDepartmentIds = await validateDepartments(
              transaction,
              municipalityId,
              merged.ownerDepartmentId,
              input.usingDepartmentIds ?? before.usingDepartmentIds,
            );
            const now = clock.now().toISOString();
            if (!(await systemsRepository.update(transaction, municipalityId, id, version, columnsOf(merged), now))) return false;
            if (input.usingDepartmentIds)
              await systemsRepository.replaceUsingDepartments(transaction, municipalityId, id, usingDepartmentIds);
            const classificationChanged =
              input.classification &&
              (!before.classification ||
                (['confidentiality', 'integrity', 'availability', 'traceability', 'classifiedOn'] as const).some(
                  (key) => input.classification![key] !== before.classification![key],
                ));
            if (classificationChanged) await recordClassification(transaction, actor, municipalityId, id, input.classification!);
            return true;
          },
          audit: (before, after) => ({ action: 'update', entityType: 'system', entityId: id, before, after }),
          followUp: async (transaction, before, after) => {
            if (!ownerChanges(before)) return;
            await announceResponsibilityChange(transaction, actor, municipalityId, {
              systemId: id,
              change: 'owner',
              fromDepartmentId: before.ownerDepartmentId,
              toDepartmentId: after.ownerDepartmentId,
            });
          },
        });
        return withSystemAbilities(actor, after);
      },
    ),

    /** Deleting is for records entered by mistake; a system that was used is retired instead. */
    deleteSystem: useCase(
      systemActions.delete,
      async ({ actor, authorise }, id: string, expectedVersion: ExpectedVersion): Promise<void> => {
        const municipalityId = municipalityOf(actor);
        await versioned.delete(actor, {
          entity: 'System',
          expectedVersion,
          load: (transaction) => systemsRepository.findById(transaction, municipalityId, id, today()),
          authorise: (before) => authorise(ownerSubject(systemSubject(before))),
          apply: async (transaction, before, version) => {
            if (before.lifecycle !== 'planned') {
              throw new AppError(
                'conflict',
                'Only a planned system can be deleted; set a system that has been used to retired (avvecklad) instead.',
              );
            }
            if ((await dependents.lifecycleRecordCount(transaction, municipalityId, id)) > 0) {
              throw new AppError('conflict', 'The system has projects, risk analyses or reviews; retire it instead of deleting it.', {
                reason: 'system_in_use',
              });
            }
            // Change notices stay in the IT unit's history; they just no longer name the deleted system.
            await dependents.detachDeletedSystem(transaction, municipalityId, id);
            return systemsRepository.delete(transaction, municipalityId, id, version);
          },
          audit: (before) => ({ action: 'delete', entityType: 'system', entityId: id, before }),
        });
      },
    ),

    /** The manager or a deputy vouches that the record is current (ITP-4.2-REGISTER). */
    confirmSystem: useCase(
      systemActions.confirm,
      async ({ actor, authorise }, id: string, expectedVersion: ExpectedVersion, note: string | null | undefined): Promise<System> => {
        const municipalityId = municipalityOf(actor);
        const after = await versioned.update(actor, {
          entity: 'System',
          expectedVersion,
          load: (transaction) => systemsRepository.findById(transaction, municipalityId, id, today()),
          authorise: (before) => authorise(systemSubject(before)),
          apply: (transaction, _before, version) => {
            const now = clock.now().toISOString();
            return systemsRepository.update(
              transaction,
              municipalityId,
              id,
              version,
              { last_confirmed_at: now, last_confirmed_by_name: actorName(actor) },
              now,
            );
          },
          audit: (before, after) => ({
            action: 'confirm',
            entityType: 'system',
            entityId: id,
            before: { lastConfirmedAt: before.lastConfirmedAt },
            after: { lastConfirmedAt: after.lastConfirmedAt, note: note ?? null },
          }),
        });
        return withSystemAbilities(actor, after);
      },
    ),

    /**
     * The system's own history, readable by whoever may read the system: events on the system,
     * its duties (`id:duty`), and every assignment and integration it has had.
     */
    systemHistory: useCase('system.read', async ({ actor, authorise }, id: string, query: { limit: number; cursor?: string }) => {
      authorise();
      const municipalityId = municipalityOf(actor);
      await loadOrFail(db, municipalityId, id);
      const [assignments, relatedIds] = await Promise.all([
        systemAssignmentsRepository.list(db, municipalityId, id, today(), true),
        dependents.historyEntityIds(db, municipalityId, id),
      ]);
      const entityIds = [id, ...assignments.map((assignment) => assignment.id), ...relatedIds];
      const page = await auditEventReads.listForEntities(db, municipalityId, entityIds, id, query);
      return { ...page, names: await namesReferencedBy(db, municipalityId, page.items) };
    }),

    listClassifications: useCase('system.read', async ({ actor, authorise }, id: string) => {
      authorise();
      const municipalityId = municipalityOf(actor);
      await loadOrFail(db, municipalityId, id);
      const items = await systemsRepository.listClassifications(db, municipalityId, id);
      return { items, total: items.length, nextCursor: null };
    }),
  };
}

export type SystemsService = ReturnType<typeof createSystemsService>;
