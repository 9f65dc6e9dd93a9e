import { randomUUID } from 'node:crypto';
import type { ExpectedVersion } from '../../platform/http/versioning.ts';
import type {
  Integration,
  IntegrationCreate,
  IntegrationListQuery,
  IntegrationUpdate,
  SystemGraph,
  SystemRecord,
} from '@forvalta/contracts';
import { municipalityOf } from '../../access/authorise.ts';
import { useCase, type UseCaseContext } from '../../access/use-case.ts';
import { recordAudit } from '../../platform/audit.ts';
import type { Clock } from '../../platform/clock.ts';
import { inParallel, withTransaction, type DatabaseHandle, type Executor } from '../../platform/database.ts';
import { invalid, notFound } from '../../platform/errors.ts';
import { createVersionedCache, type ReadCacheSettings } from '../../platform/versioned-cache.ts';
import { versionedWrites } from '../../platform/versioned-write.ts';
import { swedishToday } from '../../platform/calendar.ts';
import { systemActions, systemReads, systemSubject } from '../systems/index.ts';
import { integrationsRepository } from './integrations.repository.ts';

/**
 * Integrations between systems. Whoever may keep either end's record (its owner, the IT unit, or
 * its manager and deputies) may record the link: both ends need to know their neighbours.
 */
export function createIntegrationsService(db: DatabaseHandle, clock: Clock, cacheSettings?: ReadCacheSettings) {
  // A graph is a system and its neighbours, a few kB: one per system page visited recently.
  const versioned = versionedWrites(db, clock);
  const graphCache = createVersionedCache<SystemGraph>(1000, cacheSettings);

  /** One end suffices: the check runs on the first end the caller keeps, or refuses on the provider's. */
  function authoriseOnEitherEnd({ authorise, may }: UseCaseContext, ends: SystemRecord[]) {
    const subjects = ends.map(systemSubject);
    authorise(
      subjects.find((subject) => may(subject)) ?? subjects[0],
      'You may record integrations only for systems you keep (owner, IT unit, manager or deputy).',
    );
  }

  async function loadEnds(
    executor: Executor,
    municipalityId: string,
    integration: Pick<Integration, 'providerSystemId' | 'consumerSystemId'>,
  ) {
    return inParallel(
      executor,
      () => loadSystem(executor, municipalityId, integration.providerSystemId),
      () => loadSystem(executor, municipalityId, integration.consumerSystemId),
    );
  }

  // The ends are loaded to be checked (authoriseOnEitherEnd) or, for the graph, after system.read.
  async function loadSystem(executor: Executor, municipalityId: string, id: string) {
    const system = await systemReads.findSystem(executor, municipalityId, id, swedishToday(clock.now()));
    if (!system) throw notFound('System');
    return system;
  }

  async function loadOrFail(executor: Executor, municipalityId: string, id: string) {
    const integration = await integrationsRepository.findById(executor, municipalityId, id);
    if (!integration) throw notFound('Integration');
    return integration;
  }

  /** Reads by municipality only, never by the caller: the graph is shared between callers. */
  async function loadGraph(municipalityId: string, systemId: string): Promise<SystemGraph> {
    const system = await loadSystem(db, municipalityId, systemId);
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
    listIntegrations: useCase('system.read', async ({ actor, authorise }, query: IntegrationListQuery) => {
      authorise();
      return integrationsRepository.list(db, municipalityOf(actor), query);
    }),

    getIntegration: useCase('system.read', async ({ actor, authorise }, id: string) => {
      authorise();
      return loadOrFail(db, municipalityOf(actor), id);
    }),

    createIntegration: useCase(systemActions.writeIntegrations, async (context, input: IntegrationCreate): Promise<Integration> => {
      const { actor } = context;
      const municipalityId = municipalityOf(actor);
      if (input.providerSystemId === input.consumerSystemId) throw invalid('consumerSystemId', 'A system cannot integrate with itself.');
      return withTransaction(db, async (transaction) => {
        const loadEnd = async (systemId: string, field: string) => {
          const system = await systemReads.findSystem(transaction, municipalityId, systemId, swedishToday(clock.now()));
          if (!system) throw invalid(field, 'The system does not exist in this municipality.');
          return system;
        };
        const ends = [await loadEnd(input.providerSystemId, 'providerSystemId'), await loadEnd(input.consumerSystemId, 'consumerSystemId')];
        authoriseOnEitherEnd(context, ends);
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
    }),

    updateIntegration: useCase(
      'integration.write',
      async (context, id: string, expectedVersion: ExpectedVersion, input: IntegrationUpdate): Promise<Integration> => {
        const { actor } = context;
        const municipalityId = municipalityOf(actor);
        return versioned.update(actor, {
          entity: 'Integration',
          expectedVersion,
          load: (transaction) => integrationsRepository.findById(transaction, municipalityId, id),
          authorise: async (before, transaction) => authoriseOnEitherEnd(context, await loadEnds(transaction, municipalityId, before)),
          apply: (transaction, before, version) => {
            const values = {
              description: input.description !== undefined ? (input.description ?? null) : before.description,
              flow: input.flow ?? before.flow,
              method: input.method ?? before.method,
              frequency: input.frequency ?? before.frequency,
            };
            return integrationsRepository.update(transaction, municipalityId, id, version, values, clock.now().toISOString());
          },
          audit: (before, after) => ({ action: 'update', entityType: 'integration', entityId: id, before, after }),
        });
      },
    ),

    deleteIntegration: useCase(
      systemActions.writeIntegrations,
      async (context, id: string, expectedVersion: ExpectedVersion): Promise<void> => {
        const { actor } = context;
        const municipalityId = municipalityOf(actor);
        await versioned.delete(actor, {
          entity: 'Integration',
          expectedVersion,
          load: (transaction) => integrationsRepository.findById(transaction, municipalityId, id),
          authorise: async (before, transaction) => authoriseOnEitherEnd(context, await loadEnds(transaction, municipalityId, before)),
          apply: (transaction, _before, version) => integrationsRepository.delete(transaction, municipalityId, id, version),
          audit: (before) => ({ action: 'delete', entityType: 'integration', entityId: id, before }),
        });
      },
    ),

    /**
     * The system and its direct neighbours (angränsande system), for the graph on its page: the
     * same for everyone who may read systems, so kept per municipality, data version, day (the
     * system is read as of today) and system until anything in the municipality changes.
     */
    systemGraph: useCase('system.read', async ({ actor, authorise }, systemId: string): Promise<SystemGraph> => {
      authorise();
      const municipalityId = municipalityOf(actor);
      return graphCache.readAtVersion(db, actor, municipalityId, [swedishToday(clock.now()), systemId], () =>
        loadGraph(municipalityId, systemId),
      );
    }),
  };
}

export type IntegrationsService = ReturnType<typeof createIntegrationsService>;
