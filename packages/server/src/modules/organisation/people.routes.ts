import { personCreateSchema, personListQuerySchema, personListSchema, personSchema, personUpdateSchema } from '@forvalta/contracts';
import type { ApiApp } from '../../platform/http/api-app.ts';
import { registerResourceRoutes } from '../../platform/http/resource-routes.ts';
import type { PeopleService } from './people.service.ts';

/** HTTP for people. There is no delete: someone who leaves is marked `left` (employmentStatus). */
export function registerPeopleRoutes(app: ApiApp, service: PeopleService): void {
  registerResourceRoutes(app, {
    path: '/api/v1/people',
    tag: 'Organisation',
    noun: 'person',
    schemas: {
      listQuery: personListQuerySchema,
      list: personListSchema,
      item: personSchema,
      create: personCreateSchema,
      update: personUpdateSchema,
    },
    list: service.listPeople,
    get: service.getPerson,
    create: service.createPerson,
    update: service.updatePerson,
  });
}
