import type { ProvisioningToken } from '@forvalta/contracts';
import type { Selectable } from 'kysely';
import type { ProvisionedPeopleTable, ProvisioningTokensTable } from '../../platform/schema/provisioning.ts';
import { inParallel, type Executor } from '../../platform/database.ts';
import { updateAtVersion } from '../../platform/versioned-rows.ts';
import type { DirectoryRecord } from './scim-users.ts';

function toToken(row: Selectable<ProvisioningTokensTable>): ProvisioningToken {
  return {
    id: row.id,
    version: row.version,
    createdAt: row.created_at,
    updatedAt: row.updated_at,
    tokenPrefix: row.token_prefix,
    createdBy: row.created_by,
    lastUsedAt: row.last_used_at,
  };
}

function toDirectoryRecord(row: Selectable<ProvisionedPeopleTable>): DirectoryRecord {
  return {
    userName: row.user_name,
    externalId: row.external_id,
    departmentName: row.department_name,
    managerId: row.manager_person_id,
    deprovisioned: row.deprovisioned_at !== null,
    version: row.version,
  };
}

export interface DirectoryValues {
  userName: string;
  externalId: string | null;
  departmentName: string | null;
  managerId: string | null;
  deprovisionedAt: string | null;
}

function directoryColumns(values: DirectoryValues) {
  return {
    user_name: values.userName,
    user_name_key: values.userName.toLowerCase(),
    external_id: values.externalId,
    department_name: values.departmentName,
    manager_person_id: values.managerId,
    deprovisioned_at: values.deprovisionedAt,
  };
}

/**
 * The municipality's SCIM tokens and the directory's record of the people it provisions
 * (ADR 0038). Every query names the municipality, but the one that finds a token by its hash,
 * which is how a request learns its municipality.
 */
export const provisioningRepository = {
  async findLiveTokenByHash(db: Executor, tokenHash: string) {
    const row = await db
      .selectFrom('provisioning_tokens')
      .select(['id', 'municipality_id', 'token_prefix', 'last_used_at'])
      .where('token_hash', '=', tokenHash)
      .where('revoked_at', 'is', null)
      .executeTakeFirst();
    return row
      ? { id: row.id, municipalityId: row.municipality_id, tokenPrefix: row.token_prefix, lastUsedAt: row.last_used_at }
      : undefined;
  },

  /** Bookkeeping like a session's last-seen time: no version, no data version, no audit event. */
  async markTokenUsed(db: Executor, id: string, now: string) {
    await db.updateTable('provisioning_tokens').set({ last_used_at: now }).where('id', '=', id).execute();
  },

  async findLiveToken(db: Executor, municipalityId: string) {
    const row = await db
      .selectFrom('provisioning_tokens')
      .selectAll()
      .where('municipality_id', '=', municipalityId)
      .where('revoked_at', 'is', null)
      .executeTakeFirst();
    return row ? toToken(row) : undefined;
  },

  async insertToken(
    db: Executor,
    values: { id: string; municipalityId: string; tokenHash: string; tokenPrefix: string; createdBy: string },
    now: string,
  ) {
    await db
      .insertInto('provisioning_tokens')
      .values({
        id: values.id,
        municipality_id: values.municipalityId,
        token_hash: values.tokenHash,
        token_prefix: values.tokenPrefix,
        created_by: values.createdBy,
        last_used_at: null,
        revoked_at: null,
        created_at: now,
        updated_at: now,
        version: 1,
      })
      .execute();
  },

  revokeToken(db: Executor, municipalityId: string, id: string, expectedVersion: number, now: string) {
    return updateAtVersion(db, 'provisioning_tokens', { municipality_id: municipalityId, id }, expectedVersion, {
      revoked_at: now,
      updated_at: now,
    });
  },

  async countProvisioned(db: Executor, municipalityId: string) {
    const row = await db
      .selectFrom('provisioned_people')
      .innerJoin('people', 'people.id', 'provisioned_people.person_id')
      .select((eb) => [
        eb.fn.countAll<number>().as('people'),
        eb.fn.sum<number>(eb.case().when('people.employment_status', '=', 'left').then(1).else(0).end()).as('leavers'),
      ])
      .where('provisioned_people.municipality_id', '=', municipalityId)
      .executeTakeFirstOrThrow();
    return { people: Number(row.people), leavers: Number(row.leavers ?? 0) };
  },

  async findDirectoryRecord(db: Executor, municipalityId: string, personId: string) {
    const row = await db
      .selectFrom('provisioned_people')
      .selectAll()
      .where('municipality_id', '=', municipalityId)
      .where('person_id', '=', personId)
      .executeTakeFirst();
    return row ? toDirectoryRecord(row) : undefined;
  },

  /** The directory records of a page of people, by person id. */
  async directoryRecordsOf(db: Executor, municipalityId: string, personIds: readonly string[]) {
    if (personIds.length === 0) return new Map<string, DirectoryRecord>();
    const rows = await db
      .selectFrom('provisioned_people')
      .selectAll()
      .where('municipality_id', '=', municipalityId)
      .where('person_id', 'in', personIds)
      .execute();
    return new Map(rows.map((row) => [row.person_id, toDirectoryRecord(row)]));
  },

  async findPersonIdByUserName(db: Executor, municipalityId: string, userName: string) {
    const row = await db
      .selectFrom('provisioned_people')
      .select(['person_id', 'deprovisioned_at'])
      .where('municipality_id', '=', municipalityId)
      .where('user_name_key', '=', userName.toLowerCase())
      .executeTakeFirst();
    return row ? { personId: row.person_id, deprovisioned: row.deprovisioned_at !== null } : undefined;
  },

  /**
   * A person the directory has not linked, whose address is `email` (case-folded): the userName
   * lookup finds them, so a directory links the people an import or an administrator registered
   * instead of creating them twice.
   */
  async findUnlinkedPersonIdByEmail(db: Executor, municipalityId: string, email: string) {
    const row = await db
      .selectFrom('people')
      .leftJoin('provisioned_people', 'provisioned_people.person_id', 'people.id')
      .select('people.id')
      .where('people.municipality_id', '=', municipalityId)
      .where('provisioned_people.person_id', 'is', null)
      .where((eb) => eb(eb.fn('lower', ['people.email']), '=', email.toLowerCase()))
      .executeTakeFirst();
    return row?.id;
  },

  async findPersonIdsByExternalId(db: Executor, municipalityId: string, externalId: string) {
    const rows = await db
      .selectFrom('provisioned_people')
      .select('person_id')
      .where('municipality_id', '=', municipalityId)
      .where('external_id', '=', externalId)
      .where('deprovisioned_at', 'is', null)
      .limit(2)
      .execute();
    return rows.map((row) => row.person_id);
  },

  /** A page of the municipality's people in a stable order, for an unfiltered list (RFC 7644 §3.4.2.4: 1-based). */
  async listPersonIds(db: Executor, municipalityId: string, offset: number, count: number) {
    const listed = () =>
      db
        .selectFrom('people')
        .leftJoin('provisioned_people', 'provisioned_people.person_id', 'people.id')
        .where('people.municipality_id', '=', municipalityId)
        .where('provisioned_people.deprovisioned_at', 'is', null);
    const [rows, total] = await inParallel(
      db,
      () =>
        count === 0
          ? Promise.resolve([])
          : listed().select('people.id').orderBy('people.created_at').orderBy('people.id').offset(offset).limit(count).execute(),
      () =>
        listed()
          .select((eb) => eb.fn.countAll<number>().as('total'))
          .executeTakeFirstOrThrow(),
    );
    return { ids: rows.map((row) => row.id), total: Number(total.total) };
  },

  async insertDirectoryRecord(db: Executor, municipalityId: string, personId: string, values: DirectoryValues, now: string) {
    await db
      .insertInto('provisioned_people')
      .values({
        person_id: personId,
        municipality_id: municipalityId,
        ...directoryColumns(values),
        created_at: now,
        updated_at: now,
        version: 1,
      })
      .execute();
  },

  updateDirectoryRecord(
    db: Executor,
    municipalityId: string,
    personId: string,
    expectedVersion: number,
    values: DirectoryValues,
    now: string,
  ) {
    return updateAtVersion(db, 'provisioned_people', { municipality_id: municipalityId, person_id: personId }, expectedVersion, {
      ...directoryColumns(values),
      updated_at: now,
    });
  },
};
