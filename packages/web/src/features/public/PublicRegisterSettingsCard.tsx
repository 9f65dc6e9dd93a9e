import { publicLifecycles, type PublicField, type PublicLifecycle } from '@forvalta/contracts';
import { Button, Card, Checkbox, Group, Stack, Switch, Text, Title } from '@mantine/core';
import { useQuery, useQueryClient } from '@tanstack/react-query';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { AnchorLink } from '../../components/AnchorLink.tsx';
import { isApiError, type ResultFor } from '../../api/client.ts';
import { useCurrentUser } from '../../app/session.ts';
import { ErrorState } from '../../components/ErrorState.tsx';
import { notifyError, notifySuccess } from '../../components/error-messages.ts';
import { LoadingState } from '../../components/LoadingState.tsx';
import { StaleRecordAlert } from '../../components/StaleRecordAlert.tsx';
import { publicFieldValues } from '../systems/system-values.ts';
import { publicKeys, publicRegisterSettingsQuery, useSavePublicRegisterSettings } from './public.queries.ts';

type Settings = ResultFor<'GET /api/v1/public-register-settings'>;

function SettingsForm({ settings }: { settings: Settings }) {
  const { t } = useTranslation();
  const queryClient = useQueryClient();
  const [enabled, setEnabled] = useState(settings.enabled);
  const [fields, setFields] = useState<string[]>(settings.fields);
  const [lifecycles, setLifecycles] = useState<string[]>(settings.lifecycles);
  const [stale, setStale] = useState(false);
  const save = useSavePublicRegisterSettings(settings.version, {
    onSuccess: () => notifySuccess(t('publicSettings.saved')),
    onError: (error) => (isApiError(error, 'version_mismatch') ? setStale(true) : notifyError(error)),
  });
  return (
    <form
      onSubmit={(event) => {
        event.preventDefault();
        save.mutate({ enabled, fields: fields as PublicField[], lifecycles: lifecycles as PublicLifecycle[] });
      }}
    >
      <Stack gap="sm">
        {stale && <StaleRecordAlert onReload={() => void queryClient.invalidateQueries({ queryKey: publicKeys.settings })} />}
        <Switch label={t('publicSettings.enabled')} checked={enabled} onChange={(event) => setEnabled(event.currentTarget.checked)} />
        <Checkbox.Group label={t('publicSettings.fields')} description={t('publicSettings.fieldsHint')} value={fields} onChange={setFields}>
          <Stack gap={6} mt="xs">
            {publicFieldValues.map((field) => (
              <Checkbox key={field} value={field} label={t(`publicRegister.fields.${field}`)} disabled={!enabled} />
            ))}
          </Stack>
        </Checkbox.Group>
        <Checkbox.Group
          label={t('publicSettings.lifecycles')}
          description={t('publicSettings.lifecyclesHint')}
          value={lifecycles}
          onChange={setLifecycles}
        >
          <Stack gap={6} mt="xs">
            {publicLifecycles.map((lifecycle) => (
              <Checkbox key={lifecycle} value={lifecycle} label={t(`labels.lifecycle.${lifecycle}`)} disabled={!enabled} />
            ))}
          </Stack>
        </Checkbox.Group>
        <Group>
          <Button type="submit" loading={save.isPending} disabled={stale}>
            {t('common.save')}
          </Button>
        </Group>
      </Stack>
    </form>
  );
}

/** The administrator chooses what the public register shows (ITP-2-OPEN); staff names are never offered. */
export function PublicRegisterSettingsCard() {
  const { t } = useTranslation();
  const me = useCurrentUser();
  const canManage = me.permissions.includes('publicRegister.manage');
  const settings = useQuery(publicRegisterSettingsQuery(canManage));
  if (!canManage) return null;
  return (
    <Card withBorder padding="lg" radius="md" component="section" aria-labelledby="public-register-heading">
      <Title order={2} size="h4" id="public-register-heading" mb="xs">
        {t('publicSettings.title')}
      </Title>
      <Text size="sm" c="gray.7" mb="md">
        {t('publicSettings.intro')}{' '}
        <AnchorLink to="/public/$code" params={{ code: me.municipality.municipalityCode }} size="sm" underline="always">
          {t('publicSettings.open')}
        </AnchorLink>
      </Text>
      {settings.isLoading ? (
        <LoadingState />
      ) : settings.error || !settings.data ? (
        <ErrorState error={settings.error} onRetry={() => void settings.refetch()} />
      ) : (
        <SettingsForm key={settings.data.version} settings={settings.data} />
      )}
    </Card>
  );
}
