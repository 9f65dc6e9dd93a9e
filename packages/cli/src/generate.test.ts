import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { forvalta } from './cli-test-support.ts';

describe('forvalta generate', () => {
  let directory: string;

  beforeAll(() => {
    directory = fs.mkdtempSync(path.join(os.tmpdir(), 'forvalta-generate-'));
  });
  afterAll(() => fs.rmSync(directory, { recursive: true, force: true }));

  it('generates S plus a bulk load of more systems, and the audit log verifies afterwards', async () => {
    const database = path.join(directory, 'generated.db');
    const generated = await forvalta('generate', '--size', 'S', '--seed', '3', '--add-systems', '1200', '--database', database);
    expect(generated.code, generated.stderr).toBe(0);
    expect(generated.stdout).toContain('systems 300');
    expect(generated.stdout).toMatch(/loaded 1,200 more systems with [\d,]+ assignments, 9,600 duties/);

    const verified = await forvalta('audit', 'verify', '--database', database);
    expect(verified.code, verified.stdout + verified.stderr).toBe(0);
    expect(verified.stdout).toMatch(/Audit log intact: [\d,]+ events/);
  });

  it('refuses a bad --add-systems with one line and exit code 2', async () => {
    const result = await forvalta('generate', '--size', 'S', '--add-systems', 'many', '--database', path.join(directory, 'refused.db'));
    expect(result.code).toBe(2);
    expect(result.stderr.trim()).toBe('forvalta: --add-systems must be a whole number from 0 to 1000000, not "many"');
  });
});
