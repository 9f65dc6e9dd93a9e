import type { Me } from '@forvalta/contracts';
import { Alert, Anchor, Button, Stack, Text, TextInput, Title } from '@mantine/core';
import { useMutation } from '@tanstack/react-query';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { isApiError } from '../../api/client.ts';
import { completeSecondFactor } from '../../app/session.ts';
import { errorMessage } from '../../components/error-messages.ts';
import { OneTimeCodeInput } from './OneTimeCodeInput.tsx';

interface SecondFactorStepProps {
  challenge: string;
  onLoggedIn: (me: Me) => void;
  /** The challenge has expired or was spent: back to e-mail and password. */
  onRestart: () => void;
}

/** The login's second step: the six digits from the authenticator app, or one of the recovery codes. */
export function SecondFactorStep({ challenge, onLoggedIn, onRestart }: SecondFactorStepProps) {
  const { t } = useTranslation();
  const [useRecoveryCode, setUseRecoveryCode] = useState(false);
  const [value, setValue] = useState('');
  const [fieldError, setFieldError] = useState<string | null>(null);

  const verify = useMutation({
    mutationFn: (entered: string) => completeSecondFactor(challenge, useRecoveryCode ? { recoveryCode: entered } : { code: entered }),
    onSuccess: onLoggedIn,
    onError: (error) => {
      setValue('');
      if (isApiError(error, 'invalid_credentials') && error.fieldErrors().challenge) onRestart();
    },
  });

  const submit = () => {
    const entered = value.replace(/\s+/g, '');
    const valid = useRecoveryCode ? /^[A-Za-z2-7-]{12,14}$/.test(entered) : /^\d{6}$/.test(entered);
    if (!valid) return setFieldError(useRecoveryCode ? t('login.recoveryCodeFormat') : t('login.codeFormat'));
    setFieldError(null);
    verify.mutate(entered);
  };

  const failure = verify.error
    ? isApiError(verify.error, 'invalid_credentials')
      ? t('login.codeWrong')
      : isApiError(verify.error, 'rate_limited')
        ? t('login.rateLimited')
        : errorMessage(verify.error)
    : null;

  return (
    <form
      onSubmit={(event) => {
        event.preventDefault();
        submit();
      }}
      noValidate
    >
      <Stack gap="md">
        <Title order={1} size="h2">
          {t('login.secondFactorTitle')}
        </Title>
        <Text c="gray.7" size="sm">
          {useRecoveryCode ? t('login.recoveryCodeIntro') : t('login.secondFactorIntro')}
        </Text>
        {failure && (
          <Alert color="red" role="alert" data-testid="second-factor-error">
            {failure}
          </Alert>
        )}
        {useRecoveryCode ? (
          <TextInput
            key="recovery"
            label={t('login.recoveryCode')}
            autoComplete="off"
            autoCapitalize="characters"
            spellCheck={false}
            required
            data-autofocus
            value={value}
            error={fieldError}
            onChange={(event) => setValue(event.currentTarget.value)}
          />
        ) : (
          <OneTimeCodeInput
            key="code"
            label={t('login.code')}
            description={t('login.codeDescription')}
            autoFocus
            value={value}
            error={fieldError}
            onChange={setValue}
          />
        )}
        <Button type="submit" loading={verify.isPending} fullWidth>
          {t('login.verify')}
        </Button>
        <Anchor
          component="button"
          type="button"
          size="sm"
          onClick={() => {
            setUseRecoveryCode((current) => !current);
            setValue('');
            setFieldError(null);
            verify.reset();
          }}
        >
          {useRecoveryCode ? t('login.useCode') : t('login.useRecoveryCode')}
        </Anchor>
      </Stack>
    </form>
  );
}
