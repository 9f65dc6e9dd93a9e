import type { AccessRightImportReport } from '@forvalta/contracts';
import { Alert, Button, FileInput, Group, Progress, Radio, Stack, Text } from '@mantine/core';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { errorMessage } from '../../components/error-messages.ts';
import { PageHeader } from '../../components/PageHeader.tsx';
import { SectionCard } from '../../components/SectionCard.tsx';
import { isApiError } from '../../api/client.ts';
import { formatNumber } from '../../i18n/format.ts';
import { useImportAccessRights } from './access-rights.queries.ts';
import { ImportRowsTable } from './ImportRowsTable.tsx';
import { OutcomeBadge } from './ImportOutcomeBadge.tsx';

function Summary({ report }: { report: AccessRightImportReport }) {
  const { t, i18n } = useTranslation('access');
  const number = (value: number) => formatNumber(value, i18n.language);
  const { summary } = report;
  return (
    <Group gap="lg" data-testid="import-summary">
      {(['create', 'end', 'unchanged', 'refused'] as const).map((outcome) => (
        <Group key={outcome} gap={6}>
          <OutcomeBadge outcome={outcome} />
          <Text size="sm" fw={600}>
            {number(summary[outcome])}
          </Text>
        </Group>
      ))}
      <Text size="sm">{t('import.rowsInFile', { count: summary.rows, formatted: number(summary.rows) })}</Text>
    </Group>
  );
}

/**
 * Importing access rights from a file (issue #14): choose a CSV or XLSX file, see per row what
 * would happen (the dry run changes nothing), then apply, which writes every row or none.
 */
export function AccessRightsImportPage() {
  const { t } = useTranslation('access');
  const [file, setFile] = useState<File | null>(null);
  const [source, setSource] = useState<'imported_system' | 'imported_directory'>('imported_system');
  const [report, setReport] = useState<AccessRightImportReport | null>(null);
  const importRights = useImportAccessRights();
  const applying = importRights.isPending && importRights.variables?.query.mode === 'apply';

  const run = (mode: 'dry_run' | 'apply') => {
    if (!file) return;
    importRights.mutate({ file, query: { mode, source } }, { onSuccess: (result) => setReport(result) });
  };
  const choose = (chosen: File | null) => {
    setFile(chosen);
    setReport(null);
    importRights.reset();
  };
  const canApply =
    report !== null && report.mode === 'dry_run' && report.summary.refused === 0 && report.summary.create + report.summary.end > 0;

  return (
    <>
      <PageHeader title={t('import.title')} intro={t('import.intro')} />
      <Stack gap="lg">
        <SectionCard id="import-file" title={t('import.fileHeading')}>
          <Stack gap="md">
            <Text size="sm">{t('import.columnsHelp')}</Text>
            <FileInput
              label={t('import.file')}
              description={t('import.fileDescription')}
              placeholder={t('import.filePlaceholder')}
              // Mantine's placeholder grey is 2:1 on white; WCAG AA needs 4.5:1.
              styles={{ placeholder: { color: 'var(--mantine-color-gray-7)' } }}
              accept=".csv,.xlsx,text/csv,application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"
              value={file}
              onChange={choose}
              clearable
              clearButtonProps={{ 'aria-label': t('import.clearFile') }}
              w={420}
            />
            <Radio.Group label={t('import.source')} value={source} onChange={(value) => setSource(value as typeof source)}>
              <Group mt="xs">
                <Radio value="imported_system" label={t('import.sourceSystem')} />
                <Radio value="imported_directory" label={t('import.sourceDirectory')} />
              </Group>
            </Radio.Group>
            <Group>
              <Button onClick={() => run('dry_run')} disabled={!file} loading={importRights.isPending && !applying}>
                {t('import.dryRun')}
              </Button>
              <Button color="#1f6f36" onClick={() => run('apply')} disabled={!canApply || importRights.isPending} loading={applying}>
                {t('import.apply')}
              </Button>
            </Group>
            {applying && (
              <Stack gap={4} aria-live="polite">
                <Text size="sm">{t('import.applying', { count: report?.summary.create ?? 0 })}</Text>
                <Progress value={100} animated aria-label={t('import.applyingLabel')} />
              </Stack>
            )}
            {importRights.error && (
              <Alert color="red" variant="light" title={t('import.failed')} role="alert">
                {isApiError(importRights.error, 'validation_failed')
                  ? (importRights.error.problem?.detail ?? errorMessage(importRights.error))
                  : errorMessage(importRights.error)}
              </Alert>
            )}
          </Stack>
        </SectionCard>
        {report && (
          <SectionCard id="import-result" title={report.applied ? t('import.appliedHeading') : t('import.dryRunHeading')}>
            <Stack gap="md">
              {report.applied ? (
                <Alert color="green" variant="light" role="status" styles={{ title: { color: '#1f6f36' } }} title={t('import.applied')}>
                  {t('import.appliedText', { created: report.summary.create, ended: report.summary.end })}
                </Alert>
              ) : report.summary.refused > 0 ? (
                <Alert color="red" variant="light" role="status" title={t('import.hasRefused', { count: report.summary.refused })}>
                  {t('import.hasRefusedText')}
                </Alert>
              ) : (
                <Text size="sm">{t('import.dryRunText')}</Text>
              )}
              <Summary report={report} />
              {report.ignoredColumns.length > 0 && (
                <Text size="sm">{t('import.ignoredColumns', { columns: report.ignoredColumns.join(', ') })}</Text>
              )}
              <ImportRowsTable report={report} />
            </Stack>
          </SectionCard>
        )}
      </Stack>
    </>
  );
}
