import {
  roleAssignmentCreateSchema,
  roleAssignmentListQuerySchema,
  roleAssignmentListSchema,
  roleAssignmentSchema,
  roleAssignmentUpdateSchema,
} from '@forvalta/contracts';
import type { ApiApp } from '../../platform/http/api-app.ts';
import { registerResourceRoutes } from '../../platform/http/resource-routes.ts';
import type { RoleAssignmentsService } from './role-assignments.service.ts';

export function registerRoleAssignmentRoutes(app: ApiApp, service: RoleAssignmentsService): void {
  registerResourceRoutes(app, {
    path: '/api/v1/role-assignments',
    tag: 'Organisation',
    noun: 'role assignment',
    schemas: {
      listQuery: roleAssignmentListQuerySchema,
      list: roleAssignmentListSchema,
      item: roleAssignmentSchema,
      create: roleAssignmentCreateSchema,
      update: roleAssignmentUpdateSchema,
    },
    list: service.listRoleAssignments,
    get: service.getRoleAssignment,
    create: service.createRoleAssignment,
    update: service.updateRoleAssignment,
    remove: service.deleteRoleAssignment,
  });
}
