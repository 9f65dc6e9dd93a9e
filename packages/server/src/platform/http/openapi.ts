/**
 * The OpenAPI document's frame: info with the licence, servers, security, and one stable
 * operationId per operation. The ids are derived here from the method and the route, in one
 * place, so a route file needs nothing for it and a generated client names every call
 * (GET /api/v1/systems → listSystems, GET /api/v1/systems/:id → getSystem, PATCH → updateSystem).
 */
import type { FastifyDynamicSwaggerOptions } from '@fastify/swagger';
import { jsonSchemaTransform } from 'fastify-type-provider-zod';
import { sessionCookieName } from './authentication.ts';

const apiPrefixes = [
  { prefix: '/api/v1/', words: [] as string[] },
  { prefix: '/public/v1/', words: ['public'] },
  { prefix: '/api/', words: [] as string[] },
];

const camel = (words: string[]) => words.map((word, index) => (index === 0 ? word : word.charAt(0).toUpperCase() + word.slice(1))).join('');
const wordsOf = (segment: string) => segment.split(/[-_.]/).filter(Boolean);
const isParameter = (segment: string) => segment.startsWith(':') || segment.startsWith('{');

const irregularPlurals: Record<string, string> = { people: 'person' };
/** Words that end like a plural and name one thing (the settings of the public register). */
const uncountable = new Set(['settings']);

/** Operations whose route does not say what they do. */
const namedOperations: Record<string, string> = {
  'POST /api/v1/auth/login': 'login',
  'POST /api/v1/auth/logout': 'logout',
  'POST /api/v1/me/municipality': 'switchMunicipality',
  'POST /api/v1/auth/login/second-factor': 'completeSecondFactorLogin',
  'GET /api/v1/me/second-factor': 'getMySecondFactor',
  'POST /api/v1/me/second-factor/enrolment': 'startSecondFactorEnrolment',
  'POST /api/v1/me/second-factor/confirmation': 'confirmSecondFactor',
  'POST /api/v1/me/second-factor/recovery-codes': 'renewRecoveryCodes',
  'POST /api/v1/me/second-factor/disable': 'disableSecondFactor',
  // "software" has no plural: the list is named as a list.
  'GET /api/v1/software': 'listSoftware',
};

/** "systems" → "system", "analyses" → "analysis", "categories" → "category"; a singular word as it is. */
export function singular(word: string): string {
  if (word in irregularPlurals) return irregularPlurals[word]!;
  if (uncountable.has(word)) return word;
  if (word.endsWith('ies')) return `${word.slice(0, -3)}y`;
  if (word.endsWith('yses')) return `${word.slice(0, -4)}ysis`;
  if (word.endsWith('sses')) return word.slice(0, -2);
  if (word.endsWith('s') && !/(ss|us|is)$/.test(word)) return word.slice(0, -1);
  return word;
}

const isPlural = (word: string) => singular(word) !== word;

/**
 * The operationId of `method url`. A static segment followed by a parameter names one record
 * (singular); the verb comes from the method: get or list for GET (a plural last segment is a
 * list), create for POST to a collection, the last segment itself for POST to an action
 * (/projects/:id/submit → submitProject), update for PATCH, set for PUT, delete for DELETE.
 */
export function operationIdOf(method: string, url: string): string {
  const named = namedOperations[`${method.toUpperCase()} ${url}`];
  if (named) return named;
  const known = apiPrefixes.find(({ prefix }) => url.startsWith(prefix));
  const rest = known ? url.slice(known.prefix.length) : url.replace(/^\//, '');
  const segments = rest.split('/').filter(Boolean);
  const endsWithParameter = segments.length > 0 && isParameter(segments.at(-1)!);
  const words: string[][] = [];
  segments.forEach((segment, index) => {
    if (isParameter(segment)) return;
    const next = segments[index + 1];
    const segmentWords = wordsOf(segment);
    if (next !== undefined && isParameter(next)) segmentWords.push(singular(segmentWords.pop()!));
    words.push(segmentWords);
  });
  const prefixWords = known?.words ?? [];
  const verb = method.toUpperCase();
  const last = words.at(-1) ?? [];
  const lastWord = last.at(-1) ?? '';
  if (verb === 'POST' && !endsWithParameter && words.length > 0 && !isPlural(lastWord) && words.length > 1) {
    // An action on a record or a collection: /projects/:id/submit → submitProject.
    const action = words.pop()!;
    return camel([...action, ...prefixWords, ...words.flat()]);
  }
  let name = words.flat();
  let prefix: string;
  if (verb === 'GET') prefix = !endsWithParameter && isPlural(lastWord) ? 'list' : 'get';
  else if (verb === 'POST') {
    prefix = 'create';
    if (isPlural(lastWord)) name = [...name.slice(0, -1), singular(lastWord)];
  } else if (verb === 'PATCH') prefix = 'update';
  else if (verb === 'PUT') prefix = 'set';
  else if (verb === 'DELETE') prefix = 'delete';
  else prefix = verb.toLowerCase();
  return camel([prefix, ...prefixWords, ...name]);
}

type Transform = NonNullable<FastifyDynamicSwaggerOptions['transform']>;

/** The zod contracts as JSON Schema, and the operationId (a route may still name its own). */
const transform: Transform = (input) => {
  const transformed = jsonSchemaTransform(input as Parameters<typeof jsonSchemaTransform>[0]);
  const methods = [input.route.method].flat().filter((method) => method !== 'HEAD');
  const schema = transformed.schema as { operationId?: string };
  return {
    ...transformed,
    schema: { ...schema, operationId: schema.operationId ?? operationIdOf(String(methods[0] ?? 'GET'), transformed.url) },
  };
};

/** `cookieSecure`: the session cookie is named as authentication.ts names it (`__Host-…` behind TLS), so a client reading the document sends the cookie the server reads. */
export function openApiOptions(version: string, cookieSecure: boolean): FastifyDynamicSwaggerOptions {
  return {
    openapi: {
      openapi: '3.1.0',
      info: {
        title: 'Förvalta API',
        version,
        description:
          'The IT-governance register of a Swedish municipality. Authenticate with a personal API token: Authorization: Bearer fvt_…',
        license: { name: 'EUPL-1.2', identifier: 'EUPL-1.2' },
      },
      // Relative: the document is served by the installation it describes, whatever its address.
      servers: [{ url: '/', description: 'This installation' }],
      components: {
        securitySchemes: {
          bearer: { type: 'http', scheme: 'bearer' },
          session: { type: 'apiKey', in: 'cookie', name: sessionCookieName(cookieSecure) },
        },
      },
      security: [{ bearer: [] }, { session: [] }],
    },
    transform,
  };
}
