import { randomUUID } from 'node:crypto';
import type { ExpectedVersion } from '../../platform/http/versioning.ts';
import type { SecurityGuidelineSection } from '@forvalta/contracts';
import { municipalityOf } from '../../access/authorise.ts';
import { useCase } from '../../access/use-case.ts';
import { recordAudit } from '../../platform/audit.ts';
import type { Clock } from '../../platform/clock.ts';
import { withTransaction, type DatabaseHandle, type Executor } from '../../platform/database.ts';
import { conflict, notFound } from '../../platform/errors.ts';
import { versionedWrites } from '../../platform/versioned-write.ts';
import { securityGuidelinesRepository } from './security-guidelines.repository.ts';

type SectionInput = { code: string; title: string; description?: string | null };

/**
 * The sections of the IT security guidelines, a list each municipality keeps: every section is an
 * item of a project's compliance analysis (ITP-4.2.1-COMPLIANCE).
 */
export function createSecurityGuidelinesService(db: DatabaseHandle, clock: Clock) {
  const versioned = versionedWrites(db, clock);

  async function loadOrFail(executor: Executor, municipalityId: string, id: string) {
    const section = await securityGuidelinesRepository.findById(executor, municipalityId, id);
    if (!section) throw notFound('Security guideline section');
    return section;
  }

  async function refuseTakenCode(executor: Executor, municipalityId: string, code: string, exceptId: string | null) {
    if (await securityGuidelinesRepository.codeTaken(executor, municipalityId, code, exceptId)) {
      throw conflict('Another section already has this code.', 'guideline_code_taken', [{ path: 'code', message: 'Already in use' }]);
    }
  }

  return {
    listSections: useCase('compliance.read', async ({ actor, authorise }, query: { limit: number; cursor?: string; sort?: string }) => {
      authorise();
      return securityGuidelinesRepository.list(db, municipalityOf(actor), query);
    }),

    getSection: useCase('compliance.read', async ({ actor, authorise }, id: string): Promise<SecurityGuidelineSection> => {
      authorise();
      return loadOrFail(db, municipalityOf(actor), id);
    }),

    createSection: useCase(
      'securityGuideline.manage',
      async ({ actor, authorise }, input: SectionInput): Promise<SecurityGuidelineSection> => {
        authorise();
        const municipalityId = municipalityOf(actor);
        return withTransaction(db, async (transaction) => {
          await refuseTakenCode(transaction, municipalityId, input.code, null);
          const id = randomUUID();
          await securityGuidelinesRepository.insert(
            transaction,
            municipalityId,
            id,
            { code: input.code, title: input.title, description: input.description ?? null },
            clock.now().toISOString(),
          );
          const created = await loadOrFail(transaction, municipalityId, id);
          await recordAudit(transaction, actor, clock, {
            action: 'create',
            entityType: 'security_guideline_section',
            entityId: id,
            after: created,
          });
          return created;
        });
      },
    ),

    updateSection: useCase(
      'securityGuideline.manage',
      async (
        { actor, authorise },
        id: string,
        expectedVersion: ExpectedVersion,
        input: Partial<SectionInput>,
      ): Promise<SecurityGuidelineSection> => {
        const municipalityId = municipalityOf(actor);
        return versioned.update(actor, {
          entity: 'Security guideline section',
          expectedVersion,
          load: (transaction) => securityGuidelinesRepository.findById(transaction, municipalityId, id),
          authorise: () => authorise(),
          apply: async (transaction, before, version) => {
            const values = {
              code: input.code ?? before.code,
              title: input.title ?? before.title,
              description: input.description !== undefined ? input.description : before.description,
            };
            await refuseTakenCode(transaction, municipalityId, values.code, id);
            return securityGuidelinesRepository.update(transaction, municipalityId, id, version, values, clock.now().toISOString());
          },
          audit: (before, after) => ({ action: 'update', entityType: 'security_guideline_section', entityId: id, before, after }),
        });
      },
    ),

    /** A removed section drops out of every project's analysis; the judgements made on it stay in the audit log. */
    deleteSection: useCase(
      'securityGuideline.manage',
      async ({ actor, authorise }, id: string, expectedVersion: ExpectedVersion): Promise<void> => {
        const municipalityId = municipalityOf(actor);
        await versioned.delete(actor, {
          entity: 'Security guideline section',
          expectedVersion,
          load: (transaction) => securityGuidelinesRepository.findById(transaction, municipalityId, id),
          authorise: () => authorise(),
          apply: (transaction, _before, version) => securityGuidelinesRepository.delete(transaction, municipalityId, id, version),
          audit: (before) => ({ action: 'delete', entityType: 'security_guideline_section', entityId: id, before }),
        });
      },
    ),
  };
}

export type SecurityGuidelinesService = ReturnType<typeof createSecurityGuidelinesService>;
