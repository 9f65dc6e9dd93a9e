import type { System } from '@forvalta/contracts';
import { Table, Text, VisuallyHidden } from '@mantine/core';
import { useQuery } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import { AnchorLink } from '../../components/AnchorLink.tsx';
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
          <Table.ScrollContainer minWidth={720}>
            <Table verticalSpacing="xs">
              <VisuallyHidden component="caption">{t('system.compliance')}</VisuallyHidden>
              <Table.Thead>
                <Table.Tr>
                  <Table.Th scope="col">{t('compliance.clause')}</Table.Th>
                  <Table.Th scope="col">{t('compliance.status')}</Table.Th>
                  <Table.Th scope="col">{t('compliance.reasonAndEvidence')}</Table.Th>
                  <Table.Th scope="col">{t('compliance.fix')}</Table.Th>
                </Table.Tr>
              </Table.Thead>
              <Table.Tbody>
                {items.map((result) => (
                  <Table.Tr key={result.clauseId} data-testid="system-compliance-row">
                    <Table.Td style={{ whiteSpace: 'nowrap' }}>
                      <AnchorLink to="/compliance/clauses/$clauseId" params={{ clauseId: result.clauseId }} size="sm">
                        {result.clauseId}
                      </AnchorLink>
                    </Table.Td>
                    <Table.Td>
                      <StatusBadge status={result.status} />
                    </Table.Td>
                    <Table.Td>
                      <ResultReason result={result} />
                    </Table.Td>
                    <Table.Td style={{ whiteSpace: 'nowrap' }}>
                      {result.status === 'fail' && (
                        <FixLink fixPath={result.fixPath} label={t('compliance.fixLabel', { clause: result.clauseId, name: system.name })}>
                          {t('compliance.fixLink')}
                        </FixLink>
                      )}
                    </Table.Td>
                  </Table.Tr>
                ))}
              </Table.Tbody>
            </Table>
          </Table.ScrollContainer>
        </>
      )}
    </SectionCard>
  );
}
