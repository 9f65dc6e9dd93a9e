import type { MailStatus } from '@forvalta/contracts';
import { Alert, Card, Group, SimpleGrid, Text, Title } from '@mantine/core';
import { useQuery } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import { useCan } from '../../app/session.ts';
import { type Column, QueryTable } from '../../components/QueryTable.tsx';
import { formatDateTime } from '../../i18n/format.ts';
import { mailStatusQuery } from './settings.queries.ts';

type Failure = MailStatus['recentFailures'][number];

function Figure({ label, value, testId }: { label: string; value: string; testId: string }) {
  return (
    <div>
      <Text size="sm" c="gray.7">
        {label}
      </Text>
      <Text fw={600} data-testid={testId}>
        {value}
      </Text>
    </div>
  );
}

/**
 * SMTP and this municipality's outbox for administrators (issue #18): whether e-mail is set up,
 * the last message sent, the queue and the messages given up. No password is ever shown.
 */
export function MailStatusCard() {
  const { t } = useTranslation();
  const canRead = useCan('mailStatus.read');
  const status = useQuery(mailStatusQuery(canRead));
  // The same query (one request), read as the table's rows.
  const failures = useQuery({ ...mailStatusQuery(canRead), select: (answer) => answer.recentFailures });
  if (!canRead) return null;
  const data = status.data;
  const columns: Column<Failure>[] = [
    { key: 'failedAt', header: t('mail.failedAt'), nowrap: true, rowHeader: true, cell: (failure) => formatDateTime(failure.failedAt) },
    { key: 'recipient', header: t('mail.recipient'), cell: (failure) => failure.recipient },
    { key: 'subject', header: t('mail.subject'), cell: (failure) => failure.subject },
    {
      key: 'error',
      header: t('mail.error'),
      cell: (failure) => (
        <Text size="xs" className="wrap-anywhere">
          {t('mail.attempts', { count: failure.attempts })}: {failure.lastError ?? '–'}
        </Text>
      ),
    },
  ];
  return (
    <Card withBorder padding="lg" radius="md" component="section" aria-labelledby="mail-heading" style={{ gridColumn: '1 / -1' }}>
      <Title order={2} size="h4" id="mail-heading" mb="xs">
        {t('mail.title')}
      </Title>
      <Text size="sm" c="gray.7" mb="md">
        {t('mail.intro')}
      </Text>
      {data && !data.configured && (
        // A standing fact about the installation, not news: a note, not a live status region.
        <Alert color="blue" role="note" mb="md">
          {t('mail.notConfigured')}
        </Alert>
      )}
      {data?.configured && (
        <SimpleGrid cols={{ base: 2, sm: 4 }} spacing="md" mb="md">
          <Figure
            label={t('mail.server')}
            value={`${data.host}:${data.port} (${t(`mail.tls.${data.tls ?? 'none'}`)})`}
            testId="mail-server"
          />
          <Figure label={t('mail.sender')} value={data.sender ?? '–'} testId="mail-sender" />
          <Figure
            label={t('mail.lastSent')}
            value={data.lastSentAt ? formatDateTime(data.lastSentAt) : t('mail.never')}
            testId="mail-last-sent"
          />
          <Figure
            label={t('mail.queue')}
            value={t('mail.queueCounts', { queued: data.queued, retrying: data.retrying })}
            testId="mail-queue"
          />
        </SimpleGrid>
      )}
      <Group mb="xs">
        <Title order={3} size="h5">
          {t('mail.failures', { count: data?.failed ?? 0 })}
        </Title>
      </Group>
      <QueryTable
        query={failures}
        caption={t('mail.failuresCaption')}
        columns={columns}
        rowKey={(failure) => failure.id}
        rowTestId="mail-failure-row"
        framed={false}
        empty={<Text size="sm">{t('mail.noFailures')}</Text>}
      />
    </Card>
  );
}
