import { Alert, Modal, Stack, Text } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { notifyError, notifySuccess } from '../../components/error-messages.ts';
import { FormActions } from '../../components/FormActions.tsx';
import { useSendReminders } from './acknowledgements.queries.ts';

/** Whom a reminder goes to: everyone not yet acknowledged, one department (with its sub-units), or one person. */
export type ReminderTarget =
  | { kind: 'all'; open: number }
  | { kind: 'department'; departmentId: string; name: string; open: number }
  | { kind: 'person'; personId: string; name: string; open: number };

/**
 * Registers reminders on the open requests. The e-mail itself is not sent yet (it comes with the
 * outgoing mail, issue #18): the dialog and the notice say that the reminders are registered.
 */
export function ReminderModal({ documentId, target, onClose }: { documentId: string; target: ReminderTarget; onClose: () => void }) {
  const { t } = useTranslation('documents');
  const send = useSendReminders();
  const question =
    target.kind === 'all'
      ? t('reminders.questionAll', { count: target.open })
      : target.kind === 'department'
        ? t('reminders.questionDepartment', { count: target.open, name: target.name })
        : t('reminders.questionPerson', { name: target.name });
  const submit = () =>
    send.mutate(
      {
        documentId,
        ...(target.kind === 'department' ? { departmentId: target.departmentId } : {}),
        ...(target.kind === 'person' ? { personId: target.personId } : {}),
      },
      {
        onSuccess: (result) => {
          notifySuccess(t('reminders.registered', { count: result.reminded }));
          onClose();
        },
        onError: notifyError,
      },
    );
  return (
    <Modal opened onClose={onClose} title={t('reminders.title')}>
      <form
        onSubmit={(event) => {
          event.preventDefault();
          submit();
        }}
      >
        <Stack>
          <Text>{question}</Text>
          <Alert color="blue" variant="light">
            <Text size="sm">{t('reminders.noMailYet')}</Text>
          </Alert>
          <FormActions
            onCancel={onClose}
            cancelLabel={t('reminders.cancel')}
            submitLabel={t('reminders.submit')}
            loading={send.isPending}
            data-autofocus
          />
        </Stack>
      </form>
    </Modal>
  );
}
