import type { Project } from '@forvalta/contracts';
import { Button, Group, Stack, Table, Text, Textarea } from '@mantine/core';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { DateField } from '../../components/DateField.tsx';
import { notifyError, notifySuccess } from '../../components/error-messages.ts';
import { formatDate } from '../../i18n/format.ts';
import { Section } from './project-page-parts.tsx';
import { useAddCheckpoint } from './projects.queries.ts';

/** Checkpoints with the IT unit (ITP-4.2.1-INITIATE, ITP-4.3-ASSIST): recorded in any state but closed. */
export function CheckpointsSection({ project }: { project: Project }) {
  const { t } = useTranslation('lifecycle');
  const canAdd = project.can.addCheckpoint;
  const [heldOn, setHeldOn] = useState<string | null>(null);
  const [participants, setParticipants] = useState('');
  const [notes, setNotes] = useState('');
  const add = useAddCheckpoint(project);
  const save = () =>
    add.mutate(
      {
        heldOn: heldOn ?? '',
        participants: participants
          .split('\n')
          .map((name) => name.trim())
          .filter(Boolean),
        notes: notes.trim() || null,
      },
      {
        onSuccess: () => {
          setHeldOn(null);
          setParticipants('');
          setNotes('');
          notifySuccess(t('project.checkpointSaved'));
        },
        onError: notifyError,
      },
    );
  return (
    <Section id="checkpoints" title={t('project.checkpoints')}>
      <Stack>
        {project.checkpoints.length === 0 ? (
          <Text size="sm">{t('project.noCheckpoints')}</Text>
        ) : (
          <Table>
            <Table.Thead>
              <Table.Tr>
                <Table.Th scope="col">{t('project.heldOn')}</Table.Th>
                <Table.Th scope="col">{t('project.participants')}</Table.Th>
                <Table.Th scope="col">{t('project.notes')}</Table.Th>
              </Table.Tr>
            </Table.Thead>
            <Table.Tbody>
              {project.checkpoints.map((checkpoint) => (
                <Table.Tr key={checkpoint.id}>
                  <Table.Td style={{ whiteSpace: 'nowrap' }}>{formatDate(checkpoint.heldOn)}</Table.Td>
                  <Table.Td>{checkpoint.participants.join(', ')}</Table.Td>
                  <Table.Td>{checkpoint.notes ?? '–'}</Table.Td>
                </Table.Tr>
              ))}
            </Table.Tbody>
          </Table>
        )}
        {canAdd && (
          <form
            onSubmit={(event) => {
              event.preventDefault();
              save();
            }}
          >
            <Group align="flex-end" wrap="wrap">
              <DateField label={t('project.heldOn')} value={heldOn} onChange={setHeldOn} w={170} />
              <Textarea
                label={t('project.participants')}
                description={t('project.participantsHint')}
                value={participants}
                onChange={(event) => setParticipants(event.currentTarget.value)}
                autosize
                minRows={1}
                w={260}
              />
              <Textarea
                label={t('project.notes')}
                value={notes}
                onChange={(event) => setNotes(event.currentTarget.value)}
                autosize
                minRows={1}
                style={{ flex: 1, minWidth: 220 }}
              />
              <Button type="submit" variant="default" loading={add.isPending} disabled={!heldOn || !participants.trim()}>
                {t('project.addCheckpoint')}
              </Button>
            </Group>
          </form>
        )}
      </Stack>
    </Section>
  );
}
