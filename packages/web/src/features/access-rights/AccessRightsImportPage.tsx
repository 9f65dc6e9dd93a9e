import { type AccessRightImportOutcome, type AccessRightImportRow, accessRightImportOutcomes } from '@forvalta/contracts';
import { Group, Radio } from '@mantine/core';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { PageHeader } from '../../components/PageHeader.tsx';
import type { Column } from '../../components/QueryTable.tsx';
import { SpreadsheetImport } from '../../components/SpreadsheetImport.tsx';
import { formatDate } from '../../i18n/format.ts';
import { useImportAccessRights } from './access-rights.queries.ts';

/** What an import row does, in a colour dark enough for white text (WCAG AA). */
const outcomeColours: Record<AccessRightImportOutcome, string> = {
  create: '#1f6f36',
  end: '#9a3f00',
  unchanged: 'gray.7',
  refused: 'red.9',
};

/**
 * Importing access rights from a file (issue #14): choose a CSV or XLSX file, see per row what
 * would happen (the dry run changes nothing), then apply, which writes every row or none.
 */
export function AccessRightsImportPage() {
  const { t } = useTranslation('access');
  const [source, setSource] = useState<'imported_system' | 'imported_directory'>('imported_system');
  const importRights = useImportAccessRights();
  const columns: Column<AccessRightImportRow>[] = [
    { key: 'person', header: t('import.columnPerson'), cell: (row) => row.personName ?? (row.email || row.employeeNumber) },
    { key: 'system', header: t('import.columnSystem'), cell: (row) => row.systemName ?? '–' },
    { key: 'level', header: t('import.columnLevel'), cell: (row) => row.levelName ?? '–' },
    { key: 'start', header: t('import.columnStart'), nowrap: true, cell: (row) => formatDate(row.startDate) },
    { key: 'end', header: t('import.columnEnd'), nowrap: true, cell: (row) => formatDate(row.endDate) },
  ];
  const why = (row: AccessRightImportRow) =>
    row.notes
      .map((note) =>
        [note.column ? `${note.column}: ` : '', t(`import.reason.${note.reason}`, { row: note.otherRowNumber ?? '' })].join(''),
      )
      .join(' · ');

  return (
    <>
      <PageHeader title={t('import.title')} intro={t('import.intro')} />
      <SpreadsheetImport
        run={(file, mode, done) => importRights.mutate({ file, query: { mode, source } }, { onSuccess: done })}
        pending={importRights.isPending}
        applying={importRights.isPending && importRights.variables?.query.mode === 'apply'}
        error={importRights.error}
        reset={importRights.reset}
        outcomes={accessRightImportOutcomes}
        outcomeLabel={(outcome) => t(`import.outcome.${outcome}`)}
        outcomeColour={outcomeColours}
        columns={columns}
        why={why}
        texts={{
          columnsHelp: t('import.columnsHelp'),
          applying: (rows) => t('import.applying', { count: rows }),
          applied: (report) => t('import.appliedText', { created: report.summary.create, ended: report.summary.end }),
          rowsCaption: t('import.rowsCaption'),
        }}
      >
        <Radio.Group label={t('import.source')} value={source} onChange={(value) => setSource(value as typeof source)}>
          <Group mt="xs">
            <Radio value="imported_system" label={t('import.sourceSystem')} />
            <Radio value="imported_directory" label={t('import.sourceDirectory')} />
          </Group>
        </Radio.Group>
      </SpreadsheetImport>
    </>
  );
}
