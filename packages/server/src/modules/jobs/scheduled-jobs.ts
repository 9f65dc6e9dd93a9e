import type { ScheduledJobName } from '@forvalta/contracts';
import { systemActor } from '../../access/actor.ts';
import type { Config } from '../../config.ts';
import { verifyAuditChains } from '../../platform/audit-verify.ts';
import type { DatabaseHandle } from '../../platform/database.ts';
import type { Clock } from '../../platform/clock.ts';
import { createJobRunner, type JobRunnerLog, type ScheduledJob } from '../../platform/jobs/job-runner.ts';
import { swedishToday } from '../../platform/calendar.ts';
import { dailyInStockholm, dailyInStockholmAt, every } from '../../platform/jobs/schedules.ts';
import type { Services } from '../../services.ts';
import { removeExpiredLoginThrottles, removeExpiredResetLinks } from '../auth/index.ts';
import { organisationReads } from '../organisation/index.ts';

export const changeNoticeOutboxJob: ScheduledJobName = 'change-notice-outbox';
export const complianceDailySnapshotJob: ScheduledJobName = 'compliance-daily-snapshot';
export const auditVerificationJob: ScheduledJobName = 'audit-chain-verification';
export const leaversJob: ScheduledJobName = 'leavers-and-login-throttles';
export const newEmployeeAcknowledgementsJob: ScheduledJobName = 'acknowledgements-for-new-employees';
export const pseudonymisationJob: ScheduledJobName = 'leaver-pseudonymisation';
export const mailOutboxJob: ScheduledJobName = 'mail-outbox';
export const mailNotificationsJob: ScheduledJobName = 'mail-notifications';
export const mailDigestJob: ScheduledJobName = 'mail-digest';

/**
 * Runs `work` for every municipality; one municipality's failure does not stop the others, but
 * fails the run (retried next period) once all have had their turn. The job table, which every
 * municipality's administrator can read, names the failed municipalities by their public code;
 * the errors themselves, which may quote data, go to the server log only.
 */
async function forEveryMunicipality(
  db: DatabaseHandle,
  log: JobRunnerLog,
  job: string,
  work: (municipalityId: string) => Promise<boolean>,
) {
  const municipalities = await organisationReads.listMunicipalities(db);
  let done = 0;
  const failures: string[] = [];
  for (const municipality of municipalities) {
    try {
      if (await work(municipality.id)) done += 1;
    } catch (error) {
      failures.push(municipality.code);
      log.error({ job, municipalityId: municipality.id, err: error }, 'scheduled job failed for a municipality');
    }
  }
  if (failures.length > 0)
    throw new Error(
      `${failures.length} of ${municipalities.length} municipalities failed (${failures.join(', ')}); the reasons are in the server log`,
    );
  return { done, of: municipalities.length };
}

/** The jobs every instance runs (ADR 0006). All are safe to repeat: the effects are idempotent. */
export function scheduledJobs(
  db: DatabaseHandle,
  services: Services,
  config: Pick<
    Config,
    'changeNoticeOutboxSeconds' | 'loginLockMinutes' | 'mail' | 'mailSendSeconds' | 'mailNotifySeconds' | 'mailDigestHour'
  >,
  log: JobRunnerLog,
): Array<ScheduledJob & { name: ScheduledJobName }> {
  // E-mail (issue #18, ADR 0035) only where SMTP is configured: elsewhere nothing is queued, and a job would only say so.
  const mailJobs: Array<ScheduledJob & { name: ScheduledJobName }> = config.mail
    ? [
        {
          name: mailOutboxJob,
          schedule: every(config.mailSendSeconds),
          async run() {
            const { sent, retried, failed, cancelled } = await services.mail.outbox.sendDue();
            return `${sent} message(s) sent, ${retried} to be retried, ${failed} given up, ${cancelled} not sent (recipient left)`;
          },
        },
        {
          // The urgent asks (a document version to acknowledge, a change notice, an approval) reach people without a visit.
          name: mailNotificationsJob,
          schedule: every(config.mailNotifySeconds),
          async run() {
            let queued = 0;
            const { of } = await forEveryMunicipality(db, log, mailNotificationsJob, async (municipalityId) => {
              queued += await services.mail.notifications.queueImmediate(systemActor(mailNotificationsJob, municipalityId), municipalityId);
              return true;
            });
            return `${queued} notice(s) queued in ${of} municipality(ies)`;
          },
        },
        {
          name: mailDigestJob,
          schedule: dailyInStockholmAt(config.mailDigestHour),
          async run(startedAt) {
            const day = swedishToday(startedAt);
            let queued = 0;
            const { of } = await forEveryMunicipality(db, log, mailDigestJob, async (municipalityId) => {
              queued += await services.mail.notifications.queueDigests(systemActor(mailDigestJob, municipalityId), municipalityId, day);
              return true;
            });
            return `${queued} digest(s) for ${day} queued in ${of} municipality(ies)`;
          },
        },
      ]
    : [];
  return [
    ...mailJobs,
    {
      // ITP-4.2.2-CHANGE-NOTICE: an owner, manager or deputy change reaches the IT unit's queue without anyone opening it.
      name: changeNoticeOutboxJob,
      schedule: every(config.changeNoticeOutboxSeconds),
      async run() {
        try {
          const processed = await services.changeNotices.processOutbox();
          return `${processed} responsibility change(s) turned into change notices`;
        } catch (error) {
          // A database error can quote a row's values; the job table is read by every municipality's administrator.
          log.error({ job: changeNoticeOutboxJob, err: error }, 'the change-notice outbox could not be processed');
          throw new Error('The outbox could not be processed; the reason is in the server log.');
        }
      },
    },
    {
      // The compliance trend has a point for every day, whether or not anyone looked at compliance that day.
      name: complianceDailySnapshotJob,
      schedule: dailyInStockholm(),
      async run(startedAt) {
        const day = swedishToday(startedAt);
        const { done, of } = await forEveryMunicipality(db, log, complianceDailySnapshotJob, (municipalityId) =>
          services.compliance.recordDailySnapshot(systemActor(complianceDailySnapshotJob, municipalityId), municipalityId, day),
        );
        return `${done} snapshot(s) for ${day} taken, ${of - done} municipality(ies) had one already`;
      },
    },
    {
      // ADR 0012: the audit chains are recomputed with the audit key every night, and a failed run is
      // what administrators see on the scheduled-jobs card (and the banner), not only the operator.
      name: auditVerificationJob,
      schedule: dailyInStockholm(),
      async run() {
        const result = await verifyAuditChains(db);
        const municipalities = await organisationReads.listMunicipalities(db);
        // Each municipality's result is kept for its own people: the web's banner reads it (the job table names codes only).
        await services.auditEvents.recordNightlyVerification(
          systemActor(auditVerificationJob),
          municipalities.map((municipality) => municipality.id),
          result,
        );
        if (result.problems.length === 0) return `${result.events} events in ${result.chains} chain(s) verified: intact`;
        const codeOf = new Map(municipalities.map((municipality) => [municipality.id, municipality.code]));
        const chains = [...new Set(result.problems.map((problem) => codeOf.get(problem.chainId) ?? problem.chainId))];
        log.error({ job: auditVerificationJob, problems: result.problems }, 'the audit log does not verify');
        throw new Error(
          `The audit log does not verify: ${result.problems.length} problem(s) in ${chains.length} chain(s) (${chains.join(', ')}); run forvalta audit verify for the details`,
        );
      },
    },
    {
      // Issue #12, finding 8: an end date reached by the calendar ends the person's access as the write
      // that marks them leaving does (authentication refuses them from midnight; this records it and
      // revokes what they held). The login back-off's spent rows go in the same nightly pass.
      name: leaversJob,
      schedule: dailyInStockholm(),
      async run(startedAt) {
        const day = swedishToday(startedAt);
        let leavers = 0;
        const { of } = await forEveryMunicipality(db, log, leaversJob, async (municipalityId) => {
          leavers += await services.people.recordLeaversByEndDate(systemActor(leaversJob, municipalityId), municipalityId, day);
          return true;
        });
        const removed = await removeExpiredLoginThrottles(db, { pairWindowMinutes: config.loginLockMinutes }, startedAt);
        // Issue #18: reset links past their expiry, and e-mail finished long ago, are not kept.
        const links = await removeExpiredResetLinks(db, startedAt);
        const messages = await services.mail.outbox.removeFinished(startedAt);
        // Single sign-on logins abandoned at the provider (ADR 0036): their attempt rows end after ten minutes.
        await services.singleSignOn.login.removeExpiredAttempts(startedAt);
        return `${leavers} person(s) whose end date had come by ${day} marked as left in ${of} municipality(ies); ${removed} expired login throttle row(s), ${links} expired reset link(s) and ${messages} old e-mail(s) removed`;
      },
    },
    {
      // ITP-3-INFORM-NEW (notice part): on their start date a new employee is asked to read every
      // current document that asks acknowledgement; set-based per document, idempotent.
      name: newEmployeeAcknowledgementsJob,
      schedule: dailyInStockholm(),
      async run(startedAt) {
        const day = swedishToday(startedAt);
        let asked = 0;
        const { of } = await forEveryMunicipality(db, log, newEmployeeAcknowledgementsJob, async (municipalityId) => {
          asked += await services.acknowledgementRequests.requestForNewEmployees(
            systemActor(newEmployeeAcknowledgementsJob, municipalityId),
            municipalityId,
            day,
          );
          return true;
        });
        return `${asked} acknowledgement request(s) for employees started by ${day} in ${of} municipality(ies)`;
      },
    },
    {
      // Issue #16, ADR 0029: leavers gone longer than the pack's pseudonymiseAfterYears, and needed by
      // no open matter, are replaced by a pseudonym; idempotent (a pseudonymised person is not due again).
      name: pseudonymisationJob,
      schedule: dailyInStockholm(),
      async run(startedAt) {
        const day = swedishToday(startedAt);
        let pseudonymised = 0;
        let held = 0;
        const { of } = await forEveryMunicipality(db, log, pseudonymisationJob, async (municipalityId) => {
          const plan = await services.privacy.pseudonymisation.pseudonymiseLeavers(
            systemActor(pseudonymisationJob, municipalityId),
            municipalityId,
            day,
          );
          pseudonymised += plan.due.length;
          held += plan.held.length;
          return true;
        });
        return `${pseudonymised} leaver(s) pseudonymised, ${held} kept for an open matter, in ${of} municipality(ies)`;
      },
    },
  ];
}

/** The runner with the product's jobs, as `buildApp` starts it and `forvalta jobs run-due` runs it once. */
export function createScheduledJobRunner(
  db: DatabaseHandle,
  clock: Clock,
  services: Services,
  config: Pick<
    Config,
    | 'changeNoticeOutboxSeconds'
    | 'loginLockMinutes'
    | 'jobsLeaseSeconds'
    | 'jobsTickSeconds'
    | 'mail'
    | 'mailSendSeconds'
    | 'mailNotifySeconds'
    | 'mailDigestHour'
  >,
  log: JobRunnerLog,
  holder?: string,
) {
  return createJobRunner({
    db,
    clock,
    jobs: scheduledJobs(db, services, config, log),
    leaseSeconds: config.jobsLeaseSeconds,
    tickSeconds: config.jobsTickSeconds,
    log,
    holder,
  });
}
