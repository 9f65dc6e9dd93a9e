import type { AnyActor, SystemActor } from '../../access/actor.ts';
import { randomUUID } from 'node:crypto';
import type { ExpectedVersion } from '../../platform/http/versioning.ts';
import type { Permission, Person, PersonActionName, PersonCreate, PersonListQuery, PersonRecord, PersonUpdate } from '@forvalta/contracts';
import { municipalityOf } from '../../access/authorise.ts';
import { canOn } from '../../access/record-actions.ts';
import { requireSystemActor, useCase } from '../../access/use-case.ts';
import { swedishToday } from '../../platform/calendar.ts';
import { recordAudit } from '../../platform/audit.ts';
import type { Clock } from '../../platform/clock.ts';
import { withTransaction, type DatabaseHandle, type Executor, type TransactionHandle } from '../../platform/database.ts';
import { conflict, invalid, notFound } from '../../platform/errors.ts';
import { createVersionedCache, type ReadCacheSettings } from '../../platform/versioned-cache.ts';
import { versionedWrites } from '../../platform/versioned-write.ts';
import { peopleRepository, type PersonValues } from './people.repository.ts';

/**
 * People of a municipality. A person gets a login only when they accept an invitation (or the
 * installation operator links one, ADR 0009): registering someone's e-mail address links nothing
 * and reveals nothing about logins elsewhere (issue #12, finding 2). People who leave are
 * marked `left`, never deleted: the register's history must keep naming them.
 */
/**
 * What ends when a person's access ends (they leave, or their end date has come): their API
 * tokens and sessions in this municipality, in the same transaction. Wired in services.ts, so the
 * organisation module needs neither the tokens nor the sessions module.
 */
export interface AccessEnders {
  endAccess(transaction: TransactionHandle, actor: AnyActor, owner: { municipalityId: string; loginId: string }): Promise<void>;
  /**
   * The person's access ended (left, or end date reached), login or not: their access rights in
   * the municipality's systems are flagged for removal in the same transaction (issue #14).
   */
  personLeft?(transaction: TransactionHandle, actor: AnyActor, person: { municipalityId: string; personId: string }): Promise<void>;
}

/**
 * What follows when a person is registered, in the registration's transaction (issue #13,
 * ITP-3-INFORM-NEW: someone who has already started is asked to read the current documents at
 * once). Wired in services.ts, so organisation needs no acknowledgements module.
 */
export interface PersonArrivals {
  personRegistered(transaction: TransactionHandle, actor: AnyActor, person: { municipalityId: string; personId: string }): Promise<void>;
}

/**
 * The permission of each action on a person: updating them (people.service), managing their
 * login (login-invitations.service) and issuing a password reset link (passwords.service) are
 * declared with these entries, and a person's `can` is computed from the same table. No
 * department scope: these are the administrator's, so the subject is the municipality alone.
 */
export const personActions = {
  update: 'person.write',
  manageLogin: 'login.manage',
  resetPassword: 'person.write',
  // The extract itself is the privacy module's (subject-access-export.service.ts), declared with this entry.
  subjectAccessExport: 'subjectAccess.export',
} as const satisfies Record<PersonActionName, Permission>;

/**
 * A person as the API answers them: with what `actor` may do. The states mirror the reset link's
 * refusals (no login, or they have left). A login that also works in another municipality is
 * refused by the reset link as well; that is a read of logins this module does not make, so
 * `can.resetPassword` does not foresee it, and the server keeps the last word.
 */
export function withPersonAbilities(actor: AnyActor, person: PersonRecord): Person {
  return {
    ...person,
    can: canOn(actor, personActions, undefined, { resetPassword: person.hasLogin && person.employmentStatus === 'active' }),
  };
}

export function createPeopleService(
  db: DatabaseHandle,
  clock: Clock,
  cacheSettings?: ReadCacheSettings,
  enders?: AccessEnders,
  arrivals?: PersonArrivals,
) {
  // Pages of a few dozen people each; a few hundred keep the common lists and searches warm.
  const listCache = createVersionedCache<Awaited<ReturnType<typeof peopleRepository.list>>>(300, cacheSettings);

  async function loadOrFail(executor: Executor, municipalityId: string, id: string) {
    const found = await peopleRepository.findById(executor, municipalityId, id);
    if (!found) throw notFound('Person');
    return found;
  }

  async function validate(executor: Executor, municipalityId: string, values: PersonValues, id: string) {
    if (values.departmentId && !(await peopleRepository.departmentExists(executor, municipalityId, values.departmentId))) {
      throw invalid('departmentId', 'The department does not exist in this municipality.');
    }
    const holder = await peopleRepository.findIdByEmail(executor, municipalityId, values.email);
    if (holder && holder !== id) {
      throw conflict('Another person in this municipality has that e-mail address.', 'email_taken', [
        { path: 'email', message: 'Already in use in this municipality' },
      ]);
    }
    const numberHolder = values.employeeNumber
      ? await peopleRepository.findIdByEmployeeNumber(executor, municipalityId, values.employeeNumber)
      : undefined;
    if (numberHolder && numberHolder !== id) {
      throw conflict('Another person in this municipality has that employee number.', 'employee_number_taken', [
        { path: 'employeeNumber', message: 'Already in use in this municipality' },
      ]);
    }
    if (values.endDate && values.startDate && values.endDate < values.startDate) {
      throw invalid('endDate', 'The end date is before the start date.');
    }
  }

  async function createIn(transaction: TransactionHandle, actor: AnyActor, municipalityId: string, input: PersonCreate) {
    const id = randomUUID();
    const values: PersonValues = {
      firstName: input.firstName,
      lastName: input.lastName,
      email: input.email,
      employeeNumber: input.employeeNumber || null,
      departmentId: input.departmentId ?? null,
      title: input.title ?? null,
      employmentStatus: 'active',
      startDate: input.startDate ?? null,
      endDate: null,
      loginId: null,
      hasPersonalMailbox: input.hasPersonalMailbox ?? false,
    };
    await validate(transaction, municipalityId, values, id);
    await peopleRepository.insert(transaction, municipalityId, id, values, clock.now().toISOString());
    const { person } = await loadOrFail(transaction, municipalityId, id);
    await recordAudit(transaction, actor, clock, { action: 'create', entityType: 'person', entityId: id, after: person, municipalityId });
    // Started already (or no start date): asked now; a later start date is the daily job's.
    if (arrivals && (person.startDate === null || person.startDate <= swedishToday(clock.now())))
      await arrivals.personRegistered(transaction, actor, { municipalityId, personId: id });
    return person;
  }

  /** In `executor`'s transaction when it is one (provisioning), else in a transaction of its own. */
  function updateIn(
    executor: Executor,
    actor: AnyActor,
    municipalityId: string,
    id: string,
    expectedVersion: ExpectedVersion,
    input: PersonUpdate,
    authorise: () => void,
  ): Promise<PersonRecord> {
    return versionedWrites(executor, clock)
      .update(actor, {
        entity: 'Person',
        expectedVersion,
        load: (transaction) => peopleRepository.findById(transaction, municipalityId, id),
        versionOf: ({ person }) => person.version,
        authorise,
        apply: async (transaction, { person: before, loginId }, version) => {
          const email = input.email ?? before.email;
          const employmentStatus = input.employmentStatus ?? before.employmentStatus;
          const values: PersonValues = {
            firstName: input.firstName ?? before.firstName,
            lastName: input.lastName ?? before.lastName,
            email,
            employeeNumber: input.employeeNumber !== undefined ? input.employeeNumber || null : before.employeeNumber,
            departmentId: input.departmentId !== undefined ? input.departmentId : before.departmentId,
            title: input.title !== undefined ? input.title : before.title,
            employmentStatus,
            startDate: input.startDate !== undefined ? input.startDate : before.startDate,
            endDate:
              input.endDate !== undefined
                ? input.endDate
                : employmentStatus === 'left' && !before.endDate
                  ? swedishToday(clock.now())
                  : before.endDate,
            // The login is the person's, whatever their address becomes; a municipality never picks a login by e-mail.
            loginId,
            hasPersonalMailbox: input.hasPersonalMailbox ?? before.hasPersonalMailbox,
          };
          await validate(transaction, municipalityId, values, id);
          return peopleRepository.update(transaction, municipalityId, id, version, values, clock.now().toISOString());
        },
        audit: ({ person: before }, { person: after }) => ({
          action: before.employmentStatus === 'active' && after.employmentStatus === 'left' ? 'person_left' : 'update',
          entityType: 'person',
          entityId: id,
          before,
          after,
          municipalityId,
        }),
        // Tokens and sessions end in the transaction that ends the access.
        followUp: async (transaction, _before, { person: after, loginId }) => {
          // The Swedish date, as the end date is one (and as authentication judges it).
          const today = swedishToday(clock.now());
          const accessEnded = after.employmentStatus === 'left' || (after.endDate !== null && after.endDate <= today);
          if (accessEnded && loginId && enders) await enders.endAccess(transaction, actor, { municipalityId, loginId });
          if (accessEnded) await enders?.personLeft?.(transaction, actor, { municipalityId, personId: id });
        },
      })
      .then(({ person }) => person);
  }

  return {
    /**
     * The daily job: everyone still marked active whose end date has come (`today`, the Swedish
     * date) is marked left, loses their tokens and sessions here, with a `person_left` event.
     * Idempotent: a second run finds nobody. Returns how many it marked.
     */
    async recordLeaversByEndDate(actor: SystemActor, municipalityId: string, today: string) {
      requireSystemActor(actor);
      // Most nights nobody's end date has come: look first, and open a write transaction only for work.
      if ((await peopleRepository.listActiveEndedBy(db, municipalityId, today)).length === 0) return 0;
      return withTransaction(db, async (transaction) => {
        const leavers = await peopleRepository.listActiveEndedBy(transaction, municipalityId, today);
        // The platform's versioned write, in this transaction: the job acts as the system, which needs no permission.
        const inNight = versionedWrites(transaction, clock);
        for (const leaver of leavers) {
          await inNight.update(actor, {
            entity: 'Person',
            expectedVersion: leaver.person.version,
            load: (executor) => peopleRepository.findById(executor, municipalityId, leaver.person.id),
            versionOf: ({ person }) => person.version,
            authorise: () => requireSystemActor(actor),
            apply: (executor, _before, version) =>
              peopleRepository.markLeft(executor, municipalityId, leaver.person.id, version, clock.now().toISOString()),
            audit: ({ person: before }, { person: after }) => ({
              action: 'person_left',
              entityType: 'person',
              entityId: before.id,
              before,
              after: { ...after, reason: 'end_date_reached' },
              municipalityId,
            }),
            followUp: async (executor, _before, { loginId }) => {
              if (loginId && enders) await enders.endAccess(executor, actor, { municipalityId, loginId });
              await enders?.personLeft?.(executor, actor, { municipalityId, personId: leaver.person.id });
            },
          });
        }
        return leavers.length;
      });
    },

    /**
     * The same for everyone who may read people (no department scope), and independent of the
     * day (status and dates are stored, not derived), so a page is kept per municipality, data
     * version and query until anything in the municipality changes.
     */
    listPeople: useCase('person.read', async ({ actor, authorise }, query: PersonListQuery) => {
      authorise();
      const municipalityId = municipalityOf(actor);
      // The cached page is the stored records, the same for every reader; `can` is the caller's.
      const page = await listCache.readAtVersion(db, actor, municipalityId, [query], () =>
        peopleRepository.list(db, municipalityId, query),
      );
      return { ...page, items: page.items.map((person) => withPersonAbilities(actor, person)) };
    }),

    getPerson: useCase('person.read', async ({ actor, authorise }, id: string): Promise<Person> => {
      authorise();
      return withPersonAbilities(actor, (await loadOrFail(db, municipalityOf(actor), id)).person);
    }),

    createPerson: useCase('person.write', async ({ actor, authorise }, input: PersonCreate): Promise<Person> => {
      authorise();
      const person = await withTransaction(db, (transaction) => createIn(transaction, actor, municipalityOf(actor), input));
      return withPersonAbilities(actor, person);
    }),

    updatePerson: useCase(
      personActions.update,
      async ({ actor, authorise }, id: string, expectedVersion: ExpectedVersion, input: PersonUpdate): Promise<Person> => {
        const person = await updateIn(db, actor, municipalityOf(actor), id, expectedVersion, input, () => authorise());
        return withPersonAbilities(actor, person);
      },
    ),

    /**
     * Provisioning from the directory (ADR 0038): the SCIM service creates and changes people in
     * its own transaction, beside its record of the directory's names for them, through the same
     * rules, audit events and follow-ups as the administrator's writes (a deactivation runs the
     * leaver path: tokens, sessions, access rights flagged). Its actor is the municipality's
     * provisioning token, a system actor bound to that municipality.
     */
    provisioning: {
      createPerson(transaction: TransactionHandle, actor: SystemActor, input: PersonCreate): Promise<PersonRecord> {
        requireSystemActor(actor);
        return createIn(transaction, actor, municipalityOf(actor), input);
      },
      updatePerson(
        transaction: TransactionHandle,
        actor: SystemActor,
        id: string,
        expectedVersion: ExpectedVersion,
        input: PersonUpdate,
      ): Promise<PersonRecord> {
        requireSystemActor(actor);
        return updateIn(transaction, actor, municipalityOf(actor), id, expectedVersion, input, () => requireSystemActor(actor));
      },
    },
  };
}

export type PeopleService = ReturnType<typeof createPeopleService>;
