import { Anchor, Button, Checkbox, Group, Select, TextInput } from '@mantine/core';
import { useQuery } from '@tanstack/react-query';
import { getRouteApi } from '@tanstack/react-router';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useCan } from '../../app/session.ts';
import { ButtonLink } from '../../components/ButtonLink.tsx';
import { ListEmptyState } from '../../components/ListEmptyState.tsx';
import { useAddressList } from '../../components/list-address.ts';
import { PageHeader } from '../../components/PageHeader.tsx';
import { useSystemOptions } from '../systems/systems.queries.ts';
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
  const systems = useSystemOptions();
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
      <Group mb="xs" align="flex-end" gap="md" wrap="wrap" role="search" aria-label={t('software.filters')}>
        <TextInput type="search" label={t('software.search')} w={{ base: '100%', sm: 220 }} {...list.searchInput} />
        <Select
          label={t('software.origin')}
          placeholder={t('software.allOrigins')}
          clearable
          value={filters.origin ?? null}
          onChange={(value) => setFilters({ origin: (value as SoftwareFilters['origin']) ?? undefined })}
          data={softwareOriginValues.map((origin) => ({ value: origin, label: t(`origin.${origin}`) }))}
          w={{ base: '100%', sm: 220 }}
        />
        <Select
          label={t('software.system')}
          placeholder={t('software.allSystems')}
          searchable
          clearable
          value={filters.systemId ?? null}
          onChange={(value) => setFilters({ systemId: value ?? undefined })}
          data={(systems.data?.items ?? []).map((system) => ({ value: system.id, label: system.name }))}
          w={{ base: '100%', sm: 220 }}
        />
      </Group>
      <Group mb="md" gap="lg" wrap="wrap">
        <Checkbox
          label={t('software.onlyAwaiting')}
          checked={filters.awaitingDecision ?? false}
          onChange={(event) => setFilters({ awaitingDecision: event.currentTarget.checked || undefined })}
        />
        {list.filtered && (
          <Anchor component="button" type="button" size="sm" onClick={list.clearFilters}>
            {t('software.clearFilters')}
          </Anchor>
        )}
      </Group>
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
