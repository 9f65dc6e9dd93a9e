import { Button, Card, Group, Stack, Text, Title } from '@mantine/core';
import { useQuery } from '@tanstack/react-query';
import { useNavigate } from '@tanstack/react-router';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { AnchorLink } from '../../components/AnchorLink.tsx';
import { ConfidentialBadge } from '../../components/ConfidentialMark.tsx';
import { ErrorState } from '../../components/ErrorState.tsx';
import { DataTable } from '../../components/QueryTable.tsx';
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
          <DataTable
            caption={t('risks.title')}
            rows={analyses.data.items}
            rowKey={(analysis) => analysis.id}
            minWidth={560}
            columns={[
              {
                key: 'analysedOn',
                header: t('risks.analysedOn'),
                nowrap: true,
                cell: (analysis) => (
                  <>
                    <AnchorLink
                      to="/systems/$systemId/risk-analyses/$analysisId"
                      params={{ systemId, analysisId: analysis.id }}
                      aria-label={t('risks.open', { revision: analysis.revision, date: formatDate(analysis.analysedOn) })}
                    >
                      {formatDate(analysis.analysedOn)}
                    </AnchorLink>{' '}
                    <Text span size="xs" c="gray.7">
                      {t('risks.revision', { revision: analysis.revision })}
                    </Text>{' '}
                    <ConfidentialBadge paragraph={analysis.confidentialOslParagraph} size="xs" />
                  </>
                ),
              },
              // A withheld analysis says so rather than showing an empty scope and no scenarios (ADR 0030).
              {
                key: 'scope',
                header: t('risks.scope'),
                cell: (analysis) => (analysis.contentWithheld ? t('translation:confidential.withheldCell') : analysis.scope),
              },
              {
                key: 'scenarios',
                header: t('risks.scenarios'),
                cell: (analysis) =>
                  analysis.contentWithheld
                    ? t('translation:confidential.withheldCell')
                    : t('risks.scenarioCount', { count: analysis.scenarios.length }),
              },
              {
                key: 'state',
                header: t('project.state'),
                cell: (analysis) => (analysis.superseded ? t('risks.superseded') : t('risks.current')),
              },
            ]}
          />
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
