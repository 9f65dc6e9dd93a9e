import type { ImportKind, ImportMapping, ImportProposal, ImportReport } from '@forvalta/contracts';
import { Alert, Button, Checkbox, FileInput, Group, List, Progress, Stack, Text } from '@mantine/core';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { isApiError } from '../../api/client.ts';
import { hasPermission, useCurrentUser } from '../../app/session.ts';
import { ButtonLink } from '../../components/ButtonLink.tsx';
import { errorMessage } from '../../components/error-messages.ts';
import { PageHeader } from '../../components/PageHeader.tsx';
import { SectionCard } from '../../components/SectionCard.tsx';
import { currentLocale } from '../../i18n/index.ts';
import { formatNumber } from '../../i18n/format.ts';
import { ColumnMapping } from './ColumnMapping.tsx';
import { ImportOutcomeBadge, ImportReportRows } from './ImportReportRows.tsx';
import { type ApplyProgress, downloadReport, useApplyImport, useDryRun, useProposeMapping } from './imports.queries.ts';

function problemText(error: Error): string {
  if (isApiError(error, 'validation_failed')) {
    const fields = error.problem?.errors?.slice(0, 5).map((field) => field.message) ?? [];
    return [error.problem?.detail ?? errorMessage(error), ...fields].join(' ');
  }
  return errorMessage(error);
}

function Summary({ report }: { report: ImportReport }) {
  const { t, i18n } = useTranslation('imports');
  const number = (value: number) => formatNumber(value, i18n.language);
  const { summary } = report;
  return (
    <Stack gap="xs">
      <Group gap="lg" data-testid="import-summary">
        {(['create', 'update', 'unchanged', 'refused'] as const).map((outcome) => (
          <Group key={outcome} gap={6}>
            <ImportOutcomeBadge outcome={outcome} />
            <Text size="sm" fw={600}>
              {number(summary[outcome])}
            </Text>
          </Group>
        ))}
        <Text size="sm">{t('report.rowsInFile', { count: summary.rows, formatted: number(summary.rows) })}</Text>
      </Group>
      <Text size="sm">
        {t('report.more', {
          skipped: number(summary.skippedCells),
          integrations: number(summary.integrationsCreated),
          departments: number(summary.departmentsCreated),
        })}
      </Text>
    </Stack>
  );
}

/** Lists the report's values that found nothing: organisation paths, e-mail addresses, dependencies. */
function Unfound({ report }: { report: ImportReport }) {
  const { t } = useTranslation('imports');
  const lists = [
    { key: 'departments', items: report.unknownDepartments },
    { key: 'emails', items: report.unknownEmails },
    { key: 'dependencies', items: report.unresolvedDependencies.map((item) => t('report.dependencyOf', item)) },
  ].filter((list) => list.items.length > 0);
  return lists.map((list) => (
    <Stack gap={4} key={list.key}>
      <Text size="sm" fw={600}>
        {t(`report.unknown.${list.key}`, { count: list.items.length })}
      </Text>
      <List size="sm">
        {list.items.slice(0, 20).map((item) => (
          <List.Item key={item}>{item}</List.Item>
        ))}
      </List>
    </Stack>
  ));
}

/**
 * Importing the register or people from a spreadsheet (issue #17 §1, ADR 0032): choose the file,
 * see and correct the proposed column mapping, run the dry run (nothing is written) and read per
 * row what would happen and why, download that report as a spreadsheet, then apply, all rows or
 * none, with the progress the server streams after each batch.
 */
export function ImportPage({ kind }: { kind: ImportKind }) {
  const { t } = useTranslation('imports');
  const me = useCurrentUser();
  const [file, setFile] = useState<File | null>(null);
  const [proposal, setProposal] = useState<ImportProposal | null>(null);
  const [mapping, setMapping] = useState<ImportMapping>({});
  const [createDepartments, setCreateDepartments] = useState(false);
  const [report, setReport] = useState<ImportReport | null>(null);
  const [progress, setProgress] = useState<ApplyProgress | null>(null);
  const [downloading, setDownloading] = useState(false);
  const [downloadError, setDownloadError] = useState<Error | null>(null);
  const propose = useProposeMapping(kind);
  const dryRun = useDryRun(kind);
  const apply = useApplyImport(kind, setProgress);
  const options = { mapping, createDepartments };
  const busy = dryRun.isPending || apply.isPending;

  const choose = (chosen: File | null) => {
    setFile(chosen);
    setProposal(null);
    setReport(null);
    dryRun.reset();
    apply.reset();
    if (chosen)
      propose.mutate(chosen, {
        onSuccess: (result) => {
          setProposal(result);
          setMapping(result.mapping);
        },
      });
    else propose.reset();
  };
  const changeMapping = (next: ImportMapping) => {
    setMapping(next);
    setReport(null);
  };
  const runDry = () => file && dryRun.mutate({ file, options }, { onSuccess: setReport });
  const runApply = () => {
    if (!file) return;
    setProgress(null);
    apply.mutate({ file, options }, { onSuccess: setReport });
  };
  const download = async () => {
    if (!file) return;
    setDownloading(true);
    setDownloadError(null);
    try {
      await downloadReport(kind, file, options, currentLocale());
    } catch (error) {
      setDownloadError(error as Error);
    } finally {
      setDownloading(false);
    }
  };
  const canApply =
    report !== null && report.mode === 'dry_run' && report.summary.refused === 0 && report.summary.create + report.summary.update > 0;
  const error = propose.error ?? dryRun.error ?? apply.error ?? downloadError;
  const percent = progress && progress.total > 0 ? Math.round((progress.written / progress.total) * 100) : 0;

  return (
    <>
      <PageHeader title={t(`${kind}.title`)} intro={t(`${kind}.intro`)} />
      <Stack gap="lg">
        <SectionCard id="import-file" title={t('file.heading')}>
          <Stack gap="md">
            <FileInput
              label={t('file.label')}
              description={t('file.description')}
              placeholder={t('file.placeholder')}
              // Mantine's placeholder grey is 2:1 on white; WCAG AA needs 4.5:1.
              styles={{ placeholder: { color: 'var(--mantine-color-gray-7)' } }}
              accept=".csv,.xlsx,text/csv,application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"
              value={file}
              onChange={choose}
              clearable
              clearButtonProps={{ 'aria-label': t('file.clear') }}
              w={420}
            />
            {propose.isPending && <Text size="sm">{t('file.reading')}</Text>}
            {proposal && (
              <Text size="sm" role="status">
                {t('file.read', { count: proposal.rowCount, columns: proposal.headers.length, format: proposal.format.toUpperCase() })}
              </Text>
            )}
          </Stack>
        </SectionCard>
        {proposal && (
          <SectionCard id="import-mapping" title={t('mapping.heading')}>
            <Stack gap="md">
              <Text size="sm">{t(`mapping.intro.${kind}`)}</Text>
              <ColumnMapping kind={kind} proposal={proposal} mapping={mapping} onChange={changeMapping} />
              {hasPermission(me, 'department.write') && (
                <Checkbox
                  label={t('run.createDepartments')}
                  description={t('run.createDepartmentsHelp')}
                  checked={createDepartments}
                  onChange={(event) => {
                    setCreateDepartments(event.currentTarget.checked);
                    setReport(null);
                  }}
                />
              )}
              <Group>
                <Button onClick={runDry} disabled={busy} loading={dryRun.isPending}>
                  {t('run.dryRun')}
                </Button>
              </Group>
            </Stack>
          </SectionCard>
        )}
        {error && (
          <Alert color="red" variant="light" title={t('run.failed')} role="alert">
            {problemText(error)}
          </Alert>
        )}
        {report && (
          <SectionCard
            id="import-report"
            title={report.applied ? t('report.appliedHeading') : t('report.dryRunHeading')}
            actions={
              !report.applied && (
                <Button variant="default" onClick={download} loading={downloading}>
                  {t('report.download')}
                </Button>
              )
            }
          >
            <Stack gap="md">
              {report.applied ? (
                <Alert color="green" variant="light" role="status" styles={{ title: { color: '#1f6f36' } }} title={t('report.applied')}>
                  <Stack gap="xs" align="flex-start">
                    <Text size="sm">{t('report.appliedText', { created: report.summary.create, updated: report.summary.update })}</Text>
                    <ButtonLink to={kind === 'register' ? '/systems' : '/people'} size="xs" variant="filled" color="#1f6f36">
                      {t(`${kind}.see`)}
                    </ButtonLink>
                  </Stack>
                </Alert>
              ) : report.summary.refused > 0 ? (
                <Alert color="red" variant="light" role="status" title={t('report.hasRefused', { count: report.summary.refused })}>
                  {t('report.hasRefusedText')}
                </Alert>
              ) : (
                <Text size="sm" role="status">
                  {t('report.dryRunText')}
                </Text>
              )}
              <Summary report={report} />
              <Unfound report={report} />
              {!report.applied && (
                <Group>
                  <Button color="#1f6f36" onClick={runApply} disabled={!canApply || busy} loading={apply.isPending}>
                    {t('run.apply')}
                  </Button>
                </Group>
              )}
              {apply.isPending && (
                <Stack gap={4} aria-live="polite">
                  <Text size="sm">
                    {progress ? t('run.progress', { written: progress.written, total: progress.total }) : t('run.starting')}
                  </Text>
                  <Progress value={progress ? percent : 100} animated={!progress} aria-label={t('run.progressLabel')} />
                </Stack>
              )}
              <ImportReportRows report={report} />
            </Stack>
          </SectionCard>
        )}
      </Stack>
    </>
  );
}

export const RegisterImportPage = () => <ImportPage kind="register" />;
export const PeopleImportPage = () => <ImportPage kind="people" />;
