import type { Project } from '@forvalta/contracts';
import { useQueryClient } from '@tanstack/react-query';
import { isApiError } from '../../api/client.ts';
import { hasPermission, type useCurrentUser } from '../../app/session.ts';
import { notifyError } from '../../components/error-messages.ts';
// The project page's sections are the shared section cards; the gate list links to their ids.
export { Fact, SectionCard as Section } from '../../components/SectionCard.tsx';

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
