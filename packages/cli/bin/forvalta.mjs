#!/usr/bin/env node
// Runs the compiled bundle (`npm run build`, scripts/build-server.mjs) when it is there and every
// source file it was built from is unchanged; otherwise the TypeScript sources through tsx's
// loader, so a change runs at once without a build step. FORVALTA_LOADER=sources forces the
// sources; FORVALTA_LOADER=bundle refuses to start without a fresh bundle.
import fs from 'node:fs';
import path from 'node:path';
import { pathToFileURL } from 'node:url';

// Piping into `head` closes stdout early; that is the reader's choice, not an error.
process.stdout.on('error', (error) => {
  if (error.code === 'EPIPE') process.exit(0);
  throw error;
});

const root = path.resolve(import.meta.dirname, '../../..');
const bundleDirectory = path.resolve(import.meta.dirname, '../dist');

/** The bundle's entry when it was built from exactly the sources on disk (same modification times). */
function freshBundle() {
  let manifest;
  try {
    manifest = JSON.parse(fs.readFileSync(path.join(bundleDirectory, 'manifest.json'), 'utf8'));
  } catch {
    return { entry: undefined, reason: 'no bundle (npm run build makes one)' };
  }
  for (const [file, modified] of Object.entries(manifest.inputs)) {
    let stat;
    try {
      stat = fs.statSync(path.join(root, file));
    } catch {
      return { entry: undefined, reason: `${file} was removed since the build` };
    }
    if (stat.mtimeMs !== modified) return { entry: undefined, reason: `${file} changed since the build` };
  }
  return { entry: path.join(bundleDirectory, manifest.entry), reason: undefined };
}

const loader = process.env.FORVALTA_LOADER ?? 'auto';
const bundle = loader === 'sources' ? { entry: undefined, reason: 'FORVALTA_LOADER=sources' } : freshBundle();
let main;
if (bundle.entry) {
  ({ main } = await import(pathToFileURL(bundle.entry).href));
} else if (loader === 'bundle') {
  console.error(`forvalta: FORVALTA_LOADER=bundle, but ${bundle.reason}; run npm run build`);
  process.exit(1);
} else {
  const { register } = await import('tsx/esm/api');
  register();
  ({ main } = await import('../src/main.ts'));
}
process.exitCode = await main(process.argv.slice(2));
