import { Select, type SelectProps } from '@mantine/core';
import { useMemo } from 'react';
import { buildDepartmentTree, flattenDepartmentTree, useAllDepartments } from './departments.queries.ts';

type DepartmentSelectProps = Omit<SelectProps, 'data'> & {
  /** Departments that may not be chosen (a department cannot sit under itself). */
  excludeIds?: Set<string>;
};

/** Chooses a department from the tree; sub-units are indented so the structure stays readable. */
export function DepartmentSelect({ excludeIds, ...props }: DepartmentSelectProps) {
  const { data: departments, isLoading } = useAllDepartments();
  const options = useMemo(
    () =>
      flattenDepartmentTree(buildDepartmentTree(departments ?? []))
        .filter((node) => !excludeIds?.has(node.department.id))
        .map((node) => ({
          value: node.department.id,
          // Non-breaking spaces keep the indentation; the select searches the name as written.
          label: `${'\u00a0\u00a0\u00a0'.repeat(node.depth)}${node.department.name}`,
        })),
    [departments, excludeIds],
  );
  return <Select searchable clearable {...props} data={options} disabled={isLoading || props.disabled} />;
}
