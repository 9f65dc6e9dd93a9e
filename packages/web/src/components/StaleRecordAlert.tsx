import { Alert, Button, Stack, Text } from '@mantine/core';
import { useTranslation } from 'react-i18next';

/** A 412: someone saved the record after it was opened here. Reloading shows their change. */
export function StaleRecordAlert({ onReload }: { onReload: () => void }) {
  const { t } = useTranslation();
  return (
    <Alert color="orange" variant="light" role="alert">
      <Stack gap="xs" align="flex-start">
        <Text size="sm">{t('errors.versionMismatch')}</Text>
        <Button size="xs" variant="outline" color="orange.9" onClick={onReload}>
          {t('common.reload')}
        </Button>
      </Stack>
    </Alert>
  );
}
