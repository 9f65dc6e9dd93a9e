import type { AuditChainWriter } from '../../platform/bulk-audit.ts';
import type { Executor } from '../../platform/database.ts';
import { swedishSortKey } from '../../platform/text.ts';
import type { PlannedDepartment } from './department-paths.ts';
import { importsRepository } from './imports.repository.ts';

/**
 * Creates the departments an apply planned for unknown organisation paths (createDepartments,
 * the administrator's), parents before children, each with its audit event; answers the new id of
 * each planned key.
 */
export async function createPlannedDepartments(
  transaction: Executor,
  chain: AuditChainWriter,
  municipalityId: string,
  planned: readonly PlannedDepartment[],
  nextId: () => string,
  now: string,
): Promise<Map<string, string>> {
  const ids = new Map<string, string>();
  const rows = planned.map((department) => {
    const id = nextId();
    ids.set(department.key, id);
    return {
      id,
      municipality_id: municipalityId,
      parent_id: department.parentKey ? ids.get(department.parentKey)! : department.parentId,
      name: department.name,
      short_name: null,
      sort_key: swedishSortKey(department.name),
      is_it_unit: 0,
      created_at: now,
      updated_at: now,
      version: 1,
    };
  });
  await importsRepository.insertDepartments(transaction, rows);
  await chain.insert(
    chain.append(
      rows.map((row) => ({
        action: 'import' as const,
        entityType: 'department',
        entityId: row.id,
        after: { name: row.name, parentId: row.parent_id },
      })),
    ),
  );
  return ids;
}
