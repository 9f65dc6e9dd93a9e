import { type DocumentCreate, type DocumentKind, defaultOwnerRoleOfKind, type PolicyDocument, type Role } from '@forvalta/contracts';
import { Autocomplete, Checkbox, Modal, MultiSelect, NumberInput, Select, SimpleGrid, Stack, Textarea, TextInput } from '@mantine/core';
import { useForm } from '@mantine/form';
import { useNavigate } from '@tanstack/react-router';
import { useTranslation } from 'react-i18next';
import { notifySuccess } from '../../components/error-messages.ts';
import { FormActions } from '../../components/FormActions.tsx';
import { useVersionedSave } from '../../components/VersionedForm.tsx';
import { buildDepartmentTree, flattenDepartmentTree, useAllDepartments } from '../organisation/departments/departments.queries.ts';
import { documentKindValues, documentOwnerRoleValues } from './document-values.ts';
import { documentSavedInvalidates, loadDocument, saveDocument } from './documents.queries.ts';

interface DocumentFormValues {
  kind: DocumentKind | null;
  title: string;
  description: string;
  ownerRole: Role;
  ownerBody: string;
  /** Empty on a new document: the policy pack's interval for the kind (IT policy 36 months, operations instruction 12). */
  reviewIntervalMonths: number | string;
  requiresAcknowledgement: boolean;
  audienceDepartmentIds: string[];
}

function valuesOf(document: PolicyDocument | null): DocumentFormValues {
  return {
    kind: document?.kind ?? null,
    title: document?.title ?? '',
    description: document?.description ?? '',
    ownerRole: document?.ownerRole ?? 'administrator',
    ownerBody: document?.ownerBody ?? '',
    reviewIntervalMonths: document?.reviewIntervalMonths ?? '',
    requiresAcknowledgement: document?.requiresAcknowledgement ?? true,
    audienceDepartmentIds: document?.audienceDepartmentIds ?? [],
  };
}

function bodyOf(values: DocumentFormValues): DocumentCreate {
  const interval = values.reviewIntervalMonths === '' ? undefined : Number(values.reviewIntervalMonths);
  return {
    kind: values.kind ?? 'other',
    title: values.title.trim(),
    description: values.description.trim() || null,
    ownerRole: values.ownerRole,
    ownerBody: values.ownerBody.trim() || null,
    ...(interval === undefined ? {} : { reviewIntervalMonths: interval }),
    requiresAcknowledgement: values.requiresAcknowledgement,
    audienceDepartmentIds: values.audienceDepartmentIds,
  };
}

const tooLong = (value: string, limit: number) => value.trim().length > limit;

/**
 * Creates a policy document or edits its metadata: kind (only when created: it is what the document
 * is), title, owner role and body, review interval, whether employees acknowledge it, and whom it
 * concerns. Its text lives in its versions.
 */
export function DocumentFormModal({ document, onClose }: { document: PolicyDocument | null; onClose: () => void }) {
  const { t } = useTranslation('documents');
  const navigate = useNavigate();
  const departments = useAllDepartments();
  const departmentOptions = flattenDepartmentTree(buildDepartmentTree(departments.data ?? [])).map((node) => ({
    value: node.department.id,
    label: node.department.name,
  }));
  const form = useForm<DocumentFormValues>({
    mode: 'controlled',
    initialValues: valuesOf(document),
    validate: {
      kind: (value) => (value ? null : t('form.kindRequired')),
      title: (value) => (value.trim() === '' ? t('form.titleRequired') : tooLong(value, 200) ? t('form.tooLong', { count: 200 }) : null),
      description: (value) => (tooLong(value, 4000) ? t('form.tooLong', { count: 4000 }) : null),
      ownerBody: (value) => (tooLong(value, 200) ? t('form.tooLong', { count: 200 }) : null),
      reviewIntervalMonths: (value) => {
        if (value === '') return document ? t('form.intervalRequired') : null;
        const months = Number(value);
        return Number.isInteger(months) && months >= 1 && months <= 120 ? null : t('form.intervalRange');
      },
    },
    // A new document's owner follows its kind (the IT chief the guidelines, the secretariat the e-mail rules) until chosen.
    onValuesChange: (values, previous) => {
      if (!document && values.kind && values.kind !== previous.kind && !form.isDirty('ownerRole'))
        form.setFieldValue('ownerRole', defaultOwnerRoleOfKind[values.kind]);
    },
  });
  const save = useVersionedSave({
    form,
    record: document,
    valuesOf,
    labels: {
      title: t('form.title'),
      description: t('form.description'),
      ownerRole: t('document.ownerRole'),
      ownerBody: t('document.ownerBody'),
      reviewIntervalMonths: t('form.reviewInterval'),
      requiresAcknowledgement: t('form.requiresAcknowledgement'),
      audienceDepartmentIds: t('form.audience'),
    },
    load: loadDocument,
    save: (values, version) => saveDocument(bodyOf(values), document, version),
    invalidates: documentSavedInvalidates,
    onSaved: (saved) => {
      notifySuccess(t(document ? 'form.updated' : 'form.created', { title: saved.title }));
      onClose();
      if (!document) void navigate({ to: '/documents/$documentId', params: { documentId: saved.id } });
    },
    fieldMessages: () => ({ kind: t('translation:errors.reasons.document_kind_taken'), ownerRole: t('form.ownerRoleRefused') }),
  });
  const bodySuggestions = [t('adopt.bodyBoard'), t('adopt.bodyCouncil'), t('adopt.bodyItChief'), t('form.bodySecretariat')];

  return (
    <Modal opened onClose={onClose} size="lg" title={document ? t('form.editTitle', { title: document.title }) : t('form.createTitle')}>
      <form onSubmit={save.onSubmit} noValidate>
        <Stack gap="md">
          {save.alerts}
          {document === null && (
            <Select
              label={t('form.kind')}
              description={t('form.kindHint')}
              required
              allowDeselect={false}
              data={documentKindValues.map((kind) => ({ value: kind, label: t(`kind.${kind}`) }))}
              comboboxProps={{ withinPortal: true }}
              data-autofocus
              {...form.getInputProps('kind')}
            />
          )}
          <TextInput label={t('form.title')} required data-autofocus={document !== null} {...form.getInputProps('title')} />
          <Textarea label={t('form.description')} autosize minRows={2} maxRows={6} {...form.getInputProps('description')} />
          <SimpleGrid cols={{ base: 1, sm: 2 }}>
            <Select
              label={t('document.ownerRole')}
              description={t('form.ownerRoleHint')}
              required
              allowDeselect={false}
              data={documentOwnerRoleValues.map((role) => ({ value: role, label: t(`translation:roles.${role}`) }))}
              comboboxProps={{ withinPortal: true }}
              {...form.getInputProps('ownerRole')}
            />
            <Autocomplete
              label={t('document.ownerBody')}
              description={t('form.ownerBodyHint')}
              data={bodySuggestions}
              {...form.getInputProps('ownerBody')}
            />
          </SimpleGrid>
          <NumberInput
            label={t('form.reviewInterval')}
            description={document ? t('form.reviewIntervalHint') : t('form.reviewIntervalDefaultHint')}
            required={document !== null}
            min={1}
            max={120}
            allowDecimal={false}
            allowNegative={false}
            w={{ base: '100%', sm: 260 }}
            {...form.getInputProps('reviewIntervalMonths')}
          />
          <Checkbox
            label={t('form.requiresAcknowledgement')}
            description={t('form.requiresAcknowledgementHint')}
            {...form.getInputProps('requiresAcknowledgement', { type: 'checkbox' })}
          />
          <MultiSelect
            label={t('form.audience')}
            description={t('form.audienceHint')}
            searchable
            clearable
            data={departmentOptions}
            comboboxProps={{ withinPortal: true }}
            {...form.getInputProps('audienceDepartmentIds')}
          />
          <FormActions
            onCancel={onClose}
            submitLabel={document ? t('form.save') : t('form.create')}
            loading={save.saving}
            disabled={save.stale}
          />
        </Stack>
      </form>
    </Modal>
  );
}
