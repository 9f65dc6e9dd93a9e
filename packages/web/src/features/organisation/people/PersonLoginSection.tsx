import type { Person } from '@forvalta/contracts';
import { Badge, Button, Group, SimpleGrid, Stack, Text } from '@mantine/core';
import { useQuery } from '@tanstack/react-query';
import { type ReactNode, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { ConfirmDialog } from '../../../components/ConfirmDialog.tsx';
import { notifyError, notifySuccess } from '../../../components/error-messages.ts';
import { ErrorState } from '../../../components/ErrorState.tsx';
import { LoadingState } from '../../../components/LoadingState.tsx';
import { Fact, SectionCard } from '../../../components/SectionCard.tsx';
import { formatDateTime } from '../../../i18n/format.ts';
import { OneTimeLinkModal } from './OneTimeLinkModal.tsx';
import {
  invitationLink,
  personLoginQuery,
  resetLink,
  useInvitePerson,
  useIssueResetLink,
  useRemoveLogin,
  useRevokeInvitation,
} from './people.queries.ts';

type Shown = { kind: 'invitation' | 'reset'; link: string; expiresAt: string } | null;

/**
 * "Inloggning" on a person's page, for administrators (login.manage): whether the person can sign
 * in here, their invitation, and the acts on it. The one-time links are shown once, in a dialog.
 */
export function PersonLoginSection({ person }: { person: Person }) {
  const { t } = useTranslation();
  const login = useQuery(personLoginQuery(person.id));
  const [shown, setShown] = useState<Shown>(null);
  const [removing, setRemoving] = useState(false);
  const invite = useInvitePerson();
  const revokeInvitation = useRevokeInvitation();
  const issueReset = useIssueResetLink();
  const remove = useRemoveLogin();
  const name = `${person.firstName} ${person.lastName}`;

  const sendInvitation = () =>
    invite.mutate(person, {
      onSuccess: (created) => setShown({ kind: 'invitation', link: invitationLink(created.token), expiresAt: created.expiresAt }),
      onError: notifyError,
    });

  let body: ReactNode;
  if (login.isLoading) body = <LoadingState />;
  else if (login.error || !login.data) body = <ErrorState error={login.error} onRetry={() => void login.refetch()} />;
  else {
    const { hasLogin, lastLoginAt, invitation } = login.data;
    const pending = !hasLogin && invitation?.status === 'pending' ? invitation : null;
    const state = hasLogin ? 'active' : pending ? 'invited' : 'none';
    const stateColours = { active: '#1f6f36', invited: 'blue.9', none: 'gray.8' } as const;
    body = (
      <Stack gap="md">
        <SimpleGrid component="dl" cols={{ base: 1, sm: 3 }} spacing="md" m={0}>
          <Fact label={t('personLogin.state')}>
            <Badge color={stateColours[state]} variant={state === 'active' ? 'filled' : 'outline'} tt="none">
              {t(`personLogin.states.${state}`)}
            </Badge>
          </Fact>
          {hasLogin && <Fact label={t('personLogin.lastLogin')}>{lastLoginAt ? formatDateTime(lastLoginAt) : t('personLogin.never')}</Fact>}
          {pending && <Fact label={t('personLogin.invitationExpires')}>{formatDateTime(pending.expiresAt)}</Fact>}
          {!hasLogin && invitation && !pending && (
            <Fact label={t('personLogin.latestInvitation')}>{t(`personLogin.invitationStatus.${invitation.status}`)}</Fact>
          )}
        </SimpleGrid>
        {person.employmentStatus === 'left' ? (
          <Text size="sm" c="gray.7">
            {t('personLogin.leftText')}
          </Text>
        ) : (
          <Group gap="sm" wrap="wrap">
            {hasLogin ? (
              <>
                {person.can.resetPassword && (
                  <Button
                    variant="default"
                    loading={issueReset.isPending}
                    onClick={() =>
                      issueReset.mutate(person, {
                        onSuccess: (issued) => setShown({ kind: 'reset', link: resetLink(issued.path), expiresAt: issued.expiresAt }),
                        onError: notifyError,
                      })
                    }
                  >
                    {t('personLogin.issueReset')}
                  </Button>
                )}
                <Button color="red.8" variant="outline" onClick={() => setRemoving(true)}>
                  {t('personLogin.remove')}
                </Button>
              </>
            ) : (
              <>
                <Button loading={invite.isPending} onClick={sendInvitation}>
                  {pending ? t('personLogin.inviteAgain') : t('personLogin.invite')}
                </Button>
                {pending && (
                  <Button
                    variant="subtle"
                    color="red"
                    c="red.9"
                    loading={revokeInvitation.isPending}
                    onClick={() =>
                      revokeInvitation.mutate(pending, {
                        onSuccess: () => notifySuccess(t('personLogin.invitationRevoked', { name })),
                        onError: notifyError,
                      })
                    }
                  >
                    {t('personLogin.revokeInvitation')}
                  </Button>
                )}
              </>
            )}
          </Group>
        )}
        <Text size="sm" c="gray.7">
          {hasLogin ? t('personLogin.rolesHint') : t('personLogin.inviteHint')}
        </Text>
      </Stack>
    );
  }

  return (
    <SectionCard id="login" title={t('personLogin.title')}>
      {body}
      {shown && (
        <OneTimeLinkModal
          title={shown.kind === 'invitation' ? t('personLogin.invitationTitle', { name }) : t('personLogin.resetTitle', { name })}
          text={shown.kind === 'invitation' ? t('personLogin.invitationText') : t('personLogin.resetText')}
          link={shown.link}
          expiresAt={shown.expiresAt}
          onClose={() => setShown(null)}
        />
      )}
      <ConfirmDialog
        opened={removing}
        title={t('personLogin.removeTitle', { name })}
        text={t('personLogin.removeText')}
        confirmLabel={t('personLogin.remove')}
        loading={remove.isPending}
        onConfirm={() =>
          remove.mutate(person, {
            onSuccess: () => notifySuccess(t('personLogin.removed', { name })),
            onError: notifyError,
            onSettled: () => setRemoving(false),
          })
        }
        onClose={() => setRemoving(false)}
      />
    </SectionCard>
  );
}
