import type { ScheduledJobList, ScheduledJobStatus } from '@forvalta/contracts';
import { Badge, Card, Table, Text, Title, VisuallyHidden } from '@mantine/core';
import { useQuery } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import { legacyApi } from '../../api/client.ts';
import { useCan } from '../../app/session.ts';
import { ErrorState } from '../../components/ErrorState.tsx';
import { LoadingState } from '../../components/LoadingState.tsx';
import { formatDateTime } from '../../i18n/format.ts';

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
  const jobs = useQuery({
    queryKey: ['jobs'],
    queryFn: ({ signal }) => legacyApi.get<ScheduledJobList>('/jobs', undefined, signal),
    enabled: canRead,
    refetchInterval: 30_000,
  });
  if (!canRead) return null;
  return (
    <Card withBorder padding="lg" radius="md" component="section" aria-labelledby="jobs-heading" style={{ gridColumn: '1 / -1' }}>
      <Title order={2} size="h4" id="jobs-heading" mb="xs">
        {t('jobs.title')}
      </Title>
      <Text size="sm" c="gray.7" mb="md">
        {t('jobs.intro')}
      </Text>
      {jobs.isLoading ? (
        <LoadingState />
      ) : jobs.error ? (
        <ErrorState error={jobs.error} onRetry={() => void jobs.refetch()} />
      ) : (
        <Table.ScrollContainer minWidth={720}>
          <Table verticalSpacing="xs" fz="sm">
            <VisuallyHidden component="caption">{t('jobs.title')}</VisuallyHidden>
            <Table.Thead>
              <Table.Tr>
                <Table.Th scope="col">{t('jobs.name')}</Table.Th>
                <Table.Th scope="col">{t('jobs.schedule')}</Table.Th>
                <Table.Th scope="col">{t('jobs.state')}</Table.Th>
                <Table.Th scope="col">{t('jobs.lastRun')}</Table.Th>
                <Table.Th scope="col">{t('jobs.nextRun')}</Table.Th>
                <Table.Th scope="col" ta="right">
                  {t('jobs.runs')}
                </Table.Th>
              </Table.Tr>
            </Table.Thead>
            <Table.Tbody>
              {jobs.data?.items.map((job) => (
                <Table.Tr key={job.name} data-testid="job-row">
                  <Table.Th scope="row" fw={600}>
                    {t(`jobs.names.${job.name}`, { defaultValue: job.name })}
                  </Table.Th>
                  <Table.Td>{scheduleText(job.schedule)}</Table.Td>
                  <Table.Td>
                    <JobState job={job} />
                    {/* The error is the server's technical text, for whoever investigates; the summary of a success is left to the log. */}
                    {job.lastError && (
                      <Text size="xs" c="red.9" mt={4} className="wrap-anywhere">
                        {job.lastError}
                      </Text>
                    )}
                  </Table.Td>
                  <Table.Td style={{ whiteSpace: 'nowrap' }}>{job.lastFinishedAt ? formatDateTime(job.lastFinishedAt) : '–'}</Table.Td>
                  <Table.Td style={{ whiteSpace: 'nowrap' }}>{formatDateTime(job.nextRunAt)}</Table.Td>
                  <Table.Td ta="right" style={{ whiteSpace: 'nowrap' }}>
                    {t('jobs.runCounts', { runs: job.runCount, failures: job.failureCount })}
                  </Table.Td>
                </Table.Tr>
              ))}
            </Table.Tbody>
          </Table>
        </Table.ScrollContainer>
      )}
    </Card>
  );
}
