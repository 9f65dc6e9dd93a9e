/**
 * Writes docs/policy-pack.schema.json, the JSON Schema of the policy pack file (issue #21), from its
 * one source, the zod contract (packages/contracts/src/policy-authoring.ts):
 * `npx tsx scripts/write-policy-pack-schema.ts`. A unit test fails while the file differs.
 */
import fs from 'node:fs';
import path from 'node:path';
import { policyPackJsonSchema } from '../packages/contracts/src/policy-pack-schema.ts';

const output = path.join(import.meta.dirname, '..', 'docs', 'policy-pack.schema.json');
fs.writeFileSync(output, `${JSON.stringify(policyPackJsonSchema(), null, 2)}\n`);
console.log(`wrote ${output}`);
