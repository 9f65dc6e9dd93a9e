import { randomUUID } from 'node:crypto';
import type { AccessLevel, AccessLevelCreate, AccessLevelListQuery, AccessLevelRecord, AccessLevelUpdate } from '@forvalta/contracts';
import type { AnyActor } from '../../access/actor.ts';
import { municipalityOf, type Subject } from '../../access/authorise.ts';
import { canOn } from '../../access/record-actions.ts';
import { useCase } from '../../access/use-case.ts';
import { recordAudit } from '../../platform/audit.ts';
import type { Clock } from '../../platform/clock.ts';
import { withTransaction, type DatabaseHandle, type Executor } from '../../platform/database.ts';
import { conflict, notFound } from '../../platform/errors.ts';
import type { ExpectedVersion } from '../../platform/http/versioning.ts';
import { swedishSortKey } from '../../platform/text.ts';
import { versionedWrites } from '../../platform/versioned-write.ts';
import type { SystemsService } from '../systems/index.ts';
import { accessLevelActions } from './access-abilities.ts';
import { accessLevelsRepository } from './access-levels.repository.ts';

/**
 * A system's access levels (the roles the system itself knows), kept by the IT unit and the
 * system's manager and deputies; read by everyone (they name no person). A level is deleted only
 * while no right (ended ones included) and no role template names it.
 */
export function createAccessLevelsService(db: DatabaseHandle, clock: Clock, systems: SystemsService) {
  const versioned = versionedWrites(db, clock);

  /** The system (404 when missing here), and the subject its levels are judged on. */
  async function systemOf(executor: Executor, municipalityId: string, systemId: string) {
    let subject: Subject | undefined;
    const system = await systems.authorisedSystem(executor, municipalityId, systemId, (found) => {
      subject = found;
    });
    return { system, subject: subject! };
  }

  const withAbilities = (actor: AnyActor, level: AccessLevelRecord, subject: Subject): AccessLevel => ({
    ...level,
    can: canOn(actor, accessLevelActions, subject),
  });

  async function ensureNameFree(executor: Executor, municipalityId: string, systemId: string, name: string, id: string) {
    const holder = await accessLevelsRepository.findIdByName(executor, municipalityId, systemId, swedishSortKey(name));
    if (holder && holder !== id) throw conflict('The system already has an access level with that name.', 'access_level_name_taken');
  }

  async function loadOfSystem(executor: Executor, municipalityId: string, systemId: string, levelId: string) {
    const level = await accessLevelsRepository.findById(executor, municipalityId, levelId);
    return level && level.systemId === systemId ? level : undefined;
  }

  return {
    listAccessLevels: useCase('accessLevel.read', async ({ actor, authorise }, systemId: string, query: AccessLevelListQuery) => {
      authorise();
      const municipalityId = municipalityOf(actor);
      const { subject } = await systemOf(db, municipalityId, systemId);
      const page = await accessLevelsRepository.list(db, municipalityId, systemId, query);
      return { ...page, items: page.items.map((level) => withAbilities(actor, level, subject)) };
    }),

    getAccessLevel: useCase('accessLevel.read', async ({ actor, authorise }, systemId: string, levelId: string): Promise<AccessLevel> => {
      authorise();
      const municipalityId = municipalityOf(actor);
      const { subject } = await systemOf(db, municipalityId, systemId);
      const level = await loadOfSystem(db, municipalityId, systemId, levelId);
      if (!level) throw notFound('Access level');
      return withAbilities(actor, level, subject);
    }),

    createAccessLevel: useCase(
      'accessLevel.manage',
      async ({ actor, authorise }, systemId: string, input: AccessLevelCreate): Promise<AccessLevel> => {
        const municipalityId = municipalityOf(actor);
        return withTransaction(db, async (transaction) => {
          const { subject } = await systemOf(transaction, municipalityId, systemId);
          authorise(subject);
          await ensureNameFree(transaction, municipalityId, systemId, input.name, '');
          const id = randomUUID();
          const now = clock.now().toISOString();
          await accessLevelsRepository.insert(transaction, {
            id,
            municipality_id: municipalityId,
            system_id: systemId,
            name: input.name,
            sort_key: swedishSortKey(input.name),
            description: input.description ?? null,
            privileged: input.privileged ? 1 : 0,
            created_at: now,
            updated_at: now,
            version: 1,
          });
          const created = (await accessLevelsRepository.findById(transaction, municipalityId, id))!;
          await recordAudit(transaction, actor, clock, { action: 'create', entityType: 'access_level', entityId: id, after: created });
          return withAbilities(actor, created, subject);
        });
      },
    ),

    updateAccessLevel: useCase(
      accessLevelActions.update,
      async (
        { actor, authorise },
        systemId: string,
        levelId: string,
        expectedVersion: ExpectedVersion,
        input: AccessLevelUpdate,
      ): Promise<AccessLevel> => {
        const municipalityId = municipalityOf(actor);
        let subject: Subject = {};
        const after = await versioned.update(actor, {
          entity: 'Access level',
          expectedVersion,
          load: async (transaction) => {
            subject = (await systemOf(transaction, municipalityId, systemId)).subject;
            return loadOfSystem(transaction, municipalityId, systemId, levelId);
          },
          authorise: () => authorise(subject),
          apply: async (transaction, before, version) => {
            const name = input.name ?? before.name;
            await ensureNameFree(transaction, municipalityId, systemId, name, levelId);
            return accessLevelsRepository.update(transaction, municipalityId, levelId, version, {
              name,
              sort_key: swedishSortKey(name),
              ...(input.description !== undefined ? { description: input.description } : {}),
              ...(input.privileged !== undefined ? { privileged: input.privileged ? 1 : 0 } : {}),
              updated_at: clock.now().toISOString(),
            });
          },
          audit: (before, after) => ({ action: 'update', entityType: 'access_level', entityId: levelId, before, after }),
        });
        return withAbilities(actor, after, subject);
      },
    ),

    deleteAccessLevel: useCase(
      accessLevelActions.delete,
      async ({ actor, authorise }, systemId: string, levelId: string, expectedVersion: ExpectedVersion): Promise<void> => {
        const municipalityId = municipalityOf(actor);
        let subject: Subject = {};
        await versioned.delete(actor, {
          entity: 'Access level',
          expectedVersion,
          load: async (transaction) => {
            subject = (await systemOf(transaction, municipalityId, systemId)).subject;
            return loadOfSystem(transaction, municipalityId, systemId, levelId);
          },
          authorise: () => authorise(subject),
          apply: async (transaction, _before, version) => {
            if (await accessLevelsRepository.isInUse(transaction, municipalityId, levelId))
              throw conflict('The level has access rights or is part of a role template.', 'access_level_in_use');
            return accessLevelsRepository.delete(transaction, municipalityId, levelId, version);
          },
          audit: (before) => ({ action: 'delete', entityType: 'access_level', entityId: levelId, before }),
        });
      },
    ),
  };
}

export type AccessLevelsService = ReturnType<typeof createAccessLevelsService>;
