import type { Permission, Role } from '@forvalta/contracts';
import type { Place, Records } from './records.ts';

/** The request a cell sends: its address (ids filled in), a body valid for the route, its version. */
export interface Request {
  url: string;
  /** JSON, or the file itself (a string) for a route that takes an upload with `contentType`. */
  body?: unknown;
  contentType?: string;
  version?: number;
}

export interface RouteCase {
  /** Makes fresh records in `place` (through the API, as its first administrator) and the request on them. */
  prepare: (records: Records, place: Place) => Promise<Request>;
  /** The status of an allowed request. */
  allowed: 200 | 201 | 204;
  /**
   * Whether the service judges a department-scoped grant (the department head's) by the
   * record's department. 'none': the permission alone decides.
   */
  scope: 'department' | 'none';
  /** Routes that only act inside the caller's municipality name nothing of another one: no foreign cell. */
  foreign?: false;
  /** A route whose records are the caller's own: nobody else's is ever found (404 for every role). */
  ownOnly?: true;
  /**
   * A create route that names the other records in its body: another municipality's is refused
   * as input that does not exist here (400). Where the body names the owning department itself,
   * a department-scoped grant is refused first (403: the department is not the caller's); where
   * it names a system, the system is looked up first.
   */
  bodyReferences?: 'department' | 'other records';
  /**
   * The roles whose grants count for the record, when fewer than the permission's (a course's
   * topic names who manages it: access/authorise.ts, Subject.grantingRoles).
   */
  grantingRoles?: readonly Role[];
  /**
   * Records the caller may not read answer 404 before any permission is judged (architecture.md,
   * rule 6): the route's record is found only by its own person and by roles holding this
   * permission on the record's department. With `ownOnly`, a role that finds it but is not its
   * person is refused (403).
   */
  foundWith?: Permission;
  /**
   * The service also demands one of these roles of the caller (a document's owner role, or the
   * administrator): another holder of the permission is refused (403).
   */
  onlyRoles?: readonly Role[];
  /**
   * The roles that may read the record at all (a draft: its document's owner, the administrator and
   * the auditor); to any other it does not exist (404), before any question of permission.
   */
  readableBy?: readonly Role[];
}

export const scoped = { scope: 'department' } as const;
export const unscoped = { scope: 'none' } as const;

export function versioned(collection: string, record: { id: string; version: number }, body?: unknown): Request {
  return { url: `${collection}/${record.id}`, version: record.version, ...(body === undefined ? {} : { body }) };
}
