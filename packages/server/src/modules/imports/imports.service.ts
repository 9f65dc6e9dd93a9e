import { randomUUID } from 'node:crypto';
import type { ImportKind, ImportMappingCreate, ImportMappingRecord, ImportMappingUpdate, ImportProposal } from '@forvalta/contracts';
import { municipalityOf } from '../../access/authorise.ts';
import { useCase } from '../../access/use-case.ts';
import { recordAudit } from '../../platform/audit.ts';
import type { Clock } from '../../platform/clock.ts';
import { isUniqueViolation } from '../../platform/database-errors.ts';
import { withTransaction, type DatabaseHandle } from '../../platform/database.ts';
import { conflict, notFound } from '../../platform/errors.ts';
import type { ExpectedVersion } from '../../platform/http/versioning.ts';
import { versionedWrites } from '../../platform/versioned-write.ts';
import { proposal, readImportFile } from './import-files.ts';
import { importsRepository as repository } from './imports.repository.ts';

const nameTaken = () => conflict('There is already a saved mapping of that name.', 'import_mapping_name_taken');

/**
 * The first step of an import (issue #17 §1): the file's headers, a sample and the proposed
 * column mapping, which reads nothing of the municipality's records. And the mappings a
 * municipality saved by name to use again (`importMapping.manage`).
 */
export function createImportsService(db: DatabaseHandle, clock: Clock) {
  const versioned = versionedWrites(db, clock);
  const propose = (kind: ImportKind) => async (bytes: Buffer) => proposal(kind, await readImportFile(bytes));

  return {
    proposeRegisterMapping: useCase('imports.register', async ({ authorise }, bytes: Buffer): Promise<ImportProposal> => {
      authorise();
      return propose('register')(bytes);
    }),

    proposePeopleMapping: useCase('imports.people', async ({ authorise }, bytes: Buffer): Promise<ImportProposal> => {
      authorise();
      return propose('people')(bytes);
    }),

    listMappings: useCase('importMapping.manage', async ({ actor, authorise }, query: { kind?: ImportKind }) => {
      authorise();
      const items = await repository.listMappings(db, municipalityOf(actor), query.kind);
      return { items, total: items.length, nextCursor: null };
    }),

    getMapping: useCase('importMapping.manage', async ({ actor, authorise }, id: string): Promise<ImportMappingRecord> => {
      const mapping = await repository.findMapping(db, municipalityOf(actor), id);
      if (!mapping) throw notFound('Import mapping');
      authorise();
      return mapping;
    }),

    createMapping: useCase(
      'importMapping.manage',
      async ({ actor, authorise }, input: ImportMappingCreate): Promise<ImportMappingRecord> => {
        authorise();
        const municipalityId = municipalityOf(actor);
        try {
          return await withTransaction(db, async (transaction) => {
            const id = randomUUID();
            await repository.insertMapping(transaction, municipalityId, id, input, clock.now().toISOString());
            const created = (await repository.findMapping(transaction, municipalityId, id))!;
            await recordAudit(transaction, actor, clock, { action: 'create', entityType: 'import_mapping', entityId: id, after: created });
            return created;
          });
        } catch (error) {
          if (isUniqueViolation(error)) throw nameTaken();
          throw error;
        }
      },
    ),

    updateMapping: useCase(
      'importMapping.manage',
      async (
        { actor, authorise },
        id: string,
        expectedVersion: ExpectedVersion,
        input: ImportMappingUpdate,
      ): Promise<ImportMappingRecord> => {
        const municipalityId = municipalityOf(actor);
        try {
          return await versioned.update(actor, {
            entity: 'Import mapping',
            expectedVersion,
            load: (transaction) => repository.findMapping(transaction, municipalityId, id),
            authorise: () => authorise(),
            apply: (transaction, before, version) =>
              repository.updateMapping(
                transaction,
                municipalityId,
                id,
                version,
                { name: input.name ?? before.name, mapping: input.mapping ?? before.mapping },
                clock.now().toISOString(),
              ),
            audit: (before, after) => ({ action: 'update', entityType: 'import_mapping', entityId: id, before, after }),
          });
        } catch (error) {
          if (isUniqueViolation(error)) throw nameTaken();
          throw error;
        }
      },
    ),
  };
}

export type ImportsService = ReturnType<typeof createImportsService>;
