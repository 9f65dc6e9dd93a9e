import { z } from 'zod';

/**
 * Every permission of the permission table (packages/server/src/access/permissions.ts says which
 * role holds which). One list for server and web: a route, a use case and a button name one of
 * these, never a free string.
 */
export const permissionNames = [
  'municipality.read',
  'municipality.update',
  'municipality.export',
  'department.read',
  'department.write',
  'person.read',
  'person.write',
  'login.manage',
  'secondFactorRequirement.manage',
  'roleAssignment.read',
  'roleAssignment.write',
  'auditEvent.read',
  'apiToken.manageAll',
  'apiToken.manageOwn',
  'system.read',
  'system.create',
  'system.update',
  'system.changeOwner',
  'system.assign',
  'system.updateDuties',
  'system.delete',
  'system.confirm',
  'integration.write',
  'publicRegister.manage',
  'compliance.read',
  'policyPack.manage',
  'policyPack.author',
  'policyPackDraft.read',
  'compliance.manageExceptions',
  'project.read',
  'project.create',
  'project.update',
  'project.approve',
  'riskAnalysis.read',
  'riskAnalysis.write',
  'riskMatrix.manage',
  'review.read',
  'review.write',
  'changeNotice.read',
  'changeNotice.create',
  'changeNotice.acknowledge',
  'job.read',
  'task.read',
  'notificationSettings.manageOwn',
  'mailStatus.read',
  'singleSignOn.manage',
  // Provisioning from the directory (SCIM, ADR 0038): the token is the administrator's; provisioning is the token's alone.
  'provisioning.manage',
  'provisioning.provision',
  'training.read',
  'trainingCourse.manage',
  'trainingAttendance.read',
  'trainingAttendance.record',
  'trainingHistory.read',
  'document.read',
  'document.manage',
  'documentDraft.read',
  'documentVersion.write',
  'documentVersion.adopt',
  'acknowledgement.read',
  'acknowledgementCoverage.read',
  'acknowledgement.acknowledge',
  'acknowledgement.recordFromPaper',
  'acknowledgement.recordAtSession',
  'acknowledgement.remind',
  'acknowledgement.preview',
  'accessLevel.read',
  'accessLevel.manage',
  'accessRight.read',
  'accessRightOversight.read',
  'accessRight.grant',
  'accessRight.end',
  'accessRight.activateException',
  'accessRight.export',
  'recertification.read',
  'recertification.start',
  'recertification.decide',
  'roleTemplate.read',
  'roleTemplate.manage',
  'roleTemplate.apply',
  'accessRight.import',
  // Equipment (issue #15).
  'assetModel.read',
  'assetModel.manage',
  'assetModel.approve',
  'asset.read',
  'assetOversight.read',
  'asset.manage',
  'asset.import',
  'imports.register',
  'imports.people',
  'importMapping.manage',
  // Records of processing, DPO reviews and functional mailboxes (issue #16).
  'processingActivity.read',
  'processingActivity.write',
  'processingActivity.review',
  'processingActivityExport.read',
  // Förvalta's own personal data: a person's subject access extract (GDPR art. 15).
  'subjectAccess.export',
  // Confidential records (OSL): who sees a marked record's content.
  'confidential.read',
  'mailbox.read',
  'mailbox.manage',
  // Issue #15, §7: software, the IT chief's decisions, licences, suppliers and contracts.
  'software.read',
  'software.manage',
  'softwareDecision.read',
  'softwareDecision.propose',
  'softwareDecision.decide',
  'licence.read',
  'licence.manage',
  'contract.read',
  'contract.manage',
  // Issue #19: the incident log of the Cybersecurity Act (NIS2 article 23).
  'incident.read',
  'incident.record',
  'nis2Report.read',
] as const;
export const permissionSchema = z.enum(permissionNames);
export type Permission = z.infer<typeof permissionSchema>;

/**
 * What the caller may do with one record (`can: { update: true, delete: false }`), computed by the
 * server with the same permission code its services enforce, department scope and stewardship
 * included. The web shows a button only when its action is true; the server still has the last word.
 */
export function canSchema<const Name extends string>(actionNames: readonly Name[]) {
  return z
    .object(Object.fromEntries(actionNames.map((name) => [name, z.boolean()])) as { [Key in Name]: z.ZodBoolean })
    .describe('What the caller may do with this record (computed with the permissions the server enforces).');
}

/**
 * The actions named in a record's `can`. A system's include what other modules do on it, with the
 * system as their subject: integrations, risk analyses, reviews and change notices.
 */
export const systemActionNames = [
  'update',
  'delete',
  'confirm',
  'assign',
  'updateDuties',
  'changeOwner',
  'writeIntegrations',
  'readRiskAnalyses',
  'writeRiskAnalyses',
  'writeReviews',
  'reportChange',
] as const;
export type SystemActionName = (typeof systemActionNames)[number];
export const projectActionNames = ['update', 'submit', 'approve', 'reject', 'start', 'close', 'reopen', 'addCheckpoint'] as const;
export type ProjectActionName = (typeof projectActionNames)[number];
/** A review is recorded (updated) by whoever may review its system; it is never deleted. */
export const reviewActionNames = ['update'] as const;
export type ReviewActionName = (typeof reviewActionNames)[number];
/** Departments are the administrator's: renamed, moved or deleted by whoever may write them. */
export const departmentActionNames = ['update', 'delete'] as const;
export type DepartmentActionName = (typeof departmentActionNames)[number];
/**
 * A person is updated (leaving included, never deleted), given a login (invited, or their
 * invitation revoked) and sent a password reset link; all the administrator's.
 */
export const personActionNames = ['update', 'manageLogin', 'resetPassword', 'subjectAccessExport'] as const;
export type PersonActionName = (typeof personActionNames)[number];
/** A change notice is acknowledged by the IT unit's roles, once: only while it is open. */
export const changeNoticeActionNames = ['acknowledge'] as const;
export type ChangeNoticeActionName = (typeof changeNoticeActionNames)[number];
/** A policy document is changed and deleted (only before its first adoption) by the administrator; its owner drafts versions. */
export const documentActionNames = ['update', 'delete', 'createVersion'] as const;
export type DocumentActionName = (typeof documentActionNames)[number];
/** What the document's owner does with one of its versions, each only in the state the workflow allows. */
export const documentVersionActionNames = ['update', 'submit', 'withdraw', 'adopt', 'uploadAttachment'] as const;
export type DocumentVersionActionName = (typeof documentVersionActionNames)[number];
/**
 * A document acknowledgement request: confirmed by the person themselves (only their own), recorded
 * from a signed paper by their department head, reminded; each only while it is open and its
 * version is the adopted one.
 */
export const acknowledgementActionNames = ['acknowledge', 'recordFromPaper', 'remind'] as const;
export type AcknowledgementActionName = (typeof acknowledgementActionNames)[number];
export const recordActionNames = ['update', 'delete'] as const;
export type RecordActionName = (typeof recordActionNames)[number];
/** A course is changed or deleted, and its sessions planned, by whoever manages courses of its topic. */
export const courseActionNames = ['update', 'delete', 'planSession'] as const;
export type CourseActionName = (typeof courseActionNames)[number];
/**
 * A session is changed, deleted and people registered to it by the course's managers; its
 * attendance list is read by them and its trainer, and recorded by its trainer.
 */
export const trainingSessionActionNames = ['update', 'delete', 'register', 'readAttendance', 'recordAttendance'] as const;
export type TrainingSessionActionName = (typeof trainingSessionActionNames)[number];
/** One person's attendance: recorded (attended, absent) by the trainer, removed by the course's managers. */
export const attendanceActionNames = ['record', 'remove'] as const;
export type AttendanceActionName = (typeof attendanceActionNames)[number];
/** A system's access level is renamed, marked privileged or deleted (only while no right names it) by whoever keeps its levels. */
export const accessLevelActionNames = ['update', 'delete'] as const;
export type AccessLevelActionName = (typeof accessLevelActionNames)[number];
/**
 * An access right is ended (never deleted) by its system's manager or deputy, and activated before
 * the acknowledgement by them with a written reason (only while pending).
 */
export const accessRightActionNames = ['end', 'activateException'] as const;
export type AccessRightActionName = (typeof accessRightActionNames)[number];
/** A recertification campaign's rights are decided (kept or ended) by the managers and deputies of their systems. */
export const recertificationActionNames = ['decide'] as const;
export type RecertificationActionName = (typeof recertificationActionNames)[number];
/** A role template is changed and deleted by whoever manages templates, and applied to a person by their department head. */
export const roleTemplateActionNames = ['update', 'delete', 'apply'] as const;
export type RoleTemplateActionName = (typeof roleTemplateActionNames)[number];
/** A catalogue model is changed by whoever maintains the catalogue and approved (or its approval ended) by the IT chief alone. */
export const assetModelActionNames = ['update', 'approve'] as const;
export type AssetModelActionName = (typeof assetModelActionNames)[number];
/** An asset is changed (its owner, network and lifecycle included) by the IT unit and the IT chief. */
export const assetActionNames = ['update'] as const;
export type AssetActionName = (typeof assetActionNames)[number];
/**
 * A record of processing is changed and deleted by its drafters (the controller department, the
 * stewards of its systems) and reviewed by the data protection officer alone.
 */
export const processingActivityActionNames = ['update', 'delete', 'review'] as const;
export type ProcessingActivityActionName = (typeof processingActivityActionNames)[number];
/** A functional mailbox is kept by the secretariat. */
export const mailboxActionNames = ['update', 'delete'] as const;
export type MailboxActionName = (typeof mailboxActionNames)[number];
/** A software product is changed or deleted (only while no decision or licence names it) by the IT unit and its chief. */
export const softwareActionNames = ['update', 'delete', 'proposeDecision'] as const;
export type SoftwareActionName = (typeof softwareActionNames)[number];
/** A proposal is changed while it waits; only the IT chief decides, and never on their own proposal. */
export const softwareDecisionActionNames = ['update', 'decide'] as const;
export type SoftwareDecisionActionName = (typeof softwareDecisionActionNames)[number];
/** A licence (an entitlement as a count) is changed or deleted by the IT unit and its chief. */
export const licenceActionNames = ['update', 'delete'] as const;
export type LicenceActionName = (typeof licenceActionNames)[number];
/** A supplier is changed, or deleted while no contract names it, by whoever manages contracts. */
export const supplierActionNames = ['update', 'delete'] as const;
export type SupplierActionName = (typeof supplierActionNames)[number];
/** A contract is changed or deleted by whoever manages contracts; its notice decision is recorded by them. */
export const contractActionNames = ['update', 'delete'] as const;
export type ContractActionName = (typeof contractActionNames)[number];
/** An incident is changed (assessed, closed, its lessons written) and its reports recorded by the IT unit and its chief. */
export const incidentActionNames = ['update', 'recordReport'] as const;
export type IncidentActionName = (typeof incidentActionNames)[number];
