import type { DocumentVersionState } from '@forvalta/contracts';
import { Badge } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { versionStateBadge } from './document-values.ts';

/** utkast, under granskning, antagen, ersatt: the word says the state; the colour only repeats it. */
export function VersionStateBadge({ state, testId }: { state: DocumentVersionState; testId?: string }) {
  const { t } = useTranslation('documents');
  const { color, variant } = versionStateBadge[state];
  return (
    <Badge color={color} variant={variant} tt="none" miw="max-content" data-testid={testId}>
      {t(`state.${state}`)}
    </Badge>
  );
}
