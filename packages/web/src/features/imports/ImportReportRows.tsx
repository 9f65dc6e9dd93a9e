import type { ImportOutcome, ImportReport, ImportRow } from '@forvalta/contracts';
import { Group, Pagination, Select, Stack, Text } from '@mantine/core';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { type Column, DataTable } from '../../components/QueryTable.tsx';
import { ImportOutcomeBadge as OutcomeBadge } from '../../components/SpreadsheetImport.tsx';

const pageSize = 50;
const outcomes: ImportOutcome[] = ['refused', 'create', 'update', 'unchanged'];

/** What an import row does, in a colour dark enough for white text (WCAG AA). */
const outcomeColours: Record<ImportOutcome, string> = {
  create: '#1f6f36',
  update: 'blue.9',
  unchanged: 'gray.7',
  refused: 'red.9',
};

export function ImportOutcomeBadge({ outcome }: { outcome: ImportOutcome }) {
  const { t } = useTranslation('imports');
  return <OutcomeBadge label={t(`outcome.${outcome}`)} colour={outcomeColours[outcome]} />;
}

/**
 * The report's rows: outcome, name, the fields a row changes and each problem with its column,
 * the cell as the file has it, and the reason. The server lists at most 2,000 rows (refused and
 * those with a problem first; the summary counts all, and the spreadsheet download has every one),
 * paged here fifty at a time so a 10,000-row file stays a light page.
 */
export function ImportReportRows({ report }: { report: ImportReport }) {
  const { t } = useTranslation('imports');
  const [outcome, setOutcome] = useState<ImportOutcome | null>(report.summary.refused > 0 ? 'refused' : null);
  const [page, setPage] = useState(1);
  const rows = outcome ? report.rows.filter((row) => row.outcome === outcome) : report.rows;
  const pages = Math.max(1, Math.ceil(rows.length / pageSize));
  const shown = rows.slice((page - 1) * pageSize, page * pageSize);
  const field = (name: string) => t(`field.${name}`, { defaultValue: name });

  const columns: Column<ImportRow>[] = [
    { key: 'row', header: t('report.row'), align: 'right', nowrap: true, rowHeader: true, cell: (row) => row.rowNumber },
    { key: 'outcome', header: t('report.outcome'), nowrap: true, cell: (row) => <ImportOutcomeBadge outcome={row.outcome} /> },
    { key: 'name', header: t('report.name'), cell: (row) => row.name ?? '–' },
    {
      key: 'changed',
      header: t('report.changed'),
      cell: (row) => (row.outcome === 'update' ? row.changedFields.map(field).join(', ') : '–'),
    },
    {
      key: 'problems',
      header: t('report.problems'),
      cell: (row) =>
        row.problems.length === 0 ? (
          '–'
        ) : (
          <Stack gap={4}>
            {row.problems.map((problem) => (
              <Text size="sm" key={`${problem.field}-${problem.reason}-${problem.value}`} className="wrap-anywhere">
                {problem.column && <strong>{problem.column}: </strong>}
                {problem.value && <>«{problem.value}» </>}
                {t(`reason.${problem.reason}`, { row: problem.otherRowNumber ?? '' })}{' '}
                <Text span size="sm" c={problem.severity === 'refused' ? 'red.9' : 'gray.7'}>
                  ({t(`severity.${problem.severity}`)}
                  {problem.requirement ? `, ${problem.requirement}` : ''})
                </Text>
              </Text>
            ))}
          </Stack>
        ),
    },
  ];
  return (
    <Stack gap="sm">
      <Group align="flex-end" justify="space-between">
        <Select
          label={t('report.show')}
          placeholder={t('report.allOutcomes')}
          clearable
          value={outcome}
          onChange={(value) => {
            setOutcome(value as ImportOutcome | null);
            setPage(1);
          }}
          data={outcomes.map((value) => ({ value, label: t(`outcome.${value}`) }))}
          w={220}
        />
        {report.rowsListed < report.summary.rows && (
          <Text size="sm">{t('report.rowsListed', { listed: report.rowsListed, total: report.summary.rows })}</Text>
        )}
      </Group>
      <DataTable
        caption={t('report.caption')}
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
