import { Group, SimpleGrid, Stack, Text, Title } from '@mantine/core';
import { useQuery } from '@tanstack/react-query';
import { getRouteApi } from '@tanstack/react-router';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { AnchorLink } from '../../components/AnchorLink.tsx';
import { ErrorState } from '../../components/ErrorState.tsx';
import { LoadingState } from '../../components/LoadingState.tsx';
import { StaleRecordAlert } from '../../components/StaleRecordAlert.tsx';
import { formatDate } from '../../i18n/format.ts';
import { ApprovalsSection } from './ApprovalsSection.tsx';
import { BudgetSection } from './BudgetSection.tsx';
import { CheckpointsSection } from './CheckpointsSection.tsx';
import { ComplianceSection } from './ComplianceSection.tsx';
import { DocumentsSection } from './DocumentsSection.tsx';
import { GateProgressSection } from './GateProgress.tsx';
import { LinksSection } from './LinksSection.tsx';
import { projectQuery } from './projects.queries.ts';
import { Fact, Section } from './project-page-parts.tsx';
import { ProjectActionsSection } from './ProjectActionsSection.tsx';
import { ProjectStateBadge } from './ProjectsPage.tsx';

const routeApi = getRouteApi('/authenticated/content/projects/$projectId');

/**
 * An introduction or upgrade project (§4.2.1): the gates' progress first, then each piece the
 * submission needs in its own section, then the checkpoints and decisions.
 */
export function ProjectPage() {
  const { t } = useTranslation('lifecycle');
  const { projectId } = routeApi.useParams();
  const project = useQuery(projectQuery(projectId));
  const [stale, setStale] = useState(false);
  // The forms keep what is typed across saves elsewhere on the page; a reload after a 412 starts them afresh.
  const [reloads, setReloads] = useState(0);

  if (project.isLoading) return <LoadingState />;
  if (project.error || !project.data) return <ErrorState error={project.error} onRetry={() => void project.refetch()} />;
  const p = project.data;
  const onStale = () => setStale(true);

  return (
    <Stack gap="lg">
      <div>
        <AnchorLink to="/projects" size="sm">
          ← {t('project.back')}
        </AnchorLink>
        <Group justify="space-between" align="flex-start" mt="xs" wrap="wrap">
          <Stack gap={4}>
            <Title order={1} size="h2">
              {p.title}
            </Title>
            <Group gap="sm">
              <ProjectStateBadge state={p.state} />
              <Text size="sm" c="gray.7">
                {t(`kind.${p.kind}`)}
              </Text>
            </Group>
          </Stack>
        </Group>
        <SimpleGrid component="dl" cols={{ base: 1, sm: 2, md: 4 }} spacing="md" mt="md" m={0}>
          <Fact label={t('project.system')}>
            <AnchorLink to="/systems/$systemId" params={{ systemId: p.systemId }}>
              {p.systemName}
            </AnchorLink>
          </Fact>
          <Fact label={t('project.department')}>{p.departmentName}</Fact>
          <Fact label={t('project.lead')}>{p.projectLeadName ?? '–'}</Fact>
          <Fact label={t('project.itContact')}>{p.itContactName ?? '–'}</Fact>
        </SimpleGrid>
      </div>

      {stale && (
        <StaleRecordAlert
          onReload={() => {
            setStale(false);
            void project.refetch().then(() => setReloads((count) => count + 1));
          }}
        />
      )}

      <GateProgressSection project={p} />
      <ProjectActionsSection project={p} onStale={onStale} />
      <DocumentsSection key={`documents-${reloads}`} project={p} onStale={onStale} />
      <LinksSection project={p} onStale={onStale} />
      <BudgetSection key={`budget-${p.budget?.revision ?? 0}-${reloads}`} project={p} onStale={onStale} />
      <ComplianceSection key={`compliance-${reloads}`} project={p} onStale={onStale} />

      <Section id="risk-analysis" title={t('project.riskAnalysis')}>
        <Stack gap="xs" align="flex-start">
          <Text size="sm">
            {p.riskAnalysis
              ? t('project.riskAnalysisSummary', { date: formatDate(p.riskAnalysis.analysedOn), count: p.riskAnalysis.scenarioCount })
              : t('project.noRiskAnalysis')}
          </Text>
          <AnchorLink to="/systems/$systemId" params={{ systemId: p.systemId }} hash="risks" size="sm">
            {t('project.openSystem')}
          </AnchorLink>
        </Stack>
      </Section>

      <CheckpointsSection project={p} />
      <ApprovalsSection project={p} />
    </Stack>
  );
}
