import type { AccessRight } from '@forvalta/contracts';
import { Badge, Group } from '@mantine/core';
import { useTranslation } from 'react-i18next';

// Filled colours dark enough for white text (WCAG AA 4.5:1), as elsewhere in the register.
const stateColours: Record<AccessRight['state'], string> = { pending_acknowledgement: '#9a3f00', active: '#1f6f36', ended: 'gray.7' };

/** A right's state, and whether its holder has left (to be ended) or it is privileged. */
export function AccessRightBadges({ right }: { right: Pick<AccessRight, 'state' | 'flaggedForRemoval' | 'privileged'> }) {
  const { t } = useTranslation('access');
  return (
    <Group gap={6} wrap="nowrap">
      <Badge color={stateColours[right.state]} variant="filled" tt="none" miw="max-content">
        {t(`rights.state.${right.state}`)}
      </Badge>
      {right.flaggedForRemoval && (
        <Badge color="red.9" variant="filled" tt="none" miw="max-content">
          {t('rights.flagged')}
        </Badge>
      )}
      {right.privileged && (
        <Badge color="dark" variant="outline" tt="none" miw="max-content">
          {t('rights.privileged')}
        </Badge>
      )}
    </Group>
  );
}
