import type { ReviewState } from '@forvalta/contracts';
import { Badge } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { reviewStateBadge } from './privacy-values.ts';

/** Where a record stands with the data protection officer, in words. */
export function ReviewStateBadge({ state }: { state: ReviewState }) {
  const { t } = useTranslation('privacy');
  const style = reviewStateBadge[state];
  return (
    <Badge color={style.color} variant={style.variant} tt="none" miw="max-content">
      {t(`reviewState.${state}`)}
    </Badge>
  );
}
