import type { ApiToken } from '@forvalta/contracts';
import type { Selectable } from 'kysely';
import type { ApiTokensTable } from '../../platform/database-schema.ts';
import type { Executor } from '../../platform/database.ts';
import { pageOf, resolveSort } from '../../platform/paging.ts';
import { updateAtVersion } from '../../platform/versioned-rows.ts';

function toApiToken(row: Selectable<ApiTokensTable>): ApiToken {
  return {
    id: row.id,
    version: row.version,
    createdAt: row.created_at,
    updatedAt: row.updated_at,
    name: row.name,
    tokenPrefix: row.token_prefix,
    expiresAt: row.expires_at,
    lastUsedAt: row.last_used_at,
    revokedAt: row.revoked_at,
    canCreateTokens: Boolean(row.can_create_tokens),
  };
}

/** A login's personal tokens in one municipality. The secret itself is stored only as a hash. */
export const apiTokensRepository = {
  async list(db: Executor, municipalityId: string, loginId: string, query: { limit: number; cursor?: string; sort?: string }) {
    const filtered = () =>
      db.selectFrom('api_tokens').where('api_tokens.municipality_id', '=', municipalityId).where('api_tokens.login_id', '=', loginId);
    const sort = resolveSort(
      query.sort ?? '-createdAt',
      { createdAt: 'api_tokens.created_at', name: 'api_tokens.name' },
      'createdAt',
      'api_tokens.id',
    );
    return pageOf(filtered().selectAll('api_tokens'), filtered(), sort, query, toApiToken);
  },

  async findOwn(db: Executor, municipalityId: string, loginId: string, id: string) {
    const row = await db
      .selectFrom('api_tokens')
      .selectAll()
      .where('municipality_id', '=', municipalityId)
      .where('login_id', '=', loginId)
      .where('id', '=', id)
      .executeTakeFirst();
    return row ? toApiToken(row) : undefined;
  },

  async insert(
    db: Executor,
    values: {
      id: string;
      municipalityId: string;
      loginId: string;
      name: string;
      tokenHash: string;
      tokenPrefix: string;
      expiresAt: string | null;
      canCreateTokens: boolean;
    },
    now: string,
  ) {
    await db
      .insertInto('api_tokens')
      .values({
        id: values.id,
        municipality_id: values.municipalityId,
        login_id: values.loginId,
        name: values.name,
        token_hash: values.tokenHash,
        token_prefix: values.tokenPrefix,
        expires_at: values.expiresAt,
        can_create_tokens: values.canCreateTokens ? 1 : 0,
        last_used_at: null,
        revoked_at: null,
        created_at: now,
        updated_at: now,
        version: 1,
      })
      .execute();
  },

  async revoke(db: Executor, municipalityId: string, id: string, expectedVersion: number, now: string) {
    return updateAtVersion(db, 'api_tokens', { municipality_id: municipalityId, id }, expectedVersion, {
      revoked_at: now,
      updated_at: now,
    });
  },

  /** Every token of the municipality with its owner (the person the login is here), for administrators. */
  async listForMunicipality(db: Executor, municipalityId: string, query: { limit: number; cursor?: string; sort?: string }) {
    const filtered = () =>
      db
        .selectFrom('api_tokens')
        .innerJoin('people', (join) =>
          join.onRef('people.login_id', '=', 'api_tokens.login_id').onRef('people.municipality_id', '=', 'api_tokens.municipality_id'),
        )
        .where('api_tokens.municipality_id', '=', municipalityId);
    const sort = resolveSort(
      query.sort ?? '-createdAt',
      { createdAt: 'api_tokens.created_at', name: 'api_tokens.name' },
      'createdAt',
      'api_tokens.id',
    );
    return pageOf(
      filtered()
        .selectAll('api_tokens')
        .select(['people.first_name as owner_first_name', 'people.last_name as owner_last_name', 'people.email as owner_email']),
      filtered(),
      sort,
      query,
      (row) => ({ ...toApiToken(row), ownerName: `${row.owner_first_name} ${row.owner_last_name}`, ownerEmail: row.owner_email }),
    );
  },

  async findInMunicipality(db: Executor, municipalityId: string, id: string) {
    const row = await db
      .selectFrom('api_tokens')
      .selectAll()
      .where('municipality_id', '=', municipalityId)
      .where('id', '=', id)
      .executeTakeFirst();
    return row ? toApiToken(row) : undefined;
  },

  /** Revokes every live token of a login in one municipality (the person left); returns the ids. */
  async revokeAllOfLogin(db: Executor, municipalityId: string, loginId: string, now: string) {
    const rows = await db
      .updateTable('api_tokens')
      .set((eb) => ({ revoked_at: now, updated_at: now, version: eb('version', '+', 1) }))
      .where('municipality_id', '=', municipalityId)
      .where('login_id', '=', loginId)
      .where('revoked_at', 'is', null)
      .returning('id')
      .execute();
    return rows.map((row) => row.id);
  },
};
