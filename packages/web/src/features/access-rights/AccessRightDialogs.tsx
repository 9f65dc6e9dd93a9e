import type { AccessRight } from '@forvalta/contracts';
import { Modal, Stack, Text, Textarea } from '@mantine/core';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { notifyError, notifySuccess } from '../../components/error-messages.ts';
import { FormActions } from '../../components/FormActions.tsx';
import { useActivateAccessRight, useEndAccessRight } from './access-rights.queries.ts';

/** Ending a right (never deleting it): its history stays, with who ended it and why. */
export function AccessRightEndDialog({ right, onClose }: { right: AccessRight; onClose: () => void }) {
  const { t } = useTranslation('access');
  const [note, setNote] = useState('');
  const end = useEndAccessRight({
    onSuccess: () => {
      notifySuccess(t('rights.ended', { name: right.personName, system: right.systemName }));
      onClose();
    },
    onError: notifyError,
  });
  return (
    <Modal opened onClose={onClose} title={t('rights.endTitle', { name: right.personName, system: right.systemName })}>
      <form
        onSubmit={(event) => {
          event.preventDefault();
          end.mutate({ right, note: note.trim() || null });
        }}
        noValidate
      >
        <Stack gap="md">
          <Text size="sm">{t('rights.endText', { level: right.levelName })}</Text>
          <Textarea
            label={t('rights.endNote')}
            description={t('rights.optional')}
            value={note}
            onChange={(event) => setNote(event.currentTarget.value)}
            maxLength={2000}
            autosize
            minRows={2}
            data-autofocus
          />
          <FormActions onCancel={onClose} submitLabel={t('rights.end')} loading={end.isPending} />
        </Stack>
      </form>
    </Modal>
  );
}

/** The system manager activates a pending right before the acknowledgement: a written reason, audited and shown as an exception. */
export function AccessRightExceptionDialog({ right, onClose }: { right: AccessRight; onClose: () => void }) {
  const { t } = useTranslation('access');
  const [reason, setReason] = useState('');
  const [error, setError] = useState<string | null>(null);
  const activate = useActivateAccessRight({
    onSuccess: () => {
      notifySuccess(t('rights.activated', { name: right.personName, system: right.systemName }));
      onClose();
    },
    onError: notifyError,
  });
  return (
    <Modal opened onClose={onClose} title={t('rights.exceptionTitle', { name: right.personName, system: right.systemName })}>
      <form
        onSubmit={(event) => {
          event.preventDefault();
          if (!reason.trim()) return setError(t('rights.reasonRequired'));
          activate.mutate({ right, exceptionReason: reason.trim() });
        }}
        noValidate
      >
        <Stack gap="md">
          <Text size="sm">{t('rights.exceptionText')}</Text>
          <Textarea
            label={t('rights.exceptionReason')}
            required
            value={reason}
            onChange={(event) => {
              setReason(event.currentTarget.value);
              setError(null);
            }}
            error={error}
            maxLength={2000}
            autosize
            minRows={3}
            data-autofocus
          />
          <FormActions onCancel={onClose} submitLabel={t('rights.activateException')} loading={activate.isPending} />
        </Stack>
      </form>
    </Modal>
  );
}
