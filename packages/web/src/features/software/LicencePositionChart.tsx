import '@mantine/charts/styles.css';
import type { LicencePositionRow } from '@forvalta/contracts';
import { BarChart } from '@mantine/charts';
import { useMediaQuery } from '@mantine/hooks';
import { useTranslation } from 'react-i18next';
import { formatNumber } from '../../i18n/format.ts';

/**
 * Entitled against consumed per product and kind, as horizontal bar pairs. The same figures are in
 * the position table under it (ChartWithTable hides the chart from screen readers). A site or
 * unlimited licence has no count to draw; its bar of entitlement is left out and the table says so.
 */
export function LicencePositionChart({ rows }: { rows: LicencePositionRow[] }) {
  const { t, i18n } = useTranslation('software');
  // On a phone the names take less of the width, so the bars keep some.
  const narrow = useMediaQuery('(max-width: 47.99em)');
  const data = rows.map((row) => ({
    name: `${row.softwareProduct} (${t(`kind.${row.kind}`)})`,
    entitled: row.entitled ?? 0,
    consumed: row.consumed,
  }));
  return (
    <div data-testid="licence-chart">
      <BarChart
        h={Math.max(180, data.length * 56)}
        data={data}
        dataKey="name"
        orientation="vertical"
        withLegend
        yAxisProps={{ width: narrow ? 110 : 170 }}
        valueFormatter={(value) => formatNumber(value, i18n.language)}
        series={[
          { name: 'entitled', label: t('position.entitled'), color: 'blue.8' },
          { name: 'consumed', label: t('position.consumed'), color: 'orange.9' },
        ]}
        gridAxis="none"
        barChartProps={{ accessibilityLayer: false }}
      />
    </div>
  );
}
