import { Alert, Anchor, Button, Stack, Text, Title } from '@mantine/core';
import { useForm } from '@mantine/form';
import { useMutation } from '@tanstack/react-query';
import { Link } from '@tanstack/react-router';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { isApiError } from '../../api/client.ts';
import { errorMessage } from '../../components/error-messages.ts';
import { NewPasswordFields, newPasswordRules } from './NewPasswordFields.tsx';
import { StandalonePage } from './StandalonePage.tsx';
import { resetPassword } from './auth.queries.ts';

/** The token of a reset link, /reset-password#token=…: in the fragment, so it never reaches a server log. */
function tokenFromFragment(): string {
  return new URLSearchParams(window.location.hash.replace(/^#/, '')).get('token') ?? '';
}

/** Setting a new password with the one-time link an administrator issued. */
export function ResetPasswordPage() {
  const { t } = useTranslation();
  const [token] = useState(tokenFromFragment);
  const form = useForm({ mode: 'controlled', initialValues: { newPassword: '', repeatPassword: '' }, validate: newPasswordRules(t) });
  const reset = useMutation({ mutationFn: (newPassword: string) => resetPassword(token, newPassword) });

  const linkBroken = token.length < 20 || (isApiError(reset.error, 'validation_failed') && Boolean(reset.error.fieldErrors().token));

  return (
    <StandalonePage>
      <Stack gap="md">
        <Title order={1} size="h2">
          {t('resetPassword.title')}
        </Title>
        {reset.isSuccess ? (
          <>
            <Alert color="green" role="status">
              {t('resetPassword.done')}
            </Alert>
            <Anchor component={Link} to="/login">
              {t('resetPassword.toLogin')}
            </Anchor>
          </>
        ) : linkBroken ? (
          <Alert color="red" role="alert">
            {t('resetPassword.invalidLink')}
          </Alert>
        ) : (
          <form onSubmit={form.onSubmit((values) => reset.mutate(values.newPassword))} noValidate>
            <Stack gap="md">
              <Text size="sm" c="gray.7">
                {t('resetPassword.intro')}
              </Text>
              {reset.error && (
                <Alert color="red" role="alert">
                  {errorMessage(reset.error)}
                </Alert>
              )}
              <NewPasswordFields form={form} />
              <Button type="submit" loading={reset.isPending} fullWidth>
                {t('resetPassword.submit')}
              </Button>
            </Stack>
          </form>
        )}
      </Stack>
    </StandalonePage>
  );
}
