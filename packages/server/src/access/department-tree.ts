/** Every department in the subtree under `rootId`, the root included. Guards against cycles. */
export function departmentSubtree(departments: ReadonlyArray<{ id: string; parent_id: string | null }>, rootId: string): string[] {
  const childrenByParent = new Map<string, string[]>();
  for (const department of departments) {
    if (department.parent_id === null) continue;
    const siblings = childrenByParent.get(department.parent_id) ?? [];
    siblings.push(department.id);
    childrenByParent.set(department.parent_id, siblings);
  }
  const result: string[] = [];
  const seen = new Set<string>();
  const queue = [rootId];
  while (queue.length > 0) {
    const id = queue.shift()!;
    if (seen.has(id)) continue;
    seen.add(id);
    result.push(id);
    queue.push(...(childrenByParent.get(id) ?? []));
  }
  return result;
}

/** Whether making `parentId` the parent of `departmentId` would create a cycle. */
export function wouldCreateCycle(
  departments: ReadonlyArray<{ id: string; parent_id: string | null }>,
  departmentId: string,
  parentId: string,
): boolean {
  return departmentSubtree(departments, departmentId).includes(parentId);
}
