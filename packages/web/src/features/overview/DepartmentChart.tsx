import '@mantine/charts/styles.css';
import { BarChart } from '@mantine/charts';
import { ChartWithTable } from '../../components/ChartWithTable.tsx';
import { DataTable } from '../../components/QueryTable.tsx';
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
    <ChartWithTable
      tableLabel={t('overview.chartTable')}
      chart={
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
      }
    >
      <DataTable
        rows={data}
        caption={t('overview.chartTable')}
        rowKey={(row) => row.name}
        minWidth={360}
        columns={[
          { key: 'name', header: t('overview.departments'), rowHeader: true, cell: (row) => row.name },
          { key: 'people', header: t('overview.activePeople'), align: 'right', cell: (row) => formatNumber(row.people, i18n.language) },
        ]}
      />
    </ChartWithTable>
  );
}
