import {
  listQuerySchema,
  listResponseSchema,
  municipalityCreateSchema,
  municipalitySchema,
  municipalityUpdateSchema,
} from '@forvalta/contracts';
import type { ApiApp } from '../../platform/http/api-app.ts';
import { registerResourceRoutes } from '../../platform/http/resource-routes.ts';
import type { MunicipalitiesService } from './municipalities.service.ts';

export function registerMunicipalityRoutes(app: ApiApp, service: MunicipalitiesService): void {
  registerResourceRoutes(app, {
    path: '/api/v1/municipalities',
    tag: 'Organisation',
    noun: 'municipality',
    schemas: {
      listQuery: listQuerySchema,
      list: listResponseSchema(municipalitySchema),
      item: municipalitySchema,
      create: municipalityCreateSchema,
      update: municipalityUpdateSchema,
    },
    permissions: { read: 'municipality.read', write: 'municipality.update', create: 'municipality.create' },
    list: (actor) => service.listMunicipalities(actor),
    get: service.getMunicipality,
    create: service.createMunicipality,
    update: service.updateMunicipality,
  });
}
