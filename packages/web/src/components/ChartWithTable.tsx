import { Text } from '@mantine/core';
import type { ReactNode } from 'react';

/**
 * A chart is hidden from screen readers and followed by the same figures as a table, folded
 * under a summary: for screen readers and for anyone who would rather read than look.
 */
export function ChartWithTable({ chart, tableLabel, children }: { chart: ReactNode; tableLabel: string; children: ReactNode }) {
  return (
    <>
      <div aria-hidden="true">{chart}</div>
      <details>
        <Text component="summary" size="sm" c="blue.8" style={{ cursor: 'pointer' }}>
          {tableLabel}
        </Text>
        {children}
      </details>
    </>
  );
}
