import { Alert, Anchor, Button, Stack, Text, TextInput, Title } from '@mantine/core';
import { useForm } from '@mantine/form';
import { useMutation } from '@tanstack/react-query';
import { Link } from '@tanstack/react-router';
import { useTranslation } from 'react-i18next';
import { errorMessage } from '../../components/error-messages.ts';
import { StandalonePage } from './StandalonePage.tsx';
import { requestPasswordReset } from './auth.queries.ts';

/**
 * Forgot password (issue #18): the server e-mails a one-time link if the address has a login, and
 * answers the same either way, so this page says the same whatever the address.
 */
export function ForgotPasswordPage() {
  const { t } = useTranslation();
  const form = useForm({
    mode: 'controlled',
    initialValues: { email: '' },
    validate: { email: (value) => (/^\S+@\S+\.\S+$/.test(value.trim()) ? null : t('common.invalidEmail')) },
  });
  const request = useMutation({ mutationFn: (email: string) => requestPasswordReset(email.trim()) });
  return (
    <StandalonePage width={420}>
      <Stack gap="md">
        <Title order={1} size="h2">
          {t('forgotPassword.title')}
        </Title>
        {request.isSuccess ? (
          <Alert color="green" role="status" data-testid="forgot-password-sent">
            {t('forgotPassword.sent')}
          </Alert>
        ) : (
          <form onSubmit={form.onSubmit((values) => request.mutate(values.email))} noValidate>
            <Stack gap="md">
              <Text size="sm" c="gray.7">
                {t('forgotPassword.intro')}
              </Text>
              {request.error && (
                <Alert color="red" role="alert">
                  {errorMessage(request.error)}
                </Alert>
              )}
              <TextInput label={t('login.email')} type="email" autoComplete="username" required {...form.getInputProps('email')} />
              <Button type="submit" loading={request.isPending} fullWidth>
                {t('forgotPassword.submit')}
              </Button>
            </Stack>
          </form>
        )}
        <Anchor component={Link} to="/login" size="sm">
          {t('forgotPassword.toLogin')}
        </Anchor>
      </Stack>
    </StandalonePage>
  );
}
