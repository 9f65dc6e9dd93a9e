import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import zlib from 'node:zlib';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildApp, type App } from '../src/app.ts';
import { loadConfig } from '../src/config.ts';
import { connectDatabase, type DatabaseConnection } from '../src/platform/database.ts';
// The same step the web build runs (npm run build --workspace @forvalta/web).
import { precompressDirectory } from '../../web/scripts/precompress.mjs';
import { createMigratedTestDatabase, type TestDatabase } from './test-database.ts';

/** The built web application as the server hands it out: precompressed, cached by hash, routes to index.html. */
describe('serving the web application', () => {
  let testDatabase: TestDatabase;
  let database: DatabaseConnection;
  let built: App;
  const distDirectory = fs.mkdtempSync(path.join(os.tmpdir(), 'forvalta-web-dist-'));
  const script = `console.log(${JSON.stringify('Förvalta '.repeat(400))});\n`;

  beforeAll(async () => {
    fs.mkdirSync(path.join(distDirectory, 'assets'));
    fs.writeFileSync(
      path.join(distDirectory, 'index.html'),
      '<!doctype html><title>Förvalta</title><script type="module" src="/assets/index-abc123.js"></script>',
    );
    fs.writeFileSync(path.join(distDirectory, 'assets', 'index-abc123.js'), script);
    fs.writeFileSync(path.join(distDirectory, 'assets', 'tiny-abc123.js'), 'export {};\n');
    expect(precompressDirectory(distDirectory)).toMatchObject({ files: 1 });
    testDatabase = await createMigratedTestDatabase();
    database = connectDatabase(testDatabase.url, { poolSize: 2 });
    const config = loadConfig({ DATABASE_URL: testDatabase.url, LOG_LEVEL: 'silent', JOBS: 'false' }, { webDistDirectory: distDirectory });
    built = await buildApp({ config, database, logger: false });
    await built.app.ready();
  });
  afterAll(async () => {
    await built.app.close();
    await database.destroy();
    await testDatabase.drop();
    fs.rmSync(distDirectory, { recursive: true, force: true });
  });

  const get = (url: string, acceptEncoding?: string) =>
    built.app.inject({ method: 'GET', url, headers: acceptEncoding ? { 'accept-encoding': acceptEncoding } : {} });

  it('sends the Brotli or gzip copy made at build time, whichever the browser takes, and caches hashed assets for a year', async () => {
    const brotli = await get('/assets/index-abc123.js', 'gzip, deflate, br');
    expect(brotli.statusCode).toBe(200);
    expect(brotli.headers['content-encoding']).toBe('br');
    expect(brotli.headers['cache-control']).toBe('public, max-age=31536000, immutable');
    expect(brotli.headers['content-type']).toContain('javascript');
    expect(zlib.brotliDecompressSync(brotli.rawPayload).toString()).toBe(script);

    const gzip = await get('/assets/index-abc123.js', 'gzip');
    expect(gzip.headers['content-encoding']).toBe('gzip');
    expect(zlib.gunzipSync(gzip.rawPayload).toString()).toBe(script);

    const plain = await get('/assets/index-abc123.js');
    expect(plain.headers['content-encoding']).toBeUndefined();
    expect(plain.body).toBe(script);
    // A file too small to have a copy is still served, compressed on the fly as before.
    expect(fs.existsSync(path.join(distDirectory, 'assets', 'tiny-abc123.js.br'))).toBe(false);
    const tiny = await get('/assets/tiny-abc123.js', 'br');
    expect(tiny.statusCode).toBe(200);
    const tinyBody = tiny.headers['content-encoding'] === 'br' ? zlib.brotliDecompressSync(tiny.rawPayload).toString() : tiny.body;
    expect(tinyBody).toBe('export {};\n');
  });

  it('answers every client route with index.html, never cached, and unknown API paths with a problem', async () => {
    const page = await get('/systems/some-system', 'br');
    expect(page.statusCode).toBe(200);
    expect(page.headers['cache-control']).toBe('no-cache');
    expect(page.headers['content-type']).toContain('text/html');
    const api = await get('/api/v1/no-such-thing');
    expect(api.statusCode).toBe(404);
    expect(api.headers['content-type']).toContain('application/problem+json');
  });
});
