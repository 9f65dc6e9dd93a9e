import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { systemActor } from '../src/access/actor.ts';
import { withTransaction } from '../src/platform/database.ts';
import { AppError, forbidden } from '../src/platform/errors.ts';
import { deleteAtVersion, updateAtVersion } from '../src/platform/versioned-rows.ts';
import { versionedWrites } from '../src/platform/versioned-write.ts';
import { send } from './http.ts';
import { createTestContext, factories, type TestContext, type TestMunicipality } from './test-app.ts';

/**
 * The platform's versioned write (platform/versioned-write.ts) on the real database of the run:
 * each step of load → 404 → authorise → version check → write → reload → audit, and that a
 * refusal at any step leaves the row and the audit log as they were. Every module's HTTP tests
 * (412 on a stale If-Match, 404 across municipalities) run the same code through their routes.
 */
describe('versioned writes', () => {
  let context: TestContext;
  let tanum: TestMunicipality;

  beforeAll(async () => {
    context = await createTestContext();
    tanum = await factories(context).municipality('Tanum');
  });
  afterAll(() => context.close());

  interface DepartmentRecord {
    id: string;
    name: string;
    version: number;
  }

  async function createDepartment(name: string): Promise<string> {
    const response = await send(context, 'POST', '/api/v1/departments', { headers: tanum.admin.authorization, body: { name } });
    expect(response.statusCode, response.body).toBe(201);
    return response.json().id;
  }

  function load(id: string) {
    return async (executor = context.database.db): Promise<DepartmentRecord | undefined> =>
      executor
        .selectFrom('departments')
        .select(['id', 'name', 'version'])
        .where('municipality_id', '=', tanum.id)
        .where('id', '=', id)
        .executeTakeFirst();
  }

  async function auditEventsOf(id: string) {
    return context.database.db
      .selectFrom('audit_events')
      .select(['action', 'before_json', 'after_json'])
      .where('entity_id', '=', id)
      .orderBy('sequence')
      .execute();
  }

  const actor = () => systemActor('test', tanum.id);
  const writes = () => versionedWrites(context.database.db, context.clock);

  function rename(id: string, name: string, steps: { expectedVersion: number | '*'; authorise?: () => void }) {
    return writes().update(actor(), {
      entity: 'Department',
      expectedVersion: steps.expectedVersion,
      load: load(id),
      authorise: steps.authorise ?? (() => {}),
      apply: (transaction, _before, version) =>
        updateAtVersion(transaction, 'departments', { municipality_id: tanum.id, id }, version, { name }),
      audit: (before, after) => ({ action: 'update', entityType: 'department', entityId: id, before, after }),
    });
  }

  async function refusal(work: Promise<unknown>): Promise<AppError> {
    const error = await work.then(
      () => undefined,
      (caught: unknown) => caught,
    );
    expect(error).toBeInstanceOf(AppError);
    return error as AppError;
  }

  it('writes at the version, reloads, and records the audit event with before and after', async () => {
    const id = await createDepartment('Kultur');
    const after = await rename(id, 'Kultur och fritid', { expectedVersion: 1 });
    expect(after).toEqual({ id, name: 'Kultur och fritid', version: 2 });
    expect(await load(id)()).toEqual(after);
    const events = await auditEventsOf(id);
    expect(events.map((event) => event.action)).toEqual(['create', 'update']);
    expect(JSON.parse(events[1]!.before_json!)).toEqual({ id, name: 'Kultur', version: 1 });
    expect(JSON.parse(events[1]!.after_json!)).toEqual(after);
  });

  it('answers 404 for a record that is not there, before authorising anything', async () => {
    let authorised = false;
    const error = await refusal(
      rename('00000000-0000-4000-8000-000000000000', 'Ingen', {
        expectedVersion: 1,
        authorise: () => {
          authorised = true;
        },
      }),
    );
    expect(error.code).toBe('not_found');
    expect(error.message).toBe('Department was not found.');
    expect(authorised).toBe(false);
  });

  it('refuses an unauthorised caller before looking at the version, and writes nothing', async () => {
    const id = await createDepartment('Teknik');
    const error = await refusal(
      rename(id, 'Samhällsbyggnad', {
        expectedVersion: 99,
        authorise: () => {
          throw forbidden();
        },
      }),
    );
    expect(error.code).toBe('forbidden');
    expect(await load(id)()).toEqual({ id, name: 'Teknik', version: 1 });
    expect((await auditEventsOf(id)).map((event) => event.action)).toEqual(['create']);
  });

  it('answers 412 to a stale If-Match without calling apply', async () => {
    const id = await createDepartment('Skola');
    await rename(id, 'Skola och barnomsorg', { expectedVersion: 1 });
    const error = await refusal(rename(id, 'Utbildning', { expectedVersion: 1 }));
    expect(error.code).toBe('version_mismatch');
    expect(await load(id)()).toMatchObject({ name: 'Skola och barnomsorg', version: 2 });
  });

  it('takes * as the version it has just read', async () => {
    const id = await createDepartment('Miljö');
    expect(await rename(id, 'Miljö och hälsa', { expectedVersion: '*' })).toMatchObject({ version: 2 });
  });

  it('answers 412 when the row moved on between the load and the write, and rolls back all of the change', async () => {
    const id = await createDepartment('Vård');
    const error = await refusal(
      writes().update(actor(), {
        entity: 'Department',
        expectedVersion: 1,
        load: load(id),
        authorise: () => {},
        apply: async (transaction, _before, version) => {
          // Another writer gets there first, in effect: the row is at version 2 before this change writes.
          await updateAtVersion(transaction, 'departments', { municipality_id: tanum.id, id }, version, { name: 'Omsorg' });
          return updateAtVersion(transaction, 'departments', { municipality_id: tanum.id, id }, version, { name: 'Vård och omsorg' });
        },
        audit: (before, after) => ({ action: 'update', entityType: 'department', entityId: id, before, after }),
      }),
    );
    expect(error.code).toBe('version_mismatch');
    expect(await load(id)()).toEqual({ id, name: 'Vård', version: 1 });
    expect((await auditEventsOf(id)).map((event) => event.action)).toEqual(['create']);
  });

  it('rolls the write and its audit event back when a follow-up write fails', async () => {
    const id = await createDepartment('Ekonomi');
    const error = await refusal(
      writes().update(actor(), {
        entity: 'Department',
        expectedVersion: 1,
        load: load(id),
        authorise: () => {},
        apply: (transaction, _before, version) =>
          updateAtVersion(transaction, 'departments', { municipality_id: tanum.id, id }, version, { name: 'Ekonomi och styrning' }),
        audit: (before, after) => ({ action: 'update', entityType: 'department', entityId: id, before, after }),
        followUp: async () => {
          throw new AppError('conflict', 'The follow-up was refused.', { reason: 'department_in_use' });
        },
      }),
    );
    expect(error.code).toBe('conflict');
    expect(await load(id)()).toEqual({ id, name: 'Ekonomi', version: 1 });
    expect((await auditEventsOf(id)).map((event) => event.action)).toEqual(['create']);
  });

  it('joins the transaction it is given, so the caller rolling back undoes the change', async () => {
    const id = await createDepartment('Kommunikation');
    await withTransaction(context.database.db, async (transaction) => {
      await versionedWrites(transaction, context.clock).update(actor(), {
        entity: 'Department',
        expectedVersion: 1,
        load: (executor) => load(id)(executor),
        authorise: () => {},
        apply: (executor, _before, version) =>
          updateAtVersion(executor, 'departments', { municipality_id: tanum.id, id }, version, { name: 'Kommunikation och service' }),
        audit: (before, after) => ({ action: 'update', entityType: 'department', entityId: id, before, after }),
      });
      throw new AppError('conflict', 'The caller changes its mind.', { reason: 'department_in_use' });
    }).catch((error: unknown) => expect(error).toBeInstanceOf(AppError));
    expect(await load(id)()).toEqual({ id, name: 'Kommunikation', version: 1 });
    expect((await auditEventsOf(id)).map((event) => event.action)).toEqual(['create']);
  });

  it('deletes at the version with its audit event, and answers 412 to a stale one', async () => {
    const id = await createDepartment('Arkiv');
    const remove = (expectedVersion: number) =>
      writes().delete(actor(), {
        entity: 'Department',
        expectedVersion,
        load: load(id),
        authorise: () => {},
        apply: (transaction, _before, version) => deleteAtVersion(transaction, 'departments', { municipality_id: tanum.id, id }, version),
        audit: (before) => ({ action: 'delete', entityType: 'department', entityId: id, before }),
      });
    expect((await refusal(remove(2))).code).toBe('version_mismatch');
    expect(await load(id)()).toBeDefined();
    await remove(1);
    expect(await load(id)()).toBeUndefined();
    const events = await auditEventsOf(id);
    expect(events.map((event) => event.action)).toEqual(['create', 'delete']);
    expect(JSON.parse(events[1]!.before_json!)).toEqual({ id, name: 'Arkiv', version: 1 });
    expect((await refusal(remove(1))).code).toBe('not_found');
  });
});
