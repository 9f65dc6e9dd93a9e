import fs from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { policyPackJsonSchema } from './policy-pack-schema.ts';

describe('docs/policy-pack.schema.json', () => {
  it('is the JSON Schema zod derives from the pack file contract (npx tsx scripts/write-policy-pack-schema.ts writes it)', () => {
    const file = path.join(import.meta.dirname, '..', '..', '..', 'docs', 'policy-pack.schema.json');
    expect(JSON.parse(fs.readFileSync(file, 'utf8'))).toEqual(policyPackJsonSchema());
  });
});
