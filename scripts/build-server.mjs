#!/usr/bin/env node
// Compiles the CLI and the server (with contracts) into one ES-module bundle, so `forvalta serve`
// starts without transpiling TypeScript (about 1.4 s of a cold start through tsx). Only the
// workspace's own sources are bundled; every npm dependency stays an ordinary import from
// node_modules (native addons such as better-sqlite3 and argon2, and packages that find files
// next to themselves, such as exceljs, swagger-ui and pino, keep working unchanged).
//
// packages/cli/bin/forvalta.mjs uses the bundle only while every source file it was built from is
// unchanged (manifest.json records their modification times); otherwise it runs the sources
// through tsx as before. So a forgotten rebuild costs start-up time, never a stale behaviour.
import fs from 'node:fs';
import path from 'node:path';
import { performance } from 'node:perf_hooks';
import { build } from 'esbuild';

const root = path.resolve(import.meta.dirname, '..');
const target = path.join(root, 'packages/cli/dist');
const staging = `${target}.tmp-${process.pid}`;
const started = performance.now();

/**
 * Pure-JavaScript dependencies made of many modules cost more to resolve and load one file at a
 * time than to read as part of the bundle (kysely alone: ~300 files): measured, the server's CPU
 * to its first answer fell from ~0.9 s (only our sources bundled) to ~0.7 s with these. They have
 * no native code and find no files beside themselves, so they are bundled; every other bare import
 * (pino's worker transports, swagger-ui's and @fastify/static's assets, pg, better-sqlite3,
 * argon2, exceljs) stays external. FORVALTA_BUNDLE_DEPENDENCIES overrides the list, to measure.
 */
const bundledDependencies = (
  process.env.FORVALTA_BUNDLE_DEPENDENCIES ??
  'kysely,zod,fastify-type-provider-zod,fastify,@fastify/swagger,@fastify/helmet,@fastify/compress,@fastify/rate-limit,@fastify/cookie'
)
  .split(',')
  .filter(Boolean);

/** Bare imports that are not workspace packages (or bundled above) stay imports of node_modules. */
const externalDependencies = {
  name: 'external-dependencies',
  setup(builder) {
    builder.onResolve({ filter: /^[^./]/ }, (arguments_) => {
      const specifier = arguments_.path;
      const bundled =
        specifier.startsWith('@forvalta/') || bundledDependencies.some((name) => specifier === name || specifier.startsWith(`${name}/`));
      return bundled ? undefined : { path: specifier, external: true };
    });
  },
};

/**
 * import.meta.dirname and import.meta.url name the bundle's folder once bundled; the sources use
 * them to find files beside themselves (the repository root, the bench's worker script). Rewrite
 * them to the source file's own location, relative to the bundle, so the bundle moves with the checkout.
 */
const sourceLocation = {
  name: 'source-location',
  setup(builder) {
    builder.onLoad({ filter: /\.ts$/ }, async (arguments_) => {
      const source = await fs.promises.readFile(arguments_.path, 'utf8');
      const relativeFile = path.relative(target, arguments_.path).split(path.sep).join('/');
      const relativeDirectory = path.posix.dirname(relativeFile);
      const contents = source
        .replaceAll('import.meta.dirname', `(import.meta.dirname + ${JSON.stringify(`/${relativeDirectory}`)})`)
        .replaceAll('import.meta.url', `new URL(${JSON.stringify(relativeFile)}, import.meta.url).href`);
      return { contents, loader: 'ts' };
    });
  },
};

fs.rmSync(staging, { recursive: true, force: true });
const result = await build({
  absWorkingDir: root,
  entryPoints: { forvalta: 'packages/cli/src/main.ts' },
  outdir: staging,
  bundle: true,
  splitting: true,
  format: 'esm',
  platform: 'node',
  target: 'node20',
  sourcemap: 'linked',
  keepNames: true,
  metafile: true,
  logLevel: 'warning',
  plugins: [externalDependencies, sourceLocation],
  // Chunks loaded lazily (one per command) keep `forvalta serve` from loading the bench or exports.
  // They sit beside the entry: the import.meta rewriting below counts paths from this one folder.
  chunkNames: '[name]-[hash]',
  // Bundled CommonJS code calls require(); an ES module has none of its own.
  banner: {
    js: "import { createRequire as __forvaltaCreateRequire } from 'node:module'; const require = __forvaltaCreateRequire(import.meta.url);",
  },
});

// This script is an input too: a bundle made by an earlier version of it is not fresh.
const inputs = Object.fromEntries(
  [...Object.keys(result.metafile.inputs).filter((input) => !input.includes('node_modules/')), path.relative(root, import.meta.filename)]
    .sort()
    .map((input) => [input, fs.statSync(path.join(root, input)).mtimeMs]),
);
fs.writeFileSync(
  path.join(staging, 'manifest.json'),
  JSON.stringify({ entry: 'forvalta.js', builtAt: new Date().toISOString(), inputs }, null, 1),
);

// Swap the folders, so a process starting meanwhile sees the old bundle or the new one, never half of one.
const previous = `${target}.old-${process.pid}`;
if (fs.existsSync(target)) fs.renameSync(target, previous);
fs.renameSync(staging, target);
fs.rmSync(previous, { recursive: true, force: true });

const size = fs.statSync(path.join(target, 'forvalta.js')).size;
console.log(
  `server bundle: packages/cli/dist/forvalta.js (${Math.round(size / 1024)} kB, ${Object.keys(inputs).length} source files) in ${Math.round(performance.now() - started)} ms`,
);
