import type { ContractListQuery, SupplierListQuery, SupplierRecord } from '@forvalta/contracts';
import { sql, type Insertable } from 'kysely';
import type { ContractsTable, SuppliersTable } from '../../platform/database-schema.ts';
import { inParallel, type Executor } from '../../platform/database.ts';
import { pageOf, resolveSort } from '../../platform/paging.ts';
import { likePattern } from '../../platform/text.ts';
import { deleteAtVersion, updateAtVersion } from '../../platform/versioned-rows.ts';

/** Which contracts a caller reads: all of them (undefined), or those covering these departments' or these systems' systems. */
export interface ContractVisibility {
  departmentIds: readonly string[];
  systemIds: readonly string[];
}

function suppliersFiltered(db: Executor, municipalityId: string, query: Pick<SupplierListQuery, 'q'>) {
  let builder = db.selectFrom('suppliers').where('suppliers.municipality_id', '=', municipalityId);
  if (query.q) {
    const pattern = likePattern(query.q);
    builder = builder.where(
      sql<boolean>`(lower(suppliers.name) like ${pattern} escape '\\' or suppliers.organisation_number like ${pattern} escape '\\')`,
    );
  }
  return builder;
}

const suppliersSelected = (db: Executor, municipalityId: string, query: Pick<SupplierListQuery, 'q'>) =>
  suppliersFiltered(db, municipalityId, query)
    .selectAll('suppliers')
    .select((eb) =>
      eb
        .selectFrom('contracts')
        .whereRef('contracts.supplier_id', '=', 'suppliers.id')
        .select((inner) => inner.fn.countAll<number>().as('count'))
        .as('contract_count'),
    );

function toSupplier(row: SuppliersTable & { contract_count: number | string | null }): SupplierRecord {
  return {
    id: row.id,
    version: row.version,
    createdAt: row.created_at,
    updatedAt: row.updated_at,
    name: row.name,
    organisationNumber: row.organisation_number,
    contact: row.contact,
    contractCount: Number(row.contract_count ?? 0),
  };
}

function contractsFiltered(
  db: Executor,
  municipalityId: string,
  query: Omit<ContractListQuery, 'limit' | 'cursor' | 'sort'>,
  visibility: ContractVisibility | undefined,
) {
  let builder = db
    .selectFrom('contracts')
    .innerJoin('suppliers', 'suppliers.id', 'contracts.supplier_id')
    .where('contracts.municipality_id', '=', municipalityId);
  if (query.supplierId) builder = builder.where('contracts.supplier_id', '=', query.supplierId);
  if (query.noticeBefore)
    builder = builder.where('contracts.notice_date', '<=', query.noticeBefore).where('contracts.notice_decision', 'is', null);
  if (query.systemId) {
    const systemId = query.systemId;
    builder = builder.where((eb) =>
      eb.exists(
        eb
          .selectFrom('contract_systems')
          .select('contract_systems.contract_id')
          .whereRef('contract_systems.contract_id', '=', 'contracts.id')
          .where('contract_systems.system_id', '=', systemId),
      ),
    );
  }
  if (visibility) {
    const { departmentIds, systemIds } = visibility;
    builder = builder.where((eb) =>
      eb.exists(
        eb
          .selectFrom('contract_systems')
          .innerJoin('systems', 'systems.id', 'contract_systems.system_id')
          .select('contract_systems.contract_id')
          .whereRef('contract_systems.contract_id', '=', 'contracts.id')
          .where((inner) =>
            inner.or([
              ...(departmentIds.length > 0 ? [inner('systems.owner_department_id', 'in', [...departmentIds])] : []),
              ...(systemIds.length > 0 ? [inner('contract_systems.system_id', 'in', [...systemIds])] : []),
              inner.lit(false),
            ]),
          ),
      ),
    );
  }
  if (query.q) {
    const pattern = likePattern(query.q);
    builder = builder.where(
      sql<boolean>`(lower(contracts.title) like ${pattern} escape '\\' or lower(suppliers.name) like ${pattern} escape '\\' or lower(coalesce(contracts.reference, '')) like ${pattern} escape '\\')`,
    );
  }
  return builder;
}

export type ContractRow = ContractsTable & {
  supplier_name: string;
  systems: Array<{ id: string; name: string; ownerDepartmentId: string | null }>;
  licenceIds: string[];
};

async function withLinks(
  db: Executor,
  municipalityId: string,
  rows: Array<ContractsTable & { supplier_name: string }>,
): Promise<ContractRow[]> {
  const ids = rows.map((row) => row.id);
  if (ids.length === 0) return [];
  const [systems, licences] = await inParallel(
    db,
    () =>
      db
        .selectFrom('contract_systems')
        .innerJoin('systems', 'systems.id', 'contract_systems.system_id')
        .select(['contract_systems.contract_id', 'systems.id', 'systems.name', 'systems.owner_department_id'])
        .where('contract_systems.municipality_id', '=', municipalityId)
        .where('contract_systems.contract_id', 'in', ids)
        .orderBy('systems.sort_key')
        .execute(),
    () =>
      db
        .selectFrom('licences')
        .select(['id', 'contract_id'])
        .where('municipality_id', '=', municipalityId)
        .where('contract_id', 'in', ids)
        .orderBy('id')
        .execute(),
  );
  return rows.map((row) => ({
    ...row,
    systems: systems
      .filter((system) => system.contract_id === row.id)
      .map((system) => ({ id: system.id, name: system.name, ownerDepartmentId: system.owner_department_id })),
    licenceIds: licences.filter((licence) => licence.contract_id === row.id).map((licence) => licence.id),
  }));
}

/** Suppliers (leverantörer) and contracts (avtal) with the systems they cover. */
export const supplierContractsRepository = {
  async listSuppliers(db: Executor, municipalityId: string, query: SupplierListQuery) {
    const sort = resolveSort(query.sort, { name: 'suppliers.sort_key', updatedAt: 'suppliers.updated_at' }, 'name', 'suppliers.id');
    return pageOf(suppliersSelected(db, municipalityId, query), suppliersFiltered(db, municipalityId, query), sort, query, (row) =>
      toSupplier(row as SuppliersTable & { contract_count: number }),
    );
  },

  async findSupplier(db: Executor, municipalityId: string, id: string) {
    const row = await suppliersSelected(db, municipalityId, {}).where('suppliers.id', '=', id).executeTakeFirst();
    return row ? toSupplier(row as SuppliersTable & { contract_count: number }) : undefined;
  },

  async supplierNumberTaken(db: Executor, municipalityId: string, organisationNumber: string, exceptId?: string) {
    let builder = db
      .selectFrom('suppliers')
      .select('id')
      .where('municipality_id', '=', municipalityId)
      .where('organisation_number', '=', organisationNumber);
    if (exceptId) builder = builder.where('id', '<>', exceptId);
    return (await builder.executeTakeFirst()) !== undefined;
  },

  async insertSupplier(db: Executor, values: Insertable<SuppliersTable>) {
    await db.insertInto('suppliers').values(values).execute();
  },

  async updateSupplier(db: Executor, municipalityId: string, id: string, expectedVersion: number, columns: Partial<SuppliersTable>) {
    return updateAtVersion(db, 'suppliers', { municipality_id: municipalityId, id }, expectedVersion, columns);
  },

  async deleteSupplier(db: Executor, municipalityId: string, id: string, expectedVersion: number) {
    return deleteAtVersion(db, 'suppliers', { municipality_id: municipalityId, id }, expectedVersion);
  },

  async listContracts(db: Executor, municipalityId: string, query: ContractListQuery, visibility: ContractVisibility | undefined) {
    const sort = resolveSort(
      query.sort,
      { title: 'contracts.sort_key', noticeDate: 'contracts.notice_date', updatedAt: 'contracts.updated_at' },
      'title',
      'contracts.id',
    );
    const page = await pageOf(
      contractsFiltered(db, municipalityId, query, visibility).selectAll('contracts').select('suppliers.name as supplier_name'),
      contractsFiltered(db, municipalityId, query, visibility),
      sort,
      query,
      (row) => row as ContractsTable & { supplier_name: string },
    );
    return { ...page, items: await withLinks(db, municipalityId, page.items) };
  },

  async findContract(db: Executor, municipalityId: string, id: string): Promise<ContractRow | undefined> {
    const row = await contractsFiltered(db, municipalityId, {}, undefined)
      .selectAll('contracts')
      .select('suppliers.name as supplier_name')
      .where('contracts.id', '=', id)
      .executeTakeFirst();
    return row ? (await withLinks(db, municipalityId, [row]))[0] : undefined;
  },

  async supplierExists(db: Executor, municipalityId: string, id: string) {
    return (
      (await db
        .selectFrom('suppliers')
        .select('id')
        .where('municipality_id', '=', municipalityId)
        .where('id', '=', id)
        .executeTakeFirst()) !== undefined
    );
  },

  async insertContract(db: Executor, values: Insertable<ContractsTable>) {
    await db.insertInto('contracts').values(values).execute();
  },

  async updateContract(db: Executor, municipalityId: string, id: string, expectedVersion: number, columns: Partial<ContractsTable>) {
    return updateAtVersion(db, 'contracts', { municipality_id: municipalityId, id }, expectedVersion, columns);
  },

  /** A contract goes with its system links; its licences stay, under no contract. */
  async deleteContract(db: Executor, municipalityId: string, id: string, expectedVersion: number) {
    await db.deleteFrom('contract_systems').where('municipality_id', '=', municipalityId).where('contract_id', '=', id).execute();
    await db
      .updateTable('licences')
      .set({ contract_id: null })
      .where('municipality_id', '=', municipalityId)
      .where('contract_id', '=', id)
      .execute();
    return deleteAtVersion(db, 'contracts', { municipality_id: municipalityId, id }, expectedVersion);
  },

  async replaceSystems(db: Executor, municipalityId: string, contractId: string, systemIds: readonly string[]) {
    await db.deleteFrom('contract_systems').where('municipality_id', '=', municipalityId).where('contract_id', '=', contractId).execute();
    const unique = [...new Set(systemIds)];
    if (unique.length > 0)
      await db
        .insertInto('contract_systems')
        .values(unique.map((systemId) => ({ municipality_id: municipalityId, contract_id: contractId, system_id: systemId })))
        .execute();
  },

  /**
   * The to-do list's contracts of a person (issue #15): those covering a system owned by a
   * department the person heads, one query.
   */
  async contractsOfOwnedSystems(db: Executor, municipalityId: string, departmentIds: readonly string[]) {
    if (departmentIds.length === 0) return [];
    const rows = await db
      .selectFrom('contracts')
      .innerJoin('suppliers', 'suppliers.id', 'contracts.supplier_id')
      .selectAll('contracts')
      .select('suppliers.name as supplier_name')
      .where('contracts.municipality_id', '=', municipalityId)
      .where((eb) =>
        eb.exists(
          eb
            .selectFrom('contract_systems')
            .innerJoin('systems', 'systems.id', 'contract_systems.system_id')
            .select('contract_systems.contract_id')
            .whereRef('contract_systems.contract_id', '=', 'contracts.id')
            .where('systems.owner_department_id', 'in', [...departmentIds]),
        ),
      )
      .execute();
    return rows;
  },
};
