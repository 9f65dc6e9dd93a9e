import type { Acknowledgement, AcknowledgementActionName, AcknowledgementRecord, Permission } from '@forvalta/contracts';
import type { AnyActor } from '../../access/actor.ts';
import { can, type Subject } from '../../access/authorise.ts';
import { AppError } from '../../platform/errors.ts';

/**
 * The permission of each action on an acknowledgement request; the use cases are declared with
 * these entries and a record's `can` is computed from them, on the same subjects, with the same
 * state rules (so what a record says and what the service does cannot part).
 */
export const acknowledgementActions = {
  acknowledge: 'acknowledgement.acknowledge',
  recordFromPaper: 'acknowledgement.recordFromPaper',
  remind: 'acknowledgement.remind',
  /** Not in a record's `can`: whether one may depends on the session named (its trainer), not on the request. */
  recordAtSession: 'acknowledgement.recordAtSession',
} as const satisfies Record<AcknowledgementActionName | 'recordAtSession', Permission>;

/** Reading other people's acknowledgements (and coverage): a department head's subtree, the governance roles all. */
export const overseeAcknowledgements: Permission = 'acknowledgementCoverage.read';

/**
 * The subject each action is authorised on: acknowledging is one's own, whatever one's
 * department (the service refuses another's request); recording and reminding are judged by the
 * person's department, so a department head acts for their subtree only.
 */
export function subjectOf(action: AcknowledgementActionName, record: AcknowledgementRecord): Subject | undefined {
  return action === 'acknowledge' ? undefined : { departmentId: record.departmentId };
}

/** Whether the caller may read the request at all (else 404): their own, or one of the people they oversee. */
export function mayRead(actor: AnyActor, record: AcknowledgementRecord): boolean {
  if (actor.kind === 'person' && actor.personId === record.personId) return true;
  return can(actor, overseeAcknowledgements, { departmentId: record.departmentId });
}

/**
 * Why the request cannot be given now, or undefined: its version must be the adopted one, and the
 * request still open. The refusals are conflicts with a stable reason the web says in its language.
 */
export function refusalToGive(record: AcknowledgementRecord): AppError | undefined {
  if (record.versionState === 'superseded')
    return new AppError('conflict', 'The version has been replaced by a newer one and can no longer be acknowledged.', {
      reason: 'document_version_superseded',
    });
  if (record.versionState !== 'adopted')
    return new AppError('conflict', 'The version has not been adopted and cannot be acknowledged.', {
      reason: 'document_version_not_adopted',
    });
  if (record.state === 'withdrawn')
    return new AppError('conflict', 'The request was withdrawn when a newer version was adopted.', { reason: 'acknowledgement_withdrawn' });
  if (record.state === 'acknowledged')
    return new AppError('conflict', 'The acknowledgement has already been given.', { reason: 'acknowledgement_already_given' });
  return undefined;
}

/** Only the person asked may confirm their own request; a record made for them is the paper or session route. */
export function isOwnRequest(actor: AnyActor, record: AcknowledgementRecord): boolean {
  return actor.kind === 'person' && actor.personId === record.personId;
}

/** The request as the API answers it: with what `actor` may do with it now. */
export function withAbilities(actor: AnyActor, record: AcknowledgementRecord): Acknowledgement {
  const open = refusalToGive(record) === undefined;
  const allowed = (action: AcknowledgementActionName) => can(actor, acknowledgementActions[action], subjectOf(action, record));
  return {
    ...record,
    can: {
      acknowledge: open && isOwnRequest(actor, record) && allowed('acknowledge'),
      recordFromPaper: open && allowed('recordFromPaper'),
      remind: open && allowed('remind'),
    },
  };
}
