import type { SystemActor } from '../../access/actor.ts';
import { requireSystemActor } from '../../access/use-case.ts';
import { recordAudit } from '../../platform/audit.ts';
import type { Clock } from '../../platform/clock.ts';
import { withTransaction, type DatabaseHandle, type Executor } from '../../platform/database.ts';
import { readParameter, subtractMonths, tanumPolicyPack } from '../../policy/index.ts';
import { policyPackRecords } from '../compliance/index.ts';
import {
  pseudonymisationHolds,
  pseudonymisationRepository as repository,
  pseudonymOf,
  type PseudonymisationHold,
} from './pseudonymisation.repository.ts';

/** The pack parameter: how many years after their last day a leaver is pseudonymised (ADR 0029). */
export const pseudonymiseAfterYearsKey = 'pseudonymiseAfterYears';

/** From the municipality's pack; a pack of an older version without the parameter reads the default pack's (ADR 0021). */
export async function pseudonymiseAfterYears(executor: Executor, municipalityId: string): Promise<number> {
  const parameters = (await policyPackRecords.currentPack(executor, municipalityId))?.pack.parameters;
  return parameters?.[pseudonymiseAfterYearsKey]
    ? readParameter(parameters, pseudonymiseAfterYearsKey)
    : readParameter(tanumPolicyPack.parameters, pseudonymiseAfterYearsKey);
}

export interface PseudonymisationPlan {
  years: number;
  /** The last day on or before which a leaver's last day must lie. */
  lastDayOnOrBefore: string;
  /** Leavers to pseudonymise now, by id. */
  due: string[];
  /** Leavers long enough gone whom an open matter still needs, with the matters (in pseudonymisationHolds' order). */
  held: Array<{ personId: string; holds: PseudonymisationHold[] }>;
}

async function planIn(executor: Executor, municipalityId: string, today: string) {
  const years = await pseudonymiseAfterYears(executor, municipalityId);
  const lastDayOnOrBefore = subtractMonths(today, years * 12);
  const candidates = await repository.candidates(executor, municipalityId, lastDayOnOrBefore);
  const holds = await repository.holdsOf(
    executor,
    municipalityId,
    candidates.map((candidate) => candidate.id),
    today,
  );
  const due = candidates.filter((candidate) => !holds.has(candidate.id));
  const held = candidates
    .filter((candidate) => holds.has(candidate.id))
    .map((candidate) => ({
      personId: candidate.id,
      holds: pseudonymisationHolds.filter((hold) => holds.get(candidate.id)!.has(hold)),
    }));
  return { years, lastDayOnOrBefore, due, held };
}

const asPlan = (plan: Awaited<ReturnType<typeof planIn>>): PseudonymisationPlan => ({
  ...plan,
  due: plan.due.map((candidate) => candidate.id),
});

/**
 * Pseudonymising people who left long ago (ADR 0029): everyone marked left whose last day is at
 * least `pseudonymiseAfterYears` (the pack's parameter, 5 by default) before today, unless an open
 * matter still needs them. The person row stays, with its id, department, dates and status, so
 * the register's history and the audit log keep pointing at it; the name becomes "Pseudonym
 * <short id>", and the e-mail, employee number, title, personal mailbox flag and login go. The audit
 * log is not rewritten (its chain is keyed, ADR 0012): each pseudonymisation is an event of its own,
 * `person_pseudonymised`, which names what was cleared and none of the cleared values.
 *
 * Only the system acts: the daily job and `forvalta people pseudonymise`. Idempotent: a second run
 * finds nobody new.
 */
export function createPseudonymisationService(db: DatabaseHandle, clock: Clock) {
  return {
    /** What a run would do today, changing nothing (the CLI's --dry-run). */
    async planPseudonymisation(actor: SystemActor, municipalityId: string, today: string): Promise<PseudonymisationPlan> {
      requireSystemActor(actor);
      return asPlan(await planIn(db, municipalityId, today));
    },

    /** Pseudonymises the leavers due today in one transaction with their audit events; returns the plan it carried out. */
    async pseudonymiseLeavers(actor: SystemActor, municipalityId: string, today: string): Promise<PseudonymisationPlan> {
      requireSystemActor(actor);
      // Most nights nobody is due: look first, and open a write transaction only for work.
      const looked = await planIn(db, municipalityId, today);
      if (looked.due.length === 0) return asPlan(looked);
      return withTransaction(db, async (transaction) => {
        const plan = await planIn(transaction, municipalityId, today);
        const done: string[] = [];
        for (const candidate of plan.due) {
          const personId = candidate.id;
          const now = clock.now().toISOString();
          // Read at this version in this transaction; a person changed meanwhile waits for the next run.
          if (!(await repository.pseudonymisePerson(transaction, municipalityId, personId, candidate.version, now))) continue;
          await repository.clearInvitationAddresses(transaction, municipalityId, personId);
          const loginRetired = candidate.loginId ? await repository.retireLoginIfUnused(transaction, candidate.loginId, now) : false;
          await recordAudit(transaction, actor, clock, {
            action: 'person_pseudonymised',
            entityType: 'person',
            entityId: personId,
            after: {
              ...pseudonymOf(personId),
              cleared: ['firstName', 'lastName', 'email', 'employeeNumber', 'title', 'hasPersonalMailbox', 'login', 'invitationAddresses'],
              loginRemoved: candidate.loginId !== null,
              loginRetired,
              endDate: candidate.endDate,
              pseudonymiseAfterYears: plan.years,
              pseudonymisedAt: now,
            },
            municipalityId,
          });
          done.push(personId);
        }
        return { ...plan, due: done };
      });
    },
  };
}

export type PseudonymisationService = ReturnType<typeof createPseudonymisationService>;
