import type { Course } from '@forvalta/contracts';
import { Badge, Button, Group, Select, Stack, Text, TextInput } from '@mantine/core';
import { useQuery } from '@tanstack/react-query';
import { getRouteApi } from '@tanstack/react-router';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useCan } from '../../app/session.ts';
import { AnchorLink } from '../../components/AnchorLink.tsx';
import { ListEmptyState } from '../../components/ListEmptyState.tsx';
import { useAddressList } from '../../components/list-address.ts';
import { PageHeader } from '../../components/PageHeader.tsx';
import { type Column, QueryTable } from '../../components/QueryTable.tsx';
import { SectionCard } from '../../components/SectionCard.tsx';
import { formatDateTime } from '../../i18n/format.ts';
import { CourseFormModal } from './CourseFormModal.tsx';
import { TrainingCoverageChart } from './TrainingCoverageChart.tsx';
import { coursesQuery } from './training.queries.ts';
import { type CourseFilters, trainingTopics } from './training-values.ts';

const routeApi = getRouteApi('/authenticated/content/training');

/** Courses by topic with their next session, and the share of staff trained in IT security per department. */
export function CoursesPage() {
  const { t } = useTranslation('training');
  // Creating has no record yet to ask; the server decides by the topic chosen.
  const canCreate = useCan('trainingCourse.manage');
  const list = useAddressList<CourseFilters>(routeApi.useSearch(), routeApi.useNavigate(), { pageSize: 25, defaultSort: 'title' });
  const courses = useQuery(coursesQuery(list.query));
  const [creating, setCreating] = useState(false);

  const columns: Column<Course>[] = [
    {
      key: 'title',
      header: t('courses.columnTitle'),
      sortField: 'title',
      rowHeader: true,
      minWidth: 240,
      cell: (course) => (
        <AnchorLink to="/training/courses/$courseId" params={{ courseId: course.id }} fw={600} size="sm">
          {course.title}
        </AnchorLink>
      ),
    },
    {
      key: 'topic',
      header: t('courses.columnTopic'),
      cell: (course) => (
        <Stack gap={2}>
          <Text size="sm">{t(`topic.${course.topic}`)}</Text>
          {course.systemName && (
            <Text size="xs" c="gray.7">
              {course.systemName}
            </Text>
          )}
        </Stack>
      ),
    },
    {
      key: 'responsible',
      header: t('courses.columnResponsible'),
      cell: (course) =>
        course.responsibleDepartmentName ?? (course.responsibleRole ? t(`translation:roles.${course.responsibleRole}`) : '–'),
    },
    {
      key: 'recurrence',
      header: t('courses.columnRecurrence'),
      nowrap: true,
      cell: (course) => (
        <Group gap={6} wrap="nowrap">
          <Text size="sm">
            {course.recurrenceMonths ? t('courses.everyMonths', { count: course.recurrenceMonths }) : t('courses.once')}
          </Text>
          {course.mandatory && (
            <Badge color="blue.9" variant="outline" tt="none" miw="max-content">
              {t('courses.mandatory')}
            </Badge>
          )}
        </Group>
      ),
    },
    {
      key: 'next',
      header: t('courses.columnNextSession'),
      nowrap: true,
      cell: (course) => (course.nextSessionStartsAt ? formatDateTime(course.nextSessionStartsAt) : '–'),
    },
    { key: 'sessions', header: t('courses.columnSessions'), align: 'right', cell: (course) => course.sessionCount },
  ];

  return (
    <Stack gap="lg">
      <div>
        <PageHeader
          title={t('courses.title')}
          intro={t('courses.intro')}
          actions={canCreate && <Button onClick={() => setCreating(true)}>{t('courses.create')}</Button>}
        />
        <Group mb="md" align="flex-end" gap="md" wrap="wrap" role="search" aria-label={t('courses.filters')}>
          <TextInput label={t('courses.search')} {...list.searchInput} w={260} />
          <Select
            label={t('courses.topic')}
            placeholder={t('courses.allTopics')}
            clearable
            value={list.filters.topic ?? null}
            onChange={(value) => list.setFilters({ topic: (value as CourseFilters['topic']) ?? undefined })}
            data={trainingTopics.map((topic) => ({ value: topic, label: t(`topic.${topic}`) }))}
            w={300}
          />
          {list.filtered && (
            <Button variant="subtle" size="compact-sm" mb={6} onClick={list.clearFilters}>
              {t('courses.clearFilters')}
            </Button>
          )}
        </Group>
        <QueryTable
          query={courses}
          caption={t('courses.title')}
          columns={columns}
          rowKey={(course) => course.id}
          rowTestId="course-row"
          sort={list.sort}
          paging={list.paging}
          minWidth={860}
          empty={<ListEmptyState title={list.filtered ? t('courses.empty') : t('courses.emptyAll')} />}
        />
      </div>
      <SectionCard id="coverage" title={t('coverage.title')}>
        <TrainingCoverageChart topic="it_security_and_networks" />
      </SectionCard>
      {creating && <CourseFormModal course={null} onClose={() => setCreating(false)} />}
    </Stack>
  );
}
