import type { ApiTokenCreated } from '@forvalta/contracts';
import { FormActions } from '../../components/FormActions.tsx';
import { SecretShownOnce } from '../../components/SecretShownOnce.tsx';
import { Modal, Stack, Text, TextInput } from '@mantine/core';
import { useForm } from '@mantine/form';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { DateField } from '../../components/DateField.tsx';
import { fieldErrorsOf, notifyError } from '../../components/error-messages.ts';
import { stockholmDayStart, todayInStockholm } from '../../i18n/format.ts';
import { useCreateToken } from './tokens.queries.ts';

/** Creates a token and shows its secret once, with a copy button; afterwards only its prefix is known. */
export function CreateTokenModal({ onClose }: { onClose: () => void }) {
  const { t } = useTranslation();
  const [created, setCreated] = useState<ApiTokenCreated | null>(null);
  const form = useForm<{ name: string; expiresOn: string | null }>({
    mode: 'controlled',
    initialValues: { name: '', expiresOn: null },
    validate: {
      name: (value) => (value.trim() === '' ? t('common.required') : value.trim().length > 80 ? t('common.tooLong') : null),
    },
  });

  const create = useCreateToken();
  const submit = (values: { name: string; expiresOn: string | null }) =>
    create.mutate(
      {
        name: values.name.trim(),
        // "Giltig till och med" a date: the token ends when that Stockholm day ends.
        expiresAt: values.expiresOn ? stockholmDayStart(values.expiresOn, 1) : null,
      },
      {
        onSuccess: setCreated,
        onError: (error) => {
          form.setErrors(fieldErrorsOf(error));
          notifyError(error);
        },
      },
    );

  return (
    <Modal
      opened
      onClose={onClose}
      title={created ? t('tokens.shownOnceTitle') : t('tokens.createTitle')}
      size="lg"
      // Closing by accident would lose the secret for good.
      closeOnClickOutside={!created}
    >
      {created ? (
        <SecretShownOnce
          warning={t('tokens.shownOnceWarning')}
          usage={t('tokens.usage')}
          label={t('tokens.tokenLabel')}
          secret={created.token}
          texts={{ copy: t('tokens.copy'), copied: t('tokens.copied'), done: t('tokens.done') }}
          onDone={onClose}
        />
      ) : (
        <form onSubmit={form.onSubmit(submit)} noValidate>
          <Stack gap="md">
            <TextInput
              label={t('tokens.name')}
              description={t('tokens.nameHint')}
              required
              data-autofocus
              {...form.getInputProps('name')}
            />
            <DateField
              label={t('tokens.expiresAt')}
              description={t('tokens.expiresHint')}
              minDate={todayInStockholm()}
              {...form.getInputProps('expiresOn')}
            />
            <Text size="sm" c="gray.7">
              {t('tokens.intro')}
            </Text>
            <FormActions onCancel={onClose} submitLabel={t('common.create')} loading={create.isPending} />
          </Stack>
        </form>
      )}
    </Modal>
  );
}
