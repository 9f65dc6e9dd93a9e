import type { TaskKind } from '@forvalta/contracts';
import { pickValue, validateUrlPaging, withoutEmpty, type UrlPaging } from '../../components/url-paging.ts';

// Repeated from the contracts (not imported as values) so the first screen does not pull zod into its bundle.
export const taskKindValues = [
  'acknowledge_document',
  'attend_training',
  'confirm_system_record',
  'review_due',
  'acknowledge_change_notice',
  'project_gate',
  'end_leaver_access',
  'recertify_access',
  'review_processing',
  'contract_notice',
  'report_incident',
] as const satisfies readonly TaskKind[];
export type TaskKindValue = (typeof taskKindValues)[number];
// A kind the contract adds and this list lacks does not compile: the page must name every kind (task-values.unit.test.ts checks the words).
const everyKindListed: Exclude<TaskKind, TaskKindValue> extends never ? true : never = true;
void everyKindListed;

/** The to-do list's kind filter and page as they stand in the address. */
export interface TaskFilters extends UrlPaging {
  kind?: TaskKindValue;
}

export function validateTaskFilters(search: Record<string, unknown>): TaskFilters {
  return withoutEmpty({ kind: pickValue(taskKindValues, search.kind), ...validateUrlPaging(search) });
}

/** A task's path and fragment apart, for the router's link (`/systems/…#reviews`). */
export function splitLink(link: string): { path: string; hash: string | undefined } {
  const [path = '/', hash] = link.split('#', 2);
  return { path, hash: hash || undefined };
}
