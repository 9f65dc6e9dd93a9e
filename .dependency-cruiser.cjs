/**
 * The module boundaries of the server, enforced by `node scripts/test.mjs` (step "module boundaries
 * (dependency-cruiser)") and provable by scripts/module-boundaries.unit.test.ts, which runs these
 * rules on a fixture that breaks each of them. A module is a folder packages/server/src/modules/<name>/;
 * its index.ts is its public entry, and what it does not export there is its own business.
 */
const modules = '^packages/server/src/modules';
const serverSources = '^packages/server/src';
const bulkLoaders = '^packages/server/(src/demo|src/generate|test)/';

module.exports = {
  forbidden: [
    {
      name: 'module-internals-from-another-module',
      comment: "A module uses another module only through that module's index.ts (its public entry).",
      severity: 'error',
      from: { path: `${modules}/([^/]+)/` },
      to: { path: `${modules}/[^/]+/`, pathNot: [`${modules}/$1/`, `${modules}/[^/]+/index\\.ts$`] },
    },
    {
      name: 'module-internals-from-outside',
      comment: "Outside the modules (the composition in app.ts and services.ts, the CLI) only a module's index.ts is imported.",
      severity: 'error',
      from: { pathNot: [`${modules}/`, bulkLoaders] },
      to: { path: `${modules}/[^/]+/`, pathNot: `${modules}/[^/]+/index\\.ts$` },
    },
    {
      name: 'module-internals-from-bulk-loaders',
      comment:
        "The demo, the workload generator and the server's tests write below the services through a module's bulk.ts, or use its index.ts.",
      severity: 'error',
      from: { path: bulkLoaders },
      to: { path: `${modules}/[^/]+/`, pathNot: `${modules}/[^/]+/(index|bulk)\\.ts$` },
    },
    {
      name: 'no-cycle-between-modules',
      comment: 'Modules depend on each other in one direction only; a module that needs one that depends on it declares a port.',
      severity: 'error',
      scope: 'folder',
      from: { path: `${modules}/[^/]+$` },
      // Judged on production code only (scripts/module-boundaries.mjs): tests cross the server through its harness.
      to: { path: `${modules}/[^/]+$`, circular: true },
    },
    {
      name: 'platform-knows-no-module',
      comment: 'The platform defines the interfaces it needs; the composition (services.ts, app.ts) passes the modules in.',
      severity: 'error',
      from: { path: `${serverSources}/platform/` },
      to: { path: `${modules}/` },
    },
    {
      name: 'web-and-cli-use-public-server-entries',
      comment: 'The web and the CLI import the server only through the entries its package.json exports.',
      severity: 'error',
      from: { path: '^packages/(web|cli)/' },
      to: { path: `${serverSources}/`, pathNot: `${serverSources}/(index|generate/index|config)\\.ts$` },
    },
    {
      name: 'database-access-in-repositories',
      comment:
        'Kysely is imported by repositories (and the SQL fragments they share, *-queries.ts), migrations, the platform outside http/, and the bulk loaders (ADR 0013).',
      severity: 'error',
      from: {
        path: `${serverSources}/`,
        pathNot: [
          '\\.repository\\.ts$',
          '-queries\\.ts$',
          `${serverSources}/migrations/`,
          `${serverSources}/platform/(?!http/)`,
          `${serverSources}/(demo|generate)/`,
          '\\.test\\.ts$',
        ],
      },
      to: { path: 'node_modules/kysely/' },
    },
  ],
  options: {
    doNotFollow: { path: 'node_modules' },
    exclude: { path: '^packages/[^/]+/dist/' },
    tsPreCompilationDeps: true,
    combinedDependencies: true,
    enhancedResolveOptions: {
      exportsFields: ['exports'],
      conditionNames: ['import', 'require', 'node', 'default', 'types'],
      extensions: ['.ts', '.tsx', '.js', '.mjs', '.cjs', '.json'],
    },
  },
};
