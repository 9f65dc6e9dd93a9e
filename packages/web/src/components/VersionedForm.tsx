import { Alert, Text } from '@mantine/core';
import type { UseFormReturnType } from '@mantine/form';
import { type QueryKey, useMutation, useQueryClient } from '@tanstack/react-query';
import { type FormEvent, type ReactNode, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { isApiError } from '../api/client.ts';
import { fieldErrorsOf, notifyError } from './error-messages.ts';
import { StaleRecordAlert } from './StaleRecordAlert.tsx';
import { mergeAfterReload } from './versioned-form.ts';

interface VersionedSaveOptions<Saved extends { version: number }, Values extends object> {
  form: UseFormReturnType<Values>;
  /** The record being edited; null when the form creates one. */
  record: Saved | null;
  valuesOf: (record: Saved | null) => Values;
  /** The field names the "changed meanwhile" message uses. */
  labels: Partial<Record<keyof Values & string, string>>;
  /** Reads the record again (after a 412). */
  load: (record: Saved) => Promise<Saved>;
  /** Creates (version undefined) or updates with If-Match on the version the user edited. */
  save: (values: Values, version: number | undefined) => Promise<Saved>;
  /** The query keys the saved record appears under (from the feature's key factory). */
  invalidates: readonly QueryKey[];
  onSaved: (saved: Saved) => void;
  /** Field messages for this form's conflicts (a taken e-mail, code, …) by field name. */
  fieldMessages?: (error: unknown) => Record<string, string>;
}

/**
 * The one way a form saves a versioned record. A 412 (someone saved it after it was opened here)
 * shows the reload alert; reloading takes the other person's changes into the form, keeps the
 * user's other edits, and names the fields that changed, so nothing is overwritten unseen.
 */
export function useVersionedSave<Saved extends { version: number }, Values extends object>(options: VersionedSaveOptions<Saved, Values>) {
  const { t } = useTranslation();
  const queryClient = useQueryClient();
  const [opened, setOpened] = useState(options.record);
  const [stale, setStale] = useState(false);
  const [changed, setChanged] = useState<string[] | null>(null);

  const mutation = useMutation({
    mutationFn: (values: Values) => options.save(values, opened?.version),
    onSuccess: (saved) => {
      for (const queryKey of options.invalidates) void queryClient.invalidateQueries({ queryKey });
      options.onSaved(saved);
    },
    onError: (error) => {
      if (isApiError(error, 'version_mismatch')) return setStale(true);
      options.form.setErrors(fieldErrorsOf(error, options.fieldMessages?.(error) ?? {}));
      notifyError(error);
    },
  });

  const reload = async () => {
    if (!opened) return;
    const fresh = await options.load(opened);
    const merged = mergeAfterReload(options.valuesOf(opened), options.valuesOf(fresh), options.form.getValues());
    options.form.setValues(merged.values);
    setOpened(fresh);
    setStale(false);
    setChanged(merged.changed.map((field) => options.labels[field] ?? field));
  };

  const alerts: ReactNode = stale ? (
    <StaleRecordAlert onReload={() => void reload().catch(notifyError)} />
  ) : changed ? (
    <Alert color="blue" variant="light" role="status">
      <Text size="sm">
        {changed.length > 0 ? t('forms.reloadedChanged', { fields: changed.join(', ') }) : t('forms.reloadedUnchanged')}
      </Text>
    </Alert>
  ) : null;

  return {
    onSubmit: (event?: FormEvent<HTMLFormElement>) => options.form.onSubmit((values) => mutation.mutate(values))(event),
    saving: mutation.isPending,
    stale,
    alerts,
  };
}
