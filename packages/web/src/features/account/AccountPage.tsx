import { SimpleGrid } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { useCurrentUser } from '../../app/session.ts';
import { PageHeader } from '../../components/PageHeader.tsx';
import { NotificationSettingsCard } from './NotificationSettingsCard.tsx';
import { PasswordChangeCard } from './PasswordChangeCard.tsx';
import { SecondFactorCard } from './SecondFactorCard.tsx';

/** My account: password, two-step verification and e-mail notifications. A session held to enrolment sees only the second factor. */
export function AccountPage() {
  const { t } = useTranslation();
  const me = useCurrentUser();
  return (
    <>
      <PageHeader title={t('account.title')} intro={t('account.intro', { email: me.email })} />
      <SimpleGrid cols={{ base: 1, md: 2 }} spacing="lg">
        <SecondFactorCard />
        {!me.secondFactorEnrolmentRequired && <PasswordChangeCard />}
        {!me.secondFactorEnrolmentRequired && <NotificationSettingsCard />}
      </SimpleGrid>
    </>
  );
}
