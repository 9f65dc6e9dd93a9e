import type { ComplianceSummaryView } from '@forvalta/contracts';
import { Button, Card, Group, SegmentedControl, Select, SimpleGrid, Skeleton, Stack, Text } from '@mantine/core';
import { useQuery } from '@tanstack/react-query';
import { getRouteApi, Link } from '@tanstack/react-router';
import { lazy, Suspense } from 'react';
import { useTranslation } from 'react-i18next';
import { AnchorLink } from '../../components/AnchorLink.tsx';
import { hasPermission, useCurrentUser } from '../../app/session.ts';
import { ErrorState } from '../../components/ErrorState.tsx';
import { LoadingState } from '../../components/LoadingState.tsx';
import { PageHeader } from '../../components/PageHeader.tsx';
import { formatDateTime, formatNumber } from '../../i18n/format.ts';
import { buildDepartmentTree, flattenDepartmentTree, useAllDepartments } from '../organisation/departments/departments.queries.ts';
import { DataTable } from '../../components/QueryTable.tsx';
import { SectionCard } from '../../components/SectionCard.tsx';
import { ClauseCheckBadge, clauseCheckCount, clauseCheckOrder } from './ClauseCheckBadge.tsx';
import { frameworkLink, HeatMap } from './ComplianceHeatMap.tsx';
import { complianceSummaryQuery, type Framework } from './compliance.queries.ts';
import { formatScore, ownDepartmentOf } from './compliance-format.ts';

const TrendChart = lazy(() => import('./TrendChart.tsx').then((module) => ({ default: module.TrendChart })));
const ClauseCheckChart = lazy(() => import('./ClauseCheckChart.tsx').then((module) => ({ default: module.ClauseCheckChart })));
const routeApi = getRouteApi('/authenticated/content/compliance');

function ScoreCard({ label, value, hint }: { label: string; value: string; hint?: string }) {
  return (
    <Card withBorder padding="lg" radius="md" component="section" aria-label={label}>
      <Text size="sm" c="gray.7" fw={600}>
        {label}
      </Text>
      <Text fz={32} fw={700} lh={1.3}>
        {value}
      </Text>
      {hint && (
        <Text size="sm" c="gray.7">
          {hint}
        </Text>
      )}
    </Card>
  );
}

/** The IT policy's clauses a measure of the Act rests on, linked to their pages under the policy, or the measure's own rule. */
function EvidenceLinks({ clause }: { clause: ComplianceSummaryView['clauses'][number] }) {
  const { t } = useTranslation();
  if (clause.evidenceClauseIds.length > 0)
    return (
      <Group gap="xs" data-testid="measure-evidence">
        {clause.evidenceClauseIds.map((evidence) => (
          <AnchorLink key={evidence} to="/compliance/clauses/$clauseId" params={{ clauseId: evidence }} size="sm">
            {evidence}
          </AnchorLink>
        ))}
      </Group>
    );
  return <Text size="sm">{clause.check === 'not_checked' ? t('compliance.nis2.noEvidence') : t('compliance.nis2.ownRule')}</Text>;
}

/** Efterlevnadsöversikt: which clauses hold, per förvaltning, and how it changes over time. */
export function ComplianceOverviewPage() {
  const { t, i18n } = useTranslation();
  const me = useCurrentUser();
  const search = routeApi.useSearch();
  const navigate = routeApi.useNavigate();
  const own = ownDepartmentOf(me);
  // A department head lands on their own department; "all" is a choice they can make.
  const department = search.department === 'all' ? undefined : (search.department ?? own);
  const check = search.check;
  const framework: Framework = search.framework ?? 'policy';
  const nis2 = framework === 'nis2';
  const summary = useQuery(complianceSummaryQuery(department, framework));
  const departments = useAllDepartments();
  const options = [
    { value: 'all', label: t('compliance.wholeMunicipality') },
    ...flattenDepartmentTree(buildDepartmentTree(departments.data ?? [])).map((node) => ({
      value: node.department.id,
      label: `${'\u00a0\u00a0\u00a0'.repeat(node.depth)}${node.department.name}`,
    })),
  ];
  const data = summary.data;
  const number = (value: number) => formatNumber(value, i18n.language);
  const shownClauses = data ? data.clauses.filter((clause) => !check || clause.check === check) : [];

  return (
    <>
      <PageHeader
        title={nis2 ? t('compliance.nis2.pageTitle') : t('compliance.title')}
        intro={nis2 ? t('compliance.nis2.intro') : t('compliance.intro')}
        actions={
          <Group gap="xs">
            {nis2 && hasPermission(me, 'nis2Report.read') && (
              <Button component={Link} to="/compliance/nis2-report" variant="default">
                {t('compliance.nis2.reportLink')}
              </Button>
            )}
            <Button component={Link} to="/compliance/policy" variant="default">
              {t('compliance.policyLink')}
            </Button>
          </Group>
        }
      />
      <Group mb="lg" align="flex-end" gap="md">
        <Stack gap={4}>
          <Text size="sm" fw={500} id="framework-label">
            {t('compliance.framework.label')}
          </Text>
          <SegmentedControl
            aria-labelledby="framework-label"
            data-testid="framework-switch"
            value={framework}
            data={[
              { value: 'policy', label: t('compliance.framework.policy') },
              { value: 'nis2', label: t('compliance.framework.nis2') },
            ]}
            onChange={(value) =>
              void navigate({
                // A clause check chosen under one framework says nothing of the other's clauses.
                search: (previous) => ({ ...previous, check: undefined, framework: value === 'nis2' ? 'nis2' : undefined }),
                replace: true,
              })
            }
          />
        </Stack>
        <Select
          label={t('compliance.showFor')}
          w={320}
          searchable
          allowDeselect={false}
          value={department ?? 'all'}
          data={options}
          onChange={(value) =>
            void navigate({ search: (previous) => ({ ...previous, department: value && value !== 'all' ? value : 'all' }), replace: true })
          }
        />
        {own && department !== own && (
          <Button variant="subtle" onClick={() => void navigate({ search: frameworkLink(framework), replace: true })}>
            {t('compliance.myDepartment')}
          </Button>
        )}
      </Group>
      {summary.isLoading ? (
        <LoadingState />
      ) : summary.error || !data ? (
        <ErrorState error={summary.error} onRetry={() => void summary.refetch()} />
      ) : (
        <Stack gap="lg">
          <SimpleGrid cols={{ base: 1, sm: 2, lg: 5 }} spacing="lg">
            <ScoreCard
              label={t('compliance.overallScore')}
              value={formatScore(data.overall.score, i18n.language)}
              hint={t('compliance.shareOver', {
                count: data.clauseChecks.met + data.clauseChecks.failed + data.clauseChecks.notApplicable,
              })}
            />
            <ScoreCard label={t('labels.status.pass')} value={number(data.overall.passed)} />
            <ScoreCard label={t('labels.status.fail')} value={number(data.overall.failed)} />
            <ScoreCard
              label={t('labels.status.not_applicable')}
              value={number(data.overall.notApplicable)}
              hint={t('compliance.evaluatedAt', { time: formatDateTime(data.evaluatedAt) })}
            />
            <ScoreCard
              label={t('compliance.notCheckedCard')}
              value={number(data.clauseChecks.notChecked)}
              hint={t('compliance.notCheckedHint')}
            />
          </SimpleGrid>
          <Text size="sm" c="gray.7" mt={-8}>
            {t('compliance.packVersion', { title: data.pack.title, version: data.pack.version })}.{' '}
            {data.clauseChecks.structural > 0 && t('compliance.structuralNote', { count: data.clauseChecks.structural })}
          </Text>

          <SectionCard id="heat" title={t('compliance.heatMap')}>
            <HeatMap summary={data} framework={framework} />
            <Group gap="md" mt="sm" aria-hidden="true">
              {(['heat-good', 'heat-warn', 'heat-bad', 'heat-none'] as const).map((kind) => (
                <Group gap={6} key={kind}>
                  <span
                    className={kind}
                    style={{
                      display: 'inline-block',
                      width: 16,
                      height: 16,
                      borderRadius: 3,
                      border: '1px solid var(--mantine-color-gray-5)',
                    }}
                  />
                  <Text size="xs">{t(`compliance.legend.${kind}`)}</Text>
                </Group>
              ))}
            </Group>
          </SectionCard>

          <SectionCard id="trend" title={t('compliance.trend')}>
            {nis2 && (
              <Text size="sm" mb="sm">
                {t('compliance.nis2.trendNote')}
              </Text>
            )}
            {data.trend.length === 0 ? (
              <Text size="sm">{t('compliance.noTrend')}</Text>
            ) : (
              <Suspense fallback={<Skeleton height={240} />}>
                <TrendChart trend={data.trend} />
              </Suspense>
            )}
          </SectionCard>

          <SectionCard id="checks" title={t('compliance.checks')}>
            <Suspense fallback={<Skeleton height={220} />}>
              <ClauseCheckChart summary={data} />
            </Suspense>
          </SectionCard>

          <SectionCard id="clauses" title={t('compliance.clauses')}>
            <Select
              label={t('compliance.showChecks')}
              w={320}
              mb="md"
              allowDeselect={false}
              value={check ?? 'all'}
              data={[
                { value: 'all', label: t('compliance.allChecks', { count: data.clauses.length }) },
                ...clauseCheckOrder.map((value) => ({
                  value,
                  label: t('compliance.checkOption', { label: t(`compliance.check.${value}`), count: clauseCheckCount(data, value) }),
                })),
              ]}
              onChange={(value) =>
                void navigate({
                  search: (previous) => ({ ...previous, check: value && value !== 'all' ? (value as typeof check) : undefined }),
                  replace: true,
                })
              }
            />
            {shownClauses.length === 0 && <Text size="sm">{t('compliance.noClausesForCheck')}</Text>}
            <DataTable
              rows={shownClauses}
              caption={t('compliance.clauses')}
              rowKey={(clause) => clause.clauseId}
              rowTestId="compliance-clause-row"
              columns={[
                {
                  key: 'clause',
                  header: t('compliance.clause'),
                  cell: (clause) => (
                    <>
                      <AnchorLink
                        to="/compliance/clauses/$clauseId"
                        params={{ clauseId: clause.clauseId }}
                        search={{ ...frameworkLink(framework), ...(department ? { department } : {}) }}
                        size="sm"
                        fw={600}
                      >
                        {clause.clauseId}
                      </AnchorLink>
                      <Text size="xs" c="gray.7">
                        {i18n.language === 'en' ? clause.titleEn : clause.titleSv}
                      </Text>
                    </>
                  ),
                },
                {
                  key: 'section',
                  header: t('compliance.section'),
                  cell: (clause) => (nis2 ? t('compliance.nis2.article', { section: clause.section }) : `§ ${clause.section}`),
                },
                { key: 'check', header: t('compliance.checkColumn'), cell: (clause) => <ClauseCheckBadge check={clause.check} /> },
                // The mapping (ADR 0037): a measure resting on the IT policy's clauses links them, so one piece of evidence is shown once.
                ...(nis2
                  ? [
                      {
                        key: 'evidence',
                        header: t('compliance.nis2.evidence'),
                        cell: (clause: ComplianceSummaryView['clauses'][number]) => <EvidenceLinks clause={clause} />,
                      },
                    ]
                  : []),
                { key: 'passed', header: t('labels.status.pass'), align: 'right', cell: (clause) => number(clause.passed) },
                { key: 'failed', header: t('labels.status.fail'), align: 'right', cell: (clause) => number(clause.failed) },
                {
                  key: 'notApplicable',
                  header: t('labels.status.not_applicable'),
                  align: 'right',
                  cell: (clause) => number(clause.notApplicable),
                },
                { key: 'score', header: t('compliance.score'), align: 'right', cell: (clause) => formatScore(clause.score, i18n.language) },
              ]}
            />
          </SectionCard>
        </Stack>
      )}
    </>
  );
}
