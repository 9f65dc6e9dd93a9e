import { Button, Select, Stack } from '@mantine/core';
import { useQuery } from '@tanstack/react-query';
import { getRouteApi } from '@tanstack/react-router';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useCan } from '../../app/session.ts';
import { ButtonLink } from '../../components/ButtonLink.tsx';
import { ErrorState } from '../../components/ErrorState.tsx';
import { ListEmptyState } from '../../components/ListEmptyState.tsx';
import { FilterToggle, ListFilters } from '../../components/ListFilters.tsx';
import { LoadingState } from '../../components/LoadingState.tsx';
import { useAddressList } from '../../components/list-address.ts';
import { PageHeader } from '../../components/PageHeader.tsx';
import { SectionCard } from '../../components/SectionCard.tsx';
import { todayInStockholm } from '../../i18n/format.ts';
import { SystemFilterSelect } from '../systems/SystemFilterSelect.tsx';
import { ContractFormModal } from './ContractFormModal.tsx';
import { ContractsTable } from './ContractsTable.tsx';
import { NoticeTimeline } from './NoticeTimeline.tsx';
import { contractListQueryOptions, supplierOptionsQuery, timelineQuery } from './contracts.queries.ts';

const routeApi = getRouteApi('/authenticated/content/contracts');

/** The contracts with their notice dates: the next twelve months as a timeline, then the list. */
export function ContractsPage() {
  const { t } = useTranslation('software');
  const today = todayInStockholm();
  const list = useAddressList(routeApi.useSearch(), routeApi.useNavigate(), { pageSize: 25, defaultSort: 'noticeDate' });
  const { filters, setFilters } = list;
  const contracts = useQuery(
    contractListQueryOptions(filters, today, { sort: list.sort.value, cursor: list.paging.cursor, limit: list.paging.pageSize }),
  );
  const timeline = useQuery(timelineQuery(today));
  const suppliers = useQuery(supplierOptionsQuery());
  const canManage = useCan('contract.manage');
  const [creating, setCreating] = useState(false);

  return (
    <>
      <PageHeader
        title={t('contracts.title')}
        intro={t('contracts.intro')}
        actions={
          <>
            <ButtonLink to="/suppliers" variant="default">
              {t('suppliers.title')}
            </ButtonLink>
            {canManage && <Button onClick={() => setCreating(true)}>{t('contracts.create')}</Button>}
          </>
        }
      />
      <Stack gap="lg">
        <SectionCard id="timeline" title={t('timeline.title')}>
          {timeline.isLoading ? (
            <LoadingState />
          ) : timeline.error || !timeline.data ? (
            <ErrorState error={timeline.error} onRetry={() => void timeline.refetch()} />
          ) : (
            <NoticeTimeline contracts={timeline.data.items} today={today} />
          )}
        </SectionCard>
        <div>
          <ListFilters
            label={t('contracts.filters')}
            list={list}
            searchLabel={t('contracts.search')}
            clearLabel={t('software.clearFilters')}
            toggles={
              <FilterToggle
                label={t('contracts.onlyNoticeSoon')}
                checked={filters.noticeSoon}
                onChange={(noticeSoon) => setFilters({ noticeSoon })}
              />
            }
          >
            <Select
              label={t('contract.supplier')}
              placeholder={t('contracts.allSuppliers')}
              searchable
              clearable
              value={filters.supplierId ?? null}
              onChange={(value) => setFilters({ supplierId: value ?? undefined })}
              data={(suppliers.data?.items ?? []).map((supplier) => ({ value: supplier.id, label: supplier.name }))}
              w={{ base: '100%', sm: 220 }}
            />
            <SystemFilterSelect
              label={t('software.system')}
              placeholder={t('software.allSystems')}
              value={filters.systemId}
              onChange={(systemId) => setFilters({ systemId })}
            />
          </ListFilters>
          <ContractsTable
            query={contracts}
            caption={t('contracts.title')}
            sort={list.sort}
            paging={list.paging}
            empty={<ListEmptyState title={list.filtered ? t('contracts.empty') : t('contracts.emptyAll')} />}
          />
        </div>
      </Stack>
      {creating && <ContractFormModal contract={null} onClose={() => setCreating(false)} />}
    </>
  );
}
