import { Button, Select } from '@mantine/core';
import { useQuery } from '@tanstack/react-query';
import { getRouteApi } from '@tanstack/react-router';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useCan } from '../../app/session.ts';
import { ButtonLink } from '../../components/ButtonLink.tsx';
import { ListEmptyState } from '../../components/ListEmptyState.tsx';
import { FilterToggle, ListFilters } from '../../components/ListFilters.tsx';
import { useAddressList } from '../../components/list-address.ts';
import { PageHeader } from '../../components/PageHeader.tsx';
import { SystemFilterSelect } from '../systems/SystemFilterSelect.tsx';
import { SoftwareFormModal } from './SoftwareFormModal.tsx';
import { SoftwareTable } from './SoftwareTable.tsx';
import { type SoftwareFilters, softwareOriginValues } from './software-values.ts';
import { softwareListQueryOptions } from './software.queries.ts';

const routeApi = getRouteApi('/authenticated/content/software');

/** The software the municipality uses (§7): where each comes from and where the IT chief's decision stands. */
export function SoftwareListPage() {
  const { t } = useTranslation('software');
  const list = useAddressList(routeApi.useSearch(), routeApi.useNavigate(), { pageSize: 25, defaultSort: 'product' });
  const { filters, setFilters } = list;
  const software = useQuery(
    softwareListQueryOptions(filters, { sort: list.sort.value, cursor: list.paging.cursor, limit: list.paging.pageSize }),
  );
  const canCreate = useCan('software.manage');
  const canReadLicences = useCan('licence.read');
  const [creating, setCreating] = useState(false);

  return (
    <>
      <PageHeader
        title={t('software.title')}
        intro={t('software.intro')}
        actions={
          <>
            {canReadLicences && (
              <ButtonLink to="/licences" variant="default">
                {t('licences.title')}
              </ButtonLink>
            )}
            {canCreate && <Button onClick={() => setCreating(true)}>{t('software.create')}</Button>}
          </>
        }
      />
      <ListFilters
        label={t('software.filters')}
        list={list}
        searchLabel={t('software.search')}
        clearLabel={t('software.clearFilters')}
        toggles={
          <FilterToggle
            label={t('software.onlyAwaiting')}
            checked={filters.awaitingDecision}
            onChange={(awaitingDecision) => setFilters({ awaitingDecision })}
          />
        }
      >
        <Select
          label={t('software.origin')}
          placeholder={t('software.allOrigins')}
          clearable
          value={filters.origin ?? null}
          onChange={(value) => setFilters({ origin: (value as SoftwareFilters['origin']) ?? undefined })}
          data={softwareOriginValues.map((origin) => ({ value: origin, label: t(`origin.${origin}`) }))}
          w={{ base: '100%', sm: 220 }}
        />
        <SystemFilterSelect
          label={t('software.system')}
          placeholder={t('software.allSystems')}
          value={filters.systemId}
          onChange={(systemId) => setFilters({ systemId })}
        />
      </ListFilters>
      <SoftwareTable
        query={software}
        caption={t('software.title')}
        sort={list.sort}
        paging={list.paging}
        empty={<ListEmptyState title={list.filtered ? t('software.empty') : t('software.emptyAll')} />}
      />
      {creating && <SoftwareFormModal software={null} onClose={() => setCreating(false)} />}
    </>
  );
}
