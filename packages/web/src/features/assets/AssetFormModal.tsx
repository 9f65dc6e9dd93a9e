import type { Asset } from '@forvalta/contracts';
import { Alert, Fieldset, Modal, MultiSelect, NumberInput, Select, SimpleGrid, Stack, Text, Textarea, TextInput } from '@mantine/core';
import { useForm } from '@mantine/form';
import { useMediaQuery } from '@mantine/hooks';
import { useNavigate } from '@tanstack/react-router';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { ApiError } from '../../api/client.ts';
import { ConfidentialParagraphField } from '../../components/ConfidentialMark.tsx';
import { DateField } from '../../components/DateField.tsx';
import { notifySuccess } from '../../components/error-messages.ts';
import { FormActions } from '../../components/FormActions.tsx';
import { useVersionedSave } from '../../components/VersionedForm.tsx';
import { DepartmentSelect } from '../organisation/departments/DepartmentSelect.tsx';
import { PersonPicker } from '../organisation/roles/PersonPicker.tsx';
import { useSystemOptions } from '../systems/systems.queries.ts';
import { type AssetFormValues, assetBodyOf, assetValuesOf, nonStandardChoice } from './asset-form-model.ts';
import { assetKindValues, assetLifecycleValues, assetNetworkValues, assetOwnerKindValues } from './asset-values.ts';
import { assetSavedInvalidates, loadAsset, saveAsset, useAssetModelOptions } from './assets.queries.ts';

/**
 * The server's refusal of an owner in words (§6): an asset ever on the town-hall network stays
 * the IT unit's (ITP-6-SCHOOL-NET); another owner needs a reason (ITP-6-OWNED). The rule is the
 * server's; the form shows its answer at the field and above the buttons.
 */
function ownerRefusal(error: unknown, t: (key: string) => string): string | null {
  if (!(error instanceof ApiError)) return null;
  if (error.problem?.reason === 'asset_owner_town_hall') return t('translation:errors.reasons.asset_owner_town_hall');
  const fields = error.fieldErrors();
  if (fields.ownerReason) return t('translation:errors.reasons.asset_owner_reason_required');
  if (fields.ownerDepartmentId) return t('form.ownerDepartmentRequired');
  if (fields.ownerName) return t('form.ownerNameRequired');
  return null;
}

/** Creates or edits an asset (the IT unit and the IT chief): every field of §6's register. */
export function AssetFormModal({
  asset,
  preset,
  onClose,
}: {
  asset: Asset | null;
  preset?: { systemId: string; systemName: string };
  onClose: () => void;
}) {
  const { t } = useTranslation('assets');
  const navigate = useNavigate();
  const narrow = useMediaQuery('(max-width: 47.99em)');
  const models = useAssetModelOptions();
  const systems = useSystemOptions();
  const [refusal, setRefusal] = useState<string | null>(null);
  const systemOptions = (systems.data?.items ?? []).map((system) => ({ value: system.id, label: system.name }));
  for (const system of [...(asset?.systems ?? []), ...(preset ? [{ id: preset.systemId, name: preset.systemName }] : [])])
    if (!systemOptions.some((option) => option.value === system.id)) systemOptions.push({ value: system.id, label: system.name });
  const withheld = asset?.networkDetailsWithheld ?? false;
  const required = t('translation:common.required');
  const form = useForm<AssetFormValues>({
    mode: 'controlled',
    initialValues: assetValuesOf(asset, preset ? { systemId: preset.systemId } : {}),
    validate: {
      model: (value) => (value ? null : required),
      nonStandardDescription: (value, values) =>
        values.model === nonStandardChoice && value.trim() === '' ? t('form.describeNonStandard') : null,
      serial: (value, values) => (value.trim() === '' && values.inventoryNumber.trim() === '' ? t('form.keyRequired') : null),
    },
  });
  const values = form.getValues();
  const modelOptions = [
    ...(models.data?.items ?? [])
      .filter((model) => model.kind === values.kind || model.id === asset?.modelId)
      .map((model) => ({ value: model.id, label: model.standard ? model.name : `${model.name} (${t('models.notApproved')})` })),
    { value: nonStandardChoice, label: t('form.nonStandardOption') },
  ];
  const fieldMessages = (error: unknown): Record<string, string> => {
    const owner = ownerRefusal(error, t);
    return {
      ...(owner ? { ownerReason: owner, ownerKind: owner, ownerDepartmentId: owner, ownerName: owner } : {}),
      serial: t('form.keyRequired'),
      nonStandardDescription: t('form.describeNonStandard'),
    };
  };
  const save = useVersionedSave({
    form,
    record: asset,
    valuesOf: (record) => assetValuesOf(record),
    labels: {
      kind: t('asset.kind'),
      model: t('asset.model'),
      serial: t('asset.serial'),
      inventoryNumber: t('asset.inventoryNumber'),
      ownerKind: t('asset.owner'),
      network: t('asset.network'),
      lifecycle: t('asset.lifecycle'),
      departmentId: t('asset.department'),
    },
    load: loadAsset,
    save: async (formValues, version) => {
      setRefusal(null);
      try {
        return await saveAsset(assetBodyOf(formValues, withheld), asset, version);
      } catch (error) {
        setRefusal(ownerRefusal(error, t));
        throw error;
      }
    },
    invalidates: assetSavedInvalidates,
    fieldMessages,
    onSaved: (saved) => {
      notifySuccess(t(asset ? 'form.updated' : 'form.created', { label: saved.label }));
      onClose();
      if (!asset) void navigate({ to: '/assets/$assetId', params: { assetId: saved.id } });
    },
  });
  const choice = <Value extends string>(list: readonly Value[], prefix: string) =>
    list.map((value) => ({ value, label: t(`${prefix}.${value}`) }));

  return (
    <Modal
      opened
      onClose={onClose}
      size="xl"
      fullScreen={narrow}
      title={asset ? t('form.editTitle', { label: asset.label }) : t('form.createTitle')}
    >
      <form onSubmit={save.onSubmit} noValidate>
        <Stack gap="md">
          {save.alerts}
          <Fieldset legend={t('form.equipmentLegend')}>
            <Stack gap="sm">
              <SimpleGrid cols={{ base: 1, sm: 2 }}>
                <Select
                  label={t('asset.kind')}
                  required
                  allowDeselect={false}
                  data={choice(assetKindValues, 'kind')}
                  comboboxProps={{ withinPortal: true }}
                  data-autofocus
                  {...form.getInputProps('kind')}
                  onChange={(value) => {
                    if (!value) return;
                    form.setFieldValue('kind', value as AssetFormValues['kind']);
                    // A catalogue model is of one kind: another kind asks for the model again.
                    const chosen = models.data?.items.find((model) => model.id === form.getValues().model);
                    if (chosen && chosen.kind !== value) form.setFieldValue('model', null);
                  }}
                />
                <Select
                  label={t('asset.model')}
                  description={t('form.modelHint')}
                  required
                  searchable
                  data={modelOptions}
                  comboboxProps={{ withinPortal: true }}
                  {...form.getInputProps('model')}
                />
              </SimpleGrid>
              {values.model === nonStandardChoice && (
                <TextInput
                  label={t('asset.nonStandardDescription')}
                  description={t('form.nonStandardHint')}
                  required
                  {...form.getInputProps('nonStandardDescription')}
                />
              )}
              <SimpleGrid cols={{ base: 1, sm: 2 }}>
                <TextInput label={t('asset.serial')} description={t('form.keyHint')} {...form.getInputProps('serial')} />
                <TextInput label={t('asset.inventoryNumber')} {...form.getInputProps('inventoryNumber')} />
              </SimpleGrid>
            </Stack>
          </Fieldset>

          <Fieldset legend={t('form.ownerLegend')}>
            <Stack gap="sm">
              <Select
                label={t('asset.owner')}
                description={asset?.everOnTownHall ? t('form.everOnTownHallHint') : t('form.ownerHint')}
                allowDeselect={false}
                data={choice(assetOwnerKindValues, 'ownerKind')}
                comboboxProps={{ withinPortal: true }}
                {...form.getInputProps('ownerKind')}
              />
              {values.ownerKind === 'department' && (
                <DepartmentSelect
                  label={t('asset.ownerDepartment')}
                  required
                  comboboxProps={{ withinPortal: true }}
                  {...form.getInputProps('ownerDepartmentId')}
                />
              )}
              {values.ownerKind === 'other' && <TextInput label={t('asset.ownerName')} required {...form.getInputProps('ownerName')} />}
              {values.ownerKind !== 'it_unit' && (
                <Textarea
                  label={t('asset.ownerReason')}
                  description={t('form.ownerReasonHint')}
                  required
                  autosize
                  minRows={2}
                  maxRows={5}
                  {...form.getInputProps('ownerReason')}
                />
              )}
            </Stack>
          </Fieldset>

          <Fieldset legend={t('form.placementLegend')}>
            <Stack gap="sm">
              {withheld ? (
                <Text size="sm">{t('asset.withheldText')}</Text>
              ) : (
                <SimpleGrid cols={{ base: 1, sm: 2 }}>
                  <Select
                    label={t('asset.network')}
                    description={t('form.networkHint')}
                    allowDeselect={false}
                    data={choice(assetNetworkValues, 'network')}
                    comboboxProps={{ withinPortal: true }}
                    {...form.getInputProps('network')}
                  />
                  <TextInput label={t('asset.location')} {...form.getInputProps('location')} />
                </SimpleGrid>
              )}
              <SimpleGrid cols={{ base: 1, sm: 2 }}>
                <DepartmentSelect
                  label={t('asset.department')}
                  comboboxProps={{ withinPortal: true }}
                  {...form.getInputProps('departmentId')}
                />
                <PersonPicker
                  label={t('asset.person')}
                  description={asset?.personName ? t('form.personNow', { name: asset.personName }) : undefined}
                  clearable
                  comboboxProps={{ withinPortal: true }}
                  {...form.getInputProps('personId')}
                />
              </SimpleGrid>
              {!withheld && (
                <ConfidentialParagraphField description={t('form.confidentialHint')} {...form.getInputProps('confidentialOslParagraph')} />
              )}
            </Stack>
          </Fieldset>

          <Fieldset legend={t('form.lifecycleLegend')}>
            <SimpleGrid cols={{ base: 1, sm: 2 }}>
              <Select
                label={t('asset.lifecycle')}
                allowDeselect={false}
                data={choice(assetLifecycleValues, 'lifecycle')}
                comboboxProps={{ withinPortal: true }}
                {...form.getInputProps('lifecycle')}
              />
              <DateField label={t('asset.purchaseDate')} {...form.getInputProps('purchaseDate')} />
              <NumberInput
                label={t('asset.purchaseCost')}
                min={0}
                thousandSeparator=" "
                suffix=" kr"
                {...form.getInputProps('purchaseCost')}
              />
              <DateField label={t('asset.warrantyEnd')} {...form.getInputProps('warrantyEnd')} />
            </SimpleGrid>
          </Fieldset>

          <MultiSelect
            label={t('asset.systems')}
            description={t('form.systemsHint')}
            searchable
            clearable
            data={systemOptions}
            comboboxProps={{ withinPortal: true }}
            {...form.getInputProps('systemIds')}
          />
          <Textarea label={t('asset.note')} autosize minRows={2} maxRows={5} {...form.getInputProps('note')} />
          {refusal && (
            <Alert color="red.9" variant="outline" role="alert" data-testid="asset-owner-refusal">
              <Text size="sm">{refusal}</Text>
            </Alert>
          )}
          <FormActions
            onCancel={onClose}
            submitLabel={asset ? t('form.save') : t('form.create')}
            loading={save.saving}
            disabled={save.stale}
          />
        </Stack>
      </form>
    </Modal>
  );
}
