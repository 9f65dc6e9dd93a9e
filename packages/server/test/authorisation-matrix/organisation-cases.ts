import { randomUUID } from 'node:crypto';
import { unscoped, versioned, type RouteCase } from './route-case.ts';

/** The organisation, logins, tokens and the audit log. */
export const organisationCases: Record<string, RouteCase> = {
  // Organisation
  'GET /api/v1/departments/:id': {
    ...unscoped,
    allowed: 200,
    prepare: async (r, p) => ({ url: `/api/v1/departments/${(await r.department(p)).id}` }),
  },
  'POST /api/v1/departments': {
    bodyReferences: 'other records',
    ...unscoped,
    allowed: 201,
    prepare: async (_r, p) => ({
      url: '/api/v1/departments',
      body: { name: `Enhet ${randomUUID().slice(0, 6)}`, parentId: p.departmentId },
    }),
  },
  'PATCH /api/v1/departments/:id': {
    ...unscoped,
    allowed: 200,
    prepare: async (r, p) => versioned('/api/v1/departments', await r.department(p), { shortName: 'AVD' }),
  },
  'DELETE /api/v1/departments/:id': {
    ...unscoped,
    allowed: 204,
    prepare: async (r, p) => versioned('/api/v1/departments', await r.department(p)),
  },
  'GET /api/v1/people/:id': { ...unscoped, allowed: 200, prepare: async (r, p) => ({ url: `/api/v1/people/${(await r.person(p)).id}` }) },
  'POST /api/v1/people': {
    bodyReferences: 'other records',
    ...unscoped,
    allowed: 201,
    prepare: async (_r, p) => ({
      url: '/api/v1/people',
      body: { firstName: 'Nya', lastName: 'Personen', email: `ny-${randomUUID().slice(0, 8)}@example.se`, departmentId: p.departmentId },
    }),
  },
  'PATCH /api/v1/people/:id': {
    ...unscoped,
    allowed: 200,
    prepare: async (r, p) => versioned('/api/v1/people', await r.person(p), { title: 'Handläggare' }),
  },
  'GET /api/v1/people/:id/login': {
    ...unscoped,
    allowed: 200,
    prepare: async (r, p) => ({ url: `/api/v1/people/${(await r.person(p)).id}/login` }),
  },
  'POST /api/v1/people/:id/login': {
    ...unscoped,
    allowed: 201,
    prepare: async (r, p) => ({ url: `/api/v1/people/${(await r.person(p)).id}/login`, body: {} }),
  },
  'POST /api/v1/people/:id/password-reset-links': {
    ...unscoped,
    allowed: 201,
    prepare: async (r, p) => ({ url: `/api/v1/people/${(await r.personWithLogin(p)).id}/password-reset-links` }),
  },
  'DELETE /api/v1/people/:id/login': {
    ...unscoped,
    allowed: 204,
    prepare: async (r, p) => {
      const person = await r.personWithLogin(p);
      return { url: `/api/v1/people/${person.id}/login`, version: person.version };
    },
  },
  'DELETE /api/v1/login-invitations/:id': {
    ...unscoped,
    allowed: 204,
    prepare: async (r, p) => versioned('/api/v1/login-invitations', await r.loginInvitation(p)),
  },
  'GET /api/v1/role-assignments/:id': {
    ...unscoped,
    allowed: 200,
    prepare: async (r, p) => ({ url: `/api/v1/role-assignments/${(await r.roleAssignment(p)).id}` }),
  },
  'POST /api/v1/role-assignments': {
    bodyReferences: 'other records',
    ...unscoped,
    allowed: 201,
    prepare: async (r, p) => ({ url: '/api/v1/role-assignments', body: { personId: (await r.person(p)).id, role: 'auditor' } }),
  },
  'PATCH /api/v1/role-assignments/:id': {
    ...unscoped,
    allowed: 200,
    prepare: async (r, p) => versioned('/api/v1/role-assignments', await r.roleAssignment(p), { departmentId: p.departmentId }),
  },
  'DELETE /api/v1/role-assignments/:id': {
    ...unscoped,
    allowed: 204,
    prepare: async (r, p) => versioned('/api/v1/role-assignments', await r.roleAssignment(p)),
  },
  'GET /api/v1/municipalities/:id': {
    ...unscoped,
    allowed: 200,
    prepare: async (r, p) => ({ url: `/api/v1/municipalities/${(await r.municipality(p)).id}` }),
  },
  'PATCH /api/v1/municipalities/:id': {
    ...unscoped,
    allowed: 200,
    prepare: async (r, p) => versioned('/api/v1/municipalities', await r.municipality(p), { name: `${p.municipality.code} kommun` }),
  },
  // Tokens
  'POST /api/v1/api-tokens': {
    ...unscoped,
    foreign: false,
    allowed: 201,
    prepare: async () => ({ url: '/api/v1/api-tokens', body: { name: 'Skript' } }),
  },
  'GET /api/v1/api-tokens/:id': {
    ...unscoped,
    ownOnly: true,
    allowed: 200,
    prepare: async (r, p) => ({ url: `/api/v1/api-tokens/${(await r.apiToken(p)).id}` }),
  },
  'DELETE /api/v1/api-tokens/:id': {
    ...unscoped,
    ownOnly: true,
    allowed: 204,
    prepare: async (r, p) => versioned('/api/v1/api-tokens', await r.apiToken(p)),
  },
  'DELETE /api/v1/municipality-api-tokens/:id': {
    ...unscoped,
    allowed: 204,
    prepare: async (r, p) => versioned('/api/v1/municipality-api-tokens', await r.tokenOfAnotherLogin(p)),
  },
  // Audit and jobs
  'GET /api/v1/audit-events/:id': {
    ...unscoped,
    allowed: 200,
    prepare: async (r, p) => ({ url: `/api/v1/audit-events/${(await r.auditEvent(p)).id}` }),
  },
  // The export acts on the caller's own municipality's log only: there is no foreign record to name.
  'POST /api/v1/audit-events/export': {
    ...unscoped,
    foreign: false,
    allowed: 200,
    prepare: async () => ({ url: '/api/v1/audit-events/export', body: { format: 'csv', action: 'login_failed' } }),
  },
  // The backup is of the caller's own municipality: there is no foreign record to name.
  'POST /api/v1/export': {
    ...unscoped,
    foreign: false,
    allowed: 200,
    prepare: async () => ({ url: '/api/v1/export' }),
  },
  // The municipality's OpenID provider (ADR 0036): a setting of the caller's own municipality.
  'PUT /api/v1/single-sign-on': {
    ...unscoped,
    foreign: false,
    allowed: 200,
    prepare: async (r, p) => ({
      url: '/api/v1/single-sign-on',
      body: {
        displayName: 'Kommunens konto',
        issuer: 'http://127.0.0.1:9',
        clientId: 'forvalta',
        clientSecret: 'secret',
        matchBy: 'email',
        matchClaim: 'email',
        groupsClaim: null,
        groupRoles: [],
        passwordLogin: true,
      },
      version: await r.settingVersion(p, '/api/v1/single-sign-on'),
    }),
  },
  // The municipality's SCIM token (ADR 0038): the caller's own municipality's, one at a time.
  'POST /api/v1/provisioning/token': {
    ...unscoped,
    foreign: false,
    allowed: 201,
    prepare: async () => ({ url: '/api/v1/provisioning/token' }),
  },
  'DELETE /api/v1/provisioning/token': {
    ...unscoped,
    foreign: false,
    allowed: 204,
    prepare: async (r, p) => ({
      url: '/api/v1/provisioning/token',
      version: (await r.created(p, '/api/v1/provisioning/token', undefined)).version,
    }),
  },
  'DELETE /api/v1/single-sign-on': {
    ...unscoped,
    foreign: false,
    allowed: 204,
    prepare: async (r, p) => {
      const saved = await r.settingSaved(p, '/api/v1/single-sign-on', {
        displayName: 'Kommunens konto',
        issuer: 'http://127.0.0.1:9',
        clientId: 'forvalta',
        clientSecret: 'secret',
        matchBy: 'email',
        matchClaim: 'email',
        groupsClaim: null,
        groupRoles: [],
        passwordLogin: true,
      });
      return { url: '/api/v1/single-sign-on', version: saved.version };
    },
  },
  'PUT /api/v1/second-factor-requirement': {
    ...unscoped,
    foreign: false,
    allowed: 200,
    prepare: async (r, p) => ({
      url: '/api/v1/second-factor-requirement',
      body: { roles: [] },
      version: await r.settingVersion(p, '/api/v1/second-factor-requirement'),
    }),
  },
};
