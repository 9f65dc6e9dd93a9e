import type { ApiToken } from '@forvalta/contracts';
import { Button } from '@mantine/core';
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
import { formatDateTime } from '../../i18n/format.ts';
import { tokenColumns } from './token-columns.tsx';
import { TokenTabs } from './TokenTabs.tsx';
import { CreateTokenModal } from './CreateTokenModal.tsx';
import { tokenListQuery, useRevokeToken } from './tokens.queries.ts';

const routeApi = getRouteApi('/authenticated/content/api-tokens');

export function TokensPage() {
  const { t } = useTranslation();
  const [creating, setCreating] = useState(false);
  const [revoking, setRevoking] = useState<ApiToken | null>(null);
  const list = useAddressList(routeApi.useSearch(), routeApi.useNavigate(), { pageSize: 25 });
  const tokens = useQuery(tokenListQuery({ cursor: list.paging.cursor, limit: list.paging.pageSize }));
  const revoke = useRevokeToken({
    onSuccess: (_result, token) => notifySuccess(t('tokens.revokedMessage', { name: token.name })),
    onError: notifyError,
    onSettled: () => setRevoking(null),
  });

  const createButton = <Button onClick={() => setCreating(true)}>{t('tokens.create')}</Button>;
  const shared = tokenColumns<ApiToken>(t, { start: setRevoking, label: (token) => t('tokens.revokeAction', { name: token.name }) });
  const columns: Column<ApiToken>[] = [
    { key: 'name', header: t('tokens.name'), cell: (token) => <strong>{token.name}</strong> },
    shared.prefix,
    shared.status,
    { key: 'created', header: t('tokens.created'), nowrap: true, cell: (token) => formatDateTime(token.createdAt) },
    shared.expires,
    shared.used,
    shared.actions,
  ];

  return (
    <>
      <PageHeader title={t('tokens.title')} intro={t('tokens.intro')} actions={createButton} />
      <TokenTabs active="mine">
        <QueryTable
          query={tokens}
          caption={t('tokens.tabMine')}
          columns={columns}
          rowKey={(token) => token.id}
          paging={list.paging}
          minWidth={760}
          empty={<ListEmptyState title={t('tokens.empty')} hint={t('tokens.emptyHint')} action={createButton} />}
        />
      </TokenTabs>
      {creating && <CreateTokenModal onClose={() => setCreating(false)} />}
      <ConfirmDialog
        opened={revoking !== null}
        title={t('tokens.revokeTitle', { name: revoking?.name ?? '' })}
        text={t('tokens.revokeText')}
        confirmLabel={t('tokens.revoke')}
        loading={revoke.isPending}
        onConfirm={() => revoking && revoke.mutate(revoking)}
        onClose={() => setRevoking(null)}
      />
    </>
  );
}
