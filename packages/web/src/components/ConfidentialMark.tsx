import { Alert, Autocomplete, type AutocompleteProps, Badge, type BadgeProps, Text } from '@mantine/core';
import { useTranslation } from 'react-i18next';

/**
 * The paragraph most of Förvalta's confidential records rest on: security and safety measures
 * (18 kap. 8 § OSL). Offered as a suggestion only; another paragraph is typed freely (ADR 0030).
 */
export const suggestedOslParagraph = '18 kap. 8 § OSL';

/**
 * The marking of a confidential record (risk analysis, asset, record of processing), the same on
 * its page and in lists. The marking is never secret: it says which paragraph the authority uses.
 */
export function ConfidentialBadge({ paragraph, size }: { paragraph: string | null; size?: BadgeProps['size'] }) {
  const { t } = useTranslation();
  if (!paragraph) return null;
  return (
    <Badge color="red.9" variant="outline" tt="none" size={size} data-testid="confidential-badge">
      {t('confidential.badge', { paragraph })}
    </Badge>
  );
}

/** The marking in a form: free text with the usual paragraph suggested; empty means not marked. */
export function ConfidentialParagraphField({
  description,
  ...props
}: Omit<AutocompleteProps, 'data' | 'label' | 'description'> & { description?: string }) {
  const { t } = useTranslation();
  return (
    <Autocomplete
      label={t('confidential.field')}
      description={description ?? t('confidential.fieldHint')}
      data={[suggestedOslParagraph]}
      maxLength={60}
      comboboxProps={{ withinPortal: true }}
      {...props}
    />
  );
}

/**
 * What a caller without `confidential.read` sees instead of the content: why it is not there and
 * who may see it, so an empty section is never mistaken for a record without content.
 */
export function WithheldNotice({ paragraph }: { paragraph: string | null }) {
  const { t } = useTranslation();
  return (
    <Alert color="blue.9" variant="outline" title={t('confidential.withheldTitle')} data-testid="content-withheld">
      <Text size="sm">{t('confidential.withheldReason', { paragraph: paragraph ?? '' })}</Text>
    </Alert>
  );
}
