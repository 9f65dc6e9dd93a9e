import type { LicencePositionRow } from '@forvalta/contracts';
import { Badge, Text } from '@mantine/core';
import type { UseQueryResult } from '@tanstack/react-query';
import type { ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import { AnchorLink } from '../../components/AnchorLink.tsx';
import { type Column, type ListPage, QueryTable } from '../../components/QueryTable.tsx';
import type { useUrlPaging } from '../../components/url-paging.ts';
import { formatNumber } from '../../i18n/format.ts';
import { positionBadge } from './software-values.ts';

/** The licence position per product and kind: entitled, consumed and whether the licences cover it (ITP-7-LICENCE). */
export function LicencePositionTable({
  query,
  caption,
  paging,
  empty,
  framed,
  pageSizes = [25, 50, 100],
}: {
  query: UseQueryResult<ListPage<LicencePositionRow>>;
  caption: string;
  paging?: ReturnType<typeof useUrlPaging>;
  empty: ReactNode;
  framed?: boolean;
  pageSizes?: number[];
}) {
  const { t, i18n } = useTranslation('software');
  const number = (value: number) => formatNumber(value, i18n.language);
  const columns: Column<LicencePositionRow>[] = [
    {
      key: 'product',
      header: t('software.product'),
      rowHeader: true,
      minWidth: 180,
      cell: (row) => (
        <AnchorLink to="/software/$softwareId" params={{ softwareId: row.softwareId }} size="sm" fw={600}>
          {row.softwareProduct}
        </AnchorLink>
      ),
    },
    { key: 'kind', header: t('position.kind'), cell: (row) => t(`kind.${row.kind}`) },
    {
      key: 'entitled',
      header: t('position.entitled'),
      align: 'right',
      nowrap: true,
      cell: (row) => (row.entitled === null ? t('position.noLimit') : number(row.entitled)),
    },
    { key: 'consumed', header: t('position.consumed'), align: 'right', nowrap: true, cell: (row) => number(row.consumed) },
    {
      key: 'status',
      header: t('position.status'),
      cell: (row) => (
        <>
          <Badge
            color={positionBadge[row.status].color}
            variant={positionBadge[row.status].variant}
            tt="none"
            miw="max-content"
            data-testid="position-status"
          >
            {t(`positionStatus.${row.status}`)}
          </Badge>
          {row.status === 'over_consumed' && row.entitled !== null && (
            <Text size="xs" fw={700} c="red.9" mt={2}>
              {t('position.overBy', { count: row.consumed - row.entitled })}
            </Text>
          )}
          {row.status === 'expired_consumed' && (
            <Text size="xs" c="red.9" mt={2}>
              {t('position.expiredNote', { count: row.expiredEntitled })}
            </Text>
          )}
        </>
      ),
    },
  ];
  return (
    <QueryTable
      query={query}
      caption={caption}
      columns={columns}
      rowKey={(row) => `${row.softwareId}:${row.kind}`}
      rowTestId="position-row"
      {...(paging ? { paging, pageSizes } : {})}
      {...(framed === undefined ? {} : { framed })}
      minWidth={700}
      empty={empty}
    />
  );
}
