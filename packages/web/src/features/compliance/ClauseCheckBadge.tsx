import type { ClauseCheck, ComplianceSummaryView } from '@forvalta/contracts';
import { Badge } from '@mantine/core';
import { useTranslation } from 'react-i18next';
/** The order the overview lists clause checks in: what needs doing first. */
export const clauseCheckOrder: readonly ClauseCheck[] = ['failed', 'met', 'not_applicable', 'not_checked', 'structural'];

const countKey: Record<ClauseCheck, keyof ComplianceSummaryView['clauseChecks']> = {
  met: 'met',
  failed: 'failed',
  not_applicable: 'notApplicable',
  not_checked: 'notChecked',
  structural: 'structural',
};

export function clauseCheckCount(summary: ComplianceSummaryView, check: ClauseCheck): number {
  return summary.clauseChecks[countKey[check]];
}

// Filled for a verdict, outlined for a clause the share does not cover (no rule, or structural).
const badgeStyle: Record<ClauseCheck, { color: string; variant: 'filled' | 'outline' }> = {
  met: { color: '#1f6f36', variant: 'filled' },
  failed: { color: 'red.9', variant: 'filled' },
  not_applicable: { color: 'gray.7', variant: 'outline' },
  not_checked: { color: '#8f3b00', variant: 'outline' },
  structural: { color: 'blue.8', variant: 'outline' },
};

export function ClauseCheckBadge({ check }: { check: ClauseCheck }) {
  const { t } = useTranslation();
  return (
    <Badge color={badgeStyle[check].color} variant={badgeStyle[check].variant} tt="none" miw="max-content">
      {t(`compliance.check.${check}`)}
    </Badge>
  );
}
