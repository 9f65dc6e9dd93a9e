import type { System } from '@forvalta/contracts';
import { Text } from '@mantine/core';
import { useQuery } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import { AnchorLink } from '../../components/AnchorLink.tsx';
import { DataTable } from '../../components/QueryTable.tsx';
import { ErrorState } from '../../components/ErrorState.tsx';
import { LoadingState } from '../../components/LoadingState.tsx';
import { systemComplianceQuery } from '../compliance/compliance.queries.ts';
import { FixLink } from '../compliance/FixLink.tsx';
import { ResultReason } from '../compliance/ResultReason.tsx';
import { StatusBadge } from './SystemBadges.tsx';
import { SectionCard } from '../../components/SectionCard.tsx';

const statusOrder = { fail: 0, pass: 1, not_applicable: 2 } as const;

/** Every clause checked for this system, failures first, each with its reason and where to fix it. */
export function SystemComplianceSection({ system }: { system: System }) {
  const { t } = useTranslation();
  const results = useQuery(systemComplianceQuery(system.id));
  const items = [...(results.data?.items ?? [])].sort((a, b) => statusOrder[a.status] - statusOrder[b.status]);
  const failed = items.filter((item) => item.status === 'fail').length;
  return (
    <SectionCard id="compliance" title={t('system.compliance')}>
      {results.isLoading ? (
        <LoadingState />
      ) : results.error ? (
        <ErrorState error={results.error} onRetry={() => void results.refetch()} />
      ) : (
        <>
          <Text size="sm" mb="sm" fw={600} data-testid="system-compliance-summary">
            {failed === 0 ? t('systemCompliance.allMet') : t('systemCompliance.failed', { count: failed })}
          </Text>
          <DataTable
            caption={t('system.compliance')}
            rows={items}
            rowKey={(result) => result.clauseId}
            rowTestId="system-compliance-row"
            columns={[
              {
                key: 'clause',
                header: t('compliance.clause'),
                nowrap: true,
                cell: (result) => (
                  <AnchorLink to="/compliance/clauses/$clauseId" params={{ clauseId: result.clauseId }} size="sm">
                    {result.clauseId}
                  </AnchorLink>
                ),
              },
              { key: 'status', header: t('compliance.status'), cell: (result) => <StatusBadge status={result.status} /> },
              { key: 'reason', header: t('compliance.reasonAndEvidence'), cell: (result) => <ResultReason result={result} /> },
              {
                key: 'fix',
                header: t('compliance.fix'),
                nowrap: true,
                cell: (result) =>
                  result.status === 'fail' && (
                    <FixLink fixPath={result.fixPath} label={t('compliance.fixLabel', { clause: result.clauseId, name: system.name })}>
                      {t('compliance.fixLink')}
                    </FixLink>
                  ),
              },
            ]}
          />
        </>
      )}
    </SectionCard>
  );
}
