import type { Incident, IncidentReportKind } from '@forvalta/contracts';
import { Modal, Stack, Textarea, TextInput } from '@mantine/core';
import { useForm } from '@mantine/form';
import { useTranslation } from 'react-i18next';
import { notifyError, notifySuccess } from '../../components/error-messages.ts';
import { FormActions } from '../../components/FormActions.tsx';
import { instantOfStockholmLocal, stockholmLocalValue } from './incidents-values.ts';
import { useRecordReport } from './incidents.queries.ts';

/** Records a report as sent to CERT-SE: when, and its content as it was sent. */
export function ReportModal({ incident, kind, onClose }: { incident: Incident; kind: IncidentReportKind; onClose: () => void }) {
  const { t } = useTranslation('incidents');
  const required = t('translation:common.required');
  const record = useRecordReport(incident);
  const form = useForm({
    mode: 'controlled',
    initialValues: { sentAt: stockholmLocalValue(new Date()), content: '' },
    validate: {
      sentAt: (value: string) => (instantOfStockholmLocal(value) ? null : t('form.invalidTime')),
      content: (value: string) => (value.trim() === '' ? required : null),
    },
  });
  const kindName = t(`report.${kind}`);
  return (
    <Modal opened onClose={onClose} size="lg" title={t('page.reportTitle', { kind: kindName.toLowerCase() })}>
      <form
        noValidate
        onSubmit={form.onSubmit((values) =>
          record.mutate(
            { kind, sentAt: instantOfStockholmLocal(values.sentAt)!, content: values.content.trim() },
            {
              onSuccess: () => {
                notifySuccess(t('page.reportRecorded', { kind: kindName }));
                onClose();
              },
              onError: notifyError,
            },
          ),
        )}
      >
        <Stack gap="md">
          <TextInput type="datetime-local" label={t('page.sentAt')} required data-autofocus {...form.getInputProps('sentAt')} />
          <Textarea label={t('page.content')} required autosize minRows={4} maxRows={12} {...form.getInputProps('content')} />
          <FormActions onCancel={onClose} submitLabel={t('page.recordReport')} loading={record.isPending} />
        </Stack>
      </form>
    </Modal>
  );
}
