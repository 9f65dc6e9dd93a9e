#!/usr/bin/env node
// The module boundaries of the server, as `node scripts/test.mjs` checks them (step "module
// boundaries (dependency-cruiser)"): the import rules of .dependency-cruiser.cjs, run through
// dependency-cruiser's API, and one rule no import graph can see, that query builders are called
// only in repositories (a service that is handed an executor could otherwise query with it).
// scripts/module-boundaries.unit.test.ts runs both on fixtures that break each rule.
import fs from 'node:fs';
import { createRequire } from 'node:module';
import os from 'node:os';
import path from 'node:path';
import { cruise } from 'dependency-cruiser';
import ts from 'typescript';

const root = path.resolve(import.meta.dirname, '..');
const configuration = createRequire(import.meta.url)(path.join(root, '.dependency-cruiser.cjs'));

/** Files that may build queries: as the rule database-access-in-repositories of .dependency-cruiser.cjs allows Kysely. */
export const queryBuildersAllowed = [
  /\.repository\.ts$/,
  /-queries\.ts$/,
  /^packages\/server\/src\/migrations\//,
  /^packages\/server\/src\/platform\/(?!http\/)/,
  /^packages\/server\/src\/(demo|generate)\//,
  /\.test\.ts$/,
  /^packages\/server\/test\//,
];
const queryBuilderCall = /\.(selectFrom|insertInto|updateTable|deleteFrom|replaceInto|mergeInto|selectNoFrom)\(|\bsql(<[^>]*>)?`/;

function sourceFiles(directory) {
  if (!fs.existsSync(directory)) return [];
  return fs
    .readdirSync(directory, { withFileTypes: true, recursive: true })
    .flatMap((entry) => (entry.isFile() && /\.(tsx?|mjs)$/.test(entry.name) ? [path.join(entry.parentPath, entry.name)] : []))
    .filter((file) => !/[\\/](node_modules|dist)[\\/]/.test(file));
}

/** `{ rule, from, to }` for every query-builder call outside the allowed files under baseDir/packages/server/src. */
export function findQueryBuildersOutsideRepositories(baseDirectory) {
  const found = [];
  for (const file of sourceFiles(path.join(baseDirectory, 'packages/server/src'))) {
    const relative = path.relative(baseDirectory, file).split(path.sep).join('/');
    if (queryBuildersAllowed.some((pattern) => pattern.test(relative))) continue;
    fs.readFileSync(file, 'utf8')
      .split('\n')
      .forEach((line, index) => {
        if (queryBuilderCall.test(line))
          found.push({ rule: 'query-builders-in-repositories', from: `${relative}:${index + 1}`, to: line.trim() });
      });
  }
  return found;
}

/**
 * A copy of the checkout's import graph in a temporary folder: each source file becomes the list
 * of what it imports (`import 'specifier';`, type-only imports and `export … from` included, as
 * TypeScript's own pre-processor finds them), beside the packages' package.json files and a
 * node_modules whose @forvalta packages point into the copy. dependency-cruiser 16 does not know
 * TypeScript 6 and would otherwise read .ts files with a loose JavaScript parser, which loses the
 * imports of many of them; this way it reads plain JavaScript and resolves exactly as Node does.
 */
function importGraphCopy(baseDirectory) {
  const copy = fs.mkdtempSync(path.join(os.tmpdir(), 'forvalta-import-graph-'));
  const files = [];
  for (const file of sourceFiles(path.join(baseDirectory, 'packages'))) {
    const relative = path.relative(baseDirectory, file).split(path.sep).join('/');
    const { importedFiles } = ts.preProcessFile(fs.readFileSync(file, 'utf8'), true, true);
    const target = path.join(copy, relative);
    fs.mkdirSync(path.dirname(target), { recursive: true });
    fs.writeFileSync(target, importedFiles.map(({ fileName }) => `import ${JSON.stringify(fileName)};\n`).join(''));
    files.push(relative);
  }
  const workspaces = {};
  for (const entry of fs.readdirSync(path.join(baseDirectory, 'packages'), { withFileTypes: true })) {
    const manifest = path.join(baseDirectory, 'packages', entry.name, 'package.json');
    if (!entry.isDirectory() || !fs.existsSync(manifest)) continue;
    fs.mkdirSync(path.join(copy, 'packages', entry.name), { recursive: true });
    fs.copyFileSync(manifest, path.join(copy, 'packages', entry.name, 'package.json'));
    workspaces[JSON.parse(fs.readFileSync(manifest, 'utf8')).name] = entry.name;
  }
  const modules = path.join(baseDirectory, 'node_modules');
  for (const entry of fs.existsSync(modules) ? fs.readdirSync(modules) : []) {
    if (entry === '@forvalta' || entry.startsWith('.')) continue;
    fs.mkdirSync(path.join(copy, 'node_modules'), { recursive: true });
    fs.symlinkSync(path.join(modules, entry), path.join(copy, 'node_modules', entry));
  }
  for (const [name, folder] of Object.entries(workspaces)) {
    fs.mkdirSync(path.dirname(path.join(copy, 'node_modules', name)), { recursive: true });
    fs.symlinkSync(path.join(copy, 'packages', folder), path.join(copy, 'node_modules', name));
  }
  return { copy, files };
}

/** Every violation of the boundaries in the checkout at baseDir (the repository by default). */
export async function findBoundaryViolations(baseDirectory = root) {
  const { copy, files } = importGraphCopy(baseDirectory);
  const previous = process.cwd();
  process.chdir(copy); // dependency-cruiser resolves and names files relative to the working directory
  try {
    // Module cycles are judged on the modules' production code alone: a test reaches across the
    // server through its harness (packages/server/test), and a path through the platform or the
    // demo is no dependency between modules (the platform importing a module has its own rule).
    const moduleFiles = files.filter((file) => file.startsWith('packages/server/src/modules/') && !/\.test\.tsx?$/.test(file));
    const fileRules = configuration.forbidden.filter((rule) => rule.scope !== 'folder');
    const folderRules = configuration.forbidden.filter((rule) => rule.scope === 'folder');
    const imports = [];
    for (const [cruised, forbidden, includeOnly] of [
      [files, fileRules, undefined],
      [moduleFiles, folderRules, '^packages/server/src/modules/'],
    ]) {
      const options = { ...configuration.options, ...(includeOnly ? { includeOnly } : {}) };
      const result = await cruise(cruised, { ...options, validate: true, ruleSet: { forbidden } });
      for (const violation of result.output.summary.violations) {
        imports.push({ rule: violation.rule.name, from: violation.from, to: violation.to.replace(/^.*\/node_modules\//, 'node_modules/') });
      }
    }
    return [...imports, ...findQueryBuildersOutsideRepositories(baseDirectory)];
  } finally {
    process.chdir(previous);
    fs.rmSync(copy, { recursive: true, force: true });
  }
}

if (import.meta.url === `file://${process.argv[1]}`) {
  const violations = await findBoundaryViolations();
  for (const violation of violations) console.log(`  ${violation.rule}: ${violation.from} → ${violation.to}`);
  console.log(violations.length === 0 ? 'Module boundaries hold.' : `${violations.length} violations of the module boundaries.`);
  process.exit(violations.length === 0 ? 0 : 1);
}
