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
};
