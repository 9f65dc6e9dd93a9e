import { notifications } from '@mantine/notifications';
import { useCallback } from 'react';
import { useTranslation } from 'react-i18next';
import { i18next } from '../i18n/index.ts';
import { ApiError, isApiError } from '../api/client.ts';

/**
 * Why a refusal happened, in the interface language, from the problem's stable `reason` (a
 * conflict or a rule violation) or else its `code`. The server's `detail` is English and is never
 * shown: a Swedish screen says it in Swedish.
 */
export function reasonText(error: unknown): string {
  const t = i18next.t.bind(i18next);
  if (!(error instanceof ApiError)) return t('errors.unknown');
  const reason = error.problem?.reason;
  if (reason) return t(`errors.reasons.${reason}`);
  return t(`errors.${error.code}`, { defaultValue: t('errors.unknown') });
}

/** The message for a failed call: the reason, and the policy requirement it rests on (ITP-…) if any. */
export function errorMessage(error: unknown): string {
  const requirement = error instanceof ApiError ? error.problem?.requirement : undefined;
  const text = reasonText(error);
  return requirement ? `${text} (${i18next.t('errors.requirement', { requirement })})` : text;
}

export function useErrorMessage(): (error: unknown) => string {
  // Re-rendered on language change through useTranslation.
  useTranslation();
  return useCallback((error: unknown) => errorMessage(error), []);
}

/** Shows a failed write as a notification; a 412 gets the reload instruction. */
export function notifyError(error: unknown): void {
  const t = i18next.t.bind(i18next);
  notifications.show({
    color: 'red',
    title: t('errors.title'),
    message: isApiError(error, 'version_mismatch') ? t('errors.versionMismatch') : errorMessage(error),
    autoClose: 10_000,
  });
}

export function notifySuccess(message: string): void {
  notifications.show({ color: 'green', message, autoClose: 4_000 });
}

/**
 * Field errors of a 400/409 in the interface language: known zod codes are translated, a
 * specific message may be passed per field, the server text is the last resort.
 */
export function fieldErrorsOf(error: unknown, specific: Record<string, string> = {}): Record<string, string> {
  if (!(error instanceof ApiError)) return {};
  const t = i18next.t.bind(i18next);
  const result: Record<string, string> = {};
  for (const [field, { message, code }] of Object.entries(error.fieldErrors())) {
    result[field] = specific[field] ?? (code ? t(`errors.field.${code}`, { defaultValue: message }) : message);
  }
  return result;
}
