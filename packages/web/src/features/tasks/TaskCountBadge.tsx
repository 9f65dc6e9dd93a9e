import { Badge } from '@mantine/core';
import { useQuery } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import { formatNumber } from '../../i18n/format.ts';
import { taskCountsQuery } from './tasks.queries.ts';

/**
 * The accessible name of the navigation's "Att göra" while there is something to do: the count in
 * words ("Att göra, 3 uppgifter, 1 försenad"), so the badge's bare number need not be read, and the
 * name still starts with the page's. Undefined when there is nothing: the link is named by its text.
 */
export function useTasksNavigationName(enabled: boolean): string | undefined {
  const { t, i18n } = useTranslation();
  // Not asked while the session may only set up two-step verification (the server refuses everything else).
  const counts = useQuery({ ...taskCountsQuery, enabled }).data;
  if (!counts || counts.total === 0) return undefined;
  const number = (value: number) => formatNumber(value, i18n.language);
  const parts = [t('navigation.tasks'), t('navigation.tasksCount', { count: counts.total, total: number(counts.total) })];
  if (counts.overdue > 0) parts.push(t('navigation.tasksOverdue', { count: counts.overdue, overdue: number(counts.overdue) }));
  return parts.join(', ');
}

/** The number of things to do beside "Att göra", red while something is overdue. */
export function TaskCountBadge() {
  const { i18n } = useTranslation();
  const counts = useQuery(taskCountsQuery).data;
  if (!counts || counts.total === 0) return null;
  return (
    <Badge aria-hidden="true" size="sm" variant="filled" color={counts.overdue > 0 ? 'red.9' : 'blue.9'} tt="none">
      {formatNumber(counts.total, i18n.language)}
    </Badge>
  );
}
