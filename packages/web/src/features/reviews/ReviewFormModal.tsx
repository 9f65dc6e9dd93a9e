import type { Review, ReviewCreate, ReviewUpdate } from '@forvalta/contracts';
import { reviewKeys, useSaveReview } from './reviews.queries.ts';
import { Button, Group, Modal, SimpleGrid, Stack, Textarea, Title } from '@mantine/core';
import { useQueryClient } from '@tanstack/react-query';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { isApiError } from '../../api/client.ts';
import { DateField } from '../../components/DateField.tsx';
import { fieldErrorsOf, notifyError, notifySuccess } from '../../components/error-messages.ts';
import { StaleRecordAlert } from '../../components/StaleRecordAlert.tsx';
import { todayInStockholm } from '../../i18n/format.ts';
import {
  ActionsEditor,
  AdjacentEditor,
  ParticipantsEditor,
  type ActionDraft,
  type AdjacentDraft,
  type ParticipantDraft,
} from './ReviewFormParts.tsx';

/** Editing a review, or a new one for a system: planned (a date, who, which adjacent systems) or already held (everything at once). */
export type ReviewFormTarget =
  | { mode: 'edit'; review: Review }
  | { mode: 'plan' | 'record'; system: { id: string; name: string }; adjacent: Array<{ systemId: string; systemName: string }> };

/** The review itself: when and with whom, the adjacent systems considered, the evaluations of §3, findings and actions. */
export function ReviewFormModal({
  target,
  readOnly = false,
  onClose,
  onSaved,
}: {
  target: ReviewFormTarget;
  readOnly?: boolean;
  onClose: () => void;
  onSaved?: (review: Review) => void;
}) {
  const { t } = useTranslation('lifecycle');
  const queryClient = useQueryClient();
  const review = target.mode === 'edit' ? target.review : null;
  const today = todayInStockholm();
  const [plannedOn, setPlannedOn] = useState<string | null>(review?.plannedOn ?? (target.mode === 'record' ? today : null));
  const [heldOn, setHeldOn] = useState<string | null>(review ? review.heldOn : target.mode === 'record' ? today : null);
  const [participants, setParticipants] = useState<ParticipantDraft[]>(
    review ? review.participants.map((participant) => ({ ...participant })) : [],
  );
  const [adjacent, setAdjacent] = useState<AdjacentDraft[]>(
    review
      ? review.adjacentSystems.map((system) => ({ ...system, note: system.note ?? '' }))
      : target.mode !== 'edit'
        ? target.adjacent.map((system) => ({ ...system, considered: false, note: '' }))
        : [],
  );
  const [use, setUse] = useState(review?.evaluations.use ?? '');
  const [coordination, setCoordination] = useState(review?.evaluations.coordination ?? '');
  const [efficiency, setEfficiency] = useState(review?.evaluations.efficiency ?? '');
  const [findings, setFindings] = useState(review?.findings ?? '');
  const [actions, setActions] = useState<ActionDraft[]>(review ? review.actions.map((action) => ({ ...action })) : []);
  const [nextReviewOn, setNextReviewOn] = useState<string | null>(review?.nextReviewOn ?? null);
  const [errors, setErrors] = useState<Record<string, string>>({});
  const [stale, setStale] = useState(false);
  // Planning a review asks only for what is known beforehand; what it found comes when it is held.
  const full = target.mode !== 'plan';

  const common = () => ({
    participants: participants
      .filter((participant) => participant.name.trim())
      .map((participant) => ({ personId: participant.personId, name: participant.name.trim(), itUnit: participant.itUnit })),
    adjacentSystems: adjacent.map((system) => ({
      systemId: system.systemId,
      considered: system.considered,
      note: system.note.trim() || null,
    })),
  });
  const held = () => ({
    heldOn,
    evaluations: { use: use.trim() || null, coordination: coordination.trim() || null, efficiency: efficiency.trim() || null },
    findings: findings.trim() || null,
    actions: actions
      .filter((action) => action.description.trim())
      .map((action) => ({
        description: action.description.trim(),
        ownerPersonId: action.ownerPersonId,
        dueDate: action.dueDate,
        status: action.status,
      })),
    nextReviewOn,
  });
  const save = useSaveReview();
  const submit = () =>
    save.mutate(
      target.mode === 'edit'
        ? { review: target.review, body: { ...(plannedOn ? { plannedOn } : {}), ...common(), ...held() } satisfies ReviewUpdate }
        : {
            review: null,
            body: {
              systemId: target.system.id,
              plannedOn: plannedOn ?? today,
              ...common(),
              ...(full ? held() : {}),
            } satisfies ReviewCreate,
          },
      {
        onSuccess: (saved) => {
          notifySuccess(target.mode === 'plan' ? t('reviews.created') : t('reviews.saved'));
          onSaved?.(saved);
          onClose();
        },
        onError: (error) => {
          if (isApiError(error, 'version_mismatch')) return setStale(true);
          const fields = fieldErrorsOf(error);
          if (Object.keys(fields).length > 0) setErrors(fields);
          notifyError(error);
        },
      },
    );
  const systemName = target.mode === 'edit' ? target.review.systemName : target.system.name;
  const title =
    target.mode === 'plan'
      ? t('reviews.planTitle', { name: systemName })
      : target.mode === 'record'
        ? t('reviews.recordTitle', { name: systemName })
        : t('reviews.editTitle', { name: systemName });

  return (
    <Modal opened onClose={onClose} size="xl" title={title}>
      <form
        onSubmit={(event) => {
          event.preventDefault();
          submit();
        }}
      >
        <Stack>
          {stale && (
            <StaleRecordAlert
              onReload={() => {
                void queryClient.invalidateQueries({ queryKey: reviewKeys.all });
                onClose();
              }}
            />
          )}
          <SimpleGrid cols={{ base: 1, sm: full ? 3 : 1 }}>
            <DateField
              label={t('reviews.plannedOn')}
              required
              value={plannedOn}
              onChange={setPlannedOn}
              readOnly={readOnly}
              clearable={false}
              error={errors.plannedOn}
            />
            {full && (
              <DateField
                label={t('reviews.heldOn')}
                required={target.mode === 'record'}
                value={heldOn}
                onChange={setHeldOn}
                readOnly={readOnly}
                error={errors.heldOn}
              />
            )}
            {full && (
              <DateField
                label={t('reviews.nextReviewOn')}
                value={nextReviewOn}
                onChange={setNextReviewOn}
                readOnly={readOnly}
                error={errors.nextReviewOn}
              />
            )}
          </SimpleGrid>
          <ParticipantsEditor participants={participants} setParticipants={setParticipants} readOnly={readOnly} />
          <AdjacentEditor adjacent={adjacent} setAdjacent={setAdjacent} readOnly={readOnly} />
          {full && (
            <>
              <Title order={3} size="h5">
                {t('reviews.evaluations')}
              </Title>
              <Textarea
                label={t('reviews.use')}
                value={use}
                onChange={(event) => setUse(event.currentTarget.value)}
                autosize
                minRows={2}
                readOnly={readOnly}
              />
              <Textarea
                label={t('reviews.coordination')}
                value={coordination}
                onChange={(event) => setCoordination(event.currentTarget.value)}
                autosize
                minRows={2}
                readOnly={readOnly}
              />
              <Textarea
                label={t('reviews.efficiency')}
                value={efficiency}
                onChange={(event) => setEfficiency(event.currentTarget.value)}
                autosize
                minRows={2}
                readOnly={readOnly}
              />
              <Textarea
                label={t('reviews.findings')}
                value={findings}
                onChange={(event) => setFindings(event.currentTarget.value)}
                autosize
                minRows={2}
                readOnly={readOnly}
              />
              <ActionsEditor actions={actions} setActions={setActions} readOnly={readOnly} />
            </>
          )}
          <Group justify="flex-end">
            <Button variant="default" onClick={onClose}>
              {readOnly ? t('reviews.close') : t('reviews.cancel')}
            </Button>
            {!readOnly && (
              <Button type="submit" loading={save.isPending} disabled={stale || !plannedOn || (target.mode === 'record' && !heldOn)}>
                {target.mode === 'plan' ? t('reviews.create') : t('reviews.save')}
              </Button>
            )}
          </Group>
        </Stack>
      </form>
    </Modal>
  );
}
