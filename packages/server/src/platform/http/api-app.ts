import type { FastifyBaseLogger, FastifyInstance, RawReplyDefaultExpression, RawRequestDefaultExpression, RawServerDefault } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { problemSchema } from '@forvalta/contracts';

/** The Fastify instance every module registers its routes on: validated and typed by the zod contracts. */
export type ApiApp = FastifyInstance<
  RawServerDefault,
  RawRequestDefaultExpression<RawServerDefault>,
  RawReplyDefaultExpression<RawServerDefault>,
  FastifyBaseLogger,
  ZodTypeProvider
>;

/** Error responses every authenticated route can give, for the OpenAPI document. */
export const problemResponses = {
  400: problemSchema,
  401: problemSchema,
  403: problemSchema,
  404: problemSchema,
} as const;

export const writeProblemResponses = {
  ...problemResponses,
  409: problemSchema,
  412: problemSchema,
  428: problemSchema,
} as const;

/** 204 No Content. */
export const noContentResponse = { 204: z.null().describe('No content') } as const;

/** A file download (CSV, XLSX): sent as bytes, not serialised as JSON. */
export const fileResponse = { 200: z.any().describe('The file') } as const;
