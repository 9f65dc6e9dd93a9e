import type { Task } from '@forvalta/contracts';
import { Badge, Chip, Group, Stack, Text } from '@mantine/core';
import { useQuery } from '@tanstack/react-query';
import { getRouteApi } from '@tanstack/react-router';
import { useTranslation } from 'react-i18next';
import { AnchorLink } from '../../components/AnchorLink.tsx';
import { ListEmptyState } from '../../components/ListEmptyState.tsx';
import { useAddressList } from '../../components/list-address.ts';
import { PageHeader } from '../../components/PageHeader.tsx';
import { type Column, QueryTable } from '../../components/QueryTable.tsx';
import { formatDate, formatNumber } from '../../i18n/format.ts';
import { myTasksQuery } from './tasks.queries.ts';
import { splitLink, type TaskFilters, taskKindValues } from './task-values.ts';

const routeApi = getRouteApi('/authenticated/content/');

/** What the row asks, in words: the kind's, or for a project gate the step's. */
function askOf(task: Task): string {
  return task.kind === 'project_gate' && task.step ? `project_gate_${task.step}` : task.kind;
}

/** The task's title as a link to where it is done; the server names the path (Task.link). */
function TaskLink({ task }: { task: Task }) {
  const { path, hash } = splitLink(task.link);
  return (
    // The router's paths are typed per route; a task's path is data from the server, checked by the router on arrival.
    <AnchorLink to={path as '/'} hash={hash} fw={600} size="sm">
      {task.title}
    </AnchorLink>
  );
}

function DueDate({ task }: { task: Task }) {
  const { t } = useTranslation();
  return (
    <Stack gap={2} align="flex-start">
      <Text size="sm" fw={task.overdue ? 700 : 400} c={task.overdue ? 'red.9' : undefined}>
        {task.dueDate ? formatDate(task.dueDate) : task.overdue ? t('tasks.dueNow') : t('tasks.noDueDate')}
      </Text>
      {task.overdue && (
        <Badge color="red.9" variant="filled" tt="none">
          {t('tasks.overdue')}
        </Badge>
      )}
    </Stack>
  );
}

/**
 * Att göra: everything the product asks of the signed-in person, overdue first, then by due date
 * (the server's order), each a link to where it is done; the first page after login. The kind
 * filter and the page live in the address.
 */
export function TasksPage() {
  const { t, i18n } = useTranslation();
  const list = useAddressList<TaskFilters>(routeApi.useSearch(), routeApi.useNavigate());
  const { filters, setFilters } = list;
  const tasks = useQuery(myTasksQuery({ kind: filters.kind, cursor: list.paging.cursor, limit: list.paging.pageSize }));
  const counts = tasks.data?.counts;
  const all = counts ? Object.values(counts).reduce((sum, count) => sum + count, 0) : 0;
  const number = (value: number) => formatNumber(value, i18n.language);

  const columns: Column<Task>[] = [
    {
      key: 'task',
      header: t('tasks.columnTask'),
      rowHeader: true,
      minWidth: 180,
      cell: (task) => (
        <Stack gap={2} align="flex-start">
          <Badge variant="outline" color="blue.9" tt="none">
            {t(`tasks.kind.${task.kind}`)}
          </Badge>
          <TaskLink task={task} />
          <Text size="xs" c="gray.7">
            {t(`tasks.ask.${askOf(task)}`)}
            {task.context && ` · ${task.context}`}
          </Text>
        </Stack>
      ),
    },
    { key: 'due', header: t('tasks.columnDue'), nowrap: true, cell: (task) => <DueDate task={task} /> },
  ];

  const overdue = tasks.data?.overdueCount ?? 0;
  const intro =
    all > 0
      ? [
          t('tasks.introCount', { count: all, total: number(all) }),
          overdue > 0 ? t('tasks.introOverdue', { count: overdue, overdue: number(overdue) }) : '',
        ]
          .join(' ')
          .trim()
      : t('tasks.intro');

  return (
    <>
      <PageHeader title={t('tasks.title')} intro={intro} />
      {counts && all > 0 && (
        <Chip.Group
          multiple={false}
          value={filters.kind ?? 'all'}
          onChange={(value) => setFilters({ kind: value === 'all' ? undefined : (value as TaskFilters['kind']) })}
        >
          <Group gap="xs" mb="md" role="radiogroup" aria-label={t('tasks.filterLabel')}>
            <Chip value="all" variant="outline" color="blue.9">
              {t('tasks.allKinds', { count: number(all) })}
            </Chip>
            {taskKindValues
              .filter((kind) => counts[kind] > 0 || filters.kind === kind)
              .map((kind) => (
                <Chip key={kind} value={kind} variant="outline" color="blue.9">
                  {t('tasks.kindCount', { kind: t(`tasks.kind.${kind}`), count: number(counts[kind]) })}
                </Chip>
              ))}
          </Group>
        </Chip.Group>
      )}
      <QueryTable
        query={tasks}
        caption={t('tasks.title')}
        columns={columns}
        rowKey={(task) => task.id}
        rowTestId={(task) => `task-${task.kind}`}
        paging={list.paging}
        pageSizes={[25, 50, 100]}
        minWidth={340}
        empty={
          filters.kind ? (
            <ListEmptyState title={t('tasks.emptyKind')} />
          ) : (
            <ListEmptyState title={t('tasks.emptyTitle')} hint={t('tasks.emptyHint')} />
          )
        }
      />
    </>
  );
}
