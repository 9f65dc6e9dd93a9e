import type { Person, PersonCreate } from '@forvalta/contracts';
import { Button, Group, Modal, SimpleGrid, Stack, TextInput } from '@mantine/core';
import { useForm } from '@mantine/form';
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { legacyApi, isApiError } from '../../../api/client.ts';
import { DateField } from '../../../components/DateField.tsx';
import { fieldErrorsOf, notifyError, notifySuccess } from '../../../components/error-messages.ts';
import { StaleRecordAlert } from '../../../components/StaleRecordAlert.tsx';
import { DepartmentSelect } from '../departments/DepartmentSelect.tsx';

interface PersonFormValues {
  firstName: string;
  lastName: string;
  email: string;
  departmentId: string | null;
  title: string;
  startDate: string | null;
}

function valuesOf(person: Person | null): PersonFormValues {
  return {
    firstName: person?.firstName ?? '',
    lastName: person?.lastName ?? '',
    email: person?.email ?? '',
    departmentId: person?.departmentId ?? null,
    title: person?.title ?? '',
    startDate: person?.startDate ?? null,
  };
}

/** Creates a person, or edits one; leaving is a separate action (people are never deleted). */
export function PersonFormModal({ person, onClose }: { person: Person | null; onClose: () => void }) {
  const { t } = useTranslation();
  const queryClient = useQueryClient();
  const [editedVersion, setEditedVersion] = useState(person?.version ?? 0);
  const [stale, setStale] = useState(false);

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
    },
  });

  const save = useMutation({
    mutationFn: (values: PersonFormValues) => {
      const body: PersonCreate = {
        firstName: values.firstName.trim(),
        lastName: values.lastName.trim(),
        email: values.email.trim(),
        departmentId: values.departmentId,
        title: values.title.trim() === '' ? null : values.title.trim(),
        startDate: values.startDate || null,
      };
      return person ? legacyApi.patch<Person>(`/people/${person.id}`, editedVersion, body) : legacyApi.post<Person>('/people', body);
    },
    onSuccess: (saved) => {
      notifySuccess(t(person ? 'people.updated' : 'people.created', { name: `${saved.firstName} ${saved.lastName}` }));
      void queryClient.invalidateQueries({ queryKey: ['people'] });
      // Department head counts include this person.
      void queryClient.invalidateQueries({ queryKey: ['departments'] });
      onClose();
    },
    onError: (error) => {
      if (isApiError(error, 'version_mismatch')) return setStale(true);
      form.setErrors(fieldErrorsOf(error, { email: isApiError(error, 'conflict') ? t('people.emailTaken') : t('common.invalidEmail') }));
      notifyError(error);
    },
  });

  const reload = async () => {
    if (!person) return;
    const fresh = await legacyApi.get<Person>(`/people/${person.id}`);
    form.setValues(valuesOf(fresh));
    setEditedVersion(fresh.version);
    setStale(false);
  };

  return (
    <Modal
      opened
      onClose={onClose}
      size="lg"
      title={person ? t('people.editTitle', { name: `${person.firstName} ${person.lastName}` }) : t('people.createTitle')}
    >
      <form onSubmit={form.onSubmit((values) => save.mutate(values))} noValidate>
        <Stack gap="md">
          {stale && <StaleRecordAlert onReload={() => void reload().catch(notifyError)} />}
          <SimpleGrid cols={{ base: 1, sm: 2 }}>
            <TextInput label={t('people.firstName')} required data-autofocus autoComplete="off" {...form.getInputProps('firstName')} />
            <TextInput label={t('people.lastName')} required autoComplete="off" {...form.getInputProps('lastName')} />
          </SimpleGrid>
          <TextInput label={t('people.email')} type="email" required autoComplete="off" {...form.getInputProps('email')} />
          <DepartmentSelect label={t('people.department')} placeholder={t('people.noDepartment')} {...form.getInputProps('departmentId')} />
          <TextInput label={t('people.jobTitle')} description={t('common.optional')} {...form.getInputProps('title')} />
          <DateField label={t('people.startDate')} description={t('common.optional')} {...form.getInputProps('startDate')} />
          <Group justify="flex-end" mt="sm">
            <Button variant="default" onClick={onClose}>
              {t('common.cancel')}
            </Button>
            <Button type="submit" loading={save.isPending} disabled={stale}>
              {t('common.save')}
            </Button>
          </Group>
        </Stack>
      </form>
    </Modal>
  );
}
