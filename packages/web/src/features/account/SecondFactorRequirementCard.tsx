import { roles, type Role, type SecondFactorRequirement } from '@forvalta/contracts';
import { Button, Card, Checkbox, Group, SimpleGrid, Stack, Text, Title } from '@mantine/core';
import { useForm } from '@mantine/form';
import { useQuery, useQueryClient } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import { meQuery, useCan } from '../../app/session.ts';
import { ErrorState } from '../../components/ErrorState.tsx';
import { notifySuccess } from '../../components/error-messages.ts';
import { LoadingState } from '../../components/LoadingState.tsx';
import { useVersionedSave } from '../../components/VersionedForm.tsx';
import { accountKeys, saveSecondFactorRequirement, secondFactorRequirementQuery } from './account.queries.ts';

function RequirementForm({ requirement }: { requirement: SecondFactorRequirement }) {
  const { t } = useTranslation();
  const queryClient = useQueryClient();
  const valuesOf = (record: SecondFactorRequirement | null) => ({ roles: record?.roles ?? [] });
  const form = useForm<{ roles: Role[] }>({ mode: 'controlled', initialValues: valuesOf(requirement) });
  const save = useVersionedSave({
    form,
    record: requirement,
    valuesOf,
    labels: { roles: t('secondFactorRequirement.roles') },
    load: () => queryClient.fetchQuery({ ...secondFactorRequirementQuery, staleTime: 0 }),
    save: (values, version) => saveSecondFactorRequirement(values.roles, version),
    invalidates: [accountKeys.requirement, meQuery.queryKey],
    onSaved: () => notifySuccess(t('secondFactorRequirement.saved')),
  });
  return (
    <form onSubmit={save.onSubmit} noValidate>
      <Stack gap="sm">
        {save.alerts}
        <Checkbox.Group label={t('secondFactorRequirement.roles')} {...form.getInputProps('roles')}>
          <SimpleGrid cols={{ base: 1, sm: 2 }} spacing={6} mt="xs">
            {roles.map((role) => (
              <Checkbox key={role} value={role} label={t(`roles.${role}`)} />
            ))}
          </SimpleGrid>
        </Checkbox.Group>
        <Group>
          <Button type="submit" loading={save.saving} disabled={save.stale}>
            {t('common.save')}
          </Button>
        </Group>
      </Stack>
    </form>
  );
}

/** The administrator's choice of roles that must log in with two-step verification (NIS2). */
export function SecondFactorRequirementCard() {
  const { t } = useTranslation();
  const canManage = useCan('secondFactorRequirement.manage');
  const requirement = useQuery({ ...secondFactorRequirementQuery, enabled: canManage });
  if (!canManage) return null;
  return (
    <Card withBorder padding="lg" radius="md" component="section" aria-labelledby="second-factor-requirement-heading">
      <Title order={2} size="h4" id="second-factor-requirement-heading" mb="xs">
        {t('secondFactorRequirement.title')}
      </Title>
      <Text size="sm" c="gray.7" mb="md">
        {t('secondFactorRequirement.intro')}
      </Text>
      {requirement.isLoading ? (
        <LoadingState />
      ) : requirement.error ? (
        <ErrorState error={requirement.error} onRetry={() => void requirement.refetch()} />
      ) : requirement.data ? (
        <RequirementForm key={requirement.data.version} requirement={requirement.data} />
      ) : null}
    </Card>
  );
}
