import '@mantine/dates/styles.css';
import 'dayjs/locale/sv';
import { DateInput, DatesProvider, type DateInputProps } from '@mantine/dates';
import { useTranslation } from 'react-i18next';

/**
 * A date typed or picked as YYYY-MM-DD (the Swedish norm, in both languages); the calendar
 * starts on Monday and names months in the interface language.
 */
export function DateField(props: DateInputProps) {
  const { t, i18n } = useTranslation();
  return (
    <DatesProvider settings={{ locale: i18n.language === 'en' ? 'en' : 'sv', firstDayOfWeek: 1 }}>
      <DateInput
        valueFormat="YYYY-MM-DD"
        placeholder={t('common.datePlaceholder')}
        clearable
        // The clear button is icon-only; it needs a name for screen readers (WCAG 4.1.2).
        clearButtonProps={{ 'aria-label': t('common.clearDate') }}
        {...props}
      />
    </DatesProvider>
  );
}
