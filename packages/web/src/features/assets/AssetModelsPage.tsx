import type { AssetModel } from '@forvalta/contracts';
import { Anchor, Badge, Button, Group, Select, Stack, Text, TextInput } from '@mantine/core';
import { useQuery } from '@tanstack/react-query';
import { getRouteApi } from '@tanstack/react-router';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useCan } from '../../app/session.ts';
import { AnchorLink } from '../../components/AnchorLink.tsx';
import { ListEmptyState } from '../../components/ListEmptyState.tsx';
import { useAddressList } from '../../components/list-address.ts';
import { PageHeader } from '../../components/PageHeader.tsx';
import { type Column, QueryTable } from '../../components/QueryTable.tsx';
import { formatDate } from '../../i18n/format.ts';
import { ApproveModelModal } from './ApproveModelModal.tsx';
import { AssetModelFormModal } from './AssetModelFormModal.tsx';
import { type AssetModelFilters, assetKindValues } from './asset-values.ts';
import { assetModelListQueryOptions } from './assets.queries.ts';

const routeApi = getRouteApi('/authenticated/content/asset-models');

/** Modellkatalog: the standard models the IT chief approves (§6: standardisation is the means to a rational and secure environment). */
export function AssetModelsPage() {
  const { t } = useTranslation('assets');
  const list = useAddressList(routeApi.useSearch(), routeApi.useNavigate(), { pageSize: 50, defaultSort: 'name' });
  const { filters, setFilters } = list;
  const models = useQuery(
    assetModelListQueryOptions(filters, { sort: list.sort.value, cursor: list.paging.cursor, limit: list.paging.pageSize }),
  );
  const canManage = useCan('assetModel.manage');
  const [editing, setEditing] = useState<AssetModel | null | undefined>(undefined);
  const [approving, setApproving] = useState<AssetModel | null>(null);

  const period = (model: AssetModel) =>
    model.approvedFrom === null
      ? t('models.neverApproved')
      : model.approvedUntil
        ? t('models.approvedBetween', { from: formatDate(model.approvedFrom), until: formatDate(model.approvedUntil) })
        : t('models.approvedFrom', { from: formatDate(model.approvedFrom) });
  const columns: Column<AssetModel>[] = [
    {
      key: 'name',
      header: t('models.columnName'),
      sortField: 'name',
      rowHeader: true,
      minWidth: 200,
      cell: (model) => (
        <Stack gap={2}>
          <Text size="sm" fw={600}>
            {model.name}
          </Text>
          {model.description && (
            <Text size="xs" c="gray.7">
              {model.description}
            </Text>
          )}
        </Stack>
      ),
    },
    { key: 'kind', header: t('models.kind'), nowrap: true, cell: (model) => t(`kind.${model.kind}`) },
    {
      key: 'standard',
      header: t('models.columnStandard'),
      cell: (model) => (
        <Stack gap={2} align="flex-start">
          <Badge color={model.standard ? '#1f6f36' : '#9a3f00'} variant="filled" tt="none" miw="max-content">
            {model.standard ? t('models.standard') : t('models.notApproved')}
          </Badge>
          <Text size="xs" c="gray.7">
            {period(model)}
          </Text>
          {model.approvedByName && (
            <Text size="xs" c="gray.7">
              {t('models.approvedBy', { name: model.approvedByName })}
            </Text>
          )}
        </Stack>
      ),
    },
    {
      key: 'assets',
      header: t('models.columnAssets'),
      align: 'right',
      nowrap: true,
      cell: (model) => (
        <AnchorLink
          to="/assets"
          search={{ modelId: model.id }}
          size="sm"
          aria-label={t('models.assetsOf', { count: model.assetCount, name: model.name })}
        >
          {model.assetCount}
        </AnchorLink>
      ),
    },
  ];

  return (
    <>
      <PageHeader
        title={t('models.title')}
        intro={t('models.intro')}
        actions={canManage && <Button onClick={() => setEditing(null)}>{t('models.create')}</Button>}
      />
      <Group mb="md" align="flex-end" gap="md" wrap="wrap" role="search" aria-label={t('list.filters')}>
        <TextInput type="search" label={t('models.search')} w={{ base: '100%', sm: 220 }} {...list.searchInput} />
        <Select
          label={t('models.kind')}
          placeholder={t('list.all')}
          clearable
          value={filters.kind ?? null}
          onChange={(value) => setFilters({ kind: (value as AssetModelFilters['kind']) ?? undefined })}
          data={assetKindValues.map((kind) => ({ value: kind, label: t(`kind.${kind}`) }))}
          w={{ base: '100%', sm: 200 }}
        />
        <Select
          label={t('models.columnStandard')}
          placeholder={t('list.all')}
          clearable
          value={filters.standard ?? null}
          onChange={(value) => setFilters({ standard: (value as AssetModelFilters['standard']) ?? undefined })}
          data={[
            { value: 'true', label: t('models.standard') },
            { value: 'false', label: t('models.notApproved') },
          ]}
          w={{ base: '100%', sm: 200 }}
        />
        {list.filtered && (
          <Anchor component="button" type="button" size="sm" onClick={list.clearFilters} mb={8}>
            {t('list.clearFilters')}
          </Anchor>
        )}
      </Group>
      <QueryTable
        query={models}
        caption={t('models.title')}
        columns={columns}
        rowKey={(model) => model.id}
        rowTestId="asset-model-row"
        sort={list.sort}
        paging={list.paging}
        pageSizes={[25, 50, 100]}
        minWidth={760}
        rowActions={(model) => [
          ...(model.can.approve ? [{ label: t('models.approve'), onClick: () => setApproving(model) }] : []),
          ...(model.can.update ? [{ label: t('models.edit'), onClick: () => setEditing(model) }] : []),
        ]}
        rowActionsLabel={(model) => t('models.actionsFor', { name: model.name })}
        empty={<ListEmptyState title={list.filtered ? t('models.empty') : t('models.emptyAll')} />}
      />
      {editing !== undefined && <AssetModelFormModal model={editing} onClose={() => setEditing(undefined)} />}
      {approving && <ApproveModelModal model={approving} onClose={() => setApproving(null)} />}
    </>
  );
}
