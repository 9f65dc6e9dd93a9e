import { Card, Group, Text, Title } from '@mantine/core';
import type { ReactNode } from 'react';

/**
 * One titled section of a record's page (system, project, change notice, review, risk
 * analysis). Its id is the anchor that menus, gate lists and fix links point to; the margin
 * keeps the heading clear of the sticky header when the browser scrolls to it.
 */
export function SectionCard({ id, title, actions, children }: { id: string; title: string; actions?: ReactNode; children: ReactNode }) {
  return (
    <Card withBorder padding="lg" radius="md" component="section" aria-labelledby={`${id}-heading`} id={id} style={{ scrollMarginTop: 76 }}>
      <Group justify="space-between" mb="sm" wrap="wrap" gap="sm">
        <Title order={2} size="h4" id={`${id}-heading`}>
          {title}
        </Title>
        {actions && <Group gap="xs">{actions}</Group>}
      </Group>
      {children}
    </Card>
  );
}

/** One labelled fact in a definition list (`<dl>`); `multiline` keeps the line breaks of free text. */
export function Fact({ label, children, multiline = false }: { label: string; children: ReactNode; multiline?: boolean }) {
  return (
    <div>
      <Text component="dt" size="sm" c="gray.7">
        {label}
      </Text>
      <Text component="dd" m={0} size="sm" fw={500} className="wrap-anywhere" style={multiline ? { whiteSpace: 'pre-wrap' } : undefined}>
        {children}
      </Text>
    </div>
  );
}
