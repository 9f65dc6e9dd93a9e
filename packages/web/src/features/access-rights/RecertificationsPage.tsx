import type { Recertification } from '@forvalta/contracts';
import { Progress, Stack, Text } from '@mantine/core';
import { useQuery } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import { AnchorLink } from '../../components/AnchorLink.tsx';
import { ListEmptyState } from '../../components/ListEmptyState.tsx';
import { PageHeader } from '../../components/PageHeader.tsx';
import { type Column, QueryTable } from '../../components/QueryTable.tsx';
import { formatDate } from '../../i18n/format.ts';
import { recertificationListQuery } from './recertifications.queries.ts';
import { useSectionPaging } from './section-paging.ts';

/** The recertification campaigns, the soonest due first, with their progress. */
export function RecertificationsPage() {
  const { t } = useTranslation('access');
  const { cursor, paging } = useSectionPaging(25);
  const campaigns = useQuery(recertificationListQuery({ cursor, limit: paging.pageSize }));
  const columns: Column<Recertification>[] = [
    {
      key: 'title',
      header: t('recertification.columnTitle'),
      rowHeader: true,
      cell: (campaign) => (
        <AnchorLink to="/recertifications/$campaignId" params={{ campaignId: campaign.id }} size="sm" fw={600}>
          {campaign.title}
        </AnchorLink>
      ),
    },
    { key: 'scope', header: t('recertification.columnScope'), cell: (campaign) => campaign.systemName ?? campaign.departmentName ?? '–' },
    { key: 'due', header: t('recertification.columnDue'), nowrap: true, cell: (campaign) => formatDate(campaign.dueDate) },
    {
      key: 'progress',
      header: t('recertification.columnProgress'),
      cell: (campaign) => {
        const done = campaign.progress.kept + campaign.progress.ended;
        const percent = campaign.progress.total === 0 ? 100 : Math.round((done / campaign.progress.total) * 100);
        return (
          <Stack gap={2} miw={160}>
            <Text size="sm">
              {t('recertification.decidedOf', { done, total: campaign.progress.total })}
              {campaign.overdue ? ` · ${t('recertification.overdueShort')}` : ''}
            </Text>
            <Progress value={percent} aria-label={t('recertification.progressLabel', { percent })} color="#1f6f36" />
          </Stack>
        );
      },
    },
  ];
  return (
    <>
      <PageHeader title={t('recertification.title')} intro={t('recertification.listIntro')} />
      <QueryTable
        query={campaigns}
        caption={t('recertification.title')}
        columns={columns}
        rowKey={(campaign) => campaign.id}
        rowTestId="recertification-campaign-row"
        empty={<ListEmptyState title={t('recertification.noCampaigns')} />}
        paging={paging}
      />
    </>
  );
}
