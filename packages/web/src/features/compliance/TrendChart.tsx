import '@mantine/charts/styles.css';
import { LineChart } from '@mantine/charts';
import { Table, Text } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { formatScore } from './compliance-format.ts';

/** The score per day a snapshot was stored; the same figures follow as a table. */
export function TrendChart({ trend }: { trend: Array<{ date: string; score: number | null; passed: number; failed: number }> }) {
  const { t, i18n } = useTranslation();
  const data = trend.map((point) => ({ date: point.date, score: point.score === null ? null : Math.round(point.score * 1000) / 10 }));
  return (
    <>
      <div aria-hidden="true">
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
      </div>
      <details>
        <Text component="summary" size="sm" c="blue.8" style={{ cursor: 'pointer' }}>
          {t('compliance.trendTable')}
        </Text>
        <Table mt="xs" striped>
          <Table.Thead>
            <Table.Tr>
              <Table.Th scope="col">{t('compliance.date')}</Table.Th>
              <Table.Th scope="col" ta="right">
                {t('compliance.score')}
              </Table.Th>
              <Table.Th scope="col" ta="right">
                {t('labels.status.pass')}
              </Table.Th>
              <Table.Th scope="col" ta="right">
                {t('labels.status.fail')}
              </Table.Th>
            </Table.Tr>
          </Table.Thead>
          <Table.Tbody>
            {trend.map((point) => (
              <Table.Tr key={point.date}>
                <Table.Td>{point.date}</Table.Td>
                <Table.Td ta="right">{formatScore(point.score, i18n.language)}</Table.Td>
                <Table.Td ta="right">{point.passed}</Table.Td>
                <Table.Td ta="right">{point.failed}</Table.Td>
              </Table.Tr>
            ))}
          </Table.Tbody>
        </Table>
      </details>
    </>
  );
}
