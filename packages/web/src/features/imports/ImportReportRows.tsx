import type { ImportOutcome, ImportReport, ImportRow } from '@forvalta/contracts';
import { Stack, Text } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import type { Column } from '../../components/QueryTable.tsx';
import { ImportOutcomeBadge as OutcomeBadge, ImportRowsTable } from '../../components/SpreadsheetImport.tsx';

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
  const field = (name: string) => t(`field.${name}`, { defaultValue: name });
  const columns: Column<ImportRow>[] = [
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
    <ImportRowsTable
      report={report}
      outcomes={outcomes}
      outcomeLabel={(outcome) => t(`outcome.${outcome}`)}
      outcomeColour={outcomeColours}
      columns={columns}
      caption={t('report.caption')}
      rowsListed={(listed, total) => t('report.rowsListed', { listed, total })}
    />
  );
}
