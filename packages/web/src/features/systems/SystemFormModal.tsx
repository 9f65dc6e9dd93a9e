import type { System, SystemCreate, SystemUpdate } from '@forvalta/contracts';
import { FormActions } from '../../components/FormActions.tsx';
import {
  ActionIcon,
  Alert,
  Button,
  Checkbox,
  Divider,
  Fieldset,
  Group,
  Modal,
  MultiSelect,
  NumberInput,
  Select,
  SimpleGrid,
  Stack,
  TagsInput,
  Text,
  Textarea,
  TextInput,
} from '@mantine/core';
import { useForm } from '@mantine/form';
import { useNavigate } from '@tanstack/react-router';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { isApiError } from '../../api/client.ts';
import { DateField } from '../../components/DateField.tsx';
import { fieldErrorsOf, notifyError, notifySuccess } from '../../components/error-messages.ts';
import { StaleRecordAlert } from '../../components/StaleRecordAlert.tsx';
import { DepartmentSelect } from '../organisation/departments/DepartmentSelect.tsx';
import { flattenDepartmentTree, buildDepartmentTree, useAllDepartments } from '../organisation/departments/departments.queries.ts';
import { RuleViolationAlert } from './RuleViolationAlert.tsx';
import { costCategoryValues, criticalityValues, hostingValues, kindValues, lifecycleValues, scopeValues } from './system-values.ts';
import { useRowKeys } from '../../components/stable-keys.ts';
import { loadSystem, useSaveSystem } from './systems.queries.ts';

type Level = '0' | '1' | '2' | '3' | '4';
interface FormValues {
  name: string;
  description: string;
  purpose: string;
  kind: string;
  scope: string;
  lifecycle: string;
  supplier: string;
  product: string;
  productVersion: string;
  hosting: string | null;
  ownerDepartmentId: string | null;
  usingDepartmentIds: string[];
  costs: Record<(typeof costCategoryValues)[number], number | string>;
  documentationLinks: Array<{ title: string; url: string }>;
  processesPersonalData: boolean;
  nis2: boolean;
  userCount: number | string;
  tags: string[];
  classification: {
    confidentiality: Level | null;
    integrity: Level | null;
    availability: Level | null;
    traceability: Level | null;
    classifiedOn: string | null;
  };
  continuity: {
    criticality: string | null;
    rto: number | string;
    rpo: number | string;
    lastRestoreTestOn: string | null;
    supplierSupportEndsOn: string | null;
  };
}

const levelOf = (value: number | undefined): Level | null => (value === undefined ? null : (String(value) as Level));

function valuesOf(system: System | null): FormValues {
  const c = system?.classification;
  return {
    name: system?.name ?? '',
    description: system?.description ?? '',
    purpose: system?.purpose ?? '',
    kind: system?.kind ?? 'shared',
    scope: system?.scope ?? 'administrative',
    lifecycle: system?.lifecycle ?? 'planned',
    supplier: system?.supplier ?? '',
    product: system?.product ?? '',
    productVersion: system?.productVersion ?? '',
    hosting: system?.hosting ?? null,
    ownerDepartmentId: system?.ownerDepartmentId ?? null,
    usingDepartmentIds: system?.usingDepartmentIds ?? [],
    costs: {
      licence: system?.yearlyCosts.licence ?? '',
      operation: system?.yearlyCosts.operation ?? '',
      support: system?.yearlyCosts.support ?? '',
      other: system?.yearlyCosts.other ?? '',
    },
    documentationLinks: system?.documentationLinks.map((link) => ({ ...link })) ?? [],
    processesPersonalData: system?.processesPersonalData ?? false,
    nis2: system?.nis2 ?? false,
    userCount: system?.userCount ?? '',
    tags: system?.tags ?? [],
    classification: {
      confidentiality: levelOf(c?.confidentiality),
      integrity: levelOf(c?.integrity),
      availability: levelOf(c?.availability),
      traceability: levelOf(c?.traceability),
      classifiedOn: c?.classifiedOn ?? null,
    },
    continuity: {
      criticality: system?.continuity.criticality ?? null,
      rto: system?.continuity.recoveryTimeObjectiveHours ?? '',
      rpo: system?.continuity.recoveryPointObjectiveHours ?? '',
      lastRestoreTestOn: system?.continuity.lastRestoreTestOn ?? null,
      supplierSupportEndsOn: system?.continuity.supplierSupportEndsOn ?? null,
    },
  };
}

const textOrNull = (value: string) => (value.trim() === '' ? null : value.trim());
const numberOrNull = (value: number | string) => (value === '' || value === null ? null : Number(value));

function bodyOf(values: FormValues): SystemCreate {
  const c = values.classification;
  const classified =
    c.confidentiality !== null && c.integrity !== null && c.availability !== null && c.traceability !== null && c.classifiedOn;
  return {
    name: values.name.trim(),
    description: textOrNull(values.description),
    purpose: textOrNull(values.purpose),
    kind: values.kind as SystemCreate['kind'],
    scope: values.scope as SystemCreate['scope'],
    lifecycle: values.lifecycle as SystemCreate['lifecycle'],
    supplier: textOrNull(values.supplier),
    product: textOrNull(values.product),
    productVersion: textOrNull(values.productVersion),
    hosting: (values.hosting as SystemCreate['hosting']) ?? null,
    ownerDepartmentId: values.ownerDepartmentId ?? '',
    usingDepartmentIds: values.usingDepartmentIds,
    yearlyCosts: {
      licence: numberOrNull(values.costs.licence),
      operation: numberOrNull(values.costs.operation),
      support: numberOrNull(values.costs.support),
      other: numberOrNull(values.costs.other),
    },
    documentationLinks: values.documentationLinks.map((link) => ({ title: link.title.trim(), url: link.url.trim() })),
    processesPersonalData: values.processesPersonalData,
    nis2: values.nis2,
    userCount: numberOrNull(values.userCount),
    tags: values.tags,
    ...(classified
      ? {
          classification: {
            confidentiality: Number(c.confidentiality),
            integrity: Number(c.integrity),
            availability: Number(c.availability),
            traceability: Number(c.traceability),
            classifiedOn: c.classifiedOn!,
          },
        }
      : {}),
    continuity: {
      criticality: (values.continuity.criticality as NonNullable<SystemCreate['continuity']>['criticality']) ?? null,
      recoveryTimeObjectiveHours: numberOrNull(values.continuity.rto),
      recoveryPointObjectiveHours: numberOrNull(values.continuity.rpo),
      lastRestoreTestOn: values.continuity.lastRestoreTestOn || null,
      supplierSupportEndsOn: values.continuity.supplierSupportEndsOn || null,
    },
  };
}

/** Only what changed is sent: a manager may edit the record but not move it to another owner. */
function changesOf(original: FormValues, values: FormValues): SystemUpdate {
  const before = bodyOf(original) as Record<string, unknown>;
  const after = bodyOf(values) as Record<string, unknown>;
  const changes: Record<string, unknown> = {};
  for (const [key, value] of Object.entries(after)) {
    if (JSON.stringify(value) !== JSON.stringify(before[key])) changes[key] = value;
  }
  return changes as SystemUpdate;
}

/** Creates a system, or edits every field of one (If-Match with the version that was opened). */
export function SystemFormModal({ system, onClose }: { system: System | null; onClose: () => void }) {
  const { t } = useTranslation();
  const navigate = useNavigate();
  // A new system's owner is chosen freely (the server checks the scope); an existing one moves only with `can`.
  const canChangeOwner = system === null || system.can.changeOwner;
  const [original, setOriginal] = useState(() => valuesOf(system));
  const [editedVersion, setEditedVersion] = useState(system?.version ?? 0);
  const [stale, setStale] = useState(false);
  const [violation, setViolation] = useState<unknown>(null);
  const departments = useAllDepartments();
  const departmentOptions = flattenDepartmentTree(buildDepartmentTree(departments.data ?? [])).map((node) => ({
    value: node.department.id,
    label: node.department.name,
  }));

  const form = useForm<FormValues>({
    mode: 'controlled',
    initialValues: original,
    validate: {
      name: (value) => (value.trim() === '' ? t('common.required') : value.trim().length > 160 ? t('common.tooLong') : null),
      ownerDepartmentId: (value) => (value ? null : t('common.required')),
      documentationLinks: {
        title: (value) => (value.trim() === '' ? t('common.required') : null),
        url: (value) => (/^https?:\/\/\S+$/.test(value.trim()) ? null : t('system.invalidUrl')),
      },
    },
  });

  const save = useSaveSystem(system, {
    onSuccess: (saved) => {
      notifySuccess(t(system ? 'system.updated' : 'system.created', { name: saved.name }));
      onClose();
      if (!system) void navigate({ to: '/systems/$systemId', params: { systemId: saved.id } });
    },
    onError: (error) => {
      if (isApiError(error, 'version_mismatch')) return setStale(true);
      if (isApiError(error, 'rule_violation')) return setViolation(error);
      form.setErrors(fieldErrorsOf(error));
      notifyError(error);
    },
  });

  const reload = async () => {
    if (!system) return;
    const fresh = await loadSystem(system.id);
    const values = valuesOf(fresh);
    setOriginal(values);
    form.setValues(values);
    setEditedVersion(fresh.version);
    setStale(false);
  };

  const levels = ['0', '1', '2', '3', '4'].map((value) => ({ value, label: value }));
  const money = (category: (typeof costCategoryValues)[number]) => (
    <NumberInput
      key={category}
      label={t(`labels.cost.${category}`)}
      thousandSeparator={'\u00a0'}
      decimalSeparator=","
      suffix=" kr"
      min={0}
      allowNegative={false}
      {...form.getInputProps(`costs.${category}`)}
    />
  );

  const linkKeys = useRowKeys(form.values.documentationLinks);

  return (
    <Modal opened onClose={onClose} size="xl" title={system ? t('system.editTitle', { name: system.name }) : t('system.createTitle')}>
      <form
        onSubmit={form.onSubmit((values) =>
          save.mutate({ body: system ? changesOf(original, values) : bodyOf(values), version: editedVersion }),
        )}
        noValidate
      >
        <Stack gap="md">
          {stale && <StaleRecordAlert onReload={() => void reload().catch(notifyError)} />}
          {violation !== null && <RuleViolationAlert error={violation} />}
          <TextInput label={t('system.name')} required data-autofocus {...form.getInputProps('name')} />
          <SimpleGrid cols={{ base: 1, sm: 2 }}>
            <Textarea label={t('system.purpose')} autosize minRows={2} {...form.getInputProps('purpose')} />
            <Textarea label={t('system.description')} autosize minRows={2} {...form.getInputProps('description')} />
          </SimpleGrid>
          <SimpleGrid cols={{ base: 1, sm: 3 }}>
            <Select
              label={t('systems.kind')}
              allowDeselect={false}
              data={kindValues.map((value) => ({ value, label: t(`labels.kind.${value}`) }))}
              {...form.getInputProps('kind')}
            />
            <Select
              label={t('systems.scope')}
              allowDeselect={false}
              data={scopeValues.map((value) => ({ value, label: t(`labels.scope.${value}`) }))}
              {...form.getInputProps('scope')}
            />
            <Select
              label={t('systems.lifecycle')}
              allowDeselect={false}
              data={lifecycleValues.map((value) => ({ value, label: t(`labels.lifecycle.${value}`) }))}
              {...form.getInputProps('lifecycle')}
            />
          </SimpleGrid>
          <SimpleGrid cols={{ base: 1, sm: 2 }}>
            <DepartmentSelect
              label={t('system.owner')}
              required
              disabled={!canChangeOwner}
              description={canChangeOwner ? undefined : t('system.ownerLocked')}
              clearable={false}
              {...form.getInputProps('ownerDepartmentId')}
            />
            <MultiSelect
              label={t('system.usingDepartments')}
              searchable
              data={departmentOptions}
              {...form.getInputProps('usingDepartmentIds')}
            />
          </SimpleGrid>
          <SimpleGrid cols={{ base: 1, sm: 4 }}>
            <TextInput label={t('system.supplier')} {...form.getInputProps('supplier')} />
            <TextInput label={t('system.product')} {...form.getInputProps('product')} />
            <TextInput label={t('system.productVersion')} {...form.getInputProps('productVersion')} />
            <Select
              label={t('system.hosting')}
              clearable
              data={hostingValues.map((value) => ({ value, label: t(`labels.hosting.${value}`) }))}
              {...form.getInputProps('hosting')}
            />
          </SimpleGrid>
          <SimpleGrid cols={{ base: 1, sm: 3 }}>
            <NumberInput
              label={t('system.userCount')}
              min={0}
              allowNegative={false}
              allowDecimal={false}
              thousandSeparator={'\u00a0'}
              {...form.getInputProps('userCount')}
            />
            <Checkbox
              mt={{ sm: 28 }}
              label={t('system.processesPersonalData')}
              {...form.getInputProps('processesPersonalData', { type: 'checkbox' })}
            />
            <Checkbox mt={{ sm: 28 }} label={t('system.nis2')} {...form.getInputProps('nis2', { type: 'checkbox' })} />
          </SimpleGrid>
          <TagsInput label={t('system.tags')} description={t('system.tagsHint')} {...form.getInputProps('tags')} />

          <Fieldset legend={t('system.costsTitle')}>
            <Text size="sm" c="gray.7" mb="xs">
              {t('system.costsHint')}
            </Text>
            <SimpleGrid cols={{ base: 1, sm: 4 }}>{costCategoryValues.map(money)}</SimpleGrid>
          </Fieldset>

          <Fieldset legend={t('system.classificationTitle')}>
            <Text size="sm" c="gray.7" mb="xs">
              {t('system.classificationHint')}
            </Text>
            <SimpleGrid cols={{ base: 2, sm: 5 }}>
              {(['confidentiality', 'integrity', 'availability', 'traceability'] as const).map((aspect) => (
                <Select
                  key={aspect}
                  label={t(`labels.classification.${aspect}`)}
                  data={levels}
                  clearable
                  {...form.getInputProps(`classification.${aspect}`)}
                />
              ))}
              <DateField label={t('system.classifiedOn')} {...form.getInputProps('classification.classifiedOn')} />
            </SimpleGrid>
          </Fieldset>

          <Fieldset legend={t('system.continuityTitle')}>
            <SimpleGrid cols={{ base: 1, sm: 3 }}>
              <Select
                label={t('system.criticality')}
                clearable
                data={criticalityValues.map((value) => ({ value, label: t(`labels.criticality.${value}`) }))}
                {...form.getInputProps('continuity.criticality')}
              />
              <NumberInput
                label={t('system.rto')}
                min={0}
                allowDecimal={false}
                allowNegative={false}
                {...form.getInputProps('continuity.rto')}
              />
              <NumberInput
                label={t('system.rpo')}
                min={0}
                allowDecimal={false}
                allowNegative={false}
                {...form.getInputProps('continuity.rpo')}
              />
              <DateField label={t('system.lastRestoreTest')} {...form.getInputProps('continuity.lastRestoreTestOn')} />
              <DateField label={t('system.supplierSupportEnds')} {...form.getInputProps('continuity.supplierSupportEndsOn')} />
            </SimpleGrid>
          </Fieldset>

          <Fieldset legend={t('system.linksTitle')}>
            <Stack gap="xs">
              {form.values.documentationLinks.length === 0 && (
                <Text size="sm" c="gray.7">
                  {t('system.noLinks')}
                </Text>
              )}
              {form.values.documentationLinks.map((_, index) => (
                <Group key={linkKeys[index]} align="flex-end" wrap="nowrap">
                  <TextInput
                    label={t('system.linkTitle')}
                    style={{ flex: 1 }}
                    {...form.getInputProps(`documentationLinks.${index}.title`)}
                  />
                  <TextInput
                    label={t('system.linkUrl')}
                    type="url"
                    style={{ flex: 2 }}
                    {...form.getInputProps(`documentationLinks.${index}.url`)}
                  />
                  <ActionIcon
                    variant="default"
                    size="lg"
                    mb={2}
                    aria-label={t('system.removeLink', { number: index + 1 })}
                    onClick={() => form.removeListItem('documentationLinks', index)}
                  >
                    <span aria-hidden="true">✕</span>
                  </ActionIcon>
                </Group>
              ))}
              <Group>
                <Button
                  variant="default"
                  size="xs"
                  onClick={() => form.insertListItem('documentationLinks', { title: '', url: 'https://' })}
                >
                  {t('system.addLink')}
                </Button>
              </Group>
            </Stack>
          </Fieldset>
          <Divider />
          <FormActions onCancel={onClose} loading={save.isPending} disabled={stale} />
          {Object.keys(form.errors).length > 0 && (
            <Alert color="red" variant="light" role="alert">
              {t('system.fixErrors')}
            </Alert>
          )}
        </Stack>
      </form>
    </Modal>
  );
}
