import type { ProcessingActivity } from '@forvalta/contracts';
import { Badge, Stack, Text } from '@mantine/core';
import type { UseQueryResult } from '@tanstack/react-query';
import type { ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import { AnchorLink } from '../../components/AnchorLink.tsx';
import { ConfidentialBadge } from '../../components/ConfidentialMark.tsx';
import { type Column, type ListPage, QueryTable, type TableSort } from '../../components/QueryTable.tsx';
import { SystemLinks } from '../../components/SystemLinks.tsx';
import type { useUrlPaging } from '../../components/url-paging.ts';
import { formatDate, todayInStockholm } from '../../i18n/format.ts';
import { agreementAttention, agreementHorizonMonths, monthsAhead } from './privacy-values.ts';
import { ReviewStateBadge } from './ReviewStateBadge.tsx';

/**
 * The one table of records of processing: the register, the officer's queue and a system's
 * section show it, each with its own query. A record's problems are said in words beside it.
 */
export function ProcessingActivitiesTable({
  query,
  caption,
  sort,
  paging,
  empty,
  framed,
  showSystems = true,
  pageSizes = [25, 50, 100],
  queue = false,
}: {
  query: UseQueryResult<ListPage<ProcessingActivity>>;
  caption: string;
  sort?: TableSort;
  paging?: ReturnType<typeof useUrlPaging>;
  empty: ReactNode;
  framed?: boolean;
  /** A system's own section leaves out the systems column. */
  showSystems?: boolean;
  pageSizes?: number[];
  /** The officer's queue: an approved record in it is there because its review is too old. */
  queue?: boolean;
}) {
  const { t } = useTranslation('privacy');
  const today = todayInStockholm();
  const horizon = monthsAhead(today, agreementHorizonMonths);
  const columns: Column<ProcessingActivity>[] = [
    {
      key: 'name',
      header: t('list.columnName'),
      sortField: 'name',
      rowHeader: true,
      minWidth: 220,
      cell: (activity) => (
        <Stack gap={2}>
          <AnchorLink to="/processing-activities/$activityId" params={{ activityId: activity.id }} size="sm" fw={600}>
            {activity.name}
          </AnchorLink>
          {activity.confidentialOslParagraph && (
            <div>
              <ConfidentialBadge paragraph={activity.confidentialOslParagraph} size="xs" />
            </div>
          )}
          <Text size="xs" c="gray.7">
            {activity.controllerBoard
              ? `${activity.controllerDepartmentName} · ${activity.controllerBoard}`
              : activity.controllerDepartmentName}
          </Text>
        </Stack>
      ),
    },
    ...(showSystems
      ? [
          {
            key: 'systems',
            header: t('list.columnSystems'),
            minWidth: 160,
            cell: (activity: ProcessingActivity) => <SystemLinks systems={activity.systems} empty="–" />,
          },
        ]
      : []),
    {
      key: 'legalBasis',
      header: t('list.columnLegalBasis'),
      cell: (activity) => (
        <Stack gap={4} align="flex-start">
          <Text size="sm">{activity.legalBasis ? t(`legalBasisShort.${activity.legalBasis}`) : t('list.legalBasisMissing')}</Text>
          {activity.hasSpecialCategories && (
            <Badge color="blue.9" variant="outline" tt="none" miw="max-content">
              {t('list.specialCategories')}
            </Badge>
          )}
        </Stack>
      ),
    },
    {
      key: 'processors',
      header: t('list.columnProcessors'),
      cell: (activity) => {
        // A withheld record's processors are not "none": they are not shown (ADR 0030).
        if (activity.contentWithheld) return <Text size="sm">{t('translation:confidential.withheldCell')}</Text>;
        if (activity.processors.length === 0) return <Text size="sm">{t('list.noProcessors')}</Text>;
        const attention = activity.processors.map((processor) => agreementAttention(processor, today, horizon)).filter(Boolean);
        return (
          <Stack gap={4} align="flex-start">
            <Text size="sm">{t('list.processorCount', { count: activity.processors.length })}</Text>
            {attention.length > 0 && (
              <Badge color="red.9" variant="filled" tt="none" miw="max-content">
                {t('list.agreementsNeedAttention', { count: attention.length })}
              </Badge>
            )}
          </Stack>
        );
      },
    },
    {
      key: 'review',
      header: t('list.columnReview'),
      cell: (activity) => (
        <Stack gap={2} align="flex-start">
          <ReviewStateBadge state={activity.reviewState} />
          {activity.lastReviewedOn && (
            <Text size="xs" c="gray.7" style={{ whiteSpace: 'nowrap' }}>
              {t('list.reviewedOn', { date: formatDate(activity.lastReviewedOn) })}
            </Text>
          )}
          {queue && activity.reviewState !== 'pending' && (
            <Text size="xs" fw={700} c="#9a3f00">
              {t('queue.reviewTooOld')}
            </Text>
          )}
        </Stack>
      ),
    },
    {
      key: 'updated',
      header: t('list.columnUpdated'),
      sortField: 'updatedAt',
      nowrap: true,
      cell: (activity) => formatDate(activity.updatedAt),
    },
  ];
  return (
    <QueryTable
      query={query}
      caption={caption}
      columns={columns}
      rowKey={(activity) => activity.id}
      rowTestId="processing-activity-row"
      {...(sort ? { sort } : {})}
      {...(paging ? { paging, pageSizes } : {})}
      {...(framed === undefined ? {} : { framed })}
      minWidth={showSystems ? 960 : 800}
      empty={empty}
    />
  );
}
