import { randomUUID } from 'node:crypto';
import { matchVersion, type ExpectedVersion } from '../../platform/http/versioning.ts';
import type { Integration, IntegrationCreate, IntegrationListQuery, IntegrationUpdate, System, SystemGraph } from '@forvalta/contracts';
import type { AnyActor } from '../../access/actor.ts';
import { can, municipalityOf, requirePermission } from '../../access/authorise.ts';
import { recordAudit } from '../../platform/audit.ts';
import type { Clock } from '../../platform/clock.ts';
import { inParallel, withTransaction, type DatabaseHandle, type Executor } from '../../platform/database.ts';
import { AppError, invalid, notFound, versionMismatch } from '../../platform/errors.ts';
import { createVersionedCache, type ReadCacheSettings } from '../../platform/versioned-cache.ts';
import { swedishToday } from '../../platform/calendar.ts';
import { systemReads, type SystemsService } from '../systems/index.ts';
import { integrationsRepository } from './integrations.repository.ts';

/**
 * Integrations between systems. Whoever may keep either end's record (its owner, the IT unit, or
 * its manager and deputies) may record the link: both ends need to know their neighbours.
 */
export function createIntegrationsService(db: DatabaseHandle, clock: Clock, systems: SystemsService, cacheSettings?: ReadCacheSettings) {
  // A graph is a system and its neighbours, a few kB: one per system page visited recently.
  const graphCache = createVersionedCache<SystemGraph>(1000, cacheSettings);

  function requireOnEitherEnd(actor: AnyActor, ends: System[]) {
    const allowed = ends.some((system) =>
      can(actor, 'integration.write', { departmentId: system.ownerDepartmentId, stewardPersonIds: systems.stewardsOf(system) }),
    );
    if (!allowed)
      throw new AppError('forbidden', 'You may record integrations only for systems you keep (owner, IT unit, manager or deputy).');
  }

  async function loadEnds(
    executor: Executor,
    municipalityId: string,
    integration: Pick<Integration, 'providerSystemId' | 'consumerSystemId'>,
  ) {
    return inParallel(
      executor,
      () => systems.loadOrFail(executor, municipalityId, integration.providerSystemId),
      () => systems.loadOrFail(executor, municipalityId, integration.consumerSystemId),
    );
  }

  async function loadOrFail(executor: Executor, municipalityId: string, id: string) {
    const integration = await integrationsRepository.findById(executor, municipalityId, id);
    if (!integration) throw notFound('Integration');
    return integration;
  }

  /** Reads by municipality only, never by the caller: the graph is shared between callers. */
  async function loadGraph(municipalityId: string, systemId: string): Promise<SystemGraph> {
    const system = await systems.loadOrFail(db, municipalityId, systemId);
    const integrations = await integrationsRepository.listTouching(db, municipalityId, systemId);
    const neighbourIds = [
      ...new Set(integrations.flatMap((integration) => [integration.providerSystemId, integration.consumerSystemId])),
    ].filter((id) => id !== systemId);
    const neighbours = neighbourIds.length === 0 ? [] : await systemReads.systemNames(db, municipalityId, neighbourIds);
    return {
      nodes: [
        { id: system.id, name: system.name, lifecycle: system.lifecycle, central: true },
        ...neighbours.map((neighbour) => ({ id: neighbour.id, name: neighbour.name, lifecycle: neighbour.lifecycle, central: false })),
      ],
      edges: integrations.map((integration) => ({
        id: integration.id,
        source: integration.providerSystemId,
        target: integration.consumerSystemId,
        method: integration.method,
        flow: integration.flow,
        frequency: integration.frequency,
      })),
    };
  }

  return {
    async listIntegrations(actor: AnyActor, query: IntegrationListQuery) {
      requirePermission(actor, 'system.read');
      return integrationsRepository.list(db, municipalityOf(actor), query);
    },

    async getIntegration(actor: AnyActor, id: string) {
      requirePermission(actor, 'system.read');
      return loadOrFail(db, municipalityOf(actor), id);
    },

    async createIntegration(actor: AnyActor, input: IntegrationCreate): Promise<Integration> {
      const municipalityId = municipalityOf(actor);
      if (input.providerSystemId === input.consumerSystemId) throw invalid('consumerSystemId', 'A system cannot integrate with itself.');
      return withTransaction(db, async (transaction) => {
        const loadEnd = async (systemId: string, field: string) => {
          const system = await systemReads.findSystem(transaction, municipalityId, systemId, swedishToday(clock.now()));
          if (!system) throw invalid(field, 'The system does not exist in this municipality.');
          return system;
        };
        const ends = [await loadEnd(input.providerSystemId, 'providerSystemId'), await loadEnd(input.consumerSystemId, 'consumerSystemId')];
        requireOnEitherEnd(actor, ends);
        const id = randomUUID();
        await integrationsRepository.insert(
          transaction,
          municipalityId,
          id,
          { ...input, description: input.description ?? null },
          clock.now().toISOString(),
        );
        const created = await loadOrFail(transaction, municipalityId, id);
        await recordAudit(transaction, actor, clock, { action: 'create', entityType: 'integration', entityId: id, after: created });
        return created;
      });
    },

    async updateIntegration(actor: AnyActor, id: string, expectedVersion: ExpectedVersion, input: IntegrationUpdate): Promise<Integration> {
      const municipalityId = municipalityOf(actor);
      return withTransaction(db, async (transaction) => {
        const before = await loadOrFail(transaction, municipalityId, id);
        requireOnEitherEnd(actor, await loadEnds(transaction, municipalityId, before));
        expectedVersion = matchVersion(expectedVersion, before.version);
        const values = {
          description: input.description !== undefined ? (input.description ?? null) : before.description,
          flow: input.flow ?? before.flow,
          method: input.method ?? before.method,
          frequency: input.frequency ?? before.frequency,
        };
        if (!(await integrationsRepository.update(transaction, municipalityId, id, expectedVersion, values, clock.now().toISOString())))
          throw versionMismatch();
        const after = await loadOrFail(transaction, municipalityId, id);
        await recordAudit(transaction, actor, clock, { action: 'update', entityType: 'integration', entityId: id, before, after });
        return after;
      });
    },

    async deleteIntegration(actor: AnyActor, id: string, expectedVersion: ExpectedVersion): Promise<void> {
      const municipalityId = municipalityOf(actor);
      await withTransaction(db, async (transaction) => {
        const before = await loadOrFail(transaction, municipalityId, id);
        requireOnEitherEnd(actor, await loadEnds(transaction, municipalityId, before));
        expectedVersion = matchVersion(expectedVersion, before.version);
        if (!(await integrationsRepository.delete(transaction, municipalityId, id, expectedVersion))) throw versionMismatch();
        await recordAudit(transaction, actor, clock, { action: 'delete', entityType: 'integration', entityId: id, before });
      });
    },

    /**
     * The system and its direct neighbours (angränsande system), for the graph on its page: the
     * same for everyone who may read systems, so kept per municipality, data version, day (the
     * system is read as of today) and system until anything in the municipality changes.
     */
    async systemGraph(actor: AnyActor, systemId: string): Promise<SystemGraph> {
      requirePermission(actor, 'system.read');
      const municipalityId = municipalityOf(actor);
      return graphCache.readAtVersion(db, actor, municipalityId, [swedishToday(clock.now()), systemId], () =>
        loadGraph(municipalityId, systemId),
      );
    },
  };
}

export type IntegrationsService = ReturnType<typeof createIntegrationsService>;
