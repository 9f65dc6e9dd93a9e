import { Alert, Anchor, Button, PasswordInput, Stack, Text, Title } from '@mantine/core';
import { type UseFormReturnType, useForm } from '@mantine/form';
import { useMutation, useQuery } from '@tanstack/react-query';
import { Link } from '@tanstack/react-router';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { isApiError } from '../../api/client.ts';
import { errorMessage } from '../../components/error-messages.ts';
import { LoadingState } from '../../components/LoadingState.tsx';
import { formatDateTime } from '../../i18n/format.ts';
import { NewPasswordFields, newPasswordRules } from './NewPasswordFields.tsx';
import { StandalonePage } from './StandalonePage.tsx';
import { acceptInvitation, invitationQuery } from './auth.queries.ts';

/** The secret of an invitation link, /invitation#<token> (a fragment never reaches a server log). */
function tokenFromFragment(): string {
  return window.location.hash.replace(/^#/, '').replace(/^token=/, '');
}

/** Accepting an invitation to log in: a new login's password, or the current one of a login this address already has. */
export function InvitationPage() {
  const { t } = useTranslation();
  const [token] = useState(tokenFromFragment);
  const [existingLogin, setExistingLogin] = useState(false);
  const details = useQuery(invitationQuery(token));
  const form = useForm({
    mode: 'controlled',
    initialValues: { newPassword: '', repeatPassword: '' },
    validate: existingLogin ? { newPassword: (value: string) => (value.length > 0 ? null : t('common.required')) } : newPasswordRules(t),
  });
  const accept = useMutation({
    mutationFn: (password: string) => acceptInvitation(token, password),
    onError: (error) => {
      if (isApiError(error, 'invalid_credentials')) setExistingLogin(true);
    },
  });

  let body: React.ReactNode;
  if (token.length < 20 || (details.error && isApiError(details.error, 'not_found')))
    body = (
      <Alert color="red" role="alert">
        {t('invitation.invalidLink')}
      </Alert>
    );
  else if (details.isLoading) body = <LoadingState />;
  else if (details.error)
    body = (
      <Alert color="red" role="alert">
        {errorMessage(details.error)}
      </Alert>
    );
  else if (accept.isSuccess)
    body = (
      <>
        <Alert color="green" role="status">
          {t('invitation.done', { municipality: details.data?.municipalityName })}
        </Alert>
        <Anchor component={Link} to="/login">
          {t('resetPassword.toLogin')}
        </Anchor>
      </>
    );
  else if (details.data)
    body = (
      <form onSubmit={form.onSubmit((values) => accept.mutate(values.newPassword))} noValidate>
        <Stack gap="md">
          <Text size="sm">{t('invitation.intro', { municipality: details.data.municipalityName, email: details.data.email })}</Text>
          <Text size="sm" c="gray.7">
            {t('invitation.expires', { when: formatDateTime(details.data.expiresAt) })}
          </Text>
          {accept.error && (
            <Alert color={existingLogin ? 'blue' : 'red'} role="alert">
              {isApiError(accept.error, 'invalid_credentials') ? t('invitation.existingLogin') : errorMessage(accept.error)}
            </Alert>
          )}
          {existingLogin ? <PasswordExisting form={form} /> : <NewPasswordFields form={form} />}
          <Button type="submit" loading={accept.isPending} fullWidth>
            {t('invitation.accept')}
          </Button>
        </Stack>
      </form>
    );

  return (
    <StandalonePage>
      <Stack gap="md">
        <Title order={1} size="h2">
          {t('invitation.title')}
        </Title>
        {body}
      </Stack>
    </StandalonePage>
  );
}

/** The password of the login this address already has: its owner accepts, nobody else can. */
function PasswordExisting({ form }: { form: UseFormReturnType<{ newPassword: string; repeatPassword: string }> }) {
  const { t } = useTranslation();
  return (
    <PasswordInput
      label={t('invitation.currentPassword')}
      autoComplete="current-password"
      required
      visibilityToggleButtonProps={{ 'aria-label': t('login.showPassword') }}
      {...form.getInputProps('newPassword')}
    />
  );
}
