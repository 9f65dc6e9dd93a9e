import { Modal, SegmentedControl, Stack, Text, Textarea } from '@mantine/core';
import { useForm } from '@mantine/form';
import { useTranslation } from 'react-i18next';
import { fieldErrorsOf, notifyError, notifySuccess } from '../../components/error-messages.ts';
import { FormActions } from '../../components/FormActions.tsx';
import type { ActivityFilters } from './privacy-values.ts';
import { useConfidentialExport } from './privacy.queries.ts';

interface ExportFormValues {
  format: 'xlsx' | 'pdf';
  reason: string;
}

/**
 * The article 30 register including its confidential records, with the filters on screen. The
 * reason is required: the export is recorded with it (confidential_exported, ADR 0030), so whoever
 * reads the audit log later knows why secret records left the system.
 */
export function ConfidentialExportModal({ filters, today, onClose }: { filters: ActivityFilters; today: string; onClose: () => void }) {
  const { t } = useTranslation('privacy');
  const form = useForm<ExportFormValues>({
    mode: 'controlled',
    initialValues: { format: 'xlsx', reason: '' },
    validate: {
      reason: (value) =>
        value.trim() === '' ? t('translation:common.required') : value.trim().length > 500 ? t('form.tooLong', { count: 500 }) : null,
    },
  });
  const exportFile = useConfidentialExport(filters, today);
  const submit = form.onSubmit((values) =>
    exportFile.mutate(
      { format: values.format, reason: values.reason.trim() },
      {
        onSuccess: () => {
          notifySuccess(t('confidentialExport.done'));
          onClose();
        },
        onError: (error) => {
          form.setErrors(fieldErrorsOf(error));
          notifyError(error);
        },
      },
    ),
  );
  return (
    <Modal opened onClose={onClose} size="lg" title={t('confidentialExport.title')}>
      <form onSubmit={submit} noValidate>
        <Stack gap="md">
          <Text size="sm">{t('confidentialExport.intro')}</Text>
          <Stack gap={4}>
            <Text size="sm" fw={500} id="confidential-export-format">
              {t('confidentialExport.format')}
            </Text>
            <SegmentedControl
              aria-labelledby="confidential-export-format"
              data={[
                { value: 'xlsx', label: 'XLSX' },
                { value: 'pdf', label: 'PDF' },
              ]}
              {...form.getInputProps('format')}
              style={{ alignSelf: 'flex-start' }}
            />
          </Stack>
          <Textarea
            label={t('confidentialExport.reason')}
            description={t('confidentialExport.reasonHint')}
            required
            data-autofocus
            autosize
            minRows={2}
            maxRows={6}
            {...form.getInputProps('reason')}
          />
          <FormActions onCancel={onClose} submitLabel={t('confidentialExport.submit')} loading={exportFile.isPending} />
        </Stack>
      </form>
    </Modal>
  );
}
