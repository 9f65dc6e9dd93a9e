import type { SystemCreate } from '@forvalta/contracts';
import type { TestContext, TestMunicipality, TestUser } from './test-app.ts';
import { expectStatus, send } from './http.ts';

/** Register factories, through the API as a user would. */
export function systemFactories(context: TestContext) {
  return {
    async system(
      municipality: TestMunicipality,
      ownerDepartmentId: string,
      overrides: Partial<SystemCreate> = {},
      headers: Record<string, string> = municipality.admin.authorization,
    ) {
      const body = { name: `System ${Math.random().toString(36).slice(2, 8)}`, kind: 'department', ownerDepartmentId, ...overrides };
      return expectStatus(await send(context, 'POST', '/api/v1/systems', { headers, body }), 201);
    },

    async appoint(
      municipality: TestMunicipality,
      systemId: string,
      personId: string,
      role: 'manager' | 'deputy',
      extra: Record<string, unknown> = {},
    ) {
      return expectStatus(
        await send(context, 'POST', `/api/v1/systems/${systemId}/assignments`, {
          headers: municipality.admin.authorization,
          body: { personId, role, ...extra },
        }),
        201,
      );
    },

    async get(user: Pick<TestUser, 'authorization'>, systemId: string) {
      return expectStatus(await send(context, 'GET', `/api/v1/systems/${systemId}`, { headers: user.authorization }), 200);
    },
  };
}
