import type { Person, PersonUpdate } from '@forvalta/contracts';
import { FormActions } from '../../../components/FormActions.tsx';
import { Modal, Stack, Text } from '@mantine/core';
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { isApiError } from '../../../api/client.ts';
import { DateField } from '../../../components/DateField.tsx';
import { notifyError, notifySuccess } from '../../../components/error-messages.ts';
import { StaleRecordAlert } from '../../../components/StaleRecordAlert.tsx';
import { todayInStockholm } from '../../../i18n/format.ts';
import { peopleKeys, personChangeInvalidates, updatePerson } from './people.queries.ts';

/** "Markera som slutat" with an end date, or back to active; the record itself stays. */
export function EmploymentStatusModal({ person, onClose }: { person: Person; onClose: () => void }) {
  const { t } = useTranslation();
  const queryClient = useQueryClient();
  const leaving = person.employmentStatus === 'active';
  const [endDate, setEndDate] = useState<string | null>(todayInStockholm());
  const [stale, setStale] = useState(false);
  const name = `${person.firstName} ${person.lastName}`;

  const save = useMutation({
    mutationFn: () => {
      const body: PersonUpdate = leaving
        ? { employmentStatus: 'left', endDate: endDate || null }
        : { employmentStatus: 'active', endDate: null };
      return updatePerson(person, body);
    },
    onSuccess: () => {
      notifySuccess(t(leaving ? 'people.markedLeft' : 'people.reactivated', { name }));
      for (const queryKey of personChangeInvalidates) void queryClient.invalidateQueries({ queryKey });
      onClose();
    },
    onError: (error) => (isApiError(error, 'version_mismatch') ? setStale(true) : notifyError(error)),
  });

  const reload = () => {
    void queryClient.invalidateQueries({ queryKey: peopleKeys.all });
    onClose();
  };

  return (
    <Modal opened onClose={onClose} title={leaving ? t('people.markLeftTitle', { name }) : t('people.reactivate')}>
      <form
        onSubmit={(event) => {
          event.preventDefault();
          save.mutate();
        }}
      >
        <Stack gap="md">
          {stale && <StaleRecordAlert onReload={reload} />}
          {leaving ? (
            <>
              <Text size="sm">{t('people.markLeftText')}</Text>
              <DateField label={t('people.endDate')} value={endDate} onChange={setEndDate} data-autofocus />
            </>
          ) : (
            <Text size="sm">{name}</Text>
          )}
          <FormActions
            onCancel={onClose}
            submitLabel={leaving ? t('people.markLeft') : t('people.reactivate')}
            color={leaving ? 'red.8' : undefined}
            loading={save.isPending}
            disabled={stale}
          />
        </Stack>
      </form>
    </Modal>
  );
}
