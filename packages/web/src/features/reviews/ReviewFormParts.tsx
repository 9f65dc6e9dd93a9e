import type { Review } from '@forvalta/contracts';
import { ActionIcon, Anchor, Button, Checkbox, Group, NativeSelect, Stack, Text, TextInput, Title } from '@mantine/core';
import { type Dispatch, type ReactNode, type SetStateAction, useState } from 'react';
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

/**
 * A list of rows the user adds to and removes from (participants, actions): a heading, the rows'
 * fields, a remove button per row and an add button, none of the buttons when read only.
 */
function RowsEditor<Item extends object>({
  title,
  items,
  setItems,
  readOnly,
  removeLabel,
  addLabel,
  newItem,
  children,
}: {
  title: string;
  items: Item[];
  setItems: Dispatch<SetStateAction<Item[]>>;
  readOnly: boolean;
  removeLabel: (number: number) => string;
  addLabel: string;
  newItem: () => Item;
  /** The fields of one row; `update` changes that row. */
  children: (item: Item, index: number, update: (changes: Partial<Item>) => void) => ReactNode;
}) {
  const keys = useRowKeys(items);
  return (
    <Stack gap="xs">
      <Title order={3} size="h5">
        {title}
      </Title>
      {items.map((item, index) => (
        <Group key={keys[index]} align="flex-end" wrap="wrap">
          {children(item, index, (changes) => updateAt(setItems, index, changes))}
          {!readOnly && (
            <ActionIcon
              variant="subtle"
              color="red.9"
              size="lg"
              aria-label={removeLabel(index + 1)}
              onClick={() => setItems((previous) => previous.filter((_, position) => position !== index))}
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
          onClick={() => setItems((previous) => [...previous, newItem()])}
        >
          {addLabel}
        </Button>
      )}
    </Stack>
  );
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
  return (
    <RowsEditor
      title={t('reviews.participants')}
      items={participants}
      setItems={setParticipants}
      readOnly={readOnly}
      removeLabel={(number) => t('reviews.removeParticipant', { number })}
      addLabel={t('reviews.addParticipant')}
      newItem={() => ({ personId: null, name: '', itUnit: false })}
    >
      {(participant, index, update) => (
        <>
          <TextInput
            style={{ flex: 1, minWidth: 220 }}
            label={t('reviews.participantName', { number: index + 1 })}
            value={participant.name}
            readOnly={readOnly}
            onChange={(event) => update({ name: event.currentTarget.value })}
          />
          <Checkbox
            mb={8}
            label={t('reviews.itUnit', { number: index + 1 })}
            checked={participant.itUnit}
            disabled={readOnly}
            onChange={(event) => update({ itUnit: event.currentTarget.checked })}
          />
        </>
      )}
    </RowsEditor>
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
  return (
    <RowsEditor
      title={t('reviews.actions')}
      items={actions}
      setItems={setActions}
      readOnly={readOnly}
      removeLabel={(number) => t('reviews.removeAction', { number })}
      addLabel={t('reviews.addAction')}
      newItem={() => ({ description: '', ownerPersonId: null, ownerName: null, dueDate: null, status: 'planned' as const })}
    >
      {(action, index, update) => (
        <>
          <TextInput
            style={{ flex: 1, minWidth: 220 }}
            label={t('reviews.actionDescription', { number: index + 1 })}
            value={action.description}
            readOnly={readOnly}
            onChange={(event) => update({ description: event.currentTarget.value })}
          />
          <OwnerField action={action} number={index + 1} readOnly={readOnly} onChange={update} />
          <DateField
            w={160}
            label={t('reviews.actionDue', { number: index + 1 })}
            value={action.dueDate}
            readOnly={readOnly}
            onChange={(dueDate) => update({ dueDate })}
          />
          <NativeSelect
            w={170}
            label={t('reviews.actionStatus', { number: index + 1 })}
            value={action.status}
            disabled={readOnly}
            onChange={(event) => update({ status: event.currentTarget.value as ActionDraft['status'] })}
            data={measureStatusValues.map((value) => ({ value, label: t(`measureStatus.${value}`) }))}
          />
        </>
      )}
    </RowsEditor>
  );
}
