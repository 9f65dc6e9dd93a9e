import { PasswordInput } from '@mantine/core';
import type { UseFormReturnType } from '@mantine/form';
import { useTranslation } from 'react-i18next';

export interface NewPasswordValues {
  newPassword: string;
  repeatPassword: string;
}

/** Rules the server enforces too: at least 12 characters (a passphrase), typed twice alike. */
export function newPasswordRules(t: (key: string) => string) {
  return {
    newPassword: (value: string) => (value.length >= 12 ? null : t('account.passwordTooShort')),
    repeatPassword: (value: string, values: NewPasswordValues) => (value === values.newPassword ? null : t('account.passwordsDiffer')),
  };
}

/** A new password, typed twice. */
export function NewPasswordFields<Values extends NewPasswordValues>({ form }: { form: UseFormReturnType<Values> }) {
  const { t } = useTranslation();
  return (
    <>
      <PasswordInput
        label={t('account.newPassword')}
        description={t('account.newPasswordDescription')}
        autoComplete="new-password"
        required
        visibilityToggleButtonProps={{ 'aria-label': t('login.showPassword') }}
        {...form.getInputProps('newPassword')}
      />
      <PasswordInput
        label={t('account.repeatPassword')}
        autoComplete="new-password"
        required
        visibilityToggleButtonProps={{ 'aria-label': t('login.showPassword') }}
        {...form.getInputProps('repeatPassword')}
      />
    </>
  );
}
