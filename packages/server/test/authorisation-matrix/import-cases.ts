import { randomUUID } from 'node:crypto';
import { unscoped, versioned, type RouteCase } from './route-case.ts';

/**
 * The register and people imports (issue #17 §1). The proposal reads only the file: nothing of
 * another municipality can be named in it. A register file names its owning department by name
 * (an organisation path): another municipality's is not found here, so the row is refused and the
 * apply answers 400. A people file names nobody of another municipality (an unknown e-mail is a
 * new person of the caller's), so it has no foreign cell. Saved mappings are the municipality's own.
 */
const mappingBody = () => ({ kind: 'register', name: `Mappning ${randomUUID().slice(0, 8)}`, mapping: { Benämning: 'name' } });

export const importCases: Record<string, RouteCase> = {
  'POST /api/v1/imports/register': {
    ...unscoped,
    foreign: false,
    allowed: 200,
    prepare: async () => ({
      url: '/api/v1/imports/register',
      contentType: 'text/csv',
      body: 'Systemnamn;Förvaltning\r\nProcapita;Socialtjänsten\r\n',
    }),
  },
  'POST /api/v1/imports/register/run': {
    ...unscoped,
    bodyReferences: 'other records',
    allowed: 200,
    prepare: async (r, p) => {
      const department = (await r.created(p, '/api/v1/departments', {
        name: `Import ${randomUUID().slice(0, 8)}`,
        parentId: p.departmentId,
      })) as unknown as {
        name: string;
      };
      return {
        url: '/api/v1/imports/register/run?mode=apply',
        contentType: 'text/csv',
        body: `Systemnamn;Förvaltning\r\nSystem ${randomUUID().slice(0, 8)};${department.name}\r\n`,
      };
    },
  },
  'POST /api/v1/imports/people': {
    ...unscoped,
    foreign: false,
    allowed: 200,
    prepare: async () => ({
      url: '/api/v1/imports/people',
      contentType: 'text/csv',
      body: 'E-post;Förnamn;Efternamn\r\nanna@example.se;Anna;Ek\r\n',
    }),
  },
  'POST /api/v1/imports/people/run': {
    ...unscoped,
    foreign: false,
    allowed: 200,
    prepare: async () => ({
      url: '/api/v1/imports/people/run?mode=apply',
      contentType: 'text/csv',
      body: `E-post;Förnamn;Efternamn\r\nimport-${randomUUID().slice(0, 8)}@example.se;Anna;Ek\r\n`,
    }),
  },
  'POST /api/v1/import-mappings': {
    ...unscoped,
    foreign: false,
    allowed: 201,
    prepare: async () => ({ url: '/api/v1/import-mappings', body: mappingBody() }),
  },
  'GET /api/v1/import-mappings/:id': {
    ...unscoped,
    allowed: 200,
    prepare: async (r, p) => ({ url: `/api/v1/import-mappings/${(await r.created(p, '/api/v1/import-mappings', mappingBody())).id}` }),
  },
  'PATCH /api/v1/import-mappings/:id': {
    ...unscoped,
    allowed: 200,
    prepare: async (r, p) =>
      versioned('/api/v1/import-mappings', await r.created(p, '/api/v1/import-mappings', mappingBody()), { mapping: { Namn: 'name' } }),
  },
};
