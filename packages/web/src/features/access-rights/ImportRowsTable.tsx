import type { AccessRightImportReport, AccessRightImportRow } from '@forvalta/contracts';
import { Group, Pagination, Select, Stack, Text } from '@mantine/core';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { type Column, DataTable } from '../../components/QueryTable.tsx';
import { formatDate } from '../../i18n/format.ts';
import { OutcomeBadge } from './ImportOutcomeBadge.tsx';

const pageSize = 50;

/**
 * The rows of an import report with their outcome and why. The report is the answer to one
 * upload, not a stored list, so its (at most 2,000) rows are paged here; the summary counts all.
 */
export function ImportRowsTable({ report }: { report: AccessRightImportReport }) {
  const { t } = useTranslation('access');
  const [outcome, setOutcome] = useState<AccessRightImportRow['outcome'] | null>(report.summary.refused > 0 ? 'refused' : null);
  const [page, setPage] = useState(1);
  const rows = outcome ? report.rows.filter((row) => row.outcome === outcome) : report.rows;
  const pages = Math.max(1, Math.ceil(rows.length / pageSize));
  const shown = rows.slice((page - 1) * pageSize, page * pageSize);
  const noteText = (row: AccessRightImportRow) =>
    row.notes
      .map((note) =>
        [note.column ? `${note.column}: ` : '', t(`import.reason.${note.reason}`, { row: note.otherRowNumber ?? '' })].join(''),
      )
      .join(' · ');
  const columns: Column<AccessRightImportRow>[] = [
    { key: 'row', header: t('import.columnRow'), align: 'right', nowrap: true, rowHeader: true, cell: (row) => row.rowNumber },
    { key: 'outcome', header: t('import.columnOutcome'), nowrap: true, cell: (row) => <OutcomeBadge outcome={row.outcome} /> },
    { key: 'person', header: t('import.columnPerson'), cell: (row) => row.personName ?? (row.email || row.employeeNumber) },
    { key: 'system', header: t('import.columnSystem'), cell: (row) => row.systemName ?? '–' },
    { key: 'level', header: t('import.columnLevel'), cell: (row) => row.levelName ?? '–' },
    { key: 'start', header: t('import.columnStart'), nowrap: true, cell: (row) => formatDate(row.startDate) },
    { key: 'end', header: t('import.columnEnd'), nowrap: true, cell: (row) => formatDate(row.endDate) },
    { key: 'why', header: t('import.columnWhy'), cell: (row) => noteText(row) || '–' },
  ];
  return (
    <Stack gap="sm">
      <Group align="flex-end" justify="space-between">
        <Select
          label={t('import.showOutcome')}
          placeholder={t('import.allOutcomes')}
          clearable
          value={outcome}
          onChange={(value) => {
            setOutcome(value as AccessRightImportRow['outcome'] | null);
            setPage(1);
          }}
          data={(['refused', 'create', 'end', 'unchanged'] as const).map((value) => ({ value, label: t(`import.outcome.${value}`) }))}
          w={220}
        />
        {report.rowsListed < report.summary.rows && (
          <Text size="sm">{t('import.rowsListed', { listed: report.rowsListed, total: report.summary.rows })}</Text>
        )}
      </Group>
      <DataTable
        caption={t('import.rowsCaption')}
        columns={columns}
        rows={shown}
        rowKey={(row) => String(row.rowNumber)}
        rowTestId="import-row"
        minWidth={900}
      />
      {pages > 1 && (
        <Pagination
          value={page}
          onChange={setPage}
          total={pages}
          getControlProps={(control) => ({ 'aria-label': t(`import.page.${control}`) })}
        />
      )}
    </Stack>
  );
}
