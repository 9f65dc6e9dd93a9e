import { randomUUID } from 'node:crypto';
import type { Asset, AssetCreate, AssetListQuery, AssetNetwork, AssetRecord, AssetUpdate } from '@forvalta/contracts';
import { actorName, type AnyActor } from '../../access/actor.ts';
import { can, departmentScope, municipalityOf } from '../../access/authorise.ts';
import { departmentSubtree } from '../../access/department-tree.ts';
import { useCase } from '../../access/use-case.ts';
import { recordAudit } from '../../platform/audit.ts';
import { swedishToday } from '../../platform/calendar.ts';
import type { Clock } from '../../platform/clock.ts';
import { withTransaction, type DatabaseHandle, type Executor, type TransactionHandle } from '../../platform/database.ts';
import { isUniqueViolation } from '../../platform/database-errors.ts';
import { AppError, conflict, invalid, notFound } from '../../platform/errors.ts';
import type { ExpectedVersion } from '../../platform/http/versioning.ts';
import { versionedWrites } from '../../platform/versioned-write.ts';
import { auditEventReads, namesReferencedBy } from '../audit-events/index.ts';
import { systemReads } from '../systems/index.ts';
import { assetAbilities, assetActions, mayReadAsset, overseeAssets } from './asset-abilities.ts';
import { assetModelsRepository } from './asset-models.repository.ts';
import { everOnTownHall, normaliseOwnership, ownershipProblems, schoolNetClause, type Ownership } from './asset-ownership.ts';
import { assetSortKey, assetsRepository, type AssetVisibility } from './assets.repository.ts';

/** The stored values of an asset, as a create or an update leaves them. */
interface AssetValues extends Ownership {
  kind: AssetRecord['kind'];
  modelId: string | null;
  nonStandardDescription: string | null;
  serial: string | null;
  inventoryNumber: string | null;
  network: AssetNetwork;
  location: string | null;
  confidentialOslParagraph: string | null;
  departmentId: string | null;
  personId: string | null;
  lifecycle: AssetRecord['lifecycle'];
  purchaseDate: string | null;
  purchaseCost: number | null;
  warrantyEnd: string | null;
  note: string | null;
}

function merge(before: AssetRecord | null, input: AssetCreate | AssetUpdate): AssetValues {
  const pick = <Key extends keyof AssetValues>(key: Key, fallback: AssetValues[Key]): AssetValues[Key] => {
    const value = (input as Partial<Record<Key, AssetValues[Key] | undefined>>)[key];
    return value !== undefined ? value : before ? (before[key as keyof AssetRecord] as AssetValues[Key]) : fallback;
  };
  return {
    kind: pick('kind', 'other'),
    modelId: pick('modelId', null),
    nonStandardDescription: pick('nonStandardDescription', null),
    serial: pick('serial', null),
    inventoryNumber: pick('inventoryNumber', null),
    ...normaliseOwnership({
      ownerKind: pick('ownerKind', 'it_unit'),
      ownerDepartmentId: pick('ownerDepartmentId', null),
      ownerName: pick('ownerName', null),
      ownerReason: pick('ownerReason', null),
    }),
    network: pick('network', 'none'),
    location: pick('location', null),
    confidentialOslParagraph: pick('confidentialOslParagraph', null) || null,
    departmentId: pick('departmentId', null),
    personId: pick('personId', null),
    lifecycle: pick('lifecycle', 'in_use'),
    purchaseDate: pick('purchaseDate', null),
    purchaseCost: pick('purchaseCost', null),
    warrantyEnd: pick('warrantyEnd', null),
    note: pick('note', null),
  };
}

function columnsOf(values: AssetValues, onTownHallEver: boolean) {
  return {
    kind: values.kind,
    model_id: values.modelId,
    non_standard_description: values.modelId === null ? values.nonStandardDescription : null,
    serial: values.serial,
    inventory_number: values.inventoryNumber,
    sort_key: assetSortKey({ inventory_number: values.inventoryNumber, serial: values.serial }),
    owner_kind: values.ownerKind,
    owner_department_id: values.ownerDepartmentId,
    owner_name: values.ownerName,
    owner_reason: values.ownerReason,
    network: values.network,
    ever_on_town_hall: onTownHallEver ? 1 : 0,
    location: values.location,
    confidential_osl_paragraph: values.confidentialOslParagraph,
    department_id: values.departmentId,
    person_id: values.personId,
    lifecycle: values.lifecycle,
    purchase_date: values.purchaseDate,
    purchase_cost: values.purchaseCost,
    warranty_end: values.warrantyEnd,
    note: values.note,
  };
}

/** Whether the caller sees confidential network details: the roles of confidential.read (ADR 0030). */
const mayReadConfidential = (actor: AnyActor) => actor.kind === 'system' || can(actor, 'confidential.read');

/** A marked asset as a caller who may not see its network details reads it: the asset itself, without where it sits on the network. */
function withNetworkDetails(asset: AssetRecord, mayRead: boolean): AssetRecord {
  if (!asset.confidentialOslParagraph || mayRead) return asset;
  return { ...asset, network: null, location: null, networkDetailsWithheld: true };
}

/**
 * Assets (issue #15, §6): the IT unit's equipment, one at a time. Owner the IT unit unless another
 * body is named with a reason; an asset ever on the town-hall network cannot be given another owner
 * (ITP-6-SCHOOL-NET); the networks it has been on are kept as periods. Reads only read.
 */
export function createAssetsService(db: DatabaseHandle, clock: Clock) {
  const versioned = versionedWrites(db, clock);
  const today = () => swedishToday(clock.now());

  async function stewardedSystemIds(executor: Executor, actor: AnyActor, municipalityId: string): Promise<Set<string>> {
    if (actor.kind !== 'person') return new Set();
    const systems = await systemReads.stewardedSystemsOf(executor, municipalityId, actor.personId, today());
    return new Set(systems.map((system) => system.systemId));
  }

  async function visibilityOf(executor: Executor, actor: AnyActor, municipalityId: string): Promise<AssetVisibility> {
    const scope = departmentScope(actor, overseeAssets);
    if (scope === undefined) return { all: true };
    return { all: false, departmentIds: scope, systemIds: [...(await stewardedSystemIds(executor, actor, municipalityId))] };
  }

  /** The asset, or undefined when missing here or not the caller's to read (404). */
  async function readable(executor: Executor, actor: AnyActor, id: string) {
    const municipalityId = municipalityOf(actor);
    const asset = await assetsRepository.findById(executor, municipalityId, id, today());
    if (!asset) return undefined;
    return mayReadAsset(actor, asset, await stewardedSystemIds(executor, actor, municipalityId)) ? asset : undefined;
  }

  const withAbilities = (actor: AnyActor, asset: AssetRecord): Asset => ({
    ...withNetworkDetails(asset, mayReadConfidential(actor)),
    can: assetAbilities(actor),
  });

  /** The references exist here, the model fits, a key is given and free, and the owner is allowed. */
  async function validate(executor: Executor, municipalityId: string, values: AssetValues, onTownHallEver: boolean, id: string) {
    if (values.serial === null && values.inventoryNumber === null)
      throw invalid('serial', 'An asset needs a serial or an inventory number.');
    if (values.modelId !== null) {
      const model = await assetModelsRepository.findById(executor, municipalityId, values.modelId, today());
      if (!model) throw invalid('modelId', 'The model is not in this municipality’s catalogue.');
      if (model.kind !== values.kind) throw invalid('modelId', 'The model is of another kind than the asset.');
    } else if (!values.nonStandardDescription) {
      throw invalid('nonStandardDescription', 'Describe a non-standard asset, or choose a model from the catalogue.');
    }
    const departments = await assetsRepository.departmentsOf(executor, municipalityId);
    const departmentIds = new Set(departments.map((department) => department.id));
    if (values.departmentId !== null && !departmentIds.has(values.departmentId))
      throw invalid('departmentId', 'The department does not exist in this municipality.');
    if (values.ownerDepartmentId !== null && !departmentIds.has(values.ownerDepartmentId))
      throw invalid('ownerDepartmentId', 'The department does not exist in this municipality.');
    if (values.personId !== null && !(await assetsRepository.personExists(executor, municipalityId, values.personId)))
      throw invalid('personId', 'The person does not exist in this municipality.');
    const [problem] = ownershipProblems(values, onTownHallEver);
    if (problem?.problem === 'owner_town_hall')
      throw new AppError(
        'rule_violation',
        'The asset has been on the town-hall network: it belongs to the IT unit and cannot be given another owner.',
        { requirement: schoolNetClause, reason: 'asset_owner_town_hall', fieldErrors: [{ path: 'ownerKind', message: schoolNetClause }] },
      );
    if (problem) throw invalid(problem.field, 'Another owner than the IT unit needs the owner named and a reason.');
    const holder = await assetsRepository.findIdByKey(executor, municipalityId, values, id);
    if (holder) throw conflict('Another asset has that serial or inventory number.', 'asset_key_taken');
  }

  async function writeSystems(transaction: TransactionHandle, municipalityId: string, id: string, systemIds: string[] | undefined) {
    if (systemIds === undefined) return;
    const existing = await assetsRepository.existingSystemIds(transaction, municipalityId, systemIds);
    if (systemIds.some((systemId) => !existing.has(systemId))) throw invalid('systemIds', 'A system does not exist in this municipality.');
    await assetsRepository.replaceSystems(transaction, municipalityId, id, systemIds);
  }

  async function openPeriod(transaction: TransactionHandle, actor: AnyActor, municipalityId: string, id: string, network: string) {
    await assetsRepository.moveToNetwork(transaction, {
      id: randomUUID(),
      municipality_id: municipalityId,
      asset_id: id,
      network,
      started_on: today(),
      ended_on: null,
      recorded_at: clock.now().toISOString(),
      recorded_by_name: actorName(actor),
    });
  }

  const uniqueAsConflict = async <Result>(work: () => Promise<Result>) => {
    try {
      return await work();
    } catch (error) {
      if (isUniqueViolation(error)) throw conflict('Another asset has that serial or inventory number.', 'asset_key_taken');
      throw error;
    }
  };

  return {
    listAssets: useCase('asset.read', async ({ actor, authorise }, query: AssetListQuery) => {
      // Everyone reads assets; the visibility says which (assetOversight.read, stewardship).
      authorise();
      const municipalityId = municipalityOf(actor);
      const { limit: _limit, cursor: _cursor, sort: _sort, departmentId, ...filters } = query;
      let departmentIds: string[] | undefined;
      if (departmentId) {
        const departments = await assetsRepository.departmentsOf(db, municipalityId);
        if (!departments.some((department) => department.id === departmentId))
          throw invalid('departmentId', 'The department does not exist in this municipality.');
        departmentIds = departmentSubtree(departments, departmentId);
      }
      const visibility = await visibilityOf(db, actor, municipalityId);
      const withholdConfidential = !mayReadConfidential(actor);
      const page = await assetsRepository.list(
        db,
        municipalityId,
        query,
        { ...filters, departmentIds, withholdConfidential },
        visibility,
        today(),
      );
      return { ...page, items: page.items.map((asset) => withAbilities(actor, asset)) };
    }),

    getAsset: useCase('asset.read', async ({ actor, authorise }, id: string): Promise<Asset> => {
      authorise();
      const asset = await readable(db, actor, id);
      if (!asset) throw notFound('Asset');
      return withAbilities(actor, asset);
    }),

    createAsset: useCase('asset.manage', async ({ actor, authorise }, input: AssetCreate): Promise<Asset> => {
      authorise();
      const municipalityId = municipalityOf(actor);
      const values = merge(null, input);
      const onTownHallEver = everOnTownHall(false, values.network);
      return uniqueAsConflict(() =>
        withTransaction(db, async (transaction) => {
          await validate(transaction, municipalityId, values, onTownHallEver, '');
          const id = randomUUID();
          const now = clock.now().toISOString();
          await assetsRepository.insert(transaction, {
            id,
            municipality_id: municipalityId,
            ...columnsOf(values, onTownHallEver),
            created_at: now,
            updated_at: now,
            version: 1,
          });
          await writeSystems(transaction, municipalityId, id, input.systemIds);
          await openPeriod(transaction, actor, municipalityId, id, values.network);
          const created = (await assetsRepository.findById(transaction, municipalityId, id, today()))!;
          await recordAudit(transaction, actor, clock, { action: 'create', entityType: 'asset', entityId: id, after: created });
          return withAbilities(actor, created);
        }),
      );
    }),

    updateAsset: useCase(
      assetActions.update,
      async ({ actor, authorise }, id: string, expectedVersion: ExpectedVersion, input: AssetUpdate): Promise<Asset> => {
        const municipalityId = municipalityOf(actor);
        const after = await uniqueAsConflict(() =>
          versioned.update(actor, {
            entity: 'Asset',
            expectedVersion,
            load: (transaction) => readable(transaction, actor, id),
            authorise: () => authorise(),
            apply: async (transaction, before, version) => {
              const values = merge(before, input);
              const onTownHallEver = everOnTownHall(before.everOnTownHall, values.network);
              await validate(transaction, municipalityId, values, onTownHallEver, id);
              const written = await assetsRepository.update(transaction, municipalityId, id, version, {
                ...columnsOf(values, onTownHallEver),
                updated_at: clock.now().toISOString(),
              });
              if (!written) return false;
              await writeSystems(transaction, municipalityId, id, input.systemIds);
              if (values.network !== before.network) await openPeriod(transaction, actor, municipalityId, id, values.network);
              return true;
            },
            audit: (before, after) => ({ action: 'update', entityType: 'asset', entityId: id, before, after }),
          }),
        );
        return withAbilities(actor, after);
      },
    ),

    listNetworkPeriods: useCase('asset.read', async ({ actor, authorise }, id: string) => {
      authorise();
      const asset = await readable(db, actor, id);
      if (!asset) throw notFound('Asset');
      // The network history is the network details: none listed to a caller they are withheld from.
      if (asset.confidentialOslParagraph && !mayReadConfidential(actor)) return { items: [] };
      return { items: await assetsRepository.networkPeriods(db, municipalityOf(actor), id) };
    }),

    /** The asset's history of changes (its audit events), readable by whoever reads the asset. */
    assetHistory: useCase('asset.read', async ({ actor, authorise }, id: string, query: { limit: number; cursor?: string }) => {
      authorise();
      const municipalityId = municipalityOf(actor);
      const asset = await readable(db, actor, id);
      if (!asset) throw notFound('Asset');
      // The changes quote the network before and after: the history of a marked asset is for those who see its details.
      if (asset.confidentialOslParagraph && !mayReadConfidential(actor)) return { items: [], total: 0, nextCursor: null, names: {} };
      const page = await auditEventReads.listForEntities(db, municipalityId, [id], id, query);
      return { ...page, names: await namesReferencedBy(db, municipalityId, page.items) };
    }),
  };
}

export type AssetsService = ReturnType<typeof createAssetsService>;
