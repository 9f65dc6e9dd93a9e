import type { AcknowledgementPreview, DocumentVersion, PolicyDocument } from '@forvalta/contracts';
import { Alert, Autocomplete, Checkbox, Loader, Modal, SimpleGrid, Stack, Text, Textarea, TextInput } from '@mantine/core';
import { useForm } from '@mantine/form';
import { useQuery } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import { useCan } from '../../app/session.ts';
import { DateField } from '../../components/DateField.tsx';
import { notifySuccess } from '../../components/error-messages.ts';
import { FormActions } from '../../components/FormActions.tsx';
import { useVersionedSave } from '../../components/VersionedForm.tsx';
import { formatDate, formatNumber, todayInStockholm } from '../../i18n/format.ts';
import { adoptionPreviewQuery } from './acknowledgements.queries.ts';
import { adoptVersion, loadVersion, versionSavedInvalidates } from './documents.queries.ts';

interface AdoptValues {
  adoptedBy: string;
  decisionDate: string | null;
  decisionReference: string;
  changeSummary: string;
  editorial: boolean;
}

/**
 * Adopting a version records the decision (ITP-4.1-ADOPT): which body, when, its reference. Before
 * the author confirms, the preview says what it means for the employees: how many will be asked to
 * acknowledge it, or, for an editorial change, that earlier acknowledgements carry over.
 */
export function AdoptVersionModal({
  document,
  version,
  onClose,
}: {
  document: PolicyDocument;
  version: DocumentVersion;
  onClose: () => void;
}) {
  const { t } = useTranslation('documents');
  const today = todayInStockholm();
  const valuesOf = (record: DocumentVersion | null): AdoptValues => ({
    adoptedBy: record?.adoptedBy ?? document.ownerBody ?? '',
    decisionDate: record?.decisionDate ?? today,
    decisionReference: record?.decisionReference ?? '',
    changeSummary: record?.changeSummary ?? '',
    editorial: record?.editorial ?? false,
  });
  const form = useForm<AdoptValues>({
    mode: 'controlled',
    initialValues: valuesOf(version),
    validate: {
      adoptedBy: (value) =>
        value.trim() === '' ? t('translation:common.required') : value.trim().length > 100 ? t('translation:common.tooLong') : null,
      decisionDate: (value) => (value ? null : t('translation:common.required')),
      decisionReference: (value) => (value.trim().length > 200 ? t('translation:common.tooLong') : null),
    },
  });
  const save = useVersionedSave({
    form,
    record: version,
    valuesOf,
    labels: {
      adoptedBy: t('adopt.adoptedBy'),
      decisionDate: t('adopt.decisionDate'),
      decisionReference: t('adopt.decisionReference'),
      changeSummary: t('adopt.changeSummary'),
      editorial: t('adopt.editorial'),
    },
    load: loadVersion,
    save: (values, editedVersion) =>
      adoptVersion(
        version,
        {
          adoptedBy: values.adoptedBy.trim(),
          decisionDate: values.decisionDate ?? today,
          decisionReference: values.decisionReference.trim() || null,
          changeSummary: values.changeSummary.trim() || null,
          editorial: values.editorial,
        },
        editedVersion,
      ),
    invalidates: versionSavedInvalidates,
    onSaved: (saved) => {
      notifySuccess(t('adopt.adopted', { number: saved.number }));
      onClose();
    },
  });
  const suggestions = [...new Set([document.ownerBody, t('adopt.bodyBoard'), t('adopt.bodyCouncil'), t('adopt.bodyItChief')])].filter(
    (value): value is string => Boolean(value),
  );

  return (
    <Modal opened onClose={onClose} size="lg" title={t('adopt.title', { title: document.title, number: version.number })}>
      <form onSubmit={save.onSubmit} noValidate>
        <Stack gap="md">
          {save.alerts}
          <SimpleGrid cols={{ base: 1, sm: 2 }}>
            <Autocomplete
              label={t('adopt.adoptedBy')}
              description={t('adopt.adoptedByHint')}
              required
              data={suggestions}
              {...form.getInputProps('adoptedBy')}
            />
            <DateField label={t('adopt.decisionDate')} required clearable={false} maxDate={today} {...form.getInputProps('decisionDate')} />
          </SimpleGrid>
          <TextInput
            label={t('adopt.decisionReference')}
            description={t('adopt.decisionReferenceHint')}
            {...form.getInputProps('decisionReference')}
          />
          <Textarea label={t('adopt.changeSummary')} autosize minRows={2} {...form.getInputProps('changeSummary')} />
          <Checkbox
            label={t('adopt.editorial')}
            description={t('adopt.editorialHint')}
            {...form.getInputProps('editorial', { type: 'checkbox' })}
          />
          <AdoptionPreview versionId={version.id} editorial={form.values.editorial} />
          <FormActions
            onCancel={onClose}
            cancelLabel={t('adopt.cancel')}
            submitLabel={t('adopt.submit', { number: version.number })}
            loading={save.saving}
            disabled={save.stale}
          />
        </Stack>
      </form>
    </Modal>
  );
}

/** What the adoption will do for the employees, read again when the editorial choice changes. */
function AdoptionPreview({ versionId, editorial }: { versionId: string; editorial: boolean }) {
  const { t } = useTranslation('documents');
  const canPreview = useCan('acknowledgement.preview');
  const preview = useQuery({ ...adoptionPreviewQuery(versionId, editorial), enabled: canPreview });
  if (!canPreview) return null;
  return (
    // Announced when it changes (the editorial box changes it), without moving the focus.
    <Alert color="blue" variant="light" data-testid="adoption-preview">
      <div role="status" aria-live="polite">
        {preview.isLoading ? (
          <Loader size="xs" aria-label={t('adopt.previewLoading')} />
        ) : preview.data ? (
          <PreviewText preview={preview.data} />
        ) : (
          <Text size="sm">{t('adopt.previewUnavailable')}</Text>
        )}
      </div>
    </Alert>
  );
}

function PreviewText({ preview }: { preview: AcknowledgementPreview }) {
  const { t, i18n } = useTranslation('documents');
  const number = (value: number) => formatNumber(value, i18n.language);
  if (preview.renewal === 'none') return <Text size="sm">{t('adopt.previewNone')}</Text>;
  if (preview.renewal === 'carry_over') {
    return (
      <Stack gap={4}>
        <Text size="sm" fw={700}>
          {t('adopt.previewCarryOver', { count: preview.carriedOver, formatted: number(preview.carriedOver) })}
        </Text>
        {preview.openCarriedOver > 0 && (
          <Text size="sm">
            {t('adopt.previewOpenCarriedOver', { count: preview.openCarriedOver, formatted: number(preview.openCarriedOver) })}
          </Text>
        )}
        {preview.toBeAsked > 0 && (
          <Text size="sm">
            {t('adopt.previewNewlyAsked', {
              count: preview.toBeAsked,
              formatted: number(preview.toBeAsked),
              date: formatDate(preview.dueDate),
            })}
          </Text>
        )}
      </Stack>
    );
  }
  return (
    <Stack gap={4}>
      <Text size="sm" fw={700}>
        {t('adopt.previewAsked', { count: preview.toBeAsked, formatted: number(preview.toBeAsked) })}
      </Text>
      <Text size="sm">{t('adopt.previewDue', { date: formatDate(preview.dueDate), audience: number(preview.inAudience) })}</Text>
    </Stack>
  );
}
