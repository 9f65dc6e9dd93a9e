import { Alert, Button, CopyButton, Group, Modal, Stack, Text, TextInput } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { formatDateTime } from '../../../i18n/format.ts';

/**
 * A one-time link (an invitation or a password reset), shown this once with a copy button: only
 * its hash is kept, so closing the dialog loses it for good (until e-mail exists, the
 * administrator passes it on).
 */
export function OneTimeLinkModal({
  title,
  text,
  link,
  expiresAt,
  onClose,
}: {
  title: string;
  text: string;
  link: string;
  expiresAt: string;
  onClose: () => void;
}) {
  const { t } = useTranslation();
  return (
    <Modal opened onClose={onClose} title={title} size="lg" closeOnClickOutside={false}>
      <Stack gap="md">
        <Alert color="red.9" variant="outline" role="alert" title={t('personLogin.shownOnce')}>
          {text}
        </Alert>
        <TextInput
          label={t('personLogin.linkLabel')}
          description={t('personLogin.linkExpires', { when: formatDateTime(expiresAt) })}
          value={link}
          readOnly
          // The link in monospace, to tell l from 1 and O from 0; the label and expiry in the page's type.
          styles={{ input: { fontFamily: 'var(--mantine-font-family-monospace)' } }}
          onFocus={(event) => event.currentTarget.select()}
        />
        <Text size="sm" c="gray.7">
          {t('personLogin.passOn')}
        </Text>
        <Group justify="space-between">
          <CopyButton value={link}>
            {({ copied, copy }) => (
              <Button variant={copied ? 'light' : 'filled'} color={copied ? 'green.9' : undefined} onClick={copy}>
                {copied ? t('personLogin.copied') : t('personLogin.copy')}
              </Button>
            )}
          </CopyButton>
          <Button variant="default" onClick={onClose}>
            {t('personLogin.done')}
          </Button>
        </Group>
      </Stack>
    </Modal>
  );
}
