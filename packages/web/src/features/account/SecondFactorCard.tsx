import type { SecondFactorEnrolment } from '@forvalta/contracts';
import { Alert, Badge, Button, Card, Code, Group, Image, PasswordInput, Stack, Text, Title } from '@mantine/core';
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { meQuery } from '../../app/session.ts';
import { ErrorState } from '../../components/ErrorState.tsx';
import { fieldErrorsOf, notifyError, notifySuccess } from '../../components/error-messages.ts';
import { LoadingState } from '../../components/LoadingState.tsx';
import { formatDateTime } from '../../i18n/format.ts';
import {
  accountKeys,
  confirmSecondFactor,
  disableSecondFactor,
  renewRecoveryCodes,
  secondFactorStatusQuery,
  startSecondFactorEnrolment,
} from './account.queries.ts';
import { RecoveryCodesPanel } from './RecoveryCodesPanel.tsx';
import { OneTimeCodeInput } from '../auth/OneTimeCodeInput.tsx';

type Mode = 'idle' | 'renewing' | 'disabling';

/** The six digits as typed: spaces the app shows between the groups do not count. */
const digitsOf = (value: string) => value.replace(/\s+/g, '');

/** Setting up, renewing and turning off my authenticator app (two-step verification). */
export function SecondFactorCard() {
  const { t } = useTranslation();
  const queryClient = useQueryClient();
  const status = useQuery(secondFactorStatusQuery);
  const [enrolment, setEnrolment] = useState<SecondFactorEnrolment | null>(null);
  const [recoveryCodes, setRecoveryCodes] = useState<string[] | null>(null);
  const [mode, setMode] = useState<Mode>('idle');
  const [code, setCode] = useState('');
  const [password, setPassword] = useState('');
  const [errors, setErrors] = useState<Record<string, string>>({});

  const refresh = () => {
    void queryClient.invalidateQueries({ queryKey: accountKeys.secondFactor });
    // Whether the session may leave the account page depends on it.
    void queryClient.invalidateQueries({ queryKey: meQuery.queryKey });
  };
  const failed = (error: unknown) => {
    setErrors(fieldErrorsOf(error, { code: t('account.codeWrong'), currentPassword: t('account.currentPasswordWrong') }));
    setCode('');
    notifyError(error);
  };
  const resetForm = () => {
    setCode('');
    setPassword('');
    setErrors({});
  };

  const start = useMutation({ mutationFn: startSecondFactorEnrolment, onSuccess: setEnrolment, onError: notifyError });
  const confirm = useMutation({
    mutationFn: () => confirmSecondFactor(digitsOf(code)),
    onSuccess: (answer) => {
      setEnrolment(null);
      resetForm();
      setRecoveryCodes(answer.recoveryCodes);
      notifySuccess(t('account.secondFactorEnabled'));
      refresh();
    },
    onError: failed,
  });
  const renew = useMutation({
    mutationFn: () => renewRecoveryCodes(digitsOf(code)),
    onSuccess: (answer) => {
      resetForm();
      setMode('idle');
      setRecoveryCodes(answer.recoveryCodes);
      refresh();
    },
    onError: failed,
  });
  const disable = useMutation({
    mutationFn: () => disableSecondFactor(password, digitsOf(code)),
    onSuccess: () => {
      resetForm();
      setMode('idle');
      notifySuccess(t('account.secondFactorDisabled'));
      refresh();
    },
    onError: failed,
  });

  const codeInput = (
    <OneTimeCodeInput
      label={t('account.code')}
      description={t('account.codeDescription')}
      value={code}
      error={errors.code}
      onChange={setCode}
    />
  );
  const checked = (action: () => void) => (event: React.FormEvent) => {
    event.preventDefault();
    if (!/^\d{6}$/.test(digitsOf(code))) return setErrors({ code: t('login.codeFormat') });
    setErrors({});
    action();
  };

  let body: React.ReactNode;
  if (status.isLoading) body = <LoadingState />;
  else if (status.error) body = <ErrorState error={status.error} onRetry={() => void status.refetch()} />;
  else if (recoveryCodes) body = <RecoveryCodesPanel codes={recoveryCodes} onDone={() => setRecoveryCodes(null)} />;
  else if (enrolment)
    body = (
      <form onSubmit={checked(() => confirm.mutate())} noValidate>
        <Stack gap="sm">
          <Text size="sm">{t('account.enrolScan')}</Text>
          <Image src={enrolment.qrCodeDataUrl} alt={t('account.qrCodeAlt')} w={200} h={200} />
          <Text size="sm">{t('account.enrolManual')}</Text>
          <Code fz="md" data-testid="manual-key" style={{ wordBreak: 'break-all' }}>
            {enrolment.secret.replace(/(.{4})/g, '$1 ').trim()}
          </Code>
          {codeInput}
          <Group>
            <Button variant="default" onClick={() => setEnrolment(null)}>
              {t('common.cancel')}
            </Button>
            <Button type="submit" loading={confirm.isPending}>
              {t('account.enrolConfirm')}
            </Button>
          </Group>
        </Stack>
      </form>
    );
  else if (status.data?.enabled)
    body = (
      <Stack gap="sm">
        <Group gap="xs">
          <Badge color="#1f6f36" variant="outline" tt="none">
            {t('account.secondFactorOn')}
          </Badge>
          {status.data.enabledAt && (
            <Text size="sm" c="gray.7">
              {t('account.enabledAt', { when: formatDateTime(status.data.enabledAt) })}
            </Text>
          )}
        </Group>
        <Text size="sm">{t('account.recoveryCodesLeft', { count: status.data.recoveryCodesLeft })}</Text>
        {mode === 'idle' ? (
          <Group>
            <Button variant="default" onClick={() => setMode('renewing')}>
              {t('account.renewCodes')}
            </Button>
            <Button variant="outline" color="red.9" onClick={() => setMode('disabling')}>
              {t('account.disable')}
            </Button>
          </Group>
        ) : (
          <form onSubmit={checked(() => (mode === 'renewing' ? renew.mutate() : disable.mutate()))} noValidate>
            <Stack gap="sm">
              <Text size="sm">{mode === 'renewing' ? t('account.renewIntro') : t('account.disableIntro')}</Text>
              {mode === 'disabling' && (
                <PasswordInput
                  label={t('account.currentPassword')}
                  autoComplete="current-password"
                  required
                  value={password}
                  error={errors.currentPassword}
                  visibilityToggleButtonProps={{ 'aria-label': t('login.showPassword') }}
                  onChange={(event) => setPassword(event.currentTarget.value)}
                />
              )}
              {codeInput}
              <Group>
                <Button
                  variant="default"
                  onClick={() => {
                    resetForm();
                    setMode('idle');
                  }}
                >
                  {t('common.cancel')}
                </Button>
                <Button type="submit" color={mode === 'disabling' ? 'red.9' : undefined} loading={renew.isPending || disable.isPending}>
                  {mode === 'renewing' ? t('account.renewCodes') : t('account.disable')}
                </Button>
              </Group>
            </Stack>
          </form>
        )}
      </Stack>
    );
  else
    body = (
      <Stack gap="sm">
        <Text size="sm">{t('account.secondFactorOff')}</Text>
        <Group>
          <Button onClick={() => start.mutate()} loading={start.isPending}>
            {t('account.enrol')}
          </Button>
        </Group>
      </Stack>
    );

  return (
    <Card withBorder padding="lg" radius="md" component="section" aria-labelledby="second-factor-heading">
      <Title order={2} size="h4" id="second-factor-heading" mb="xs">
        {t('account.secondFactorTitle')}
      </Title>
      <Text size="sm" c="gray.7" mb="md">
        {t('account.secondFactorIntro')}
      </Text>
      {status.data?.required && !status.data.enabled && (
        <Alert color="orange" variant="light" role="status" mb="md" data-testid="second-factor-required">
          {t('account.secondFactorRequired')}
        </Alert>
      )}
      {body}
    </Card>
  );
}
