import { Group, Stack, Table, Text } from '@mantine/core';
import { useQuery } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import { AnchorLink } from '../../components/AnchorLink.tsx';
import { ErrorState } from '../../components/ErrorState.tsx';
import { LoadingState } from '../../components/LoadingState.tsx';
import { SectionCard } from '../../components/SectionCard.tsx';
import { ClauseCheckBadge } from './ClauseCheckBadge.tsx';
import { nis2SummaryQuery } from './compliance.queries.ts';

/**
 * The Cybersecurity Act's measures beside the IT policy (issue #19, ADR 0037): each measure's check
 * and the policy clauses whose results are its evidence, linked to those clauses' pages: the
 * mapping between the two, so one piece of evidence is seen to serve both.
 */
export function Nis2MeasuresSection({ department }: { department: string | undefined }) {
  const { t, i18n } = useTranslation();
  const summary = useQuery(nis2SummaryQuery(department));
  return (
    <SectionCard id="nis2" title={t('compliance.nis2.title')}>
      <Text size="sm" mb="sm">
        {t('compliance.nis2.intro')}
      </Text>
      {summary.isLoading ? (
        <LoadingState />
      ) : summary.error || !summary.data ? (
        <ErrorState error={summary.error} onRetry={() => void summary.refetch()} />
      ) : (
        <Table.ScrollContainer minWidth={640}>
          <Table data-testid="nis2-measures">
            <Table.Caption>{t('compliance.nis2.caption')}</Table.Caption>
            <Table.Thead>
              <Table.Tr>
                <Table.Th scope="col">{t('compliance.nis2.measure')}</Table.Th>
                <Table.Th scope="col">{t('compliance.checkColumn')}</Table.Th>
                <Table.Th scope="col">{t('compliance.nis2.evidence')}</Table.Th>
              </Table.Tr>
            </Table.Thead>
            <Table.Tbody>
              {summary.data.clauses.map((clause) => (
                <Table.Tr key={clause.clauseId} data-testid="nis2-measure-row">
                  <Table.Th scope="row" fw={400}>
                    <Stack gap={0}>
                      <Text size="sm" fw={600}>
                        {i18n.language === 'en' ? clause.titleEn : clause.titleSv}
                      </Text>
                      <Text size="xs" c="gray.7">
                        {clause.clauseId} · art. {clause.section.replace('21.2.', '21.2 ')}
                      </Text>
                    </Stack>
                  </Table.Th>
                  <Table.Td>
                    <ClauseCheckBadge check={clause.check} />
                  </Table.Td>
                  <Table.Td>
                    {clause.evidenceClauseIds.length === 0 ? (
                      <Text size="sm">{t('compliance.nis2.noEvidence')}</Text>
                    ) : (
                      <Group gap="xs">
                        {clause.evidenceClauseIds.map((evidence) => (
                          <AnchorLink key={evidence} to="/compliance/clauses/$clauseId" params={{ clauseId: evidence }} size="sm">
                            {evidence}
                          </AnchorLink>
                        ))}
                      </Group>
                    )}
                  </Table.Td>
                </Table.Tr>
              ))}
            </Table.Tbody>
          </Table>
        </Table.ScrollContainer>
      )}
    </SectionCard>
  );
}
