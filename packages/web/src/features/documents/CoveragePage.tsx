import type { AcknowledgementCoverage, PolicyDocument } from '@forvalta/contracts';
import { Button, Card, Group, SimpleGrid, Stack, Text } from '@mantine/core';
import { useQuery } from '@tanstack/react-query';
import { getRouteApi } from '@tanstack/react-router';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useCan } from '../../app/session.ts';
import { AnchorLink } from '../../components/AnchorLink.tsx';
import { ErrorState } from '../../components/ErrorState.tsx';
import { useSectionList } from '../../components/list-address.ts';
import { ListEmptyState } from '../../components/ListEmptyState.tsx';
import { LoadingState } from '../../components/LoadingState.tsx';
import { PageHeader } from '../../components/PageHeader.tsx';
import { SectionCard } from '../../components/SectionCard.tsx';
import { formatNumber } from '../../i18n/format.ts';
import { coverageQuery } from './acknowledgements.queries.ts';
import { CoverageChart } from './CoverageChart.tsx';
import { CoveragePeople, type CoveragePeopleFilters } from './CoveragePeople.tsx';
import { coverageRows } from './coverage-tree.ts';
import { formatShare } from './document-values.ts';
import { documentQuery } from './documents.queries.ts';
import { PaperRecordModal } from './PaperRecordModal.tsx';
import { ReminderModal, type ReminderTarget } from './ReminderModal.tsx';

const routeApi = getRouteApi('/authenticated/content/documents/$documentId/coverage');

/**
 * Who has acknowledged the version in force, per department and per person (ITP-4.2-KNOW,
 * ITP-12-KNOWLEDGE). A department head sees their own departments; they record signed papers
 * and register reminders from here.
 */
export function CoveragePage() {
  const { documentId } = routeApi.useParams();
  const document = useQuery(documentQuery(documentId));
  const coverage = useQuery(coverageQuery(documentId));
  if (document.isLoading || coverage.isLoading) return <LoadingState />;
  if (document.error || !document.data) return <ErrorState error={document.error} onRetry={() => void document.refetch()} />;
  if (coverage.error || !coverage.data) return <ErrorState error={coverage.error} onRetry={() => void coverage.refetch()} />;
  return <Coverage document={document.data} coverage={coverage.data} />;
}

function Coverage({ document, coverage }: { document: PolicyDocument; coverage: AcknowledgementCoverage }) {
  const { t, i18n } = useTranslation('documents');
  const people = useSectionList<CoveragePeopleFilters>('people', routeApi.useSearch(), routeApi.useNavigate(), {
    pageSize: 25,
    defaultSort: 'personName',
  });
  const canRemind = useCan('acknowledgement.remind');
  const canRecord = useCan('acknowledgement.recordFromPaper');
  const [recording, setRecording] = useState(false);
  const [reminding, setReminding] = useState<ReminderTarget | null>(null);
  const rows = coverageRows(coverage.departments);
  const total = coverage.total;
  const number = (value: number) => formatNumber(value, i18n.language);
  const versionId = coverage.versionId;

  const header = (
    <>
      <AnchorLink to="/documents/$documentId" params={{ documentId: document.id }} size="sm">
        <span aria-hidden="true">← </span>
        {t('version.back', { title: document.title })}
      </AnchorLink>
      <PageHeader
        title={t('coverage.title', { title: document.title })}
        intro={coverage.versionNumber ? t('coverage.intro', { number: coverage.versionNumber }) : undefined}
        actions={
          versionId && (
            <>
              {canRecord && (
                <Button variant="default" onClick={() => setRecording(true)}>
                  {t('coverage.recordPaper')}
                </Button>
              )}
              {canRemind && total.open > 0 && (
                <Button onClick={() => setReminding({ kind: 'all', open: total.open })}>{t('coverage.remindAll')}</Button>
              )}
            </>
          )
        }
      />
    </>
  );
  if (!document.requiresAcknowledgement || !versionId) {
    return (
      <>
        {header}
        <ListEmptyState title={!document.requiresAcknowledgement ? t('coverage.notRequired') : t('coverage.noVersion')} />
      </>
    );
  }

  return (
    <>
      {header}
      <Stack gap="lg">
        <SimpleGrid cols={{ base: 2, md: 4 }} spacing={{ base: 'xs', sm: 'md' }} data-testid="coverage-totals">
          <Figure label={t('coverage.share')} value={formatShare(total.share, i18n.language)} />
          <Figure
            label={t('coverage.acknowledged')}
            value={t('coverage.ofEmployees', { acknowledged: number(total.acknowledged), employees: number(total.activeEmployees) })}
          />
          <Figure label={t('coverage.open')} value={number(total.open)} />
          <Figure label={t('coverage.overdue')} value={number(total.overdue)} danger={total.overdue > 0} />
        </SimpleGrid>
        <SectionCard id="departments" title={t('coverage.perDepartment')}>
          {rows.length === 0 ? (
            <ListEmptyState title={t('coverage.noDepartments')} />
          ) : (
            <CoverageChart
              rows={rows}
              rowActions={(row) => [
                {
                  label: t('coverage.showPeople'),
                  onClick: () => {
                    people.setFilters({ departmentId: row.coverage.departmentId ?? undefined, state: 'requested' });
                    window.document.getElementById('people')?.scrollIntoView();
                  },
                },
                ...(canRemind && row.coverage.departmentId && row.coverage.subtree.open > 0
                  ? [
                      {
                        label: t('coverage.remindDepartment'),
                        onClick: () =>
                          setReminding({
                            kind: 'department',
                            departmentId: row.coverage.departmentId!,
                            name: row.coverage.departmentName ?? '',
                            open: row.coverage.subtree.open,
                          }),
                      },
                    ]
                  : []),
              ]}
            />
          )}
        </SectionCard>
        <CoveragePeople
          documentId={document.id}
          versionId={versionId}
          list={people}
          onRemind={(request) => setReminding({ kind: 'person', personId: request.personId, name: request.personName, open: 1 })}
        />
      </Stack>
      {recording && <PaperRecordModal documentId={document.id} versionId={versionId} onClose={() => setRecording(false)} />}
      {reminding && <ReminderModal documentId={document.id} target={reminding} onClose={() => setReminding(null)} />}
    </>
  );
}

function Figure({ label, value, danger = false }: { label: string; value: string; danger?: boolean }) {
  return (
    <Card withBorder padding="md" radius="md">
      <Text size="sm" c="gray.7">
        {label}
      </Text>
      <Group gap={6}>
        <Text size="xl" fw={700} c={danger ? 'red.9' : undefined}>
          {value}
        </Text>
      </Group>
    </Card>
  );
}
