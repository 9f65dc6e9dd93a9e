import {
  notificationDeliveries,
  type NotificationDelivery,
  type NotificationPreference,
  type NotificationSettings,
  type TaskKind,
} from '@forvalta/contracts';
import { Button, Card, Group, Select, Stack, Text, Title } from '@mantine/core';
import { useForm } from '@mantine/form';
import { useQuery, useQueryClient } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import { ErrorState } from '../../components/ErrorState.tsx';
import { notifySuccess } from '../../components/error-messages.ts';
import { LoadingState } from '../../components/LoadingState.tsx';
import { useVersionedSave } from '../../components/VersionedForm.tsx';
import { accountKeys, notificationSettingsQuery, saveNotificationSettings } from './account.queries.ts';

type Values = { deliveries: Record<string, NotificationDelivery> };

const valuesOf = (settings: NotificationSettings | null): Values => ({
  deliveries: Object.fromEntries((settings?.preferences ?? []).map((preference) => [preference.kind, preference.delivery])),
});

function SettingsForm({ settings }: { settings: NotificationSettings }) {
  const { t } = useTranslation();
  const queryClient = useQueryClient();
  const form = useForm<Values>({ mode: 'controlled', initialValues: valuesOf(settings) });
  const save = useVersionedSave({
    form,
    record: settings,
    valuesOf,
    labels: { deliveries: t('notifications.title') },
    load: () => queryClient.fetchQuery({ ...notificationSettingsQuery, staleTime: 0 }),
    save: (values, version) =>
      saveNotificationSettings(
        Object.entries(values.deliveries).map(([kind, delivery]) => ({ kind: kind as TaskKind, delivery })),
        version,
      ),
    invalidates: [accountKeys.notifications],
    onSaved: () => notifySuccess(t('notifications.saved')),
  });
  const options = (preference: NotificationPreference) =>
    notificationDeliveries
      // What the policy requires cannot be turned off; the server refuses it too (naming the clause).
      .filter((delivery) => delivery !== 'off' || !preference.required)
      .map((delivery) => ({ value: delivery, label: t(`notifications.deliveries.${delivery}`) }));
  return (
    <form onSubmit={save.onSubmit} noValidate>
      <Stack gap="sm">
        {save.alerts}
        {settings.preferences.map((preference) => (
          <Select
            key={preference.kind}
            label={t(`tasks.kind.${preference.kind}`)}
            description={preference.required ? t('notifications.required') : undefined}
            data={options(preference)}
            allowDeselect={false}
            data-testid={`notification-${preference.kind}`}
            {...form.getInputProps(`deliveries.${preference.kind}`)}
          />
        ))}
        <Group>
          <Button type="submit" loading={save.saving} disabled={save.stale}>
            {t('common.save')}
          </Button>
        </Group>
      </Stack>
    </form>
  );
}

/** How I hear of what Förvalta asks of me by e-mail (issue #18): at once, in the daily digest, or not at all. */
export function NotificationSettingsCard() {
  const { t } = useTranslation();
  const settings = useQuery(notificationSettingsQuery);
  return (
    <Card withBorder padding="lg" radius="md" component="section" aria-labelledby="notifications-heading">
      <Title order={2} size="h4" id="notifications-heading" mb="xs">
        {t('notifications.title')}
      </Title>
      <Text size="sm" c="gray.7" mb="md">
        {t('notifications.intro')}
      </Text>
      {settings.isLoading ? (
        <LoadingState />
      ) : settings.error ? (
        <ErrorState error={settings.error} onRetry={() => void settings.refetch()} />
      ) : settings.data ? (
        <SettingsForm key={settings.data.version} settings={settings.data} />
      ) : null}
    </Card>
  );
}
