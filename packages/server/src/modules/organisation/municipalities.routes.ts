import { listQuerySchema, municipalityListSchema, municipalitySchema, municipalityUpdateSchema } from '@forvalta/contracts';
import type { ApiApp } from '../../platform/http/api-app.ts';
import { registerResourceRoutes } from '../../platform/http/resource-routes.ts';
import type { MunicipalitiesService } from './municipalities.service.ts';

/** No POST: a municipality is created only from the command line (`forvalta init`, ADR 0009). */
export function registerMunicipalityRoutes(app: ApiApp, service: MunicipalitiesService): void {
  registerResourceRoutes(app, {
    path: '/api/v1/municipalities',
    tag: 'Organisation',
    noun: 'municipality',
    schemas: {
      listQuery: listQuerySchema,
      list: municipalityListSchema,
      item: municipalitySchema,
      update: municipalityUpdateSchema,
    },
    list: service.listMunicipalities,
    get: service.getMunicipality,
    update: service.updateMunicipality,
  });
}
