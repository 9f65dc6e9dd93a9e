import type { AssetModel } from '@forvalta/contracts';
import { Modal, SimpleGrid, Stack, Text } from '@mantine/core';
import { useQueryClient } from '@tanstack/react-query';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { isApiError } from '../../api/client.ts';
import { DateField } from '../../components/DateField.tsx';
import { notifyError, notifySuccess } from '../../components/error-messages.ts';
import { FormActions } from '../../components/FormActions.tsx';
import { StaleRecordAlert } from '../../components/StaleRecordAlert.tsx';
import { todayInStockholm } from '../../i18n/format.ts';
import { assetModelKeys, useApproveAssetModel } from './assets.queries.ts';

/**
 * The IT chief approves a model for the standard catalogue for a period (ITP-6-STANDARD): from a
 * day, until a day or further notice. Ending it is an "until" in the past; the server keeps who and when.
 */
export function ApproveModelModal({ model, onClose }: { model: AssetModel; onClose: () => void }) {
  const { t } = useTranslation('assets');
  const queryClient = useQueryClient();
  const [from, setFrom] = useState<string | null>(model.approvedFrom ?? todayInStockholm());
  const [until, setUntil] = useState<string | null>(model.approvedUntil);
  const [stale, setStale] = useState(false);
  const [error, setError] = useState<string | null>(null);
  const approve = useApproveAssetModel(model);
  const submit = () => {
    if (!from) return setError(t('translation:common.required'));
    if (until && until < from) return setError(t('approve.untilBeforeFrom'));
    setError(null);
    approve.mutate(
      { approvedFrom: from, approvedUntil: until },
      {
        onSuccess: (saved) => {
          notifySuccess(t('approve.approved', { name: saved.name }));
          onClose();
        },
        onError: (failure) => (isApiError(failure, 'version_mismatch') ? setStale(true) : notifyError(failure)),
      },
    );
  };
  return (
    <Modal opened onClose={onClose} title={t('approve.title', { name: model.name })}>
      <form
        onSubmit={(event) => {
          event.preventDefault();
          submit();
        }}
        noValidate
      >
        <Stack gap="md">
          {stale && (
            <StaleRecordAlert
              onReload={() => {
                void queryClient.invalidateQueries({ queryKey: assetModelKeys.all });
                onClose();
              }}
            />
          )}
          <Text size="sm">{t('approve.intro')}</Text>
          <SimpleGrid cols={{ base: 1, sm: 2 }}>
            <DateField label={t('approve.from')} required value={from} onChange={(value) => setFrom(value)} error={error} />
            <DateField
              label={t('approve.until')}
              description={t('approve.untilHint')}
              value={until}
              onChange={(value) => setUntil(value)}
            />
          </SimpleGrid>
          {/* The focus goes to the button, not to a date: a focused date field opens its calendar over the form. */}
          <FormActions onCancel={onClose} submitLabel={t('approve.submit')} loading={approve.isPending} disabled={stale} data-autofocus />
        </Stack>
      </form>
    </Modal>
  );
}
