import { randomUUID } from 'node:crypto';
import type { DocumentVersion } from '@forvalta/contracts';
import { municipalityOf } from '../../access/authorise.ts';
import { useCase } from '../../access/use-case.ts';
import type { Clock } from '../../platform/clock.ts';
import type { DatabaseHandle } from '../../platform/database.ts';
import { AppError, invalid, notFound } from '../../platform/errors.ts';
import type { ExpectedVersion } from '../../platform/http/versioning.ts';
import { versionActions } from './document-abilities.ts';
import { judgeUpload } from './document-files.ts';
import type { DocumentStorage } from './document-storage.ts';
import { createVersionSteps } from './document-version-steps.ts';
import { documentVersionsRepository } from './document-versions.repository.ts';

export interface AttachmentDownload {
  fileName: string;
  contentType: string;
  bytes: Buffer;
}

/**
 * A version's attached file (PDF, DOCX, ODT): put on a draft by its owner, read by whoever may read
 * the version. A refused upload stores nothing: the name and the bytes are judged before a byte is
 * written, and a file whose row does not commit is removed again.
 */
export function createDocumentAttachmentsService(db: DatabaseHandle, clock: Clock, storage: DocumentStorage, limits: { maxBytes: number }) {
  const { readableOrFail, changeVersion, answer } = createVersionSteps(db, clock);

  return {
    uploadAttachment: useCase(
      versionActions.uploadAttachment,
      async (
        context,
        documentId: string,
        versionId: string,
        expectedVersion: ExpectedVersion,
        upload: { fileName: string; bytes: Buffer },
      ): Promise<DocumentVersion> => {
        const { actor } = context;
        const municipalityId = municipalityOf(actor);
        let savedKey: string | null = null;
        let replacedKey: string | null = null;
        try {
          const after = await changeVersion(
            actor,
            context,
            'uploadAttachment',
            { documentId, versionId, expectedVersion },
            async (transaction, _before, version) => {
              if (upload.bytes.length > limits.maxBytes)
                throw new AppError('payload_too_large', `The file is larger than the limit of ${limits.maxBytes} bytes.`);
              const verdict = judgeUpload(upload.fileName, upload.bytes);
              if (!verdict.accepted) throw invalid('file', verdict.reason);
              replacedKey = await documentVersionsRepository.storageKeyOf(transaction, municipalityId, versionId);
              const key = randomUUID();
              await storage.save(key, upload.bytes);
              savedKey = key;
              return documentVersionsRepository.update(
                transaction,
                municipalityId,
                versionId,
                version,
                {
                  attachment_file_name: verdict.fileName,
                  attachment_content_type: verdict.contentType,
                  attachment_size: upload.bytes.length,
                  attachment_storage_key: key,
                  updated_at: clock.now().toISOString(),
                },
                'draft',
              );
            },
          );
          if (replacedKey) await storage.remove(replacedKey);
          return answer(actor, after);
        } catch (error) {
          // The row did not commit: its file must not stay behind.
          if (savedKey) await storage.remove(savedKey);
          throw error;
        }
      },
    ),

    downloadAttachment: useCase(
      'document.read',
      async ({ actor, authorise }, documentId: string, versionId: string): Promise<AttachmentDownload> => {
        authorise();
        const { version } = await readableOrFail(db, actor, documentId, versionId);
        const key = await documentVersionsRepository.storageKeyOf(db, municipalityOf(actor), versionId);
        if (!version.attachment || !key) throw notFound('Attachment');
        return { fileName: version.attachment.fileName, contentType: version.attachment.contentType, bytes: await storage.read(key) };
      },
    ),
  };
}

export type DocumentAttachmentsService = ReturnType<typeof createDocumentAttachmentsService>;
