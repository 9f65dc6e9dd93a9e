import type { PersonRecord, PersonUpdate, ScimListQuery, ScimPatch, ScimUser, ScimUserInput, ScimUserList } from '@forvalta/contracts';
import { scimListResponseSchemaUrn } from '@forvalta/contracts';
import type { AnyActor, SystemActor } from '../../access/actor.ts';
import { municipalityOf } from '../../access/authorise.ts';
import { useCase } from '../../access/use-case.ts';
import { recordAudit } from '../../platform/audit.ts';
import type { Clock } from '../../platform/clock.ts';
import { withTransaction, type DatabaseHandle, type Executor, type TransactionHandle } from '../../platform/database.ts';
import { organisationReads, type PeopleService } from '../organisation/index.ts';
import { provisioningRepository, type DirectoryValues } from './provisioning.repository.ts';
import { InvalidScimFilterError, parseScimFilter } from './scim-filter.ts';
import {
  applyPatch,
  currentValues,
  ScimRequestError,
  scimVersionOf,
  toScimUser,
  valuesFromResource,
  type DirectoryRecord,
  type ProvisionedValues,
} from './scim-users.ts';

/** RFC 7644 §3.4.2.4: the client asks for `count`; the server may give fewer. */
const defaultCount = 100;
const maximumCount = 200;

interface Loaded {
  person: PersonRecord;
  directory: DirectoryRecord | undefined;
}

const notFound = () => new ScimRequestError(404, undefined, 'No such user in this municipality.');
const uniqueness = (detail: string) => new ScimRequestError(409, 'uniqueness', detail);

/** Where the directory finds a user: the SCIM base address the routes pass in, and the user's id. */
export interface ScimRequestContext {
  baseUrl: string;
  /** The client's If-Match (meta.version), when it sent one: a stale one refuses the change (412). */
  ifMatch?: string;
}

/**
 * The SCIM 2.0 Users endpoint's use cases (RFC 7644, the subset Microsoft Entra ID uses; ADR
 * 0038). The actor is the municipality's provisioning token (a system actor bound to that
 * municipality), so every lookup is in its municipality only: another municipality's person is
 * never found and never changed. People are written through the people service's provisioning
 * path, so a deactivation runs the leaver rules; every write is one transaction with its audit
 * events; nothing is ever deleted.
 */
export function createScimUsersService(db: DatabaseHandle, clock: Clock, people: PeopleService['provisioning']) {
  async function load(executor: Executor, municipalityId: string, id: string): Promise<Loaded | undefined> {
    const found = await organisationReads.findPerson(executor, municipalityId, id);
    if (!found) return undefined;
    const directory = await provisioningRepository.findDirectoryRecord(executor, municipalityId, id);
    // A SCIM DELETE took the person out of the directory's sight (RFC 7644 §3.6: 404 from then on).
    if (directory?.deprovisioned) return undefined;
    return { person: found.person, directory };
  }

  async function loadOrFail(executor: Executor, municipalityId: string, id: string) {
    const loaded = await load(executor, municipalityId, id);
    if (!loaded) throw notFound();
    return loaded;
  }

  const resourceOf = (context: ScimRequestContext, { person, directory }: Loaded) =>
    toScimUser(person, directory, `${context.baseUrl}/Users/${person.id}`);

  /** The department the directory names, when exactly one of the municipality's has that name; else the person's stays. */
  async function departmentIdFor(transaction: TransactionHandle, municipalityId: string, name: string | null, current: string | null) {
    if (!name) return current;
    const matches = await organisationReads.findDepartmentIdsByName(transaction, municipalityId, name);
    return matches.length === 1 ? matches[0]! : current;
  }

  /** The manager is another user of this municipality (both ends of the reference in the same tenant), never the person. */
  async function checkManager(transaction: TransactionHandle, municipalityId: string, managerId: string | null, personId?: string) {
    if (!managerId) return;
    if (managerId === personId) throw new ScimRequestError(400, 'invalidValue', 'A user cannot be their own manager.');
    if (!(await load(transaction, municipalityId, managerId)))
      throw new ScimRequestError(400, 'invalidValue', 'The manager is not a user of this municipality.');
  }

  async function checkUserName(transaction: TransactionHandle, municipalityId: string, userName: string, personId: string | undefined) {
    const holder = await provisioningRepository.findPersonIdByUserName(transaction, municipalityId, userName);
    if (holder && holder.personId !== personId && !holder.deprovisioned) throw uniqueness('Another user has that userName.');
    return holder;
  }

  /** The person's fields that differ from `values`; an empty object when the directory changed nothing of theirs. */
  function personChanges(before: PersonRecord, values: ProvisionedValues, departmentId: string | null): PersonUpdate {
    const changes: PersonUpdate = {};
    if (values.givenName !== before.firstName) changes.firstName = values.givenName;
    if (values.familyName !== before.lastName) changes.lastName = values.familyName;
    if (values.email !== before.email) changes.email = values.email;
    if (values.title !== before.title) changes.title = values.title;
    if (values.employeeNumber !== before.employeeNumber) changes.employeeNumber = values.employeeNumber;
    if (departmentId !== before.departmentId) changes.departmentId = departmentId;
    const wasActive = before.employmentStatus === 'active';
    if (values.active !== wasActive) {
      changes.employmentStatus = values.active ? 'active' : 'left';
      // Back from having left: the end date that came with leaving no longer holds.
      if (values.active) changes.endDate = null;
    }
    return changes;
  }

  function directoryValuesOf(values: ProvisionedValues, deprovisionedAt: string | null): DirectoryValues {
    return {
      userName: values.userName,
      externalId: values.externalId,
      departmentName: values.departmentName,
      managerId: values.managerId,
      deprovisionedAt,
    };
  }

  function sameDirectory(before: DirectoryRecord | undefined, after: DirectoryValues) {
    return (
      before !== undefined &&
      before.userName === after.userName &&
      before.externalId === after.externalId &&
      before.departmentName === after.departmentName &&
      before.managerId === after.managerId &&
      before.deprovisioned === (after.deprovisionedAt !== null)
    );
  }

  /**
   * Writes what the directory says of an existing person, in `transaction`: the person through the
   * people service (versioned, audited, the leaver path on deactivation), the directory's record
   * beside them (versioned, audited). Nothing is written when nothing changed.
   */
  async function writeValues(
    transaction: TransactionHandle,
    actor: SystemActor,
    municipalityId: string,
    before: { person: PersonRecord; directory: DirectoryRecord | undefined },
    values: ProvisionedValues,
    deprovisionedAt: string | null = null,
  ) {
    const { person, directory } = before;
    await checkUserName(transaction, municipalityId, values.userName, person.id);
    await checkManager(transaction, municipalityId, values.managerId, person.id);
    const departmentId = await departmentIdFor(transaction, municipalityId, values.departmentName, person.departmentId);
    const changes = personChanges(person, values, departmentId);
    if (Object.keys(changes).length > 0) await people.updatePerson(transaction, actor, person.id, person.version, changes);
    const directoryValues = directoryValuesOf(values, deprovisionedAt);
    if (sameDirectory(directory, directoryValues)) return;
    const now = clock.now().toISOString();
    if (directory) {
      if (
        !(await provisioningRepository.updateDirectoryRecord(
          transaction,
          municipalityId,
          person.id,
          directory.version,
          directoryValues,
          now,
        ))
      )
        throw new ScimRequestError(412, undefined, 'The user was changed meanwhile; read it again.');
    } else {
      // The directory's first word on this person: created just now, or registered before and linked.
      await provisioningRepository.insertDirectoryRecord(transaction, municipalityId, person.id, directoryValues, now);
    }
    await recordAudit(transaction, actor, clock, {
      action: deprovisionedAt ? 'deprovision' : directory ? 'update' : 'create',
      entityType: 'provisioned_person',
      entityId: person.id,
      ...(directory ? { before: directory } : {}),
      after: directoryValues,
      municipalityId,
    });
  }

  function checkIfMatch(context: ScimRequestContext, loaded: Loaded) {
    if (context.ifMatch && context.ifMatch.trim() !== '*' && context.ifMatch.trim() !== scimVersionOf(loaded.person, loaded.directory))
      throw new ScimRequestError(412, undefined, 'The user was changed since that version was read.');
  }

  /** Loads, checks the version, applies `change` to the stored values, writes: one transaction. */
  function change(actor: SystemActor, id: string, context: ScimRequestContext, valuesAfter: (loaded: Loaded) => ProvisionedValues) {
    const municipalityId = municipalityOf(actor);
    return withTransaction(db, async (transaction) => {
      const loaded = await loadOrFail(transaction, municipalityId, id);
      checkIfMatch(context, loaded);
      await writeValues(transaction, actor, municipalityId, loaded, valuesAfter(loaded));
      return resourceOf(context, await loadOrFail(transaction, municipalityId, id));
    });
  }

  function provisioner(actor: AnyActor): SystemActor {
    // authorise() has passed: no role holds provisioning.provision, so only the token's system actor gets here.
    if (actor.kind !== 'system') throw new ScimRequestError(403, undefined, 'Only a provisioning token may provision.');
    return actor;
  }

  return {
    listUsers: useCase('provisioning.provision', async ({ actor, authorise }, query: ScimListQuery, context: ScimRequestContext) => {
      authorise();
      const municipalityId = municipalityOf(actor);
      const startIndex = Math.max(1, query.startIndex ?? 1);
      const count = Math.min(maximumCount, Math.max(0, query.count ?? defaultCount));
      let ids: string[];
      let total: number;
      if (query.filter !== undefined) {
        let filter: ReturnType<typeof parseScimFilter>;
        try {
          filter = parseScimFilter(query.filter);
        } catch (error) {
          if (error instanceof InvalidScimFilterError) throw new ScimRequestError(400, 'invalidFilter', error.message);
          throw error;
        }
        let matched: string[] = [];
        if (filter.attribute === 'id') matched = [filter.value];
        if (filter.attribute === 'externalId')
          matched = await provisioningRepository.findPersonIdsByExternalId(db, municipalityId, filter.value);
        if (filter.attribute === 'userName') {
          const holder = await provisioningRepository.findPersonIdByUserName(db, municipalityId, filter.value);
          const unlinked = holder ? undefined : await provisioningRepository.findUnlinkedPersonIdByEmail(db, municipalityId, filter.value);
          matched = holder && !holder.deprovisioned ? [holder.personId] : unlinked ? [unlinked] : [];
        }
        const found: string[] = [];
        for (const id of matched) if (await load(db, municipalityId, id)) found.push(id);
        total = found.length;
        ids = found.slice(startIndex - 1, startIndex - 1 + count);
      } else {
        const page = await provisioningRepository.listPersonIds(db, municipalityId, startIndex - 1, count);
        ids = page.ids;
        total = page.total;
      }
      const resources: ScimUser[] = [];
      for (const id of ids) {
        const loaded = await load(db, municipalityId, id);
        if (loaded) resources.push(resourceOf(context, loaded));
      }
      const list: ScimUserList = {
        schemas: [scimListResponseSchemaUrn],
        totalResults: total,
        startIndex,
        itemsPerPage: resources.length,
        Resources: resources,
      };
      return list;
    }),

    getUser: useCase('provisioning.provision', async ({ actor, authorise }, id: string, context: ScimRequestContext) => {
      authorise();
      return resourceOf(context, await loadOrFail(db, municipalityOf(actor), id));
    }),

    /**
     * POST: a new person; or, when a person of this municipality has the same work address and no
     * directory record yet (registered by an import or an administrator), that person, linked.
     */
    createUser: useCase('provisioning.provision', async ({ actor, authorise }, input: ScimUserInput, context: ScimRequestContext) => {
      authorise();
      const system = provisioner(actor);
      const municipalityId = municipalityOf(actor);
      const values = valuesFromResource(input);
      return withTransaction(db, async (transaction) => {
        const holder = await checkUserName(transaction, municipalityId, values.userName, undefined);
        if (
          values.externalId &&
          (await provisioningRepository.findPersonIdsByExternalId(transaction, municipalityId, values.externalId)).length > 0
        )
          throw uniqueness('Another user has that externalId.');
        // A deprovisioned person with this userName comes back; else a person with this address is linked.
        const existingId =
          holder?.personId ?? (await provisioningRepository.findUnlinkedPersonIdByEmail(transaction, municipalityId, values.email));
        if (existingId) {
          const person = (await organisationReads.findPerson(transaction, municipalityId, existingId))!.person;
          const directory = await provisioningRepository.findDirectoryRecord(transaction, municipalityId, existingId);
          await writeValues(transaction, system, municipalityId, { person, directory }, values);
          return resourceOf(context, await loadOrFail(transaction, municipalityId, existingId));
        }
        await checkManager(transaction, municipalityId, values.managerId);
        const departmentId = await departmentIdFor(transaction, municipalityId, values.departmentName, null);
        const person = await people.createPerson(transaction, system, {
          firstName: values.givenName,
          lastName: values.familyName,
          email: values.email,
          employeeNumber: values.employeeNumber ?? undefined,
          departmentId,
          title: values.title ?? undefined,
        });
        await writeValues(transaction, system, municipalityId, { person, directory: undefined }, values);
        return resourceOf(context, await loadOrFail(transaction, municipalityId, person.id));
      });
    }),

    /** PUT: the whole user as the directory has it now. */
    replaceUser: useCase(
      'provisioning.provision',
      async ({ actor, authorise }, id: string, input: ScimUserInput, context: ScimRequestContext) => {
        authorise();
        const values = valuesFromResource(input);
        return change(provisioner(actor), id, context, (loaded) => ({
          ...values,
          // PUT leaves out what the directory does not send; Förvalta's own fields it does not name stay.
          title: input.title === undefined ? loaded.person.title : values.title,
        }));
      },
    ),

    /** PATCH: Entra's operations (`Replace`, `Add`, `Remove`), all of them or none. */
    patchUser: useCase(
      'provisioning.provision',
      async ({ actor, authorise }, id: string, patch: ScimPatch, context: ScimRequestContext) => {
        authorise();
        return change(provisioner(actor), id, context, (loaded) =>
          applyPatch(currentValues(loaded.person, loaded.directory), patch.Operations),
        );
      },
    ),

    /**
     * DELETE deletes nothing: the person is marked left (the leaver rules run, as on deactivation)
     * and the directory no longer finds them. The register's history keeps naming them.
     */
    deleteUser: useCase('provisioning.provision', async ({ actor, authorise }, id: string, context: ScimRequestContext) => {
      authorise();
      const system = provisioner(actor);
      const municipalityId = municipalityOf(actor);
      await withTransaction(db, async (transaction) => {
        const loaded = await loadOrFail(transaction, municipalityId, id);
        checkIfMatch(context, loaded);
        const values = { ...currentValues(loaded.person, loaded.directory), active: false };
        await writeValues(transaction, system, municipalityId, loaded, values, clock.now().toISOString());
      });
    }),
  };
}

export type ScimUsersService = ReturnType<typeof createScimUsersService>;
