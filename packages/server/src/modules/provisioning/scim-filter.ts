/**
 * The SCIM filters Förvalta answers (RFC 7644 §3.4.2.2): one attribute compared for equality with
 * a string, the forms Microsoft Entra ID and other directories send to find a user before they
 * create one (`userName eq "anna@tanum.se"`, `externalId eq "…"`), and `id eq`. Anything else is
 * refused with scimType `invalidFilter`, never answered with a guess: a directory that receives
 * every user for a filter it thinks narrow would link the wrong person (ADR 0038). Pure.
 */
export type ScimFilterAttribute = 'userName' | 'externalId' | 'id';

export interface ScimFilter {
  attribute: ScimFilterAttribute;
  value: string;
}

export class InvalidScimFilterError extends Error {}

const attributes: Readonly<Record<string, ScimFilterAttribute>> = {
  username: 'userName',
  externalid: 'externalId',
  id: 'id',
};

const corePrefix = 'urn:ietf:params:scim:schemas:core:2.0:user:';

// attribute, `eq`, then a JSON string (escapes allowed); whitespace around each.
const equality = /^\s*([A-Za-z][\w:.-]*)\s+eq\s+("(?:[^"\\]|\\.)*")\s*$/i;

export function parseScimFilter(filter: string): ScimFilter {
  const match = equality.exec(filter);
  if (!match)
    throw new InvalidScimFilterError(
      'Only filters of the form `userName eq "value"`, `externalId eq "value"` or `id eq "value"` are supported.',
    );
  let name = match[1]!.toLowerCase();
  if (name.startsWith(corePrefix)) name = name.slice(corePrefix.length);
  const attribute = attributes[name];
  if (!attribute) throw new InvalidScimFilterError(`The attribute ${match[1]} cannot be filtered on; use userName, externalId or id.`);
  let value: unknown;
  try {
    value = JSON.parse(match[2]!);
  } catch {
    throw new InvalidScimFilterError('The filter value is not a valid string.');
  }
  return { attribute, value: value as string };
}
