import { EmptyState } from '@mantine/core';
import type { ReactNode } from 'react';

/** What a list says when it has nothing to show, and what to do about it. */
export function ListEmptyState({ title, hint, action }: { title: string; hint?: string; action?: ReactNode }) {
  return (
    <EmptyState py="xl" title={title} description={hint} styles={{ description: { color: 'var(--mantine-color-gray-7)' } }}>
      {action && <EmptyState.Actions>{action}</EmptyState.Actions>}
    </EmptyState>
  );
}
