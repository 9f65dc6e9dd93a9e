import type { DocumentVersion } from '@forvalta/contracts';
import { Checkbox, Modal, Stack, Textarea } from '@mantine/core';
import { useForm } from '@mantine/form';
import { useTranslation } from 'react-i18next';
import { notifySuccess } from '../../components/error-messages.ts';
import { FormActions } from '../../components/FormActions.tsx';
import { useVersionedSave } from '../../components/VersionedForm.tsx';
import { loadVersion, saveDraft, versionSavedInvalidates } from './documents.queries.ts';

interface DraftValues {
  text: string;
  changeSummary: string;
  editorial: boolean;
}

const valuesOf = (version: DocumentVersion | null): DraftValues => ({
  text: version?.text ?? '',
  changeSummary: version?.changeSummary ?? '',
  editorial: version?.editorial ?? false,
});

/** Editing a draft's text, its summary of what changed, and whether the change is editorial only. */
export function VersionFormModal({ version, onClose }: { version: DocumentVersion; onClose: () => void }) {
  const { t } = useTranslation('documents');
  const form = useForm<DraftValues>({
    mode: 'controlled',
    initialValues: valuesOf(version),
    validate: {
      text: (value) => (value.length > 200_000 ? t('translation:common.tooLong') : null),
      changeSummary: (value) => (value.trim().length > 4000 ? t('translation:common.tooLong') : null),
    },
  });
  const save = useVersionedSave({
    form,
    record: version,
    valuesOf,
    labels: { text: t('draft.text'), changeSummary: t('draft.changeSummary'), editorial: t('draft.editorial') },
    load: loadVersion,
    save: (values, editedVersion) =>
      saveDraft(
        version,
        { text: values.text === '' ? null : values.text, changeSummary: values.changeSummary.trim() || null, editorial: values.editorial },
        editedVersion,
      ),
    invalidates: versionSavedInvalidates,
    onSaved: (saved) => {
      notifySuccess(t('draft.saved', { number: saved.number }));
      onClose();
    },
  });
  return (
    <Modal opened onClose={onClose} size="xl" title={t('draft.title', { number: version.number })}>
      <form onSubmit={save.onSubmit} noValidate>
        <Stack gap="md">
          {save.alerts}
          <Textarea
            label={t('draft.text')}
            description={t('draft.textHint')}
            autosize
            minRows={12}
            maxRows={24}
            data-autofocus
            {...form.getInputProps('text')}
          />
          <Textarea
            label={t('draft.changeSummary')}
            description={t('draft.changeSummaryHint')}
            autosize
            minRows={2}
            {...form.getInputProps('changeSummary')}
          />
          <Checkbox
            label={t('draft.editorial')}
            description={t('draft.editorialHint')}
            {...form.getInputProps('editorial', { type: 'checkbox' })}
          />
          <FormActions
            onCancel={onClose}
            cancelLabel={t('draft.cancel')}
            submitLabel={t('draft.save')}
            loading={save.saving}
            disabled={save.stale}
          />
        </Stack>
      </form>
    </Modal>
  );
}
