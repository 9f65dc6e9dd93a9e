import type { ProvisioningToken, ProvisioningTokenCreated } from '@forvalta/contracts';
import { Alert, Button, Card, Code, Group, Modal, Stack, Text, Title } from '@mantine/core';
import { useQuery } from '@tanstack/react-query';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useCan } from '../../app/session.ts';
import { ConfirmDialog } from '../../components/ConfirmDialog.tsx';
import { SecretShownOnce } from '../../components/SecretShownOnce.tsx';
import { ErrorState } from '../../components/ErrorState.tsx';
import { notifyError, notifySuccess } from '../../components/error-messages.ts';
import { LoadingState } from '../../components/LoadingState.tsx';
import { formatDateTime } from '../../i18n/format.ts';
import { provisioningStatusQuery, useCreateProvisioningToken, useRevokeProvisioningToken } from './settings.queries.ts';

/** The new token's secret, once: closing by accident would lose it for good. */
function CreatedToken({ created, onClose }: { created: ProvisioningTokenCreated; onClose: () => void }) {
  const { t } = useTranslation();
  return (
    <Modal opened onClose={onClose} title={t('provisioning.shownOnceTitle')} size="lg" closeOnClickOutside={false}>
      <SecretShownOnce
        warning={t('provisioning.shownOnceWarning')}
        usage={t('provisioning.usage')}
        label={t('provisioning.secretToken')}
        secret={created.token}
        texts={{ copy: t('tokens.copy'), copied: t('tokens.copied'), done: t('tokens.done') }}
        onDone={onClose}
      />
    </Modal>
  );
}

/**
 * Provisioning from the directory (issue #18, ADR 0038): the tenant URL and secret token the
 * administrator gives Microsoft Entra ID (or another SCIM client), which then creates, changes and
 * deactivates this municipality's people. The token is shown once; a new one replaces it.
 */
export function ProvisioningCard() {
  const { t } = useTranslation();
  const canManage = useCan('provisioning.manage');
  const status = useQuery(provisioningStatusQuery(canManage));
  const [created, setCreated] = useState<ProvisioningTokenCreated | null>(null);
  const [confirming, setConfirming] = useState<'rotate' | 'revoke' | null>(null);
  const create = useCreateProvisioningToken({
    onSuccess: (result) => {
      setConfirming(null);
      setCreated(result);
    },
    onError: notifyError,
  });
  const revoke = useRevokeProvisioningToken({
    onSuccess: () => {
      setConfirming(null);
      notifySuccess(t('provisioning.revoked'));
    },
    onError: notifyError,
  });
  if (!canManage) return null;
  const data = status.data;
  const token: ProvisioningToken | null = data?.token ?? null;
  return (
    <Card withBorder padding="lg" radius="md" component="section" aria-labelledby="provisioning-heading" style={{ gridColumn: '1 / -1' }}>
      <Title order={2} size="h4" id="provisioning-heading" mb="xs">
        {t('provisioning.title')}
      </Title>
      <Text size="sm" c="gray.7" mb="md">
        {t('provisioning.intro')}
      </Text>
      {status.isLoading ? (
        <LoadingState />
      ) : status.error ? (
        <ErrorState error={status.error} onRetry={() => void status.refetch()} />
      ) : data ? (
        <Stack gap="sm">
          {data.endpoint ? (
            <Text size="sm">
              {t('provisioning.tenantUrl')}: <Code data-testid="provisioning-endpoint">{data.endpoint}</Code>
            </Text>
          ) : (
            <Alert color="blue" role="note">
              {t('provisioning.noPublicUrl')}
            </Alert>
          )}
          {token ? (
            <Text size="sm" data-testid="provisioning-token">
              {t('provisioning.tokenState', {
                prefix: token.tokenPrefix,
                created: formatDateTime(token.createdAt),
                by: token.createdBy,
                used: token.lastUsedAt ? formatDateTime(token.lastUsedAt) : t('provisioning.neverUsed'),
              })}
            </Text>
          ) : (
            <Text size="sm" data-testid="provisioning-token">
              {t('provisioning.noToken')}
            </Text>
          )}
          <Text size="sm">{t('provisioning.counts', { people: data.provisionedPeople, leavers: data.provisionedLeavers })}</Text>
          <Group>
            {token ? (
              <>
                <Button onClick={() => setConfirming('rotate')}>{t('provisioning.rotate')}</Button>
                <Button variant="default" color="red.8" onClick={() => setConfirming('revoke')}>
                  {t('provisioning.revoke')}
                </Button>
              </>
            ) : (
              <Button onClick={() => create.mutate()} loading={create.isPending}>
                {t('provisioning.create')}
              </Button>
            )}
          </Group>
        </Stack>
      ) : null}
      <ConfirmDialog
        opened={confirming !== null}
        title={confirming === 'rotate' ? t('provisioning.rotateTitle') : t('provisioning.revokeTitle')}
        text={confirming === 'rotate' ? t('provisioning.rotateText') : t('provisioning.revokeText')}
        confirmLabel={confirming === 'rotate' ? t('provisioning.rotate') : t('provisioning.revoke')}
        loading={create.isPending || revoke.isPending}
        onConfirm={() => (confirming === 'rotate' ? create.mutate() : token && revoke.mutate(token))}
        onClose={() => setConfirming(null)}
      />
      {created && <CreatedToken created={created} onClose={() => setCreated(null)} />}
    </Card>
  );
}
