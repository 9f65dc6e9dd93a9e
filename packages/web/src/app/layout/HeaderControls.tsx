import type { Locale } from '@forvalta/contracts';
import { Button, Group, Menu, Text, VisuallyHidden } from '@mantine/core';
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { useNavigate } from '@tanstack/react-router';
import { useTranslation } from 'react-i18next';
import { notifyError, notifySuccess } from '../../components/error-messages.ts';
import { i18next } from '../../i18n/index.ts';
import {
  applySession,
  logOut as endSession,
  sessionKeys,
  switchMunicipality as enterMunicipality,
  updateLocale,
  useCurrentUser,
} from '../session.ts';
import { LanguageSwitch } from '../../components/LanguageSwitch.tsx';

/** "Agneta Svensson" → "AS": the first letters of the first and the last name. */
export function initialsOf(name: string): string {
  const words = name.trim().split(/\s+/).filter(Boolean);
  if (words.length === 0) return '?';
  const first = words[0]!.charAt(0);
  const last = words.length > 1 ? words.at(-1)!.charAt(0) : '';
  return `${first}${last}`.toLocaleUpperCase('sv');
}

/** Municipality, language and the user menu, at the right of the header. */
export function HeaderControls() {
  const { t } = useTranslation();
  const me = useCurrentUser();
  const queryClient = useQueryClient();
  const navigate = useNavigate();

  const changeLanguage = useMutation({
    mutationFn: updateLocale,
    onMutate: (locale: Locale) => i18next.changeLanguage(locale),
    onSuccess: (updated) => queryClient.setQueryData(sessionKeys.me, applySession(updated)),
    onError: notifyError,
  });

  const switchMunicipality = useMutation({
    mutationFn: enterMunicipality,
    onSuccess: async (updated) => {
      // Everything cached belongs to the previous municipality.
      queryClient.removeQueries({ predicate: (query) => query.queryKey[0] !== sessionKeys.me[0] });
      queryClient.setQueryData(sessionKeys.me, applySession(updated));
      notifySuccess(t('header.switchedMunicipality', { name: updated.municipality.municipalityName }));
      await navigate({ to: '/' });
    },
    onError: notifyError,
  });

  const logOut = useMutation({
    mutationFn: endSession,
    onSettled: async (answer) => {
      queryClient.clear();
      applySession(null);
      queryClient.setQueryData(sessionKeys.me, null);
      // The provider's own logout page, which sends the browser back to the login page afterwards.
      if (answer?.redirectTo) window.location.assign(answer.redirectTo);
      else await navigate({ to: '/login' });
    },
  });

  return (
    <Group gap="sm" wrap="nowrap">
      {me.memberships.length > 1 ? (
        <Menu position="bottom-end" withinPortal>
          <Menu.Target>
            <Button
              variant="subtle"
              size="sm"
              visibleFrom="xs"
              aria-label={`${t('header.switchMunicipality')}: ${me.municipality.municipalityName}`}
            >
              {me.municipality.municipalityName}
            </Button>
          </Menu.Target>
          <Menu.Dropdown>
            <Menu.Label>{t('header.switchMunicipality')}</Menu.Label>
            {me.memberships.map((membership) => (
              <Menu.Item
                key={membership.municipalityId}
                disabled={membership.municipalityId === me.municipality.municipalityId}
                onClick={() => switchMunicipality.mutate(membership.municipalityId)}
              >
                {membership.municipalityName} ({membership.municipalityCode})
              </Menu.Item>
            ))}
          </Menu.Dropdown>
        </Menu>
      ) : (
        <Text size="sm" c="gray.7" visibleFrom="sm">
          <VisuallyHidden>{t('header.municipality')}: </VisuallyHidden>
          {me.municipality.municipalityName}
        </Text>
      )}

      <LanguageSwitch onChange={(locale) => changeLanguage.mutate(locale)} />

      <Menu position="bottom-end" withinPortal>
        <Menu.Target>
          {/* At a phone's width (390 px) the name does not fit beside the language switch: the initials stand for it, the label keeps it whole. */}
          <Button variant="default" size="sm" px={{ base: 'xs', xs: 'md' }} aria-label={t('header.userMenu', { name: me.name })}>
            <Text span size="sm" maw={160} truncate="end" visibleFrom="xs">
              {me.name}
            </Text>
            <Text span size="sm" fw={600} hiddenFrom="xs" aria-hidden="true">
              {initialsOf(me.name)}
            </Text>
          </Button>
        </Menu.Target>
        <Menu.Dropdown>
          <Menu.Label>{me.email}</Menu.Label>
          <Menu.Item onClick={() => void navigate({ to: '/account' })}>{t('header.myAccount')}</Menu.Item>
          <Menu.Item onClick={() => logOut.mutate(false)}>{t('header.logOut')}</Menu.Item>
          <Menu.Item onClick={() => logOut.mutate(true)}>{t('header.logOutEverywhere')}</Menu.Item>
        </Menu.Dropdown>
      </Menu>
    </Group>
  );
}
