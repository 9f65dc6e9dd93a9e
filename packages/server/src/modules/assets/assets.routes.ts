import {
  assetCreateSchema,
  assetListQuerySchema,
  assetListSchema,
  assetModelApproveSchema,
  assetModelCreateSchema,
  assetModelListQuerySchema,
  assetModelListSchema,
  assetModelSchema,
  assetModelUpdateSchema,
  assetNetworkPeriodListSchema,
  assetSchema,
  assetUpdateSchema,
  auditEventListSchema,
  idParamsSchema,
  listQuerySchema,
} from '@forvalta/contracts';
import { problemResponses, writeProblemResponses, type ApiApp } from '../../platform/http/api-app.ts';
import { actorOf } from '../../platform/http/authentication.ts';
import { registerResourceRoutes } from '../../platform/http/resource-routes.ts';
import { expectedVersion, setVersionTag } from '../../platform/http/versioning.ts';
import type { AssetModelsService } from './asset-models.service.ts';
import type { AssetsService } from './assets.service.ts';

export interface AssetServices {
  models: AssetModelsService;
  assets: AssetsService;
}

const tags = ['Equipment'];

/** /api/v1/asset-models (the standard catalogue, approved by the IT chief) and /api/v1/assets (issue #15). */
export function registerAssetRoutes(app: ApiApp, services: AssetServices): void {
  const { models, assets } = services;
  registerResourceRoutes(app, {
    path: '/api/v1/asset-models',
    tag: 'Equipment',
    noun: 'asset model',
    schemas: {
      listQuery: assetModelListQuerySchema,
      list: assetModelListSchema,
      item: assetModelSchema,
      create: assetModelCreateSchema,
      update: assetModelUpdateSchema,
    },
    list: models.listAssetModels,
    get: models.getAssetModel,
    create: models.createAssetModel,
    update: models.updateAssetModel,
  });
  app.post(
    '/api/v1/asset-models/:id/approve',
    {
      schema: {
        tags,
        summary: "The IT chief's approval of a model for the standard catalogue, for a period (If-Match required)",
        params: idParamsSchema,
        body: assetModelApproveSchema,
        response: { 200: assetModelSchema, ...writeProblemResponses },
      },
      config: { permission: models.approveAssetModel.permission },
    },
    async (request, reply) => {
      const model = await models.approveAssetModel(actorOf(request), request.params.id, expectedVersion(request), request.body);
      setVersionTag(reply, model.version);
      return model;
    },
  );

  registerResourceRoutes(app, {
    path: '/api/v1/assets',
    tag: 'Equipment',
    noun: 'asset',
    schemas: {
      listQuery: assetListQuerySchema,
      list: assetListSchema,
      item: assetSchema,
      create: assetCreateSchema,
      update: assetUpdateSchema,
    },
    list: assets.listAssets,
    get: assets.getAsset,
    create: assets.createAsset,
    update: assets.updateAsset,
  });
  app.get(
    '/api/v1/assets/:id/network-periods',
    {
      schema: {
        tags,
        summary: 'The networks an asset has been on, newest first',
        params: idParamsSchema,
        response: { 200: assetNetworkPeriodListSchema, ...problemResponses },
      },
      config: { permission: assets.listNetworkPeriods.permission },
    },
    (request) => assets.listNetworkPeriods(actorOf(request), request.params.id),
  );
  app.get(
    '/api/v1/assets/:id/history',
    {
      schema: {
        tags,
        summary: 'The history of changes of an asset (its audit events)',
        params: idParamsSchema,
        querystring: listQuerySchema,
        response: { 200: auditEventListSchema, ...problemResponses },
      },
      config: { permission: assets.assetHistory.permission },
    },
    (request) => assets.assetHistory(actorOf(request), request.params.id, request.query),
  );
}
