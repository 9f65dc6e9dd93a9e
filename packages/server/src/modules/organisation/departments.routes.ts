import {
  departmentCreateSchema,
  departmentListQuerySchema,
  departmentListSchema,
  departmentSchema,
  departmentUpdateSchema,
} from '@forvalta/contracts';
import type { ApiApp } from '../../platform/http/api-app.ts';
import { registerResourceRoutes } from '../../platform/http/resource-routes.ts';
import type { DepartmentsService } from './departments.service.ts';

/** HTTP for departments: the contract in, the service called, the response out. No SQL here. */
export function registerDepartmentRoutes(app: ApiApp, service: DepartmentsService): void {
  registerResourceRoutes(app, {
    path: '/api/v1/departments',
    tag: 'Organisation',
    noun: 'department',
    schemas: {
      listQuery: departmentListQuerySchema,
      list: departmentListSchema,
      item: departmentSchema,
      create: departmentCreateSchema,
      update: departmentUpdateSchema,
    },
    list: service.listDepartments,
    get: service.getDepartment,
    create: service.createDepartment,
    update: service.updateDepartment,
    remove: service.deleteDepartment,
  });
}
