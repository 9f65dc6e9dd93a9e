import type { Locale, Me } from '@forvalta/contracts';
import { Alert, Anchor, Button, PasswordInput, Radio, Stack, Text, TextInput, Title } from '@mantine/core';
import { useForm } from '@mantine/form';
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { Link, useNavigate, useSearch } from '@tanstack/react-router';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { isApiError } from '../../api/client.ts';
import { errorMessage } from '../../components/error-messages.ts';
import { i18next } from '../../i18n/index.ts';
import { applySession, logIn, sessionKeys, switchMunicipality, updateLocale } from '../../app/session.ts';
import { SecondFactorStep } from './SecondFactorStep.tsx';
import { SingleSignOnChoice } from './SingleSignOnChoice.tsx';
import { loginOptionsQuery } from './auth.queries.ts';
import { StandalonePage } from './StandalonePage.tsx';

function loginErrorMessage(error: unknown, t: (key: string) => string): string {
  if (isApiError(error, 'invalid_credentials') || (isApiError(error) && error.status === 401)) return t('login.failed');
  if (isApiError(error, 'account_locked') || (isApiError(error) && error.status === 423)) return t('login.locked');
  if (isApiError(error, 'rate_limited') || (isApiError(error) && error.status === 429)) return t('login.rateLimited');
  return errorMessage(error);
}

export function LoginPage() {
  const { t } = useTranslation();
  const queryClient = useQueryClient();
  const navigate = useNavigate();
  const search = useSearch({ from: '/login' });
  const { data: options } = useQuery(loginOptionsQuery(search.municipality));
  const passwordLogin = options?.passwordLogin ?? true;
  // A language picked here, before anyone is known, is saved to the login once it is.
  const [pickedLocale, setPickedLocale] = useState<Locale | null>(null);
  const [loggedIn, setLoggedIn] = useState<Me | null>(null);
  const [chosenMunicipality, setChosenMunicipality] = useState<string>('');
  // Set when the password was right and the login has a second factor: the code comes next.
  const [challenge, setChallenge] = useState<string | null>(null);
  const [challengeExpired, setChallengeExpired] = useState(false);

  const form = useForm({
    mode: 'controlled',
    initialValues: { email: '', password: '' },
    validate: {
      email: (value) => (/^\S+@\S+\.\S+$/.test(value.trim()) ? null : t('common.invalidEmail')),
      password: (value) => (value.length > 0 ? null : t('common.required')),
    },
  });

  const enterApplication = async (me: Me) => {
    let current = me;
    if (pickedLocale && pickedLocale !== me.locale) current = await updateLocale(pickedLocale);
    queryClient.setQueryData(sessionKeys.me, applySession(current));
    const target = search.redirect?.startsWith('/') && !search.redirect.startsWith('//') ? search.redirect : '/';
    await navigate({ href: target });
  };

  const login = useMutation({
    mutationFn: (values: { email: string; password: string }) => logIn(values.email.trim(), values.password),
    onSuccess: async (answer) => {
      setChallengeExpired(false);
      if ('secondFactorRequired' in answer) {
        setChallenge(answer.challenge);
        return;
      }
      await loggedInWith(answer);
    },
  });

  const loggedInWith = async (me: Me) => {
    setChallenge(null);
    applySession(me);
    if (pickedLocale) void i18next.changeLanguage(pickedLocale);
    if (me.memberships.length > 1) {
      setLoggedIn(me);
      setChosenMunicipality(me.municipality.municipalityId);
      return;
    }
    await enterApplication(me);
  };

  const chooseMunicipality = useMutation({
    mutationFn: async (municipalityId: string) =>
      loggedIn && municipalityId !== loggedIn.municipality.municipalityId ? switchMunicipality(municipalityId) : loggedIn!,
    onSuccess: enterApplication,
  });

  const pickLanguage = (locale: Locale) => {
    setPickedLocale(locale);
    void i18next.changeLanguage(locale);
  };

  return (
    <StandalonePage width={420} onLanguage={pickLanguage}>
      {challenge && !loggedIn ? (
        <SecondFactorStep
          challenge={challenge}
          onLoggedIn={(me) => void loggedInWith(me)}
          onRestart={() => {
            setChallenge(null);
            setChallengeExpired(true);
            form.setFieldValue('password', '');
          }}
        />
      ) : loggedIn ? (
        <form
          onSubmit={(event) => {
            event.preventDefault();
            chooseMunicipality.mutate(chosenMunicipality);
          }}
        >
          <Stack gap="md">
            <Title order={1} size="h2">
              {t('login.chooseMunicipality')}
            </Title>
            <Radio.Group label={t('login.chooseMunicipalityText')} value={chosenMunicipality} onChange={setChosenMunicipality}>
              <Stack gap="xs" mt="xs">
                {loggedIn.memberships.map((membership) => (
                  <Radio
                    key={membership.municipalityId}
                    value={membership.municipalityId}
                    label={`${membership.municipalityName} (${membership.municipalityCode})`}
                  />
                ))}
              </Stack>
            </Radio.Group>
            {chooseMunicipality.error && (
              <Alert color="red" role="alert">
                {errorMessage(chooseMunicipality.error)}
              </Alert>
            )}
            <Button type="submit" loading={chooseMunicipality.isPending}>
              {t('login.continue')}
            </Button>
          </Stack>
        </form>
      ) : (
        <form
          onSubmit={form.onSubmit((values) => {
            if (passwordLogin) login.mutate(values);
          })}
          noValidate
        >
          <Stack gap="md">
            <Title order={1} size="h2">
              {t('login.title')}
            </Title>
            <Text c="gray.7" size="sm">
              {t('login.intro')}
            </Text>
            {challengeExpired && (
              <Alert color="blue" role="status">
                {t('login.challengeExpired')}
              </Alert>
            )}
            {login.error && (
              <Alert color="red" role="alert" data-testid="login-error">
                {loginErrorMessage(login.error, t)}
              </Alert>
            )}
            <SingleSignOnChoice options={options} refusal={search.sso} returnTo={search.redirect} />
            {passwordLogin && (
              <>
                <TextInput label={t('login.email')} type="email" autoComplete="username" required {...form.getInputProps('email')} />
                <PasswordInput
                  label={t('login.password')}
                  autoComplete="current-password"
                  required
                  // Mantine's own label is English; the toggle is named in the interface language.
                  visibilityToggleButtonProps={{ 'aria-label': t('login.showPassword') }}
                  {...form.getInputProps('password')}
                />
                <Button type="submit" loading={login.isPending} fullWidth>
                  {t('login.submit')}
                </Button>
                <Anchor component={Link} to="/forgot-password" size="sm">
                  {t('login.forgotPassword')}
                </Anchor>
              </>
            )}
          </Stack>
        </form>
      )}
    </StandalonePage>
  );
}
