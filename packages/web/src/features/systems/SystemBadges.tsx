import type { Lifecycle } from '@forvalta/contracts';
import { Badge } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { lifecycleColours } from './system-values.ts';

export function LifecycleBadge({ lifecycle }: { lifecycle: Lifecycle }) {
  const { t } = useTranslation();
  const { color, variant } = lifecycleColours[lifecycle];
  return (
    <Badge color={color} variant={variant} tt="none" miw="max-content">
      {t(`labels.lifecycle.${lifecycle}`)}
    </Badge>
  );
}

/** No active manager, or no active deputy other than the manager: said in words, not only in red. */
export function UncoveredBadge() {
  const { t } = useTranslation();
  return (
    <Badge color="red.9" variant="filled" tt="none" h="auto" py={2} maw="100%" styles={{ label: { whiteSpace: 'normal' } }}>
      {t('systems.uncoveredBadge')}
    </Badge>
  );
}

export function StatusBadge({ status }: { status: 'pass' | 'fail' | 'not_applicable' }) {
  const { t } = useTranslation();
  const colour = status === 'pass' ? '#1f6f36' : status === 'fail' ? 'red.9' : 'gray.7';
  return (
    <Badge color={colour} variant={status === 'not_applicable' ? 'outline' : 'filled'} tt="none" miw="max-content">
      {t(`labels.status.${status}`)}
    </Badge>
  );
}
