import type { Asset } from '@forvalta/contracts';
import { Stack, Text } from '@mantine/core';
import type { UseQueryResult } from '@tanstack/react-query';
import type { ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import { AnchorLink } from '../../components/AnchorLink.tsx';
import { ConfidentialBadge } from '../../components/ConfidentialMark.tsx';
import { type Column, type ListPage, QueryTable, type TableSort } from '../../components/QueryTable.tsx';
import type { useUrlPaging } from '../../components/url-paging.ts';
import { formatDate } from '../../i18n/format.ts';
import { AssetLifecycleBadge, AssetModelText, ownerText } from './AssetBadges.tsx';

/** The one table of assets: the equipment list and a system's section show it, each with its own query. */
export function AssetsTable({
  query,
  caption,
  sort,
  paging,
  empty,
  framed,
  pageSizes = [25, 50, 100],
}: {
  query: UseQueryResult<ListPage<Asset>>;
  caption: string;
  sort?: TableSort;
  paging?: ReturnType<typeof useUrlPaging>;
  empty: ReactNode;
  framed?: boolean;
  pageSizes?: number[];
}) {
  const { t } = useTranslation('assets');
  const columns: Column<Asset>[] = [
    {
      key: 'label',
      header: t('list.columnLabel'),
      sortField: 'label',
      rowHeader: true,
      nowrap: true,
      cell: (asset) => (
        <>
          <AnchorLink to="/assets/$assetId" params={{ assetId: asset.id }} size="sm" fw={600}>
            {asset.label}
          </AnchorLink>{' '}
          <ConfidentialBadge paragraph={asset.confidentialOslParagraph} size="xs" />
        </>
      ),
    },
    { key: 'kind', header: t('list.columnKind'), nowrap: true, cell: (asset) => t(`kind.${asset.kind}`) },
    { key: 'model', header: t('list.columnModel'), minWidth: 180, cell: (asset) => <AssetModelText asset={asset} /> },
    {
      key: 'owner',
      header: t('list.columnOwner'),
      minWidth: 140,
      cell: (asset) => ownerText(asset, (key) => t(key)),
    },
    {
      key: 'network',
      header: t('list.columnNetwork'),
      nowrap: true,
      cell: (asset) => (asset.networkDetailsWithheld ? t('asset.withheld') : asset.network ? t(`network.${asset.network}`) : '–'),
    },
    {
      key: 'assigned',
      header: t('list.columnAssigned'),
      minWidth: 160,
      cell: (asset) => (
        <Stack gap={2}>
          <Text size="sm">{asset.departmentName ?? '–'}</Text>
          {asset.personName && (
            <Text size="xs" c="gray.7">
              {asset.personName}
            </Text>
          )}
        </Stack>
      ),
    },
    {
      key: 'lifecycle',
      header: t('list.columnLifecycle'),
      nowrap: true,
      cell: (asset) => <AssetLifecycleBadge lifecycle={asset.lifecycle} />,
    },
    {
      key: 'warranty',
      header: t('list.columnWarranty'),
      nowrap: true,
      cell: (asset) => (asset.warrantyEnd ? formatDate(asset.warrantyEnd) : '–'),
    },
  ];
  return (
    <QueryTable
      query={query}
      caption={caption}
      columns={columns}
      rowKey={(asset) => asset.id}
      rowTestId="asset-row"
      {...(sort ? { sort } : {})}
      {...(paging ? { paging, pageSizes } : {})}
      {...(framed === undefined ? {} : { framed })}
      minWidth={1040}
      empty={empty}
    />
  );
}
