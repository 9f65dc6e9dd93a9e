import { type ConsumptionImportOutcome, type ConsumptionImportRow, consumptionImportOutcomes } from '@forvalta/contracts';
import { Group, TextInput } from '@mantine/core';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { AnchorLink } from '../../components/AnchorLink.tsx';
import { DateField } from '../../components/DateField.tsx';
import { PageHeader } from '../../components/PageHeader.tsx';
import type { Column } from '../../components/QueryTable.tsx';
import { SpreadsheetImport } from '../../components/SpreadsheetImport.tsx';
import { formatNumber } from '../../i18n/format.ts';
import { useImportConsumption } from './software.queries.ts';

/** What an import row does, in a colour dark enough for white text (WCAG AA). */
const outcomeColours: Record<ConsumptionImportOutcome, string> = {
  add: '#1f6f36',
  change: '#1c5a94',
  unchanged: 'gray.7',
  refused: 'red.9',
};

/**
 * Importing licence consumption from a counted inventory (issue #15, ITP-7-LICENCE): a CSV or XLSX
 * export of an inventory tool, one row per product and kind; the dry run says per row what the
 * inventory's count becomes, the apply replaces everything that inventory counted before, for every
 * row or none, and the licence position follows at once.
 */
export function ConsumptionImportPage() {
  const { t, i18n } = useTranslation('software');
  const importConsumption = useImportConsumption();
  const [inventory, setInventory] = useState('');
  const [countedOn, setCountedOn] = useState<string | null>(null);
  const name = inventory.trim();
  const removed = importConsumption.data?.summary.removed ?? 0;
  const number = (value: number | null) => (value === null ? '–' : formatNumber(value, i18n.language));
  const columns: Column<ConsumptionImportRow>[] = [
    {
      key: 'product',
      header: t('consumptionImport.columnProduct'),
      cell: (row) =>
        row.softwareId ? (
          <AnchorLink to="/software/$softwareId" params={{ softwareId: row.softwareId }} size="sm">
            {row.softwareProduct ?? row.product}
          </AnchorLink>
        ) : (
          (row.product ?? '–')
        ),
    },
    { key: 'kind', header: t('consumptionImport.columnKind'), nowrap: true, cell: (row) => (row.kind ? t(`kind.${row.kind}`) : '–') },
    { key: 'previous', header: t('consumptionImport.columnPrevious'), align: 'right', cell: (row) => number(row.previousCount) },
    { key: 'count', header: t('consumptionImport.columnCount'), align: 'right', cell: (row) => number(row.count) },
  ];
  const why = (row: ConsumptionImportRow) =>
    row.problems.map((problem) => t(`consumptionImport.reason.${problem.reason}`, { row: problem.otherRowNumber ?? '' })).join(' · ');

  return (
    <>
      <PageHeader title={t('consumptionImport.title')} intro={t('consumptionImport.intro')} />
      <SpreadsheetImport
        run={(file, mode, done) =>
          importConsumption.mutate({ file, mode, inventory: name, countedOn: countedOn ?? undefined }, { onSuccess: done })
        }
        pending={importConsumption.isPending}
        applying={importConsumption.isPending && importConsumption.variables?.mode === 'apply'}
        error={importConsumption.error}
        reset={importConsumption.reset}
        ready={name.length > 0}
        optionsKey={`${name}|${countedOn ?? ''}`}
        // Counts the file no longer has are changes too (the mutation's data is the report shown: both reset together).
        changesOf={(report) => report.summary.rows - report.summary.unchanged - report.summary.refused + removed}
        outcomes={consumptionImportOutcomes}
        outcomeLabel={(outcome) => t(`consumptionImport.outcome.${outcome}`)}
        outcomeColour={outcomeColours}
        columns={columns}
        why={why}
        texts={{
          columnsHelp: t('consumptionImport.columnsHelp'),
          applying: (rows) => t('consumptionImport.applying', { count: rows }),
          applied: (report) =>
            t('consumptionImport.appliedText', {
              inventory: name,
              added: report.summary.add,
              changed: report.summary.change,
              removed,
            }),
          rowsCaption: t('consumptionImport.rowsCaption'),
        }}
      >
        <Group align="flex-start" gap="md">
          <TextInput
            label={t('consumptionImport.inventory')}
            description={t('consumptionImport.inventoryDescription')}
            required
            value={inventory}
            onChange={(event) => setInventory(event.currentTarget.value)}
            maxLength={200}
            w={{ base: '100%', sm: 300 }}
          />
          <DateField
            label={t('consumptionImport.countedOn')}
            description={t('consumptionImport.countedOnDescription')}
            value={countedOn}
            onChange={setCountedOn}
            w={{ base: '100%', sm: 200 }}
          />
        </Group>
      </SpreadsheetImport>
    </>
  );
}
