import type { System } from '@forvalta/contracts';
import { Button } from '@mantine/core';
import { useQuery } from '@tanstack/react-query';
import { getRouteApi } from '@tanstack/react-router';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useCan } from '../../app/session.ts';
import { ListEmptyState } from '../../components/ListEmptyState.tsx';
import { useSectionList } from '../../components/list-address.ts';
import { SectionCard } from '../../components/SectionCard.tsx';
import { AssetFormModal } from './AssetFormModal.tsx';
import { AssetsTable } from './AssetsTable.tsx';
import { assetListQueryOptions } from './assets.queries.ts';

const routeApi = getRouteApi('/authenticated/content/systems/$systemId');

/** The equipment that serves a system (#assets), paged by the server; the IT unit may add one for it. */
export function SystemAssetsSection({ system }: { system: System }) {
  const { t } = useTranslation('assets');
  const list = useSectionList('assets', routeApi.useSearch(), routeApi.useNavigate(), { pageSize: 10, defaultSort: 'label' });
  const assets = useQuery(
    assetListQueryOptions({ systemId: system.id }, { sort: list.sort.value, cursor: list.paging.cursor, limit: list.paging.pageSize }),
  );
  const canCreate = useCan('asset.manage');
  const [creating, setCreating] = useState(false);
  return (
    <SectionCard
      id="assets"
      title={t('system.title')}
      actions={
        canCreate && (
          <Button size="sm" onClick={() => setCreating(true)} aria-label={t('system.createFor', { name: system.name })}>
            {t('system.create')}
          </Button>
        )
      }
    >
      <AssetsTable
        query={assets}
        caption={t('system.caption', { name: system.name })}
        sort={list.sort}
        paging={list.paging}
        pageSizes={[10, 25, 50]}
        framed={false}
        empty={<ListEmptyState title={t('system.empty')} />}
      />
      {creating && (
        <AssetFormModal asset={null} preset={{ systemId: system.id, systemName: system.name }} onClose={() => setCreating(false)} />
      )}
    </SectionCard>
  );
}
