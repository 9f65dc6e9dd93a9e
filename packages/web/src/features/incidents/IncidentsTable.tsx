import type { Incident } from '@forvalta/contracts';
import { Badge, Group, Stack, Text } from '@mantine/core';
import type { UseQueryResult } from '@tanstack/react-query';
import type { ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import { AnchorLink } from '../../components/AnchorLink.tsx';
import { ConfidentialBadge } from '../../components/ConfidentialMark.tsx';
import { type Column, type ListPage, QueryTable, type TableSort } from '../../components/QueryTable.tsx';
import { SystemLinks } from '../../components/SystemLinks.tsx';
import type { useUrlPaging } from '../../components/url-paging.ts';
import { formatDateTime } from '../../i18n/format.ts';
import { DeadlineStateBadge, remainingText } from './IncidentClock.tsx';

/** The deadline to meet next: the earliest still running, or none. */
export const nextDeadlineOf = (incident: Incident) =>
  incident.deadlines
    .filter((deadline) => deadline.state === 'open' || deadline.state === 'overdue')
    .sort((left, right) => left.dueAt.localeCompare(right.dueAt))[0];

export function IncidentsTable({
  query,
  caption,
  sort,
  paging,
  empty,
}: {
  query: UseQueryResult<ListPage<Incident>>;
  caption: string;
  sort?: TableSort;
  paging?: ReturnType<typeof useUrlPaging>;
  empty: ReactNode;
}) {
  const { t } = useTranslation('incidents');
  // The time left is as of this render; the list is refetched with the data, as the page's clocks are.
  const now = new Date().toISOString();
  const columns: Column<Incident>[] = [
    {
      key: 'title',
      header: t('column.incident'),
      sortField: 'title',
      rowHeader: true,
      minWidth: 220,
      cell: (incident) => (
        <Stack gap={4} align="flex-start">
          <AnchorLink to="/incidents/$incidentId" params={{ incidentId: incident.id }} size="sm" fw={600}>
            {incident.title}
          </AnchorLink>
          <Group gap={6}>
            <Badge color={incident.status === 'open' ? '#9a3f00' : 'gray.7'} variant="outline" tt="none">
              {t(`status.${incident.status}`)}
            </Badge>
            <Text size="xs" c="gray.7">
              {t(`significant.${incident.significant}`)}
            </Text>
            <ConfidentialBadge paragraph={incident.confidentialOslParagraph} size="sm" />
          </Group>
        </Stack>
      ),
    },
    {
      key: 'detectedAt',
      header: t('column.detectedAt'),
      sortField: 'detectedAt',
      nowrap: true,
      cell: (incident) => formatDateTime(incident.detectedAt),
    },
    {
      key: 'systems',
      header: t('column.systems'),
      minWidth: 150,
      cell: (incident) => <SystemLinks systems={incident.systems} empty="–" />,
    },
    {
      key: 'clock',
      header: t('column.clock'),
      cell: (incident) => {
        const next = nextDeadlineOf(incident);
        if (!next) return <Text size="sm">{t('clock.none')}</Text>;
        return (
          <Stack gap={4} align="flex-start">
            <Text size="sm">
              {t(`report.${next.kind}`)}: {formatDateTime(next.dueAt)}
            </Text>
            <Group gap="xs">
              <DeadlineStateBadge deadline={next} />
              <Text size="sm" data-testid="next-deadline-remaining">
                {remainingText(t, next, now)}
              </Text>
            </Group>
          </Stack>
        );
      },
    },
  ];
  return (
    <QueryTable
      query={query}
      caption={caption}
      columns={columns}
      rowKey={(incident) => incident.id}
      rowTestId="incident-row"
      {...(sort ? { sort } : {})}
      {...(paging ? { paging, pageSizes: [25, 50, 100] } : {})}
      minWidth={820}
      empty={empty}
    />
  );
}
