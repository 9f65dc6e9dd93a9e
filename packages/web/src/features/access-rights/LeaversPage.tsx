import { useTranslation } from 'react-i18next';
import { PageHeader } from '../../components/PageHeader.tsx';
import { AccessRightsTable } from './AccessRightsTable.tsx';

/** The leavers' queue: every right still active of a person who has left, flagged for the system's manager to end. */
export function LeaversPage() {
  const { t } = useTranslation('access');
  return (
    <>
      <PageHeader title={t('leavers.title')} intro={t('leavers.intro')} />
      <AccessRightsTable scope={{ flagged: true, state: 'active' }} caption={t('leavers.caption')} show="both" testId="leaver-row" />
    </>
  );
}
