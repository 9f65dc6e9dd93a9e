import { Tabs } from '@mantine/core';
import { useNavigate } from '@tanstack/react-router';
import type { ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import { useCan } from '../../app/session.ts';

type TokenView = 'mine' | 'municipality';
const paths = { mine: '/api-tokens', municipality: '/api-tokens/municipality' } as const;

/**
 * Your own tokens and, for administrators, every token of the municipality: two tabs, each its
 * own address (so the menu and a bookmark can open either). Without the right, only your own.
 */
export function TokenTabs({ active, children }: { active: TokenView; children: ReactNode }) {
  const { t } = useTranslation();
  const navigate = useNavigate();
  const canManageAll = useCan('apiToken.manageAll');
  if (!canManageAll) return <>{children}</>;
  return (
    <Tabs value={active} onChange={(value) => value && void navigate({ to: paths[value as TokenView] })} keepMounted={false}>
      <Tabs.List mb="md">
        <Tabs.Tab value="mine">{t('tokens.tabMine')}</Tabs.Tab>
        <Tabs.Tab value="municipality">{t('tokens.tabMunicipality')}</Tabs.Tab>
      </Tabs.List>
      <Tabs.Panel value={active}>{children}</Tabs.Panel>
    </Tabs>
  );
}
