import type {
  AccessGate,
  AccessRight,
  AccessRightActivate,
  AccessRightEnd,
  AccessRightExportQuery,
  AccessRightGrant,
  AccessRightGranted,
  AccessRightListQuery,
  AccessRightRecord,
  Locale,
} from '@forvalta/contracts';
import { stringify } from 'csv-stringify/sync';
import { actorName, type AnyActor, type SystemActor } from '../../access/actor.ts';
import { departmentScope, municipalityOf } from '../../access/authorise.ts';
import { departmentSubtree } from '../../access/department-tree.ts';
import { requireSystemActor, useCase } from '../../access/use-case.ts';
import { recordAudit } from '../../platform/audit.ts';
import { swedishToday } from '../../platform/calendar.ts';
import type { Clock } from '../../platform/clock.ts';
import { withTransaction, type DatabaseHandle, type Executor, type TransactionHandle } from '../../platform/database.ts';
import { conflict, invalid, notFound } from '../../platform/errors.ts';
import type { ExpectedVersion } from '../../platform/http/versioning.ts';
import { neutraliseFormula } from '../../platform/spreadsheet-text.ts';
import { versionedWrites } from '../../platform/versioned-write.ts';
import { organisationReads } from '../organisation/index.ts';
import { systemReads } from '../systems/index.ts';
import { accessRightAbilities, accessRightActions, mayReadRight, overseeAccessRights, stewardsOf } from './access-abilities.ts';
import { type AcknowledgementRequester, grantLevels, readGate } from './access-grants.ts';
import { accessLevelsRepository } from './access-levels.repository.ts';
import { accessRightsRepository, type RightVisibility } from './access-rights.repository.ts';

const exportHeaders: Record<Locale, string[]> = {
  sv: ['E-post', 'Namn', 'System', 'Nivå', 'Privilegierad', 'Status', 'Startdatum', 'Slutdatum', 'Ärende', 'Beviljad av', 'Beviljad'],
  en: ['Email', 'Name', 'System', 'Level', 'Privileged', 'State', 'Start date', 'End date', 'Case', 'Granted by', 'Granted at'],
};

/**
 * Access rights one at a time (issue #14): who holds what, the grant behind the first-grant gate
 * (ITP-3-INFORM-NEW), ending (never deleting), the system manager's exception, the CSV of rights
 * to provision, and the leavers' flagging. Reads only read; every write is one transaction with
 * its audit events.
 */
export function createAccessRightsService(db: DatabaseHandle, clock: Clock, requester?: AcknowledgementRequester) {
  const versioned = versionedWrites(db, clock);
  const today = () => swedishToday(clock.now());

  async function stewardsOfSystems(executor: Executor, municipalityId: string, systemIds: string[]) {
    return systemReads.stewardPersonIds(executor, municipalityId, systemIds, today());
  }

  async function withAbilities(executor: Executor, actor: AnyActor, rights: AccessRightRecord[]): Promise<AccessRight[]> {
    const stewards = await stewardsOfSystems(
      executor,
      municipalityOf(actor),
      rights.map((right) => right.systemId),
    );
    return rights.map((right) => ({ ...right, can: accessRightAbilities(actor, right, stewards.get(right.systemId) ?? []) }));
  }

  /** The right, with its system's stewards, or undefined when missing here or not the caller's to read (404). */
  async function readable(executor: Executor, actor: AnyActor, id: string) {
    const municipalityId = municipalityOf(actor);
    const right = await accessRightsRepository.findById(executor, municipalityId, id);
    if (!right) return undefined;
    const stewards = (await stewardsOfSystems(executor, municipalityId, [right.systemId])).get(right.systemId) ?? [];
    return mayReadRight(actor, right, stewards) ? { right, stewards } : undefined;
  }

  async function visibilityOf(executor: Executor, actor: AnyActor, municipalityId: string): Promise<RightVisibility> {
    const scope = departmentScope(actor, overseeAccessRights);
    if (scope === undefined) return { all: true };
    const personId = actor.kind === 'person' ? actor.personId : null;
    const stewarded = personId ? await systemReads.stewardedSystemsOf(executor, municipalityId, personId, today()) : [];
    return { all: false, personId, departmentIds: scope, systemIds: stewarded.map((system) => system.systemId) };
  }

  async function subtreeOf(executor: Executor, municipalityId: string, departmentId: string) {
    const departments = await accessRightsRepository.departmentsOf(executor, municipalityId);
    if (!departments.some((department) => department.id === departmentId))
      throw invalid('departmentId', 'The department does not exist in this municipality.');
    return departmentSubtree(departments, departmentId);
  }

  /** The person to grant to: here, and still employed. */
  async function grantee(executor: Executor, municipalityId: string, personId: string) {
    const found = await organisationReads.findPerson(executor, municipalityId, personId);
    if (!found) throw invalid('personId', 'The person does not exist in this municipality.');
    const { person } = found;
    if (person.employmentStatus === 'left' || (person.endDate !== null && person.endDate <= today()))
      throw conflict('The person has left the municipality.', 'person_left');
    return person;
  }

  function checkDates(startDate: string, endDate: string | null) {
    if (startDate < today()) throw invalid('startDate', 'A right granted here starts today or later.');
    if (endDate !== null && endDate < startDate) throw invalid('endDate', 'The end date is before the start date.');
  }

  const endOrActivate = async (
    actor: AnyActor,
    id: string,
    expectedVersion: ExpectedVersion,
    authorise: (stewards: readonly string[]) => void,
    change: (transaction: TransactionHandle, right: AccessRightRecord, version: number) => Promise<boolean>,
    action: 'end' | 'activate_exception',
  ) => {
    let stewards: readonly string[] = [];
    const after = await versioned.update(actor, {
      entity: 'Access right',
      expectedVersion,
      load: async (transaction) => {
        const found = await readable(transaction, actor, id);
        stewards = found?.stewards ?? [];
        return found?.right;
      },
      authorise: () => authorise(stewards),
      apply: (transaction, before, version) => change(transaction, before, version),
      audit: (before, after) => ({ action, entityType: 'access_right', entityId: id, before, after }),
    });
    const [answered] = await withAbilities(db, actor, [after]);
    return answered!;
  };

  return {
    listAccessRights: useCase('accessRight.read', async ({ actor, authorise }, query: AccessRightListQuery) => {
      // Everyone reads rights; the visibility below says whose (accessRightOversight.read, stewardship, their own).
      authorise();
      const municipalityId = municipalityOf(actor);
      const { departmentId, ...filters } = query;
      const departmentIds = departmentId ? await subtreeOf(db, municipalityId, departmentId) : undefined;
      const visibility = await visibilityOf(db, actor, municipalityId);
      const page = await accessRightsRepository.list(db, municipalityId, query, { ...filters, departmentIds }, visibility);
      return { ...page, items: await withAbilities(db, actor, page.items) };
    }),

    getAccessRight: useCase('accessRight.read', async ({ actor, authorise }, id: string): Promise<AccessRight> => {
      authorise();
      const found = await readable(db, actor, id);
      if (!found) throw notFound('Access right');
      const [answered] = await withAbilities(db, actor, [found.right]);
      return answered!;
    }),

    /** The gate as a grant now would meet it: for the grant form, before saving. */
    previewGate: useCase(
      'accessRight.grant',
      async ({ actor, authorise }, systemId: string, query: { personId: string }): Promise<AccessGate> => {
        const municipalityId = municipalityOf(actor);
        const system = await systemReads.findSystem(db, municipalityId, systemId, today());
        if (!system) throw notFound('System');
        authorise(stewardsOf((await stewardsOfSystems(db, municipalityId, [system.id])).get(system.id) ?? []));
        if (!(await organisationReads.findPerson(db, municipalityId, query.personId))) throw notFound('Person');
        return readGate(db, municipalityId, query.personId);
      },
    ),

    /** Grants one level to a person; a first right waits for the acknowledgement (the answer says so). */
    grantAccessRight: useCase('accessRight.grant', async ({ actor, authorise }, input: AccessRightGrant): Promise<AccessRightGranted> => {
      const municipalityId = municipalityOf(actor);
      return withTransaction(db, async (transaction) => {
        const [level] = await accessLevelsRepository.findMany(transaction, municipalityId, [input.levelId]);
        if (!level || level.systemId !== input.systemId) {
          if (!(await systemReads.findSystem(transaction, municipalityId, input.systemId, today())))
            throw invalid('systemId', 'The system does not exist in this municipality.');
          throw invalid('levelId', 'The level does not exist in this system.');
        }
        authorise(stewardsOf((await stewardsOfSystems(transaction, municipalityId, [level.systemId])).get(level.systemId) ?? []));
        await grantee(transaction, municipalityId, input.personId);
        const startDate = input.startDate ?? today();
        const endDate = input.endDate ?? null;
        checkDates(startDate, endDate);
        const { rights, gate } = await grantLevels(transaction, actor, clock, requester, {
          municipalityId,
          personId: input.personId,
          levels: [level],
          terms: { startDate, endDate, reason: input.reason ?? null, caseReference: input.caseReference ?? null, source: 'granted' },
          refuseHeld: true,
        });
        const [right] = await withAbilities(transaction, actor, rights);
        return { right: right!, gate };
      });
    }),

    /** Ends a right (never deletes it): by its system's manager or deputy; a leaver's flag is cleared with it. */
    endAccessRight: useCase(
      accessRightActions.end,
      async ({ actor, authorise }, id: string, expectedVersion: ExpectedVersion, input: AccessRightEnd): Promise<AccessRight> => {
        const endDate = input.endDate ?? today();
        if (endDate > today()) throw invalid('endDate', 'A right is ended today or on a day that has passed.');
        return endOrActivate(
          actor,
          id,
          expectedVersion,
          (stewards) => authorise(stewardsOf(stewards)),
          async (transaction, before, version) => {
            if (before.state === 'ended') throw conflict('The access right has already been ended.', 'access_right_ended');
            const now = clock.now().toISOString();
            return accessRightsRepository.update(transaction, municipalityOf(actor), id, version, {
              state: 'ended',
              // A right that had not started yet ends on its start day (ISO dates sort as text).
              end_date: [endDate, before.startDate].sort()[1]!,
              ended_at: now,
              ended_by_person_id: actor.kind === 'person' ? actor.personId : null,
              ended_by_name: actorName(actor),
              end_reason: before.flaggedForRemoval ? 'person_left' : 'ended',
              end_note: input.note ?? null,
              flagged_for_removal: 0,
              updated_at: now,
            });
          },
          'end',
        );
      },
    ),

    /** The system manager activates a pending right before the acknowledgement, with a written reason (shown as an exception). */
    activateWithException: useCase(
      accessRightActions.activateException,
      async ({ actor, authorise }, id: string, expectedVersion: ExpectedVersion, input: AccessRightActivate): Promise<AccessRight> =>
        endOrActivate(
          actor,
          id,
          expectedVersion,
          (stewards) => authorise(stewardsOf(stewards)),
          async (transaction, before, version) => {
            if (before.state !== 'pending_acknowledgement')
              throw conflict('The access right is not waiting for an acknowledgement.', 'access_right_not_pending');
            const now = clock.now().toISOString();
            return accessRightsRepository.update(transaction, municipalityOf(actor), id, version, {
              state: 'active',
              activation: 'exception',
              activated_at: now,
              exception_reason: input.exceptionReason,
              exception_by_person_id: actor.kind === 'person' ? actor.personId : null,
              exception_by_name: actorName(actor),
              updated_at: now,
            });
          },
          'activate_exception',
        ),
    ),

    /** The rights to create in the system or the directory, as CSV (the product records them; it does not provision). */
    exportAccessRights: useCase('accessRight.export', async ({ actor, authorise }, query: AccessRightExportQuery) => {
      const municipalityId = municipalityOf(actor);
      if (query.systemId) {
        const system = await systemReads.findSystem(db, municipalityId, query.systemId, today());
        if (!system) throw notFound('System');
        authorise(stewardsOf((await stewardsOfSystems(db, municipalityId, [system.id])).get(system.id) ?? []));
      } else authorise();
      const locale: Locale = actor.kind === 'person' ? actor.locale : 'sv';
      const rights = await accessRightsRepository.listForExport(db, municipalityId, query);
      const rows = rights.map((right) =>
        [
          right.personEmail,
          right.personName,
          right.systemName,
          right.levelName,
          right.privileged ? (locale === 'sv' ? 'ja' : 'yes') : locale === 'sv' ? 'nej' : 'no',
          right.state,
          right.startDate,
          right.endDate ?? '',
          right.caseReference ?? '',
          right.grantedByName,
          right.grantedAt,
        ].map(neutraliseFormula),
      );
      const csv = stringify([exportHeaders[locale], ...rows], { delimiter: locale === 'sv' ? ';' : ',' });
      return { body: Buffer.from(`\uFEFF${csv}`, 'utf8'), contentType: 'text/csv; charset=utf-8', filename: `behorigheter-${today()}.csv` };
    }),

    /**
     * The leavers (a daily job, and a person's update through the composition): every right not
     * ended of a person who has left is flagged for removal at once, in one statement, with one
     * audit event per right. Idempotent: a flagged right is not flagged again.
     */
    async flagRightsOfLeavers(
      executor: TransactionHandle | DatabaseHandle,
      actor: AnyActor,
      municipalityId: string,
      personIds?: readonly string[],
    ): Promise<number> {
      const run = async (transaction: TransactionHandle) => {
        const now = clock.now().toISOString();
        const flagged = await accessRightsRepository.flagRightsOfLeavers(transaction, municipalityId, today(), now, personIds);
        if (flagged.length === 0) return 0;
        // One event for the set (ADR 0016): the rights follow from it, named by id, with their holders.
        await recordAudit(transaction, actor, clock, {
          action: 'access_rights_flagged',
          entityType: 'access_right',
          entityId: null,
          after: {
            reason: 'person_left',
            flaggedAt: now,
            count: flagged.length,
            personIds: [...new Set(flagged.map((right) => right.person_id))],
            rightIds: flagged.map((right) => right.id),
          },
          municipalityId,
        });
        return flagged.length;
      };
      return executor.isTransaction ? run(executor as TransactionHandle) : withTransaction(executor as DatabaseHandle, run);
    },

    /** The daily job's entry: the system actor only. */
    async flagLeaversOfMunicipality(actor: SystemActor, municipalityId: string): Promise<number> {
      requireSystemActor(actor);
      return this.flagRightsOfLeavers(db, actor, municipalityId);
    },
  };
}

export type AccessRightsService = ReturnType<typeof createAccessRightsService>;
