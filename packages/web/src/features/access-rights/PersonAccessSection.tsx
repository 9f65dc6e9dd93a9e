import { useTranslation } from 'react-i18next';
import { SectionCard } from '../../components/SectionCard.tsx';
import { AccessRightsTable } from './AccessRightsTable.tsx';

/** A person's rights across systems, on the person's page (#access); everyone sees their own. */
export function PersonAccessSection({ personId, personName }: { personId: string; personName: string }) {
  const { t } = useTranslation('access');
  return (
    <SectionCard id="access" title={t('rights.personTitle')}>
      <AccessRightsTable
        scope={{ personId }}
        caption={t('rights.personCaption', { name: personName })}
        show="system"
        testId="person-access-row"
      />
    </SectionCard>
  );
}
