import { expect } from 'vitest';
import { expectStatus, send } from './http.ts';
import type { TestContext, TestMunicipality, TestUser } from './test-app.ts';

type Headers = Pick<TestUser, 'authorization'>;

/** Access-rights factories for the server's tests, through the API as a user would (issue #14). */
export function accessRightFactories(context: TestContext) {
  const { database } = context;
  return {
    async level(user: Headers, systemId: string, body: { name: string; privileged?: boolean }) {
      return expectStatus(
        await send(context, 'POST', `/api/v1/systems/${systemId}/access-levels`, { headers: user.authorization, body }),
        201,
      ) as { id: string; version: number };
    },

    async grant(user: Headers, body: Record<string, unknown>) {
      return expectStatus(await send(context, 'POST', '/api/v1/access-rights', { headers: user.authorization, body }), 201) as {
        right: { id: string; version: number; state: string; activation: string | null; source: string; caseReference: string | null };
        gate: { firstRight: boolean; acknowledged: boolean; wouldBePending: boolean };
      };
    },

    async right(user: Headers, id: string) {
      return expectStatus(await send(context, 'GET', `/api/v1/access-rights/${id}`, { headers: user.authorization }), 200);
    },

    /** The person's open acknowledgement requests, as they see them. */
    async openRequestsOf(user: TestUser): Promise<Array<{ id: string; version: number }>> {
      const list = expectStatus(
        await send(context, 'GET', `/api/v1/acknowledgements?personId=${user.personId}&state=requested`, { headers: user.authorization }),
        200,
      );
      return list.items;
    },

    async acknowledge(user: TestUser, request: { id: string; version: number }) {
      return expectStatus(
        await send(context, 'POST', `/api/v1/acknowledgements/${request.id}/acknowledge`, {
          headers: user.authorization,
          body: {},
          ifMatch: request.version,
        }),
        200,
      );
    },

    /** Marks the person's requests of the current versions acknowledged, as a paper record would (no rights wait on them yet). */
    async acknowledgeAll(personId: string) {
      const now = context.clock.now().toISOString();
      const updated = await database.db
        .updateTable('acknowledgements')
        .set({ state: 'acknowledged', acknowledged_at: now, method: 'paper', updated_at: now })
        .where('person_id', '=', personId)
        .where('state', '=', 'requested')
        .executeTakeFirst();
      expect(Number(updated.numUpdatedRows)).toBeGreaterThan(0);
    },

    /** The person leaves: their municipality's administrator sets them to left, through the people API. */
    async markLeft(municipality: TestMunicipality, personId: string) {
      const headers = municipality.admin.authorization;
      const person = expectStatus(await send(context, 'GET', `/api/v1/people/${personId}`, { headers }), 200);
      return expectStatus(
        await send(context, 'PATCH', `/api/v1/people/${personId}`, {
          headers,
          body: { employmentStatus: 'left' },
          ifMatch: person.version,
        }),
        200,
      );
    },

    /** The audit events of a record, oldest first. */
    async auditEventsOf(entityId: string) {
      return database.db
        .selectFrom('audit_events')
        .select(['action', 'sequence', 'after_json'])
        .where('entity_id', '=', entityId)
        .orderBy('sequence')
        .execute();
    },
  };
}
