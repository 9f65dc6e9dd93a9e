import type { Project } from '@forvalta/contracts';
import { Card, Group, Text, Title } from '@mantine/core';
import { useQueryClient } from '@tanstack/react-query';
import type { ReactNode } from 'react';
import { isApiError } from '../../api/client.ts';
import { hasPermission, useCurrentUser } from '../../app/session.ts';
import { notifyError } from '../../components/error-messages.ts';

/** One titled card of the project page; its id is what the gate list links to. */
export function Section({ id, title, children, actions }: { id: string; title: string; children: ReactNode; actions?: ReactNode }) {
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

export function Fact({ label, children }: { label: string; children: ReactNode }) {
  return (
    <div>
      <Text component="dt" size="xs" fw={700} c="gray.7">
        {label}
      </Text>
      <Text component="dd" size="sm" m={0}>
        {children}
      </Text>
    </div>
  );
}

/** Puts a saved project in the cache, so every section shows the new version. */
export function useSaveProject() {
  const queryClient = useQueryClient();
  return (project: Project) => {
    queryClient.setQueryData(['projects', 'detail', project.id], project);
    void queryClient.invalidateQueries({ queryKey: ['projects', 'list'] });
    void queryClient.invalidateQueries({ queryKey: ['projects', 'budget-revisions', project.id] });
  };
}

/** A stale version shows the reload banner; anything else is a notification. */
export function handleWriteError(error: unknown, onStale: () => void) {
  if (isApiError(error, 'version_mismatch')) onStale();
  else notifyError(error);
}

/** Whether the signed-in user may change the project's documents now (its state allows it, and they may). */
export function canEdit(project: Project, me: ReturnType<typeof useCurrentUser>): boolean {
  const editable = project.state === 'draft' || project.state === 'in_preparation';
  return editable && (hasPermission(me, 'project.update') || project.projectLeadPersonId === me.personId);
}

/** Every section that changes the project gets the project and a way to report a stale version. */
export interface SectionProps {
  project: Project;
  onStale: () => void;
}
