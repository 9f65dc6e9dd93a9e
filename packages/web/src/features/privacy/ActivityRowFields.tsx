import { Button, CloseButton, Group, Stack, Text, TextInput } from '@mantine/core';
import type { UseFormReturnType } from '@mantine/form';
import { useTranslation } from 'react-i18next';
import { DateField } from '../../components/DateField.tsx';
import { useRowKeys } from '../../components/stable-keys.ts';
import type { ActivityFormValues } from './processing-form-model.ts';

type ActivityForm = UseFormReturnType<ActivityFormValues>;

/** The processors (personuppgiftsbiträden), each with its agreement's signing and expiry dates. */
export function ProcessorRows({ form }: { form: ActivityForm }) {
  const { t } = useTranslation('privacy');
  const processors = form.getValues().processors;
  const keys = useRowKeys(processors);
  return (
    <Stack gap="sm">
      {processors.length === 0 && <Text size="sm">{t('form.noProcessors')}</Text>}
      {processors.map((processor, index) => (
        <Group key={keys[index]} align="flex-start" gap="sm" wrap="wrap">
          <TextInput
            label={t('form.processorName', { number: index + 1 })}
            w={{ base: '100%', sm: 240 }}
            {...form.getInputProps(`processors.${index}.name`)}
          />
          <DateField label={t('record.agreementSignedOn')} w={170} {...form.getInputProps(`processors.${index}.agreementSignedOn`)} />
          <DateField label={t('record.agreementExpiresOn')} w={170} {...form.getInputProps(`processors.${index}.agreementExpiresOn`)} />
          <CloseButton
            mt={28}
            aria-label={t('form.removeProcessor', { name: processor.name || t('form.processorName', { number: index + 1 }) })}
            onClick={() => form.removeListItem('processors', index)}
          />
        </Group>
      ))}
      <Button
        variant="default"
        size="compact-sm"
        w="fit-content"
        onClick={() => form.insertListItem('processors', { name: '', agreementSignedOn: null, agreementExpiresOn: null })}
      >
        {t('form.addProcessor')}
      </Button>
    </Stack>
  );
}

/** Transfers to third countries (art. 44–49), each with its safeguard. */
export function TransferRows({ form }: { form: ActivityForm }) {
  const { t } = useTranslation('privacy');
  const transfers = form.getValues().thirdCountryTransfers;
  const keys = useRowKeys(transfers);
  return (
    <Stack gap="sm">
      <Text size="sm" fw={500}>
        {t('record.transfers')}
      </Text>
      {transfers.length === 0 && <Text size="sm">{t('form.noTransfers')}</Text>}
      {transfers.map((transfer, index) => (
        <Group key={keys[index]} align="flex-start" gap="sm" wrap="wrap">
          <TextInput
            label={t('form.transferCountry', { number: index + 1 })}
            w={{ base: '100%', sm: 200 }}
            {...form.getInputProps(`thirdCountryTransfers.${index}.country`)}
          />
          <TextInput
            label={t('record.safeguard')}
            description={t('form.safeguardHint')}
            w={{ base: '100%', sm: 320 }}
            {...form.getInputProps(`thirdCountryTransfers.${index}.safeguard`)}
          />
          <CloseButton
            mt={28}
            aria-label={t('form.removeTransfer', { country: transfer.country || t('form.transferCountry', { number: index + 1 }) })}
            onClick={() => form.removeListItem('thirdCountryTransfers', index)}
          />
        </Group>
      ))}
      <Button
        variant="default"
        size="compact-sm"
        w="fit-content"
        onClick={() => form.insertListItem('thirdCountryTransfers', { country: '', safeguard: '' })}
      >
        {t('form.addTransfer')}
      </Button>
    </Stack>
  );
}
