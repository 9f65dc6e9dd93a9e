import type { Locale } from '@forvalta/contracts';
import { Center, Group, Paper, Stack, Text } from '@mantine/core';
import type { ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import { LanguageSwitch } from '../../components/LanguageSwitch.tsx';

/**
 * The frame of the pages a person reaches before logging in: name, language, one card. The login
 * page remembers the language picked (`onLanguage`) to save it with the login.
 */
export function StandalonePage({
  children,
  width = 460,
  onLanguage,
}: {
  children: ReactNode;
  width?: number;
  onLanguage?: (locale: Locale) => void;
}) {
  const { t } = useTranslation();
  return (
    <Center component="main" mih="100vh" p="md" bg="gray.0">
      <Stack w="100%" maw={width} gap="md">
        <Group justify="space-between" align="center">
          <Text fw={700} size="xl" c="blue.9">
            {t('app.name')}
          </Text>
          <LanguageSwitch onChange={onLanguage} />
        </Group>
        <Paper withBorder shadow="sm" p="xl" radius="md">
          {children}
        </Paper>
      </Stack>
    </Center>
  );
}
