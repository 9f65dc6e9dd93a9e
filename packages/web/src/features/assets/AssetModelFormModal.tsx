import type { AssetModel, AssetKind } from '@forvalta/contracts';
import { Modal, Select, SimpleGrid, Stack, Textarea, TextInput } from '@mantine/core';
import { useForm } from '@mantine/form';
import { useTranslation } from 'react-i18next';
import { notifySuccess } from '../../components/error-messages.ts';
import { FormActions } from '../../components/FormActions.tsx';
import { useVersionedSave } from '../../components/VersionedForm.tsx';
import { assetKindValues } from './asset-values.ts';
import { assetModelSavedInvalidates, loadAssetModel, saveAssetModel } from './assets.queries.ts';

interface ModelFormValues {
  kind: AssetKind;
  maker: string;
  model: string;
  description: string;
}

const valuesOf = (model: AssetModel | null): ModelFormValues => ({
  kind: model?.kind ?? 'pc',
  maker: model?.maker ?? '',
  model: model?.model ?? '',
  description: model?.description ?? '',
});

/** Adds a model to the catalogue or edits it (the IT unit); it becomes standard only with the IT chief's approval. */
export function AssetModelFormModal({ model, onClose }: { model: AssetModel | null; onClose: () => void }) {
  const { t } = useTranslation('assets');
  const required = t('translation:common.required');
  const form = useForm<ModelFormValues>({
    mode: 'controlled',
    initialValues: valuesOf(model),
    validate: {
      maker: (value) => (value.trim() === '' ? required : null),
      model: (value) => (value.trim() === '' ? required : null),
    },
  });
  const save = useVersionedSave({
    form,
    record: model,
    valuesOf,
    labels: { kind: t('models.kind'), maker: t('models.maker'), model: t('models.model'), description: t('models.description') },
    load: loadAssetModel,
    save: (values, version) =>
      saveAssetModel(
        { kind: values.kind, maker: values.maker.trim(), model: values.model.trim(), description: values.description.trim() || null },
        model,
        version,
      ),
    invalidates: assetModelSavedInvalidates,
    fieldMessages: () => ({ model: t('translation:errors.reasons.asset_model_name_taken') }),
    onSaved: (saved) => {
      notifySuccess(t(model ? 'models.updated' : 'models.created', { name: saved.name }));
      onClose();
    },
  });
  return (
    <Modal opened onClose={onClose} size="lg" title={model ? t('models.editTitle', { name: model.name }) : t('models.createTitle')}>
      <form onSubmit={save.onSubmit} noValidate>
        <Stack gap="md">
          {save.alerts}
          <Select
            label={t('models.kind')}
            required
            allowDeselect={false}
            data-autofocus
            data={assetKindValues.map((kind) => ({ value: kind, label: t(`kind.${kind}`) }))}
            comboboxProps={{ withinPortal: true }}
            {...form.getInputProps('kind')}
          />
          <SimpleGrid cols={{ base: 1, sm: 2 }}>
            <TextInput label={t('models.maker')} required {...form.getInputProps('maker')} />
            <TextInput label={t('models.model')} required {...form.getInputProps('model')} />
          </SimpleGrid>
          <Textarea label={t('models.description')} autosize minRows={2} maxRows={5} {...form.getInputProps('description')} />
          <FormActions
            onCancel={onClose}
            submitLabel={model ? t('form.save') : t('models.add')}
            loading={save.saving}
            disabled={save.stale}
          />
        </Stack>
      </form>
    </Modal>
  );
}
