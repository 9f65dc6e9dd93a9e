import type {
  AcknowledgementCoverage,
  AcknowledgementCoverageSummary,
  AcknowledgementPreview,
  AcknowledgementPreviewQuery,
} from '@forvalta/contracts';
import type { AnyActor } from '../../access/actor.ts';
import { departmentScope, municipalityOf } from '../../access/authorise.ts';
import { useCase } from '../../access/use-case.ts';
import { swedishToday } from '../../platform/calendar.ts';
import type { Clock } from '../../platform/clock.ts';
import { inParallel, type DatabaseHandle } from '../../platform/database.ts';
import { notFound } from '../../platform/errors.ts';
import { createVersionedCache, type ReadCacheSettings } from '../../platform/versioned-cache.ts';
import { overseeAcknowledgements } from './acknowledgement-abilities.ts';
import { departmentCoverage } from './acknowledgement-coverage.ts';
import { acknowledgementCountsRepository } from './acknowledgement-counts.repository.ts';
import { acknowledgementCoverageRepository, type DocumentAudience } from './acknowledgement-coverage.repository.ts';
import { acknowledgementRenewal, personRenewal } from './acknowledgement-renewal.ts';
import { dueDateFrom, resolveAudience } from './acknowledgement-terms.ts';

/**
 * How far a document's current version is acknowledged, per department (ITP-4.2-KNOW,
 * ITP-12-KNOWLEDGE, ITP-12-FOLLOW: a head of operations sees their own), and what adopting a
 * version would ask. Reads only: a fixed number of statements whatever the number of people.
 */
export function createAcknowledgementCoverageService(db: DatabaseHandle, clock: Clock, cacheSettings?: ReadCacheSettings) {
  // The audience's counts are the same for every reader of a document on a day at a data version;
  // each reader's rows are cut from them. A few dozen documents' worth per process.
  const tallyCache = createVersionedCache<Awaited<ReturnType<typeof countAudience>>>(100, cacheSettings);

  async function countAudience(municipalityId: string, document: DocumentAudience, today: string) {
    const audience = await resolveAudience(db, municipalityId, document.audienceDepartmentIds);
    const [departments, tallies] = await inParallel(
      db,
      () => acknowledgementCoverageRepository.departments(db, municipalityId),
      () => acknowledgementCountsRepository.tallyAudience(db, municipalityId, document.currentVersionId, audience, today),
    );
    return { audience, departments, tallies };
  }

  /** A document's coverage over the departments `actor` may see: rows and their total. */
  async function coverageOf(actor: AnyActor, municipalityId: string, document: DocumentAudience, today: string) {
    const { audience, departments, tallies } = await tallyCache.readAtVersion(db, actor, municipalityId, [document, today], () =>
      countAudience(municipalityId, document, today),
    );
    const scope = departmentScope(actor, overseeAcknowledgements);
    // Only the audience's departments are rows: the others owe nothing for this document.
    const inAudience = audience === null ? undefined : new Set(audience);
    const visible = scope === undefined ? inAudience : new Set(scope.filter((id) => inAudience === undefined || inAudience.has(id)));
    return departmentCoverage(departments, tallies, visible, scope === undefined);
  }

  return {
    coverage: useCase(overseeAcknowledgements, async ({ actor, authorise }, documentId: string): Promise<AcknowledgementCoverage> => {
      authorise();
      const municipalityId = municipalityOf(actor);
      const document = await acknowledgementCoverageRepository.documentAudience(db, municipalityId, documentId);
      if (!document) throw notFound('Document');
      const { departments, total } = await coverageOf(actor, municipalityId, document, swedishToday(clock.now()));
      return {
        documentId: document.id,
        versionId: document.currentVersionId,
        versionNumber: document.currentVersionNumber,
        requiresAcknowledgement: document.requiresAcknowledgement,
        total,
        departments,
      };
    }),

    /** Every current version that asks acknowledgement, with its totals: one row per document (a handful). */
    coverageSummary: useCase(overseeAcknowledgements, async ({ actor, authorise }): Promise<AcknowledgementCoverageSummary> => {
      authorise();
      const municipalityId = municipalityOf(actor);
      const today = swedishToday(clock.now());
      const documents = await acknowledgementCoverageRepository.documentsAskingAcknowledgement(db, municipalityId);
      const items: AcknowledgementCoverageSummary['items'] = [];
      for (const document of documents) {
        const { total } = await coverageOf(actor, municipalityId, document, today);
        items.push({
          documentId: document.id,
          documentTitle: document.title,
          versionId: document.currentVersionId,
          versionNumber: document.currentVersionNumber,
          total,
        });
      }
      return { items };
    }),

    /**
     * What adopting the version today would do: who is asked, whose acknowledgement of the current
     * version carries over (the one rule, with the editorial choice given or the version's own).
     */
    preview: useCase(
      'acknowledgement.preview',
      async ({ actor, authorise }, versionId: string, query: AcknowledgementPreviewQuery): Promise<AcknowledgementPreview> => {
        authorise();
        const municipalityId = municipalityOf(actor);
        const version = await acknowledgementCoverageRepository.version(db, municipalityId, versionId);
        const document = version && (await acknowledgementCoverageRepository.documentAudience(db, municipalityId, version.documentId));
        if (!version || !document) throw notFound('Document version');
        const today = swedishToday(clock.now());
        const previousVersionId = document.currentVersionId !== version.id ? document.currentVersionId : null;
        const renewal = acknowledgementRenewal({
          requiresAcknowledgement: document.requiresAcknowledgement,
          previousVersionId,
          editorial: query.editorial ?? version.editorial,
        });
        const audience = await resolveAudience(db, municipalityId, document.audienceDepartmentIds);
        const [departments, tallies, dueDate] = await inParallel(
          db,
          () => acknowledgementCoverageRepository.departments(db, municipalityId),
          () => acknowledgementCountsRepository.tallyAudience(db, municipalityId, previousVersionId, audience, today),
          () => dueDateFrom(db, municipalityId, today),
        );
        const names = new Map(departments.map((department) => [department.id, department.name]));
        // The per-person rule, applied to each department's counts of the replaced version's states.
        const asked = (tally: (typeof tallies)[number]) => {
          const carried = personRenewal(renewal, 'acknowledged') === 'acknowledgement_carries_over' ? tally.acknowledged : 0;
          const carriedOpen = personRenewal(renewal, 'requested') === 'request_carries_over' ? tally.requested : 0;
          return { carried, carriedOpen, asked: renewal === 'none' ? 0 : tally.activeEmployees - carried - carriedOpen };
        };
        const sum = (pick: (counts: ReturnType<typeof asked>) => number) => tallies.reduce((total, tally) => total + pick(asked(tally)), 0);
        return {
          documentId: document.id,
          versionId: version.id,
          renewal,
          inAudience: tallies.reduce((total, tally) => total + tally.activeEmployees, 0),
          toBeAsked: sum((counts) => counts.asked),
          carriedOver: sum((counts) => counts.carried),
          openCarriedOver: sum((counts) => counts.carriedOpen),
          dueDate: renewal === 'none' ? null : dueDate,
          departments: tallies
            .map((tally) => ({
              departmentId: tally.departmentId,
              departmentName: tally.departmentId ? (names.get(tally.departmentId) ?? null) : null,
              toBeAsked: asked(tally).asked,
            }))
            .filter((row) => row.toBeAsked > 0)
            .sort((left, right) => right.toBeAsked - left.toBeAsked),
        };
      },
    ),
  };
}

export type AcknowledgementCoverageService = ReturnType<typeof createAcknowledgementCoverageService>;
