import type { TrainingTopic } from '@forvalta/contracts';
import { Text } from '@mantine/core';
import { useQuery } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import { ChartWithTable } from '../../components/ChartWithTable.tsx';
import { ErrorState } from '../../components/ErrorState.tsx';
import { LoadingState } from '../../components/LoadingState.tsx';
import { DataTable } from '../../components/QueryTable.tsx';
import { ShareBarChart } from '../../components/ShareBarChart.tsx';
import { formatNumber } from '../../i18n/format.ts';
import { coverageQuery } from './training.queries.ts';

const percent = (trained: number, people: number) => (people === 0 ? 0 : Math.round((trained / people) * 100));

/**
 * The share of active staff per department who attended (a topic or one course) within the
 * interval, as bars and as the same figures in a table.
 */
export function TrainingCoverageChart({ topic, courseId }: { topic?: TrainingTopic; courseId?: string }) {
  const { t, i18n } = useTranslation('training');
  const coverage = useQuery(coverageQuery({ ...(topic ? { topic } : {}), ...(courseId ? { courseId } : {}) }));
  if (coverage.isLoading) return <LoadingState />;
  if (coverage.error || !coverage.data) return <ErrorState error={coverage.error} onRetry={() => void coverage.refetch()} />;
  const { departments, withinMonths } = coverage.data;
  const rows = departments.map((row) => ({ ...row, share: percent(row.trained, row.people) }));
  const number = (value: number) => formatNumber(value, i18n.language);
  // "45 %" in Swedish, "45%" in English, as the documents' coverage says it.
  const shareText = (value: number) => (i18n.language === 'en' ? `${number(value)}%` : `${number(value)} %`);
  return (
    <>
      <Text size="sm" c="gray.7" mb="sm">
        {withinMonths
          ? t('coverage.within', { count: withinMonths, share: percent(coverage.data.trained, coverage.data.people) })
          : t('coverage.ever', { share: percent(coverage.data.trained, coverage.data.people) })}
      </Text>
      <ChartWithTable
        tableLabel={t('coverage.table')}
        chart={
          <ShareBarChart
            bars={rows.map((row) => ({ name: row.departmentName, share: row.share }))}
            seriesLabel={t('coverage.share')}
            formatShare={shareText}
            nameWidth={230}
            barHeight={40}
          />
        }
      >
        <DataTable
          rows={rows}
          caption={t('coverage.table')}
          rowKey={(row) => row.departmentId}
          minWidth={420}
          columns={[
            { key: 'department', header: t('coverage.department'), rowHeader: true, cell: (row) => row.departmentName },
            { key: 'people', header: t('coverage.people'), align: 'right', cell: (row) => number(row.people) },
            { key: 'trained', header: t('coverage.trained'), align: 'right', cell: (row) => number(row.trained) },
            { key: 'share', header: t('coverage.share'), align: 'right', cell: (row) => shareText(row.share) },
          ]}
        />
      </ChartWithTable>
    </>
  );
}
