import '@mantine/charts/styles.css';
import type { Incident } from '@forvalta/contracts';
import { BarChart } from '@mantine/charts';
import { Table, Text } from '@mantine/core';
import { useMediaQuery } from '@mantine/hooks';
import { useTranslation } from 'react-i18next';
import { ChartWithTable } from '../../components/ChartWithTable.tsx';
import { formatDateTime } from '../../i18n/format.ts';
import { DeadlineStateBadge } from './IncidentClock.tsx';
import { hoursBetween } from './incidents-values.ts';

/**
 * The open incidents' clocks on one picture: for each, the hours since detection and the hours
 * left to the 72-hour notification, as one stacked bar, with lines at 24 and 72 hours. The same
 * figures follow as a table (the chart is hidden from screen readers).
 */
export function IncidentTimelineChart({ incidents, now }: { incidents: Incident[]; now: string }) {
  const { t } = useTranslation('incidents');
  const narrow = useMediaQuery('(max-width: 47.99em)');
  if (incidents.length === 0) return <Text size="sm">{t('timeline.empty')}</Text>;
  const data = incidents.map((incident) => {
    const elapsed = hoursBetween(incident.detectedAt, now);
    return { name: incident.title, elapsed, remaining: Math.max(0, 72 - elapsed) };
  });
  const deadlineOf = (incident: Incident, kind: 'early_warning' | 'notification') =>
    incident.deadlines.find((deadline) => deadline.kind === kind)!;
  return (
    <ChartWithTable
      tableLabel={t('timeline.table')}
      chart={
        <div data-testid="incident-timeline">
          <BarChart
            h={Math.max(160, data.length * 52)}
            data={data}
            dataKey="name"
            type="stacked"
            orientation="vertical"
            withLegend
            yAxisProps={{ width: narrow ? 110 : 200 }}
            referenceLines={[
              { x: 24, label: t('timeline.earlyWarningLine'), color: 'orange.9' },
              { x: 72, label: t('timeline.notificationLine'), color: 'red.9' },
            ]}
            series={[
              { name: 'elapsed', label: t('timeline.elapsed'), color: 'blue.8' },
              { name: 'remaining', label: t('timeline.remaining'), color: 'gray.4' },
            ]}
            gridAxis="none"
            barChartProps={{ accessibilityLayer: false }}
          />
        </div>
      }
    >
      <Table.ScrollContainer minWidth={560}>
        <Table>
          <Table.Thead>
            <Table.Tr>
              <Table.Th scope="col">{t('column.incident')}</Table.Th>
              <Table.Th scope="col">{t('column.detectedAt')}</Table.Th>
              <Table.Th scope="col">{t('timeline.elapsed')}</Table.Th>
              <Table.Th scope="col">{t('report.early_warning')}</Table.Th>
              <Table.Th scope="col">{t('report.notification')}</Table.Th>
            </Table.Tr>
          </Table.Thead>
          <Table.Tbody>
            {incidents.map((incident, index) => (
              <Table.Tr key={incident.id}>
                <Table.Th scope="row">{incident.title}</Table.Th>
                <Table.Td>{formatDateTime(incident.detectedAt)}</Table.Td>
                <Table.Td>{data[index]!.elapsed}</Table.Td>
                <Table.Td>
                  <DeadlineStateBadge deadline={deadlineOf(incident, 'early_warning')} />
                </Table.Td>
                <Table.Td>
                  <DeadlineStateBadge deadline={deadlineOf(incident, 'notification')} />
                </Table.Td>
              </Table.Tr>
            ))}
          </Table.Tbody>
        </Table>
      </Table.ScrollContainer>
    </ChartWithTable>
  );
}
