import type { TrainingSession } from '@forvalta/contracts';
import { Button, SimpleGrid, Stack, Text } from '@mantine/core';
import { useQuery } from '@tanstack/react-query';
import { getRouteApi, useNavigate } from '@tanstack/react-router';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { AnchorLink } from '../../components/AnchorLink.tsx';
import { ConfirmDialog } from '../../components/ConfirmDialog.tsx';
import { ErrorState } from '../../components/ErrorState.tsx';
import { notifyError, notifySuccess } from '../../components/error-messages.ts';
import { ListEmptyState } from '../../components/ListEmptyState.tsx';
import { useSectionList } from '../../components/list-address.ts';
import { LoadingState } from '../../components/LoadingState.tsx';
import { PageHeader } from '../../components/PageHeader.tsx';
import { type Column, QueryTable } from '../../components/QueryTable.tsx';
import { Fact, SectionCard } from '../../components/SectionCard.tsx';
import { formatDateTime } from '../../i18n/format.ts';
import { departmentNameMap, useAllDepartments } from '../organisation/departments/departments.queries.ts';
import { CourseFormModal } from './CourseFormModal.tsx';
import { SessionFormModal } from './SessionFormModal.tsx';
import { TrainingCoverageChart } from './TrainingCoverageChart.tsx';
import { courseQuery, sessionsQuery, useDeleteCourse } from './training.queries.ts';

const routeApi = getRouteApi('/authenticated/content/training/courses/$courseId');

/** A course: what it is, who answers for it, its sessions (latest first) and how many have attended. */
export function CoursePage() {
  const { t } = useTranslation('training');
  const { courseId } = routeApi.useParams();
  const navigate = useNavigate();
  const course = useQuery(courseQuery(courseId));
  const departmentNames = departmentNameMap(useAllDepartments().data);
  const list = useSectionList('sessions', routeApi.useSearch(), routeApi.useNavigate(), { pageSize: 10 });
  const sessions = useQuery(sessionsQuery({ courseId, sort: '-startsAt', cursor: list.paging.cursor, limit: list.paging.pageSize }));
  const [editing, setEditing] = useState(false);
  const [planning, setPlanning] = useState(false);
  const [deleting, setDeleting] = useState(false);
  const remove = useDeleteCourse();

  if (course.isLoading) return <LoadingState />;
  if (course.error || !course.data) return <ErrorState error={course.error} onRetry={() => void course.refetch()} />;
  const c = course.data;

  const columns: Column<TrainingSession>[] = [
    {
      key: 'when',
      header: t('sessions.columnWhen'),
      rowHeader: true,
      nowrap: true,
      cell: (session) => (
        <AnchorLink to="/training/sessions/$sessionId" params={{ sessionId: session.id }} fw={600} size="sm">
          {formatDateTime(session.startsAt)}
        </AnchorLink>
      ),
    },
    { key: 'place', header: t('sessions.columnPlace'), cell: (session) => session.place ?? '–' },
    { key: 'trainer', header: t('sessions.columnTrainer'), cell: (session) => session.trainerName ?? '–' },
    {
      key: 'registered',
      header: t('sessions.columnRegistered'),
      align: 'right',
      nowrap: true,
      cell: (session) => (session.capacity ? `${session.registeredCount} / ${session.capacity}` : session.registeredCount),
    },
    { key: 'attended', header: t('sessions.columnAttended'), align: 'right', cell: (session) => session.attendedCount },
  ];

  return (
    <Stack gap="lg">
      <div>
        <AnchorLink to="/training" size="sm">
          {t('course.back')}
        </AnchorLink>
        <PageHeader
          title={c.title}
          intro={t(`topic.${c.topic}`)}
          actions={
            <>
              {c.can.update && (
                <Button variant="default" onClick={() => setEditing(true)}>
                  {t('course.edit')}
                </Button>
              )}
              {c.can.delete && (
                <Button variant="default" color="red.9" onClick={() => setDeleting(true)}>
                  {t('course.delete')}
                </Button>
              )}
            </>
          }
        />
      </div>
      <SectionCard id="details" title={t('course.details')}>
        <SimpleGrid component="dl" cols={{ base: 1, sm: 2, md: 3 }} spacing="md" m={0}>
          <Fact label={t('course.responsible')}>
            {c.responsibleDepartmentName ?? (c.responsibleRole ? t(`translation:roles.${c.responsibleRole}`) : '–')}
          </Fact>
          <Fact label={t('course.system')}>{c.systemName ?? '–'}</Fact>
          <Fact label={t('course.recurrence')}>
            {c.recurrenceMonths ? t('courses.everyMonths', { count: c.recurrenceMonths }) : t('courses.once')}
          </Fact>
          <Fact label={t('course.mandatory')}>{c.mandatory ? t('course.yes') : t('course.no')}</Fact>
          <Fact label={t('course.audience')}>
            {c.audienceDepartmentIds.length === 0
              ? t('course.everyone')
              : c.audienceDepartmentIds.map((id) => departmentNames.get(id) ?? '').join(', ')}
          </Fact>
          <Fact label={t('course.description')} multiline>
            {c.description ?? '–'}
          </Fact>
        </SimpleGrid>
      </SectionCard>
      <SectionCard
        id="sessions"
        title={t('course.sessions')}
        actions={c.can.planSession && <Button onClick={() => setPlanning(true)}>{t('course.planSession')}</Button>}
      >
        <QueryTable
          query={sessions}
          caption={t('course.sessions')}
          columns={columns}
          rowKey={(session) => session.id}
          rowTestId="session-row"
          paging={list.paging}
          framed={false}
          minWidth={640}
          empty={<ListEmptyState title={t('course.noSessions')} />}
        />
      </SectionCard>
      <SectionCard id="coverage" title={t('course.coverage')}>
        <Text size="sm" c="gray.7" mb="xs">
          {t('course.coverageHint')}
        </Text>
        <TrainingCoverageChart courseId={c.id} />
      </SectionCard>
      {editing && <CourseFormModal course={c} onClose={() => setEditing(false)} />}
      {planning && <SessionFormModal course={c} session={null} onClose={() => setPlanning(false)} />}
      <ConfirmDialog
        opened={deleting}
        title={t('course.deleteTitle')}
        text={t('course.deleteText', { title: c.title })}
        confirmLabel={t('course.delete')}
        loading={remove.isPending}
        onClose={() => setDeleting(false)}
        onConfirm={() =>
          remove.mutate(c, {
            onSuccess: () => {
              notifySuccess(t('course.deleted', { title: c.title }));
              void navigate({ to: '/training' });
            },
            onError: notifyError,
          })
        }
      />
    </Stack>
  );
}
