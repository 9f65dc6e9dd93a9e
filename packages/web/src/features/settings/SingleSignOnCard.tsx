import { type GroupRole, type Role, roles, type SingleSignOnSettings, type SingleSignOnStatus } from '@forvalta/contracts';
import {
  Alert,
  Badge,
  Button,
  Card,
  Checkbox,
  Code,
  Group,
  PasswordInput,
  Select,
  SimpleGrid,
  Stack,
  Text,
  Textarea,
  TextInput,
  Title,
} from '@mantine/core';
import { useForm } from '@mantine/form';
import { useQuery, useQueryClient } from '@tanstack/react-query';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useCan } from '../../app/session.ts';
import { ErrorState } from '../../components/ErrorState.tsx';
import { notifyError, notifySuccess } from '../../components/error-messages.ts';
import { ConfirmDialog } from '../../components/ConfirmDialog.tsx';
import { LoadingState } from '../../components/LoadingState.tsx';
import { useVersionedSave } from '../../components/VersionedForm.tsx';
import { formatDateTime } from '../../i18n/format.ts';
import {
  saveSingleSignOn,
  singleSignOnKeys,
  singleSignOnSettingsQuery,
  singleSignOnStatusQuery,
  useRemoveSingleSignOn,
} from './settings.queries.ts';

interface Values {
  displayName: string;
  issuer: string;
  clientId: string;
  clientSecret: string;
  matchBy: 'email' | 'employee_number';
  matchClaim: string;
  groupsClaim: string;
  groupRoles: string;
  passwordLogin: boolean;
}

/** "objectid = role", one a line: how an administrator pastes a list of Entra ID group ids. */
const groupRoleLines = (groupRoles: GroupRole[]) => groupRoles.map((entry) => `${entry.group} = ${entry.role}`).join('\n');
function parseGroupRoles(text: string): GroupRole[] | string {
  const parsed: GroupRole[] = [];
  for (const line of text
    .split('\n')
    .map((entry) => entry.trim())
    .filter(Boolean)) {
    const [group, role] = line.split('=').map((part) => part.trim());
    if (!group || !role || !(roles as readonly string[]).includes(role)) return line;
    parsed.push({ group, role: role as Role });
  }
  return parsed;
}

const valuesOf = (record: SingleSignOnSettings | null): Values => ({
  displayName: record?.displayName ?? '',
  issuer: record?.issuer ?? '',
  clientId: record?.clientId ?? '',
  clientSecret: '',
  matchBy: record?.matchBy ?? 'email',
  matchClaim: record?.matchClaim ?? 'email',
  groupsClaim: record?.groupsClaim ?? '',
  groupRoles: groupRoleLines(record?.groupRoles ?? []),
  passwordLogin: record?.passwordLogin ?? true,
});

function ProviderForm({ settings }: { settings: SingleSignOnSettings }) {
  const { t } = useTranslation();
  const queryClient = useQueryClient();
  const form = useForm<Values>({
    mode: 'controlled',
    initialValues: valuesOf(settings),
    validate: {
      displayName: (value) => (value.trim() ? null : t('common.required')),
      issuer: (value) => (/^https?:\/\/\S+$/.test(value.trim()) ? null : t('singleSignOn.issuerFormat')),
      clientId: (value) => (value.trim() ? null : t('common.required')),
      clientSecret: (value) => (settings.clientSecretStored || value ? null : t('common.required')),
      matchClaim: (value) => (value.trim() ? null : t('common.required')),
      groupRoles: (value) => {
        const parsed = parseGroupRoles(value);
        return typeof parsed === 'string' ? t('singleSignOn.groupRolesFormat', { line: parsed }) : null;
      },
    },
  });
  const save = useVersionedSave({
    form,
    record: settings,
    valuesOf,
    labels: {
      displayName: t('singleSignOn.displayName'),
      issuer: t('singleSignOn.issuer'),
      clientId: t('singleSignOn.clientId'),
      groupRoles: t('singleSignOn.groupRoles'),
      passwordLogin: t('singleSignOn.passwordLogin'),
    },
    load: () => queryClient.fetchQuery({ ...singleSignOnSettingsQuery(true), staleTime: 0 }),
    save: (values, version) =>
      saveSingleSignOn(
        {
          displayName: values.displayName.trim(),
          issuer: values.issuer.trim(),
          clientId: values.clientId.trim(),
          ...(values.clientSecret ? { clientSecret: values.clientSecret } : {}),
          matchBy: values.matchBy,
          matchClaim: values.matchClaim.trim(),
          groupsClaim: values.groupsClaim.trim() || null,
          groupRoles: parseGroupRoles(values.groupRoles) as GroupRole[],
          passwordLogin: values.passwordLogin,
        },
        version,
      ),
    invalidates: [singleSignOnKeys.settings, singleSignOnKeys.status],
    onSaved: () => notifySuccess(t('singleSignOn.saved')),
  });
  return (
    <form onSubmit={save.onSubmit} noValidate>
      <Stack gap="sm">
        {save.alerts}
        <SimpleGrid cols={{ base: 1, sm: 2 }} spacing="sm">
          <TextInput
            label={t('singleSignOn.displayName')}
            description={t('singleSignOn.displayNameHint')}
            required
            {...form.getInputProps('displayName')}
          />
          <TextInput
            label={t('singleSignOn.issuer')}
            description={t('singleSignOn.issuerHint')}
            required
            {...form.getInputProps('issuer')}
          />
          <TextInput label={t('singleSignOn.clientId')} required {...form.getInputProps('clientId')} />
          <PasswordInput
            label={t('singleSignOn.clientSecret')}
            description={settings.clientSecretStored ? t('singleSignOn.clientSecretStored') : t('singleSignOn.clientSecretHint')}
            autoComplete="new-password"
            required={!settings.clientSecretStored}
            visibilityToggleButtonProps={{ 'aria-label': t('singleSignOn.showSecret') }}
            {...form.getInputProps('clientSecret')}
          />
          <Select
            label={t('singleSignOn.matchBy')}
            data={[
              { value: 'email', label: t('singleSignOn.matchByEmail') },
              { value: 'employee_number', label: t('singleSignOn.matchByEmployeeNumber') },
            ]}
            allowDeselect={false}
            {...form.getInputProps('matchBy')}
          />
          <TextInput
            label={t('singleSignOn.matchClaim')}
            description={t('singleSignOn.matchClaimHint')}
            required
            {...form.getInputProps('matchClaim')}
          />
          <TextInput
            label={t('singleSignOn.groupsClaim')}
            description={t('singleSignOn.groupsClaimHint')}
            {...form.getInputProps('groupsClaim')}
          />
          <Textarea
            label={t('singleSignOn.groupRoles')}
            description={t('singleSignOn.groupRolesHint')}
            autosize
            minRows={2}
            {...form.getInputProps('groupRoles')}
          />
        </SimpleGrid>
        <Checkbox
          label={t('singleSignOn.passwordLogin')}
          description={t('singleSignOn.passwordLoginHint')}
          {...form.getInputProps('passwordLogin', { type: 'checkbox' })}
        />
        <Group>
          <Button type="submit" loading={save.saving} disabled={save.stale}>
            {t('common.save')}
          </Button>
        </Group>
      </Stack>
    </form>
  );
}

function DiscoveryStatus({ status }: { status: SingleSignOnStatus }) {
  const { t } = useTranslation();
  if (!status.configured) return null;
  return (
    <Stack gap={4} data-testid="sso-status">
      <Group gap="xs">
        <Text size="sm" fw={600}>
          {t('singleSignOn.status')}
        </Text>
        <Badge color={status.reachable ? '#1f6f36' : 'red.9'} variant="outline" tt="none">
          {status.reachable ? t('singleSignOn.reachable') : t('singleSignOn.unreachable')}
        </Badge>
        <Text size="xs" c="gray.7">
          {t('singleSignOn.checkedAt', { at: formatDateTime(status.checkedAt) })}
        </Text>
      </Group>
      {status.issuer && (
        <Text size="sm">
          {t('singleSignOn.discoveredIssuer')}: <Code>{status.issuer}</Code>
          {status.endSessionSupported ? ` · ${t('singleSignOn.endSessionSupported')}` : ''}
        </Text>
      )}
      {status.error && (
        <Text size="sm" c="red.9" className="wrap-anywhere">
          {t('singleSignOn.lastError')}: {status.error}
        </Text>
      )}
    </Stack>
  );
}

/**
 * Removing the provider. While password login is off it would be the only way in (the
 * administrator's too): the button then says to turn password login on first, and the server
 * refuses the same (single_sign_on_only_way_in).
 */
function RemoveProvider({ settings }: { settings: SingleSignOnSettings }) {
  const { t } = useTranslation();
  const [confirming, setConfirming] = useState(false);
  const remove = useRemoveSingleSignOn({
    onSuccess: () => {
      setConfirming(false);
      notifySuccess(t('singleSignOn.removed'));
    },
    onError: (error) => {
      setConfirming(false);
      notifyError(error);
    },
  });
  return (
    <Stack gap={4} align="flex-start">
      <Button variant="default" color="red.8" disabled={!settings.passwordLogin} onClick={() => setConfirming(true)}>
        {t('singleSignOn.remove')}
      </Button>
      {!settings.passwordLogin && (
        <Text size="sm" c="gray.7" data-testid="sso-remove-blocked">
          {t('singleSignOn.removeBlocked')}
        </Text>
      )}
      <ConfirmDialog
        opened={confirming}
        title={t('singleSignOn.removeTitle')}
        text={t('singleSignOn.removeText', { name: settings.displayName })}
        confirmLabel={t('singleSignOn.remove')}
        loading={remove.isPending}
        onConfirm={() => remove.mutate(settings.version)}
        onClose={() => setConfirming(false)}
      />
    </Stack>
  );
}

/**
 * The administrator's OpenID Connect provider (issue #18, ADR 0036): issuer, client, how people are
 * matched, roles from groups, whether passwords still work; the provider's discovery status. The
 * client secret is only ever sent, never shown: the server answers whether one is stored.
 */
export function SingleSignOnCard() {
  const { t } = useTranslation();
  const canManage = useCan('singleSignOn.manage');
  const settings = useQuery(singleSignOnSettingsQuery(canManage));
  const status = useQuery(singleSignOnStatusQuery(canManage && Boolean(settings.data?.configured)));
  if (!canManage) return null;
  const data = settings.data;
  return (
    <Card withBorder padding="lg" radius="md" component="section" aria-labelledby="sso-heading" style={{ gridColumn: '1 / -1' }}>
      <Title order={2} size="h4" id="sso-heading" mb="xs">
        {t('singleSignOn.title')}
      </Title>
      <Text size="sm" c="gray.7" mb="md">
        {t('singleSignOn.intro')}
      </Text>
      {settings.isLoading ? (
        <LoadingState />
      ) : settings.error ? (
        <ErrorState error={settings.error} onRetry={() => void settings.refetch()} />
      ) : data ? (
        <Stack gap="md">
          {data.redirectUri ? (
            <Text size="sm">
              {t('singleSignOn.redirectUri')}: <Code data-testid="sso-redirect-uri">{data.redirectUri}</Code>
            </Text>
          ) : (
            <Alert color="blue" role="note">
              {t('singleSignOn.noPublicUrl')}
            </Alert>
          )}
          {status.data && <DiscoveryStatus status={status.data} />}
          {data.source === 'environment' ? (
            <Alert color="blue" role="note">
              {t('singleSignOn.fromEnvironment', { name: data.displayName, issuer: data.issuer })}
            </Alert>
          ) : (
            <>
              <ProviderForm key={data.version} settings={data} />
              {data.configured && data.can.update && <RemoveProvider settings={data} />}
            </>
          )}
        </Stack>
      ) : null}
    </Card>
  );
}
