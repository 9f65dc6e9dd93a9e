import type { Nis2Report } from '@forvalta/contracts';
import { Badge, Button, Card, Group, SimpleGrid, Stack, Text } from '@mantine/core';
import { useQuery } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import { AnchorLink } from '../../components/AnchorLink.tsx';
import { ErrorState } from '../../components/ErrorState.tsx';
import { LoadingState } from '../../components/LoadingState.tsx';
import { PageHeader } from '../../components/PageHeader.tsx';
import { DataTable } from '../../components/QueryTable.tsx';
import { SectionCard } from '../../components/SectionCard.tsx';
import { formatDate, formatDateTime, formatNumber } from '../../i18n/format.ts';
import { nis2ReportExportUrl, nis2ReportQuery } from './compliance.queries.ts';

type Measure = Nis2Report['measures'][number];
type ScopeSystem = Nis2Report['systems'][number];

// Text colours that keep 4.5:1 on white (WCAG 2.1 AA), as the clause check badges.
const standingColours: Record<Measure['standing'], string> = {
  met: '#1f6f36',
  not_met: 'red.9',
  not_checked: 'gray.7',
  not_applicable: 'gray.7',
};

/**
 * The NIS2 status report (issue #19): the Cybersecurity Act's measures met, not met and not checked,
 * each with its evidence linked, and the systems in the Act's scope with their classification,
 * continuity and supplier; the same report as XLSX and PDF to hand on.
 */
export function Nis2ReportPage() {
  const { t, i18n } = useTranslation();
  const report = useQuery(nis2ReportQuery);
  const number = (value: number) => formatNumber(value, i18n.language);
  const english = i18n.language === 'en';
  const data = report.data;
  return (
    <>
      <AnchorLink to="/compliance" search={{ framework: 'nis2' }} size="sm">
        <span aria-hidden="true">← </span>
        {t('nis2Report.back')}
      </AnchorLink>
      <PageHeader
        title={t('nis2Report.title')}
        intro={t('nis2Report.intro')}
        actions={
          <Group gap="xs">
            <Button component="a" href={nis2ReportExportUrl('xlsx')} download variant="default">
              {t('nis2Report.downloadXlsx')}
            </Button>
            <Button component="a" href={nis2ReportExportUrl('pdf')} download variant="default">
              {t('nis2Report.downloadPdf')}
            </Button>
          </Group>
        }
      />
      {report.isLoading ? (
        <LoadingState />
      ) : report.error || !data ? (
        <ErrorState error={report.error} onRetry={() => void report.refetch()} />
      ) : (
        <Stack gap="lg">
          <Text size="sm" c="gray.7">
            {t('nis2Report.evaluated', { municipality: data.municipalityName, time: formatDateTime(data.evaluatedAt) })}
          </Text>
          <SimpleGrid cols={{ base: 1, sm: 4 }} spacing="lg">
            {(
              [
                ['met', data.counts.met],
                ['not_met', data.counts.notMet],
                ['not_checked', data.counts.notChecked],
                ['not_applicable', data.counts.notApplicable],
              ] as const
            ).map(([standing, count]) => (
              <Card
                withBorder
                padding="lg"
                radius="md"
                component="section"
                aria-label={t(`nis2Report.standing.${standing}`)}
                key={standing}
              >
                <Text size="sm" c="gray.7" fw={600}>
                  {t(`nis2Report.standing.${standing}`)}
                </Text>
                <Text fz={32} fw={700} data-testid={`nis2-count-${standing}`}>
                  {number(count)}
                </Text>
              </Card>
            ))}
          </SimpleGrid>

          <SectionCard id="measures" title={t('nis2Report.measures')}>
            <DataTable
              rows={data.measures}
              caption={t('nis2Report.measures')}
              rowKey={(measure) => measure.clauseId}
              rowTestId="nis2-report-measure"
              columns={[
                {
                  key: 'measure',
                  header: t('nis2Report.measure'),
                  cell: (measure: Measure) => (
                    <>
                      <Text size="sm" fw={600}>
                        {english ? measure.titleEn : measure.titleSv}
                      </Text>
                      <Text size="xs" c="gray.7">
                        {measure.clauseId} · {t('compliance.nis2.article', { section: measure.section })}
                      </Text>
                    </>
                  ),
                },
                {
                  key: 'standing',
                  header: t('nis2Report.standingColumn'),
                  cell: (measure: Measure) => (
                    <Badge color={standingColours[measure.standing]} variant="outline" tt="none" miw="max-content">
                      {t(`nis2Report.standing.${measure.standing}`)}
                    </Badge>
                  ),
                },
                { key: 'passed', header: t('labels.status.pass'), align: 'right', cell: (measure: Measure) => number(measure.passed) },
                { key: 'failed', header: t('labels.status.fail'), align: 'right', cell: (measure: Measure) => number(measure.failed) },
                {
                  key: 'evidence',
                  header: t('nis2Report.evidence'),
                  cell: (measure: Measure) => (
                    <Group gap="xs">
                      {measure.standing !== 'not_checked' && (
                        <AnchorLink
                          to="/compliance/clauses/$clauseId"
                          params={{ clauseId: measure.clauseId }}
                          search={{ framework: 'nis2' }}
                          size="sm"
                          aria-label={t('nis2Report.evidenceOf', { measure: measure.clauseId })}
                        >
                          {t('nis2Report.evidenceLink')}
                        </AnchorLink>
                      )}
                      {measure.evidenceClauseIds.map((clauseId) => (
                        <AnchorLink key={clauseId} to="/compliance/clauses/$clauseId" params={{ clauseId }} size="sm">
                          {clauseId}
                        </AnchorLink>
                      ))}
                      {measure.standing === 'not_checked' && <Text size="sm">{t('compliance.nis2.noEvidence')}</Text>}
                    </Group>
                  ),
                },
              ]}
            />
          </SectionCard>

          <SectionCard id="systems" title={t('nis2Report.systems')}>
            {data.systems.length === 0 ? (
              <Text size="sm">{t('nis2Report.noSystems')}</Text>
            ) : (
              <DataTable
                rows={data.systems}
                caption={t('nis2Report.systems')}
                rowKey={(system) => system.id}
                rowTestId="nis2-report-system"
                columns={[
                  {
                    key: 'name',
                    header: t('nis2Report.system'),
                    cell: (system: ScopeSystem) => (
                      <AnchorLink to="/systems/$systemId" params={{ systemId: system.id }} size="sm" fw={600}>
                        {system.name}
                      </AnchorLink>
                    ),
                  },
                  { key: 'owner', header: t('nis2Report.owner'), cell: (system: ScopeSystem) => system.ownerDepartmentName },
                  {
                    key: 'classification',
                    header: t('nis2Report.classification'),
                    cell: (system: ScopeSystem) =>
                      system.classification
                        ? t('nis2Report.levels', {
                            confidentiality: system.classification.confidentiality,
                            integrity: system.classification.integrity,
                            availability: system.classification.availability,
                            traceability: system.classification.traceability,
                          })
                        : t('nis2Report.notClassified'),
                  },
                  {
                    key: 'continuity',
                    header: t('nis2Report.continuity'),
                    cell: (system: ScopeSystem) => (
                      <>
                        <Text size="sm">
                          {system.criticality ? t(`labels.criticality.${system.criticality}`) : '–'}
                          {system.lastRestoreTestOn
                            ? ` · ${t('nis2Report.restoreTested', { date: formatDate(system.lastRestoreTestOn) })}`
                            : ''}
                        </Text>
                        {system.continuityReason && (
                          <Text size="xs" c={system.continuityStatus === 'fail' ? 'red.9' : 'gray.7'}>
                            {t(`reasons.${system.continuityReason}`, { intervalMonths: data.restoreTestIntervalMonths })}
                          </Text>
                        )}
                      </>
                    ),
                  },
                  { key: 'supplier', header: t('nis2Report.supplier'), cell: (system: ScopeSystem) => system.supplier ?? '–' },
                ]}
              />
            )}
          </SectionCard>
        </Stack>
      )}
    </>
  );
}
