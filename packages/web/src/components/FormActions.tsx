import { Button, type ButtonProps, Group } from '@mantine/core';
import type { ReactNode } from 'react';
import { useTranslation } from 'react-i18next';

interface FormActionsProps extends Omit<ButtonProps, 'children'> {
  onCancel: () => void;
  /** Defaults to "Avbryt". */
  cancelLabel?: ReactNode;
  /** Defaults to "Spara". */
  submitLabel?: ReactNode;
  mt?: string;
  disabled?: boolean;
}

/** The foot of every dialog form: cancel, then the submit button (Enter submits the form). */
export function FormActions({ onCancel, cancelLabel, submitLabel, mt, ...submit }: FormActionsProps) {
  const { t } = useTranslation();
  return (
    <Group justify="flex-end" mt={mt}>
      <Button variant="default" onClick={onCancel}>
        {cancelLabel ?? t('common.cancel')}
      </Button>
      <Button type="submit" {...submit}>
        {submitLabel ?? t('common.save')}
      </Button>
    </Group>
  );
}
