import type { Review, ReviewCreate } from '@forvalta/contracts';
import { ActionIcon, Anchor, Badge, Button, Checkbox, Group, Modal, Paper, Select, SimpleGrid, Stack, Table, Text, Textarea, TextInput, Title, VisuallyHidden } from '@mantine/core';
import { keepPreviousData, useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { api, apiRequest, isApiError } from '../../api/client.ts';
import { useCan } from '../../app/session.ts';
import { AnchorLink } from '../../components/AnchorLink.tsx';
import { CursorPager } from '../../components/CursorPager.tsx';
import { useCursorPaging } from '../../components/cursor-paging.ts';
import { DateField } from '../../components/DateField.tsx';
import { ErrorState } from '../../components/ErrorState.tsx';
import { notifyError, notifySuccess } from '../../components/error-messages.ts';
import { ListEmptyState } from '../../components/ListEmptyState.tsx';
import { LoadingState } from '../../components/LoadingState.tsx';
import { PageHeader } from '../../components/PageHeader.tsx';
import { StaleRecordAlert } from '../../components/StaleRecordAlert.tsx';
import { formatDate, todayInStockholm } from '../../i18n/format.ts';
import { useSystemOptions } from '../projects/project-api.ts';

/** A planned review within 30 days is due soon. */
function dueSoon(review: Review, today: string): boolean {
  if (review.status !== 'planned' || review.overdue) return false;
  const limit = new Date(`${today}T12:00:00Z`);
  limit.setUTCDate(limit.getUTCDate() + 30);
  return review.plannedOn <= limit.toISOString().slice(0, 10);
}

/** The review planning list: overdue and due reviews first, then the held ones. */
export function ReviewsPage() {
  const { t } = useTranslation('lifecycle');
  const canWrite = useCan('review.write');
  const [status, setStatus] = useState<string | null>(null);
  const [overdue, setOverdue] = useState(false);
  const [creating, setCreating] = useState(false);
  const [editing, setEditing] = useState<Review | null>(null);
  const query = { status, overdue: overdue || undefined, sort: 'plannedOn' };
  const paging = useCursorPaging(JSON.stringify(query), 50);
  const reviews = useQuery({
    queryKey: ['reviews', 'list', query, paging.cursor, paging.pageSize],
    queryFn: ({ signal }) => api.list<Review>('/reviews', { ...query, cursor: paging.cursor, limit: paging.pageSize }, signal),
    placeholderData: keepPreviousData,
  });
  const today = todayInStockholm();
  const filtered = Boolean(status || overdue);
  const createButton = canWrite && <Button onClick={() => setCreating(true)}>{t('reviews.create')}</Button>;
  // Planned before held; among the planned, the earliest date (most overdue) first.
  const items = [...(reviews.data?.items ?? [])].sort((a, b) =>
    a.status !== b.status ? (a.status === 'planned' ? -1 : 1) : a.status === 'planned' ? a.plannedOn.localeCompare(b.plannedOn) : (b.heldOn ?? '').localeCompare(a.heldOn ?? ''),
  );

  return (
    <>
      <PageHeader title={t('reviews.title')} intro={t('reviews.intro')} actions={createButton} />
      <Group mb="md" align="flex-end" gap="md" wrap="wrap" role="search" aria-label={t('reviews.filters')}>
        <Select
          label={t('reviews.status')}
          placeholder={t('reviews.all')}
          clearable
          value={status}
          onChange={setStatus}
          data={(['planned', 'held'] as const).map((value) => ({ value, label: t(`reviews.statusValue.${value}`) }))}
          w={200}
        />
        <Checkbox label={t('reviews.overdueOnly')} checked={overdue} onChange={(event) => setOverdue(event.currentTarget.checked)} mb={8} />
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
                      <Anchor component="button" type="button" size="sm" onClick={() => setEditing(review)} aria-label={t('reviews.open', { name: review.systemName, date: formatDate(review.plannedOn) })}>
                        {formatDate(review.plannedOn)}
                      </Anchor>
                    </Table.Td>
                    <Table.Td>
                      <Group gap={6} wrap="nowrap">
                        <Text size="sm">{t(`reviews.statusValue.${review.status}`)}</Text>
                        {review.overdue && (
                          <Badge color="red.9" variant="filled" tt="none">
                            {t('reviews.overdue')}
                          </Badge>
                        )}
                        {dueSoon(review, today) && (
                          <Badge color="#9a3f00" variant="filled" tt="none">
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
                  </Table.Tr>
                ))}
              </Table.Tbody>
            </Table>
          </Table.ScrollContainer>
        )}
      </Paper>
      {reviews.data && reviews.data.items.length > 0 && (
        <CursorPager
          pageIndex={paging.pageIndex}
          pageSize={paging.pageSize}
          itemCount={reviews.data.items.length}
          total={reviews.data.total}
          nextCursor={reviews.data.nextCursor}
          onNext={paging.goNext}
          onPrevious={paging.goPrevious}
          onPageSizeChange={paging.setPageSize}
        />
      )}
      {creating && <ReviewCreateModal onClose={() => setCreating(false)} onCreated={setEditing} />}
      {editing && <ReviewFormModal review={editing} readOnly={!canWrite} onClose={() => setEditing(null)} />}
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
    mutationFn: (body: ReviewCreate) => api.post<Review>('/reviews', body),
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
          <Select label={t('reviews.system')} required searchable value={systemId} onChange={setSystemId} data={(systems.data?.items ?? []).map((system) => ({ value: system.id, label: system.name }))} />
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

/** The review itself: when and with whom, the adjacent systems considered, the evaluations of §3, findings and actions. */
function ReviewFormModal({ review, readOnly, onClose }: { review: Review; readOnly: boolean; onClose: () => void }) {
  const { t } = useTranslation('lifecycle');
  const queryClient = useQueryClient();
  const [plannedOn, setPlannedOn] = useState<string | null>(review.plannedOn);
  const [heldOn, setHeldOn] = useState<string | null>(review.heldOn);
  const [participants, setParticipants] = useState(review.participants.map((participant) => ({ ...participant })));
  const [adjacent, setAdjacent] = useState(review.adjacentSystems.map((system) => ({ ...system, note: system.note ?? '' })));
  const [use, setUse] = useState(review.evaluations.use ?? '');
  const [coordination, setCoordination] = useState(review.evaluations.coordination ?? '');
  const [efficiency, setEfficiency] = useState(review.evaluations.efficiency ?? '');
  const [findings, setFindings] = useState(review.findings ?? '');
  const [actions, setActions] = useState(review.actions.map((action) => ({ ...action })));
  const [nextReviewOn, setNextReviewOn] = useState<string | null>(review.nextReviewOn);
  const [stale, setStale] = useState(false);
  const save = useMutation({
    mutationFn: () =>
      apiRequest<Review>('PATCH', `/reviews/${review.id}`, {
        version: review.version,
        body: {
          ...(plannedOn ? { plannedOn } : {}),
          heldOn,
          participants: participants.filter((participant) => participant.name.trim()).map((participant) => ({ personId: participant.personId, name: participant.name.trim(), itUnit: participant.itUnit })),
          adjacentSystems: adjacent.map((system) => ({ systemId: system.systemId, considered: system.considered, note: system.note.trim() || null })),
          evaluations: { use: use.trim() || null, coordination: coordination.trim() || null, efficiency: efficiency.trim() || null },
          findings: findings.trim() || null,
          actions: actions.filter((action) => action.description.trim()).map((action) => ({ description: action.description.trim(), ownerPersonId: action.ownerPersonId, dueDate: action.dueDate, status: action.status })),
          nextReviewOn,
        },
      }),
    onSuccess: () => {
      void queryClient.invalidateQueries({ queryKey: ['reviews'] });
      notifySuccess(t('reviews.saved'));
      onClose();
    },
    onError: (error) => {
      if (isApiError(error, 'version_mismatch')) setStale(true);
      else notifyError(error);
    },
  });

  return (
    <Modal opened onClose={onClose} size="xl" title={t('reviews.editTitle', { name: review.systemName })}>
      <form
        onSubmit={(event) => {
          event.preventDefault();
          save.mutate();
        }}
      >
        <Stack>
          {stale && (
            <StaleRecordAlert
              onReload={() => {
                void queryClient.invalidateQueries({ queryKey: ['reviews'] });
                onClose();
              }}
            />
          )}
          <SimpleGrid cols={{ base: 1, sm: 3 }}>
            <DateField label={t('reviews.plannedOn')} value={plannedOn} onChange={setPlannedOn} readOnly={readOnly} clearable={false} />
            <DateField label={t('reviews.heldOn')} value={heldOn} onChange={setHeldOn} readOnly={readOnly} />
            <DateField label={t('reviews.nextReviewOn')} value={nextReviewOn} onChange={setNextReviewOn} readOnly={readOnly} />
          </SimpleGrid>

          <Title order={3} size="h5">
            {t('reviews.participants')}
          </Title>
          {participants.map((participant, index) => (
            <Group key={index} align="flex-end" wrap="wrap">
              <TextInput
                style={{ flex: 1, minWidth: 220 }}
                label={t('reviews.participantName', { number: index + 1 })}
                value={participant.name}
                readOnly={readOnly}
                onChange={(event) => {
                  const name = event.currentTarget.value;
                  setParticipants((previous) => previous.map((item, position) => (position === index ? { ...item, name } : item)));
                }}
              />
              <Checkbox
                mb={8}
                label={t('reviews.itUnit', { number: index + 1 })}
                checked={participant.itUnit}
                disabled={readOnly}
                onChange={(event) => {
                  const itUnit = event.currentTarget.checked;
                  setParticipants((previous) => previous.map((item, position) => (position === index ? { ...item, itUnit } : item)));
                }}
              />
              {!readOnly && (
                <ActionIcon variant="subtle" color="red" size="lg" aria-label={t('reviews.removeParticipant', { number: index + 1 })} onClick={() => setParticipants((previous) => previous.filter((_, position) => position !== index))}>
                  ✕
                </ActionIcon>
              )}
            </Group>
          ))}
          {!readOnly && (
            <Button variant="default" size="xs" style={{ alignSelf: 'flex-start' }} onClick={() => setParticipants((previous) => [...previous, { personId: null, name: '', itUnit: false }])}>
              {t('reviews.addParticipant')}
            </Button>
          )}

          <Title order={3} size="h5">
            {t('reviews.adjacent')}
          </Title>
          {adjacent.length === 0 && <Text size="sm">{t('reviews.noAdjacent')}</Text>}
          {adjacent.map((system, index) => (
            <Group key={system.systemId} align="flex-end" wrap="wrap">
              <Checkbox
                mb={8}
                label={t('reviews.considered', { name: system.systemName })}
                checked={system.considered}
                disabled={readOnly}
                onChange={(event) => {
                  const considered = event.currentTarget.checked;
                  setAdjacent((previous) => previous.map((item, position) => (position === index ? { ...item, considered } : item)));
                }}
              />
              <TextInput
                style={{ flex: 1, minWidth: 220 }}
                label={t('reviews.adjacentNote', { name: system.systemName })}
                value={system.note}
                readOnly={readOnly}
                onChange={(event) => {
                  const note = event.currentTarget.value;
                  setAdjacent((previous) => previous.map((item, position) => (position === index ? { ...item, note } : item)));
                }}
              />
            </Group>
          ))}

          <Title order={3} size="h5">
            {t('reviews.evaluations')}
          </Title>
          <Textarea label={t('reviews.use')} value={use} onChange={(event) => setUse(event.currentTarget.value)} autosize minRows={2} readOnly={readOnly} />
          <Textarea label={t('reviews.coordination')} value={coordination} onChange={(event) => setCoordination(event.currentTarget.value)} autosize minRows={2} readOnly={readOnly} />
          <Textarea label={t('reviews.efficiency')} value={efficiency} onChange={(event) => setEfficiency(event.currentTarget.value)} autosize minRows={2} readOnly={readOnly} />
          <Textarea label={t('reviews.findings')} value={findings} onChange={(event) => setFindings(event.currentTarget.value)} autosize minRows={2} readOnly={readOnly} />

          <Title order={3} size="h5">
            {t('reviews.actions')}
          </Title>
          {actions.map((action, index) => (
            <Group key={index} align="flex-end" wrap="wrap">
              <TextInput
                style={{ flex: 1, minWidth: 220 }}
                label={t('reviews.actionDescription', { number: index + 1 })}
                value={action.description}
                readOnly={readOnly}
                onChange={(event) => {
                  const description = event.currentTarget.value;
                  setActions((previous) => previous.map((item, position) => (position === index ? { ...item, description } : item)));
                }}
              />
              <DateField
                w={170}
                label={t('reviews.actionDue', { number: index + 1 })}
                value={action.dueDate}
                readOnly={readOnly}
                onChange={(dueDate) => setActions((previous) => previous.map((item, position) => (position === index ? { ...item, dueDate } : item)))}
              />
              {!readOnly && (
                <ActionIcon variant="subtle" color="red" size="lg" aria-label={t('reviews.removeAction', { number: index + 1 })} onClick={() => setActions((previous) => previous.filter((_, position) => position !== index))}>
                  ✕
                </ActionIcon>
              )}
            </Group>
          ))}
          {!readOnly && (
            <Button
              variant="default"
              size="xs"
              style={{ alignSelf: 'flex-start' }}
              onClick={() => setActions((previous) => [...previous, { description: '', ownerPersonId: null, ownerName: null, dueDate: null, status: 'planned' as const }])}
            >
              {t('reviews.addAction')}
            </Button>
          )}
          <Group justify="flex-end">
            <Button variant="default" onClick={onClose}>
              {t('reviews.cancel')}
            </Button>
            {!readOnly && (
              <Button type="submit" loading={save.isPending} disabled={stale}>
                {t('reviews.save')}
              </Button>
            )}
          </Group>
        </Stack>
      </form>
    </Modal>
  );
}
