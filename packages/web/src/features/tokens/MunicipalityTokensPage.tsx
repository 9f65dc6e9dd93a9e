import type { MunicipalityApiToken } from '@forvalta/contracts';
import { Text } from '@mantine/core';
import { useQuery } from '@tanstack/react-query';
import { getRouteApi } from '@tanstack/react-router';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { ConfirmDialog } from '../../components/ConfirmDialog.tsx';
import { notifyError, notifySuccess } from '../../components/error-messages.ts';
import { ListEmptyState } from '../../components/ListEmptyState.tsx';
import { useAddressList } from '../../components/list-address.ts';
import { PageHeader } from '../../components/PageHeader.tsx';
import { type Column, QueryTable } from '../../components/QueryTable.tsx';
import { tokenColumns } from './token-columns.tsx';
import { TokenTabs } from './TokenTabs.tsx';
import { municipalityTokenListQuery, useRevokeMunicipalityToken } from './tokens.queries.ts';

const routeApi = getRouteApi('/authenticated/content/api-tokens/municipality');

/** Every API token of the municipality with its holder, paged on the server; administrators revoke any of them. */
export function MunicipalityTokensPage() {
  const { t } = useTranslation();
  const [revoking, setRevoking] = useState<MunicipalityApiToken | null>(null);
  const list = useAddressList(routeApi.useSearch(), routeApi.useNavigate(), { pageSize: 25 });
  const tokens = useQuery(municipalityTokenListQuery({ cursor: list.paging.cursor, limit: list.paging.pageSize }));
  const revoke = useRevokeMunicipalityToken({
    onSuccess: (_result, token) => notifySuccess(t('tokens.revokedFor', { name: token.name, owner: token.ownerName })),
    onError: notifyError,
    onSettled: () => setRevoking(null),
  });

  const shared = tokenColumns<MunicipalityApiToken>(t, {
    start: setRevoking,
    label: (token) => t('tokens.revokeActionFor', { name: token.name, owner: token.ownerName }),
  });
  const columns: Column<MunicipalityApiToken>[] = [
    { key: 'name', header: t('tokens.name'), cell: (token) => <strong>{token.name}</strong> },
    {
      key: 'owner',
      header: t('tokens.owner'),
      minWidth: 200,
      cell: (token) => (
        <>
          <Text size="sm">{token.ownerName}</Text>
          <Text size="xs" c="gray.7" className="wrap-anywhere">
            {token.ownerEmail}
          </Text>
        </>
      ),
    },
    shared.prefix,
    shared.status,
    shared.expires,
    shared.used,
    shared.actions,
  ];

  return (
    <>
      <PageHeader title={t('tokens.title')} intro={t('tokens.municipalityIntro')} />
      <TokenTabs active="municipality">
        <QueryTable
          query={tokens}
          caption={t('tokens.tabMunicipality')}
          columns={columns}
          rowKey={(token) => token.id}
          paging={list.paging}
          minWidth={960}
          empty={<ListEmptyState title={t('tokens.municipalityEmpty')} />}
        />
      </TokenTabs>
      <ConfirmDialog
        opened={revoking !== null}
        title={t('tokens.revokeTitle', { name: revoking?.name ?? '' })}
        text={t('tokens.revokeTextFor', { owner: revoking?.ownerName ?? '' })}
        confirmLabel={t('tokens.revoke')}
        loading={revoke.isPending}
        onConfirm={() => revoking && revoke.mutate(revoking)}
        onClose={() => setRevoking(null)}
      />
    </>
  );
}
