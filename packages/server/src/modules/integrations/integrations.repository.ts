import type { Integration, IntegrationListQuery } from '@forvalta/contracts';
import { insertRows } from '../../platform/bulk-insert.ts';
import type { Executor } from '../../platform/database.ts';
import { pageOf, resolveSort } from '../../platform/paging.ts';
import { updateAtVersion, deleteAtVersion } from '../../platform/versioned-rows.ts';

interface IntegrationRow {
  id: string;
  version: number;
  created_at: string;
  updated_at: string;
  provider_system_id: string;
  consumer_system_id: string;
  description: string | null;
  flow: string;
  method: string;
  frequency: string;
  provider_name: string;
  consumer_name: string;
}

function toIntegration(row: IntegrationRow): Integration {
  return {
    id: row.id,
    version: row.version,
    createdAt: row.created_at,
    updatedAt: row.updated_at,
    providerSystemId: row.provider_system_id,
    providerSystemName: row.provider_name,
    consumerSystemId: row.consumer_system_id,
    consumerSystemName: row.consumer_name,
    description: row.description,
    flow: row.flow as Integration['flow'],
    method: row.method as Integration['method'],
    frequency: row.frequency as Integration['frequency'],
  };
}

function selectIntegrations(db: Executor, municipalityId: string) {
  return db
    .selectFrom('integrations')
    .innerJoin('systems as provider', 'provider.id', 'integrations.provider_system_id')
    .innerJoin('systems as consumer', 'consumer.id', 'integrations.consumer_system_id')
    .selectAll('integrations')
    .select(['provider.name as provider_name', 'consumer.name as consumer_name'])
    .where('integrations.municipality_id', '=', municipalityId);
}

export interface IntegrationValues {
  providerSystemId: string;
  consumerSystemId: string;
  description: string | null;
  flow: string;
  method: string;
  frequency: string;
}

/** The row a new integration is stored as, one at a time or in bulk. */
function integrationRow(municipalityId: string, id: string, values: IntegrationValues, now: string) {
  return {
    id,
    municipality_id: municipalityId,
    provider_system_id: values.providerSystemId,
    consumer_system_id: values.consumerSystemId,
    description: values.description,
    flow: values.flow,
    method: values.method,
    frequency: values.frequency,
    created_at: now,
    updated_at: now,
    version: 1,
  };
}

/** Directed links provider → consumer between systems: the adjacency graph. */
export const integrationsRepository = {
  async list(db: Executor, municipalityId: string, query: IntegrationListQuery) {
    const filtered = () => {
      let builder = db.selectFrom('integrations').where('integrations.municipality_id', '=', municipalityId);
      if (query.systemId) {
        const systemId = query.systemId;
        builder = builder.where((eb) =>
          eb.or([eb('integrations.provider_system_id', '=', systemId), eb('integrations.consumer_system_id', '=', systemId)]),
        );
      }
      return builder;
    };
    const sort = resolveSort(query.sort, { createdAt: 'integrations.created_at' }, 'createdAt', 'integrations.id');
    return pageOf(
      selectIntegrations(db, municipalityId).where('integrations.id', 'in', filtered().select('integrations.id')),
      filtered(),
      sort,
      query,
      toIntegration,
    );
  },

  async findById(db: Executor, municipalityId: string, id: string) {
    const row = await selectIntegrations(db, municipalityId).where('integrations.id', '=', id).executeTakeFirst();
    return row ? toIntegration(row) : undefined;
  },

  /** Every integration touching the system, for its neighbour graph. */
  async listTouching(db: Executor, municipalityId: string, systemId: string) {
    const rows = await selectIntegrations(db, municipalityId)
      .where((eb) => eb.or([eb('integrations.provider_system_id', '=', systemId), eb('integrations.consumer_system_id', '=', systemId)]))
      .execute();
    return rows.map(toIntegration);
  },

  async insert(db: Executor, municipalityId: string, id: string, values: IntegrationValues, now: string) {
    await db
      .insertInto('integrations')
      .values(integrationRow(municipalityId, id, values, now))
      .execute();
  },

  /** Many integrations at once (imports, the workload generator): the same rows insert() writes. */
  async insertMany(
    db: Executor,
    municipalityId: string,
    integrations: ReadonlyArray<{ id: string; values: IntegrationValues }>,
    now: string,
  ) {
    await insertRows(
      db,
      'integrations',
      integrations.map(({ id, values }) => integrationRow(municipalityId, id, values, now)),
    );
  },

  async update(
    db: Executor,
    municipalityId: string,
    id: string,
    expectedVersion: number,
    values: Omit<IntegrationValues, 'providerSystemId' | 'consumerSystemId'>,
    now: string,
  ) {
    return updateAtVersion(db, 'integrations', { municipality_id: municipalityId, id }, expectedVersion, {
      description: values.description,
      flow: values.flow,
      method: values.method,
      frequency: values.frequency,
      updated_at: now,
    });
  },

  async delete(db: Executor, municipalityId: string, id: string, expectedVersion: number) {
    return deleteAtVersion(db, 'integrations', { municipality_id: municipalityId, id }, expectedVersion);
  },
};
