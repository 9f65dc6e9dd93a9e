import type { ApiToken } from '@forvalta/contracts';
import { Badge, Button, Code } from '@mantine/core';
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
import { lastValidDay, statusColours, statusOf } from './token-status.ts';
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
  const columns: Column<ApiToken>[] = [
    { key: 'name', header: t('tokens.name'), cell: (token) => <strong>{token.name}</strong> },
    { key: 'prefix', header: t('tokens.prefix'), cell: (token) => <Code>{token.tokenPrefix}…</Code> },
    {
      key: 'status',
      header: t('tokens.status'),
      cell: (token) => {
        const status = statusOf(token);
        return (
          <Badge color={statusColours[status]} variant={status === 'active' ? 'filled' : 'outline'} tt="none">
            {t(`tokens.${status}`)}
          </Badge>
        );
      },
    },
    { key: 'created', header: t('tokens.created'), nowrap: true, cell: (token) => formatDateTime(token.createdAt) },
    {
      key: 'expires',
      header: t('tokens.expiresAt'),
      nowrap: true,
      cell: (token) => (token.expiresAt ? lastValidDay(token.expiresAt) : t('tokens.noExpiry')),
    },
    {
      key: 'used',
      header: t('tokens.lastUsed'),
      nowrap: true,
      cell: (token) => (token.lastUsedAt ? formatDateTime(token.lastUsedAt) : t('tokens.never')),
    },
    {
      key: 'actions',
      header: t('common.actions'),
      align: 'right',
      cell: (token) =>
        statusOf(token) === 'active' && (
          <Button
            size="xs"
            variant="subtle"
            color="red"
            c="red.9"
            onClick={() => setRevoking(token)}
            aria-label={t('tokens.revokeAction', { name: token.name })}
          >
            {t('tokens.revoke')}
          </Button>
        ),
    },
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
