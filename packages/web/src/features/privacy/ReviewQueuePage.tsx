import { useQuery } from '@tanstack/react-query';
import { getRouteApi } from '@tanstack/react-router';
import { useTranslation } from 'react-i18next';
import { AnchorLink } from '../../components/AnchorLink.tsx';
import { ListEmptyState } from '../../components/ListEmptyState.tsx';
import { useAddressList } from '../../components/list-address.ts';
import { PageHeader } from '../../components/PageHeader.tsx';
import { todayInStockholm } from '../../i18n/format.ts';
import { ProcessingActivitiesTable } from './ProcessingActivitiesTable.tsx';
import { processingActivityListQuery } from './privacy.queries.ts';

const routeApi = getRouteApi('/authenticated/content/processing-activities/queue');

/**
 * The data protection officer's queue: the records owed a review (never reviewed, changed since,
 * or approved longer ago than the interval), from the server's reviewDue filter. Records the
 * officer returned wait for their drafters and are not here.
 */
export function ReviewQueuePage() {
  const { t } = useTranslation('privacy');
  const list = useAddressList(routeApi.useSearch(), routeApi.useNavigate(), { pageSize: 25, defaultSort: 'updatedAt' });
  const activities = useQuery(
    processingActivityListQuery(
      {},
      todayInStockholm(),
      { sort: list.sort.value, cursor: list.paging.cursor, limit: list.paging.pageSize },
      { reviewDue: 'true' },
    ),
  );
  return (
    <>
      <AnchorLink to="/processing-activities" size="sm">
        <span aria-hidden="true">← </span>
        {t('record.backToRegister')}
      </AnchorLink>
      <PageHeader title={t('queue.title')} intro={t('queue.intro')} />
      <ProcessingActivitiesTable
        query={activities}
        caption={t('queue.title')}
        sort={list.sort}
        paging={list.paging}
        queue
        empty={<ListEmptyState title={t('queue.empty')} hint={t('queue.emptyHint')} />}
      />
    </>
  );
}
