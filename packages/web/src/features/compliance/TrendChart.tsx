import '@mantine/charts/styles.css';
import { LineChart } from '@mantine/charts';
import { ChartWithTable } from '../../components/ChartWithTable.tsx';
import { DataTable } from '../../components/QueryTable.tsx';
import { useTranslation } from 'react-i18next';
import { formatScore } from './compliance-format.ts';

/** The score per day a snapshot was stored; the same figures follow as a table. */
export function TrendChart({ trend }: { trend: Array<{ date: string; score: number | null; passed: number; failed: number }> }) {
  const { t, i18n } = useTranslation();
  const data = trend.map((point) => ({ date: point.date, score: point.score === null ? null : Math.round(point.score * 1000) / 10 }));
  return (
    <ChartWithTable
      tableLabel={t('compliance.trendTable')}
      chart={
        <LineChart
          h={240}
          data={data}
          dataKey="date"
          yAxisProps={{ domain: [0, 100], width: 60 }}
          valueFormatter={(value) => `${value} %`}
          series={[{ name: 'score', label: t('compliance.score'), color: 'blue.8' }]}
          curveType="monotone"
          withDots={data.length < 40}
          lineChartProps={{ accessibilityLayer: false }}
        />
      }
    >
      <DataTable
        rows={trend}
        caption={t('compliance.trendTable')}
        rowKey={(point) => point.date}
        minWidth={480}
        columns={[
          { key: 'date', header: t('compliance.date'), nowrap: true, cell: (point) => point.date },
          { key: 'score', header: t('compliance.score'), align: 'right', cell: (point) => formatScore(point.score, i18n.language) },
          { key: 'passed', header: t('labels.status.pass'), align: 'right', cell: (point) => point.passed },
          { key: 'failed', header: t('labels.status.fail'), align: 'right', cell: (point) => point.failed },
        ]}
      />
    </ChartWithTable>
  );
}
