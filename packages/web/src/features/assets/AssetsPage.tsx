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
import { DepartmentSelect } from '../organisation/departments/DepartmentSelect.tsx';
import { AssetFormModal } from './AssetFormModal.tsx';
import { AssetsTable } from './AssetsTable.tsx';
import { type AssetFilters, assetKindValues, assetLifecycleValues, assetNetworkValues, assetOwnerKindValues } from './asset-values.ts';
import { assetListQueryOptions, useAssetModelOptions } from './assets.queries.ts';

const routeApi = getRouteApi('/authenticated/content/assets');

// Seven filters one under the other fill a phone's screen before the list: two to a row there.
const half = (desktop: number) => ({ base: 'calc(50% - var(--mantine-spacing-md) / 2)', sm: desktop });

/** Utrustning: the municipality's IT equipment, filtered and paged by the server (§6). */
export function AssetsPage() {
  const { t } = useTranslation('assets');
  const list = useAddressList(routeApi.useSearch(), routeApi.useNavigate(), { pageSize: 50, defaultSort: 'label' });
  const { filters, setFilters } = list;
  const assets = useQuery(
    assetListQueryOptions(filters, { sort: list.sort.value, cursor: list.paging.cursor, limit: list.paging.pageSize }),
  );
  const models = useAssetModelOptions();
  const canCreate = useCan('asset.manage');
  const canImport = useCan('asset.import');
  const [creating, setCreating] = useState(false);
  const choice = <Value extends string>(values: readonly Value[], prefix: string) =>
    values.map((value) => ({ value, label: t(`${prefix}.${value}`) }));

  return (
    <>
      <PageHeader
        title={t('list.title')}
        intro={t('list.intro')}
        actions={
          <>
            <ButtonLink to="/asset-models" variant="default">
              {t('models.title')}
            </ButtonLink>
            {canImport && (
              <ButtonLink to="/assets/import" variant="default">
                {t('import.open')}
              </ButtonLink>
            )}
            {canCreate && <Button onClick={() => setCreating(true)}>{t('list.create')}</Button>}
          </>
        }
      />
      <Group mb="xs" align="flex-end" gap="md" wrap="wrap" role="search" aria-label={t('list.filters')}>
        <TextInput type="search" label={t('list.search')} w={{ base: '100%', sm: 200 }} {...list.searchInput} />
        <Select
          label={t('list.kind')}
          placeholder={t('list.all')}
          clearable
          value={filters.kind ?? null}
          onChange={(value) => setFilters({ kind: (value as AssetFilters['kind']) ?? undefined })}
          data={choice(assetKindValues, 'kind')}
          w={half(180)}
        />
        <Select
          label={t('list.network')}
          placeholder={t('list.all')}
          clearable
          value={filters.network ?? null}
          onChange={(value) => setFilters({ network: (value as AssetFilters['network']) ?? undefined })}
          data={choice(assetNetworkValues, 'network')}
          w={half(180)}
        />
        <Select
          label={t('list.owner')}
          placeholder={t('list.all')}
          clearable
          value={filters.ownerKind ?? null}
          onChange={(value) => setFilters({ ownerKind: (value as AssetFilters['ownerKind']) ?? undefined })}
          data={choice(assetOwnerKindValues, 'ownerKind')}
          w={half(180)}
        />
        <Select
          label={t('list.model')}
          placeholder={t('list.allModels')}
          searchable
          clearable
          value={filters.modelId ?? null}
          onChange={(value) => setFilters({ modelId: value ?? undefined, nonStandard: undefined })}
          data={(models.data?.items ?? []).map((model) => ({ value: model.id, label: model.name }))}
          w={half(220)}
        />
        <Select
          label={t('list.lifecycle')}
          placeholder={t('list.all')}
          clearable
          value={filters.lifecycle ?? null}
          onChange={(value) => setFilters({ lifecycle: (value as AssetFilters['lifecycle']) ?? undefined })}
          data={choice(assetLifecycleValues, 'lifecycle')}
          w={half(180)}
        />
        <DepartmentSelect
          label={t('list.department')}
          placeholder={t('list.allDepartments')}
          value={filters.departmentId ?? null}
          onChange={(value) => setFilters({ departmentId: value ?? undefined })}
          w={half(240)}
        />
      </Group>
      <Group mb="md" gap="lg" wrap="wrap">
        <Checkbox
          label={t('list.onlyNonStandard')}
          checked={filters.nonStandard ?? false}
          onChange={(event) => setFilters({ nonStandard: event.currentTarget.checked || undefined, modelId: undefined })}
        />
        {list.filtered && (
          <Anchor component="button" type="button" size="sm" onClick={list.clearFilters}>
            {t('list.clearFilters')}
          </Anchor>
        )}
      </Group>
      <AssetsTable
        query={assets}
        caption={t('list.title')}
        sort={list.sort}
        paging={list.paging}
        empty={<ListEmptyState title={list.filtered ? t('list.empty') : t('list.emptyAll')} />}
      />
      {creating && <AssetFormModal asset={null} onClose={() => setCreating(false)} />}
    </>
  );
}
