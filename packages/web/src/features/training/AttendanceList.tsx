import type { Attendance, AttendanceStatus, TrainingSession } from '@forvalta/contracts';
import { Badge, Button, Group, NativeSelect, Paper, SimpleGrid, Stack, Text, TextInput } from '@mantine/core';
import { useQuery } from '@tanstack/react-query';
import { getRouteApi } from '@tanstack/react-router';
import { useTranslation } from 'react-i18next';
import { ListPager } from '../../components/CursorPager.tsx';
import { ErrorState } from '../../components/ErrorState.tsx';
import { notifyError } from '../../components/error-messages.ts';
import { ListEmptyState } from '../../components/ListEmptyState.tsx';
import { useSectionList } from '../../components/list-address.ts';
import { LoadingState } from '../../components/LoadingState.tsx';
import { SectionCard } from '../../components/SectionCard.tsx';
import type { UrlPaging } from '../../components/url-paging.ts';
import { attendanceQuery, useRecordAttendance, useRemoveRegistration } from './training.queries.ts';
import { attendanceStatuses } from './training-values.ts';

const routeApi = getRouteApi('/authenticated/content/training/sessions/$sessionId');
type AttendanceFilters = UrlPaging & { q?: string; status?: AttendanceStatus };

/**
 * The session's attendance list, made for the trainer's phone: a search over those registered,
 * and per person two large buttons, so one tap records them (tapping the chosen one again undoes
 * it). The list is paged and searched by the server; its place in the address survives a reload.
 */
export function AttendanceList({ session }: { session: TrainingSession }) {
  const { t } = useTranslation('training');
  const list = useSectionList<AttendanceFilters>('attendance', routeApi.useSearch(), routeApi.useNavigate(), { pageSize: 50 });
  const attendance = useQuery(attendanceQuery(session.id, list.query));
  const record = useRecordAttendance();
  const remove = useRemoveRegistration();

  const tap = (row: Attendance, status: AttendanceStatus) =>
    record.mutate({ attendance: row, status: row.status === status ? 'registered' : status }, { onError: notifyError });

  return (
    <SectionCard id="attendance" title={t('attendance.title')}>
      <Stack gap="md">
        {!session.can.recordAttendance && session.trainerPersonId && (
          <Text size="sm" c="gray.7">
            {t('attendance.onlyTrainer')}
          </Text>
        )}
        <SimpleGrid cols={{ base: 1, sm: 2 }} spacing="md">
          <TextInput label={t('attendance.search')} size="md" type="search" {...list.searchInput} />
          {/* A native select: on a phone it opens the system's own picker, and it never overflows the screen. */}
          <NativeSelect
            label={t('attendance.show')}
            size="md"
            value={list.filters.status ?? 'all'}
            onChange={(event) => {
              const value = event.currentTarget.value;
              list.setFilters({ status: value === 'all' ? undefined : (value as AttendanceStatus) });
            }}
            data={[
              { value: 'all', label: t('attendance.showAll') },
              ...attendanceStatuses.map((status) => ({ value: status, label: t(`attendance.show_${status}`) })),
            ]}
          />
        </SimpleGrid>
        {attendance.isLoading ? (
          <LoadingState />
        ) : attendance.error || !attendance.data ? (
          <ErrorState error={attendance.error} onRetry={() => void attendance.refetch()} />
        ) : attendance.data.items.length === 0 ? (
          <ListEmptyState title={list.filtered ? t('attendance.noneFound') : t('attendance.empty')} />
        ) : (
          <ul
            aria-label={t('attendance.title')}
            style={{ listStyle: 'none', padding: 0, margin: 0, display: 'flex', flexDirection: 'column', gap: 8 }}
          >
            {attendance.data.items.map((row) => (
              <li key={row.id} data-testid="attendance-row">
                <Paper withBorder p="sm" radius="md">
                  <Group justify="space-between" wrap="nowrap" gap="xs" mb={row.can.record ? 'xs' : 0}>
                    <div style={{ minWidth: 0 }}>
                      <Text fw={600} className="wrap-anywhere">
                        {row.personName}
                      </Text>
                      <Text size="sm" c="gray.7">
                        {row.departmentName ?? '–'}
                      </Text>
                    </div>
                    <Group gap="xs" wrap="nowrap">
                      <Badge
                        variant={row.status === 'registered' ? 'outline' : 'filled'}
                        color={row.status === 'attended' ? '#1f6f36' : row.status === 'absent' ? 'red.9' : 'gray.7'}
                        tt="none"
                        miw="max-content"
                      >
                        {t(`status.${row.status}`)}
                      </Badge>
                    </Group>
                  </Group>
                  {row.can.record && (
                    <SimpleGrid cols={2} spacing="xs">
                      <Button
                        size="md"
                        h={52}
                        px="xs"
                        fullWidth
                        variant={row.status === 'attended' ? 'filled' : 'default'}
                        color="#1f6f36"
                        aria-pressed={row.status === 'attended'}
                        aria-label={t('attendance.markAttended', { name: row.personName })}
                        onClick={() => tap(row, 'attended')}
                      >
                        {t('attendance.attended')}
                      </Button>
                      <Button
                        size="md"
                        h={52}
                        px="xs"
                        fullWidth
                        variant={row.status === 'absent' ? 'filled' : 'default'}
                        color="red.9"
                        aria-pressed={row.status === 'absent'}
                        aria-label={t('attendance.markAbsent', { name: row.personName })}
                        onClick={() => tap(row, 'absent')}
                      >
                        {t('attendance.absent')}
                      </Button>
                    </SimpleGrid>
                  )}
                  {row.can.remove && (
                    <Group justify="flex-end" mt={4}>
                      <Button
                        variant="subtle"
                        size="compact-sm"
                        color="red"
                        c="red.9"
                        onClick={() => remove.mutate(row, { onError: notifyError })}
                        aria-label={t('attendance.removeFor', { name: row.personName })}
                      >
                        {t('attendance.remove')}
                      </Button>
                    </Group>
                  )}
                </Paper>
              </li>
            ))}
          </ul>
        )}
        <ListPager page={attendance.data} paging={list.paging} />
      </Stack>
    </SectionCard>
  );
}
