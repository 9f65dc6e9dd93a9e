import { permissionNames, roles, type Permission, type Role } from '@forvalta/contracts';

/** Grants every role holds: reading the register and one's own tokens. */
const everyRole = roles;

/**
 * The permission table: which role may perform which action. Deny by default: an action that
 * is not listed for any of a person's roles is refused. A department-scoped grant
 * (department_head) only covers subjects in its department subtree; services pass the subject's
 * department to `can`.
 *
 * A change here is a permission change: the route-permission snapshot test shows it.
 */
export const permissions = {
  'municipality.read': everyRole,
  'municipality.update': ['administrator'],
  // The whole municipality as a backup archive (issue #17): every record, password hashes included.
  'municipality.export': ['administrator'],
  'department.read': everyRole,
  'department.write': ['administrator'],
  'person.read': everyRole,
  'person.write': ['administrator'],
  // Inviting a person of this municipality to sign in, revoking the invitation or their login here.
  'login.manage': ['administrator'],
  // Which roles must log in with a second factor (NIS2): the administrator decides for the municipality.
  'secondFactorRequirement.manage': ['administrator'],
  'roleAssignment.read': ['administrator', 'it_chief', 'auditor'],
  'roleAssignment.write': ['administrator'],
  'auditEvent.read': ['administrator', 'auditor'],
  // Every token of the municipality, whoever holds it: to revoke a leaver's or a leaked one.
  'apiToken.manageAll': ['administrator'],
  'apiToken.manageOwn': everyRole,
  // The system register (§4.2). Department heads act for the systems their department owns.
  'system.read': everyRole,
  'system.create': ['administrator', 'it_unit', 'department_head'],
  'system.update': ['administrator', 'it_unit', 'department_head'],
  'system.changeOwner': ['administrator', 'it_unit', 'department_head'],
  'system.assign': ['administrator', 'it_unit', 'department_head'],
  'system.updateDuties': ['administrator', 'it_unit', 'department_head'],
  'system.delete': ['administrator'],
  // Only the system's own manager or deputy can vouch that its record is current (ITP-4.2-REGISTER).
  'system.confirm': [],
  'integration.write': ['administrator', 'it_unit', 'department_head'],
  'publicRegister.manage': ['administrator'],
  // Compliance (§12: heads of operations see whether the rules are followed) is open to all staff.
  'compliance.read': everyRole,
  'policyPack.manage': ['administrator'],
  // A municipality's own pack (issue #21): the administrator and the IT chief author and adopt it;
  // auditors read drafts too, everyone else only the adopted pack (compliance.read).
  'policyPack.author': ['administrator', 'it_chief'],
  'policyPackDraft.read': ['administrator', 'it_chief', 'auditor'],
  'compliance.manageExceptions': ['administrator', 'it_chief'],
  // Introductions and upgrades (§4.2.1): initiated by a department, approved for operation only by the IT unit.
  'project.read': everyRole,
  'project.create': ['administrator', 'it_unit', 'department_head'],
  'project.update': ['administrator', 'it_unit', 'department_head'],
  'project.approve': ['it_chief', 'it_unit'],
  // Risk analyses name vulnerabilities: not for every employee.
  'riskAnalysis.read': ['administrator', 'it_chief', 'it_unit', 'department_head', 'data_protection_officer', 'auditor'],
  'riskAnalysis.write': ['administrator', 'it_unit', 'department_head'],
  'riskMatrix.manage': ['administrator', 'it_chief'],
  'review.read': everyRole,
  'review.write': ['administrator', 'it_unit', 'department_head'],
  'changeNotice.read': everyRole,
  'changeNotice.create': ['administrator', 'it_chief', 'it_unit', 'department_head'],
  // §4.2.2: the notice goes to the IT unit, and the IT unit acknowledges it.
  'changeNotice.acknowledge': ['it_chief', 'it_unit'],
  // The installation's scheduled jobs (ADR 0006): operations, not governance.
  'job.read': ['administrator'],
  // Everyone's own to-do list (issue #13): what the product asks of the signed-in person, nobody else's.
  'task.read': everyRole,
  // Issue #18: each person chooses how they hear of their own asks; SMTP and the outbox are the administrators'.
  'notificationSettings.manageOwn': everyRole,
  'mailStatus.read': ['administrator'],
  // The municipality's OpenID provider, its roles from groups and whether passwords still work (ADR 0036).
  'singleSignOn.manage': ['administrator'],
  // The municipality's SCIM token (ADR 0038): creating, rotating and revoking it is the administrator's.
  'provisioning.manage': ['administrator'],
  // Creating, changing and deactivating people from the directory: no role, only the provisioning token's actor.
  'provisioning.provision': [],
  // Training (§5, ITP-8-INFO, ITP-4.2-TRAIN-OTHERS). Courses and sessions are open to all staff.
  'training.read': everyRole,
  // Who may manage a course is narrowed by its topic (modules/training/training-abilities.ts):
  // IT security by the IT unit and its chief, data protection by the secretariat and the data
  // protection officer, a system's own training by the head of its owning department.
  'trainingCourse.manage': ['administrator', 'it_chief', 'it_unit', 'secretariat', 'data_protection_officer', 'department_head'],
  // A session's attendance list: its organisers and those who oversee; its trainer as a steward.
  'trainingAttendance.read': [
    'administrator',
    'it_chief',
    'it_unit',
    'secretariat',
    'data_protection_officer',
    'department_head',
    'auditor',
  ],
  // Attendance is recorded by the session's trainer (a steward of the session); the administrator stands in.
  'trainingAttendance.record': ['administrator'],
  // A person's history: their own (as its steward), their department head's, the auditor's.
  'trainingHistory.read': ['administrator', 'department_head', 'auditor'],
  // Policy documents (issue #13). Everyone reads adopted versions; drafts are for the document's
  // owner role (checked in the documents service), the administrator and the auditor.
  'document.read': everyRole,
  'document.manage': ['administrator'],
  'documentDraft.read': ['administrator', 'auditor'],
  // Held by the roles that may own a document; the service also demands the document's owner role
  // (the administrator may act for every document).
  'documentVersion.write': ['administrator', 'it_chief', 'it_unit', 'secretariat', 'data_protection_officer'],
  'documentVersion.adopt': ['administrator', 'it_chief', 'it_unit', 'secretariat', 'data_protection_officer'],
  // Document acknowledgements (ITP-4.2-KNOW, ITP-12-KNOWLEDGE). Everyone reads their own requests
  // and confirms only their own (the service refuses another's); a department's coverage, and the
  // acknowledgements of its people, are read by its head (their subtree) and the governance roles.
  'acknowledgement.read': everyRole,
  'acknowledgementCoverage.read': ['administrator', 'it_chief', 'auditor', 'department_head'],
  'acknowledgement.acknowledge': everyRole,
  // §12: the department informs its employees; its head records a signed paper for their own people.
  'acknowledgement.recordFromPaper': ['department_head'],
  // Only a training session's trainer, passed as the steward of the subject: no role grants it.
  'acknowledgement.recordAtSession': [],
  'acknowledgement.remind': ['administrator', 'it_chief', 'department_head'],
  // Before adopting: the roles that may own and adopt a document (as documentVersion.adopt).
  'acknowledgement.preview': ['administrator', 'it_chief', 'it_unit', 'secretariat', 'data_protection_officer'],
  // Access rights (issue #14, §4.2.3: the system manager administers its access rights). A system's
  // levels are read by all and kept by the IT unit and the system's stewards.
  'accessLevel.read': everyRole,
  'accessLevel.manage': ['administrator', 'it_unit'],
  // Everyone reads the rights they may see: their own, those of the systems they keep (as manager or
  // deputy), and, with accessRightOversight.read, other people's: the governance roles everyone's, a
  // department head their department's people's (by the holder's department).
  'accessRight.read': everyRole,
  'accessRightOversight.read': ['administrator', 'it_chief', 'it_unit', 'auditor', 'department_head'],
  // Granting, ending and activating by exception are the system's manager's and deputies' alone (stewards).
  'accessRight.grant': [],
  'accessRight.end': [],
  'accessRight.activateException': [],
  // The rights to provision, as CSV: the IT unit for every system, a system's stewards for theirs.
  'accessRight.export': ['administrator', 'it_unit'],
  // Campaigns are read as rights are: the stewards their systems', the overseers (accessRightOversight.read) theirs.
  'recertification.read': everyRole,
  // A campaign is started by the IT unit, a department head for their department's systems, or a system's stewards.
  'recertification.start': ['administrator', 'it_unit', 'department_head'],
  // Only the system's manager and deputies decide whether a right stays.
  'recertification.decide': [],
  'roleTemplate.read': everyRole,
  'roleTemplate.manage': ['administrator', 'it_unit'],
  // A department head requests the rights of a template for their own people (the person's department).
  'roleTemplate.apply': ['administrator', 'it_unit', 'department_head'],
  // Recording the rights found in a system or the directory from a file: the IT unit for any system,
  // a system's stewards for the rows of their systems (each row is authorised on its system).
  'accessRight.import': ['administrator', 'it_unit'],
  // Equipment (issue #15, §6). The catalogue is open to all staff, kept by the IT unit and approved by
  // the IT chief alone. Assets are read as access rights are (asset.read by all, which ones by
  // assetOversight.read: the governance roles all, a department head their department's; a
  // system's stewards their systems'); the IT unit and its chief maintain and import them.
  'assetModel.read': everyRole,
  'assetModel.manage': ['it_chief', 'it_unit'],
  'assetModel.approve': ['it_chief'],
  'asset.read': everyRole,
  'assetOversight.read': ['administrator', 'it_chief', 'it_unit', 'auditor', 'department_head'],
  'asset.manage': ['it_chief', 'it_unit'],
  'asset.import': ['it_chief', 'it_unit'],
  // Bringing a register in from a spreadsheet (issue #17): the administrator and the IT unit, who
  // create and update systems anyway. People are the administrator's alone, as person.write is:
  // an import must not let the IT unit write people it may not edit one by one (no HR role exists).
  'imports.register': ['administrator', 'it_unit'],
  'imports.people': ['administrator'],
  'importMapping.manage': ['administrator', 'it_unit'],
  // Records of processing (issue #16, §8, GDPR art. 30). Every employee reads the register, as the
  // record is an official document; drafting is the controller department's (its head, by the
  // record's controller department) and its systems' stewards'; only the DPO reviews.
  'processingActivity.read': everyRole,
  'processingActivity.write': ['administrator', 'department_head'],
  'processingActivity.review': ['data_protection_officer'],
  // The article 30 register as a file, as a supervisory authority would ask for it.
  'processingActivityExport.read': ['administrator', 'data_protection_officer', 'auditor'],
  // Förvalta's own personal data (issue #16): the subject access extract (GDPR art. 15) is the data
  // protection officer's alone. It holds everything about one person, the audit log's events
  // included; the administrator, who may appoint a DPO, does not take it in their stead (ADR 0029).
  'subjectAccess.export': ['data_protection_officer'],
  // Confidential records (issue #16, ADR 0030): a risk analysis, an asset's network details or a
  // record of processing marked secret under an OSL paragraph shows its content only to these roles
  // and to the stewards of its systems (need to know); others, a department head included, see that
  // the record exists with its content withheld.
  'confidential.read': ['administrator', 'it_chief', 'it_unit', 'data_protection_officer', 'auditor'],
  // Functional mailboxes (ITP-8-MAILBOX): read by all staff (who watches what), kept by the secretariat.
  'mailbox.read': everyRole,
  'mailbox.manage': ['administrator', 'secretariat'],
  // Software, licences and contracts (issue #15, §7): the IT unit and its chief keep them; auditors read all.
  'software.read': everyRole,
  'software.manage': ['administrator', 'it_chief', 'it_unit'],
  'softwareDecision.read': everyRole,
  // A decision is asked for by the IT unit, or by a system's stewards for their system's software (stewardActions).
  'softwareDecision.propose': ['administrator', 'it_chief', 'it_unit'],
  // §7: only the IT chief decides on self-developed and open-source software.
  'softwareDecision.decide': ['it_chief'],
  'licence.read': ['administrator', 'it_chief', 'it_unit', 'department_head', 'system_manager', 'auditor'],
  'licence.manage': ['administrator', 'it_chief', 'it_unit'],
  // A department head reads the contracts covering their department's systems, a steward their systems'.
  'contract.read': ['administrator', 'it_chief', 'it_unit', 'department_head', 'auditor'],
  'contract.manage': ['administrator', 'it_chief', 'it_unit'],
  // Incidents under the Cybersecurity Act (issue #19, NIS2 article 23). The IT unit and its chief
  // record them and report them to the CSIRT; a department head reads the incidents of the systems
  // their department owns and a system's stewards those of their systems (by the affected systems);
  // the auditors and the administrator read all. Nobody else: an incident log tells where the
  // municipality is weak.
  'incident.read': ['administrator', 'it_chief', 'it_unit', 'department_head', 'auditor'],
  'incident.record': ['it_chief', 'it_unit'],
  // The NIS2 status report (issue #19): the Act's measures with the systems in scope, their
  // classification, continuity and supplier, for the IT unit and its chief who answer for it, the
  // auditors and the administrator; not everyone who reads compliance, as it lists where the
  // municipality's critical systems are weak.
  'nis2Report.read': ['administrator', 'it_chief', 'it_unit', 'auditor'],
} as const satisfies Record<Permission, readonly Role[]>;

/**
 * Actions a system's current manager or deputy may take on that system, whatever their roles:
 * they keep its record, duties and integrations, but cannot move it to another owner or appoint
 * its managers (the owner does, §4.2).
 */
export const stewardActions: readonly Action[] = [
  'system.read',
  'system.update',
  'system.updateDuties',
  'system.confirm',
  'integration.write',
  // They know the system best: they analyse its risks, review it and report its changes.
  'riskAnalysis.read',
  'riskAnalysis.write',
  'review.write',
  'changeNotice.create',
  // For a project the "steward" passed is its project lead, who prepares and submits it.
  'project.update',
  // For a training session the steward is its trainer: they read and take its attendance.
  'trainingAttendance.read',
  'trainingAttendance.record',
  // For a person's training history the steward is that person: everyone sees their own.
  'trainingHistory.read',
  // For a system's access levels, rights and recertification the stewards are its manager and deputies.
  'accessLevel.manage',
  'accessRight.grant',
  'accessRight.end',
  'accessRight.activateException',
  'accessRight.export',
  'recertification.start',
  'recertification.decide',
  'accessRight.import',
  // For an acknowledgement given at a training session the steward is the session's trainer.
  'acknowledgement.recordAtSession',
  // For a record of processing the stewards are those of the systems it runs in: they draft it.
  'processingActivity.write',
  // For software the stewards are those of the systems using it: they ask the IT chief for a decision;
  // for a contract those of the systems it covers: they read it.
  'softwareDecision.propose',
  'contract.read',
  // A system's stewards read its confidential records (its risk analyses, its records of processing).
  'confidential.read',
  // For an incident the stewards are those of the systems it affected: they read it.
  'incident.read',
];

/** A permission of the table; the names are the contracts' union (`Permission`), shared with the web. */
export type Action = Permission;
export const actions: readonly Action[] = permissionNames;

export function rolesAllowed(action: Action): readonly Role[] {
  return permissions[action];
}
