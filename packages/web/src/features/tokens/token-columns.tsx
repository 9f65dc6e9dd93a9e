import type { ApiToken } from '@forvalta/contracts';
import { Badge, Button, Code } from '@mantine/core';
import type { TFunction } from 'i18next';
import type { Column } from '../../components/QueryTable.tsx';
import { formatDateTime } from '../../i18n/format.ts';
import { lastValidDay, statusColours, statusOf } from './token-status.ts';

/** The columns both token lists show: prefix, status, expiry, last use and the revoke button. */
export function tokenColumns<Token extends ApiToken>(
  t: TFunction,
  revoke: { start: (token: Token) => void; label: (token: Token) => string },
): Record<'prefix' | 'status' | 'expires' | 'used' | 'actions', Column<Token>> {
  return {
    prefix: { key: 'prefix', header: t('tokens.prefix'), cell: (token) => <Code>{token.tokenPrefix}…</Code> },
    status: {
      key: 'status',
      header: t('tokens.status'),
      cell: (token) => {
        const status = statusOf(token);
        // miw: the badge keeps its whole word when the table is narrow.
        return (
          <Badge color={statusColours[status]} variant={status === 'active' ? 'filled' : 'outline'} tt="none" miw="max-content">
            {t(`tokens.${status}`)}
          </Badge>
        );
      },
    },
    expires: {
      key: 'expires',
      header: t('tokens.expiresAt'),
      nowrap: true,
      cell: (token) => (token.expiresAt ? lastValidDay(token.expiresAt) : t('tokens.noExpiry')),
    },
    used: {
      key: 'used',
      header: t('tokens.lastUsed'),
      nowrap: true,
      cell: (token) => (token.lastUsedAt ? formatDateTime(token.lastUsedAt) : t('tokens.never')),
    },
    actions: {
      key: 'actions',
      header: t('common.actions'),
      align: 'right',
      cell: (token) =>
        statusOf(token) === 'active' && (
          <Button size="xs" variant="subtle" color="red" c="red.9" onClick={() => revoke.start(token)} aria-label={revoke.label(token)}>
            {t('tokens.revoke')}
          </Button>
        ),
    },
  };
}
