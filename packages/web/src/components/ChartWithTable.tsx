import { Text } from '@mantine/core';
import type { ReactNode } from 'react';

/**
 * A chart is hidden from screen readers and followed by the same figures as a table, folded
 * under a summary: for screen readers and for anyone who would rather read than look. A table
 * that is the page's working view (a department's coverage) starts unfolded (`defaultOpen`).
 */
export function ChartWithTable({
  chart,
  tableLabel,
  defaultOpen = false,
  children,
}: {
  chart: ReactNode;
  tableLabel: string;
  defaultOpen?: boolean;
  children: ReactNode;
}) {
  return (
    <>
      <div aria-hidden="true">{chart}</div>
      <details open={defaultOpen}>
        <Text component="summary" size="sm" c="blue.8" style={{ cursor: 'pointer' }}>
          {tableLabel}
        </Text>
        {children}
      </details>
    </>
  );
}
