import { Button, Select, Stack } from '@mantine/core';
import { useQuery } from '@tanstack/react-query';
import { getRouteApi } from '@tanstack/react-router';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useCan } from '../../app/session.ts';
import { ErrorState } from '../../components/ErrorState.tsx';
import { ListEmptyState } from '../../components/ListEmptyState.tsx';
import { ListFilters } from '../../components/ListFilters.tsx';
import { LoadingState } from '../../components/LoadingState.tsx';
import { useAddressList } from '../../components/list-address.ts';
import { PageHeader } from '../../components/PageHeader.tsx';
import { SectionCard } from '../../components/SectionCard.tsx';
import { SystemFilterSelect } from '../systems/SystemFilterSelect.tsx';
import { IncidentFormModal } from './IncidentFormModal.tsx';
import { IncidentsTable } from './IncidentsTable.tsx';
import { IncidentTimelineChart } from './IncidentTimelineChart.tsx';
import { incidentListQueryOptions, openIncidentsQuery } from './incidents.queries.ts';

const routeApi = getRouteApi('/authenticated/content/incidents');

/** The incident log: the open incidents' clocks as a chart, then the list with its filters. */
export function IncidentsPage() {
  const { t } = useTranslation('incidents');
  const list = useAddressList(routeApi.useSearch(), routeApi.useNavigate(), { pageSize: 25, defaultSort: '-detectedAt' });
  const { filters, setFilters } = list;
  const incidents = useQuery(
    incidentListQueryOptions(filters, { sort: list.sort.value, cursor: list.paging.cursor, limit: list.paging.pageSize }),
  );
  const open = useQuery(openIncidentsQuery());
  const canRecord = useCan('incident.record');
  const [creating, setCreating] = useState(false);
  const now = new Date().toISOString();

  return (
    <>
      <PageHeader
        title={t('list.title')}
        intro={t('list.intro')}
        actions={canRecord && <Button onClick={() => setCreating(true)}>{t('list.create')}</Button>}
      />
      <Stack gap="lg">
        <SectionCard id="timeline" title={t('timeline.title')}>
          {open.isLoading ? (
            <LoadingState />
          ) : open.error || !open.data ? (
            <ErrorState error={open.error} onRetry={() => void open.refetch()} />
          ) : (
            <IncidentTimelineChart incidents={open.data.items} now={now} />
          )}
        </SectionCard>
        <div>
          <ListFilters label={t('list.filters')} list={list} searchLabel={t('list.search')} clearLabel={t('list.clearFilters')}>
            <Select
              label={t('list.status')}
              placeholder={t('list.allStatuses')}
              clearable
              value={filters.status ?? null}
              onChange={(value) => setFilters({ status: (value as 'open' | 'closed' | null) ?? undefined })}
              data={(['open', 'closed'] as const).map((status) => ({ value: status, label: t(`status.${status}`) }))}
              w={{ base: '100%', sm: 180 }}
            />
            <Select
              label={t('list.significance')}
              placeholder={t('list.allSignificance')}
              clearable
              value={filters.significant ?? null}
              onChange={(value) => setFilters({ significant: (value as 'true' | 'false' | null) ?? undefined })}
              data={(['true', 'false'] as const).map((value) => ({ value, label: t(`significant.${value}`) }))}
              w={{ base: '100%', sm: 180 }}
            />
            <SystemFilterSelect
              label={t('list.system')}
              placeholder={t('list.allSystems')}
              value={filters.systemId}
              onChange={(systemId) => setFilters({ systemId })}
            />
          </ListFilters>
          <IncidentsTable
            query={incidents}
            caption={t('list.caption')}
            sort={list.sort}
            paging={list.paging}
            empty={<ListEmptyState title={list.filtered ? t('list.empty') : t('list.emptyAll')} />}
          />
        </div>
      </Stack>
      {creating && <IncidentFormModal incident={null} onClose={() => setCreating(false)} />}
    </>
  );
}
