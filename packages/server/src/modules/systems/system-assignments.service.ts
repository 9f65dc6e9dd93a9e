import { randomUUID } from 'node:crypto';
import type { ExpectedVersion } from '../../platform/http/versioning.ts';
import type { Assignment, AssignmentCreate, AssignmentUpdate, SystemRecord } from '@forvalta/contracts';
import type { AnyActor } from '../../access/actor.ts';
import { municipalityOf } from '../../access/authorise.ts';
import { useCase } from '../../access/use-case.ts';
import { recordAudit } from '../../platform/audit.ts';
import type { Clock } from '../../platform/clock.ts';
import { withTransaction, type DatabaseHandle, type TransactionHandle } from '../../platform/database.ts';
import { AppError, conflict, invalid } from '../../platform/errors.ts';
import { organisationReads } from '../organisation/index.ts';
import { systemAssignmentsRepository } from './system-assignments.repository.ts';
import { swedishToday } from '../../platform/calendar.ts';
import { versionedWrites } from '../../platform/versioned-write.ts';
import type { SystemsService } from './systems.service.ts';
import { ownerSubject, systemActions } from './system-abilities.ts';

function dayBefore(date: string): string {
  const day = new Date(`${date}T00:00:00Z`);
  day.setUTCDate(day.getUTCDate() - 1);
  return day.toISOString().slice(0, 10);
}

/**
 * Managers (systemansvarig) and deputies (ersättare) of a system, appointed by the owner
 * (ITP-4.2-MANAGER, ITP-4.2-DEPUTY), with allotted time (ITP-4.2.2-RESOURCES). Every change
 * raises a domain event the change-notice module consumes (ITP-4.2.2-CHANGE-NOTICE).
 */
export function createSystemAssignmentsService(db: DatabaseHandle, clock: Clock, systems: SystemsService) {
  const today = () => swedishToday(clock.now());
  const versioned = versionedWrites(db, clock);

  const announce = systems.announceResponsibilityChange;

  /**
   * Ends an assignment the day before `date`, audited, as part of a handover. One superseded on
   * its first day ends before it starts: it stays in the history but was never in force.
   */
  async function endForHandover(
    transaction: TransactionHandle,
    actor: AnyActor,
    municipalityId: string,
    assignment: Assignment,
    date: string,
  ) {
    const endDate = dayBefore(date);
    await systemAssignmentsRepository.update(
      transaction,
      municipalityId,
      assignment.id,
      assignment.version,
      { endDate, allottedHoursPerWeek: assignment.allottedHoursPerWeek },
      clock.now().toISOString(),
    );
    await recordAudit(transaction, actor, clock, {
      action: 'end',
      entityType: 'system_assignment',
      entityId: assignment.id,
      before: assignment,
      after: { ...assignment, endDate },
    });
  }

  return {
    listAssignments: useCase('system.read', async ({ actor, authorise }, systemId: string, includeEnded: boolean) => {
      const municipalityId = municipalityOf(actor);
      // Reading the register is not department-scoped (as getSystem): the subject is not passed.
      await systems.authorisedSystem(db, municipalityId, systemId, () => authorise());
      const items = await systemAssignmentsRepository.list(db, municipalityId, systemId, today(), includeEnded);
      return { items, total: items.length, nextCursor: null };
    }),

    createAssignment: useCase(
      systemActions.assign,
      async ({ actor, authorise }, systemId: string, input: AssignmentCreate): Promise<Assignment> => {
        const municipalityId = municipalityOf(actor);
        return withTransaction(db, async (transaction) => {
          // Appointing managers is the owner's decision: their stewardship does not count here.
          const system = await systems.authorisedSystem(transaction, municipalityId, systemId, (subject) =>
            authorise(ownerSubject(subject)),
          );
          if (system.lifecycle === 'retired')
            throw new AppError('rule_violation', 'The system is retired; it has no manager or deputies any more.', {
              reason: 'system_retired',
            });
          const found = await organisationReads.findPerson(transaction, municipalityId, input.personId);
          if (!found) throw invalid('personId', 'The person does not exist in this municipality.');
          if (found.person.employmentStatus !== 'active')
            throw new AppError('rule_violation', 'The person has left the municipality and cannot be appointed.', {
              reason: 'person_left',
            });
          const startDate = input.startDate ?? today();
          if (input.endDate && input.endDate < startDate) throw invalid('endDate', 'The end date is before the start date.');

          const current = await systemAssignmentsRepository.currentOf(transaction, municipalityId, systemId, startDate);
          const samePerson = current.filter((assignment) => assignment.personId === input.personId);
          if (samePerson.some((assignment) => assignment.role === input.role)) {
            throw conflict(
              `The person is already ${input.role === 'manager' ? 'the system manager' : 'a deputy'} of this system.`,
              'already_assigned',
            );
          }
          if (input.role === 'deputy' && samePerson.some((assignment) => assignment.role === 'manager')) {
            throw new AppError('rule_violation', 'The deputy (ersättare) must be another person than the system manager.', {
              reason: 'deputy_is_manager',
              requirement: 'ITP-4.2-DEPUTY',
              fieldErrors: [{ path: 'personId', message: 'Same person as the system manager' }],
            });
          }
          if (input.role === 'manager') {
            // A new manager takes over: the previous one, and the new manager's own deputy role, end the day before.
            for (const previous of current.filter(
              (assignment) => assignment.role === 'manager' || assignment.personId === input.personId,
            )) {
              await endForHandover(transaction, actor, municipalityId, previous, startDate);
            }
          }

          const id = randomUUID();
          await systemAssignmentsRepository.insert(
            transaction,
            municipalityId,
            {
              id,
              systemId,
              personId: input.personId,
              role: input.role,
              startDate,
              endDate: input.endDate ?? null,
              allottedHoursPerWeek: input.allottedHoursPerWeek ?? null,
            },
            clock.now().toISOString(),
          );
          const created = (await systemAssignmentsRepository.findById(transaction, municipalityId, systemId, id, today()))!;
          await recordAudit(transaction, actor, clock, { action: 'create', entityType: 'system_assignment', entityId: id, after: created });
          await announce(transaction, actor, municipalityId, { systemId, change: input.role, personId: input.personId, startDate });
          return created;
        });
      },
    ),

    updateAssignment: useCase(
      systemActions.assign,
      async (
        { actor, authorise },
        systemId: string,
        assignmentId: string,
        expectedVersion: ExpectedVersion,
        input: AssignmentUpdate,
      ): Promise<Assignment> => {
        const municipalityId = municipalityOf(actor);
        let system: SystemRecord | undefined;
        return versioned.update(actor, {
          entity: 'Assignment',
          expectedVersion,
          load: (transaction) => systemAssignmentsRepository.findById(transaction, municipalityId, systemId, assignmentId, today()),
          authorise: async (_before, transaction) => {
            system = await systems.authorisedSystem(transaction, municipalityId, systemId, (subject) => authorise(ownerSubject(subject)));
          },
          apply: (transaction, before, version) => {
            const endDate = input.endDate !== undefined ? input.endDate : before.endDate;
            if (endDate && endDate < before.startDate) throw invalid('endDate', 'The end date is before the start date.');
            // Ending the manager of a system in production would leave it without one: hand over instead.
            const endsManager = before.role === 'manager' && before.current && before.endDate === null && endDate !== null;
            if (endsManager && system!.lifecycle === 'in_production') {
              throw new AppError(
                'rule_violation',
                'A system in production must have a system manager: appoint the new one, which ends this assignment.',
                { reason: 'manager_required', requirement: 'ITP-4.2-MANAGER' },
              );
            }
            const values = {
              endDate,
              allottedHoursPerWeek: input.allottedHoursPerWeek !== undefined ? input.allottedHoursPerWeek : before.allottedHoursPerWeek,
            };
            return systemAssignmentsRepository.update(
              transaction,
              municipalityId,
              assignmentId,
              version,
              values,
              clock.now().toISOString(),
            );
          },
          audit: (before, after) => ({ action: 'update', entityType: 'system_assignment', entityId: assignmentId, before, after }),
          followUp: async (transaction, before, after) => {
            if (before.endDate === after.endDate) return;
            await announce(transaction, actor, municipalityId, {
              systemId,
              change: `${before.role}_ended`,
              personId: before.personId,
              endDate: after.endDate,
            });
          },
        });
      },
    ),
  };
}

export type SystemAssignmentsService = ReturnType<typeof createSystemAssignmentsService>;
