import type { Attendance } from '@forvalta/contracts';
import { Badge, List, Stack, Text, Title } from '@mantine/core';
import { useQuery } from '@tanstack/react-query';
import { getRouteApi } from '@tanstack/react-router';
import { useTranslation } from 'react-i18next';
import { isApiError } from '../../api/client.ts';
import { AnchorLink } from '../../components/AnchorLink.tsx';
import { ListEmptyState } from '../../components/ListEmptyState.tsx';
import { useSectionList } from '../../components/list-address.ts';
import { type Column, QueryTable } from '../../components/QueryTable.tsx';
import { SectionCard } from '../../components/SectionCard.tsx';
import { formatDate, formatDateTime } from '../../i18n/format.ts';
import { dueCoursesQuery, historyQuery } from './training.queries.ts';

const routeApi = getRouteApi('/authenticated/content/people/$personId');

/** "Utbildningar" on a person's page: the courses due for them, and their history, latest first. */
export function PersonTrainingSection({ personId }: { personId: string }) {
  const { t } = useTranslation('training');
  const list = useSectionList('training', routeApi.useSearch(), routeApi.useNavigate(), { pageSize: 10 });
  const history = useQuery(historyQuery(personId, { cursor: list.paging.cursor, limit: list.paging.pageSize }));
  const due = useQuery(dueCoursesQuery(personId));

  // Whoever may not read this person's training sees no section, rather than a refusal.
  if (isApiError(history.error, 'forbidden')) return null;
  const columns: Column<Attendance>[] = [
    {
      key: 'course',
      header: t('person.course'),
      rowHeader: true,
      cell: (row) => (
        <AnchorLink to="/training/sessions/$sessionId" params={{ sessionId: row.sessionId }} size="sm" fw={600}>
          {row.courseTitle}
        </AnchorLink>
      ),
    },
    { key: 'topic', header: t('person.topic'), cell: (row) => t(`topic.${row.topic}`) },
    { key: 'when', header: t('person.when'), nowrap: true, cell: (row) => formatDateTime(row.sessionStartsAt) },
    {
      key: 'status',
      header: t('person.status'),
      cell: (row) => (
        <Badge
          variant={row.status === 'registered' ? 'outline' : 'filled'}
          color={row.status === 'attended' ? '#1f6f36' : row.status === 'absent' ? 'red.9' : 'gray.7'}
          tt="none"
          miw="max-content"
        >
          {t(`status.${row.status}`)}
        </Badge>
      ),
    },
  ];

  return (
    <SectionCard id="training" title={t('person.title')}>
      <Stack gap="md">
        {due.data && due.data.items.length > 0 && (
          <div>
            <Title order={3} size="h5" mb={4}>
              {t('person.due')}
            </Title>
            <List size="sm" spacing={4}>
              {due.data.items.map((course) => (
                <List.Item key={course.courseId}>
                  <AnchorLink to="/training/courses/$courseId" params={{ courseId: course.courseId }} size="sm">
                    {course.courseTitle}
                  </AnchorLink>{' '}
                  <Text span size="sm" c="gray.7">
                    {course.nextSession?.registered
                      ? t('person.registeredFor', { date: formatDateTime(course.nextSession.startsAt) })
                      : course.reason === 'recurrence'
                        ? t('person.dueAgain', { date: formatDate(course.dueOn), last: formatDate(course.lastAttendedOn) })
                        : t('person.neverAttended')}
                  </Text>
                </List.Item>
              ))}
            </List>
          </div>
        )}
        <QueryTable
          query={history}
          caption={t('person.history')}
          columns={columns}
          rowKey={(row) => row.id}
          rowTestId="training-history-row"
          paging={list.paging}
          framed={false}
          minWidth={560}
          empty={<ListEmptyState title={t('person.noHistory')} />}
        />
      </Stack>
    </SectionCard>
  );
}
