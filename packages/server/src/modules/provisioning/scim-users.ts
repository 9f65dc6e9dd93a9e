import {
  scimEnterpriseUserSchemaUrn,
  scimUserSchemaUrn,
  type PersonRecord,
  type ScimPatchOperation,
  type ScimUser,
  type ScimUserInput,
} from '@forvalta/contracts';

/**
 * A SCIM user and a Förvalta person, both ways, and the PATCH operations Microsoft Entra ID sends
 * (RFC 7644 §3.5.2), applied to what is stored. Pure: the service loads, writes and audits.
 */

/** What a directory may set of a person, with the directory's own names for them. */
export interface ProvisionedValues {
  userName: string;
  externalId: string | null;
  givenName: string;
  familyName: string;
  email: string;
  title: string | null;
  active: boolean;
  departmentName: string | null;
  employeeNumber: string | null;
  managerId: string | null;
}

/** The directory's record of a person (provisioned_people), absent for a person it has not provisioned or linked. */
export interface DirectoryRecord {
  userName: string;
  externalId: string | null;
  departmentName: string | null;
  managerId: string | null;
  /** A SCIM DELETE was received: the directory no longer finds the person. */
  deprovisioned: boolean;
  version: number;
}

/** A refusal in SCIM's terms (RFC 7644 §3.12): the status and, for a 400, its scimType. */
export class ScimRequestError extends Error {
  constructor(
    readonly status: number,
    readonly scimType: string | undefined,
    detail: string,
  ) {
    super(detail);
    this.name = 'ScimRequestError';
  }
}

const invalidValue = (detail: string) => new ScimRequestError(400, 'invalidValue', detail);

const corePrefix = `${scimUserSchemaUrn}:`.toLowerCase();
const enterprisePrefix = `${scimEnterpriseUserSchemaUrn}:`.toLowerCase();

/** The version a client sees (meta.version, ETag): the person's and the directory record's, so either change moves it. */
export function scimVersionOf(person: PersonRecord, directory: DirectoryRecord | undefined): string {
  return `W/"${person.version}-${directory?.version ?? 0}"`;
}

export function toScimUser(person: PersonRecord, directory: DirectoryRecord | undefined, location: string): ScimUser {
  const enterprise = {
    ...(directory?.departmentName ? { department: directory.departmentName } : {}),
    ...(person.employeeNumber ? { employeeNumber: person.employeeNumber } : {}),
    ...(directory?.managerId ? { manager: { value: directory.managerId } } : {}),
  };
  return {
    schemas: [scimUserSchemaUrn, scimEnterpriseUserSchemaUrn],
    id: person.id,
    ...(directory?.externalId ? { externalId: directory.externalId } : {}),
    // A person the directory has not linked yet is known by their address, which is what Entra matches on by default.
    userName: directory?.userName ?? person.email,
    active: person.employmentStatus === 'active',
    displayName: `${person.firstName} ${person.lastName}`,
    ...(person.title ? { title: person.title } : {}),
    name: { givenName: person.firstName, familyName: person.lastName, formatted: `${person.firstName} ${person.lastName}` },
    emails: [{ value: person.email, type: 'work', primary: true }],
    [scimEnterpriseUserSchemaUrn]: enterprise,
    meta: {
      resourceType: 'User',
      created: person.createdAt,
      lastModified: person.updatedAt,
      version: scimVersionOf(person, directory),
      location,
    },
  };
}

export function currentValues(person: PersonRecord, directory: DirectoryRecord | undefined): ProvisionedValues {
  return {
    userName: directory?.userName ?? person.email,
    externalId: directory?.externalId ?? null,
    givenName: person.firstName,
    familyName: person.lastName,
    email: person.email,
    title: person.title,
    active: person.employmentStatus === 'active',
    departmentName: directory?.departmentName ?? null,
    employeeNumber: person.employeeNumber,
    managerId: directory?.managerId ?? null,
  };
}

/** `true`, `false`, and the strings Entra has been known to send for them ("True", "False"). */
function booleanOf(value: unknown, path: string): boolean {
  if (typeof value === 'boolean') return value;
  if (typeof value === 'string' && ['true', 'false'].includes(value.toLowerCase())) return value.toLowerCase() === 'true';
  throw invalidValue(`${path} must be true or false.`);
}

function textOf(value: unknown, path: string, max: number): string | null {
  if (value === null || value === undefined) return null;
  if (typeof value !== 'string') throw invalidValue(`${path} must be a string.`);
  const trimmed = value.trim();
  if (trimmed.length > max) throw invalidValue(`${path} is longer than ${max} characters.`);
  return trimmed === '' ? null : trimmed;
}

function requiredTextOf(value: unknown, path: string, max: number): string {
  const text = textOf(value, path, max);
  if (text === null) throw invalidValue(`${path} is required and cannot be empty.`);
  return text;
}

/** A manager is `"id"` or `{ "value": "id" }`; empty or null removes them. */
function managerOf(value: unknown): string | null {
  if (value !== null && typeof value === 'object' && !Array.isArray(value))
    return textOf((value as { value?: unknown }).value, 'manager', 200);
  return textOf(value, 'manager', 200);
}

/** The work address of a list of e-mails: the one typed work, else the primary, else the first. */
function workEmailOf(emails: ReadonlyArray<{ value: string; type?: string; primary?: boolean | string }> | undefined): string | null {
  if (!emails || emails.length === 0) return null;
  const chosen =
    emails.find((email) => email.type?.toLowerCase() === 'work') ??
    emails.find((email) => email.primary === true || String(email.primary).toLowerCase() === 'true') ??
    emails[0]!;
  return textOf(chosen.value, 'emails.value', 254);
}

function localPartOf(userName: string): string {
  return userName.split('@')[0] || userName;
}

/** A whole user as POST and PUT send it. Names left out fall back to the display name, then to the userName. */
export function valuesFromResource(input: ScimUserInput): ProvisionedValues {
  const userName = requiredTextOf(input.userName, 'userName', 254);
  const email = workEmailOf(input.emails) ?? (userName.includes('@') ? userName : null);
  if (!email) throw invalidValue('A work e-mail address is required (emails[type eq "work"].value), or a userName that is one.');
  const display = textOf(input.displayName, 'displayName', 200)?.split(/\s+/) ?? [];
  const enterprise = input[scimEnterpriseUserSchemaUrn];
  return {
    userName,
    externalId: textOf(input.externalId, 'externalId', 200),
    givenName: textOf(input.name?.givenName, 'name.givenName', 80) ?? display[0] ?? localPartOf(userName),
    familyName: textOf(input.name?.familyName, 'name.familyName', 80) ?? (display.slice(1).join(' ') || localPartOf(userName)),
    email,
    title: textOf(input.title, 'title', 120),
    active: input.active === undefined ? true : booleanOf(input.active, 'active'),
    departmentName: textOf(enterprise?.department, 'department', 200),
    employeeNumber: textOf(enterprise?.employeeNumber, 'employeeNumber', 40),
    managerId: enterprise?.manager === undefined ? null : managerOf(enterprise.manager),
  };
}

/**
 * Attributes a directory may send that Förvalta does not keep (Entra's default mappings include
 * them): accepted and not stored, so a default configuration provisions without errors.
 */
const ignoredAttributes = new Set([
  'displayname',
  'name.formatted',
  'name.middlename',
  'name.honorificprefix',
  'name.honorificsuffix',
  'nickname',
  'preferredlanguage',
  'locale',
  'timezone',
  'usertype',
  'profileurl',
  'phonenumbers',
  'addresses',
  'ims',
  'photos',
  'roles',
  'entitlements',
  'x509certificates',
  'enterprise.costcenter',
  'enterprise.organization',
  'enterprise.division',
]);

/** A path as one lower-case name: the core schema's prefix dropped, the enterprise extension's as `enterprise.`. */
function normalisedPath(path: string): string {
  const lower = path.trim().toLowerCase();
  if (lower === scimEnterpriseUserSchemaUrn.toLowerCase()) return 'enterprise';
  if (lower.startsWith(enterprisePrefix)) return `enterprise.${lower.slice(enterprisePrefix.length)}`;
  if (lower.startsWith(corePrefix)) return lower.slice(corePrefix.length);
  return lower;
}

type Operation = 'add' | 'replace' | 'remove';

function applyPath(values: ProvisionedValues, operation: Operation, rawPath: string, value: unknown): void {
  const path = normalisedPath(rawPath);
  const removing = operation === 'remove';
  const given = removing ? null : value;
  switch (path.replaceAll(/\s+/g, ' ')) {
    case 'username':
      values.userName = requiredTextOf(given, 'userName', 254);
      return;
    case 'externalid':
      values.externalId = textOf(given, 'externalId', 200);
      return;
    case 'active':
      // Removing `active` leaves the person as they are: RFC 7643 gives it no default.
      if (!removing) values.active = booleanOf(given, 'active');
      return;
    case 'title':
      values.title = textOf(given, 'title', 120);
      return;
    case 'name.givenname':
      values.givenName = requiredTextOf(given, 'name.givenName', 80);
      return;
    case 'name.familyname':
      values.familyName = requiredTextOf(given, 'name.familyName', 80);
      return;
    case 'emails[type eq "work"].value':
    case 'emails.value':
      values.email = requiredTextOf(given, 'emails[type eq "work"].value', 254);
      return;
    case 'emails': {
      const email = Array.isArray(given) ? workEmailOf(given as Array<{ value: string; type?: string }>) : null;
      values.email = requiredTextOf(email, 'emails', 254);
      return;
    }
    case 'enterprise.department':
      values.departmentName = textOf(given, 'department', 200);
      return;
    case 'enterprise.employeenumber':
      values.employeeNumber = textOf(given, 'employeeNumber', 40);
      return;
    case 'enterprise.manager':
    case 'enterprise.manager.value':
      values.managerId = managerOf(given);
      return;
    case 'name':
    case 'enterprise': {
      if (removing) throw invalidValue(`${rawPath} cannot be removed as a whole.`);
      applyObject(values, operation, path, given);
      return;
    }
    default: {
      const attribute = path.split(/[[.]/)[0]!;
      if (ignoredAttributes.has(path) || ignoredAttributes.has(attribute) || ignoredAttributes.has(path.replace(/\[.*$/, ''))) return;
      throw new ScimRequestError(400, 'invalidPath', `The attribute ${rawPath} is not one Förvalta keeps.`);
    }
  }
}

/** An operation without a path: its value names the attributes (`{ "active": false }`, `{ "name.givenName": "…" }`). */
function applyObject(values: ProvisionedValues, operation: Operation, prefix: string | undefined, value: unknown): void {
  if (value === null || typeof value !== 'object' || Array.isArray(value))
    throw new ScimRequestError(400, 'invalidSyntax', 'An operation without a path needs an object as its value.');
  for (const [key, inner] of Object.entries(value)) {
    if (key === 'schemas') continue;
    const lowerKey = key.toLowerCase();
    const path = lowerKey.startsWith(enterprisePrefix) || lowerKey.startsWith(corePrefix) || !prefix ? key : `${prefix}.${key}`;
    const normalised = normalisedPath(path);
    if ((normalised === 'enterprise' || normalised === 'name') && inner !== null && typeof inner === 'object') {
      applyObject(values, operation, normalised, inner);
    } else {
      applyPath(values, operation, path, inner);
    }
  }
}

/** The values after a PATCH's operations, in order (RFC 7644 §3.5.2: all of them, or none). */
export function applyPatch(current: ProvisionedValues, operations: readonly ScimPatchOperation[]): ProvisionedValues {
  const values = { ...current };
  for (const { op, path, value } of operations) {
    const operation = op.toLowerCase();
    if (operation !== 'add' && operation !== 'replace' && operation !== 'remove')
      throw new ScimRequestError(400, 'invalidSyntax', `Unknown operation ${op}; use add, replace or remove.`);
    if (path === undefined || path.trim() === '') {
      if (operation === 'remove') throw new ScimRequestError(400, 'noTarget', 'A remove operation needs a path.');
      applyObject(values, operation, undefined, value);
    } else {
      applyPath(values, operation, path, value);
    }
  }
  return values;
}
