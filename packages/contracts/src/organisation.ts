import { z } from 'zod';
import {
  booleanQuery,
  dateSchema,
  idSchema,
  listQuerySchema,
  listResponseSchema,
  optionalText,
  recordMetaSchema,
  requiredText,
  sortParameter,
  timestampSchema,
} from './common.ts';
import { canSchema, departmentActionNames, personActionNames } from './permissions.ts';
import { roleSchema } from './roles.ts';

/* ---------- Municipalities (tenants) ---------- */

/** The official four-digit municipality code (kommunkod), e.g. Tanum = 1435. */
export const municipalityCodeSchema = z.string().regex(/^\d{4}$/, 'Four digits (kommunkod)');

export const municipalitySchema = recordMetaSchema.extend({
  code: municipalityCodeSchema,
  name: z.string(),
});
export type Municipality = z.infer<typeof municipalitySchema>;

export const municipalityUpdateSchema = z.strictObject({ name: requiredText(120) });
export type MunicipalityUpdate = z.infer<typeof municipalityUpdateSchema>;
export const municipalityListSchema = listResponseSchema(municipalitySchema);

/* ---------- Departments (förvaltningar and their units) ---------- */

/** A department as stored; the API answers it with the caller's `can` (departmentSchema). */
export const departmentRecordSchema = recordMetaSchema.extend({
  name: z.string(),
  shortName: z.string().nullable(),
  parentId: idSchema.nullable(),
  /** Marks the IT unit (ITP-4.3-ORG); at most one per municipality. */
  isItUnit: z.boolean(),
  /** Number of people whose department this is; read-only. */
  peopleCount: z.number().int().nonnegative(),
});
export type DepartmentRecord = z.infer<typeof departmentRecordSchema>;
export const departmentCanSchema = canSchema(departmentActionNames);
export const departmentSchema = departmentRecordSchema.extend({ can: departmentCanSchema });
export type Department = z.infer<typeof departmentSchema>;

export const departmentCreateSchema = z.strictObject({
  name: requiredText(160),
  shortName: optionalText(40),
  parentId: idSchema.nullable().optional(),
  isItUnit: z.boolean().optional(),
});
export type DepartmentCreate = z.infer<typeof departmentCreateSchema>;

export const departmentUpdateSchema = departmentCreateSchema.partial();
export type DepartmentUpdate = z.infer<typeof departmentUpdateSchema>;

export const departmentSortFields = ['name', 'createdAt'] as const;
export const departmentListQuerySchema = listQuerySchema.extend({
  parentId: idSchema.optional(),
  isItUnit: booleanQuery.optional(),
  sort: sortParameter(departmentSortFields),
});
export type DepartmentListQuery = z.infer<typeof departmentListQuerySchema>;
export const departmentListSchema = listResponseSchema(departmentSchema);

/* ---------- People ---------- */

export const employmentStatuses = ['active', 'left'] as const;
export const employmentStatusSchema = z.enum(employmentStatuses);
export type EmploymentStatus = z.infer<typeof employmentStatusSchema>;

/** A person as stored; the API answers them with the caller's `can` (personSchema). */
export const personRecordSchema = recordMetaSchema.extend({
  firstName: z.string(),
  lastName: z.string(),
  email: z.string(),
  /** The HR system's key for the person, unique in the municipality where given; an access-rights file may name the person by it. */
  employeeNumber: z.string().nullable(),
  departmentId: idSchema.nullable(),
  title: z.string().nullable(),
  employmentStatus: employmentStatusSchema,
  startDate: dateSchema.nullable(),
  endDate: dateSchema.nullable(),
  /**
   * Whether this person can log in to this municipality (their login was linked here by accepting
   * an invitation, or by the installation operator). Says nothing about logins elsewhere.
   */
  hasLogin: z.boolean(),
  /** Whether the person has a personal e-mail mailbox (from the directory): ITP-8-OFFICIAL-DOC's audience. */
  hasPersonalMailbox: z.boolean(),
  /**
   * When the person, long gone, was replaced by a pseudonym (ADR 0029): their name reads
   * "Pseudonym <short id>", and their e-mail, employee number, title and login are gone. Null for everyone else.
   */
  pseudonymisedAt: timestampSchema.nullable(),
});
export type PersonRecord = z.infer<typeof personRecordSchema>;
/** What the caller may do with a person: update them, manage their login, send a reset link (it needs a login, and only while active). */
export const personCanSchema = canSchema(personActionNames);
export const personSchema = personRecordSchema.extend({ can: personCanSchema });
export type Person = z.infer<typeof personSchema>;

const emailSchema = z
  .email()
  .max(254)
  .transform((email) => email.toLowerCase());

export const personCreateSchema = z.strictObject({
  firstName: requiredText(80),
  lastName: requiredText(80),
  email: emailSchema,
  employeeNumber: optionalText(40),
  departmentId: idSchema.nullable().optional(),
  title: optionalText(120),
  startDate: dateSchema.nullable().optional(),
  hasPersonalMailbox: z.boolean().optional(),
});
export type PersonCreate = z.infer<typeof personCreateSchema>;

/** Leaving is recorded by setting employmentStatus to `left` (with endDate); people are never deleted. */
export const personUpdateSchema = personCreateSchema.partial().extend({
  employmentStatus: employmentStatusSchema.optional(),
  endDate: dateSchema.nullable().optional(),
});
export type PersonUpdate = z.infer<typeof personUpdateSchema>;

export const personSortFields = ['name', 'email', 'createdAt'] as const;
export const personListQuerySchema = listQuerySchema.extend({
  departmentId: idSchema.optional(),
  employmentStatus: employmentStatusSchema.optional(),
  sort: sortParameter(personSortFields),
});
export type PersonListQuery = z.infer<typeof personListQuerySchema>;
export const personListSchema = listResponseSchema(personSchema);

/* ---------- Role assignments ---------- */

export const roleAssignmentSchema = recordMetaSchema.extend({
  personId: idSchema,
  role: roleSchema,
  /** Set for department-scoped roles (department_head); the role then covers the sub-units too. */
  departmentId: idSchema.nullable(),
  personName: z.string(),
});
export type RoleAssignment = z.infer<typeof roleAssignmentSchema>;

export const roleAssignmentCreateSchema = z.strictObject({
  personId: idSchema,
  role: roleSchema,
  departmentId: idSchema.nullable().optional(),
});
export type RoleAssignmentCreate = z.infer<typeof roleAssignmentCreateSchema>;

export const roleAssignmentUpdateSchema = z.strictObject({ departmentId: idSchema.nullable() });
export type RoleAssignmentUpdate = z.infer<typeof roleAssignmentUpdateSchema>;

export const roleAssignmentSortFields = ['role', 'createdAt'] as const;
export const roleAssignmentListQuerySchema = listQuerySchema.extend({
  personId: idSchema.optional(),
  role: roleSchema.optional(),
  departmentId: idSchema.optional(),
  sort: sortParameter(roleAssignmentSortFields),
});
export type RoleAssignmentListQuery = z.infer<typeof roleAssignmentListQuerySchema>;
export const roleAssignmentListSchema = listResponseSchema(roleAssignmentSchema);

/* ---------- Personal API tokens ---------- */

export const apiTokenSchema = recordMetaSchema.extend({
  name: z.string(),
  /** The first characters of the token, to recognise it; the rest is never shown again. */
  tokenPrefix: z.string(),
  /** Always UTC: an expiry sent with an offset is stored as the same instant. */
  expiresAt: timestampSchema.nullable(),
  lastUsedAt: timestampSchema.nullable(),
  revokedAt: timestampSchema.nullable(),
  /** Whether a script using this token may create further tokens (never ones that outlive it). */
  canCreateTokens: z.boolean(),
});
export type ApiToken = z.infer<typeof apiTokenSchema>;

export const apiTokenCreateSchema = z.strictObject({
  name: requiredText(80),
  expiresAt: timestampSchema.nullable().optional(),
  canCreateTokens: z.boolean().optional(),
});
export type ApiTokenCreate = z.infer<typeof apiTokenCreateSchema>;

/** Returned once, at creation: the only time the secret is visible. */
export const apiTokenCreatedSchema = apiTokenSchema.extend({ token: z.string() });
export type ApiTokenCreated = z.infer<typeof apiTokenCreatedSchema>;

export const apiTokenListQuerySchema = listQuerySchema.extend({
  sort: sortParameter(['createdAt', 'name'] as const),
});
export const apiTokenListSchema = listResponseSchema(apiTokenSchema);

/** Every token of the municipality, for its administrators, with whose it is. */
export const municipalityApiTokenSchema = apiTokenSchema.extend({ ownerName: z.string(), ownerEmail: z.string() });
export type MunicipalityApiToken = z.infer<typeof municipalityApiTokenSchema>;
export const municipalityApiTokenListQuerySchema = listQuerySchema.extend({
  sort: sortParameter(['createdAt', 'name'] as const),
});
export const municipalityApiTokenListSchema = listResponseSchema(municipalityApiTokenSchema);

/* ---------- Audit log ---------- */

export const auditEventSchema = z.object({
  id: idSchema,
  sequence: z.number().int(),
  occurredAt: timestampSchema,
  actorLoginId: idSchema.nullable(),
  actorName: z.string(),
  action: z.string(),
  entityType: z.string(),
  entityId: z.string().nullable(),
  before: z.unknown().nullable(),
  after: z.unknown().nullable(),
});
export type AuditEvent = z.infer<typeof auditEventSchema>;

/**
 * The names of the events the server records (an event's `action`), the choices of the audit
 * log's action filter. A name not listed here is still shown; it cannot be filtered on until added.
 */
export const auditActions = [
  'create',
  'update',
  'delete',
  'revoke',
  'revise',
  'confirm',
  'end',
  'publish',
  'person_left',
  'hold',
  'acknowledge',
  'judge_compliance',
  'revise_budget',
  'start',
  'submit',
  'approve',
  'reject',
  'reopen',
  'close',
  'login',
  'login_failed',
  'login_throttled',
  'logout',
  'logout_everywhere',
  'switch_municipality',
  'set_password',
  'change_password',
  'issue_password_reset',
  'request_password_reset',
  'reset_password',
  'invitation_created',
  'invitation_accepted',
  'invitation_revoked',
  'seal',
  'rotate_key',
  'audit_exported',
  'login_second_factor_failed',
  'login_removed',
  'mfa_enabled',
  'mfa_disabled',
  'mfa_recovery_code_used',
  'mfa_recovery_codes_renewed',
  'generate',
  // Policy documents, acknowledgements and training (issue #13).
  'withdraw',
  'adopt',
  'attach_file',
  'acknowledgements_requested',
  'acknowledgements_reminded',
  'register',
  'record_attendance',
  // Access rights (issue #14).
  'grant',
  'activate',
  'activate_exception',
  'import',
  'apply',
  'access_rights_flagged',
  'recertification_keep',
  'recertification_end',
  // Records of processing (issue #16): the data protection officer's review.
  'privacy_review',
  'subject_access_exported',
  'person_pseudonymised',
  'confidential_exported',
  // Backup and restore of a municipality (issue #17).
  'municipality_exported',
  'municipality_imported',
  // Provisioning from the directory (ADR 0038): a SCIM DELETE, which marks the person left and deletes nothing.
  'deprovision',
  // Incidents under the Cybersecurity Act (issue #19): a report recorded as sent to the CSIRT.
  'incident_reported',
] as const;
export const auditActionSchema = z.enum(auditActions);
export type AuditAction = z.infer<typeof auditActionSchema>;

/** The audit log's filters: by record (kind and id), person (actor), action and period [from, to). */
const auditEventFilters = {
  entityType: z.string().max(60).optional(),
  entityId: z.string().max(60).optional(),
  actorLoginId: idSchema.optional(),
  action: auditActionSchema.optional(),
  from: timestampSchema.optional(),
  to: timestampSchema.optional(),
};

export const auditEventListQuerySchema = listQuerySchema.extend({
  ...auditEventFilters,
  sort: sortParameter(['occurredAt'] as const),
});

export const auditExportFormats = ['csv', 'xlsx'] as const;
/** The filtered log as a file (POST: the export is itself recorded in the audit log, a write). */
export const auditEventExportSchema = z.strictObject({
  format: z.enum(auditExportFormats),
  ...auditEventFilters,
});
export type AuditEventExport = z.infer<typeof auditEventExportSchema>;
export type AuditEventListQuery = z.infer<typeof auditEventListQuerySchema>;
export const auditEventListSchema = listResponseSchema(auditEventSchema).extend({
  /** Names of the systems, people and departments this page's before/after values refer to, by id. */
  names: z.record(z.string(), z.string()),
});
export type AuditEventList = z.infer<typeof auditEventListSchema>;

export const auditChainProblemKinds = [
  'hash_mismatch',
  'broken_link',
  'missing_event',
  'head_mismatch',
  'missing_head',
  'missing_chain',
  'unsealed_chain',
  'unknown_key',
  'checkpoint_missing',
  'checkpoint_mismatch',
  'checkpoint_signature',
] as const;

/** The municipality's audit chain recomputed with the installation's audit key, now. */
export const auditVerificationSchema = z.object({
  intact: z.boolean(),
  checkedAt: timestampSchema,
  events: z.number().int(),
  /** The id of the installation's audit key the chain was recomputed with (never the key itself). */
  keyId: z.string(),
  problems: z.array(
    z.object({
      sequence: z.number().int(),
      eventId: z.string().nullable(),
      problem: z.enum(auditChainProblemKinds),
    }),
  ),
});
export type AuditVerificationResult = z.infer<typeof auditVerificationSchema>;

/** What the nightly verification found for the municipality the last time it ran; null before its first run. */
export const auditLatestVerificationSchema = z.object({
  latest: z
    .object({
      intact: z.boolean(),
      checkedAt: timestampSchema,
      events: z.number().int(),
      problems: z.number().int(),
      keyId: z.string(),
    })
    .nullable(),
});
export type AuditLatestVerification = z.infer<typeof auditLatestVerificationSchema>;
