import type { Locale } from '@forvalta/contracts';
import { SegmentedControl } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { i18next } from '../i18n/index.ts';

/**
 * Svenska | English, each name in its own language. By default it changes the language of this
 * page only; a logged-in person's choice is saved with their login (`onChange`).
 */
export function LanguageSwitch({ onChange }: { onChange?: (locale: Locale) => void }) {
  const { t, i18n } = useTranslation();
  return (
    <SegmentedControl
      size="xs"
      aria-label={t('header.language')}
      value={i18n.language === 'en' ? 'en' : 'sv'}
      onChange={(value) => {
        const locale: Locale = value === 'en' ? 'en' : 'sv';
        if (onChange) onChange(locale);
        else void i18next.changeLanguage(locale);
      }}
      data={[
        { value: 'sv', label: <span lang="sv">Svenska</span> },
        { value: 'en', label: <span lang="en">English</span> },
      ]}
    />
  );
}
