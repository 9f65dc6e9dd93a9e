import type { CoverageCounts } from '@forvalta/contracts';
import { Text } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { ChartWithTable } from '../../components/ChartWithTable.tsx';
import { DataTable, type RowAction } from '../../components/QueryTable.tsx';
import { ShareBarChart } from '../../components/ShareBarChart.tsx';
import { formatNumber } from '../../i18n/format.ts';
import type { CoverageRow } from './coverage-tree.ts';
import { formatShare } from './document-values.ts';

/**
 * The share acknowledged per department: a bar for each top department (sub-units summed in),
 * and under it every department with its figures. The table is open from the start: for a
 * department head it is the view they work from, and for screen readers it is the chart.
 */
export function CoverageChart({ rows, rowActions }: { rows: CoverageRow[]; rowActions?: (row: CoverageRow) => RowAction[] }) {
  const { t, i18n } = useTranslation('documents');
  const nameOf = (row: CoverageRow) => row.coverage.departmentName ?? t('coverage.noDepartment');
  const bars = rows.filter((row) => row.root).map((row) => ({ name: nameOf(row), share: Math.floor(row.coverage.subtree.share * 100) }));
  const number = (value: number) => formatNumber(value, i18n.language);
  const figure = (counts: CoverageCounts, key: keyof Omit<CoverageCounts, 'share'>) => number(counts[key]);
  const percent = (value: number) => (i18n.language === 'en' ? `${value}%` : `${value} %`);
  return (
    <ChartWithTable
      tableLabel={t('coverage.tableLabel')}
      defaultOpen
      chart={<ShareBarChart bars={bars} seriesLabel={t('coverage.share')} formatShare={percent} nameWidth={250} barHeight={44} />}
    >
      <DataTable
        rows={rows}
        caption={t('coverage.tableLabel')}
        rowKey={(row) => row.coverage.departmentId ?? 'none'}
        rowTestId="coverage-row"
        minWidth={720}
        rowActions={rowActions}
        rowActionsLabel={(row) => t('coverage.actionsFor', { name: nameOf(row) })}
        columns={[
          {
            key: 'department',
            header: t('coverage.department'),
            rowHeader: true,
            cell: (row) => (
              <Text size="sm" pl={row.depth * 16} fw={row.depth === 0 ? 600 : undefined}>
                {nameOf(row)}
              </Text>
            ),
          },
          {
            key: 'employees',
            header: t('coverage.employees'),
            align: 'right',
            cell: (row) => figure(row.coverage.subtree, 'activeEmployees'),
          },
          {
            key: 'acknowledged',
            header: t('coverage.acknowledged'),
            align: 'right',
            cell: (row) => figure(row.coverage.subtree, 'acknowledged'),
          },
          { key: 'open', header: t('coverage.open'), align: 'right', cell: (row) => figure(row.coverage.subtree, 'open') },
          {
            key: 'overdue',
            header: t('coverage.overdue'),
            align: 'right',
            cell: (row) => (
              <Text
                size="sm"
                c={row.coverage.subtree.overdue > 0 ? 'red.9' : undefined}
                fw={row.coverage.subtree.overdue > 0 ? 700 : undefined}
              >
                {figure(row.coverage.subtree, 'overdue')}
              </Text>
            ),
          },
          {
            key: 'share',
            header: t('coverage.share'),
            align: 'right',
            nowrap: true,
            cell: (row) => formatShare(row.coverage.subtree.share, i18n.language),
          },
        ]}
      />
    </ChartWithTable>
  );
}
