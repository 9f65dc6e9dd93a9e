import type { System } from '@forvalta/contracts';
import { Anchor, Button } from '@mantine/core';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { downloadUrl } from '../../api/client.ts';
import { useCurrentUser } from '../../app/session.ts';
import { SectionCard } from '../../components/SectionCard.tsx';
import { AccessRightsTable } from './AccessRightsTable.tsx';
import { GrantAccessDialog } from './GrantAccessDialog.tsx';

/**
 * A system's access rights on its page (#access): who has what, pending and flagged ones, with
 * filters and the rights to provision as CSV. The system's manager and deputies grant here
 * (§4.2.3: the system manager administers its access rights); the server decides, the button
 * follows who the system's stewards are.
 */
export function SystemAccessSection({ system }: { system: System }) {
  const { t } = useTranslation('access');
  const me = useCurrentUser();
  const [granting, setGranting] = useState(false);
  const steward = [system.manager, ...system.deputies].some((person) => person?.personId === me.personId);
  const actions = (
    <>
      <Anchor href={downloadUrl('/access-rights/export', { systemId: system.id })} size="sm" download>
        {t('rights.export')}
      </Anchor>
      {steward && (
        <Button size="sm" onClick={() => setGranting(true)}>
          {t('grant.open')}
        </Button>
      )}
    </>
  );
  return (
    <SectionCard id="access" title={t('rights.systemTitle')} actions={actions}>
      <AccessRightsTable
        scope={{ systemId: system.id }}
        caption={t('rights.systemCaption', { name: system.name })}
        show="person"
        testId="system-access-row"
      />
      {granting && <GrantAccessDialog systemId={system.id} systemName={system.name} onClose={() => setGranting(false)} />}
    </SectionCard>
  );
}
