import { randomUUID } from 'node:crypto';
import type {
  ConsumptionCreate,
  ConsumptionImport,
  ConsumptionImportResult,
  ConsumptionListQuery,
  ConsumptionRecord,
  Licence,
  LicenceCreate,
  LicenceListQuery,
  LicencePosition,
  LicencePositionQuery,
  LicenceUpdate,
} from '@forvalta/contracts';
import type { AnyActor } from '../../access/actor.ts';
import { can, municipalityOf } from '../../access/authorise.ts';
import { useCase } from '../../access/use-case.ts';
import { recordAudit } from '../../platform/audit.ts';
import { swedishToday } from '../../platform/calendar.ts';
import type { Clock } from '../../platform/clock.ts';
import { withTransaction, type DatabaseHandle, type Executor } from '../../platform/database.ts';
import { AppError, invalid, notFound } from '../../platform/errors.ts';
import type { ExpectedVersion } from '../../platform/http/versioning.ts';
import { decodeOffsetCursor, encodeOffsetCursor } from '../../platform/paging.ts';
import { versionedWrites } from '../../platform/versioned-write.ts';
import { licencePosition, positionFails } from '../../policy/index.ts';
import { licenceAbilities, licenceActions } from './software-abilities.ts';
import { countsDiffer, recordedCounts, replaceInventory } from './licence-inventory.ts';
import { licencesRepository } from './licences.repository.ts';

const withAbilities = (actor: AnyActor, licence: Omit<Licence, 'can'>): Licence => ({ ...licence, can: licenceAbilities(actor) });

/** An unlimited licence counts nothing; every other names its count (0 allowed, never negative: the contract). */
function checkQuantity(metric: LicenceCreate['metric'], quantity: number | null | undefined) {
  if (metric === 'unlimited' && quantity != null) throw invalid('quantity', 'An unlimited licence has no quantity.');
  if (metric !== 'unlimited' && quantity == null)
    throw invalid('quantity', 'A licence names how many users, devices, cores or sites it covers.');
}

function checkPeriod(validFrom: string | null, validUntil: string | null) {
  if (validFrom && validUntil && validUntil < validFrom) throw invalid('validUntil', 'A licence ends on or after the day it starts.');
}

/**
 * Licences as counts (ITP-7-LICENCE): entitlements, what is consumed (per asset, by hand or from an
 * inventory) and the position of the two. Kept by the IT unit and its chief.
 */
export function createLicencesService(db: DatabaseHandle, clock: Clock) {
  const versioned = versionedWrites(db, clock);
  const today = () => swedishToday(clock.now());
  const now = () => clock.now().toISOString();

  async function checkReferences(
    executor: Executor,
    municipalityId: string,
    input: { softwareId?: string; contractId?: string | null; assetId?: string | undefined },
  ) {
    if (input.softwareId && !(await licencesRepository.softwareIdsIn(executor, municipalityId, [input.softwareId])).has(input.softwareId))
      throw invalid('softwareId', 'The software does not exist in this municipality.');
    if (input.contractId && !(await licencesRepository.contractExists(executor, municipalityId, input.contractId)))
      throw invalid('contractId', 'The contract does not exist in this municipality.');
    if (input.assetId && !(await licencesRepository.assetExists(executor, municipalityId, input.assetId)))
      throw invalid('assetId', 'The asset does not exist in this municipality.');
  }

  const load = async (executor: Executor, municipalityId: string, id: string) => {
    const licence = await licencesRepository.findById(executor, municipalityId, id, today());
    if (!licence) throw notFound('Licence');
    return licence;
  };

  return {
    listLicences: useCase('licence.read', async ({ actor, authorise }, query: LicenceListQuery) => {
      authorise();
      const page = await licencesRepository.list(db, municipalityOf(actor), query, today());
      return { ...page, items: page.items.map((licence) => withAbilities(actor, licence)) };
    }),

    getLicence: useCase('licence.read', async ({ actor, authorise }, id: string): Promise<Licence> => {
      authorise();
      return withAbilities(actor, await load(db, municipalityOf(actor), id));
    }),

    createLicence: useCase(licenceActions.update, async ({ actor, authorise }, input: LicenceCreate): Promise<Licence> => {
      authorise();
      const municipalityId = municipalityOf(actor);
      checkQuantity(input.metric, input.quantity);
      checkPeriod(input.validFrom ?? null, input.validUntil ?? null);
      return withTransaction(db, async (transaction) => {
        await checkReferences(transaction, municipalityId, input);
        const id = randomUUID();
        await licencesRepository.insert(transaction, {
          id,
          municipality_id: municipalityId,
          software_id: input.softwareId,
          metric: input.metric,
          quantity: input.quantity ?? null,
          valid_from: input.validFrom ?? null,
          valid_until: input.validUntil ?? null,
          contract_id: input.contractId ?? null,
          notes: input.notes ?? null,
          created_at: now(),
          updated_at: now(),
          version: 1,
        });
        const created = await load(transaction, municipalityId, id);
        await recordAudit(transaction, actor, clock, { action: 'create', entityType: 'licence', entityId: id, after: created });
        return withAbilities(actor, created);
      });
    }),

    updateLicence: useCase(
      licenceActions.update,
      async ({ actor, authorise }, id: string, expectedVersion: ExpectedVersion, input: LicenceUpdate): Promise<Licence> => {
        const municipalityId = municipalityOf(actor);
        const after = await versioned.update(actor, {
          entity: 'Licence',
          expectedVersion,
          load: (transaction) => licencesRepository.findById(transaction, municipalityId, id, today()),
          authorise: () => authorise(),
          apply: async (transaction, before, version) => {
            const metric = input.metric ?? before.metric;
            checkQuantity(metric, input.quantity !== undefined ? input.quantity : metric === 'unlimited' ? null : before.quantity);
            checkPeriod(
              input.validFrom !== undefined ? input.validFrom : before.validFrom,
              input.validUntil !== undefined ? input.validUntil : before.validUntil,
            );
            await checkReferences(transaction, municipalityId, { contractId: input.contractId });
            return licencesRepository.update(transaction, municipalityId, id, version, {
              ...(input.metric !== undefined ? { metric: input.metric } : {}),
              ...(input.quantity !== undefined || input.metric === 'unlimited' ? { quantity: input.quantity ?? null } : {}),
              ...(input.validFrom !== undefined ? { valid_from: input.validFrom } : {}),
              ...(input.validUntil !== undefined ? { valid_until: input.validUntil } : {}),
              ...(input.contractId !== undefined ? { contract_id: input.contractId } : {}),
              ...(input.notes !== undefined ? { notes: input.notes } : {}),
              updated_at: now(),
            });
          },
          audit: (before, after) => ({ action: 'update', entityType: 'licence', entityId: id, before, after }),
        });
        return withAbilities(actor, after);
      },
    ),

    deleteLicence: useCase(licenceActions.delete, async ({ actor, authorise }, id: string, expectedVersion: ExpectedVersion) => {
      const municipalityId = municipalityOf(actor);
      await versioned.delete(actor, {
        entity: 'Licence',
        expectedVersion,
        load: (transaction) => licencesRepository.findById(transaction, municipalityId, id, today()),
        authorise: () => authorise(),
        apply: (transaction, _before, version) => licencesRepository.delete(transaction, municipalityId, id, version),
        audit: (before) => ({ action: 'delete', entityType: 'licence', entityId: id, before }),
      });
    }),

    /** Per product and kind: entitled (overlapping licences add up) against consumed; over-consumption first is the web's order. */
    position: useCase('licence.read', async ({ actor, authorise }, query: LicencePositionQuery): Promise<LicencePosition> => {
      authorise();
      const asOf = today();
      const inputs = await licencesRepository.positionInputs(db, municipalityOf(actor), {
        softwareId: query.softwareId,
        systemId: query.systemId,
      });
      const rows = licencePosition(inputs.software, inputs.licences, inputs.consumption, asOf);
      const overCount = rows.filter(positionFails).length;
      const needle = query.q?.toLocaleLowerCase('sv');
      const shown = rows.filter(
        (row) => (!query.overOnly || positionFails(row)) && (!needle || row.softwareProduct.toLocaleLowerCase('sv').includes(needle)),
      );
      const offset = decodeOffsetCursor(query.cursor);
      const items = shown.slice(offset, offset + query.limit);
      return {
        items,
        total: shown.length,
        nextCursor: offset + query.limit < shown.length ? encodeOffsetCursor(offset + query.limit) : null,
        overCount,
        asOf,
      };
    }),

    listConsumption: useCase('licence.read', async ({ actor, authorise }, query: ConsumptionListQuery) => {
      authorise();
      const page = await licencesRepository.listConsumption(db, municipalityOf(actor), query);
      const deletable = can(actor, licenceActions.delete);
      return { ...page, items: page.items.map((item) => ({ ...item, can: { delete: deletable } })) };
    }),

    /** One count: the installations on an asset, or a count taken by hand. */
    recordConsumption: useCase(
      licenceActions.update,
      async ({ actor, authorise }, input: ConsumptionCreate): Promise<ConsumptionRecord> => {
        authorise();
        const municipalityId = municipalityOf(actor);
        const source = input.source ?? (input.assetId ? 'asset' : 'manual');
        if (source === 'inventory')
          throw invalid('source', 'Counts from an inventory are imported (POST /api/v1/licence-consumption/import).');
        if (source === 'asset' && !input.assetId) throw invalid('assetId', 'An installation on an asset names the asset.');
        return withTransaction(db, async (transaction) => {
          await checkReferences(transaction, municipalityId, { softwareId: input.softwareId, assetId: input.assetId ?? undefined });
          const id = randomUUID();
          await licencesRepository.insertConsumption(transaction, [
            {
              id,
              municipality_id: municipalityId,
              software_id: input.softwareId,
              kind: input.kind,
              count: input.count,
              source,
              asset_id: input.assetId ?? null,
              inventory: null,
              counted_on: input.countedOn ?? today(),
              created_at: now(),
              updated_at: now(),
              version: 1,
            },
          ]);
          await licencesRepository.refreshTotals(transaction, municipalityId, [input.softwareId]);
          const created = (await licencesRepository.findConsumption(transaction, municipalityId, id))!;
          await recordAudit(transaction, actor, clock, {
            action: 'create',
            entityType: 'licence_consumption',
            entityId: id,
            after: created,
          });
          return created;
        });
      },
    ),

    deleteConsumption: useCase(licenceActions.delete, async ({ actor, authorise }, id: string, expectedVersion: ExpectedVersion) => {
      const municipalityId = municipalityOf(actor);
      await versioned.delete(actor, {
        entity: 'Consumption',
        expectedVersion,
        load: (transaction) => licencesRepository.findConsumption(transaction, municipalityId, id),
        authorise: () => authorise(),
        apply: async (transaction, before, version) => {
          const deleted = await licencesRepository.deleteConsumption(transaction, municipalityId, id, version);
          if (deleted) await licencesRepository.refreshTotals(transaction, municipalityId, [before.softwareId]);
          return deleted;
        },
        audit: (before) => ({ action: 'delete', entityType: 'licence_consumption', entityId: id, before }),
      });
    }),

    /**
     * An inventory's counts, all or none: every row's product must exist; the inventory's earlier
     * counts are replaced, so the same file twice changes nothing (and says so). A dry run writes nothing.
     */
    importConsumption: useCase(
      licenceActions.update,
      async ({ actor, authorise }, input: ConsumptionImport): Promise<ConsumptionImportResult> => {
        authorise();
        const municipalityId = municipalityOf(actor);
        return withTransaction(db, async (transaction) => {
          const found = await licencesRepository.softwareIdsIn(
            transaction,
            municipalityId,
            input.rows.map((row) => row.softwareId),
          );
          const errors = input.rows.flatMap((row, index) =>
            found.has(row.softwareId)
              ? []
              : [{ path: `rows.${index}.softwareId`, message: 'The software does not exist in this municipality.' }],
          );
          if (errors.length > 0)
            throw new AppError('validation_failed', `${errors.length} row(s) name software that does not exist; nothing was recorded.`, {
              fieldErrors: errors,
            });
          const earlier = await recordedCounts(transaction, municipalityId, input.inventory);
          const changed = countsDiffer(earlier, input.rows);
          const result = {
            dryRun: input.dryRun ?? false,
            inventory: input.inventory,
            replaced: earlier.length,
            recorded: input.rows.length,
            changed,
          };
          if (input.dryRun || !changed) return result;
          const inventory = { name: input.inventory, countedOn: input.countedOn ?? today(), earlier };
          await replaceInventory(transaction, actor, clock, municipalityId, inventory, input.rows);
          return result;
        });
      },
    ),
  };
}

export type LicencesService = ReturnType<typeof createLicencesService>;
