import { z } from 'zod';
import { recordMetaSchema, timestampSchema } from './common.ts';

/**
 * Provisioning from the directory (issue #18, ADR 0038): a SCIM 2.0 endpoint at `/scim/v2`, one
 * bearer token per municipality. The administrator creates, rotates and revokes the token; the
 * secret is shown once, stored only as a hash.
 */
export const provisioningTokenSchema = recordMetaSchema.extend({
  /** The token's first characters, to tell which one a directory holds. */
  tokenPrefix: z.string(),
  createdBy: z.string(),
  lastUsedAt: timestampSchema.nullable(),
});
export type ProvisioningToken = z.infer<typeof provisioningTokenSchema>;

export const provisioningTokenCreatedSchema = provisioningTokenSchema.extend({
  /** The secret itself: shown in this answer only. */
  token: z.string(),
});
export type ProvisioningTokenCreated = z.infer<typeof provisioningTokenCreatedSchema>;

export const provisioningStatusSchema = z.object({
  /** The tenant URL a directory is given (PUBLIC_URL + /scim/v2); null until PUBLIC_URL is set. */
  endpoint: z.string().nullable(),
  /** The municipality's live token, or null when it has none. */
  token: provisioningTokenSchema.nullable(),
  /** People this municipality's directory has provisioned (created or linked), and of them how many have left. */
  provisionedPeople: z.number().int(),
  provisionedLeavers: z.number().int(),
  can: z.object({ manage: z.boolean() }),
});
export type ProvisioningStatus = z.infer<typeof provisioningStatusSchema>;

/* ---------- SCIM 2.0 (RFC 7643, RFC 7644): the subset Microsoft Entra ID uses ---------- */

export const scimUserSchemaUrn = 'urn:ietf:params:scim:schemas:core:2.0:User';
export const scimEnterpriseUserSchemaUrn = 'urn:ietf:params:scim:schemas:extension:enterprise:2.0:User';
export const scimListResponseSchemaUrn = 'urn:ietf:params:scim:api:messages:2.0:ListResponse';
export const scimPatchOpSchemaUrn = 'urn:ietf:params:scim:api:messages:2.0:PatchOp';
export const scimErrorSchemaUrn = 'urn:ietf:params:scim:api:messages:2.0:Error';

const scimText = (max: number) => z.string().max(max);

/** A manager is named by the SCIM id of another user (Entra sends `{ value }`, some clients the id alone). */
const scimManagerSchema = z.union([z.string().max(200), z.looseObject({ value: z.string().max(200).nullable().optional() })]);

/**
 * A user as a directory sends it (POST, PUT). Loose, as RFC 7643 wants: attributes Förvalta does
 * not keep (addresses, phone numbers, preferredLanguage) are accepted and not stored.
 */
export const scimUserInputSchema = z.looseObject({
  schemas: z.array(z.string().max(200)).max(10).optional(),
  externalId: scimText(200).nullable().optional(),
  userName: z.string().trim().min(1).max(254),
  active: z.union([z.boolean(), z.enum(['True', 'False', 'true', 'false'])]).optional(),
  displayName: scimText(200).nullable().optional(),
  title: scimText(120).nullable().optional(),
  name: z
    .looseObject({
      givenName: scimText(80).nullable().optional(),
      familyName: scimText(80).nullable().optional(),
      formatted: scimText(200).nullable().optional(),
    })
    .optional(),
  emails: z
    .array(
      z.looseObject({
        value: scimText(254),
        type: scimText(40).optional(),
        primary: z.union([z.boolean(), z.string().max(10)]).optional(),
      }),
    )
    .max(20)
    .optional(),
  [scimEnterpriseUserSchemaUrn]: z
    .looseObject({
      department: scimText(200).nullable().optional(),
      employeeNumber: scimText(40).nullable().optional(),
      manager: scimManagerSchema.nullable().optional(),
    })
    .optional(),
});
export type ScimUserInput = z.infer<typeof scimUserInputSchema>;

/** One operation of a PATCH; Entra writes `op` capitalised ("Replace", "Add", "Remove"). */
export const scimPatchOperationSchema = z.looseObject({
  op: z.string().max(20),
  path: z.string().max(300).optional(),
  value: z.unknown().optional(),
});
export type ScimPatchOperation = z.infer<typeof scimPatchOperationSchema>;

export const scimPatchSchema = z.looseObject({
  schemas: z.array(z.string().max(200)).max(10).optional(),
  Operations: z.array(scimPatchOperationSchema).min(1).max(100),
});
export type ScimPatch = z.infer<typeof scimPatchSchema>;

export const scimListQuerySchema = z.looseObject({
  filter: z.string().max(500).optional(),
  startIndex: z.coerce.number().int().optional(),
  count: z.coerce.number().int().optional(),
  attributes: z.string().max(500).optional(),
  excludedAttributes: z.string().max(500).optional(),
});
export type ScimListQuery = z.infer<typeof scimListQuerySchema>;

export const scimIdParamsSchema = z.strictObject({ id: z.string().max(200) });

/** A user as Förvalta answers it. */
export const scimUserSchema = z.object({
  schemas: z.array(z.string()),
  id: z.string(),
  externalId: z.string().optional(),
  userName: z.string(),
  active: z.boolean(),
  displayName: z.string(),
  title: z.string().optional(),
  name: z.object({ givenName: z.string(), familyName: z.string(), formatted: z.string() }),
  emails: z.array(z.object({ value: z.string(), type: z.string(), primary: z.boolean() })),
  [scimEnterpriseUserSchemaUrn]: z
    .object({
      department: z.string().optional(),
      employeeNumber: z.string().optional(),
      manager: z.object({ value: z.string() }).optional(),
    })
    .optional(),
  meta: z.object({
    resourceType: z.literal('User'),
    created: z.string(),
    lastModified: z.string(),
    version: z.string(),
    location: z.string(),
  }),
});
export type ScimUser = z.infer<typeof scimUserSchema>;

export const scimUserListSchema = z.object({
  schemas: z.array(z.string()),
  totalResults: z.number().int(),
  startIndex: z.number().int(),
  itemsPerPage: z.number().int(),
  Resources: z.array(scimUserSchema),
});
export type ScimUserList = z.infer<typeof scimUserListSchema>;

/** RFC 7644 §3.12: `status` is a string; `scimType` names the kind of 400. */
export const scimErrorSchema = z.object({
  schemas: z.array(z.string()),
  status: z.string(),
  scimType: z.string().optional(),
  detail: z.string().optional(),
});
export type ScimError = z.infer<typeof scimErrorSchema>;
