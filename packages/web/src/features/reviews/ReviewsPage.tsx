import type { Review, ReviewCreate } from '@forvalta/contracts';
import { Anchor, Badge, Button, Group, Modal, Paper, Select, Stack, Table, Text, VisuallyHidden } from '@mantine/core';
import { keepPreviousData, useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { getRouteApi } from '@tanstack/react-router';
import { useCallback, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { legacyApi } from '../../api/client.ts';
import { useCan } from '../../app/session.ts';
import { AnchorLink } from '../../components/AnchorLink.tsx';
import { ListPager } from '../../components/CursorPager.tsx';
import { DateField } from '../../components/DateField.tsx';
import { ErrorState } from '../../components/ErrorState.tsx';
import { notifyError, notifySuccess } from '../../components/error-messages.ts';
import { ListEmptyState } from '../../components/ListEmptyState.tsx';
import { LoadingState } from '../../components/LoadingState.tsx';
import { PageHeader } from '../../components/PageHeader.tsx';
import { formatDate, todayInStockholm } from '../../i18n/format.ts';
import { useUrlPaging, type UrlPaging } from '../../components/url-paging.ts';
import { DepartmentSelect } from '../organisation/departments/DepartmentSelect.tsx';
import { useSystemOptions } from '../projects/project-api.ts';
import { addDays, dueSoonDays, reviewListQuery, reviewShowValues, type ReviewFilters } from './review-filters.ts';
import { ReviewFormModal } from './ReviewFormModal.tsx';

const routeApi = getRouteApi('/authenticated/content/reviews');

/** A planned review within 30 days is due soon. */
export function dueSoon(review: Pick<Review, 'status' | 'overdue' | 'plannedOn'>, today: string): boolean {
  return review.status === 'planned' && !review.overdue && review.plannedOn <= addDays(today, dueSoonDays);
}

/** The review planning list: overdue and due reviews first, then the held ones; filters and page live in the address. */
export function ReviewsPage() {
  const { t } = useTranslation('lifecycle');
  const canWrite = useCan('review.write');
  const filters = routeApi.useSearch();
  const navigate = routeApi.useNavigate();
  const systems = useSystemOptions();
  const [creating, setCreating] = useState(false);
  const [editing, setEditing] = useState<Review | null>(null);
  const today = todayInStockholm();

  // A new filter starts again at the first page: a cursor belongs to one query.
  const setFilters = (changes: Partial<ReviewFilters>) =>
    void navigate({ search: (previous) => ({ ...previous, ...changes, cursors: undefined }), replace: true });
  const movePage = useCallback(
    (changes: UrlPaging, options: { replace: boolean }) =>
      void navigate({ search: (previous) => ({ ...previous, ...changes }), replace: options.replace }),
    [navigate],
  );
  const paging = useUrlPaging(filters, movePage);
  const query = reviewListQuery(filters, today);
  const reviews = useQuery({
    queryKey: ['reviews', 'list', query, paging.cursor, paging.pageSize],
    queryFn: ({ signal }) => legacyApi.list<Review>('/reviews', { ...query, cursor: paging.cursor, limit: paging.pageSize }, signal),
    placeholderData: keepPreviousData,
  });
  const filtered = Boolean(filters.show || filters.systemId || filters.ownerDepartmentId);
  const createButton = canWrite && <Button onClick={() => setCreating(true)}>{t('reviews.create')}</Button>;
  // In the server's order: planned first, the earliest (most overdue) first; then held, latest first.
  const items = reviews.data?.items ?? [];

  return (
    <>
      <PageHeader title={t('reviews.title')} intro={t('reviews.intro')} actions={createButton} />
      <Group mb="md" align="flex-end" gap="md" wrap="wrap" role="search" aria-label={t('reviews.filters')}>
        <Select
          label={t('reviews.show')}
          placeholder={t('reviews.all')}
          clearable
          value={filters.show ?? null}
          onChange={(value) => setFilters({ show: (value as ReviewFilters['show']) ?? undefined })}
          data={reviewShowValues.map((value) => ({ value, label: t(`reviews.showValue.${value}`, { count: dueSoonDays }) }))}
          w={240}
        />
        <Select
          label={t('reviews.system')}
          placeholder={t('reviews.allSystems')}
          clearable
          searchable
          value={filters.systemId ?? null}
          onChange={(value) => setFilters({ systemId: value ?? undefined })}
          data={(systems.data?.items ?? []).map((system) => ({ value: system.id, label: system.name }))}
          w={260}
        />
        <DepartmentSelect
          label={t('reviews.department')}
          placeholder={t('reviews.allDepartments')}
          value={filters.ownerDepartmentId ?? null}
          onChange={(value) => setFilters({ ownerDepartmentId: value ?? undefined })}
          w={260}
        />
        {filtered && (
          <Button
            variant="subtle"
            size="compact-sm"
            mb={6}
            onClick={() => void navigate({ search: filters.limit ? { limit: filters.limit } : {}, replace: true })}
          >
            {t('reviews.clearFilters')}
          </Button>
        )}
      </Group>
      <Paper withBorder radius="md">
        {reviews.isLoading ? (
          <LoadingState />
        ) : reviews.error ? (
          <ErrorState error={reviews.error} onRetry={() => void reviews.refetch()} />
        ) : items.length === 0 ? (
          <ListEmptyState title={filtered ? t('reviews.empty') : t('reviews.emptyAll')} />
        ) : (
          <Table.ScrollContainer minWidth={860}>
            <Table verticalSpacing="xs" horizontalSpacing="sm" aria-busy={reviews.isFetching}>
              <VisuallyHidden component="caption">{t('reviews.title')}</VisuallyHidden>
              <Table.Thead>
                <Table.Tr>
                  <Table.Th scope="col">{t('reviews.columnSystem')}</Table.Th>
                  <Table.Th scope="col">{t('reviews.columnPlanned')}</Table.Th>
                  <Table.Th scope="col">{t('reviews.columnStatus')}</Table.Th>
                  <Table.Th scope="col">{t('reviews.columnHeld')}</Table.Th>
                  <Table.Th scope="col">{t('reviews.columnParticipants')}</Table.Th>
                  <Table.Th scope="col">{t('reviews.columnNext')}</Table.Th>
                  <Table.Th scope="col">
                    <VisuallyHidden>{t('reviews.columnDetails')}</VisuallyHidden>
                  </Table.Th>
                </Table.Tr>
              </Table.Thead>
              <Table.Tbody>
                {items.map((review) => (
                  <Table.Tr key={review.id} data-testid="review-row">
                    <Table.Td>
                      <AnchorLink to="/systems/$systemId" params={{ systemId: review.systemId }} size="sm" fw={600}>
                        {review.systemName}
                      </AnchorLink>
                    </Table.Td>
                    <Table.Td style={{ whiteSpace: 'nowrap' }}>
                      <Anchor
                        component="button"
                        type="button"
                        size="sm"
                        onClick={() => setEditing(review)}
                        aria-label={t('reviews.open', { name: review.systemName, date: formatDate(review.plannedOn) })}
                      >
                        {formatDate(review.plannedOn)}
                      </Anchor>
                    </Table.Td>
                    <Table.Td>
                      <Group gap={6} wrap="nowrap">
                        <Text size="sm">{t(`reviews.statusValue.${review.status}`)}</Text>
                        {review.overdue && (
                          <Badge color="red.9" variant="filled" tt="none" miw="max-content">
                            {t('reviews.overdue')}
                          </Badge>
                        )}
                        {dueSoon(review, today) && (
                          <Badge color="#9a3f00" variant="filled" tt="none" miw="max-content">
                            {t('reviews.dueSoon')}
                          </Badge>
                        )}
                      </Group>
                    </Table.Td>
                    <Table.Td style={{ whiteSpace: 'nowrap' }}>{formatDate(review.heldOn)}</Table.Td>
                    <Table.Td>
                      <Text size="sm">{review.participants.map((participant) => participant.name).join(', ') || '–'}</Text>
                      {review.participants.some((participant) => participant.itUnit) && (
                        <Text size="xs" c="gray.7">
                          {t('reviews.itUnitCount', { count: review.participants.filter((participant) => participant.itUnit).length })}
                        </Text>
                      )}
                    </Table.Td>
                    <Table.Td style={{ whiteSpace: 'nowrap' }}>{formatDate(review.nextReviewOn)}</Table.Td>
                    <Table.Td style={{ whiteSpace: 'nowrap' }}>
                      <AnchorLink
                        to="/reviews/$reviewId"
                        params={{ reviewId: review.id }}
                        size="sm"
                        aria-label={t('reviews.details', { name: review.systemName, date: formatDate(review.plannedOn) })}
                      >
                        {t('reviews.detailsShort')}
                      </AnchorLink>
                    </Table.Td>
                  </Table.Tr>
                ))}
              </Table.Tbody>
            </Table>
          </Table.ScrollContainer>
        )}
      </Paper>
      <ListPager page={reviews.data} paging={paging} />
      {creating && <ReviewCreateModal onClose={() => setCreating(false)} onCreated={setEditing} />}
      {editing && <ReviewFormModal target={{ mode: 'edit', review: editing }} readOnly={!canWrite} onClose={() => setEditing(null)} />}
    </>
  );
}

function ReviewCreateModal({ onClose, onCreated }: { onClose: () => void; onCreated: (review: Review) => void }) {
  const { t } = useTranslation('lifecycle');
  const queryClient = useQueryClient();
  const systems = useSystemOptions();
  const [systemId, setSystemId] = useState<string | null>(null);
  const [plannedOn, setPlannedOn] = useState<string | null>(null);
  const create = useMutation({
    mutationFn: (body: ReviewCreate) => legacyApi.post<Review>('/reviews', body),
    onSuccess: (review) => {
      void queryClient.invalidateQueries({ queryKey: ['reviews'] });
      notifySuccess(t('reviews.created'));
      onClose();
      onCreated(review);
    },
    onError: notifyError,
  });
  return (
    <Modal opened onClose={onClose} title={t('reviews.createTitle')}>
      <form
        onSubmit={(event) => {
          event.preventDefault();
          if (systemId && plannedOn) create.mutate({ systemId, plannedOn });
        }}
      >
        <Stack>
          <Select
            label={t('reviews.system')}
            required
            searchable
            value={systemId}
            onChange={setSystemId}
            data={(systems.data?.items ?? []).map((system) => ({ value: system.id, label: system.name }))}
          />
          <DateField label={t('reviews.plannedOn')} required value={plannedOn} onChange={setPlannedOn} />
          <Group justify="flex-end">
            <Button variant="default" onClick={onClose}>
              {t('reviews.cancel')}
            </Button>
            <Button type="submit" loading={create.isPending} disabled={!systemId || !plannedOn}>
              {t('reviews.create')}
            </Button>
          </Group>
        </Stack>
      </form>
    </Modal>
  );
}
