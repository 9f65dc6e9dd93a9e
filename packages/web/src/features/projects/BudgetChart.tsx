import '@mantine/charts/styles.css';
import { BarChart } from '@mantine/charts';
import { Text } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { formatNumber } from '../../i18n/format.ts';

/**
 * The budget by category as bars. The same figures are in the budget table next to it, so the
 * chart is hidden from screen readers rather than described twice.
 */
export function BudgetChart({
  data,
  title,
  oneOffLabel,
  yearlyLabel,
}: {
  data: Array<{ category: string; oneOff: number; yearly: number }>;
  title: string;
  oneOffLabel: string;
  yearlyLabel: string;
}) {
  const { i18n } = useTranslation();
  return (
    <figure style={{ margin: 0 }}>
      <Text component="figcaption" size="sm" fw={600} mb="xs">
        {title}
      </Text>
      <div aria-hidden="true" data-testid="budget-chart">
        <BarChart
          h={260}
          data={data}
          dataKey="category"
          withLegend
          valueFormatter={(value) => `${formatNumber(value, i18n.language)} kr`}
          yAxisProps={{ width: 90 }}
          series={[
            { name: 'oneOff', label: oneOffLabel, color: 'blue.8' },
            { name: 'yearly', label: yearlyLabel, color: 'teal.8' },
          ]}
          barChartProps={{ accessibilityLayer: false }}
        />
      </div>
    </figure>
  );
}
