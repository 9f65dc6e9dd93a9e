import type { AnyActor } from '../access/actor.ts';
import { recordAudit, type AuditEntry } from './audit.ts';
import type { Clock } from './clock.ts';
import { withTransaction, type Executor, type TransactionHandle } from './database.ts';
import { notFound, versionMismatch } from './errors.ts';
import { matchVersion, type ExpectedVersion } from './http/versioning.ts';

/**
 * The one sequence of every change to a versioned record (architecture.md, rule 4): load it, 404
 * when it is missing or not the caller's to read, authorise, check the version the client named
 * (If-Match: 412 when stale), write it at that version (412 when someone else wrote first), reload
 * it, record the audit event, all in one transaction. Each service used to spell this out for
 * itself, in orders that drifted apart; here it is written once and each use case names its steps.
 *
 * The statement itself is platform/versioned-rows.ts (`updateAtVersion`, `deleteAtVersion`),
 * which the repositories call from `apply`.
 */
interface VersionedChangeSteps<Before> {
  /** Named in the 404 detail ("Department was not found."). */
  entity: string;
  /** The version the client last saw (If-Match), or `*`. */
  expectedVersion: ExpectedVersion;
  /** The record as it is now, or undefined when it is missing or the caller may not read it (404). */
  load(transaction: TransactionHandle): Promise<Before | undefined>;
  /** Throws `forbidden` unless the caller may make this change to `before` (usually the use case's authorise). */
  authorise(before: Before, transaction: TransactionHandle): void | Promise<void>;
  /** The version `before` carries; the record's own `version` unless the load returns more than the record. */
  versionOf?(before: Before): number;
}

export interface VersionedUpdate<Before, After> extends VersionedChangeSteps<Before> {
  /**
   * Checks the rules and writes at `version` (updateAtVersion through the repository); false when
   * the row no longer has that version (a concurrent change), which answers 412.
   */
  apply(transaction: TransactionHandle, before: Before, version: number): Promise<boolean>;
  /** The record after the change; by default `load` again. */
  reload?(transaction: TransactionHandle, before: Before): Promise<After | undefined>;
  /** The audit event of the change. */
  audit(before: Before, after: After): AuditEntry;
  /** Writes the change causes (a change notice, ended sessions), after its audit event, in its transaction. */
  followUp?(transaction: TransactionHandle, before: Before, after: After): Promise<void>;
}

export interface VersionedDelete<Before> extends VersionedChangeSteps<Before> {
  /** Checks the rules and deletes at `version` (deleteAtVersion through the repository); false answers 412. */
  apply(transaction: TransactionHandle, before: Before, version: number): Promise<boolean>;
  audit(before: Before): AuditEntry;
}

function versionOf<Before>(steps: VersionedChangeSteps<Before>, before: Before): number {
  return steps.versionOf ? steps.versionOf(before) : (before as { version: number }).version;
}

/** In the caller's transaction when it has one (a change that is part of a larger one), else in a new one. */
function inTransaction<Result>(executor: Executor, work: (transaction: TransactionHandle) => Promise<Result>): Promise<Result> {
  if (executor.isTransaction) return work(executor as TransactionHandle);
  return withTransaction(executor, work);
}

async function loadAuthorisedAtVersion<Before>(transaction: TransactionHandle, steps: VersionedChangeSteps<Before>) {
  const before = await steps.load(transaction);
  if (before === undefined) throw notFound(steps.entity);
  await steps.authorise(before, transaction);
  // '*' becomes the version just read, so the statement still refuses a change made since.
  return { before, version: matchVersion(steps.expectedVersion, versionOf(steps, before)) };
}

/** The versioned writes of a service, bound to its database and clock. */
export function versionedWrites(db: Executor, clock: Clock) {
  return {
    async update<Before, After = Before>(actor: AnyActor, steps: VersionedUpdate<Before, After>): Promise<After> {
      return inTransaction(db, async (transaction) => {
        const { before, version } = await loadAuthorisedAtVersion(transaction, steps);
        if (!(await steps.apply(transaction, before, version))) throw versionMismatch();
        const after = steps.reload ? await steps.reload(transaction, before) : ((await steps.load(transaction)) as After | undefined);
        // The row was written at the expected version in this transaction; gone now, it is a bug, not a race.
        if (after === undefined) throw new Error(`${steps.entity} disappeared within the transaction that changed it.`);
        await recordAudit(transaction, actor, clock, steps.audit(before, after));
        await steps.followUp?.(transaction, before, after);
        return after;
      });
    },

    async delete<Before>(actor: AnyActor, steps: VersionedDelete<Before>): Promise<void> {
      await inTransaction(db, async (transaction) => {
        const { before, version } = await loadAuthorisedAtVersion(transaction, steps);
        if (!(await steps.apply(transaction, before, version))) throw versionMismatch();
        await recordAudit(transaction, actor, clock, steps.audit(before));
      });
    },
  };
}

export type VersionedWrites = ReturnType<typeof versionedWrites>;
