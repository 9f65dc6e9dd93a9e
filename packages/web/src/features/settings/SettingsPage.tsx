import type { Municipality } from '@forvalta/contracts';
import { Badge, Button, Card, Group, List, SimpleGrid, Stack, Text, TextInput, Title } from '@mantine/core';
import { useForm } from '@mantine/form';
import { useQuery, useQueryClient } from '@tanstack/react-query';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { isApiError } from '../../api/client.ts';
import { useCan, useCurrentUser } from '../../app/session.ts';
import { ErrorState } from '../../components/ErrorState.tsx';
import { fieldErrorsOf, notifyError, notifySuccess } from '../../components/error-messages.ts';
import { LoadingState } from '../../components/LoadingState.tsx';
import { PageHeader } from '../../components/PageHeader.tsx';
import { StaleRecordAlert } from '../../components/StaleRecordAlert.tsx';
import { SecondFactorRequirementCard } from '../account/SecondFactorRequirementCard.tsx';
import { PublicRegisterSettingsCard } from '../public/PublicRegisterSettingsCard.tsx';
import { MailStatusCard } from './MailStatusCard.tsx';
import { ScheduledJobsCard } from './ScheduledJobsCard.tsx';
import { ProvisioningCard } from './ProvisioningCard.tsx';
import { SingleSignOnCard } from './SingleSignOnCard.tsx';
import { municipalityKeys, myMunicipalitiesQuery, useRenameMunicipality } from './settings.queries.ts';

function RenameMunicipality({ municipality }: { municipality: Municipality }) {
  const { t } = useTranslation();
  const queryClient = useQueryClient();
  const [stale, setStale] = useState(false);
  const form = useForm({
    mode: 'controlled',
    initialValues: { name: municipality.name },
    validate: { name: (value) => (value.trim() === '' ? t('common.required') : value.trim().length > 120 ? t('common.tooLong') : null) },
  });

  const rename = useRenameMunicipality(municipality, {
    onSuccess: (saved) => notifySuccess(t('settings.renamed', { name: saved.name })),
    onError: (error) => {
      if (isApiError(error, 'version_mismatch')) return setStale(true);
      form.setErrors(fieldErrorsOf(error));
      notifyError(error);
    },
  });

  return (
    <form onSubmit={form.onSubmit((values) => rename.mutate(values.name.trim()))} noValidate>
      <Stack gap="sm">
        {stale && (
          <StaleRecordAlert
            onReload={() => {
              setStale(false);
              void queryClient.invalidateQueries({ queryKey: municipalityKeys.all });
            }}
          />
        )}
        <TextInput label={t('settings.name')} required {...form.getInputProps('name')} />
        <Group>
          <Button type="submit" loading={rename.isPending} disabled={stale}>
            {t('settings.rename')}
          </Button>
        </Group>
      </Stack>
    </form>
  );
}

export function SettingsPage() {
  const { t } = useTranslation();
  const me = useCurrentUser();
  const canUpdate = useCan('municipality.update');
  const municipalities = useQuery(myMunicipalitiesQuery);
  const current = municipalities.data?.items.find((municipality) => municipality.id === me.municipality.municipalityId);

  return (
    <>
      <PageHeader title={t('settings.title')} intro={t('settings.intro')} />
      <SimpleGrid cols={{ base: 1, md: 2 }} spacing="lg">
        <Card withBorder padding="lg" radius="md" component="section" aria-labelledby="municipality-heading">
          <Title order={2} size="h4" id="municipality-heading" mb="sm">
            {t('settings.municipality')}
          </Title>
          {municipalities.isLoading ? (
            <LoadingState />
          ) : municipalities.error ? (
            <ErrorState error={municipalities.error} onRetry={() => void municipalities.refetch()} />
          ) : current ? (
            <Stack gap="md">
              <Group gap="xl">
                <div>
                  <Text size="sm" c="gray.7">
                    {t('settings.code')}
                  </Text>
                  <Text fw={600}>{current.code}</Text>
                </div>
                <div>
                  <Text size="sm" c="gray.7">
                    {t('settings.name')}
                  </Text>
                  <Text fw={600}>{current.name}</Text>
                </div>
              </Group>
              {canUpdate ? (
                // A new version (after a save or a reload) starts the form again from the stored name.
                <RenameMunicipality key={current.version} municipality={current} />
              ) : (
                <Text size="sm" c="gray.7">
                  {t('settings.noPermission')}
                </Text>
              )}
            </Stack>
          ) : null}
        </Card>

        <Card withBorder padding="lg" radius="md" component="section" aria-labelledby="memberships-heading">
          <Title order={2} size="h4" id="memberships-heading" mb="sm">
            {t('settings.yourMunicipalities')}
          </Title>
          <List spacing="xs">
            {me.memberships.map((membership) => (
              <List.Item key={membership.municipalityId}>
                {membership.municipalityName} ({membership.municipalityCode}){' '}
                {membership.municipalityId === me.municipality.municipalityId && (
                  <Badge size="sm" variant="outline" color="blue.9" tt="none">
                    {t('settings.current')}
                  </Badge>
                )}
              </List.Item>
            ))}
          </List>
        </Card>

        <SecondFactorRequirementCard />

        <PublicRegisterSettingsCard />

        <ScheduledJobsCard />

        <MailStatusCard />

        <SingleSignOnCard />

        <ProvisioningCard />

        {canUpdate && (
          // Creating a municipality is the installation operator's act on the command line (ADR 0009).
          <Card withBorder padding="lg" radius="md" component="section" aria-labelledby="new-municipality-heading">
            <Title order={2} size="h4" id="new-municipality-heading" mb="xs">
              {t('settings.newMunicipality')}
            </Title>
            <Text size="sm" c="gray.7">
              {t('settings.newMunicipalityText')}
            </Text>
          </Card>
        )}
      </SimpleGrid>
    </>
  );
}
