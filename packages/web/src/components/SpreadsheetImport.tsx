import { Alert, Badge, Button, FileInput, Group, Pagination, Progress, Select, Stack, Text } from '@mantine/core';
import { type ReactNode, useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { isApiError } from '../api/client.ts';
import { formatNumber } from '../i18n/format.ts';
import { errorMessage } from './error-messages.ts';
import { type Column, DataTable } from './QueryTable.tsx';
import { SectionCard } from './SectionCard.tsx';

/** What every file import of the product answers: a dry run or an apply, counted per outcome, with the rows listed. */
export interface SpreadsheetImportReport<Outcome extends string, Row> {
  mode: 'dry_run' | 'apply';
  applied: boolean;
  ignoredColumns: string[];
  summary: { rows: number; unchanged: number; refused: number } & Record<Outcome, number>;
  rows: Row[];
  rowsListed: number;
}

export type ImportMode = 'dry_run' | 'apply';

export interface SpreadsheetImportProps<Outcome extends string, Row extends { rowNumber: number; outcome: Outcome }> {
  /** Runs the file as a dry run or an apply; the caller's mutation (it knows the route and any options). */
  run: (file: File, mode: ImportMode, done: (report: SpreadsheetImportReport<Outcome, Row>) => void) => void;
  pending: boolean;
  applying: boolean;
  error: unknown;
  reset: () => void;
  outcomes: readonly Outcome[];
  outcomeLabel: (outcome: Outcome) => string;
  /** A colour dark enough for white text (WCAG AA) per outcome. */
  outcomeColour: Record<Outcome, string>;
  /** The module's columns between the row number and outcome and the reason. */
  columns: Column<Row>[];
  /** Why a row is refused or left as it is, in the reader's language. */
  why: (row: Row) => string;
  texts: {
    columnsHelp: ReactNode;
    applying: (rows: number) => string;
    applied: (report: SpreadsheetImportReport<Outcome, Row>) => string;
    rowsCaption: string;
  };
  /** Options of the import beside the file (e.g. where the rows were found). */
  children?: ReactNode;
  /** False while the options beside the file are incomplete: the dry run waits for them. */
  ready?: boolean;
  /** The options a report was made with: when they change, the report is dropped and apply waits for a new dry run. */
  optionsKey?: string;
  /** What an apply would change, when more than the rows that are not unchanged or refused (e.g. counts the file no longer has). */
  changesOf?: (report: SpreadsheetImportReport<Outcome, Row>) => number;
}

const pageSize = 50;

export function ImportOutcomeBadge({ label, colour }: { label: string; colour: string }) {
  return (
    <Badge color={colour} variant="filled" tt="none" miw="max-content">
      {label}
    </Badge>
  );
}

/**
 * One file import screen for every module that takes a spreadsheet (access rights, assets): choose
 * a CSV or XLSX file, run it dry (nothing changes) and read each row's outcome and why, then apply,
 * which the server does for every row or none. Apply is offered only after a clean dry run of the
 * same file with something to change.
 */
export function SpreadsheetImport<Outcome extends string, Row extends { rowNumber: number; outcome: Outcome }>(
  props: SpreadsheetImportProps<Outcome, Row>,
) {
  const { t } = useTranslation('spreadsheet');
  const [file, setFile] = useState<File | null>(null);
  const [report, setReport] = useState<SpreadsheetImportReport<Outcome, Row> | null>(null);
  const choose = (chosen: File | null) => {
    setFile(chosen);
    setReport(null);
    props.reset();
  };
  const { reset, optionsKey } = props;
  // A report answers the options it was run with; other options need their own dry run first.
  useEffect(() => {
    void optionsKey;
    setReport(null);
    reset();
  }, [optionsKey, reset]);
  const changes = !report
    ? 0
    : props.changesOf
      ? props.changesOf(report)
      : report.summary.rows - report.summary.unchanged - report.summary.refused;
  const canApply = report !== null && report.mode === 'dry_run' && report.summary.refused === 0 && changes > 0;
  const error = props.error;

  return (
    <Stack gap="lg">
      <SectionCard id="import-file" title={t('fileHeading')}>
        <Stack gap="md">
          <Text size="sm">{props.texts.columnsHelp}</Text>
          <FileInput
            label={t('file')}
            description={t('fileDescription')}
            placeholder={t('filePlaceholder')}
            // Mantine's placeholder grey is 2:1 on white; WCAG AA needs 4.5:1.
            styles={{ placeholder: { color: 'var(--mantine-color-gray-7)' } }}
            accept=".csv,.xlsx,text/csv,application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"
            value={file}
            onChange={choose}
            clearable
            clearButtonProps={{ 'aria-label': t('clearFile') }}
            w={{ base: '100%', sm: 420 }}
          />
          {props.children}
          <Group>
            <Button
              onClick={() => file && props.run(file, 'dry_run', setReport)}
              disabled={!file || props.ready === false}
              loading={props.pending && !props.applying}
            >
              {t('dryRun')}
            </Button>
            <Button
              color="#1f6f36"
              onClick={() => file && props.run(file, 'apply', setReport)}
              disabled={!canApply || props.pending}
              loading={props.applying}
            >
              {t('apply')}
            </Button>
          </Group>
          {props.applying && (
            <Stack gap={4} aria-live="polite">
              <Text size="sm">{props.texts.applying(changes)}</Text>
              <Progress value={100} animated aria-label={t('applyingLabel')} />
            </Stack>
          )}
          {error !== null && error !== undefined && (
            <Alert color="red" variant="light" title={t('failed')} role="alert">
              {isApiError(error, 'validation_failed') ? (error.problem?.detail ?? errorMessage(error)) : errorMessage(error)}
            </Alert>
          )}
        </Stack>
      </SectionCard>
      {report && (
        <SectionCard id="import-result" title={report.applied ? t('appliedHeading') : t('dryRunHeading')}>
          <Stack gap="md">
            {report.applied ? (
              <Alert color="green" variant="light" role="status" styles={{ title: { color: '#1f6f36' } }} title={t('applied')}>
                {props.texts.applied(report)}
              </Alert>
            ) : report.summary.refused > 0 ? (
              <Alert color="red" variant="light" role="status" title={t('hasRefused', { count: report.summary.refused })}>
                {t('hasRefusedText')}
              </Alert>
            ) : (
              <Text size="sm">{changes > 0 ? t('dryRunText') : t('nothingToChange')}</Text>
            )}
            <ImportSummary report={report} {...props} />
            {report.ignoredColumns.length > 0 && (
              <Text size="sm">{t('ignoredColumns', { columns: report.ignoredColumns.join(', ') })}</Text>
            )}
            <ImportRowsTable
              report={report}
              outcomes={props.outcomes}
              outcomeLabel={props.outcomeLabel}
              outcomeColour={props.outcomeColour}
              columns={props.columns}
              why={props.why}
              caption={props.texts.rowsCaption}
            />
          </Stack>
        </SectionCard>
      )}
    </Stack>
  );
}

type RowsProps<Outcome extends string, Row extends { rowNumber: number; outcome: Outcome }> = SpreadsheetImportProps<Outcome, Row> & {
  report: SpreadsheetImportReport<Outcome, Row>;
};

function ImportSummary<Outcome extends string, Row extends { rowNumber: number; outcome: Outcome }>(props: RowsProps<Outcome, Row>) {
  const { t, i18n } = useTranslation('spreadsheet');
  const number = (value: number) => formatNumber(value, i18n.language);
  const { summary } = props.report;
  return (
    <Group gap="lg" data-testid="import-summary">
      {props.outcomes.map((outcome) => (
        <Group key={outcome} gap={6}>
          <ImportOutcomeBadge label={props.outcomeLabel(outcome)} colour={props.outcomeColour[outcome]} />
          <Text size="sm" fw={600}>
            {number(summary[outcome])}
          </Text>
        </Group>
      ))}
      <Text size="sm">{t('rowsInFile', { count: summary.rows, formatted: number(summary.rows) })}</Text>
    </Group>
  );
}

export interface ImportRowsTableProps<Outcome extends string, Row extends { rowNumber: number; outcome: Outcome }> {
  report: { rows: Row[]; rowsListed: number; summary: { rows: number; refused: number } };
  /** In the order the filter offers them. */
  outcomes: readonly Outcome[];
  outcomeLabel: (outcome: Outcome) => string;
  outcomeColour: Record<Outcome, string>;
  /** The module's columns between the row number and outcome and the reason. */
  columns: Column<Row>[];
  /** Why a row is refused or left as it is; without it the module's columns say so themselves. */
  why?: (row: Row) => string;
  caption: string;
  /** The line when the server listed fewer rows than the file has; the shared wording without it. */
  rowsListed?: (listed: number, total: number) => string;
}

/**
 * The report's rows with their outcome and why, for every import screen. The report is the answer
 * to one upload, not a stored list, so its (at most 2,000) rows are paged here; the summary counts them all.
 */
export function ImportRowsTable<Outcome extends string, Row extends { rowNumber: number; outcome: Outcome }>(
  props: ImportRowsTableProps<Outcome, Row>,
) {
  const { t } = useTranslation('spreadsheet');
  const { report, why } = props;
  const [outcome, setOutcome] = useState<Outcome | null>(report.summary.refused > 0 ? ('refused' as Outcome) : null);
  const [page, setPage] = useState(1);
  const rows = outcome ? report.rows.filter((row) => row.outcome === outcome) : report.rows;
  const pages = Math.max(1, Math.ceil(rows.length / pageSize));
  const shown = rows.slice((page - 1) * pageSize, page * pageSize);
  const columns: Column<Row>[] = [
    { key: 'row', header: t('columnRow'), align: 'right', nowrap: true, rowHeader: true, cell: (row) => row.rowNumber },
    {
      key: 'outcome',
      header: t('columnOutcome'),
      nowrap: true,
      cell: (row) => <ImportOutcomeBadge label={props.outcomeLabel(row.outcome)} colour={props.outcomeColour[row.outcome]} />,
    },
    ...props.columns,
    ...(why ? [{ key: 'why', header: t('columnWhy'), cell: (row: Row) => why(row) || '–' }] : []),
  ];
  const listed = report.rowsListed < report.summary.rows;
  return (
    <Stack gap="sm">
      <Group align="flex-end" justify="space-between">
        <Select
          label={t('showOutcome')}
          placeholder={t('allOutcomes')}
          clearable
          value={outcome}
          onChange={(value) => {
            setOutcome(value as Outcome | null);
            setPage(1);
          }}
          data={props.outcomes.map((value) => ({ value, label: props.outcomeLabel(value) }))}
          w={220}
        />
        {listed && (
          <Text size="sm">
            {props.rowsListed
              ? props.rowsListed(report.rowsListed, report.summary.rows)
              : t('rowsListed', { listed: report.rowsListed, total: report.summary.rows })}
          </Text>
        )}
      </Group>
      <DataTable
        caption={props.caption}
        columns={columns}
        rows={shown}
        rowKey={(row) => String(row.rowNumber)}
        rowTestId="import-row"
        minWidth={900}
      />
      {pages > 1 && (
        <Pagination value={page} onChange={setPage} total={pages} getControlProps={(control) => ({ 'aria-label': t(`page.${control}`) })} />
      )}
    </Stack>
  );
}
