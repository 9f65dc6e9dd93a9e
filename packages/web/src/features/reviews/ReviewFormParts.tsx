import type { Review } from '@forvalta/contracts';
import { ActionIcon, Anchor, Button, Checkbox, Group, NativeSelect, Stack, Text, TextInput, Title } from '@mantine/core';
import { useState, type Dispatch, type SetStateAction } from 'react';
import { useTranslation } from 'react-i18next';
import { DateField } from '../../components/DateField.tsx';
import { PersonPicker } from '../organisation/roles/PersonPicker.tsx';
import { useRowKeys } from '../../components/stable-keys.ts';

export type ParticipantDraft = Review['participants'][number];
export type AdjacentDraft = { systemId: string; systemName: string; considered: boolean; note: string };
export type ActionDraft = Review['actions'][number];

const measureStatusValues = ['planned', 'in_progress', 'done'] as const;

/** Replaces one entry of a list kept in state. */
function updateAt<Item>(set: Dispatch<SetStateAction<Item[]>>, index: number, changes: Partial<Item>) {
  set((previous) => previous.map((item, position) => (position === index ? { ...item, ...changes } : item)));
}

/** Who took part; those from the IT unit are marked (ITP-4.3-ASSIST). */
export function ParticipantsEditor({
  participants,
  setParticipants,
  readOnly,
}: {
  participants: ParticipantDraft[];
  setParticipants: Dispatch<SetStateAction<ParticipantDraft[]>>;
  readOnly: boolean;
}) {
  const { t } = useTranslation('lifecycle');
  const participantKeys = useRowKeys(participants);
  return (
    <Stack gap="xs">
      <Title order={3} size="h5">
        {t('reviews.participants')}
      </Title>
      {participants.map((participant, index) => (
        <Group key={participantKeys[index]} align="flex-end" wrap="wrap">
          <TextInput
            style={{ flex: 1, minWidth: 220 }}
            label={t('reviews.participantName', { number: index + 1 })}
            value={participant.name}
            readOnly={readOnly}
            onChange={(event) => updateAt(setParticipants, index, { name: event.currentTarget.value })}
          />
          <Checkbox
            mb={8}
            label={t('reviews.itUnit', { number: index + 1 })}
            checked={participant.itUnit}
            disabled={readOnly}
            onChange={(event) => updateAt(setParticipants, index, { itUnit: event.currentTarget.checked })}
          />
          {!readOnly && (
            <ActionIcon
              variant="subtle"
              color="red.9"
              size="lg"
              aria-label={t('reviews.removeParticipant', { number: index + 1 })}
              onClick={() => setParticipants((previous) => previous.filter((_, position) => position !== index))}
            >
              <span aria-hidden="true">✕</span>
            </ActionIcon>
          )}
        </Group>
      ))}
      {!readOnly && (
        <Button
          variant="default"
          size="xs"
          style={{ alignSelf: 'flex-start' }}
          onClick={() => setParticipants((previous) => [...previous, { personId: null, name: '', itUnit: false }])}
        >
          {t('reviews.addParticipant')}
        </Button>
      )}
    </Stack>
  );
}

/** The adjacent systems from the integration graph, each ticked when considered, with a note. */
export function AdjacentEditor({
  adjacent,
  setAdjacent,
  readOnly,
}: {
  adjacent: AdjacentDraft[];
  setAdjacent: Dispatch<SetStateAction<AdjacentDraft[]>>;
  readOnly: boolean;
}) {
  const { t } = useTranslation('lifecycle');
  return (
    <Stack gap="xs">
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
            onChange={(event) => updateAt(setAdjacent, index, { considered: event.currentTarget.checked })}
          />
          <TextInput
            style={{ flex: 1, minWidth: 220 }}
            label={t('reviews.adjacentNote', { name: system.systemName })}
            value={system.note}
            readOnly={readOnly}
            onChange={(event) => updateAt(setAdjacent, index, { note: event.currentTarget.value })}
          />
        </Group>
      ))}
    </Stack>
  );
}

/** An action's owner: the person named, or a search for one (a municipality has thousands). */
function OwnerField({
  action,
  number,
  readOnly,
  onChange,
}: {
  action: ActionDraft;
  number: number;
  readOnly: boolean;
  onChange: (owner: { ownerPersonId: string | null; ownerName: string | null }) => void;
}) {
  const { t } = useTranslation('lifecycle');
  const [changing, setChanging] = useState(false);
  if (action.ownerPersonId && !changing) {
    return (
      <Stack gap={2} miw={200}>
        <Text size="sm" fw={500} component="span">
          {t('reviews.actionOwner', { number })}
        </Text>
        <Group gap="xs">
          <Text size="sm">{action.ownerName ?? '–'}</Text>
          {!readOnly && (
            <Anchor
              component="button"
              type="button"
              size="sm"
              onClick={() => setChanging(true)}
              aria-label={t('reviews.changeOwner', { number })}
            >
              {t('reviews.change')}
            </Anchor>
          )}
        </Group>
      </Stack>
    );
  }
  if (readOnly) return null;
  return (
    <PersonPicker
      w={260}
      label={t('reviews.actionOwner', { number })}
      clearable
      value={action.ownerPersonId}
      onChange={(value, option) =>
        onChange({ ownerPersonId: value, ownerName: value ? (option?.label.replace(/ \(.*\)$/, '') ?? null) : null })
      }
    />
  );
}

/** The actions decided, each with an owner, a due date and its status. */
export function ActionsEditor({
  actions,
  setActions,
  readOnly,
}: {
  actions: ActionDraft[];
  setActions: Dispatch<SetStateAction<ActionDraft[]>>;
  readOnly: boolean;
}) {
  const { t } = useTranslation('lifecycle');
  const actionKeys = useRowKeys(actions);
  return (
    <Stack gap="xs">
      <Title order={3} size="h5">
        {t('reviews.actions')}
      </Title>
      {actions.map((action, index) => (
        <Group key={actionKeys[index]} align="flex-end" wrap="wrap">
          <TextInput
            style={{ flex: 1, minWidth: 220 }}
            label={t('reviews.actionDescription', { number: index + 1 })}
            value={action.description}
            readOnly={readOnly}
            onChange={(event) => updateAt(setActions, index, { description: event.currentTarget.value })}
          />
          <OwnerField action={action} number={index + 1} readOnly={readOnly} onChange={(owner) => updateAt(setActions, index, owner)} />
          <DateField
            w={160}
            label={t('reviews.actionDue', { number: index + 1 })}
            value={action.dueDate}
            readOnly={readOnly}
            onChange={(dueDate) => updateAt(setActions, index, { dueDate })}
          />
          <NativeSelect
            w={170}
            label={t('reviews.actionStatus', { number: index + 1 })}
            value={action.status}
            disabled={readOnly}
            onChange={(event) => updateAt(setActions, index, { status: event.currentTarget.value as ActionDraft['status'] })}
            data={measureStatusValues.map((value) => ({ value, label: t(`measureStatus.${value}`) }))}
          />
          {!readOnly && (
            <ActionIcon
              variant="subtle"
              color="red.9"
              size="lg"
              aria-label={t('reviews.removeAction', { number: index + 1 })}
              onClick={() => setActions((previous) => previous.filter((_, position) => position !== index))}
            >
              <span aria-hidden="true">✕</span>
            </ActionIcon>
          )}
        </Group>
      ))}
      {!readOnly && (
        <Button
          variant="default"
          size="xs"
          style={{ alignSelf: 'flex-start' }}
          onClick={() =>
            setActions((previous) => [
              ...previous,
              { description: '', ownerPersonId: null, ownerName: null, dueDate: null, status: 'planned' },
            ])
          }
        >
          {t('reviews.addAction')}
        </Button>
      )}
    </Stack>
  );
}
