import type { Department, DepartmentCreate } from '@forvalta/contracts';
import { queryOptions, type UseMutationOptions, useQuery } from '@tanstack/react-query';
import { api } from '../../../api/client.ts';
import { useApiMutation } from '../../../api/mutations.ts';
import { swedishCollator } from '../../../i18n/format.ts';

export const departmentKeys = {
  all: ['departments'] as const,
  tree: ['departments', 'all'] as const,
};

/**
 * The whole department tree. It is small (tens of units, 1,000 across a regional installation),
 * so the client loads it once, following the cursor, and every screen shares the cache.
 */
export const allDepartmentsQuery = queryOptions({
  queryKey: departmentKeys.tree,
  queryFn: async ({ signal }) => {
    const departments: Department[] = [];
    let cursor: string | undefined;
    do {
      const page = await api.get('/departments', { query: { limit: 200, sort: 'name', cursor }, signal });
      departments.push(...page.items);
      cursor = page.nextCursor ?? undefined;
    } while (cursor);
    return departments;
  },
});

export function useAllDepartments() {
  return useQuery(allDepartmentsQuery);
}

export interface DepartmentNode {
  department: Department;
  depth: number;
  children: DepartmentNode[];
  /** People in this unit and every unit below it. */
  totalPeople: number;
}

/** Builds the tree, sorted by Swedish collation at every level; orphans (parent not visible) become roots. */
export function buildDepartmentTree(departments: Department[]): DepartmentNode[] {
  const byId = new Map(departments.map((department) => [department.id, department]));
  const childrenOf = new Map<string | null, Department[]>();
  for (const department of departments) {
    const parentKey = department.parentId && byId.has(department.parentId) ? department.parentId : null;
    const siblings = childrenOf.get(parentKey) ?? [];
    siblings.push(department);
    childrenOf.set(parentKey, siblings);
  }
  const build = (parentId: string | null, depth: number): DepartmentNode[] =>
    (childrenOf.get(parentId) ?? [])
      .sort((first, second) => swedishCollator.compare(first.name, second.name))
      .map((department) => {
        const children = build(department.id, depth + 1);
        const totalPeople = department.peopleCount + children.reduce((sum, child) => sum + child.totalPeople, 0);
        return { department, depth, children, totalPeople };
      });
  return build(null, 0);
}

/** The tree in reading order, for tables and select lists. */
export function flattenDepartmentTree(nodes: DepartmentNode[]): DepartmentNode[] {
  return nodes.flatMap((node) => [node, ...flattenDepartmentTree(node.children)]);
}

/** A department and all units below it: what may not become its own parent. */
export function descendantIds(departments: Department[], rootId: string): Set<string> {
  const result = new Set<string>([rootId]);
  let grew = true;
  while (grew) {
    grew = false;
    for (const department of departments) {
      if (department.parentId && result.has(department.parentId) && !result.has(department.id)) {
        result.add(department.id);
        grew = true;
      }
    }
  }
  return result;
}

export function departmentNameMap(departments: Department[] | undefined): Map<string, string> {
  return new Map((departments ?? []).map((department) => [department.id, department.name]));
}

export const loadDepartment = (department: Department) => api.get('/departments/:id', { params: { id: department.id } });

export const saveDepartment = (body: DepartmentCreate, department: Department | null, version: number | undefined) =>
  department ? api.patch('/departments/:id', { params: { id: department.id }, version, body }) : api.post('/departments', { body });

export const useDeleteDepartment = (options: Omit<UseMutationOptions<undefined, Error, Department>, 'mutationFn'>) =>
  useApiMutation(
    (department: Department) => api.delete('/departments/:id', { params: { id: department.id }, version: department.version }),
    [departmentKeys.all],
    options,
  );
