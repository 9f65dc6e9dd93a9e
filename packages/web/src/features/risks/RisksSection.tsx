import { Button, Card, Group, Stack, Table, Text, Title } from '@mantine/core';
import { useQuery } from '@tanstack/react-query';
import { useNavigate } from '@tanstack/react-router';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { AnchorLink } from '../../components/AnchorLink.tsx';
import { ErrorState } from '../../components/ErrorState.tsx';
import { LoadingState } from '../../components/LoadingState.tsx';
import { formatDate } from '../../i18n/format.ts';
import { RiskAnalysisForm } from './RiskAnalysisForm.tsx';
import { riskAnalysesQuery } from './risks.queries.ts';

/** The system page's #risks section: the system's risk analyses, newest first, and a new one. */
/** `canRead` and `canWrite` are the system's (`system.can`): department scope and stewardship count. */
export function RisksSection({
  systemId,
  systemName,
  canRead,
  canWrite,
}: {
  systemId: string;
  systemName: string;
  canRead: boolean;
  canWrite: boolean;
}) {
  const { t } = useTranslation('lifecycle');
  const navigate = useNavigate();
  const [creating, setCreating] = useState(false);
  const analyses = useQuery({ ...riskAnalysesQuery(systemId), enabled: canRead });
  if (!canRead) return null;
  return (
    <Card
      withBorder
      padding="lg"
      radius="md"
      component="section"
      aria-labelledby="risks-heading"
      id="risks"
      style={{ scrollMarginTop: 76 }}
    >
      <Group justify="space-between" mb="sm" wrap="wrap" gap="sm">
        <Title order={2} size="h4" id="risks-heading">
          {t('risks.title')}
        </Title>
        {canWrite && (
          <Button size="xs" onClick={() => setCreating(true)}>
            {t('risks.create')}
          </Button>
        )}
      </Group>
      <Stack gap="xs">
        <Text size="sm" c="gray.7">
          {t('risks.sectionIntro')}
        </Text>
        {analyses.isLoading ? (
          <LoadingState />
        ) : analyses.error ? (
          <ErrorState error={analyses.error} onRetry={() => void analyses.refetch()} />
        ) : !analyses.data || analyses.data.items.length === 0 ? (
          <Text size="sm">{t('risks.none')}</Text>
        ) : (
          <Table data-testid="risk-analyses">
            <Table.Thead>
              <Table.Tr>
                <Table.Th scope="col">{t('risks.analysedOn')}</Table.Th>
                <Table.Th scope="col">{t('risks.scope')}</Table.Th>
                <Table.Th scope="col">{t('risks.scenarios')}</Table.Th>
                <Table.Th scope="col">{t('project.state')}</Table.Th>
              </Table.Tr>
            </Table.Thead>
            <Table.Tbody>
              {analyses.data.items.map((analysis) => (
                <Table.Tr key={analysis.id}>
                  <Table.Td style={{ whiteSpace: 'nowrap' }}>
                    <AnchorLink
                      to="/systems/$systemId/risk-analyses/$analysisId"
                      params={{ systemId, analysisId: analysis.id }}
                      aria-label={t('risks.open', { revision: analysis.revision, date: formatDate(analysis.analysedOn) })}
                    >
                      {formatDate(analysis.analysedOn)}
                    </AnchorLink>{' '}
                    <Text span size="xs" c="gray.7">
                      {t('risks.revision', { revision: analysis.revision })}
                    </Text>
                  </Table.Td>
                  <Table.Td>{analysis.scope}</Table.Td>
                  <Table.Td>{t('risks.scenarioCount', { count: analysis.scenarios.length })}</Table.Td>
                  <Table.Td>{analysis.superseded ? t('risks.superseded') : t('risks.current')}</Table.Td>
                </Table.Tr>
              ))}
            </Table.Tbody>
          </Table>
        )}
      </Stack>
      {creating && (
        <RiskAnalysisForm
          systemId={systemId}
          systemName={systemName}
          onClose={() => setCreating(false)}
          onSaved={(analysis) =>
            void navigate({ to: '/systems/$systemId/risk-analyses/$analysisId', params: { systemId, analysisId: analysis.id } })
          }
        />
      )}
    </Card>
  );
}
