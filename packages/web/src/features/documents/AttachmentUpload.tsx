import type { DocumentVersion } from '@forvalta/contracts';
import { FileInput } from '@mantine/core';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { isApiError } from '../../api/client.ts';
import { notifyError, notifySuccess } from '../../components/error-messages.ts';
import { useUploadAttachment } from './documents.queries.ts';

const acceptedExtensions = ['pdf', 'docx', 'odt'];

/**
 * Attaching the file that is the version (PDF, DOCX or ODT); a second upload replaces the first.
 * A refused file is said under the field, in words that say what to do: a file of another type is
 * stopped here by its name, and the server, which also reads the file's first bytes and knows the
 * size limit, has the last word.
 */
export function AttachmentUpload({ version }: { version: DocumentVersion }) {
  const { t } = useTranslation('documents');
  const upload = useUploadAttachment();
  const [refusal, setRefusal] = useState<string | null>(null);
  const choose = (file: File | null) => {
    setRefusal(null);
    if (!file) return;
    const extension = file.name.includes('.') ? (file.name.split('.').pop() ?? '').toLowerCase() : '';
    if (!acceptedExtensions.includes(extension)) return setRefusal(t('version.attachWrongType', { name: file.name }));
    upload.mutate(
      { version, file },
      {
        onSuccess: () => notifySuccess(t('version.attached', { name: file.name })),
        onError: (error) => {
          if (isApiError(error, 'payload_too_large')) return setRefusal(t('version.attachTooLarge', { name: file.name }));
          if (isApiError(error, 'validation_failed')) return setRefusal(t('version.attachNotReadable', { name: file.name }));
          notifyError(error);
        },
      },
    );
  };
  return (
    <FileInput
      label={t('version.attach')}
      description={t('version.attachHint')}
      accept=".pdf,.docx,.odt,application/pdf,application/vnd.openxmlformats-officedocument.wordprocessingml.document,application/vnd.oasis.opendocument.text"
      placeholder={version.attachment ? version.attachment.fileName : t('version.chooseFile')}
      clearable={false}
      // Mantine's placeholder grey is 2:1 on white; the file's name must be readable (4.5:1).
      styles={{ placeholder: { color: 'var(--mantine-color-gray-7)' } }}
      disabled={upload.isPending}
      value={null}
      error={refusal}
      onChange={choose}
      w={{ base: '100%', xs: 320 }}
    />
  );
}
