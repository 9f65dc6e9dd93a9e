import type { Acknowledgement } from '@forvalta/contracts';
import { Modal, Select, Stack, Text, TextInput } from '@mantine/core';
import { useDebouncedValue } from '@mantine/hooks';
import { useQuery } from '@tanstack/react-query';
import { useMemo, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { isApiError } from '../../api/client.ts';
import { DateField } from '../../components/DateField.tsx';
import { fieldErrorsOf, notifyError, notifySuccess } from '../../components/error-messages.ts';
import { FormActions } from '../../components/FormActions.tsx';
import { StaleRecordAlert } from '../../components/StaleRecordAlert.tsx';
import { formatDate, todayInStockholm } from '../../i18n/format.ts';
import { acknowledgementListQuery, useRecordFromPaper } from './acknowledgements.queries.ts';

/**
 * A department head records an acknowledgement a person signed on paper: who, the day they
 * signed, and where the paper is kept. Only people still asked are offered (the server lists a
 * head's own departments only), and the record is marked as made from paper, by whom.
 */
export function PaperRecordModal({
  documentId,
  versionId,
  request: chosenRequest,
  onClose,
}: {
  documentId: string;
  versionId: string;
  request?: Acknowledgement;
  onClose: () => void;
}) {
  const { t } = useTranslation('documents');
  const today = todayInStockholm();
  const [search, setSearch] = useState('');
  const [debouncedSearch] = useDebouncedValue(search.trim(), 250);
  const [request, setRequest] = useState<Acknowledgement | null>(chosenRequest ?? null);
  const [signedOn, setSignedOn] = useState<string | null>(today);
  const [note, setNote] = useState('');
  const [errors, setErrors] = useState<Record<string, string>>({});
  const [stale, setStale] = useState(false);
  const open = useQuery({
    ...acknowledgementListQuery({
      documentId,
      versionId,
      state: 'requested',
      q: debouncedSearch || undefined,
      sort: 'personName',
      limit: 20,
    }),
    enabled: !chosenRequest,
  });
  const options = useMemo(() => {
    const found = open.data?.items ?? [];
    const all = request && !found.some((item) => item.id === request.id) ? [request, ...found] : found;
    return all.map((item) => ({ value: item.id, label: `${item.personName} (${item.departmentName ?? t('coverage.noDepartment')})` }));
  }, [open.data, request, t]);
  const record = useRecordFromPaper();
  const submit = () => {
    if (!request || !signedOn) return;
    record.mutate(
      { request, body: { signedOn, note: note.trim() || null } },
      {
        onSuccess: () => {
          notifySuccess(t('paper.recorded', { name: request.personName }));
          onClose();
        },
        onError: (error) => {
          if (isApiError(error, 'version_mismatch')) return setStale(true);
          setErrors(fieldErrorsOf(error));
          notifyError(error);
        },
      },
    );
  };
  return (
    <Modal opened onClose={onClose} title={t('paper.title')}>
      <form
        onSubmit={(event) => {
          event.preventDefault();
          submit();
        }}
      >
        <Stack>
          {stale && <StaleRecordAlert onReload={onClose} />}
          <Text size="sm">{t('paper.intro')}</Text>
          {chosenRequest ? (
            <TextInput label={t('paper.person')} value={chosenRequest.personName} readOnly />
          ) : (
            <Select
              label={t('paper.person')}
              required
              searchable
              data={options}
              value={request?.id ?? null}
              searchValue={search}
              onSearchChange={setSearch}
              // The server already searched; filtering again here would hide its matches.
              filter={({ options: all }) => all}
              nothingFoundMessage={open.isFetching ? t('paper.searching') : t('paper.nobody')}
              onChange={(value) => setRequest(open.data?.items.find((item) => item.id === value) ?? null)}
              data-autofocus
            />
          )}
          {request && (
            <Text size="sm" c="gray.7">
              {t('paper.asked', { date: formatDate(request.dueDate) })}
            </Text>
          )}
          <DateField
            label={t('paper.signedOn')}
            required
            clearable={false}
            maxDate={today}
            value={signedOn}
            onChange={setSignedOn}
            error={errors.signedOn}
          />
          <TextInput
            label={t('paper.note')}
            description={t('paper.noteHint')}
            value={note}
            maxLength={500}
            onChange={(event) => setNote(event.currentTarget.value)}
            error={errors.note}
          />
          <FormActions
            onCancel={onClose}
            cancelLabel={t('paper.cancel')}
            submitLabel={t('paper.submit')}
            loading={record.isPending}
            disabled={!request || !signedOn || stale}
          />
        </Stack>
      </form>
    </Modal>
  );
}
