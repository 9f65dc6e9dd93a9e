import type { MailboxActionName, Permission, ProcessingActivityActionName } from '@forvalta/contracts';
import type { AnyActor } from '../../access/actor.ts';
import { can, type Subject } from '../../access/authorise.ts';
import { canOn } from '../../access/record-actions.ts';

/**
 * The permission of each action on a record of processing and on a mailbox. The use cases are
 * declared with these entries and the records' `can` computed from them.
 */
export const processingActivityActions = {
  update: 'processingActivity.write',
  delete: 'processingActivity.write',
  review: 'processingActivity.review',
} as const satisfies Record<ProcessingActivityActionName, Permission>;
export const mailboxActions = { update: 'mailbox.manage', delete: 'mailbox.manage' } as const satisfies Record<
  MailboxActionName,
  Permission
>;

/**
 * What a record is judged on: its controller department (a department head drafts their
 * department's records, and reads the others') and the stewards of the systems it runs in.
 */
export const activitySubject = (controllerDepartmentId: string, stewardPersonIds: readonly string[]): Subject => ({
  departmentId: controllerDepartmentId,
  stewardPersonIds,
});

export function activityAbilities(actor: AnyActor, subject: Subject) {
  return canOn(actor, processingActivityActions, subject);
}

/**
 * The register with its confidential records goes to the export's roles that may also read
 * confidential content (ADR 0030); the export checks this and the list's `can` says it.
 */
export function mayExportConfidential(actor: AnyActor): boolean {
  return can(actor, 'processingActivityExport.read') && can(actor, 'confidential.read');
}
