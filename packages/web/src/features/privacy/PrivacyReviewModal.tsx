import type { PrivacyReviewOutcome, ProcessingActivity } from '@forvalta/contracts';
import { Modal, Radio, Stack, Text, Textarea } from '@mantine/core';
import { useForm } from '@mantine/form';
import { notifications } from '@mantine/notifications';
import { useQueryClient } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import { isApiError } from '../../api/client.ts';
import { DateField } from '../../components/DateField.tsx';
import { fieldErrorsOf, notifyError, notifySuccess } from '../../components/error-messages.ts';
import { FormActions } from '../../components/FormActions.tsx';
import { todayInStockholm } from '../../i18n/format.ts';
import { reviewOutcomeValues } from './privacy-values.ts';
import { processingActivityKeys, useReviewProcessingActivity } from './privacy.queries.ts';

interface ReviewFormValues {
  outcome: PrivacyReviewOutcome | '';
  reviewedOn: string | null;
  remarks: string;
}

/**
 * The data protection officer's review of the version on screen: approved, approved with remarks
 * or returned (remarks needed unless approved as it stands). A record changed since it was opened
 * is refused (412), so the officer never approves what they did not read.
 */
export function PrivacyReviewModal({ activity, onClose }: { activity: ProcessingActivity; onClose: () => void }) {
  const { t } = useTranslation('privacy');
  const today = todayInStockholm();
  const form = useForm<ReviewFormValues>({
    mode: 'controlled',
    initialValues: { outcome: '', reviewedOn: today, remarks: '' },
    validate: {
      outcome: (value) => (value ? null : t('review.outcomeRequired')),
      reviewedOn: (value) => (value ? null : t('translation:common.required')),
      remarks: (value, values) =>
        values.outcome !== 'approved' && values.outcome !== '' && value.trim() === ''
          ? t('review.remarksRequired')
          : value.trim().length > 4000
            ? t('form.tooLong', { count: 4000 })
            : null,
    },
  });
  const review = useReviewProcessingActivity(activity);
  const queryClient = useQueryClient();
  const submit = form.onSubmit((values) =>
    review.mutate(
      { outcome: values.outcome as PrivacyReviewOutcome, reviewedOn: values.reviewedOn ?? today, remarks: values.remarks.trim() || null },
      {
        onSuccess: () => {
          notifySuccess(t('review.saved', { name: activity.name }));
          onClose();
        },
        onError: (error) => {
          // Changed since it was opened: the officer reads the new version before judging it.
          if (isApiError(error, 'version_mismatch')) {
            void queryClient.invalidateQueries({ queryKey: processingActivityKeys.detail(activity.id) });
            notifications.show({
              color: 'red',
              title: t('translation:errors.title'),
              message: t('review.changedMeanwhile'),
              autoClose: 10_000,
            });
            onClose();
            return;
          }
          form.setErrors(fieldErrorsOf(error));
          notifyError(error);
        },
      },
    ),
  );
  const outcome = form.getValues().outcome;
  return (
    <Modal opened onClose={onClose} size="lg" title={t('review.title', { name: activity.name })}>
      <form onSubmit={submit} noValidate>
        <Stack gap="md">
          <Text size="sm">{t('review.intro')}</Text>
          <Radio.Group label={t('review.outcome')} required {...form.getInputProps('outcome')}>
            <Stack gap="xs" mt="xs">
              {reviewOutcomeValues.map((value) => (
                <Radio key={value} value={value} label={t(`reviewState.${value}`)} description={t(`review.outcomeHint.${value}`)} />
              ))}
            </Stack>
          </Radio.Group>
          <DateField
            label={t('review.reviewedOn')}
            required
            clearable={false}
            maxDate={today}
            w={200}
            {...form.getInputProps('reviewedOn')}
          />
          <Textarea
            label={t('review.remarks')}
            description={t('review.remarksHint')}
            required={outcome !== 'approved' && outcome !== ''}
            autosize
            minRows={3}
            maxRows={8}
            {...form.getInputProps('remarks')}
          />
          <FormActions onCancel={onClose} submitLabel={t('review.submit')} loading={review.isPending} />
        </Stack>
      </form>
    </Modal>
  );
}
