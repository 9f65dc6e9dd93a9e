import { MantineProvider } from '@mantine/core';
import { Notifications } from '@mantine/notifications';
import { QueryClientProvider } from '@tanstack/react-query';
import { RouterProvider } from '@tanstack/react-router';
import { useMemo } from 'react';
import { useTranslation } from 'react-i18next';
import { queryClient } from './query-client.ts';
import { router } from './router.tsx';
import { createAppTheme, cssVariablesResolver } from './theme.ts';

export function App() {
  const { t } = useTranslation();
  // The theme carries the labels of Mantine's icon-only buttons, so it follows the language.
  const theme = useMemo(() => createAppTheme(t('common.close')), [t]);
  return (
    <MantineProvider theme={theme} defaultColorScheme="light" cssVariablesResolver={cssVariablesResolver}>
      <Notifications position="top-right" />
      <QueryClientProvider client={queryClient}>
        <RouterProvider router={router} />
      </QueryClientProvider>
    </MantineProvider>
  );
}
