import { randomUUID } from 'node:crypto';
import type {
  AssetModel,
  AssetModelApprove,
  AssetModelCreate,
  AssetModelListQuery,
  AssetModelRecord,
  AssetModelUpdate,
} from '@forvalta/contracts';
import { actorName, type AnyActor } from '../../access/actor.ts';
import { municipalityOf } from '../../access/authorise.ts';
import { useCase } from '../../access/use-case.ts';
import { recordAudit } from '../../platform/audit.ts';
import { swedishToday } from '../../platform/calendar.ts';
import type { Clock } from '../../platform/clock.ts';
import { withTransaction, type DatabaseHandle, type Executor } from '../../platform/database.ts';
import { conflict, invalid, notFound } from '../../platform/errors.ts';
import type { ExpectedVersion } from '../../platform/http/versioning.ts';
import { swedishSortKey } from '../../platform/text.ts';
import { versionedWrites } from '../../platform/versioned-write.ts';
import { assetModelAbilities, assetModelActions } from './asset-abilities.ts';
import { assetModelsRepository } from './asset-models.repository.ts';

const modelSortKey = (maker: string, model: string) => swedishSortKey(`${maker} ${model}`);

/**
 * The standard catalogue (ITP-6-STANDARD): models kept by the IT unit and its chief, approved for
 * a period by the IT chief alone (assetModel.approve). A model is never deleted: assets name it.
 */
export function createAssetModelsService(db: DatabaseHandle, clock: Clock) {
  const versioned = versionedWrites(db, clock);
  const today = () => swedishToday(clock.now());
  const withAbilities = (actor: AnyActor, model: AssetModelRecord): AssetModel => ({ ...model, can: assetModelAbilities(actor) });

  async function ensureNameFree(executor: Executor, municipalityId: string, sortKey: string, id: string) {
    const holder = await assetModelsRepository.findIdBySortKey(executor, municipalityId, sortKey);
    if (holder && holder !== id) throw conflict('The catalogue already has a model of that maker and name.', 'asset_model_name_taken');
  }

  const load = (executor: Executor, actor: AnyActor, id: string) =>
    assetModelsRepository.findById(executor, municipalityOf(actor), id, today());

  return {
    listAssetModels: useCase('assetModel.read', async ({ actor, authorise }, query: AssetModelListQuery) => {
      authorise();
      const page = await assetModelsRepository.list(db, municipalityOf(actor), query, today());
      return { ...page, items: page.items.map((model) => withAbilities(actor, model)) };
    }),

    getAssetModel: useCase('assetModel.read', async ({ actor, authorise }, id: string): Promise<AssetModel> => {
      authorise();
      const model = await load(db, actor, id);
      if (!model) throw notFound('Asset model');
      return withAbilities(actor, model);
    }),

    createAssetModel: useCase('assetModel.manage', async ({ actor, authorise }, input: AssetModelCreate): Promise<AssetModel> => {
      authorise();
      const municipalityId = municipalityOf(actor);
      return withTransaction(db, async (transaction) => {
        const sortKey = modelSortKey(input.maker, input.model);
        await ensureNameFree(transaction, municipalityId, sortKey, '');
        const id = randomUUID();
        const now = clock.now().toISOString();
        await assetModelsRepository.insert(transaction, {
          id,
          municipality_id: municipalityId,
          kind: input.kind,
          maker: input.maker,
          model: input.model,
          sort_key: sortKey,
          description: input.description ?? null,
          approved_from: null,
          approved_until: null,
          approved_at: null,
          approved_by_person_id: null,
          approved_by_name: null,
          created_at: now,
          updated_at: now,
          version: 1,
        });
        const created = (await load(transaction, actor, id))!;
        await recordAudit(transaction, actor, clock, { action: 'create', entityType: 'asset_model', entityId: id, after: created });
        return withAbilities(actor, created);
      });
    }),

    updateAssetModel: useCase(
      assetModelActions.update,
      async ({ actor, authorise }, id: string, expectedVersion: ExpectedVersion, input: AssetModelUpdate): Promise<AssetModel> => {
        const municipalityId = municipalityOf(actor);
        const after = await versioned.update(actor, {
          entity: 'Asset model',
          expectedVersion,
          load: (transaction) => load(transaction, actor, id),
          authorise: () => authorise(),
          apply: async (transaction, before, version) => {
            const maker = input.maker ?? before.maker;
            const model = input.model ?? before.model;
            const sortKey = modelSortKey(maker, model);
            await ensureNameFree(transaction, municipalityId, sortKey, id);
            return assetModelsRepository.update(transaction, municipalityId, id, version, {
              kind: input.kind ?? before.kind,
              maker,
              model,
              sort_key: sortKey,
              ...(input.description !== undefined ? { description: input.description } : {}),
              updated_at: clock.now().toISOString(),
            });
          },
          audit: (before, after) => ({ action: 'update', entityType: 'asset_model', entityId: id, before, after }),
        });
        return withAbilities(actor, after);
      },
    ),

    /** The IT chief's approval for a period; approvedFrom null withdraws it, an approvedUntil in the past ends it. */
    approveAssetModel: useCase(
      assetModelActions.approve,
      async ({ actor, authorise }, id: string, expectedVersion: ExpectedVersion, input: AssetModelApprove): Promise<AssetModel> => {
        const municipalityId = municipalityOf(actor);
        const approvedUntil = input.approvedFrom === null ? null : (input.approvedUntil ?? null);
        if (input.approvedFrom !== null && approvedUntil !== null && approvedUntil < input.approvedFrom)
          throw invalid('approvedUntil', 'The approval ends before it starts.');
        const after = await versioned.update(actor, {
          entity: 'Asset model',
          expectedVersion,
          load: (transaction) => load(transaction, actor, id),
          authorise: () => authorise(),
          apply: (transaction, _before, version) =>
            assetModelsRepository.update(transaction, municipalityId, id, version, {
              approved_from: input.approvedFrom,
              approved_until: approvedUntil,
              approved_at: input.approvedFrom === null ? null : clock.now().toISOString(),
              approved_by_person_id: input.approvedFrom === null || actor.kind !== 'person' ? null : actor.personId,
              approved_by_name: input.approvedFrom === null ? null : actorName(actor),
              updated_at: clock.now().toISOString(),
            }),
          audit: (before, after) => ({
            action: 'approve',
            entityType: 'asset_model',
            entityId: id,
            before: { approvedFrom: before.approvedFrom, approvedUntil: before.approvedUntil },
            after: { approvedFrom: after.approvedFrom, approvedUntil: after.approvedUntil },
          }),
        });
        return withAbilities(actor, after);
      },
    ),
  };
}

export type AssetModelsService = ReturnType<typeof createAssetModelsService>;
