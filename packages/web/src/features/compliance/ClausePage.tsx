import type { ComplianceResult, ComplianceSummaryView, PolicyPackView } from '@forvalta/contracts';
import { Blockquote, Card, Group, Paper, Select, SimpleGrid, Stack, Text, Title } from '@mantine/core';
import { useQuery } from '@tanstack/react-query';
import { getRouteApi } from '@tanstack/react-router';
import { useTranslation } from 'react-i18next';
import { AnchorLink } from '../../components/AnchorLink.tsx';
import { ErrorState } from '../../components/ErrorState.tsx';
import { ListEmptyState } from '../../components/ListEmptyState.tsx';
import { LoadingState } from '../../components/LoadingState.tsx';
import { useSectionList } from '../../components/list-address.ts';
import { type Column, QueryTable } from '../../components/QueryTable.tsx';
import type { UrlPaging } from '../../components/url-paging.ts';
import { formatNumber } from '../../i18n/format.ts';
import { departmentNameMap, useAllDepartments } from '../organisation/departments/departments.queries.ts';
import { StatusBadge } from '../systems/SystemBadges.tsx';
import {
  complianceResultsQuery,
  complianceSummaryQuery,
  type Framework,
  policyPackQuery,
  policyPacksQuery,
  resultStatuses,
} from './compliance.queries.ts';
import { fillParameters, formatScore } from './compliance-format.ts';
import { FixLink } from './FixLink.tsx';
import { ResultReason } from './ResultReason.tsx';

const routeApi = getRouteApi('/authenticated/content/compliance/clauses/$clauseId');

/** What the page shows of a clause, from the stored policy pack or from the Act's summary. */
interface ClauseText {
  id: string;
  section: string;
  titleSv: string;
  titleEn: string;
  textSv: string;
  textEn: string;
  hasRule: boolean;
  ruleSv: string;
  ruleEn: string;
  documentTitle: string;
  evidenceClauseIds: readonly string[];
}

function policyClauseOf(pack: PolicyPackView | undefined, clauseId: string): ClauseText | undefined {
  const clause = pack?.clauses.find((candidate) => candidate.id === clauseId);
  if (!pack || !clause) return undefined;
  return {
    ...clause,
    ruleSv: fillParameters(clause.ruleDescriptionSv, pack.parameters),
    ruleEn: fillParameters(clause.ruleDescriptionEn, pack.parameters),
    documentTitle: pack.document.title,
    evidenceClauseIds: [],
  };
}

/** A measure of the Act as its summary gives it: its texts, its check in words, and the policy clauses it rests on. */
function measureOf(measure: ComplianceSummaryView['clauses'][number] | undefined): ClauseText | undefined {
  if (!measure) return undefined;
  return {
    id: measure.clauseId,
    section: measure.section,
    titleSv: measure.titleSv,
    titleEn: measure.titleEn,
    textSv: measure.textSv,
    textEn: measure.textEn,
    hasRule: measure.check !== 'not_checked',
    ruleSv: measure.ruleDescriptionSv ?? '',
    ruleEn: measure.ruleDescriptionEn ?? '',
    documentTitle: '',
    evidenceClauseIds: measure.evidenceClauseIds,
  };
}
type Status = (typeof resultStatuses)[number];

/** A policy requirement: the policy's own sentence, the rule in plain words, and every failing subject. */
export function ClausePage() {
  const { t, i18n } = useTranslation();
  const { clauseId } = routeApi.useParams();
  const search = routeApi.useSearch();
  const { department } = search;
  const framework: Framework = search.framework ?? 'policy';
  const nis2 = framework === 'nis2';
  const frameworkLink = nis2 ? { framework } : {};
  // The status and the page are in the address under `results.`; failures first, as the page is for fixing.
  const list = useSectionList<UrlPaging & { status?: Status }>('results', search, routeApi.useNavigate(), { pageSize: 25 });
  const status = list.filters.status ?? 'fail';
  const packs = useQuery(policyPacksQuery);
  const currentPackId = packs.data?.items.find((pack) => pack.current)?.id;
  // The Act's pack is not stored per municipality: its texts come with its summary (ADR 0037).
  const pack = useQuery({ ...policyPackQuery(currentPackId), enabled: !nis2 && Boolean(currentPackId) });
  const summary = useQuery(complianceSummaryQuery(department, framework));
  const departments = useAllDepartments();
  const names = departmentNameMap(departments.data);
  const results = useQuery(
    complianceResultsQuery({
      rule: clauseId,
      department,
      status,
      cursor: list.paging.cursor,
      limit: list.paging.pageSize,
      ...frameworkLink,
    }),
  );

  const english = i18n.language === 'en';
  const source = nis2 ? summary : pack;
  if (packs.isLoading || source.isLoading) return <LoadingState />;
  if (packs.error || source.error) return <ErrorState error={packs.error ?? source.error} onRetry={() => void source.refetch()} />;
  const counts = summary.data?.clauses.find((entry) => entry.clauseId === clauseId);
  const clause = nis2 ? measureOf(counts) : policyClauseOf(pack.data, clauseId);
  if (!clause) return <ListEmptyState title={t('clause.notFound', { id: clauseId })} />;
  const columns: Column<ComplianceResult>[] = [
    {
      key: 'subject',
      header: t('clause.subject'),
      cell: (result) =>
        result.subjectType === 'system' ? (
          <AnchorLink to="/systems/$systemId" params={{ systemId: result.subjectId }} size="sm" fw={600}>
            {result.subjectName}
          </AnchorLink>
        ) : result.subjectType === 'incident' ? (
          <AnchorLink to="/incidents/$incidentId" params={{ incidentId: result.subjectId }} size="sm" fw={600}>
            {result.subjectName}
          </AnchorLink>
        ) : (
          <Text size="sm" fw={600}>
            {result.subjectName}
          </Text>
        ),
    },
    {
      key: 'department',
      header: t('compliance.department'),
      cell: (result) => (result.departmentId ? (names.get(result.departmentId) ?? '…') : '–'),
    },
    { key: 'status', header: t('compliance.status'), cell: (result) => <StatusBadge status={result.status} /> },
    { key: 'reason', header: t('compliance.reasonAndEvidence'), cell: (result) => <ResultReason result={result} /> },
    {
      key: 'fix',
      header: t('compliance.fix'),
      nowrap: true,
      cell: (result) =>
        result.status === 'fail' && (
          <FixLink fixPath={result.fixPath} label={t('compliance.fixLabel', { clause: clauseId, name: result.subjectName })}>
            {t('compliance.fixLink')}
          </FixLink>
        ),
    },
  ];
  const number = (value: number) => formatNumber(value, i18n.language);
  const ruleText = english ? clause.ruleEn : clause.ruleSv;

  return (
    <>
      <AnchorLink to="/compliance" search={{ ...frameworkLink, ...(department ? { department } : {}) }} size="sm">
        <span aria-hidden="true">← </span>
        {t('clause.back')}
      </AnchorLink>
      <Stack gap={4} mt="xs" mb="lg">
        <Text size="sm" c="gray.7" fw={600}>
          {clause.id} · {nis2 ? t('compliance.nis2.article', { section: clause.section }) : `§ ${clause.section}`}
        </Text>
        <Title order={1} size="h2">
          {english ? clause.titleEn : clause.titleSv}
        </Title>
        {department && (
          <Group gap="xs">
            <Text size="sm">{t('clause.forDepartment', { name: names.get(department) ?? '…' })}</Text>
            <AnchorLink to="/compliance/clauses/$clauseId" params={{ clauseId }} search={frameworkLink} size="sm">
              {t('clause.showAll')}
            </AnchorLink>
          </Group>
        )}
      </Stack>

      <Stack gap="lg">
        <Card withBorder padding="lg" radius="md" component="section" aria-labelledby="policy-text-heading">
          <Title order={2} size="h4" id="policy-text-heading" mb="sm">
            {nis2 ? t('clause.actText', { section: clause.section }) : t('clause.policyText', { section: clause.section })}
          </Title>
          <Blockquote
            color="blue.8"
            p="md"
            cite={nis2 ? summary.data?.pack.title : `${clause.documentTitle}, § ${clause.section}`}
            lang="sv"
          >
            ”{clause.textSv}”
          </Blockquote>
          {english && (
            <Text size="sm" mt="sm" c="gray.8">
              {clause.textEn}
            </Text>
          )}
          <Title order={3} size="h5" mt="md" mb={4}>
            {t('clause.rule')}
          </Title>
          <Text size="sm">{clause.hasRule ? ruleText || t('clause.noRuleText') : t('clause.noRule')}</Text>
          {clause.evidenceClauseIds.length > 0 && (
            <Group gap="xs" mt="sm" data-testid="clause-evidence">
              <Text size="sm" fw={600}>
                {t('clause.restsOn')}
              </Text>
              {clause.evidenceClauseIds.map((evidence) => (
                <AnchorLink key={evidence} to="/compliance/clauses/$clauseId" params={{ clauseId: evidence }} size="sm">
                  {evidence}
                </AnchorLink>
              ))}
            </Group>
          )}
          {counts?.check === 'structural' && (
            <Text size="sm" mt="xs" data-testid="clause-structural">
              {t('clause.structural')}
            </Text>
          )}
        </Card>

        {clause.hasRule && (
          <SimpleGrid cols={{ base: 1, sm: 4 }} spacing="lg">
            {[
              [t('labels.status.pass'), counts ? number(counts.passed) : '–'],
              [t('labels.status.fail'), counts ? number(counts.failed) : '–'],
              [t('labels.status.not_applicable'), counts ? number(counts.notApplicable) : '–'],
              [t('compliance.score'), counts ? formatScore(counts.score, i18n.language) : '–'],
            ].map(([label, value]) => (
              <Card withBorder padding="md" radius="md" key={label} component="section" aria-label={label}>
                <Text size="sm" c="gray.7" fw={600}>
                  {label}
                </Text>
                <Text fz={28} fw={700} data-testid={`clause-count-${label}`}>
                  {value}
                </Text>
              </Card>
            ))}
          </SimpleGrid>
        )}

        {clause.hasRule && (
          <Paper withBorder radius="md" p="lg" component="section" aria-labelledby="subjects-heading">
            <Group justify="space-between" mb="sm" align="flex-end">
              <Title order={2} size="h4" id="subjects-heading">
                {t(`clause.subjects.${status}`)}
              </Title>
              <Select
                label={t('compliance.status')}
                w={200}
                allowDeselect={false}
                value={status}
                onChange={(value) => value && list.setFilters({ status: value === 'fail' ? undefined : (value as Status) })}
                data={resultStatuses.map((value) => ({ value, label: t(`labels.status.${value}`) }))}
              />
            </Group>
            <QueryTable
              query={results}
              caption={t(`clause.subjects.${status}`)}
              columns={columns}
              rowKey={(result) => `${result.subjectType}-${result.subjectId}`}
              rowTestId="clause-result-row"
              paging={list.paging}
              minWidth={760}
              framed={false}
              empty={<ListEmptyState title={t(`clause.none.${status}`)} />}
            />
          </Paper>
        )}
        {summary.error && <ErrorState error={summary.error} />}
      </Stack>
    </>
  );
}
