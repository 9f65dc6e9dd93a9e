import type { ApiToken } from '@forvalta/contracts';
import { Badge, Button, Code, Paper, Table, VisuallyHidden } from '@mantine/core';
import { keepPreviousData, useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { legacyApi } from '../../api/client.ts';
import { ConfirmDialog } from '../../components/ConfirmDialog.tsx';
import { CursorPager } from '../../components/CursorPager.tsx';
import { useCursorPaging } from '../../components/cursor-paging.ts';
import { ErrorState } from '../../components/ErrorState.tsx';
import { notifyError, notifySuccess } from '../../components/error-messages.ts';
import { ListEmptyState } from '../../components/ListEmptyState.tsx';
import { LoadingState } from '../../components/LoadingState.tsx';
import { PageHeader } from '../../components/PageHeader.tsx';
import { formatDate, formatDateTime } from '../../i18n/format.ts';
import { CreateTokenModal } from './CreateTokenModal.tsx';

type TokenStatus = 'active' | 'revoked' | 'expired';

function statusOf(token: ApiToken): TokenStatus {
  if (token.revokedAt) return 'revoked';
  if (token.expiresAt && new Date(token.expiresAt) <= new Date()) return 'expired';
  return 'active';
}

/** A token expiring at midnight is valid through the day before, as it was entered. */
const lastValidDay = (expiresAt: string) => formatDate(new Date(Date.parse(expiresAt) - 1).toISOString());

const statusColours: Record<TokenStatus, string> = { active: '#1f6f36', revoked: 'gray.8', expired: 'orange.9' };

export function TokensPage() {
  const { t } = useTranslation();
  const queryClient = useQueryClient();
  const [creating, setCreating] = useState(false);
  const [revoking, setRevoking] = useState<ApiToken | null>(null);
  const paging = useCursorPaging('tokens');
  const tokens = useQuery({
    queryKey: ['api-tokens', 'list', paging.cursor, paging.pageSize],
    queryFn: ({ signal }) =>
      legacyApi.list<ApiToken>('/api-tokens', { sort: '-createdAt', cursor: paging.cursor, limit: paging.pageSize }, signal),
    placeholderData: keepPreviousData,
  });

  const revoke = useMutation({
    mutationFn: (token: ApiToken) => legacyApi.delete(`/api-tokens/${token.id}`, token.version),
    onSuccess: (_result, token) => notifySuccess(t('tokens.revokedMessage', { name: token.name })),
    onError: notifyError,
    onSettled: () => {
      setRevoking(null);
      void queryClient.invalidateQueries({ queryKey: ['api-tokens'] });
    },
  });

  const createButton = <Button onClick={() => setCreating(true)}>{t('tokens.create')}</Button>;

  return (
    <>
      <PageHeader title={t('tokens.title')} intro={t('tokens.intro')} actions={createButton} />
      <Paper withBorder radius="md">
        {tokens.isLoading ? (
          <LoadingState />
        ) : tokens.error ? (
          <ErrorState error={tokens.error} onRetry={() => void tokens.refetch()} />
        ) : !tokens.data || tokens.data.items.length === 0 ? (
          <ListEmptyState title={t('tokens.empty')} hint={t('tokens.emptyHint')} action={createButton} />
        ) : (
          <Table.ScrollContainer minWidth={760}>
            <Table verticalSpacing="sm" highlightOnHover>
              <VisuallyHidden component="caption">{t('tokens.title')}</VisuallyHidden>
              <Table.Thead>
                <Table.Tr>
                  <Table.Th scope="col">{t('tokens.name')}</Table.Th>
                  <Table.Th scope="col">{t('tokens.prefix')}</Table.Th>
                  <Table.Th scope="col">{t('tokens.status')}</Table.Th>
                  <Table.Th scope="col">{t('tokens.created')}</Table.Th>
                  <Table.Th scope="col">{t('tokens.expiresAt')}</Table.Th>
                  <Table.Th scope="col">{t('tokens.lastUsed')}</Table.Th>
                  <Table.Th scope="col" ta="right">
                    {t('common.actions')}
                  </Table.Th>
                </Table.Tr>
              </Table.Thead>
              <Table.Tbody>
                {tokens.data.items.map((token) => {
                  const status = statusOf(token);
                  return (
                    <Table.Tr key={token.id}>
                      <Table.Td fw={600}>{token.name}</Table.Td>
                      <Table.Td>
                        <Code>{token.tokenPrefix}…</Code>
                      </Table.Td>
                      <Table.Td>
                        <Badge color={statusColours[status]} variant={status === 'active' ? 'filled' : 'outline'} tt="none">
                          {t(`tokens.${status}`)}
                        </Badge>
                      </Table.Td>
                      <Table.Td style={{ whiteSpace: 'nowrap' }}>{formatDateTime(token.createdAt)}</Table.Td>
                      <Table.Td style={{ whiteSpace: 'nowrap' }}>
                        {token.expiresAt ? lastValidDay(token.expiresAt) : t('tokens.noExpiry')}
                      </Table.Td>
                      <Table.Td style={{ whiteSpace: 'nowrap' }}>
                        {token.lastUsedAt ? formatDateTime(token.lastUsedAt) : t('tokens.never')}
                      </Table.Td>
                      <Table.Td ta="right">
                        {status === 'active' && (
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
                        )}
                      </Table.Td>
                    </Table.Tr>
                  );
                })}
              </Table.Tbody>
            </Table>
          </Table.ScrollContainer>
        )}
      </Paper>
      {tokens.data && tokens.data.total > 0 && (
        <CursorPager
          pageIndex={paging.pageIndex}
          pageSize={paging.pageSize}
          itemCount={tokens.data.items.length}
          total={tokens.data.total}
          nextCursor={tokens.data.nextCursor}
          onNext={paging.goNext}
          onPrevious={paging.goPrevious}
        />
      )}
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
