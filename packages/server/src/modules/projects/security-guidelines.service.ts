import { randomUUID } from 'node:crypto';
import { matchVersion, type ExpectedVersion } from '../../platform/http/versioning.ts';
import type { SecurityGuidelineSection } from '@forvalta/contracts';
import { municipalityOf } from '../../access/authorise.ts';
import { useCase } from '../../access/use-case.ts';
import { recordAudit } from '../../platform/audit.ts';
import type { Clock } from '../../platform/clock.ts';
import { withTransaction, type DatabaseHandle, type Executor } from '../../platform/database.ts';
import { conflict, notFound, versionMismatch } from '../../platform/errors.ts';
import { securityGuidelinesRepository } from './security-guidelines.repository.ts';

type SectionInput = { code: string; title: string; description?: string | null };

/**
 * The sections of the IT security guidelines, a list each municipality keeps: every section is an
 * item of a project's compliance analysis (ITP-4.2.1-COMPLIANCE).
 */
export function createSecurityGuidelinesService(db: DatabaseHandle, clock: Clock) {
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
        authorise();
        const municipalityId = municipalityOf(actor);
        return withTransaction(db, async (transaction) => {
          const before = await loadOrFail(transaction, municipalityId, id);
          expectedVersion = matchVersion(expectedVersion, before.version);
          const values = {
            code: input.code ?? before.code,
            title: input.title ?? before.title,
            description: input.description !== undefined ? input.description : before.description,
          };
          await refuseTakenCode(transaction, municipalityId, values.code, id);
          if (
            !(await securityGuidelinesRepository.update(
              transaction,
              municipalityId,
              id,
              expectedVersion,
              values,
              clock.now().toISOString(),
            ))
          )
            throw versionMismatch();
          const after = await loadOrFail(transaction, municipalityId, id);
          await recordAudit(transaction, actor, clock, {
            action: 'update',
            entityType: 'security_guideline_section',
            entityId: id,
            before,
            after,
          });
          return after;
        });
      },
    ),

    /** A removed section drops out of every project's analysis; the judgements made on it stay in the audit log. */
    deleteSection: useCase(
      'securityGuideline.manage',
      async ({ actor, authorise }, id: string, expectedVersion: ExpectedVersion): Promise<void> => {
        authorise();
        const municipalityId = municipalityOf(actor);
        await withTransaction(db, async (transaction) => {
          const before = await loadOrFail(transaction, municipalityId, id);
          expectedVersion = matchVersion(expectedVersion, before.version);
          if (!(await securityGuidelinesRepository.delete(transaction, municipalityId, id, expectedVersion))) throw versionMismatch();
          await recordAudit(transaction, actor, clock, {
            action: 'delete',
            entityType: 'security_guideline_section',
            entityId: id,
            before,
          });
        });
      },
    ),
  };
}

export type SecurityGuidelinesService = ReturnType<typeof createSecurityGuidelinesService>;
