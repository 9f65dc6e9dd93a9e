import '@mantine/charts/styles.css';
import type { ClauseCheck, ComplianceSummaryView } from '@forvalta/contracts';
import { BarChart } from '@mantine/charts';
import { useTranslation } from 'react-i18next';
import { ChartWithTable } from '../../components/ChartWithTable.tsx';
import { DataTable } from '../../components/QueryTable.tsx';
import { formatNumber } from '../../i18n/format.ts';
import { clauseCheckCount, clauseCheckOrder } from './ClauseCheckBadge.tsx';

// The chart is in a chunk of its own with the other charts; the badge is not.
const barColour: Record<ClauseCheck, string> = {
  met: 'green.8',
  failed: 'red.8',
  not_applicable: 'gray.6',
  not_checked: 'orange.6',
  structural: 'blue.7',
};

/**
 * The pack's rule clauses by what Förvalta can say of them, so a share met is never read as
 * covering clauses nobody checks. The same figures follow as a table.
 */
export function ClauseCheckChart({ summary }: { summary: ComplianceSummaryView }) {
  const { t, i18n } = useTranslation();
  const rows = clauseCheckOrder.map((check) => ({ check, label: t(`compliance.check.${check}`), count: clauseCheckCount(summary, check) }));
  return (
    <ChartWithTable
      tableLabel={t('compliance.checkTable')}
      chart={
        <BarChart
          h={rows.length * 40 + 20}
          data={rows.map((row) => ({ label: row.label, count: row.count, color: barColour[row.check] }))}
          dataKey="label"
          orientation="vertical"
          yAxisProps={{ width: 170 }}
          valueFormatter={(value) => formatNumber(value, i18n.language)}
          series={[{ name: 'count', label: t('compliance.clauses'), color: 'blue.8' }]}
          withBarValueLabel
          gridAxis="none"
          barChartProps={{ accessibilityLayer: false }}
        />
      }
    >
      <DataTable
        rows={rows}
        caption={t('compliance.checkTable')}
        rowKey={(row) => row.check}
        minWidth={320}
        columns={[
          { key: 'check', header: t('compliance.checkColumn'), rowHeader: true, cell: (row) => row.label },
          { key: 'count', header: t('compliance.clauseCount'), align: 'right', cell: (row) => formatNumber(row.count, i18n.language) },
        ]}
      />
    </ChartWithTable>
  );
}
