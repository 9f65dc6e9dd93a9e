import { Modal, Text } from '@mantine/core';
import { SecretShownOnce } from '../../../components/SecretShownOnce.tsx';
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
      <SecretShownOnce
        warning={t('personLogin.shownOnce')}
        usage={text}
        label={t('personLogin.linkLabel')}
        description={t('personLogin.linkExpires', { when: formatDateTime(expiresAt) })}
        secret={link}
        texts={{ copy: t('personLogin.copy'), copied: t('personLogin.copied'), done: t('personLogin.done') }}
        onDone={onClose}
        alertColor="red.9"
      >
        <Text size="sm" c="gray.7">
          {t('personLogin.passOn')}
        </Text>
      </SecretShownOnce>
    </Modal>
  );
}
