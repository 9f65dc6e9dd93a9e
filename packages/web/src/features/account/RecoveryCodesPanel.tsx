import { Alert, Button, Code, CopyButton, Group, List, Stack, Text } from '@mantine/core';
import { useTranslation } from 'react-i18next';

/** The ten recovery codes, shown once, with a plain instruction to keep them somewhere safe. */
export function RecoveryCodesPanel({ codes, onDone }: { codes: string[]; onDone: () => void }) {
  const { t } = useTranslation();
  return (
    <Stack gap="sm">
      <Alert
        color="orange"
        variant="light"
        role="status"
        title={t('account.recoveryCodesTitle')}
        // Mantine's orange title on its light orange is 3.6:1; a darker brown reaches WCAG AA's 4.5:1.
        styles={{ title: { color: '#7a2e0b' } }}
      >
        <Text size="sm">{t('account.recoveryCodesSave')}</Text>
      </Alert>
      <List aria-label={t('account.recoveryCodesTitle')} listStyleType="none" spacing={4} data-testid="recovery-codes">
        {codes.map((code) => (
          <List.Item key={code}>
            <Code fz="md">{code}</Code>
          </List.Item>
        ))}
      </List>
      <Group>
        <CopyButton value={codes.join('\n')}>
          {({ copied, copy }) => (
            <Button variant="default" onClick={copy}>
              {copied ? t('account.copied') : t('account.copyCodes')}
            </Button>
          )}
        </CopyButton>
        <Button onClick={onDone}>{t('account.savedCodes')}</Button>
      </Group>
    </Stack>
  );
}
