import type { LoginOptions } from '@forvalta/contracts';
import { Alert, Button, Divider, Text } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { singleSignOnUrl } from './auth.queries.ts';

/** Why single sign-on refused, as the server names it (modules/single-sign-on, ADR 0036). */
const refusals = new Set([
  'not_configured',
  'provider_unreachable',
  'expired',
  'failed',
  'unknown_person',
  'person_left',
  'no_login',
  'no_role',
]);

/**
 * The login page's single sign-on part: a refusal the provider's round trip ended in, explained in
 * the reader's language; the "Logga in med <name>" button when the municipality has a provider; and,
 * where passwords are turned off, a note that the form is not there on purpose.
 */
export function SingleSignOnChoice({
  options,
  refusal,
  returnTo,
}: {
  options: LoginOptions | undefined;
  refusal: string | undefined;
  returnTo: string | undefined;
}) {
  const { t } = useTranslation();
  const known = refusal && refusals.has(refusal) ? refusal : refusal ? 'failed' : undefined;
  return (
    <>
      {known && (
        <Alert color="red" role="alert" title={t('login.ssoRefusedTitle')} data-testid="sso-refusal">
          {t(`login.ssoRefused.${known}`)}
        </Alert>
      )}
      {options?.singleSignOn && options.municipalityCode && (
        <>
          <Button component="a" href={singleSignOnUrl(options.municipalityCode, returnTo)} fullWidth variant="filled">
            {t('login.singleSignOn', { name: options.singleSignOn.displayName })}
          </Button>
          {options.passwordLogin && <Divider label={t('login.or')} labelPosition="center" />}
        </>
      )}
      {options && !options.passwordLogin && (
        <Text c="gray.7" size="sm">
          {t('login.passwordOff')}
        </Text>
      )}
    </>
  );
}
