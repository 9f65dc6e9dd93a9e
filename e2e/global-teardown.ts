import fs from 'node:fs';

/**
 * Deletes this run's database and its SQLite side files (-wal, -shm, -journal). The server may
 * still hold them open while Playwright stops it, so the files are removed again when the runner
 * exits.
 */
export function removeDatabaseFiles(databaseFile: string | undefined): void {
  if (!databaseFile) return;
  for (const suffix of ['', '-wal', '-shm', '-journal']) fs.rmSync(`${databaseFile}${suffix}`, { force: true });
}

export default function globalTeardown(): void {
  const databaseFile = process.env.FORVALTA_E2E_DATABASE;
  removeDatabaseFiles(databaseFile);
  process.once('exit', () => removeDatabaseFiles(databaseFile));
}
