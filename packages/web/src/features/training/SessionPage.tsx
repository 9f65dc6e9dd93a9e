import { Button, Group, SimpleGrid, Stack } from '@mantine/core';
import { useQuery } from '@tanstack/react-query';
import { getRouteApi, useNavigate } from '@tanstack/react-router';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { AnchorLink } from '../../components/AnchorLink.tsx';
import { ConfirmDialog } from '../../components/ConfirmDialog.tsx';
import { ErrorState } from '../../components/ErrorState.tsx';
import { notifyError, notifySuccess } from '../../components/error-messages.ts';
import { LoadingState } from '../../components/LoadingState.tsx';
import { PageHeader } from '../../components/PageHeader.tsx';
import { Fact, SectionCard } from '../../components/SectionCard.tsx';
import { AttendanceList } from './AttendanceList.tsx';
import { RegisterPeople } from './RegisterPeople.tsx';
import { SessionFormModal } from './SessionFormModal.tsx';
import { formatSessionTime } from './session-times.ts';
import { sessionQuery, useDeleteSession } from './training.queries.ts';

const routeApi = getRouteApi('/authenticated/content/training/sessions/$sessionId');

/**
 * A session: when, where and by whom; its trainer takes attendance here, on a phone as well as at
 * a desk (one tap per person, a search over those registered), and the course's managers register people.
 */
export function SessionPage() {
  const { t } = useTranslation('training');
  const { sessionId } = routeApi.useParams();
  const navigate = useNavigate();
  const session = useQuery(sessionQuery(sessionId));
  const [editing, setEditing] = useState(false);
  const [deleting, setDeleting] = useState(false);
  const remove = useDeleteSession();

  if (session.isLoading) return <LoadingState />;
  if (session.error || !session.data) return <ErrorState error={session.error} onRetry={() => void session.refetch()} />;
  const s = session.data;

  return (
    <Stack gap="lg">
      <div>
        <AnchorLink to="/training/courses/$courseId" params={{ courseId: s.courseId }} size="sm">
          {t('session.backToCourse', { title: s.courseTitle })}
        </AnchorLink>
        <PageHeader
          title={s.courseTitle}
          intro={formatSessionTime(s.startsAt, s.endsAt)}
          actions={
            <Group gap="sm">
              {s.can.update && (
                <Button variant="default" onClick={() => setEditing(true)}>
                  {t('session.edit')}
                </Button>
              )}
              {s.can.delete && (
                <Button variant="default" color="red.9" onClick={() => setDeleting(true)}>
                  {t('session.delete')}
                </Button>
              )}
            </Group>
          }
        />
      </div>
      <SectionCard id="details" title={t('session.details')}>
        <SimpleGrid component="dl" cols={{ base: 2, md: 4 }} spacing="md" m={0}>
          <Fact label={t('session.place')}>{s.place ?? '–'}</Fact>
          <Fact label={t('session.trainer')}>{s.trainerName ?? '–'}</Fact>
          <Fact label={t('session.registered')}>
            {s.capacity ? t('session.ofCapacity', { count: s.registeredCount, capacity: s.capacity }) : s.registeredCount}
          </Fact>
          <Fact label={t('session.attended')}>{s.attendedCount}</Fact>
          {s.systemName && <Fact label={t('session.system')}>{s.systemName}</Fact>}
          {s.notes && (
            <Fact label={t('session.notes')} multiline>
              {s.notes}
            </Fact>
          )}
        </SimpleGrid>
      </SectionCard>
      {s.can.readAttendance && <AttendanceList session={s} />}
      {s.can.register && <RegisterPeople session={s} />}
      {editing && <SessionFormModal course={{ id: s.courseId, title: s.courseTitle }} session={s} onClose={() => setEditing(false)} />}
      <ConfirmDialog
        opened={deleting}
        title={t('session.deleteTitle')}
        text={t('session.deleteText')}
        confirmLabel={t('session.delete')}
        loading={remove.isPending}
        onClose={() => setDeleting(false)}
        onConfirm={() =>
          remove.mutate(s, {
            onSuccess: () => {
              notifySuccess(t('session.deleted'));
              void navigate({ to: '/training/courses/$courseId', params: { courseId: s.courseId } });
            },
            onError: notifyError,
          })
        }
      />
    </Stack>
  );
}
