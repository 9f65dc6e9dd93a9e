import { type AssetImportOutcome, type AssetImportRow, assetImportOutcomes } from '@forvalta/contracts';
import { useTranslation } from 'react-i18next';
import { AnchorLink } from '../../components/AnchorLink.tsx';
import { PageHeader } from '../../components/PageHeader.tsx';
import type { Column } from '../../components/QueryTable.tsx';
import { SpreadsheetImport } from '../../components/SpreadsheetImport.tsx';
import { useImportAssets } from './assets.queries.ts';

/** What an import row does, in a colour dark enough for white text (WCAG AA). */
const outcomeColours: Record<AssetImportOutcome, string> = {
  create: '#1f6f36',
  update: '#1c5a94',
  unchanged: 'gray.7',
  refused: 'red.9',
};

/**
 * Importing equipment from an inventory (issue #15): a CSV or XLSX file whose rows find their
 * asset by serial or inventory number; the dry run says per row what would happen, the apply
 * writes every row or none, and the same file again changes nothing.
 */
export function AssetImportPage() {
  const { t } = useTranslation('assets');
  const importAssets = useImportAssets();
  // A row names its equipment by serial, else by inventory number; once it exists, that name links to it.
  const name = (row: AssetImportRow) => {
    const text = row.serial ?? row.inventoryNumber ?? '–';
    return row.assetId ? (
      <AnchorLink to="/assets/$assetId" params={{ assetId: row.assetId }} size="sm">
        {text}
      </AnchorLink>
    ) : (
      text
    );
  };
  const columns: Column<AssetImportRow>[] = [
    { key: 'serial', header: t('import.columnSerial'), nowrap: true, cell: (row) => (row.serial ? name(row) : '–') },
    {
      key: 'inventory',
      header: t('import.columnInventory'),
      nowrap: true,
      cell: (row) => (row.serial ? (row.inventoryNumber ?? '–') : name(row)),
    },
    { key: 'changed', header: t('import.columnChanged'), cell: (row) => row.changedFields.join(', ') || '–' },
  ];
  const why = (row: AssetImportRow) =>
    row.problems
      .map((problem) =>
        [
          problem.column ? `${problem.column}: ` : '',
          t(`import.reason.${problem.reason}`, { row: problem.otherRowNumber ?? '' }),
          problem.requirement ? ` (${problem.requirement})` : '',
        ].join(''),
      )
      .join(' · ');

  return (
    <>
      <PageHeader title={t('import.title')} intro={t('import.intro')} />
      <SpreadsheetImport
        run={(file, mode, done) => importAssets.mutate({ file, mode }, { onSuccess: done })}
        pending={importAssets.isPending}
        applying={importAssets.isPending && importAssets.variables?.mode === 'apply'}
        error={importAssets.error}
        reset={importAssets.reset}
        outcomes={assetImportOutcomes}
        outcomeLabel={(outcome) => t(`import.outcome.${outcome}`)}
        outcomeColour={outcomeColours}
        columns={columns}
        why={why}
        texts={{
          columnsHelp: t('import.columnsHelp'),
          applying: (rows) => t('import.applying', { count: rows }),
          applied: (report) =>
            t('import.appliedText', {
              created: report.summary.create,
              updated: report.summary.update,
              unchanged: report.summary.unchanged,
            }),
          rowsCaption: t('import.rowsCaption'),
        }}
      />
    </>
  );
}
