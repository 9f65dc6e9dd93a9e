import type { ChangeNotice, ChangeNoticeCreate } from '@forvalta/contracts';
import { FormActions } from '../../components/FormActions.tsx';
import { Checkbox, Modal, MultiSelect, NativeSelect, Stack, Textarea, TextInput } from '@mantine/core';
import { useQueryClient } from '@tanstack/react-query';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { isApiError } from '../../api/client.ts';
import { DateField } from '../../components/DateField.tsx';
import { fieldErrorsOf, notifyError, notifySuccess } from '../../components/error-messages.ts';
import { StaleRecordAlert } from '../../components/StaleRecordAlert.tsx';
import { useSystemOptions } from '../systems/systems.queries.ts';
import { changeNoticeKeys, useAcknowledgeNotice, useCreateNotice } from './change-notices.queries.ts';

/** The IT unit takes note of a notice (§4.2.2); the version it saw goes along as If-Match. */
export function AcknowledgeModal({ notice, onClose }: { notice: ChangeNotice; onClose: () => void }) {
  const { t } = useTranslation('lifecycle');
  const queryClient = useQueryClient();
  const [note, setNote] = useState('');
  const [stale, setStale] = useState(false);
  const acknowledge = useAcknowledgeNotice(notice);
  const submit = () =>
    acknowledge.mutate(note, {
      onSuccess: () => {
        notifySuccess(t('notices.acknowledged'));
        onClose();
      },
      onError: (error) => (isApiError(error, 'version_mismatch') ? setStale(true) : notifyError(error)),
    });
  return (
    <Modal opened onClose={onClose} title={t('notices.acknowledgeTitle', { title: notice.title })}>
      <form
        onSubmit={(event) => {
          event.preventDefault();
          submit();
        }}
      >
        <Stack>
          {stale && (
            <StaleRecordAlert
              onReload={() => {
                void queryClient.invalidateQueries({ queryKey: changeNoticeKeys.all });
                onClose();
              }}
            />
          )}
          <Textarea
            label={t('notices.acknowledgeNote')}
            value={note}
            onChange={(event) => setNote(event.currentTarget.value)}
            autosize
            minRows={2}
            data-autofocus
          />
          <FormActions
            onCancel={onClose}
            cancelLabel={t('notices.cancel')}
            submitLabel={t('notices.acknowledge')}
            loading={acknowledge.isPending}
            disabled={stale}
          />
        </Stack>
      </form>
    </Modal>
  );
}

/** A planned change reported by hand: to the IT unit, and to adjacent systems' managers when integrations are touched. */
export function ChangeNoticeCreateModal({ onClose }: { onClose: () => void }) {
  const { t } = useTranslation('lifecycle');
  const systems = useSystemOptions();
  const [kind, setKind] = useState<'operation' | 'responsibility'>('operation');
  const [title, setTitle] = useState('');
  const [description, setDescription] = useState('');
  const [plannedOn, setPlannedOn] = useState<string | null>(null);
  const [systemIds, setSystemIds] = useState<string[]>([]);
  const [touchesIntegrations, setTouchesIntegrations] = useState(false);
  const [errors, setErrors] = useState<Record<string, string>>({});
  const create = useCreateNotice();
  const createNotice = (body: ChangeNoticeCreate) =>
    create.mutate(body, {
      onSuccess: () => {
        notifySuccess(t('notices.created'));
        onClose();
      },
      onError: (error) => {
        const fields = fieldErrorsOf(error);
        if (Object.keys(fields).length > 0) setErrors(fields);
        else notifyError(error);
      },
    });
  return (
    <Modal opened onClose={onClose} title={t('notices.createTitle')} size="lg">
      <form
        onSubmit={(event) => {
          event.preventDefault();
          createNotice({ kind, title: title.trim(), description: description.trim() || null, plannedOn, systemIds, touchesIntegrations });
        }}
      >
        <Stack>
          <NativeSelect
            label={t('notices.kind')}
            value={kind}
            onChange={(event) => setKind(event.currentTarget.value as typeof kind)}
            data={(['operation', 'responsibility'] as const).map((value) => ({ value, label: t(`noticeKind.${value}`) }))}
          />
          <TextInput
            label={t('notices.titleLabel')}
            required
            value={title}
            onChange={(event) => setTitle(event.currentTarget.value)}
            error={errors.title}
          />
          <Textarea
            label={t('notices.description')}
            value={description}
            onChange={(event) => setDescription(event.currentTarget.value)}
            autosize
            minRows={2}
          />
          <DateField label={t('notices.plannedOn')} value={plannedOn} onChange={setPlannedOn} />
          <MultiSelect
            label={t('notices.systems')}
            required
            searchable
            value={systemIds}
            onChange={setSystemIds}
            error={errors.systemIds}
            data={(systems.data?.items ?? []).map((system) => ({ value: system.id, label: system.name }))}
          />
          <Checkbox
            label={t('notices.touchesIntegrations')}
            checked={touchesIntegrations}
            onChange={(event) => setTouchesIntegrations(event.currentTarget.checked)}
          />
          <FormActions
            onCancel={onClose}
            cancelLabel={t('notices.cancel')}
            submitLabel={t('notices.save')}
            loading={create.isPending}
            disabled={!title.trim() || systemIds.length === 0}
          />
        </Stack>
      </form>
    </Modal>
  );
}
