import { randomUUID } from 'node:crypto';
import type { Software, SoftwareCreate, SoftwareListQuery, SoftwareUpdate } from '@forvalta/contracts';
import type { AnyActor } from '../../access/actor.ts';
import { municipalityOf } from '../../access/authorise.ts';
import { useCase } from '../../access/use-case.ts';
import { recordAudit } from '../../platform/audit.ts';
import { swedishToday } from '../../platform/calendar.ts';
import type { Clock } from '../../platform/clock.ts';
import { withTransaction, type DatabaseHandle, type Executor } from '../../platform/database.ts';
import { conflict, invalid, notFound } from '../../platform/errors.ts';
import type { ExpectedVersion } from '../../platform/http/versioning.ts';
import { existingIds } from '../../platform/references.ts';
import { swedishSortKey } from '../../platform/text.ts';
import { versionedWrites } from '../../platform/versioned-write.ts';
import { softwareAbilities, softwareActions } from './software-abilities.ts';
import { softwareRepository, type SoftwareWithUse } from './software.repository.ts';
import { stewardsBySystem, stewardsOf } from './software-stewards.ts';
import { spdxExpressionValid } from './spdx.ts';

/** The record without its bookkeeping, with what the caller may do. */
function withAbilities(actor: AnyActor, software: SoftwareWithUse, stewards: ReadonlyMap<string, readonly string[]>): Software {
  const { inUse, ...record } = software;
  const systemIds = record.systems.map((system) => system.id);
  return { ...record, can: softwareAbilities(actor, { origin: record.origin, inUse }, stewardsOf(systemIds, stewards)) };
}

/** §7: an open-source product names its licence as an SPDX expression; any other names it freely, if at all. */
function checkLicence(origin: SoftwareCreate['origin'], licence: string | null | undefined) {
  if (origin !== 'open_source') return;
  if (!licence)
    throw invalid('licence', 'Open-source software names its licence as an SPDX identifier (for example MIT or GPL-3.0-or-later).');
  if (!spdxExpressionValid(licence))
    throw invalid('licence', `"${licence}" is not an SPDX licence identifier or expression (see spdx.org/licenses).`);
}

/** Software products (ITP-7-GENERIC): kept by the IT unit and its chief, read by everyone. */
export function createSoftwareService(db: DatabaseHandle, clock: Clock) {
  const versioned = versionedWrites(db, clock);
  const today = () => swedishToday(clock.now());

  async function present(executor: Executor, actor: AnyActor, items: SoftwareWithUse[]) {
    const systemIds = items.flatMap((item) => item.systems.map((system) => system.id));
    const stewards = await stewardsBySystem(executor, municipalityOf(actor), systemIds, today());
    return items.map((item) => withAbilities(actor, item, stewards));
  }

  async function checkSystems(executor: Executor, municipalityId: string, systemIds: readonly string[] | undefined) {
    if (!systemIds) return;
    const found = await existingIds(executor, 'systems', municipalityId, systemIds);
    if (systemIds.some((id) => !found.has(id))) throw invalid('systemIds', 'One or more systems do not exist in this municipality.');
  }

  const load = async (executor: Executor, municipalityId: string, id: string) => {
    const software = await softwareRepository.findById(executor, municipalityId, id, today());
    if (!software) throw notFound('Software');
    return software;
  };

  return {
    listSoftware: useCase('software.read', async ({ actor, authorise }, query: SoftwareListQuery) => {
      authorise();
      const page = await softwareRepository.list(db, municipalityOf(actor), query, today());
      return { ...page, items: await present(db, actor, page.items) };
    }),

    getSoftware: useCase('software.read', async ({ actor, authorise }, id: string): Promise<Software> => {
      authorise();
      const [item] = await present(db, actor, [await load(db, municipalityOf(actor), id)]);
      return item!;
    }),

    createSoftware: useCase(softwareActions.update, async ({ actor, authorise }, input: SoftwareCreate): Promise<Software> => {
      authorise();
      const municipalityId = municipalityOf(actor);
      checkLicence(input.origin, input.licence);
      return withTransaction(db, async (transaction) => {
        await checkSystems(transaction, municipalityId, input.systemIds);
        const id = randomUUID();
        const at = clock.now().toISOString();
        await softwareRepository.insert(transaction, {
          id,
          municipality_id: municipalityId,
          product: input.product,
          sort_key: swedishSortKey(input.product),
          maker: input.maker ?? null,
          origin: input.origin,
          licence: input.licence ?? null,
          description: input.description ?? null,
          created_at: at,
          updated_at: at,
          version: 1,
        });
        await softwareRepository.replaceSystems(transaction, municipalityId, id, input.systemIds ?? []);
        const created = await load(transaction, municipalityId, id);
        await recordAudit(transaction, actor, clock, { action: 'create', entityType: 'software', entityId: id, after: created });
        return (await present(transaction, actor, [created]))[0]!;
      });
    }),

    updateSoftware: useCase(
      softwareActions.update,
      async ({ actor, authorise }, id: string, expectedVersion: ExpectedVersion, input: SoftwareUpdate): Promise<Software> => {
        const municipalityId = municipalityOf(actor);
        const after = await versioned.update(actor, {
          entity: 'Software',
          expectedVersion,
          load: (transaction) => softwareRepository.findById(transaction, municipalityId, id, today()),
          authorise: () => authorise(),
          apply: async (transaction, before, version) => {
            const origin = input.origin ?? before.origin;
            checkLicence(origin, input.licence !== undefined ? input.licence : before.licence);
            await checkSystems(transaction, municipalityId, input.systemIds);
            if (input.systemIds) await softwareRepository.replaceSystems(transaction, municipalityId, id, input.systemIds);
            return softwareRepository.update(transaction, municipalityId, id, version, {
              ...(input.product !== undefined ? { product: input.product, sort_key: swedishSortKey(input.product) } : {}),
              ...(input.maker !== undefined ? { maker: input.maker } : {}),
              ...(input.origin !== undefined ? { origin: input.origin } : {}),
              ...(input.licence !== undefined ? { licence: input.licence } : {}),
              ...(input.description !== undefined ? { description: input.description } : {}),
              updated_at: clock.now().toISOString(),
            });
          },
          audit: (before, after) => ({ action: 'update', entityType: 'software', entityId: id, before, after }),
        });
        return (await present(db, actor, [after]))[0]!;
      },
    ),

    /** Only a product no decision or licence names goes; its system links and consumption go with it. */
    deleteSoftware: useCase(softwareActions.delete, async ({ actor, authorise }, id: string, expectedVersion: ExpectedVersion) => {
      const municipalityId = municipalityOf(actor);
      await versioned.delete(actor, {
        entity: 'Software',
        expectedVersion,
        load: (transaction) => softwareRepository.findById(transaction, municipalityId, id, today()),
        authorise: () => authorise(),
        apply: async (transaction, before, version) => {
          if (before.inUse) throw conflict('Decisions or licences name this software; it is kept.', 'software_in_use');
          return softwareRepository.delete(transaction, municipalityId, id, version);
        },
        audit: (before) => ({ action: 'delete', entityType: 'software', entityId: id, before }),
      });
    }),
  };
}

export type SoftwareService = ReturnType<typeof createSoftwareService>;
