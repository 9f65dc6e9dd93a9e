import {
  contractCreateSchema,
  contractListQuerySchema,
  contractListSchema,
  contractSchema,
  contractUpdateSchema,
  supplierCreateSchema,
  supplierListQuerySchema,
  supplierListSchema,
  supplierSchema,
  supplierUpdateSchema,
} from '@forvalta/contracts';
import type { ApiApp } from '../../platform/http/api-app.ts';
import { registerResourceRoutes } from '../../platform/http/resource-routes.ts';
import type { SupplierContractsService } from './supplier-contracts.service.ts';

/** /api/v1/suppliers and /api/v1/contracts (issue #15). */
export function registerSupplierContractRoutes(app: ApiApp, service: SupplierContractsService): void {
  registerResourceRoutes(app, {
    path: '/api/v1/suppliers',
    tag: 'Suppliers and contracts',
    noun: 'supplier',
    schemas: {
      listQuery: supplierListQuerySchema,
      list: supplierListSchema,
      item: supplierSchema,
      create: supplierCreateSchema,
      update: supplierUpdateSchema,
    },
    list: service.listSuppliers,
    get: service.getSupplier,
    create: service.createSupplier,
    update: service.updateSupplier,
    remove: service.deleteSupplier,
  });
  registerResourceRoutes(app, {
    path: '/api/v1/contracts',
    tag: 'Suppliers and contracts',
    noun: 'contract',
    schemas: {
      listQuery: contractListQuerySchema,
      list: contractListSchema,
      item: contractSchema,
      create: contractCreateSchema,
      update: contractUpdateSchema,
    },
    list: service.listContracts,
    get: service.getContract,
    create: service.createContract,
    update: service.updateContract,
    remove: service.deleteContract,
  });
}
