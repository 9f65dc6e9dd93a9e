import type { ChangeNoticeDetail } from '@forvalta/contracts';
import { Alert, Badge, Button, Group, List, SimpleGrid, Stack, Text, Textarea, Title } from '@mantine/core';
import { useQuery, useQueryClient } from '@tanstack/react-query';
import { getRouteApi } from '@tanstack/react-router';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { isApiError } from '../../api/client.ts';
import { AnchorLink } from '../../components/AnchorLink.tsx';
import { ErrorState } from '../../components/ErrorState.tsx';
import { notifyError, notifySuccess } from '../../components/error-messages.ts';
import { LoadingState } from '../../components/LoadingState.tsx';
import { StaleRecordAlert } from '../../components/StaleRecordAlert.tsx';
import { formatDate, formatDateTime } from '../../i18n/format.ts';
import { Fact, SectionCard } from '../../components/SectionCard.tsx';
import { SystemLinks } from '../../components/SystemLinks.tsx';
import { changeNoticeKeys, changeNoticeQuery, useAcknowledgeNotice } from './change-notices.queries.ts';

const routeApi = getRouteApi('/authenticated/content/change-notices/$noticeId');

/** One change notice in full (§4.2.2): what changes, whom it was sent to, the deadline, and the IT unit's acknowledgement. */
export function ChangeNoticePage() {
  const { t } = useTranslation('lifecycle');
  const { noticeId } = routeApi.useParams();
  const notice = useQuery(changeNoticeQuery(noticeId));
  if (notice.isLoading) return <LoadingState />;
  if (notice.error || !notice.data) return <ErrorState error={notice.error} onRetry={() => void notice.refetch()} />;
  const n = notice.data;
  const change = n.responsibilityChange;
  const holders = (list: Array<{ name: string }>) =>
    list.length === 0 ? t('noticePage.nobody') : list.map((holder) => holder.name).join(', ');

  return (
    <>
      <AnchorLink to="/change-notices" size="sm">
        <span aria-hidden="true">← </span>
        {t('noticePage.back')}
      </AnchorLink>
      <Stack gap={6} mt="xs" mb="md" maw={860}>
        <Title order={1} size="h2">
          {n.title}
        </Title>
        <Group gap="xs">
          <Badge color={n.status === 'open' ? 'gray.7' : '#1f6f36'} variant="filled" tt="none">
            {t(`noticeStatus.${n.status}`)}
          </Badge>
          {n.overdue && (
            <Badge color="red.9" variant="filled" tt="none">
              {t('notices.overdue')}
            </Badge>
          )}
          <Badge color="blue.9" variant="outline" tt="none">
            {t(`noticeKind.${n.kind}`)}
          </Badge>
          <Badge color="gray.7" variant="outline" tt="none">
            {t(`noticeSource.${n.source}`)}
          </Badge>
        </Group>
      </Stack>

      <Stack gap="lg">
        <SectionCard id="change" title={t('noticePage.change')}>
          <SimpleGrid component="dl" cols={{ base: 1, sm: 2, md: 3 }} spacing="md" m={0}>
            <Fact label={t('notices.plannedOn')}>{formatDate(n.plannedOn)}</Fact>
            <Fact label={t('noticePage.reported')}>
              {t('noticePage.reportedBy', { name: n.createdByName, at: formatDateTime(n.createdAt) })}
            </Fact>
            <Fact label={t('notices.systems')}>
              <SystemLinks systems={n.systems} empty="–" />
            </Fact>
          </SimpleGrid>
          <Text size="sm" c="gray.7" mt="md">
            {t('notices.description')}
          </Text>
          <Text size="sm" style={{ whiteSpace: 'pre-wrap' }}>
            {n.description ?? '–'}
          </Text>
        </SectionCard>

        {change && (
          <SectionCard id="responsibility" title={t('noticePage.responsibility')}>
            <SimpleGrid component="dl" cols={{ base: 1, sm: 2, md: 3 }} spacing="md" m={0} data-testid="responsibility-change">
              <Fact label={t('noticePage.role')}>{t(`noticePage.roleValue.${change.role}`)}</Fact>
              <Fact label={t('noticePage.kindOfChange')}>{t(`noticePage.changeValue.${change.change}`)}</Fact>
              <Fact label={t('noticePage.effectiveOn')}>{formatDate(change.effectiveOn)}</Fact>
              <Fact label={t('noticePage.before')}>{holders(change.before)}</Fact>
              <Fact label={t('noticePage.after')}>{holders(change.after)}</Fact>
            </SimpleGrid>
          </SectionCard>
        )}

        <SectionCard id="routing" title={t('noticePage.routing')}>
          <List size="sm" spacing="xs" data-testid="notice-routing">
            <List.Item>{t('noticePage.itUnitQueue')}</List.Item>
            {n.recipients.map((recipient) => (
              <List.Item key={recipient.personId}>
                {t('noticePage.recipient', { name: recipient.name, email: recipient.email })}
                {recipient.systems.length > 0 && ' – '}
                {recipient.systems.length > 0 && t('noticePage.managerOf')} <SystemLinks systems={recipient.systems} />
              </List.Item>
            ))}
          </List>
          {n.recipients.length === 0 && (
            <Text size="sm" c="gray.7" mt="xs">
              {t('noticePage.noAdjacentRecipients')}
            </Text>
          )}
        </SectionCard>

        <AcknowledgementSection notice={n} />
      </Stack>
    </>
  );
}

function AcknowledgementSection({ notice }: { notice: ChangeNoticeDetail }) {
  const { t } = useTranslation('lifecycle');
  // The server says whether this caller may acknowledge this notice (notice.can).
  const canAcknowledge = notice.can.acknowledge;
  const queryClient = useQueryClient();
  const [note, setNote] = useState('');
  const [stale, setStale] = useState(false);
  const acknowledge = useAcknowledgeNotice(notice);
  const submit = () =>
    acknowledge.mutate(note, {
      onSuccess: () => notifySuccess(t('notices.acknowledged')),
      onError: (error) => {
        if (isApiError(error, 'version_mismatch') || isApiError(error, 'conflict')) setStale(true);
        else notifyError(error);
      },
    });
  return (
    <SectionCard id="acknowledgement" title={t('noticePage.acknowledgement')}>
      <Stack gap="sm">
        <Text size="sm" data-testid="notice-deadline">
          {t('noticePage.deadline', { date: formatDate(notice.acknowledgeBy), count: notice.acknowledgeWithinWorkingDays })}
        </Text>
        {notice.status === 'acknowledged' ? (
          // Plain text, not the alert's title: the coloured title does not reach 4.5:1 on the tint.
          <Alert color="green" variant="light" data-testid="notice-acknowledged">
            <Text size="sm" fw={700}>
              {t('noticeStatus.acknowledged')}
            </Text>
            <Text size="sm">
              {t('notices.acknowledgedLine', { at: formatDateTime(notice.acknowledgedAt), name: notice.acknowledgedByName ?? '–' })}
            </Text>
            {notice.acknowledgementNote && (
              <Text size="sm" mt={4} style={{ whiteSpace: 'pre-wrap' }}>
                {t('noticePage.note', { note: notice.acknowledgementNote })}
              </Text>
            )}
          </Alert>
        ) : (
          <>
            {notice.overdue ? (
              <Alert color="red" variant="light">
                <Text size="sm" fw={700}>
                  {t('noticePage.overdueTitle')}
                </Text>
                <Text size="sm">{t('noticePage.overdueText', { date: formatDate(notice.acknowledgeBy) })}</Text>
              </Alert>
            ) : (
              <Text size="sm">{t('noticePage.waiting')}</Text>
            )}
            {canAcknowledge && (
              <form
                onSubmit={(event) => {
                  event.preventDefault();
                  submit();
                }}
              >
                <Stack gap="sm" maw={640}>
                  {stale && (
                    <StaleRecordAlert
                      onReload={() => {
                        setStale(false);
                        void queryClient.invalidateQueries({ queryKey: changeNoticeKeys.detail(notice.id) });
                      }}
                    />
                  )}
                  <Textarea
                    label={t('notices.acknowledgeNote')}
                    value={note}
                    onChange={(event) => setNote(event.currentTarget.value)}
                    autosize
                    minRows={2}
                    maxLength={2000}
                  />
                  <Group>
                    <Button type="submit" loading={acknowledge.isPending} disabled={stale}>
                      {t('notices.acknowledge')}
                    </Button>
                  </Group>
                </Stack>
              </form>
            )}
          </>
        )}
      </Stack>
    </SectionCard>
  );
}
