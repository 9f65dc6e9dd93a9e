import type { ComplianceResult } from '@forvalta/contracts';
import { Blockquote, Card, Group, Paper, Select, SimpleGrid, Stack, Table, Text, Title, VisuallyHidden } from '@mantine/core';
import { keepPreviousData, useQuery } from '@tanstack/react-query';
import { getRouteApi } from '@tanstack/react-router';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { AnchorLink } from '../../components/AnchorLink.tsx';
import { legacyApi } from '../../api/client.ts';
import { CursorPager } from '../../components/CursorPager.tsx';
import { useCursorPaging } from '../../components/cursor-paging.ts';
import { ErrorState } from '../../components/ErrorState.tsx';
import { ListEmptyState } from '../../components/ListEmptyState.tsx';
import { LoadingState } from '../../components/LoadingState.tsx';
import { formatNumber } from '../../i18n/format.ts';
import { departmentNameMap, useAllDepartments } from '../organisation/departments/departments.queries.ts';
import { StatusBadge } from '../systems/SystemBadges.tsx';
import { complianceSummaryQuery, fillParameters, formatScore, policyPackQuery, policyPacksQuery } from './compliance-api.ts';
import { FixLink } from './FixLink.tsx';
import { ResultReason } from './ResultReason.tsx';

const routeApi = getRouteApi('/authenticated/content/compliance/clauses/$clauseId');
type Status = 'fail' | 'pass' | 'not_applicable';

/** A policy requirement: the policy's own sentence, the rule in plain words, and every failing subject. */
export function ClausePage() {
  const { t, i18n } = useTranslation();
  const { clauseId } = routeApi.useParams();
  const { department } = routeApi.useSearch();
  const [status, setStatus] = useState<Status>('fail');
  const packs = useQuery(policyPacksQuery);
  const currentPackId = packs.data?.items.find((pack) => pack.current)?.id;
  const pack = useQuery(policyPackQuery(currentPackId));
  const summary = useQuery(complianceSummaryQuery(department));
  const departments = useAllDepartments();
  const names = departmentNameMap(departments.data);
  const filters = { rule: clauseId, department, status };
  const paging = useCursorPaging(JSON.stringify(filters), 25);
  const results = useQuery({
    queryKey: ['compliance', 'results', filters, paging.cursor, paging.pageSize],
    queryFn: ({ signal }) =>
      legacyApi.list<ComplianceResult>('/compliance/results', { ...filters, cursor: paging.cursor, limit: paging.pageSize }, signal),
    placeholderData: keepPreviousData,
  });

  if (packs.isLoading || pack.isLoading) return <LoadingState />;
  if (packs.error || pack.error) return <ErrorState error={packs.error ?? pack.error} onRetry={() => void pack.refetch()} />;
  const clause = pack.data?.clauses.find((candidate) => candidate.id === clauseId);
  if (!clause || !pack.data) return <ListEmptyState title={t('clause.notFound', { id: clauseId })} />;
  const english = i18n.language === 'en';
  const counts = summary.data?.clauses.find((entry) => entry.clauseId === clauseId);
  const number = (value: number) => formatNumber(value, i18n.language);
  const ruleText = fillParameters(english ? clause.ruleDescriptionEn : clause.ruleDescriptionSv, pack.data.parameters);

  return (
    <>
      <AnchorLink to="/compliance" search={department ? { department } : {}} size="sm">
        <span aria-hidden="true">← </span>
        {t('clause.back')}
      </AnchorLink>
      <Stack gap={4} mt="xs" mb="lg">
        <Text size="sm" c="gray.7" fw={600}>
          {clause.id} · § {clause.section}
        </Text>
        <Title order={1} size="h2">
          {english ? clause.titleEn : clause.titleSv}
        </Title>
        {department && (
          <Group gap="xs">
            <Text size="sm">{t('clause.forDepartment', { name: names.get(department) ?? '…' })}</Text>
            <AnchorLink to="/compliance/clauses/$clauseId" params={{ clauseId }} search={{}} size="sm">
              {t('clause.showAll')}
            </AnchorLink>
          </Group>
        )}
      </Stack>

      <Stack gap="lg">
        <Card withBorder padding="lg" radius="md" component="section" aria-labelledby="policy-text-heading">
          <Title order={2} size="h4" id="policy-text-heading" mb="sm">
            {t('clause.policyText', { section: clause.section })}
          </Title>
          <Blockquote color="blue.8" p="md" cite={`${pack.data.document.title}, § ${clause.section}`} lang="sv">
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
                onChange={(value) => value && setStatus(value as Status)}
                data={(['fail', 'pass', 'not_applicable'] as const).map((value) => ({ value, label: t(`labels.status.${value}`) }))}
              />
            </Group>
            {results.isLoading ? (
              <LoadingState />
            ) : results.error ? (
              <ErrorState error={results.error} onRetry={() => void results.refetch()} />
            ) : !results.data || results.data.items.length === 0 ? (
              <ListEmptyState title={t(`clause.none.${status}`)} />
            ) : (
              <>
                <Table.ScrollContainer minWidth={760}>
                  <Table verticalSpacing="sm" aria-busy={results.isFetching}>
                    <VisuallyHidden component="caption">{t(`clause.subjects.${status}`)}</VisuallyHidden>
                    <Table.Thead>
                      <Table.Tr>
                        <Table.Th scope="col">{t('clause.subject')}</Table.Th>
                        <Table.Th scope="col">{t('compliance.department')}</Table.Th>
                        <Table.Th scope="col">{t('compliance.status')}</Table.Th>
                        <Table.Th scope="col">{t('compliance.reasonAndEvidence')}</Table.Th>
                        <Table.Th scope="col">{t('compliance.fix')}</Table.Th>
                      </Table.Tr>
                    </Table.Thead>
                    <Table.Tbody>
                      {results.data.items.map((result) => (
                        <Table.Tr key={`${result.subjectType}-${result.subjectId}`} data-testid="clause-result-row">
                          <Table.Td fw={600} fz="sm">
                            {result.subjectType === 'system' ? (
                              <AnchorLink to="/systems/$systemId" params={{ systemId: result.subjectId }} size="sm" fw={600}>
                                {result.subjectName}
                              </AnchorLink>
                            ) : (
                              result.subjectName
                            )}
                          </Table.Td>
                          <Table.Td fz="sm">{result.departmentId ? (names.get(result.departmentId) ?? '…') : '–'}</Table.Td>
                          <Table.Td>
                            <StatusBadge status={result.status} />
                          </Table.Td>
                          <Table.Td>
                            <ResultReason result={result} />
                          </Table.Td>
                          <Table.Td style={{ whiteSpace: 'nowrap' }}>
                            {result.status === 'fail' && (
                              <FixLink
                                fixPath={result.fixPath}
                                label={t('compliance.fixLabel', { clause: clauseId, name: result.subjectName })}
                              >
                                {t('compliance.fixLink')}
                              </FixLink>
                            )}
                          </Table.Td>
                        </Table.Tr>
                      ))}
                    </Table.Tbody>
                  </Table>
                </Table.ScrollContainer>
                <CursorPager
                  pageIndex={paging.pageIndex}
                  pageSize={paging.pageSize}
                  itemCount={results.data.items.length}
                  total={results.data.total}
                  nextCursor={results.data.nextCursor}
                  onNext={paging.goNext}
                  onPrevious={paging.goPrevious}
                />
              </>
            )}
          </Paper>
        )}
        {summary.error && <ErrorState error={summary.error} />}
      </Stack>
    </>
  );
}
