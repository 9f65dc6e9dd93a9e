import { CloseButton } from '@mantine/core';
import type { CSSProperties } from 'react';
import { useTranslation } from 'react-i18next';
import { PersonPicker } from '../organisation/roles/PersonPicker.tsx';
import type { PersonDraft } from './risk-form-model.ts';

/**
 * A person from the register, found by server-side search. The person already saved shows as the
 * placeholder (the picker has not found them yet), with a button to remove them. Used by the risk
 * analysis and by the project's training plan.
 */
export function PersonField({
  label,
  value,
  onChange,
  w,
  description,
  error,
}: {
  label: string;
  value: PersonDraft;
  onChange: (next: PersonDraft) => void;
  w?: number | string;
  description?: string;
  error?: string;
}) {
  const { t } = useTranslation('lifecycle');
  const showsSaved = value.personId !== null && value.personId === value.savedPersonId;
  return (
    <PersonPicker
      label={label}
      description={description}
      error={error}
      w={w}
      placeholder={showsSaved && value.savedName ? value.savedName : t('project.choosePerson')}
      value={showsSaved ? null : value.personId}
      onChange={(personId) => onChange({ ...value, personId })}
      clearable
      // The saved person is shown as a value would be, not greyed out like a hint.
      styles={showsSaved ? { input: { '--input-placeholder-color': 'var(--mantine-color-text)' } as CSSProperties } : undefined}
      rightSectionPointerEvents={showsSaved ? 'all' : undefined}
      rightSection={
        showsSaved ? (
          <CloseButton
            size="sm"
            aria-label={t('risks.removePerson', { name: value.savedName ?? '', field: label })}
            onClick={() => onChange({ ...value, personId: null })}
          />
        ) : undefined
      }
    />
  );
}
