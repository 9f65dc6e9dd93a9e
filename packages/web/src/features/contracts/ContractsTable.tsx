import type { Contract } from '@forvalta/contracts';
import { Badge, Stack, Text } from '@mantine/core';
import type { UseQueryResult } from '@tanstack/react-query';
import type { ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import { AnchorLink } from '../../components/AnchorLink.tsx';
import { type Column, type ListPage, QueryTable, type TableSort } from '../../components/QueryTable.tsx';
import { SystemLinks } from '../../components/SystemLinks.tsx';
import type { useUrlPaging } from '../../components/url-paging.ts';
import { formatDate, formatNumber, todayInStockholm } from '../../i18n/format.ts';

/** Where a contract's notice stands: decided for this term, passed undecided, or still open. */
export function NoticeStanding({ contract }: { contract: Contract }) {
  const { t } = useTranslation('software');
  if (contract.ended) return <Text size="sm">{t('contract.ended')}</Text>;
  if (contract.noticeDecision && contract.noticeDecidedForTerm)
    return (
      <Badge color="#1f6f36" variant="filled" tt="none" miw="max-content">
        {t(`noticeDecision.${contract.noticeDecision}`)}
      </Badge>
    );
  if (contract.noticeDate < todayInStockholm())
    return (
      <Badge color="red.9" variant="filled" tt="none" miw="max-content">
        {t('contract.noticePassed')}
      </Badge>
    );
  return (
    <Badge color="#9a3f00" variant="outline" tt="none" miw="max-content">
      {t('contract.noticeOpen')}
    </Badge>
  );
}

/** The one table of contracts: the list and a system's section show it. */
export function ContractsTable({
  query,
  caption,
  sort,
  paging,
  empty,
  framed,
  showSystems = true,
  pageSizes = [25, 50, 100],
}: {
  query: UseQueryResult<ListPage<Contract>>;
  caption: string;
  sort?: TableSort;
  paging?: ReturnType<typeof useUrlPaging>;
  empty: ReactNode;
  framed?: boolean;
  showSystems?: boolean;
  pageSizes?: number[];
}) {
  const { t, i18n } = useTranslation('software');
  const columns: Column<Contract>[] = [
    {
      key: 'title',
      header: t('contract.contract'),
      sortField: 'title',
      rowHeader: true,
      minWidth: 200,
      cell: (contract) => (
        <Stack gap={2}>
          <AnchorLink to="/contracts/$contractId" params={{ contractId: contract.id }} size="sm" fw={600}>
            {contract.title}
          </AnchorLink>
          <Text size="xs" c="gray.7">
            {contract.supplierName}
          </Text>
        </Stack>
      ),
    },
    ...(showSystems
      ? [
          {
            key: 'systems',
            header: t('contract.systems'),
            minWidth: 150,
            cell: (contract: Contract) => <SystemLinks systems={contract.systems} empty="–" />,
          },
        ]
      : []),
    {
      key: 'term',
      header: t('contract.termEnds'),
      nowrap: true,
      cell: (contract) => (
        <Stack gap={2}>
          <Text size="sm">{formatDate(contract.currentTermEndsOn)}</Text>
          {contract.automaticRenewal && (
            <Text size="xs" c="gray.7">
              {t('contract.renews', { count: contract.renewalMonths ?? 12 })}
            </Text>
          )}
        </Stack>
      ),
    },
    {
      key: 'notice',
      header: t('contract.noticeDate'),
      sortField: 'noticeDate',
      cell: (contract) => (
        <Stack gap={4} align="flex-start">
          <Text size="sm" style={{ whiteSpace: 'nowrap' }}>
            {formatDate(contract.noticeDate)}
          </Text>
          <NoticeStanding contract={contract} />
        </Stack>
      ),
    },
    {
      key: 'cost',
      header: t('contract.yearlyCost'),
      align: 'right',
      nowrap: true,
      cell: (contract) => (contract.yearlyCost === null ? '–' : `${formatNumber(contract.yearlyCost, i18n.language)} kr`),
    },
  ];
  return (
    <QueryTable
      query={query}
      caption={caption}
      columns={columns}
      rowKey={(contract) => contract.id}
      rowTestId="contract-row"
      {...(sort ? { sort } : {})}
      {...(paging ? { paging, pageSizes } : {})}
      {...(framed === undefined ? {} : { framed })}
      minWidth={showSystems ? 880 : 720}
      empty={empty}
    />
  );
}
