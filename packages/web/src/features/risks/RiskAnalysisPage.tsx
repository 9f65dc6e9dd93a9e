import type { RiskAnalysis } from '@forvalta/contracts';
import { Button, Group, List, SimpleGrid, Stack, Table, Text, Title } from '@mantine/core';
import { useQuery } from '@tanstack/react-query';
import { getRouteApi, useNavigate } from '@tanstack/react-router';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { AnchorLink } from '../../components/AnchorLink.tsx';
import { ErrorState } from '../../components/ErrorState.tsx';
import { LoadingState } from '../../components/LoadingState.tsx';
import { formatDate } from '../../i18n/format.ts';
import { RiskAnalysisForm } from './RiskAnalysisForm.tsx';
import { RiskMatrix } from './RiskMatrix.tsx';
import { systemQuery } from '../systems/systems.queries.ts';
import { bandColours, riskBand } from './risk-bands.ts';
import { riskAnalysisQuery } from './risks.queries.ts';
import { SectionCard } from '../../components/SectionCard.tsx';
import { ConfidentialBadge, WithheldNotice } from '../../components/ConfidentialMark.tsx';
import { keyedByContent } from '../../components/stable-keys.ts';

const routeApi = getRouteApi('/authenticated/content/systems/$systemId/risk-analyses/$analysisId');

function LevelText({ level }: { level: number | null }) {
  const { t } = useTranslation('lifecycle');
  if (level === null) return <>{t('risks.notAssessed')}</>;
  const band = riskBand(level);
  return (
    <Text
      span
      size="sm"
      px={6}
      py={2}
      style={{ background: bandColours[band].background, color: bandColours[band].color, borderRadius: 4, whiteSpace: 'nowrap' }}
    >
      {t(`riskLevel.${band}`)} ({level})
    </Text>
  );
}

export function RiskAnalysisPage() {
  const { t } = useTranslation('lifecycle');
  const { systemId, analysisId } = routeApi.useParams();
  const navigate = useNavigate();
  const [revising, setRevising] = useState(false);
  const analysis = useQuery(riskAnalysisQuery(systemId, analysisId));
  const system = useQuery(systemQuery(systemId));

  // Revising is an action on the system (its owner, the IT unit, its stewards): the system's `can` says.
  const canWrite = system.data?.can.writeRiskAnalyses ?? false;
  if (analysis.isLoading) return <LoadingState />;
  if (analysis.error || !analysis.data) return <ErrorState error={analysis.error} onRetry={() => void analysis.refetch()} />;
  const a = analysis.data;
  const systemName = system.data?.name ?? '…';

  return (
    <Stack gap="lg">
      <div>
        <AnchorLink to="/systems/$systemId" params={{ systemId }} hash="risks" size="sm">
          ← {t('risks.back', { name: systemName })}
        </AnchorLink>
        <Group justify="space-between" align="flex-start" mt="xs" wrap="wrap">
          <Stack gap={4}>
            <Title order={1} size="h2">
              {t('risks.pageTitle', { name: systemName })}
            </Title>
            <Text c="gray.7">
              {t('risks.revision', { revision: a.revision })} · {formatDate(a.analysedOn)} ·{' '}
              {a.superseded ? t('risks.superseded') : t('risks.current')}
            </Text>
            {a.confidentialOslParagraph && (
              <Group gap="xs">
                <ConfidentialBadge paragraph={a.confidentialOslParagraph} />
              </Group>
            )}
            {a.previousId && (
              <AnchorLink to="/systems/$systemId/risk-analyses/$analysisId" params={{ systemId, analysisId: a.previousId }} size="sm">
                {t('risks.previousVersion', { revision: a.revision - 1 })}
              </AnchorLink>
            )}
          </Stack>
          {/* Nobody revises what they may not read: the server refuses it (403), so the button is not offered. */}
          {canWrite && !a.superseded && !a.contentWithheld && <Button onClick={() => setRevising(true)}>{t('risks.revise')}</Button>}
        </Group>
      </div>
      {a.contentWithheld ? <WithheldNotice paragraph={a.confidentialOslParagraph} /> : <AnalysisContent analysis={a} />}
      {revising && (
        <RiskAnalysisForm
          systemId={systemId}
          systemName={systemName}
          revising={a}
          onClose={() => setRevising(false)}
          onSaved={(next) =>
            void navigate({ to: '/systems/$systemId/risk-analyses/$analysisId', params: { systemId, analysisId: next.id } })
          }
        />
      )}
    </Stack>
  );
}

/** The analysis itself: its scope, the matrices and the scenarios, for a caller who may read them. */
function AnalysisContent({ analysis: a }: { analysis: RiskAnalysis }) {
  const { t } = useTranslation('lifecycle');
  const c = a.classification;
  return (
    <>
      <SectionCard id="scope" title={t('risks.scope')}>
        <SimpleGrid component="dl" cols={{ base: 1, md: 3 }} m={0}>
          <div>
            <Text component="dt" size="xs" fw={700} c="gray.7">
              {t('risks.scope')}
            </Text>
            <Text component="dd" size="sm" m={0}>
              {a.scope}
            </Text>
          </div>
          <div>
            <Text component="dt" size="xs" fw={700} c="gray.7">
              {t('risks.participants')}
            </Text>
            <Text component="dd" size="sm" m={0}>
              {a.participants.join(', ') || '–'}
            </Text>
          </div>
          <div>
            <Text component="dt" size="xs" fw={700} c="gray.7">
              {t('risks.classification')}
            </Text>
            <Text component="dd" size="sm" m={0}>
              {c
                ? t('risks.classificationValue', {
                    confidentiality: c.confidentiality,
                    integrity: c.integrity,
                    availability: c.availability,
                    traceability: c.traceability,
                    date: formatDate(c.classifiedOn),
                  })
                : t('risks.noClassification')}
            </Text>
          </div>
        </SimpleGrid>
      </SectionCard>
      <SectionCard id="matrix" title={t('risks.matrix')}>
        <SimpleGrid cols={{ base: 1, lg: 2 }} spacing="lg">
          <Table.ScrollContainer minWidth={480}>
            <RiskMatrix analysis={a} />
          </Table.ScrollContainer>
          <Table.ScrollContainer minWidth={480}>
            <RiskMatrix analysis={a} residual />
          </Table.ScrollContainer>
        </SimpleGrid>
      </SectionCard>
      <SectionCard id="scenarios" title={t('risks.scenarios')}>
        {a.scenarios.length === 0 ? (
          <Text size="sm">{t('risks.noScenarios')}</Text>
        ) : (
          <Table.ScrollContainer minWidth={960}>
            <Table verticalSpacing="xs" data-testid="scenarios">
              <Table.Thead>
                <Table.Tr>
                  <Table.Th scope="col">{t('risks.threat')}</Table.Th>
                  <Table.Th scope="col">{t('risks.consequenceDescription')}</Table.Th>
                  <Table.Th scope="col">{t('risks.likelihood')}</Table.Th>
                  <Table.Th scope="col">{t('risks.consequence')}</Table.Th>
                  <Table.Th scope="col">{t('risks.level')}</Table.Th>
                  <Table.Th scope="col">{t('risks.treatment')}</Table.Th>
                  <Table.Th scope="col">{t('risks.residual')}</Table.Th>
                </Table.Tr>
              </Table.Thead>
              <Table.Tbody>
                {keyedByContent(a.scenarios, (scenario) => scenario.threat).map(({ key, item: scenario }) => (
                  <Table.Tr key={key} data-testid="scenario-row">
                    <Table.Td>
                      <Text size="sm" fw={600}>
                        {scenario.threat}
                      </Text>
                      {scenario.vulnerability && (
                        <Text size="xs" c="gray.7">
                          {t('risks.vulnerability')}: {scenario.vulnerability}
                        </Text>
                      )}
                      {scenario.affectedInformation && (
                        <Text size="xs" c="gray.7">
                          {t('risks.affectedInformation')}: {scenario.affectedInformation}
                        </Text>
                      )}
                      {scenario.adjacentSystems.length > 0 && (
                        <Text size="xs" c="gray.7" data-testid="scenario-adjacent">
                          {t('risks.adjacentSystems')}: {scenario.adjacentSystems.map((system) => system.name).join(', ')}
                        </Text>
                      )}
                      {scenario.riskOwnerName && (
                        <Text size="xs" data-testid="scenario-owner">
                          {t('risks.riskOwner')}: {scenario.riskOwnerName}
                        </Text>
                      )}
                    </Table.Td>
                    <Table.Td>
                      <Text size="sm">{scenario.consequenceDescription ?? '–'}</Text>
                    </Table.Td>
                    <Table.Td>
                      {scenario.likelihood}. {a.matrix.likelihoodLabels[scenario.likelihood - 1]}
                    </Table.Td>
                    <Table.Td>
                      {scenario.consequence}. {a.matrix.consequenceLabels[scenario.consequence - 1]}
                    </Table.Td>
                    <Table.Td>
                      <LevelText level={scenario.riskLevel} />
                    </Table.Td>
                    <Table.Td>
                      <Text size="sm">{t(`treatment.${scenario.treatment}`)}</Text>
                      {scenario.measures.length > 0 && (
                        <List size="xs">
                          {keyedByContent(scenario.measures, (measure) => measure.description).map(({ key: measureKey, item: measure }) => (
                            <List.Item key={measureKey} data-testid="scenario-measure">
                              {measure.description} (
                              {[
                                t(`measureStatus.${measure.status}`),
                                measure.ownerName,
                                measure.dueDate ? t('risks.dueLine', { date: formatDate(measure.dueDate) }) : null,
                              ]
                                .filter(Boolean)
                                .join(', ')}
                              )
                            </List.Item>
                          ))}
                        </List>
                      )}
                      {scenario.acceptance && (
                        <Text size="xs">
                          {t('risks.acceptanceLine', {
                            name: scenario.acceptance.byName,
                            until: formatDate(scenario.acceptance.until),
                            reason: scenario.acceptance.reason,
                          })}
                        </Text>
                      )}
                    </Table.Td>
                    <Table.Td>
                      <LevelText level={scenario.residualRiskLevel} />
                    </Table.Td>
                  </Table.Tr>
                ))}
              </Table.Tbody>
            </Table>
          </Table.ScrollContainer>
        )}
      </SectionCard>
    </>
  );
}
