import '@mantine/charts/styles.css';
import { BarChart } from '@mantine/charts';
import { Table, Text } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { formatNumber } from '../../i18n/format.ts';
import type { DepartmentNode } from '../organisation/departments/departments.queries.ts';

/**
 * Active people per top-level department, sub-units summed in. The same figures follow as a
 * table, for screen readers and for anyone who would rather read than look.
 */
export function DepartmentChart({ nodes }: { nodes: DepartmentNode[] }) {
  const { t, i18n } = useTranslation();
  const data = nodes.map((node) => ({ name: node.department.name, people: node.totalPeople }));
  return (
    <>
      <div aria-hidden="true">
        <BarChart
          h={Math.max(200, data.length * 44)}
          data={data}
          dataKey="name"
          orientation="vertical"
          yAxisProps={{ width: 250 }}
          valueFormatter={(value) => formatNumber(value, i18n.language)}
          series={[{ name: 'people', label: t('overview.people'), color: 'blue.8' }]}
          withBarValueLabel
          gridAxis="none"
          barChartProps={{ accessibilityLayer: false }}
        />
      </div>
      <details>
        <Text component="summary" size="sm" c="blue.8" style={{ cursor: 'pointer' }}>
          {t('overview.chartTable')}
        </Text>
        <Table mt="xs" striped>
          <Table.Thead>
            <Table.Tr>
              <Table.Th scope="col">{t('overview.departments')}</Table.Th>
              <Table.Th scope="col" ta="right">
                {t('overview.activePeople')}
              </Table.Th>
            </Table.Tr>
          </Table.Thead>
          <Table.Tbody>
            {data.map((row) => (
              <Table.Tr key={row.name}>
                <Table.Td>{row.name}</Table.Td>
                <Table.Td ta="right">{formatNumber(row.people, i18n.language)}</Table.Td>
              </Table.Tr>
            ))}
          </Table.Tbody>
        </Table>
      </details>
    </>
  );
}
