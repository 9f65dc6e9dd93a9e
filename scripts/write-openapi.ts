/**
 * Writes the OpenAPI document of the server as it is built from the contracts, for the Redocly
 * lint step of `npm test`: `npx tsx scripts/write-openapi.ts <file>`. The app is built on a
 * migrated SQLite database in a temporary folder, without listening, and the folder is removed.
 */
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { buildApp, connectDatabase, loadConfig, migrateToLatest } from '@forvalta/server';

const output = process.argv[2];
if (!output) {
  console.error('usage: tsx scripts/write-openapi.ts <file>');
  process.exit(2);
}
const folder = fs.mkdtempSync(path.join(os.tmpdir(), 'forvalta-openapi-'));
try {
  const file = path.join(folder, 'forvalta.db');
  const config = loadConfig({ DATABASE_URL: file, LOG_LEVEL: 'silent', JOBS: 'false' }, { webDistDirectory: folder });
  const database = connectDatabase(file);
  await migrateToLatest(database.db);
  const { app } = await buildApp({ config, database, logger: false });
  await app.ready();
  fs.mkdirSync(path.dirname(path.resolve(output)), { recursive: true });
  fs.writeFileSync(output, `${JSON.stringify(app.swagger(), null, 2)}\n`);
  await app.close();
  await database.destroy();
} finally {
  fs.rmSync(folder, { recursive: true, force: true });
}
