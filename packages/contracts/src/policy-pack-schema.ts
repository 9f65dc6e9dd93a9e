import { z } from 'zod';
import { policyPackFileSchema } from './policy-authoring.ts';

/**
 * The pack file's JSON Schema as zod derives it from the contract, so the schema in docs/ and the
 * server's validation cannot drift apart (the import route validates with the same contract).
 */
export function policyPackJsonSchema(): Record<string, unknown> {
  return {
    ...z.toJSONSchema(policyPackFileSchema, { target: 'draft-2020-12', io: 'input' }),
    $id: 'https://forvalta.se/schemas/policy-pack-1.schema.json',
    title: 'Förvalta policy pack, format version 1',
  };
}
