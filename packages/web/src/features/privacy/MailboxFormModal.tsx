import type { Mailbox, MailboxCreate, WatchFrequency } from '@forvalta/contracts';
import { Button, Checkbox, CloseButton, Group, Modal, Select, SimpleGrid, Stack, Text, Textarea, TextInput } from '@mantine/core';
import { useForm } from '@mantine/form';
import { useTranslation } from 'react-i18next';
import { notifySuccess } from '../../components/error-messages.ts';
import { FormActions } from '../../components/FormActions.tsx';
import { useRowKeys } from '../../components/stable-keys.ts';
import { useVersionedSave } from '../../components/VersionedForm.tsx';
import { DepartmentSelect } from '../organisation/departments/DepartmentSelect.tsx';
import { PersonField } from '../risks/PersonField.tsx';
import type { PersonDraft } from '../risks/risk-form-model.ts';
import { watchFrequencyValues } from './privacy-values.ts';
import { loadMailbox, mailboxSavedInvalidates, saveMailbox } from './privacy.queries.ts';

interface MailboxFormValues {
  address: string;
  departmentId: string | null;
  purpose: string;
  responsible: PersonDraft;
  deputies: PersonDraft[];
  watchFrequency: WatchFrequency;
  receivesOfficialDocuments: boolean;
}

const saved = (person: { id: string; name: string } | null): PersonDraft =>
  person
    ? { personId: person.id, savedPersonId: person.id, savedName: person.name }
    : { personId: null, savedPersonId: null, savedName: null };

function valuesOf(mailbox: Mailbox | null): MailboxFormValues {
  return {
    address: mailbox?.address ?? '',
    departmentId: mailbox?.departmentId ?? null,
    purpose: mailbox?.purpose ?? '',
    responsible: saved(mailbox?.responsible ?? null),
    deputies: mailbox?.deputies.map(saved) ?? [],
    watchFrequency: mailbox?.watchFrequency ?? 'daily',
    receivesOfficialDocuments: mailbox?.receivesOfficialDocuments ?? true,
  };
}

function bodyOf(values: MailboxFormValues): MailboxCreate {
  const deputies = values.deputies.map((deputy) => deputy.personId).filter((id): id is string => id !== null);
  return {
    address: values.address.trim(),
    departmentId: values.departmentId ?? '',
    purpose: values.purpose.trim() || null,
    responsiblePersonId: values.responsible.personId,
    deputyPersonIds: [...new Set(deputies)],
    watchFrequency: values.watchFrequency,
    receivesOfficialDocuments: values.receivesOfficialDocuments,
  };
}

const addressPattern = /^[^\s@]+@[^\s@]+\.[^\s@]+$/;

/**
 * Creates or edits a functional mailbox (the secretariat's): its address, department, who watches
 * it and who stands in. It may be saved without a deputy; ITP-8-MAILBOX then fails for it, and
 * the form says so before saving.
 */
export function MailboxFormModal({ mailbox, onClose }: { mailbox: Mailbox | null; onClose: () => void }) {
  const { t } = useTranslation('privacy');
  const required = t('translation:common.required');
  const form = useForm<MailboxFormValues>({
    mode: 'controlled',
    initialValues: valuesOf(mailbox),
    validate: {
      address: (value) => (value.trim() === '' ? required : addressPattern.test(value.trim()) ? null : t('mailboxForm.addressInvalid')),
      departmentId: (value) => (value ? null : required),
      purpose: (value) => (value.trim().length > 1000 ? t('form.tooLong', { count: 1000 }) : null),
    },
  });
  const save = useVersionedSave({
    form,
    record: mailbox,
    valuesOf,
    labels: {
      address: t('mailboxes.address'),
      departmentId: t('mailboxes.department'),
      responsible: t('mailboxes.responsible'),
      deputies: t('mailboxes.deputies'),
    },
    load: loadMailbox,
    save: (values, version) => saveMailbox(bodyOf(values), mailbox, version),
    invalidates: mailboxSavedInvalidates,
    onSaved: (result) => {
      notifySuccess(t(mailbox ? 'mailboxForm.updated' : 'mailboxForm.created', { address: result.address }));
      onClose();
    },
    fieldMessages: () => ({ address: t('mailboxForm.addressTaken') }),
  });
  const values = form.getValues();
  const keys = useRowKeys(values.deputies);
  const noDeputy = values.deputies.every((deputy) => deputy.personId === null || deputy.personId === values.responsible.personId);

  return (
    <Modal
      opened
      onClose={onClose}
      size="lg"
      title={mailbox ? t('mailboxForm.editTitle', { address: mailbox.address }) : t('mailboxForm.createTitle')}
    >
      <form onSubmit={save.onSubmit} noValidate>
        <Stack gap="md">
          {save.alerts}
          <SimpleGrid cols={{ base: 1, sm: 2 }}>
            <TextInput label={t('mailboxes.address')} type="email" required data-autofocus {...form.getInputProps('address')} />
            <DepartmentSelect
              label={t('mailboxes.department')}
              required
              clearable={false}
              comboboxProps={{ withinPortal: true }}
              {...form.getInputProps('departmentId')}
            />
          </SimpleGrid>
          <Textarea label={t('mailboxes.purpose')} autosize minRows={2} maxRows={5} {...form.getInputProps('purpose')} />
          <PersonField
            label={t('mailboxes.responsible')}
            value={values.responsible}
            onChange={(next) => form.setFieldValue('responsible', next)}
          />
          <Stack gap="xs">
            {values.deputies.map((deputy, index) => (
              <Group key={keys[index]} align="flex-end" gap="xs" wrap="nowrap">
                <PersonField
                  label={t('mailboxForm.deputy', { number: index + 1 })}
                  value={deputy}
                  onChange={(next) => form.setFieldValue(`deputies.${index}`, next)}
                  w="100%"
                />
                <CloseButton
                  mb={6}
                  aria-label={t('mailboxForm.removeDeputy', { number: index + 1 })}
                  onClick={() => form.removeListItem('deputies', index)}
                />
              </Group>
            ))}
            <Button
              variant="default"
              size="compact-sm"
              w="fit-content"
              onClick={() => form.insertListItem('deputies', { personId: null, savedPersonId: null, savedName: null })}
            >
              {t('mailboxForm.addDeputy')}
            </Button>
            {noDeputy && (
              <Text size="sm" c="#9a3f00" role="status">
                {t('mailboxForm.noDeputyWarning')}
              </Text>
            )}
          </Stack>
          <SimpleGrid cols={{ base: 1, sm: 2 }}>
            <Select
              label={t('mailboxes.watchFrequency')}
              allowDeselect={false}
              data={watchFrequencyValues.map((value) => ({ value, label: t(`watchFrequency.${value}`) }))}
              comboboxProps={{ withinPortal: true }}
              {...form.getInputProps('watchFrequency')}
            />
            <Checkbox
              mt={{ sm: 28 }}
              label={t('mailboxes.receivesOfficialDocuments')}
              description={t('mailboxForm.officialDocumentsHint')}
              {...form.getInputProps('receivesOfficialDocuments', { type: 'checkbox' })}
            />
          </SimpleGrid>
          <FormActions
            onCancel={onClose}
            submitLabel={mailbox ? t('form.save') : t('form.create')}
            loading={save.saving}
            disabled={save.stale}
          />
        </Stack>
      </form>
    </Modal>
  );
}
