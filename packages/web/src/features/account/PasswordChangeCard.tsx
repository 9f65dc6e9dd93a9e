import { Button, Card, Group, PasswordInput, Stack, Text, Title } from '@mantine/core';
import { useForm } from '@mantine/form';
import { useMutation } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import { fieldErrorsOf, notifyError, notifySuccess } from '../../components/error-messages.ts';
import { NewPasswordFields, newPasswordRules } from '../auth/NewPasswordFields.tsx';
import { changePassword } from './account.queries.ts';

/** Changing my password with the current one; the server ends my other sessions. */
export function PasswordChangeCard() {
  const { t } = useTranslation();
  const form = useForm({
    mode: 'controlled',
    initialValues: { currentPassword: '', newPassword: '', repeatPassword: '' },
    validate: {
      currentPassword: (value) => (value.length > 0 ? null : t('common.required')),
      ...newPasswordRules(t),
    },
  });
  const change = useMutation({
    mutationFn: (values: typeof form.values) => changePassword(values.currentPassword, values.newPassword),
    onSuccess: () => {
      form.reset();
      notifySuccess(t('account.passwordChanged'));
    },
    onError: (error) => {
      form.setErrors(fieldErrorsOf(error, { currentPassword: t('account.currentPasswordWrong') }));
      notifyError(error);
    },
  });

  return (
    <Card withBorder padding="lg" radius="md" component="section" aria-labelledby="password-heading">
      <Title order={2} size="h4" id="password-heading" mb="xs">
        {t('account.passwordTitle')}
      </Title>
      <Text size="sm" c="gray.7" mb="md">
        {t('account.passwordIntro')}
      </Text>
      <form onSubmit={form.onSubmit((values) => change.mutate(values))} noValidate>
        <Stack gap="sm">
          <PasswordInput
            label={t('account.currentPassword')}
            autoComplete="current-password"
            required
            visibilityToggleButtonProps={{ 'aria-label': t('login.showPassword') }}
            {...form.getInputProps('currentPassword')}
          />
          <NewPasswordFields form={form} />
          <Group>
            <Button type="submit" loading={change.isPending}>
              {t('account.changePassword')}
            </Button>
          </Group>
        </Stack>
      </form>
    </Card>
  );
}
