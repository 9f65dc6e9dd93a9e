import { randomUUID } from 'node:crypto';
import type {
  AccessGate,
  RoleTemplate,
  RoleTemplateApplied,
  RoleTemplateApply,
  RoleTemplateCreate,
  RoleTemplateListQuery,
  RoleTemplateRecord,
  RoleTemplateUpdate,
} from '@forvalta/contracts';
import type { AnyActor } from '../../access/actor.ts';
import { municipalityOf } from '../../access/authorise.ts';
import { canOn } from '../../access/record-actions.ts';
import { useCase } from '../../access/use-case.ts';
import { recordAudit } from '../../platform/audit.ts';
import { swedishToday } from '../../platform/calendar.ts';
import type { Clock } from '../../platform/clock.ts';
import { withTransaction, type DatabaseHandle, type Executor } from '../../platform/database.ts';
import { conflict, invalid, notFound } from '../../platform/errors.ts';
import type { ExpectedVersion } from '../../platform/http/versioning.ts';
import { swedishSortKey } from '../../platform/text.ts';
import { versionedWrites } from '../../platform/versioned-write.ts';
import { organisationReads } from '../organisation/index.ts';
import { systemReads } from '../systems/index.ts';
import { accessRightAbilities, roleTemplateActions } from './access-abilities.ts';
import { type AcknowledgementRequester, grantLevels, readGate } from './access-grants.ts';
import { accessLevelsRepository } from './access-levels.repository.ts';
import { accessRightsRepository } from './access-rights.repository.ts';
import { roleTemplatesRepository } from './role-templates.repository.ts';

/**
 * Role templates (a business role such as "Undersköterska, hemtjänst"): levels in several systems
 * kept by the IT unit; a department head applies one to a person of their department, which
 * requests each of its rights in one step, all behind the same first-grant gate.
 */
export function createRoleTemplatesService(db: DatabaseHandle, clock: Clock, requester?: AcknowledgementRequester) {
  const versioned = versionedWrites(db, clock);
  const today = () => swedishToday(clock.now());
  const withAbilities = (actor: AnyActor, template: RoleTemplateRecord): RoleTemplate => ({
    ...template,
    // A template for the whole municipality is one a department head applies to their own people
    // (apply authorises on the person's department): judged without a department, like the list.
    can: canOn(actor, roleTemplateActions, template.departmentId === null ? undefined : { departmentId: template.departmentId }),
  });

  async function validate(
    executor: Executor,
    municipalityId: string,
    id: string,
    name: string,
    departmentId: string | null,
    levelIds?: readonly string[],
  ) {
    const holder = await roleTemplatesRepository.findIdBySortKey(executor, municipalityId, swedishSortKey(name));
    if (holder && holder !== id) throw conflict('There is already a role template with that name.', 'role_template_name_taken');
    if (departmentId) {
      const departments = await accessRightsRepository.departmentsOf(executor, municipalityId);
      if (!departments.some((department) => department.id === departmentId))
        throw invalid('departmentId', 'The department does not exist in this municipality.');
    }
    if (levelIds && (await accessLevelsRepository.findMany(executor, municipalityId, levelIds)).length !== new Set(levelIds).size)
      throw invalid('levelIds', 'One or more levels do not exist in this municipality.');
  }

  return {
    listRoleTemplates: useCase('roleTemplate.read', async ({ actor, authorise }, query: RoleTemplateListQuery) => {
      authorise();
      const page = await roleTemplatesRepository.list(db, municipalityOf(actor), query);
      return { ...page, items: page.items.map((template) => withAbilities(actor, template)) };
    }),

    getRoleTemplate: useCase('roleTemplate.read', async ({ actor, authorise }, id: string): Promise<RoleTemplate> => {
      authorise();
      const template = await roleTemplatesRepository.findById(db, municipalityOf(actor), id);
      if (!template) throw notFound('Role template');
      return withAbilities(actor, template);
    }),

    createRoleTemplate: useCase('roleTemplate.manage', async ({ actor, authorise }, input: RoleTemplateCreate): Promise<RoleTemplate> => {
      authorise();
      const municipalityId = municipalityOf(actor);
      return withTransaction(db, async (transaction) => {
        const id = randomUUID();
        await validate(transaction, municipalityId, id, input.name, input.departmentId ?? null, input.levelIds);
        const now = clock.now().toISOString();
        await roleTemplatesRepository.insert(transaction, {
          id,
          municipality_id: municipalityId,
          name: input.name,
          sort_key: swedishSortKey(input.name),
          description: input.description ?? null,
          department_id: input.departmentId ?? null,
          created_at: now,
          updated_at: now,
          version: 1,
        });
        await roleTemplatesRepository.replaceLevels(transaction, municipalityId, id, input.levelIds);
        const created = (await roleTemplatesRepository.findById(transaction, municipalityId, id))!;
        await recordAudit(transaction, actor, clock, { action: 'create', entityType: 'role_template', entityId: id, after: created });
        return withAbilities(actor, created);
      });
    }),

    updateRoleTemplate: useCase(
      roleTemplateActions.update,
      async ({ actor, authorise }, id: string, expectedVersion: ExpectedVersion, input: RoleTemplateUpdate): Promise<RoleTemplate> => {
        const municipalityId = municipalityOf(actor);
        const after = await versioned.update(actor, {
          entity: 'Role template',
          expectedVersion,
          load: (transaction) => roleTemplatesRepository.findById(transaction, municipalityId, id),
          authorise: () => authorise(),
          apply: async (transaction, before, version) => {
            const name = input.name ?? before.name;
            const departmentId = input.departmentId !== undefined ? input.departmentId : before.departmentId;
            await validate(transaction, municipalityId, id, name, departmentId, input.levelIds);
            const written = await roleTemplatesRepository.update(transaction, municipalityId, id, version, {
              name,
              sort_key: swedishSortKey(name),
              department_id: departmentId,
              ...(input.description !== undefined ? { description: input.description } : {}),
              updated_at: clock.now().toISOString(),
            });
            if (written && input.levelIds) await roleTemplatesRepository.replaceLevels(transaction, municipalityId, id, input.levelIds);
            return written;
          },
          audit: (before, after) => ({ action: 'update', entityType: 'role_template', entityId: id, before, after }),
        });
        return withAbilities(actor, after);
      },
    ),

    deleteRoleTemplate: useCase(
      roleTemplateActions.delete,
      async ({ actor, authorise }, id: string, expectedVersion: ExpectedVersion): Promise<void> => {
        const municipalityId = municipalityOf(actor);
        await versioned.delete(actor, {
          entity: 'Role template',
          expectedVersion,
          load: (transaction) => roleTemplatesRepository.findById(transaction, municipalityId, id),
          authorise: () => authorise(),
          apply: (transaction, _before, version) => roleTemplatesRepository.delete(transaction, municipalityId, id, version),
          audit: (before) => ({ action: 'delete', entityType: 'role_template', entityId: id, before }),
        });
      },
    ),

    /** Requests every level of the template for the person (their department head, the IT unit), behind the one gate. */
    /**
     * The first-grant gate a template's rights would meet for a person, before the request (the
     * apply dialog shows it): whoever may apply templates to the person sees it, a department head
     * for the people of their departments. The gate is the person's, not a system's; what it tells
     * (which current documents the person has acknowledged) a head already reads on the coverage view.
     */
    previewGate: useCase(roleTemplateActions.apply, async ({ actor, authorise }, personId: string): Promise<AccessGate> => {
      const municipalityId = municipalityOf(actor);
      const found = await organisationReads.findPerson(db, municipalityId, personId);
      if (!found) throw notFound('Person');
      authorise({ departmentId: found.person.departmentId }, 'You may apply templates only to the people of your department.');
      return readGate(db, municipalityId, personId);
    }),

    applyRoleTemplate: useCase(
      roleTemplateActions.apply,
      async ({ actor, authorise }, id: string, input: RoleTemplateApply): Promise<RoleTemplateApplied> => {
        const municipalityId = municipalityOf(actor);
        return withTransaction(db, async (transaction) => {
          const template = await roleTemplatesRepository.findById(transaction, municipalityId, id);
          if (!template) throw notFound('Role template');
          const found = await organisationReads.findPerson(transaction, municipalityId, input.personId);
          if (!found) throw invalid('personId', 'The person does not exist in this municipality.');
          authorise({ departmentId: found.person.departmentId }, 'You may apply templates only to the people of your department.');
          if (found.person.employmentStatus === 'left') throw conflict('The person has left the municipality.', 'person_left');
          const startDate = input.startDate ?? today();
          const endDate = input.endDate ?? null;
          if (startDate < today()) throw invalid('startDate', 'A right granted here starts today or later.');
          if (endDate !== null && endDate < startDate) throw invalid('endDate', 'The end date is before the start date.');
          const levels = await accessLevelsRepository.findMany(
            transaction,
            municipalityId,
            template.levels.map((level) => level.levelId),
          );
          const granted = await grantLevels(transaction, actor, clock, requester, {
            municipalityId,
            personId: input.personId,
            levels,
            terms: {
              startDate,
              endDate,
              reason: input.reason ?? template.name,
              caseReference: input.caseReference ?? null,
              source: 'granted',
            },
            refuseHeld: false,
          });
          await recordAudit(transaction, actor, clock, {
            action: 'apply',
            entityType: 'role_template',
            entityId: id,
            after: { personId: input.personId, rightIds: granted.rights.map((right) => right.id), alreadyHeld: granted.alreadyHeld },
          });
          const stewards = await systemReads.stewardPersonIds(
            transaction,
            municipalityId,
            granted.rights.map((right) => right.systemId),
            today(),
          );
          return {
            ...granted,
            rights: granted.rights.map((right) => ({
              ...right,
              can: accessRightAbilities(actor, right, stewards.get(right.systemId) ?? []),
            })),
          };
        });
      },
    ),
  };
}

export type RoleTemplatesService = ReturnType<typeof createRoleTemplatesService>;
