/**
 * Which tables a municipality's backup carries, and why the others are left out (docs/backup-format.md,
 * ADR 0034). The list of tables is never written by hand: the export asks the database for its tables
 * (backup.repository.ts) and every table with a `municipality_id` column is exported, scoped by it.
 * The few tables without one are named here, either with the rows of theirs that belong to the
 * municipality or with the reason they are left out; `backupPlan` throws for a table that is neither,
 * so a new table cannot be forgotten (backup-tables.test.ts runs it against the migrated schema).
 */

/** How the rows of one exported table are found for a municipality. */
export type TableScope =
  /** `municipality_id` = the municipality: every table that has the column, unless excluded. */
  | { kind: 'municipality' }
  /** The municipality's own row. */
  | { kind: 'self' }
  /** The rows of its audit chain (chain_id = the municipality's id), events and head. */
  | { kind: 'chain' }
  /** The logins of its people (people.login_id). */
  | { kind: 'logins-of-people' };

export interface ExportedTable {
  name: string;
  scope: TableScope;
  columns: string[];
}

/**
 * Left out on purpose, with the reason the format document repeats. Secrets that let someone act as
 * a person (sessions, tokens, reset links, second-factor secrets) are never written to a file that
 * leaves the installation; a restored login signs in with its password and enrols its second factor
 * again. Counts kept by database triggers are rebuilt by the import's own inserts.
 */
export const excludedTables: Readonly<Record<string, string>> = {
  sessions: 'signed-in sessions: a secret that acts as the person; never carried',
  api_tokens: 'personal API tokens: secrets (their hashes open the API); never carried, people make new ones',
  password_reset_links: 'one-time secrets, short-lived; never carried',
  login_challenges: 'second-factor sign-in challenges in progress, minutes long; never carried',
  login_invitations: 'invitation links are one-time secrets; an unanswered invitation is sent again',
  login_second_factors: 'TOTP secrets are kept in clear by the installation; never written to a file, people enrol again',
  login_recovery_codes: 'recovery codes belong to the second factor, which is not carried',
  mail_messages:
    'the e-mail outbox: its bodies can hold one-time links in clear (a password reset), and unsent mail would be sent again from the destination',
  single_sign_on_providers:
    "the municipality's OpenID provider: its client secret is encrypted with the installation's key, which does not travel; the administrator enters it again",
  single_sign_on_attempts: 'single sign-on logins in progress, minutes long; never carried',
  provisioning_tokens:
    "the municipality's SCIM tokens (ADR 0038): secrets (their hashes let a directory write people); the administrator makes a new one",
  login_throttles: "the installation's sign-in back-off counters (ADR 0010), keyed by address, not by municipality",
  scheduled_jobs: "the installation's job schedule (ADR 0006), not a municipality's data",
  audit_verification_results: "the nightly check's last result; the destination's job checks the imported chain itself",
  acknowledgement_counts: "kept by database triggers on acknowledgements (ADR 0022): the import's inserts rebuild them",
  active_people_counts: "kept by database triggers on people (ADR 0022): the import's inserts rebuild them",
  kysely_migration: "the installation's migration log; the manifest carries the source's migration level",
  kysely_migration_lock: 'the migrator’s lock row',
};

/** Tables without a municipality_id column whose municipality's rows are exported. */
const linkedTables: Readonly<Record<string, TableScope>> = {
  municipalities: { kind: 'self' },
  logins: { kind: 'logins-of-people' },
  audit_chain_heads: { kind: 'chain' },
};

/** Tables whose scope is not their municipality_id although they have one. */
const overriddenScopes: Readonly<Record<string, TableScope>> = {
  // An event with the municipality's id could stand on the installation chain; the chain is what moves.
  audit_events: { kind: 'chain' },
};

export class UnplannedTableError extends Error {}

/**
 * Every table of the schema, exported or excluded, in the given order. Throws for a table that has
 * no municipality_id and is neither linked nor excluded: the export must not silently leave out data.
 */
export function backupPlan(tables: ReadonlyArray<{ name: string; columns: string[] }>): ExportedTable[] {
  const unplanned: string[] = [];
  const exported: ExportedTable[] = [];
  for (const table of tables) {
    if (excludedTables[table.name]) continue;
    const scope =
      overriddenScopes[table.name] ??
      linkedTables[table.name] ??
      (table.columns.includes('municipality_id') ? ({ kind: 'municipality' } as const) : undefined);
    if (!scope) unplanned.push(table.name);
    else exported.push({ name: table.name, scope, columns: table.columns });
  }
  if (unplanned.length > 0) {
    throw new UnplannedTableError(
      `The backup does not know the table(s) ${unplanned.join(', ')}: export them (a municipality_id column, or a scope in ` +
        'modules/backup/backup-tables.ts) or list them as deliberately excluded there, with the reason.',
    );
  }
  return exported;
}

/**
 * Tables in an order where every foreign key's target comes first (self-references aside: those
 * rows are ordered within their table), from the schema's foreign keys. Ties keep the name order,
 * so the archive's order is stable.
 */
export function insertionOrder(tables: readonly string[], foreignKeys: ReadonlyArray<{ table: string; references: string }>): string[] {
  const known = new Set(tables);
  const dependsOn = new Map(tables.map((table) => [table, new Set<string>()]));
  for (const key of foreignKeys) {
    if (key.table !== key.references && known.has(key.table) && known.has(key.references)) dependsOn.get(key.table)!.add(key.references);
  }
  const ordered: string[] = [];
  const placed = new Set<string>();
  const remaining = [...tables].sort();
  while (remaining.length > 0) {
    const next = remaining.findIndex((table) => [...dependsOn.get(table)!].every((target) => placed.has(target)));
    if (next < 0) throw new Error(`The schema's foreign keys form a cycle among ${remaining.join(', ')}`);
    const [table] = remaining.splice(next, 1);
    ordered.push(table!);
    placed.add(table!);
  }
  return ordered;
}

/**
 * Rows of a table that refers to itself (departments' parents, risk analyses' previous revisions)
 * ordered so every referenced row comes before the rows that refer to it.
 */
export function parentsFirst<Row extends Record<string, unknown>>(rows: Row[], selfColumns: readonly string[]): Row[] {
  if (selfColumns.length === 0) return rows;
  const byId = new Map(rows.map((row) => [row.id as string, row]));
  const ordered: Row[] = [];
  const placed = new Set<string>();
  const visiting = new Set<string>();
  const place = (row: Row) => {
    const id = row.id as string;
    if (placed.has(id) || visiting.has(id)) return;
    visiting.add(id);
    for (const column of selfColumns) {
      const target = row[column];
      if (typeof target === 'string' && byId.has(target)) place(byId.get(target)!);
    }
    visiting.delete(id);
    placed.add(id);
    ordered.push(row);
  };
  for (const row of rows) place(row);
  return ordered;
}
