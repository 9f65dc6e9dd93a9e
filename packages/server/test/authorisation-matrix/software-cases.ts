import { randomUUID } from 'node:crypto';
import type { Place, Records } from './records.ts';
import { scoped, unscoped, versioned, type RouteCase } from './route-case.ts';

/**
 * Software, the IT chief's decisions, licences, suppliers and contracts (issue #15). The records
 * are made by the place's first administrator, so the IT chief deciding is never the proposer.
 */
const orgNumber = () => {
  // A random valid Swedish organisation number: nine digits and their Luhn check digit.
  const digits = `55${String(Math.floor(Math.random() * 1e7)).padStart(7, '0')}`;
  let sum = 0;
  for (let index = 0; index < 9; index += 1) {
    let value = Number(digits[index]) * (index % 2 === 0 ? 2 : 1);
    if (value > 9) value -= 9;
    sum += value;
  }
  return `${digits.slice(0, 6)}-${digits.slice(6)}${(10 - (sum % 10)) % 10}`;
};

const software = async (r: Records, place: Place) =>
  r.created(place, '/api/v1/software', {
    product: `Egen app ${randomUUID().slice(0, 6)}`,
    origin: 'self_developed',
    systemIds: [(await r.system(place)).id],
  });
const decision = async (r: Records, place: Place) =>
  r.created(place, '/api/v1/software-decisions', { softwareId: (await software(r, place)).id });
const licence = async (r: Records, place: Place) =>
  r.created(place, '/api/v1/licences', { softwareId: (await software(r, place)).id, metric: 'per_device', quantity: 10 });
const consumption = async (r: Records, place: Place) =>
  r.created(place, '/api/v1/licence-consumption', { softwareId: (await software(r, place)).id, kind: 'installation', count: 3 });
const supplier = (r: Records, place: Place) =>
  r.created(place, '/api/v1/suppliers', { name: `Leverantör ${randomUUID().slice(0, 6)}`, organisationNumber: orgNumber() });
const contractBody = async (r: Records, place: Place) => ({
  title: 'Driftavtal',
  supplierId: (await supplier(r, place)).id,
  startsOn: '2026-01-01',
  endsOn: '2028-12-31',
  noticePeriod: { amount: 6, unit: 'months' },
  systemIds: [(await r.system(place)).id],
});
const contract = async (r: Records, place: Place) => r.created(place, '/api/v1/contracts', await contractBody(r, place));

export const softwareCases: Record<string, RouteCase> = {
  'POST /api/v1/software': {
    bodyReferences: 'other records',
    ...unscoped,
    allowed: 201,
    prepare: async (r, p) => ({
      url: '/api/v1/software',
      body: { product: 'Produkt', origin: 'commercial', systemIds: [(await r.system(p)).id] },
    }),
  },
  'GET /api/v1/software/:id': {
    ...unscoped,
    allowed: 200,
    prepare: async (r, p) => ({ url: `/api/v1/software/${(await software(r, p)).id}` }),
  },
  'PATCH /api/v1/software/:id': {
    ...unscoped,
    allowed: 200,
    prepare: async (r, p) => versioned('/api/v1/software', await software(r, p), { description: 'Ändrad' }),
  },
  'DELETE /api/v1/software/:id': {
    ...unscoped,
    allowed: 204,
    prepare: async (r, p) => versioned('/api/v1/software', await software(r, p)),
  },
  'POST /api/v1/software-decisions': {
    bodyReferences: 'other records',
    ...unscoped,
    allowed: 201,
    prepare: async (r, p) => ({ url: '/api/v1/software-decisions', body: { softwareId: (await software(r, p)).id, purpose: 'Bokning' } }),
  },
  'GET /api/v1/software-decisions/:id': {
    ...unscoped,
    allowed: 200,
    prepare: async (r, p) => ({ url: `/api/v1/software-decisions/${(await decision(r, p)).id}` }),
  },
  'PATCH /api/v1/software-decisions/:id': {
    ...unscoped,
    allowed: 200,
    prepare: async (r, p) => versioned('/api/v1/software-decisions', await decision(r, p), { purpose: 'Ändrad' }),
  },
  // §7: the IT chief alone decides (the proposer, here the administrator, never).
  'POST /api/v1/software-decisions/:id/decide': {
    ...unscoped,
    allowed: 200,
    prepare: async (r, p) => {
      const proposal = await decision(r, p);
      return { url: `/api/v1/software-decisions/${proposal.id}/decide`, version: proposal.version, body: { decision: 'allowed' } };
    },
  },
  'POST /api/v1/licences': {
    bodyReferences: 'other records',
    ...unscoped,
    allowed: 201,
    prepare: async (r, p) => ({
      url: '/api/v1/licences',
      body: { softwareId: (await software(r, p)).id, metric: 'per_user', quantity: 5 },
    }),
  },
  'GET /api/v1/licences/:id': {
    ...unscoped,
    allowed: 200,
    prepare: async (r, p) => ({ url: `/api/v1/licences/${(await licence(r, p)).id}` }),
  },
  'PATCH /api/v1/licences/:id': {
    ...unscoped,
    allowed: 200,
    prepare: async (r, p) => versioned('/api/v1/licences', await licence(r, p), { quantity: 12 }),
  },
  'DELETE /api/v1/licences/:id': { ...unscoped, allowed: 204, prepare: async (r, p) => versioned('/api/v1/licences', await licence(r, p)) },
  'POST /api/v1/licence-consumption': {
    bodyReferences: 'other records',
    ...unscoped,
    allowed: 201,
    prepare: async (r, p) => ({
      url: '/api/v1/licence-consumption',
      body: { softwareId: (await software(r, p)).id, kind: 'installation', count: 2 },
    }),
  },
  'DELETE /api/v1/licence-consumption/:id': {
    ...unscoped,
    allowed: 204,
    prepare: async (r, p) => versioned('/api/v1/licence-consumption', await consumption(r, p)),
  },
  'POST /api/v1/licence-consumption/import': {
    bodyReferences: 'other records',
    ...unscoped,
    allowed: 200,
    prepare: async (r, p) => ({
      url: '/api/v1/licence-consumption/import',
      body: {
        inventory: `SCCM ${randomUUID().slice(0, 6)}`,
        rows: [{ softwareId: (await software(r, p)).id, kind: 'installation', count: 7 }],
      },
    }),
  },
  'POST /api/v1/licence-consumption/import-file': {
    // The file's row names the place's software by id: another municipality's is not found here, so the apply refuses the file (400).
    bodyReferences: 'other records',
    ...unscoped,
    allowed: 200,
    prepare: async (r, p) => ({
      url: `/api/v1/licence-consumption/import-file?mode=apply&inventory=Intune%20${randomUUID().slice(0, 6)}`,
      contentType: 'text/csv',
      body: `softwareId;kind;count\r\n${(await software(r, p)).id};installation;7\r\n`,
    }),
  },
  'POST /api/v1/suppliers': {
    foreign: false,
    ...unscoped,
    allowed: 201,
    prepare: async () => ({ url: '/api/v1/suppliers', body: { name: 'Ny leverantör', organisationNumber: orgNumber() } }),
  },
  'GET /api/v1/suppliers/:id': {
    ...unscoped,
    allowed: 200,
    prepare: async (r, p) => ({ url: `/api/v1/suppliers/${(await supplier(r, p)).id}` }),
  },
  'PATCH /api/v1/suppliers/:id': {
    ...unscoped,
    allowed: 200,
    prepare: async (r, p) => versioned('/api/v1/suppliers', await supplier(r, p), { contact: 'avtal@example.se' }),
  },
  'DELETE /api/v1/suppliers/:id': {
    ...unscoped,
    allowed: 204,
    prepare: async (r, p) => versioned('/api/v1/suppliers', await supplier(r, p)),
  },
  'POST /api/v1/contracts': {
    bodyReferences: 'other records',
    ...unscoped,
    allowed: 201,
    prepare: async (r, p) => ({ url: '/api/v1/contracts', body: await contractBody(r, p) }),
  },
  // A department head reads the contracts covering their department's systems.
  'GET /api/v1/contracts/:id': {
    ...scoped,
    allowed: 200,
    prepare: async (r, p) => ({ url: `/api/v1/contracts/${(await contract(r, p)).id}` }),
  },
  'PATCH /api/v1/contracts/:id': {
    ...unscoped,
    allowed: 200,
    prepare: async (r, p) => versioned('/api/v1/contracts', await contract(r, p), { yearlyCost: 120000 }),
  },
  'DELETE /api/v1/contracts/:id': {
    ...unscoped,
    allowed: 204,
    prepare: async (r, p) => versioned('/api/v1/contracts', await contract(r, p)),
  },
};
