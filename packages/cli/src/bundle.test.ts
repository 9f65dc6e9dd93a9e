import { execFile, spawn, type ChildProcess } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { promisify } from 'node:util';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';

const run = promisify(execFile);
const repositoryRoot = path.resolve(import.meta.dirname, '../../..');
const bin = path.resolve(import.meta.dirname, '../bin/forvalta.mjs');

async function node(script: string, args: string[], environment: Record<string, string> = {}) {
  try {
    const { stdout, stderr } = await run(process.execPath, [script, ...args], {
      cwd: repositoryRoot,
      env: { ...process.env, LOG_LEVEL: 'silent', ...environment },
    });
    return { code: 0, stdout, stderr };
  } catch (error) {
    const failed = error as { code: number; stdout: string; stderr: string };
    return { code: failed.code, stdout: failed.stdout, stderr: failed.stderr };
  }
}

/** The address `forvalta serve --port 0` prints once it listens. */
function listening(server: ChildProcess): Promise<string> {
  let output = '';
  return new Promise<string>((resolve, reject) => {
    server.stdout!.on('data', (chunk: Buffer) => {
      output += chunk.toString();
      const match = /running at (http:\/\/\S+)/.exec(output);
      if (match) resolve(match[1]!.replace('localhost', '127.0.0.1'));
    });
    server.stderr!.on('data', (chunk: Buffer) => (output += chunk.toString()));
    server.once('exit', (code) => reject(new Error(`forvalta serve exited with ${code}: ${output}`)));
  });
}

describe('compiled server bundle', () => {
  let directory: string;

  beforeAll(() => {
    directory = fs.mkdtempSync(path.join(os.tmpdir(), 'forvalta-bundle-'));
  });
  afterAll(() => fs.rmSync(directory, { recursive: true, force: true }));

  it('runs the CLI and serves from the bundle that npm run build makes', async () => {
    // npm test builds it first; a run of this file alone builds it when the sources moved on.
    if ((await node(bin, ['--help'], { FORVALTA_LOADER: 'bundle' })).code !== 0) {
      const built = await node(path.join(repositoryRoot, 'scripts/build-server.mjs'), []);
      expect(built.code, built.stderr).toBe(0);
    }
    const database = path.join(directory, 'bundle.db');
    const migrated = await node(bin, ['migrate', '--database', database], { FORVALTA_LOADER: 'bundle' });
    expect(migrated.code, migrated.stderr).toBe(0);
    expect(migrated.stdout).toContain('Applied');

    const server = spawn(process.execPath, [bin, 'serve', '--port', '0', '--database', database], {
      env: { ...process.env, LOG_LEVEL: 'warn', FORVALTA_LOADER: 'bundle' },
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    const fromSources = spawn(process.execPath, [bin, 'serve', '--port', '0', '--database', database], {
      env: { ...process.env, LOG_LEVEL: 'warn', FORVALTA_LOADER: 'sources' },
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    try {
      const address = await listening(server);
      // Files found beside the sources (the web application, from the repository root) are found the same way bundled.
      const sourcesAddress = await listening(fromSources);
      for (const page of ['/', '/systems', '/favicon.svg']) {
        expect((await fetch(`${address}${page}`)).status, page).toBe((await fetch(`${sourcesAddress}${page}`)).status);
      }
      const health = await fetch(`${address}/api/v1/health`);
      expect(health.status).toBe(200);
      // The bundled Fastify plugins still answer: a problem document, security headers, compression.
      const refused = await fetch(`${address}/api/v1/systems`, { headers: { 'accept-encoding': 'gzip' } });
      expect(refused.status).toBe(401);
      expect(refused.headers.get('content-type')).toContain('application/problem+json');
      expect(refused.headers.get('x-content-type-options')).toBe('nosniff');
      const openApi = await fetch(`${address}/api/openapi.json`, { headers: { 'accept-encoding': 'gzip' } });
      expect(openApi.headers.get('content-encoding')).toBe('gzip');
      expect(((await openApi.json()) as { openapi: string }).openapi).toMatch(/^3\./);
    } finally {
      server.kill('SIGTERM');
      fromSources.kill('SIGTERM');
    }
  });

  it('uses the bundle only while every source it was built from is unchanged', async () => {
    // A checkout in miniature: the real launcher, a "bundle" and "sources" that say which ran.
    const cli = path.join(directory, 'checkout/packages/cli');
    fs.mkdirSync(path.join(cli, 'bin'), { recursive: true });
    fs.mkdirSync(path.join(cli, 'src'), { recursive: true });
    fs.mkdirSync(path.join(cli, 'dist'), { recursive: true });
    fs.symlinkSync(path.join(repositoryRoot, 'node_modules'), path.join(directory, 'checkout/node_modules'));
    fs.copyFileSync(bin, path.join(cli, 'bin/forvalta.mjs'));
    fs.writeFileSync(path.join(cli, 'package.json'), '{ "type": "module" }');
    const source = path.join(cli, 'src/main.ts');
    fs.writeFileSync(
      source,
      `export async function main(argv: string[]): Promise<number> { console.log(\`sources \${argv.join(' ')}\`); return 0; }\n`,
    );
    fs.writeFileSync(
      path.join(cli, 'dist/forvalta.js'),
      `export async function main(argv) { console.log(\`bundle \${argv.join(' ')}\`); return 0; }\n`,
    );
    const manifest = path.join(cli, 'dist/manifest.json');
    fs.writeFileSync(
      manifest,
      JSON.stringify({ entry: 'forvalta.js', inputs: { 'packages/cli/src/main.ts': fs.statSync(source).mtimeMs } }),
    );
    const launcher = path.join(cli, 'bin/forvalta.mjs');

    expect((await node(launcher, ['serve'])).stdout.trim()).toBe('bundle serve');
    expect((await node(launcher, ['serve'], { FORVALTA_LOADER: 'sources' })).stdout.trim()).toBe('sources serve');

    const later = new Date(Date.now() + 5000);
    fs.utimesSync(source, later, later);
    expect((await node(launcher, ['serve'])).stdout.trim()).toBe('sources serve');
    const refused = await node(launcher, ['serve'], { FORVALTA_LOADER: 'bundle' });
    expect(refused.code).toBe(1);
    expect(refused.stderr).toContain('packages/cli/src/main.ts changed since the build');

    fs.rmSync(manifest);
    expect((await node(launcher, ['migrate'])).stdout.trim()).toBe('sources migrate');
  });
});
