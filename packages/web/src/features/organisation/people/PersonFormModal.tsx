import type { Person, PersonCreate } from '@forvalta/contracts';
import { FormActions } from '../../../components/FormActions.tsx';
import { Checkbox, Modal, SimpleGrid, Stack, TextInput } from '@mantine/core';
import { useForm } from '@mantine/form';
import { useTranslation } from 'react-i18next';
import { isApiError } from '../../../api/client.ts';
import { DateField } from '../../../components/DateField.tsx';
import { notifySuccess } from '../../../components/error-messages.ts';
import { useVersionedSave } from '../../../components/VersionedForm.tsx';
import { DepartmentSelect } from '../departments/DepartmentSelect.tsx';
import { loadPerson, personChangeInvalidates, savePerson } from './people.queries.ts';

interface PersonFormValues {
  firstName: string;
  lastName: string;
  email: string;
  departmentId: string | null;
  title: string;
  employeeNumber: string;
  startDate: string | null;
  hasPersonalMailbox: boolean;
}

function valuesOf(person: Person | null): PersonFormValues {
  return {
    firstName: person?.firstName ?? '',
    lastName: person?.lastName ?? '',
    email: person?.email ?? '',
    departmentId: person?.departmentId ?? null,
    title: person?.title ?? '',
    employeeNumber: person?.employeeNumber ?? '',
    startDate: person?.startDate ?? null,
    hasPersonalMailbox: person?.hasPersonalMailbox ?? false,
  };
}

function bodyOf(values: PersonFormValues): PersonCreate {
  return {
    firstName: values.firstName.trim(),
    lastName: values.lastName.trim(),
    email: values.email.trim(),
    departmentId: values.departmentId,
    title: values.title.trim() === '' ? null : values.title.trim(),
    employeeNumber: values.employeeNumber.trim() === '' ? null : values.employeeNumber.trim(),
    startDate: values.startDate || null,
    hasPersonalMailbox: values.hasPersonalMailbox,
  };
}

/** Creates a person, or edits one; leaving is a separate action (people are never deleted). */
export function PersonFormModal({ person, onClose }: { person: Person | null; onClose: () => void }) {
  const { t } = useTranslation();

  const required = (maxLength: number) => (value: string) =>
    value.trim() === '' ? t('common.required') : value.trim().length > maxLength ? t('common.tooLong') : null;
  const form = useForm<PersonFormValues>({
    mode: 'controlled',
    initialValues: valuesOf(person),
    validate: {
      firstName: required(80),
      lastName: required(80),
      email: (value) => (/^[^\s@]+@[^\s@]+\.[^\s@]+$/.test(value.trim()) ? null : t('common.invalidEmail')),
      title: (value) => (value.trim().length > 120 ? t('common.tooLong') : null),
      employeeNumber: (value) => (value.trim().length > 40 ? t('common.tooLong') : null),
    },
  });

  const save = useVersionedSave({
    form,
    record: person,
    valuesOf,
    labels: {
      firstName: t('people.firstName'),
      lastName: t('people.lastName'),
      email: t('people.email'),
      departmentId: t('people.department'),
      title: t('people.jobTitle'),
      employeeNumber: t('people.employeeNumber'),
      startDate: t('people.startDate'),
      hasPersonalMailbox: t('people.hasPersonalMailbox'),
    },
    load: loadPerson,
    save: (values, version) => savePerson(bodyOf(values), person, version),
    invalidates: personChangeInvalidates,
    onSaved: (saved) => {
      notifySuccess(t(person ? 'people.updated' : 'people.created', { name: `${saved.firstName} ${saved.lastName}` }));
      onClose();
    },
    fieldMessages: (error) => ({
      email: isApiError(error, 'conflict') ? t('people.emailTaken') : t('common.invalidEmail'),
      employeeNumber: isApiError(error, 'conflict') ? t('people.employeeNumberTaken') : t('common.tooLong'),
    }),
  });

  return (
    <Modal
      opened
      onClose={onClose}
      size="lg"
      title={person ? t('people.editTitle', { name: `${person.firstName} ${person.lastName}` }) : t('people.createTitle')}
    >
      <form onSubmit={save.onSubmit} noValidate>
        <Stack gap="md">
          {save.alerts}
          <SimpleGrid cols={{ base: 1, sm: 2 }}>
            <TextInput label={t('people.firstName')} required data-autofocus autoComplete="off" {...form.getInputProps('firstName')} />
            <TextInput label={t('people.lastName')} required autoComplete="off" {...form.getInputProps('lastName')} />
          </SimpleGrid>
          <TextInput label={t('people.email')} type="email" required autoComplete="off" {...form.getInputProps('email')} />
          <DepartmentSelect label={t('people.department')} placeholder={t('people.noDepartment')} {...form.getInputProps('departmentId')} />
          <SimpleGrid cols={{ base: 1, sm: 2 }}>
            <TextInput label={t('people.jobTitle')} description={t('common.optional')} {...form.getInputProps('title')} />
            <TextInput
              label={t('people.employeeNumber')}
              description={t('people.employeeNumberHint')}
              autoComplete="off"
              {...form.getInputProps('employeeNumber')}
            />
          </SimpleGrid>
          <DateField label={t('people.startDate')} description={t('common.optional')} {...form.getInputProps('startDate')} />
          <Checkbox
            label={t('people.hasPersonalMailbox')}
            description={t('people.hasPersonalMailboxHint')}
            {...form.getInputProps('hasPersonalMailbox', { type: 'checkbox' })}
          />
          <FormActions onCancel={onClose} mt="sm" loading={save.saving} disabled={save.stale} />
        </Stack>
      </form>
    </Modal>
  );
}
