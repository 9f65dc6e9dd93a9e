import { Button, Stack, Text, Title } from '@mantine/core';
import { Link } from '@tanstack/react-router';
import { useTranslation } from 'react-i18next';

/**
 * One page for "does not exist" and "not yours to see": telling them apart would reveal what
 * exists, which is why the API answers 404 in both cases too.
 */
export function NotFoundPage() {
  const { t } = useTranslation();
  return (
    <Stack gap="md" align="flex-start" py="xl" px="md">
      <Title order={1} size="h2">
        {t('errors.notFoundTitle')}
      </Title>
      <Text>{t('errors.notFoundText')}</Text>
      <Button component={Link} to="/">
        {t('errors.backToOverview')}
      </Button>
    </Stack>
  );
}

/** The same page outside the shell (no one logged in), which then needs its own main landmark. */
export function StandaloneNotFoundPage() {
  return (
    <main>
      <NotFoundPage />
    </main>
  );
}
