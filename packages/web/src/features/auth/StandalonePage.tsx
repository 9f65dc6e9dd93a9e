import { Center, Group, Paper, SegmentedControl, Stack, Text } from '@mantine/core';
import type { ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import { i18next } from '../../i18n/index.ts';

/** The frame of the pages a person reaches before logging in: name, language, one card. */
export function StandalonePage({ children }: { children: ReactNode }) {
  const { t, i18n } = useTranslation();
  return (
    <Center component="main" mih="100vh" p="md" bg="gray.0">
      <Stack w="100%" maw={460} gap="md">
        <Group justify="space-between" align="center">
          <Text fw={700} size="xl" c="blue.9">
            {t('app.name')}
          </Text>
          <SegmentedControl
            size="xs"
            aria-label={t('header.language')}
            value={i18n.language === 'en' ? 'en' : 'sv'}
            onChange={(value) => void i18next.changeLanguage(value === 'en' ? 'en' : 'sv')}
            data={[
              { value: 'sv', label: <span lang="sv">Svenska</span> },
              { value: 'en', label: <span lang="en">English</span> },
            ]}
          />
        </Group>
        <Paper withBorder shadow="sm" p="xl" radius="md">
          {children}
        </Paper>
      </Stack>
    </Center>
  );
}
