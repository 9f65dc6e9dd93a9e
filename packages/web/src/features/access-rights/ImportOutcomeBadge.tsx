import type { AccessRightImportRow } from '@forvalta/contracts';
import { Badge } from '@mantine/core';
import { useTranslation } from 'react-i18next';

/** What an import row does, in a colour dark enough for white text (WCAG AA). */
const outcomeColours: Record<AccessRightImportRow['outcome'], string> = {
  create: '#1f6f36',
  end: '#9a3f00',
  unchanged: 'gray.7',
  refused: 'red.9',
};

export function OutcomeBadge({ outcome }: { outcome: AccessRightImportRow['outcome'] }) {
  const { t } = useTranslation('access');
  return (
    <Badge color={outcomeColours[outcome]} variant="filled" tt="none" miw="max-content">
      {t(`import.outcome.${outcome}`)}
    </Badge>
  );
}
