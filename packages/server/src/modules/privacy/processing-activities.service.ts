import { randomUUID } from 'node:crypto';
import type {
  ProcessingActivity,
  ProcessingActivityCreate,
  ProcessingActivityListQuery,
  ProcessingActivityRecord,
  ProcessingActivityUpdate,
} from '@forvalta/contracts';
import type { AnyActor } from '../../access/actor.ts';
import { can, municipalityOf, type Subject } from '../../access/authorise.ts';
import { departmentSubtree } from '../../access/department-tree.ts';
import { useCase } from '../../access/use-case.ts';
import { recordAudit } from '../../platform/audit.ts';
import { swedishToday } from '../../platform/calendar.ts';
import type { Clock } from '../../platform/clock.ts';
import { withTransaction, type DatabaseHandle, type Executor } from '../../platform/database.ts';
import { forbidden, invalid, notFound } from '../../platform/errors.ts';
import type { ExpectedVersion } from '../../platform/http/versioning.ts';
import { swedishSortKey } from '../../platform/text.ts';
import { versionedWrites } from '../../platform/versioned-write.ts';
import { systemReads } from '../systems/index.ts';
import { activityAbilities, activitySubject, mayExportConfidential, processingActivityActions } from './privacy-abilities.ts';
import { reviewCutOff } from './privacy-parameters.ts';
import { type ActivityFilters, processingActivitiesRepository as activities } from './processing-activities.repository.ts';
import { type ActivityContent, contentOf, contentOfRecord, contentValues } from './processing-activity-content.ts';

/**
 * Records of processing (GDPR art. 30, ITP-8-PERSONAL-DATA). Drafted by the controller
 * department's head and the stewards of the systems the record runs in; every change to the
 * content sends the record back to the data protection officer (review state 'pending').
 */
/**
 * A confidential record as a caller who may not see its content reads it (ADR 0030): what it is and
 * who answers for it (name, controller, systems, legal basis, review state) stay, so the register
 * and ITP-8-PERSONAL-DATA still account for it; what the processing involves is left out.
 */
export function withConfidentialContent(record: ProcessingActivityRecord, mayReadConfidential: boolean): ProcessingActivityRecord {
  if (!record.confidentialOslParagraph || mayReadConfidential) return record;
  return {
    ...record,
    purpose: '',
    legalBasisNote: null,
    specialCategoryBasis: null,
    criminalDataBasis: null,
    dataSubjectCategories: [],
    personalDataCategories: [],
    recipients: [],
    thirdCountryTransfers: [],
    retention: null,
    retentionPlanReference: null,
    technicalMeasures: null,
    processors: [],
    contentWithheld: true,
  };
}

/** Nobody changes or removes what they may not read: a confidential record is kept by those who see it. */
function requireConfidentialReader(actor: AnyActor, record: ProcessingActivityRecord, subject: Subject) {
  if (record.confidentialOslParagraph && !can(actor, 'confidential.read', subject))
    throw forbidden('This record of processing is confidential; its content is not shown to you.');
}

export function createProcessingActivitiesService(db: DatabaseHandle, clock: Clock) {
  const versioned = versionedWrites(db, clock);
  const today = () => swedishToday(clock.now());

  async function stewardsOf(executor: Executor, municipalityId: string, systemIds: readonly string[]) {
    const bySystem = await systemReads.stewardPersonIds(executor, municipalityId, [...systemIds], today());
    return bySystem;
  }
  const stewardsAmong = (bySystem: Map<string, string[]>, systemIds: readonly string[]) => [
    ...new Set(systemIds.flatMap((id) => bySystem.get(id) ?? [])),
  ];

  async function withAbilities(executor: Executor, actor: AnyActor, records: ProcessingActivityRecord[]): Promise<ProcessingActivity[]> {
    const municipalityId = municipalityOf(actor);
    const bySystem = await stewardsOf(
      executor,
      municipalityId,
      records.flatMap((record) => record.systems.map((system) => system.id)),
    );
    return records.map((record) => {
      const subject = activitySubject(
        record.controllerDepartmentId,
        stewardsAmong(
          bySystem,
          record.systems.map((system) => system.id),
        ),
      );
      const shown = withConfidentialContent(record, can(actor, 'confidential.read', subject));
      const abilities = activityAbilities(actor, subject);
      // Nobody changes or removes what they may not read (the writes refuse it with 403): not offered either.
      if (shown.contentWithheld) return { ...shown, can: { ...abilities, update: false, delete: false } };
      return { ...shown, can: abilities };
    });
  }

  async function validate(executor: Executor, municipalityId: string, content: ActivityContent) {
    const departments = await activities.departmentsOf(executor, municipalityId);
    if (!departments.some((department) => department.id === content.controllerDepartmentId))
      throw invalid('controllerDepartmentId', 'The department does not exist in this municipality.');
    const found = await activities.existingSystemIds(executor, municipalityId, content.systemIds);
    if (content.systemIds.some((id) => !found.has(id)))
      throw invalid('systemIds', 'One or more systems do not exist in this municipality.');
    for (const [index, processor] of content.processors.entries())
      if (processor.agreementSignedOn && processor.agreementExpiresOn && processor.agreementExpiresOn < processor.agreementSignedOn)
        throw invalid(`processors.${index}.agreementExpiresOn`, 'The agreement expires before it was signed.');
  }

  async function write(executor: Executor, municipalityId: string, id: string, content: ActivityContent) {
    await activities.replaceSystems(executor, municipalityId, id, content.systemIds);
    await activities.replaceProcessors(executor, municipalityId, id, content.processors);
  }

  return {
    listProcessingActivities: useCase('processingActivity.read', async ({ actor, authorise }, query: ProcessingActivityListQuery) => {
      authorise();
      const municipalityId = municipalityOf(actor);
      const filters: ActivityFilters = {
        ...(query.systemId ? { systemId: query.systemId } : {}),
        ...(query.specialCategories !== undefined ? { specialCategories: query.specialCategories } : {}),
        ...(query.agreementExpiringBy ? { agreementExpiringBy: query.agreementExpiringBy } : {}),
        ...(query.reviewState ? { reviewState: query.reviewState } : {}),
        ...(query.q ? { q: query.q } : {}),
      };
      if (query.departmentId)
        filters.departmentIds = departmentSubtree(await activities.departmentsOf(db, municipalityId), query.departmentId);
      if (query.missingReview) filters.missingReviewBefore = await reviewCutOff(db, municipalityId, today());
      if (query.reviewDue) filters.reviewDueBefore = await reviewCutOff(db, municipalityId, today());
      // A filter on content must not find a confidential record for a caller who may not see its content.
      const filtersOnContent = query.q !== undefined || query.specialCategories !== undefined || query.agreementExpiringBy !== undefined;
      if (filtersOnContent && !can(actor, 'confidential.read')) filters.excludeConfidential = true;
      const page = await activities.list(db, municipalityId, query, filters);
      return { ...page, items: await withAbilities(db, actor, page.items), can: { exportConfidential: mayExportConfidential(actor) } };
    }),

    getProcessingActivity: useCase('processingActivity.read', async ({ actor, authorise }, id: string): Promise<ProcessingActivity> => {
      authorise();
      const record = await activities.findById(db, municipalityOf(actor), id);
      if (!record) throw notFound('Processing activity');
      return (await withAbilities(db, actor, [record]))[0]!;
    }),

    createProcessingActivity: useCase(
      'processingActivity.write',
      async ({ actor, authorise }, input: ProcessingActivityCreate): Promise<ProcessingActivity> => {
        const municipalityId = municipalityOf(actor);
        return withTransaction(db, async (transaction) => {
          const content = contentOf(input);
          const bySystem = await stewardsOf(transaction, municipalityId, content.systemIds);
          authorise(
            activitySubject(content.controllerDepartmentId, stewardsAmong(bySystem, content.systemIds)),
            "You may record processing only for your department's or your systems' processing.",
          );
          await validate(transaction, municipalityId, content);
          const id = randomUUID();
          const now = clock.now().toISOString();
          await activities.insert(transaction, {
            id,
            municipality_id: municipalityId,
            ...contentValues(content),
            sort_key: swedishSortKey(content.name),
            review_state: 'pending',
            last_reviewed_on: null,
            content_changed_at: now,
            confidential_osl_paragraph: input.confidentialOslParagraph || null,
            created_at: now,
            updated_at: now,
            version: 1,
          });
          await write(transaction, municipalityId, id, content);
          const created = (await activities.findById(transaction, municipalityId, id))!;
          await recordAudit(transaction, actor, clock, {
            action: 'create',
            entityType: 'processing_activity',
            entityId: id,
            after: created,
          });
          return (await withAbilities(transaction, actor, [created]))[0]!;
        });
      },
    ),

    updateProcessingActivity: useCase(
      processingActivityActions.update,
      async (
        { actor, authorise },
        id: string,
        expectedVersion: ExpectedVersion,
        input: ProcessingActivityUpdate,
      ): Promise<ProcessingActivity> => {
        const municipalityId = municipalityOf(actor);
        const after = await versioned.update(actor, {
          entity: 'Processing activity',
          expectedVersion,
          load: (transaction) => activities.findById(transaction, municipalityId, id),
          authorise: async (before, transaction) => {
            const merged = contentOf({ ...contentOfRecord(before), ...input });
            const systemIds = [...new Set([...before.systems.map((system) => system.id), ...merged.systemIds])];
            const bySystem = await stewardsOf(transaction, municipalityId, systemIds);
            const refusal = "You may change only your department's or your systems' records of processing.";
            authorise(
              activitySubject(
                before.controllerDepartmentId,
                stewardsAmong(
                  bySystem,
                  before.systems.map((system) => system.id),
                ),
              ),
              refusal,
            );
            // Moving a record to another controller, or into other systems, needs the right there too.
            authorise(activitySubject(merged.controllerDepartmentId, stewardsAmong(bySystem, merged.systemIds)), refusal);
            requireConfidentialReader(
              actor,
              before,
              activitySubject(
                before.controllerDepartmentId,
                stewardsAmong(
                  bySystem,
                  before.systems.map((system) => system.id),
                ),
              ),
            );
          },
          apply: async (transaction, before, version) => {
            const previous = contentOfRecord(before);
            const content = contentOf({ ...previous, ...input });
            await validate(transaction, municipalityId, content);
            // A changed record loses its approval (ADR 0027); an update that changes nothing keeps it.
            const changed = JSON.stringify(content) !== JSON.stringify(previous);
            const now = clock.now().toISOString();
            const written = await activities.update(transaction, municipalityId, id, version, {
              ...contentValues(content),
              sort_key: swedishSortKey(content.name),
              ...(changed ? { review_state: 'pending', content_changed_at: now } : {}),
              // The marking is not the processing's content: setting or lifting it keeps the review.
              ...(input.confidentialOslParagraph !== undefined
                ? { confidential_osl_paragraph: input.confidentialOslParagraph || null }
                : {}),
              updated_at: now,
            });
            if (written) await write(transaction, municipalityId, id, content);
            return written;
          },
          audit: (before, after) => ({ action: 'update', entityType: 'processing_activity', entityId: id, before, after }),
        });
        return (await withAbilities(db, actor, [after]))[0]!;
      },
    ),

    deleteProcessingActivity: useCase(
      processingActivityActions.delete,
      async ({ actor, authorise }, id: string, expectedVersion: ExpectedVersion): Promise<void> => {
        const municipalityId = municipalityOf(actor);
        await versioned.delete(actor, {
          entity: 'Processing activity',
          expectedVersion,
          load: (transaction) => activities.findById(transaction, municipalityId, id),
          authorise: async (before, transaction) => {
            const systemIds = before.systems.map((system) => system.id);
            const bySystem = await stewardsOf(transaction, municipalityId, systemIds);
            const subject = activitySubject(before.controllerDepartmentId, stewardsAmong(bySystem, systemIds));
            authorise(subject);
            requireConfidentialReader(actor, before, subject);
          },
          apply: (transaction, _before, version) => activities.delete(transaction, municipalityId, id, version),
          audit: (before) => ({ action: 'delete', entityType: 'processing_activity', entityId: id, before }),
        });
      },
    ),
  };
}

export type ProcessingActivitiesService = ReturnType<typeof createProcessingActivitiesService>;
