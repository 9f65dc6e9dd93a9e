import { comparableHeader } from './column-proposal.ts';
import { parseOrganisationPath } from './value-parsing.ts';

/**
 * Organisation paths ("Kommunkoncern / Tanums kommun / Barn och utbildning / Förskola") to the
 * municipality's departments (issue #17 §1). A path is compared from its end: the longest tail of
 * it that ends a department's own path (its names from the root) finds that department, so a
 * file that writes the group and the municipality above the departments still finds them, and a
 * name two departments share ("Administration" under two förvaltningar) is found by the parent
 * the file names with it. A path nothing ends is unknown; with createDepartments its missing
 * tail is created under the deepest part found. Pure.
 */

export interface KnownDepartment {
  id: string;
  parentId: string | null;
  name: string;
}

/** A department the import would create: `key` names it in the plan until it has an id. */
export interface PlannedDepartment {
  key: string;
  name: string;
  /** An existing department, or another planned one by its key. */
  parentId: string | null;
  parentKey: string | null;
  path: string;
}

export type DepartmentReference = { id: string } | { key: string };

const keyOf = (parts: readonly string[]) => parts.map(comparableHeader).join('/');

export function createDepartmentResolver(departments: readonly KnownDepartment[], municipalityName: string) {
  const byId = new Map(departments.map((department) => [department.id, department]));
  const pathOf = (department: KnownDepartment): string[] => {
    const parts: string[] = [];
    const seen = new Set<string>();
    for (
      let current: KnownDepartment | undefined = department;
      current && !seen.has(current.id);
      current = current.parentId ? byId.get(current.parentId) : undefined
    ) {
      seen.add(current.id);
      parts.unshift(current.name);
    }
    return parts;
  };
  // Every tail of every department's path; a tail two departments end with finds neither (null).
  const byTail = new Map<string, string | null>();
  for (const department of departments) {
    const parts = pathOf(department);
    for (let start = parts.length - 1; start >= 0; start -= 1) {
      const key = keyOf(parts.slice(start));
      const found = byTail.get(key);
      byTail.set(key, found === undefined || found === department.id ? department.id : null);
    }
  }
  const municipality = comparableHeader(municipalityName);
  const isMunicipality = (part: string) => {
    const compared = comparableHeader(part);
    return compared === municipality || compared === `${municipality}kommun` || compared === `${municipality}skommun`;
  };
  const planned = new Map<string, PlannedDepartment>();

  function find(parts: readonly string[]): string | null | undefined {
    for (let start = 0; start < parts.length; start += 1) {
      const found = byTail.get(keyOf(parts.slice(start)));
      if (found) return found;
      // A tail two departments end with: every shorter tail is shared too.
      if (found === null) return null;
    }
    return undefined;
  }

  return {
    /** The department a path names, or undefined (unknown) / null (ambiguous: two departments end with it). */
    resolve(text: string): string | null | undefined {
      return find(parseOrganisationPath(text));
    },

    /**
     * The department a path names, planning its missing tail as new departments: the parts above
     * the municipality's own name (the group, the municipality) are not departments of it.
     */
    resolveOrPlan(text: string): DepartmentReference | null {
      const parts = parseOrganisationPath(text);
      const found = find(parts);
      if (found) return { id: found };
      if (found === null) return null;
      const afterMunicipality = parts.findLastIndex(isMunicipality);
      const own = afterMunicipality >= 0 ? parts.slice(afterMunicipality + 1) : parts;
      if (own.length === 0) return null;
      // The deepest existing ancestor the path names; everything below it is planned.
      let existingDepth = 0;
      let parentId: string | null = null;
      for (let depth = own.length - 1; depth >= 1; depth -= 1) {
        const ancestor = find(own.slice(0, depth));
        if (ancestor) {
          existingDepth = depth;
          parentId = ancestor;
          break;
        }
      }
      let parentKey: string | null = null;
      for (let depth = existingDepth; depth < own.length; depth += 1) {
        const key = `${parentId ?? ''}:${keyOf(own.slice(existingDepth, depth + 1))}`;
        if (!planned.has(key))
          planned.set(key, {
            key,
            name: own[depth]!,
            parentId: parentKey === null ? parentId : null,
            parentKey,
            path: own.slice(0, depth + 1).join(' / '),
          });
        parentKey = key;
      }
      return { key: parentKey! };
    },

    /** The departments planned so far, parents before their children. */
    planned: (): PlannedDepartment[] => [...planned.values()],
  };
}

export type DepartmentResolver = ReturnType<typeof createDepartmentResolver>;
