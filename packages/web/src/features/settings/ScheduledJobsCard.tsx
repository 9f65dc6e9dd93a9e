import type { ScheduledJobStatus } from '@forvalta/contracts';
import { Badge, Card, Text, Title } from '@mantine/core';
import { useQuery } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import { useCan } from '../../app/session.ts';
import { type Column, QueryTable } from '../../components/QueryTable.tsx';
import { formatDateTime } from '../../i18n/format.ts';
import { scheduledJobsQuery } from './settings.queries.ts';

function JobState({ job }: { job: ScheduledJobStatus }) {
  const { t } = useTranslation();
  if (job.running)
    return (
      <Badge color="blue.9" variant="outline" tt="none">
        {t('jobs.running')}
      </Badge>
    );
  if (job.lastOutcome === 'failed')
    return (
      <Badge color="red.9" variant="outline" tt="none">
        {t('jobs.failed')}
      </Badge>
    );
  if (job.lastOutcome === 'succeeded')
    return (
      <Badge color="#1f6f36" variant="outline" tt="none">
        {t('jobs.succeeded')}
      </Badge>
    );
  return (
    <Badge color="gray.7" variant="outline" tt="none">
      {t('jobs.neverRun')}
    </Badge>
  );
}

/** The server describes a schedule in English for logs ("every 30 s", "daily at 00:00 Europe/Stockholm"); people read it in their language. */
function useScheduleText() {
  const { t } = useTranslation();
  return (schedule: string | null) => {
    if (!schedule) return '–';
    const every = /^every (\d+) s$/.exec(schedule);
    if (every) return t('jobs.every', { seconds: Number(every[1]) });
    const daily = /^daily at (\d{2}:\d{2})/.exec(schedule);
    if (daily) return t('jobs.daily', { time: daily[1] });
    return schedule;
  };
}

/**
 * The installation's scheduled jobs (the change-notice outbox, the daily compliance snapshot):
 * an administrator sees whether they run, so a stuck queue is noticed before the IT unit asks.
 */
export function ScheduledJobsCard() {
  const { t } = useTranslation();
  const canRead = useCan('job.read');
  const scheduleText = useScheduleText();
  const jobs = useQuery(scheduledJobsQuery(canRead));
  const columns: Column<ScheduledJobStatus>[] = [
    {
      key: 'name',
      header: t('jobs.name'),
      rowHeader: true, // A job this version does not know (a newer server's) shows its name as the server gives it.
      cell: (job) => t(`jobs.names.${job.name}`, { defaultValue: job.name }),
    },
    { key: 'schedule', header: t('jobs.schedule'), cell: (job) => scheduleText(job.schedule) },
    {
      key: 'state',
      header: t('jobs.state'),
      cell: (job) => (
        <>
          <JobState job={job} />
          {/* The error is the server's technical text, for whoever investigates; the summary of a success is left to the log. */}
          {job.lastError && (
            <Text size="xs" c="red.9" mt={4} className="wrap-anywhere">
              {job.lastError}
            </Text>
          )}
        </>
      ),
    },
    {
      key: 'last',
      header: t('jobs.lastRun'),
      nowrap: true,
      cell: (job) => (job.lastFinishedAt ? formatDateTime(job.lastFinishedAt) : '–'),
    },
    { key: 'next', header: t('jobs.nextRun'), nowrap: true, cell: (job) => formatDateTime(job.nextRunAt) },
    {
      key: 'runs',
      header: t('jobs.runs'),
      align: 'right',
      nowrap: true,
      cell: (job) => t('jobs.runCounts', { runs: job.runCount, failures: job.failureCount }),
    },
  ];
  if (!canRead) return null;
  return (
    <Card withBorder padding="lg" radius="md" component="section" aria-labelledby="jobs-heading" style={{ gridColumn: '1 / -1' }}>
      <Title order={2} size="h4" id="jobs-heading" mb="xs">
        {t('jobs.title')}
      </Title>
      <Text size="sm" c="gray.7" mb="md">
        {t('jobs.intro')}
      </Text>
      <QueryTable
        query={jobs}
        caption={t('jobs.title')}
        columns={columns}
        rowKey={(job) => job.name}
        rowTestId="job-row"
        framed={false}
        empty={<Text size="sm">–</Text>}
      />
    </Card>
  );
}
