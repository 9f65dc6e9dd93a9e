import { randomUUID } from 'node:crypto';
import type { ExpectedVersion } from '../../platform/http/versioning.ts';
import {
  departmentScopedRoles,
  type Role,
  type RoleAssignment,
  type RoleAssignmentCreate,
  type RoleAssignmentListQuery,
  type RoleAssignmentUpdate,
} from '@forvalta/contracts';
import { municipalityOf } from '../../access/authorise.ts';
import { useCase } from '../../access/use-case.ts';
import { recordAudit } from '../../platform/audit.ts';
import type { AnyActor } from '../../access/actor.ts';
import type { Clock } from '../../platform/clock.ts';
import { withTransaction, type DatabaseHandle, type Executor, type TransactionHandle } from '../../platform/database.ts';
import { AppError, conflict, invalid, notFound } from '../../platform/errors.ts';
import { versionedWrites } from '../../platform/versioned-write.ts';
import { peopleRepository } from './people.repository.ts';
import { roleAssignmentsRepository } from './role-assignments.repository.ts';

/**
 * Takes every role of a person in one municipality away, in the caller's transaction, with an
 * audit event each (their login is removed from the municipality). The caller has authorised the
 * act; the last administrator is refused here as everywhere else, or nobody could manage the
 * municipality afterwards.
 */
export async function removeRolesOfPerson(
  transaction: TransactionHandle,
  actor: AnyActor,
  clock: Clock,
  place: { municipalityId: string; personId: string },
) {
  const assignments = await roleAssignmentsRepository.listOfPerson(transaction, place.municipalityId, place.personId);
  if (
    assignments.some((assignment) => assignment.role === 'administrator') &&
    (await roleAssignmentsRepository.countRole(transaction, place.municipalityId, 'administrator')) <= 1
  ) {
    throw conflict('This is the last administrator of the municipality; appoint another one first.', 'last_administrator');
  }
  // Each through the platform's versioned delete, in the caller's transaction, which has authorised the act.
  const inTransaction = versionedWrites(transaction, clock);
  for (const assignment of assignments) {
    await inTransaction.delete(actor, {
      entity: 'Role assignment',
      expectedVersion: assignment.version,
      load: (executor) => roleAssignmentsRepository.findById(executor, place.municipalityId, assignment.id),
      authorise: () => {},
      apply: (executor, _before, version) => roleAssignmentsRepository.delete(executor, place.municipalityId, assignment.id, version),
      audit: (before) => ({
        action: 'delete',
        entityType: 'role_assignment',
        entityId: assignment.id,
        before,
        municipalityId: place.municipalityId,
      }),
    });
  }
  return assignments;
}

/** Who holds which role. Only here can a role be given: no other body field can set one. */
export function createRoleAssignmentsService(db: DatabaseHandle, clock: Clock) {
  const versioned = versionedWrites(db, clock);

  async function loadOrFail(executor: Executor, municipalityId: string, id: string) {
    const assignment = await roleAssignmentsRepository.findById(executor, municipalityId, id);
    if (!assignment) throw notFound('Role assignment');
    return assignment;
  }

  async function validateDepartment(executor: Executor, municipalityId: string, role: Role, departmentId: string | null) {
    const scoped = departmentScopedRoles.includes(role);
    if (scoped && !departmentId) throw invalid('departmentId', `The role ${role} applies to a department; choose one.`);
    if (!scoped && departmentId)
      throw invalid('departmentId', `The role ${role} applies to the whole municipality; leave the department empty.`);
    if (departmentId && !(await peopleRepository.departmentExists(executor, municipalityId, departmentId))) {
      throw invalid('departmentId', 'The department does not exist in this municipality.');
    }
  }

  /** Refuses to remove the last administrator: nobody could manage the municipality afterwards. */
  async function guardLastAdministrator(executor: Executor, municipalityId: string, assignment: RoleAssignment) {
    if (assignment.role !== 'administrator') return;
    if ((await roleAssignmentsRepository.countRole(executor, municipalityId, 'administrator')) <= 1) {
      throw conflict('This is the last administrator of the municipality; appoint another one first.', 'last_administrator');
    }
  }

  return {
    listRoleAssignments: useCase('roleAssignment.read', async ({ actor, authorise }, query: RoleAssignmentListQuery) => {
      authorise();
      return roleAssignmentsRepository.list(db, municipalityOf(actor), query);
    }),

    getRoleAssignment: useCase('roleAssignment.read', async ({ actor, authorise }, id: string) => {
      authorise();
      return loadOrFail(db, municipalityOf(actor), id);
    }),

    createRoleAssignment: useCase(
      'roleAssignment.write',
      async ({ actor, authorise }, input: RoleAssignmentCreate): Promise<RoleAssignment> => {
        authorise();
        const municipalityId = municipalityOf(actor);
        const departmentId = input.departmentId ?? null;
        return withTransaction(db, async (transaction) => {
          const found = await peopleRepository.findById(transaction, municipalityId, input.personId);
          if (!found) throw invalid('personId', 'The person does not exist in this municipality.');
          if (found.person.employmentStatus === 'left') {
            throw new AppError('rule_violation', 'The person has left the municipality and cannot be given a role.', {
              reason: 'person_left',
            });
          }
          await validateDepartment(transaction, municipalityId, input.role, departmentId);
          if (await roleAssignmentsRepository.exists(transaction, municipalityId, input.personId, input.role, departmentId)) {
            throw conflict('The person already has this role.', 'role_already_held');
          }
          const id = randomUUID();
          await roleAssignmentsRepository.insert(
            transaction,
            municipalityId,
            { id, personId: input.personId, role: input.role, departmentId },
            clock.now().toISOString(),
          );
          const created = await loadOrFail(transaction, municipalityId, id);
          await recordAudit(transaction, actor, clock, { action: 'create', entityType: 'role_assignment', entityId: id, after: created });
          return created;
        });
      },
    ),

    updateRoleAssignment: useCase(
      'roleAssignment.write',
      async ({ actor, authorise }, id: string, expectedVersion: ExpectedVersion, input: RoleAssignmentUpdate) => {
        const municipalityId = municipalityOf(actor);
        return versioned.update(actor, {
          entity: 'Role assignment',
          expectedVersion,
          load: (transaction) => roleAssignmentsRepository.findById(transaction, municipalityId, id),
          authorise: () => authorise(),
          apply: async (transaction, before, version) => {
            await validateDepartment(transaction, municipalityId, before.role, input.departmentId);
            return roleAssignmentsRepository.updateDepartment(
              transaction,
              municipalityId,
              id,
              version,
              input.departmentId,
              clock.now().toISOString(),
            );
          },
          audit: (before, after) => ({ action: 'update', entityType: 'role_assignment', entityId: id, before, after }),
        });
      },
    ),

    deleteRoleAssignment: useCase('roleAssignment.write', async ({ actor, authorise }, id: string, expectedVersion: ExpectedVersion) => {
      const municipalityId = municipalityOf(actor);
      await versioned.delete(actor, {
        entity: 'Role assignment',
        expectedVersion,
        load: (transaction) => roleAssignmentsRepository.findById(transaction, municipalityId, id),
        authorise: () => authorise(),
        apply: async (transaction, before, version) => {
          await guardLastAdministrator(transaction, municipalityId, before);
          return roleAssignmentsRepository.delete(transaction, municipalityId, id, version);
        },
        audit: (before) => ({ action: 'delete', entityType: 'role_assignment', entityId: id, before }),
      });
    }),
  };
}

export type RoleAssignmentsService = ReturnType<typeof createRoleAssignmentsService>;
