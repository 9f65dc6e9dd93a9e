import { isDeepStrictEqual } from 'node:util';
import fastJson from 'fast-json-stringify';
import { serializerCompiler as zodSerializerCompiler } from 'fastify-type-provider-zod';
import { z } from 'zod';

/**
 * Responses are written by a serializer compiled from the route's contract (fast-json-stringify,
 * as Fastify does for JSON schemas) instead of encoding every response through zod: encoding
 * re-validates every field of every row the server itself read (uuid and timestamp patterns
 * included), a tenth of a list request's CPU. Like zod, the compiled serializer writes only the
 * properties the contract names, so nothing unlisted leaves the server.
 *
 * Only plain contracts are compiled: objects, arrays, records, primitives, enums and nullable
 * values. Any other union, or anything JSON Schema cannot say, keeps zod. The first responses of
 * each route, and one in `sampleEvery` after that, are also encoded through zod and compared as
 * JSON values (key order aside); on a difference the route falls back to zod for good and
 * `onMismatch` is told. Validation of what the server sends is therefore sampled, not total: the
 * input side (every request) is still validated in full.
 */
type RouteSchema = { schema: unknown; method: string; url: string; httpStatus?: string };
type JsonSchema = Record<string, unknown>;

const checkedFirst = 50;
const sampleEvery = 100;

export interface ResponseSerializerOptions {
  onMismatch: (route: string) => void;
}

export function createResponseSerializerCompiler({ onMismatch }: ResponseSerializerOptions) {
  // Compiled on a route's first response, not when the route is registered: compiling all of
  // them (JSON Schema from zod, then fast-json-stringify) was half a second of every process's
  // start, and most routes of a worker answer nothing for a long while after it starts.
  return (route: RouteSchema) => {
    let serialize: ((data: unknown) => string) | undefined;
    return (data: unknown) => {
      serialize ??= compileSerializer(route, onMismatch);
      return serialize(data);
    };
  };
}

function compileSerializer(route: RouteSchema, onMismatch: ResponseSerializerOptions['onMismatch']): (data: unknown) => string {
  const zodSerialize = zodSerializerCompiler(route as Parameters<typeof zodSerializerCompiler>[0]);
  const jsonSchema = compilableJsonSchema(route.schema);
  if (!jsonSchema) return zodSerialize;
  let compiled: (data: unknown) => string;
  try {
    compiled = fastJson(jsonSchema) as (data: unknown) => string;
  } catch {
    return zodSerialize;
  }
  let responses = 0;
  let fallBack = false;
  return (data: unknown) => {
    if (fallBack) return zodSerialize(data);
    responses += 1;
    if (responses > checkedFirst && responses % sampleEvery !== 0) return compiled(data);
    // zod throws on a response that breaks the contract: that stays a 500, as before.
    const expected = zodSerialize(data);
    if (!isDeepStrictEqual(JSON.parse(compiled(data)), JSON.parse(expected))) {
      fallBack = true;
      onMismatch(`${route.method} ${route.url} ${route.httpStatus ?? ''}`.trim());
    }
    return expected;
  };
}

function compilableJsonSchema(schema: unknown): JsonSchema | undefined {
  const zodSchema = schema instanceof z.ZodType ? schema : undefined;
  if (!zodSchema) return undefined;
  let json: JsonSchema;
  try {
    json = z.toJSONSchema(zodSchema, { io: 'output', target: 'draft-7', unrepresentable: 'throw' }) as JsonSchema;
  } catch {
    return undefined;
  }
  delete json.$schema;
  return plain(json);
}

const unsupportedKeywords = ['anyOf', 'oneOf', 'allOf', 'not', 'if', '$ref', 'definitions', '$defs', 'patternProperties'];

/** The schema with nullable values as type arrays, or undefined if it needs more than a compiled serializer can do. */
function plain(schema: JsonSchema): JsonSchema | undefined {
  let node = schema;
  const variants = node.anyOf as JsonSchema[] | undefined;
  if (variants) {
    // Nullable: anyOf [X, { type: 'null' }] → X with type [X.type, 'null'].
    const others = variants.filter((variant) => variant.type !== 'null');
    const single = others[0];
    if (variants.length !== 2 || others.length !== 1 || !single || typeof single.type !== 'string') return undefined;
    const { anyOf: _anyOf, ...rest } = node;
    node = { ...rest, ...single, type: [single.type, 'null'] };
  }
  if (unsupportedKeywords.some((keyword) => keyword in node)) return undefined;
  // Formats and patterns are checks, not layout; a compiled serializer would only act on Date objects.
  const { format: _format, pattern: _pattern, ...result } = node;
  if (result.properties) {
    const properties: Record<string, JsonSchema> = {};
    for (const [name, property] of Object.entries(result.properties as Record<string, JsonSchema>)) {
      const converted = plain(property);
      if (!converted) return undefined;
      properties[name] = converted;
    }
    result.properties = properties;
  }
  if (result.items) {
    if (Array.isArray(result.items)) return undefined;
    const items = plain(result.items as JsonSchema);
    if (!items) return undefined;
    result.items = items;
  }
  if (result.additionalProperties && typeof result.additionalProperties === 'object') {
    const values = plain(result.additionalProperties as JsonSchema);
    if (!values) return undefined;
    result.additionalProperties = values;
  }
  delete result.propertyNames;
  return result;
}
