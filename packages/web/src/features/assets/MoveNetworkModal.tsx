import type { Asset, AssetNetwork } from '@forvalta/contracts';
import { Modal, Select, Stack, Text } from '@mantine/core';
import { useQueryClient } from '@tanstack/react-query';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { api, isApiError } from '../../api/client.ts';
import { useApiMutation } from '../../api/mutations.ts';
import { notifyError, notifySuccess } from '../../components/error-messages.ts';
import { FormActions } from '../../components/FormActions.tsx';
import { StaleRecordAlert } from '../../components/StaleRecordAlert.tsx';
import { assetNetworkValues } from './asset-values.ts';
import { assetKeys, assetSavedInvalidates } from './assets.queries.ts';

/**
 * Moves the asset to another network: the server closes the open period and opens one for the new
 * network, so the history of §6's "ever on the town-hall network" is kept. If-Match on the version seen.
 */
export function MoveNetworkModal({ asset, onClose }: { asset: Asset; onClose: () => void }) {
  const { t } = useTranslation('assets');
  const [network, setNetwork] = useState<AssetNetwork | null>(null);
  const [stale, setStale] = useState(false);
  const queryClient = useQueryClient();
  // Someone saved the asset meanwhile: read it again and start over from what it is now.
  const reload = () => {
    void queryClient.invalidateQueries({ queryKey: assetKeys.detail(asset.id) });
    onClose();
  };
  const move = useApiMutation(
    (target: AssetNetwork) => api.patch('/assets/:id', { params: { id: asset.id }, version: asset.version, body: { network: target } }),
    assetSavedInvalidates,
    {
      onSuccess: (saved) => {
        notifySuccess(t('move.moved', { label: saved.label, network: t(`network.${saved.network ?? 'none'}`) }));
        onClose();
      },
      onError: (error) => (isApiError(error, 'version_mismatch') ? setStale(true) : notifyError(error)),
    },
  );
  const options = assetNetworkValues.filter((value) => value !== asset.network).map((value) => ({ value, label: t(`network.${value}`) }));
  return (
    <Modal opened onClose={onClose} title={t('move.title', { label: asset.label })}>
      <form
        onSubmit={(event) => {
          event.preventDefault();
          if (network) move.mutate(network);
        }}
        noValidate
      >
        <Stack gap="md">
          {stale && <StaleRecordAlert onReload={reload} />}
          <Text size="sm">{t('move.now', { network: t(`network.${asset.network ?? 'none'}`) })}</Text>
          <Select
            label={t('move.to')}
            required
            data-autofocus
            data={options}
            value={network}
            onChange={(value) => setNetwork(value as AssetNetwork | null)}
            comboboxProps={{ withinPortal: true }}
          />
          {network === 'town_hall' && asset.ownerKind !== 'it_unit' && (
            <Text size="sm" c="red.9">
              {t('move.townHallOwner')}
            </Text>
          )}
          {network === 'town_hall' && asset.ownerKind === 'it_unit' && <Text size="sm">{t('move.townHallHint')}</Text>}
          <FormActions onCancel={onClose} submitLabel={t('move.submit')} loading={move.isPending} disabled={!network || stale} />
        </Stack>
      </form>
    </Modal>
  );
}
