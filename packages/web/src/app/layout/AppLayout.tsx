import { AppShell, Burger, Group, Text } from '@mantine/core';
import { useDisclosure } from '@mantine/hooks';
import { Link, Outlet, useRouter } from '@tanstack/react-router';
import { useEffect, useRef, type MouseEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { AuditVerificationBanner } from '../../features/audit/AuditVerificationBanner.tsx';
import { HeaderControls } from './HeaderControls.tsx';
import { Navigation } from './Navigation.tsx';

export function AppLayout() {
  const { t } = useTranslation();
  const [navigationOpen, { toggle, close }] = useDisclosure(false);
  const mainRef = useRef<HTMLElement>(null);
  const router = useRouter();

  // On a small screen the menu covers the page; close it after choosing a page.
  useEffect(() => router.subscribe('onResolved', close), [router, close]);

  // A same-page link would put #main-content in the address and confuse the router; focus instead.
  const skipToContent = (event: MouseEvent<HTMLAnchorElement>) => {
    event.preventDefault();
    mainRef.current?.focus();
  };

  return (
    <>
      {/* biome-ignore lint/a11y/useValidAnchor: a skip link is a link by convention (WCAG technique G1); it moves focus itself so the router never sees the fragment */}
      <a href="#main-content" className="skip-link" onClick={skipToContent}>
        {t('app.skipToContent')}
      </a>
      <AppShell header={{ height: 60 }} navbar={{ width: 240, breakpoint: 'sm', collapsed: { mobile: !navigationOpen } }} padding="lg">
        <AppShell.Header component="header">
          <Group h="100%" px="md" justify="space-between" wrap="nowrap">
            <Group gap="sm" wrap="nowrap">
              <Burger
                opened={navigationOpen}
                onClick={toggle}
                hiddenFrom="sm"
                size="sm"
                aria-label={navigationOpen ? t('app.closeNavigation') : t('app.openNavigation')}
              />
              <Text component={Link} to="/" fw={700} size="xl" c="blue.9" td="none">
                {t('app.name')}
              </Text>
            </Group>
            <HeaderControls />
          </Group>
        </AppShell.Header>
        {/* The menu has grown past a laptop's height (to-do, training, documents, access rights): it scrolls on its own. */}
        <AppShell.Navbar p="sm" component="nav" aria-label={t('app.mainNavigation')} style={{ overflowY: 'auto' }}>
          <Navigation />
        </AppShell.Navbar>
        <AppShell.Main id="main-content" ref={mainRef} tabIndex={-1}>
          <AuditVerificationBanner />
          <Outlet />
        </AppShell.Main>
      </AppShell>
    </>
  );
}
