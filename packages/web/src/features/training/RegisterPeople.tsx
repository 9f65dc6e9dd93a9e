import type { TrainingSession } from '@forvalta/contracts';
import { Button, Group, Text } from '@mantine/core';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { notifyError, notifySuccess } from '../../components/error-messages.ts';
import { SectionCard } from '../../components/SectionCard.tsx';
import { PersonPicker } from '../organisation/roles/PersonPicker.tsx';
import { useRegisterPeople } from './training.queries.ts';

/** Registers a person to the session; the server refuses beyond its capacity, and says so. */
export function RegisterPeople({ session }: { session: TrainingSession }) {
  const { t } = useTranslation('training');
  const [personId, setPersonId] = useState<string | null>(null);
  const register = useRegisterPeople(session.id);
  const full = session.capacity !== null && session.registeredCount >= session.capacity;
  return (
    <SectionCard id="register" title={t('register.title')}>
      <form
        onSubmit={(event) => {
          event.preventDefault();
          if (!personId) return;
          register.mutate([personId], {
            onSuccess: () => {
              notifySuccess(t('register.done'));
              setPersonId(null);
            },
            onError: notifyError,
          });
        }}
      >
        <Group align="flex-end" gap="sm" wrap="wrap">
          <PersonPicker label={t('register.person')} value={personId} onChange={setPersonId} w={360} maw="100%" />
          <Button type="submit" loading={register.isPending} disabled={!personId}>
            {t('register.submit')}
          </Button>
        </Group>
        {full && (
          <Text size="sm" c="red.9" mt="xs">
            {t('register.full')}
          </Text>
        )}
      </form>
    </SectionCard>
  );
}
