import type { Review, ReviewCreate } from '@forvalta/contracts';
import { FormActions } from '../../components/FormActions.tsx';
import { Anchor, Badge, Button, Group, Modal, Select, Stack, Text } from '@mantine/core';
import { useQuery } from '@tanstack/react-query';
import { getRouteApi } from '@tanstack/react-router';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useCan } from '../../app/session.ts';
import { AnchorLink } from '../../components/AnchorLink.tsx';
import { DateField } from '../../components/DateField.tsx';
import { notifyError, notifySuccess } from '../../components/error-messages.ts';
import { ListEmptyState } from '../../components/ListEmptyState.tsx';
import { ListFilters } from '../../components/ListFilters.tsx';
import { useAddressList } from '../../components/list-address.ts';
import { PageHeader } from '../../components/PageHeader.tsx';
import { type Column, QueryTable } from '../../components/QueryTable.tsx';
import { formatDate, todayInStockholm } from '../../i18n/format.ts';
import { DepartmentSelect } from '../organisation/departments/DepartmentSelect.tsx';
import { SystemFilterSelect } from '../systems/SystemFilterSelect.tsx';
import { useSystemOptions } from '../systems/systems.queries.ts';
import { addDays, dueSoonDays, reviewShowValues, type ReviewFilters } from './review-filters.ts';
import { reviewPlanningQuery, useSaveReview } from './reviews.queries.ts';
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
  const list = useAddressList(routeApi.useSearch(), routeApi.useNavigate());
  const { filters, setFilters } = list;
  const [creating, setCreating] = useState(false);
  const [editing, setEditing] = useState<Review | null>(null);
  const today = todayInStockholm();
  // In the server's order: planned first, the earliest (most overdue) first; then held, latest first.
  const reviews = useQuery(reviewPlanningQuery(filters, today, { cursor: list.paging.cursor, limit: list.paging.pageSize }));
  const createButton = canWrite && <Button onClick={() => setCreating(true)}>{t('reviews.create')}</Button>;
  const columns: Column<Review>[] = [
    {
      key: 'system',
      header: t('reviews.columnSystem'),
      cell: (review) => (
        <AnchorLink to="/systems/$systemId" params={{ systemId: review.systemId }} size="sm" fw={600}>
          {review.systemName}
        </AnchorLink>
      ),
    },
    {
      key: 'planned',
      header: t('reviews.columnPlanned'),
      nowrap: true,
      cell: (review) => (
        <Anchor
          component="button"
          type="button"
          size="sm"
          onClick={() => setEditing(review)}
          aria-label={t('reviews.open', { name: review.systemName, date: formatDate(review.plannedOn) })}
        >
          {formatDate(review.plannedOn)}
        </Anchor>
      ),
    },
    {
      key: 'status',
      header: t('reviews.columnStatus'),
      cell: (review) => (
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
      ),
    },
    { key: 'held', header: t('reviews.columnHeld'), nowrap: true, cell: (review) => formatDate(review.heldOn) },
    {
      key: 'participants',
      header: t('reviews.columnParticipants'),
      cell: (review) => (
        <>
          <Text size="sm">{review.participants.map((participant) => participant.name).join(', ') || '–'}</Text>
          {review.participants.some((participant) => participant.itUnit) && (
            <Text size="xs" c="gray.7">
              {t('reviews.itUnitCount', { count: review.participants.filter((participant) => participant.itUnit).length })}
            </Text>
          )}
        </>
      ),
    },
    { key: 'next', header: t('reviews.columnNext'), nowrap: true, cell: (review) => formatDate(review.nextReviewOn) },
    {
      key: 'details',
      header: t('reviews.columnDetails'),
      headerHidden: true,
      nowrap: true,
      cell: (review) => (
        <AnchorLink
          to="/reviews/$reviewId"
          params={{ reviewId: review.id }}
          size="sm"
          aria-label={t('reviews.details', { name: review.systemName, date: formatDate(review.plannedOn) })}
        >
          {t('reviews.detailsShort')}
        </AnchorLink>
      ),
    },
  ];

  return (
    <>
      <PageHeader title={t('reviews.title')} intro={t('reviews.intro')} actions={createButton} />
      <ListFilters label={t('reviews.filters')} list={list} clearLabel={t('reviews.clearFilters')}>
        <Select
          label={t('reviews.show')}
          placeholder={t('reviews.all')}
          clearable
          value={filters.show ?? null}
          onChange={(value) => setFilters({ show: (value as ReviewFilters['show']) ?? undefined })}
          data={reviewShowValues.map((value) => ({ value, label: t(`reviews.showValue.${value}`, { count: dueSoonDays }) }))}
          w={240}
        />
        <SystemFilterSelect
          label={t('reviews.system')}
          placeholder={t('reviews.allSystems')}
          value={filters.systemId}
          onChange={(systemId) => setFilters({ systemId })}
        />
        <DepartmentSelect
          label={t('reviews.department')}
          placeholder={t('reviews.allDepartments')}
          value={filters.ownerDepartmentId ?? null}
          onChange={(value) => setFilters({ ownerDepartmentId: value ?? undefined })}
          w={260}
        />
      </ListFilters>
      <QueryTable
        query={reviews}
        caption={t('reviews.title')}
        columns={columns}
        rowKey={(review) => review.id}
        rowTestId="review-row"
        paging={list.paging}
        minWidth={860}
        empty={<ListEmptyState title={list.filtered ? t('reviews.empty') : t('reviews.emptyAll')} />}
      />
      {creating && <ReviewCreateModal onClose={() => setCreating(false)} onCreated={setEditing} />}
      {editing && <ReviewFormModal target={{ mode: 'edit', review: editing }} readOnly={!canWrite} onClose={() => setEditing(null)} />}
    </>
  );
}

function ReviewCreateModal({ onClose, onCreated }: { onClose: () => void; onCreated: (review: Review) => void }) {
  const { t } = useTranslation('lifecycle');
  const systems = useSystemOptions();
  const [systemId, setSystemId] = useState<string | null>(null);
  const [plannedOn, setPlannedOn] = useState<string | null>(null);
  const create = useSaveReview();
  const createReview = (body: ReviewCreate) =>
    create.mutate(
      { review: null, body },
      {
        onSuccess: (review) => {
          notifySuccess(t('reviews.created'));
          onClose();
          onCreated(review);
        },
        onError: notifyError,
      },
    );
  return (
    <Modal opened onClose={onClose} title={t('reviews.createTitle')}>
      <form
        onSubmit={(event) => {
          event.preventDefault();
          if (systemId && plannedOn) createReview({ systemId, plannedOn });
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
          <FormActions
            onCancel={onClose}
            cancelLabel={t('reviews.cancel')}
            submitLabel={t('reviews.create')}
            loading={create.isPending}
            disabled={!systemId || !plannedOn}
          />
        </Stack>
      </form>
    </Modal>
  );
}
