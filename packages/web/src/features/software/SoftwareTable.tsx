import type { Software } from '@forvalta/contracts';
import { Badge, Stack, Text } from '@mantine/core';
import type { UseQueryResult } from '@tanstack/react-query';
import type { ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import { AnchorLink } from '../../components/AnchorLink.tsx';
import { type Column, type ListPage, QueryTable, type TableSort } from '../../components/QueryTable.tsx';
import { SystemLinks } from '../../components/SystemLinks.tsx';
import type { useUrlPaging } from '../../components/url-paging.ts';
import { formatDate } from '../../i18n/format.ts';
import { standingBadge } from './software-values.ts';

/** A decision's standing in words, coloured but never by colour alone. */
export function StandingBadge({ standing }: { standing: Software['decision']['standing'] }) {
  const { t } = useTranslation('software');
  const badge = standingBadge[standing];
  return (
    <Badge color={badge.color} variant={badge.variant} tt="none" miw="max-content">
      {t(`standing.${standing}`)}
    </Badge>
  );
}

/** The one table of software products: the list page and a system's section show it, each with its own query. */
export function SoftwareTable({
  query,
  caption,
  sort,
  paging,
  empty,
  framed,
  showSystems = true,
  pageSizes = [25, 50, 100],
}: {
  query: UseQueryResult<ListPage<Software>>;
  caption: string;
  sort?: TableSort;
  paging?: ReturnType<typeof useUrlPaging>;
  empty: ReactNode;
  framed?: boolean;
  showSystems?: boolean;
  pageSizes?: number[];
}) {
  const { t } = useTranslation('software');
  const columns: Column<Software>[] = [
    {
      key: 'product',
      header: t('software.product'),
      sortField: 'product',
      rowHeader: true,
      minWidth: 200,
      cell: (software) => (
        <Stack gap={2}>
          <AnchorLink to="/software/$softwareId" params={{ softwareId: software.id }} size="sm" fw={600}>
            {software.product}
          </AnchorLink>
          {software.maker && (
            <Text size="xs" c="gray.7">
              {software.maker}
            </Text>
          )}
        </Stack>
      ),
    },
    {
      key: 'origin',
      header: t('software.origin'),
      cell: (software) => (
        <Stack gap={2}>
          <Text size="sm">{t(`origin.${software.origin}`)}</Text>
          {software.licence && (
            <Text size="xs" c="gray.7" className="wrap-anywhere">
              {software.licence}
            </Text>
          )}
        </Stack>
      ),
    },
    ...(showSystems
      ? [
          {
            key: 'systems',
            header: t('software.systems'),
            minWidth: 160,
            cell: (software: Software) => <SystemLinks systems={software.systems} empty="–" />,
          },
        ]
      : []),
    {
      key: 'decision',
      header: t('software.decision'),
      cell: (software) => (
        <Stack gap={2} align="flex-start">
          <StandingBadge standing={software.decision.standing} />
          {software.decision.validUntil && (
            <Text size="xs" c="gray.7" style={{ whiteSpace: 'nowrap' }}>
              {t('software.validUntil', { date: formatDate(software.decision.validUntil) })}
            </Text>
          )}
        </Stack>
      ),
    },
    {
      key: 'updated',
      header: t('software.updated'),
      sortField: 'updatedAt',
      nowrap: true,
      cell: (software) => formatDate(software.updatedAt),
    },
  ];
  return (
    <QueryTable
      query={query}
      caption={caption}
      columns={columns}
      rowKey={(software) => software.id}
      rowTestId="software-row"
      {...(sort ? { sort } : {})}
      {...(paging ? { paging, pageSizes } : {})}
      {...(framed === undefined ? {} : { framed })}
      minWidth={showSystems ? 860 : 700}
      empty={empty}
    />
  );
}
