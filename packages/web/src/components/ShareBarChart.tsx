import '@mantine/charts/styles.css';
import { BarChart } from '@mantine/charts';
import { Group, Progress, Stack, Text } from '@mantine/core';
import { useMediaQuery } from '@mantine/hooks';

interface ShareBar {
  name: string;
  /** Whole percent, 0–100. */
  share: number;
}

/**
 * Shares per department as horizontal bars (coverage of acknowledgements, of training). Below
 * Mantine's sm (48em, a phone) the names beside the bars left them no room and wrapped their
 * labels: there each name stands above its bar instead. Either way it is a picture of the table
 * that follows it (ChartWithTable hides it from screen readers).
 */
export function ShareBarChart({
  bars,
  seriesLabel,
  formatShare,
  nameWidth,
  barHeight,
}: {
  bars: ShareBar[];
  seriesLabel: string;
  formatShare: (share: number) => string;
  nameWidth: number;
  barHeight: number;
}) {
  const narrow = useMediaQuery('(max-width: 47.99em)');
  if (narrow) {
    return (
      <Stack gap="xs" mb="sm">
        {bars.map((bar) => (
          <Stack key={bar.name} gap={2}>
            <Group justify="space-between" gap="xs" wrap="nowrap">
              <Text size="sm" className="wrap-anywhere">
                {bar.name}
              </Text>
              <Text size="sm" fw={600} style={{ whiteSpace: 'nowrap' }}>
                {formatShare(bar.share)}
              </Text>
            </Group>
            <Progress value={bar.share} color="blue.8" size="lg" radius="sm" />
          </Stack>
        ))}
      </Stack>
    );
  }
  return (
    <BarChart
      h={Math.max(160, bars.length * barHeight)}
      data={bars}
      dataKey="name"
      orientation="vertical"
      yAxisProps={{ width: nameWidth }}
      xAxisProps={{ domain: [0, 100] }}
      valueFormatter={formatShare}
      series={[{ name: 'share', label: seriesLabel, color: 'blue.8' }]}
      withBarValueLabel
      gridAxis="none"
      // Room on the right for the value label of a full bar ("100 %").
      barChartProps={{ accessibilityLayer: false, margin: { right: 48 } }}
    />
  );
}
