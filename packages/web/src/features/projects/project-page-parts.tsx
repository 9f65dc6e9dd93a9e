import type { Project } from '@forvalta/contracts';
import { isApiError } from '../../api/client.ts';
import { notifyError } from '../../components/error-messages.ts';
// The project page's sections are the shared section cards; the gate list links to their ids.
export { Fact, SectionCard as Section } from '../../components/SectionCard.tsx';

// The cache update after a save is the queries file's; the sections take it from here as before.
export { useSaveProject } from './projects.queries.ts';

/** A stale version shows the reload banner; anything else is a notification. */
export function handleWriteError(error: unknown, onStale: () => void) {
  if (isApiError(error, 'version_mismatch')) onStale();
  else notifyError(error);
}

/** Every section that changes the project gets the project and a way to report a stale version. */
export interface SectionProps {
  project: Project;
  onStale: () => void;
}
