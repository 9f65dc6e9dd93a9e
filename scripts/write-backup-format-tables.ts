/**
 * Prints the table section of docs/backup-format.md from the migrated schema:
 * `npx tsx scripts/write-backup-format-tables.ts` and paste it under "## Tables" (the backup's
 * table test fails while the document misses a table).
 */
import { connectDatabase, migrateToLatest } from '../packages/server/src/index.ts';
import { backupPlan, excludedTables, type TableScope } from '../packages/server/src/modules/backup/backup-tables.ts';

const connection = connectDatabase(':memory:');
await migrateToLatest(connection.db);
const tables = await connection.db.introspection.getTables({ withInternalKyselyTables: true });
const plan = backupPlan(tables.map((table) => ({ name: table.name, columns: table.columns.map((column) => column.name) })));
const scopeText = (scope: TableScope) =>
  ({ municipality: '`municipality_id`', self: 'its own row (`id`)', chain: '`chain_id`', 'logins-of-people': "its people's logins" })[
    scope.kind
  ];
const lines = ['| table | rows of the municipality by | columns |', '| --- | --- | --- |'];
for (const table of plan) lines.push(`| \`${table.name}\` | ${scopeText(table.scope)} | ${table.columns.join(', ')} |`);
lines.push('', '| table left out | why |', '| --- | --- |');
for (const [name, reason] of Object.entries(excludedTables)) lines.push(`| \`${name}\` | ${reason} |`);
console.log(lines.join('\n'));
await connection.destroy();
