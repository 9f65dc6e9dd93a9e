import { randomUUID } from 'node:crypto';
import type {
  Contract,
  ContractCreate,
  ContractListQuery,
  ContractRecord,
  ContractUpdate,
  NoticeDecision,
  Supplier,
  SupplierCreate,
  SupplierListQuery,
  SupplierUpdate,
} from '@forvalta/contracts';
import type { AnyActor } from '../../access/actor.ts';
import { departmentScope, municipalityOf, type Subject } from '../../access/authorise.ts';
import { useCase } from '../../access/use-case.ts';
import { recordAudit } from '../../platform/audit.ts';
import { swedishToday } from '../../platform/calendar.ts';
import type { Clock } from '../../platform/clock.ts';
import { withTransaction, type DatabaseHandle, type Executor } from '../../platform/database.ts';
import { conflict, invalid, notFound } from '../../platform/errors.ts';
import type { ExpectedVersion } from '../../platform/http/versioning.ts';
import { existingIds } from '../../platform/references.ts';
import { swedishHolidays } from '../../platform/swedish-holidays.ts';
import { swedishSortKey } from '../../platform/text.ts';
import { versionedWrites } from '../../platform/versioned-write.ts';
import { noticeStanding } from '../../policy/index.ts';
import { systemReads } from '../systems/index.ts';
import {
  contractAbilities,
  contractActions,
  contractReadSubjects,
  supplierAbilities,
  supplierActions,
} from './supplier-contracts-abilities.ts';
import { supplierContractsRepository, type ContractRow } from './supplier-contracts.repository.ts';

/** The Swedish holidays around a set of dates (a notice date moves back past them). */
export function holidaysAround(dates: readonly string[]): Set<string> {
  const years = dates.map((date) => Number(date.slice(0, 4)));
  return new Set(swedishHolidays(Math.min(...years), Math.max(...years)));
}

/** The contract as the API answers it, its current term and notice date computed for `today`. */
export function toContract(row: ContractRow, today: string): ContractRecord {
  const terms = {
    startsOn: row.starts_on,
    endsOn: row.ends_on,
    noticePeriod: { amount: row.notice_amount, unit: row.notice_unit as 'days' | 'weeks' | 'months' },
    automaticRenewal: row.automatic_renewal === 1,
    renewalMonths: row.renewal_months,
    noticeDecision: row.notice_decision as NoticeDecision | null,
    noticeDecidedOn: row.notice_decided_on,
  };
  const standing = noticeStanding(terms, today, holidaysAround([row.ends_on, today, row.notice_date]));
  return {
    id: row.id,
    version: row.version,
    createdAt: row.created_at,
    updatedAt: row.updated_at,
    title: row.title,
    reference: row.reference,
    supplierId: row.supplier_id,
    supplierName: row.supplier_name,
    startsOn: row.starts_on,
    endsOn: row.ends_on,
    noticePeriod: terms.noticePeriod,
    automaticRenewal: terms.automaticRenewal,
    renewalMonths: row.renewal_months,
    yearlyCost: row.yearly_cost,
    reminderDays: row.reminder_days,
    systems: row.systems,
    licenceIds: row.licenceIds,
    currentTermEndsOn: standing.currentTermEndsOn,
    noticeDate: standing.noticeDate,
    noticeDecision: terms.noticeDecision,
    noticeDecidedOn: row.notice_decided_on,
    noticeDecidedForTerm: standing.decided,
    ended: standing.ended,
    notes: row.notes,
  };
}

/**
 * Suppliers and contracts (issue #15): kept by the IT unit and its chief; a contract is read by
 * them and the auditors, by the heads of the departments owning a system it covers and by those
 * systems' stewards.
 */
export function createSupplierContractsService(db: DatabaseHandle, clock: Clock) {
  const versioned = versionedWrites(db, clock);
  const today = () => swedishToday(clock.now());
  const now = () => clock.now().toISOString();

  const present = (actor: AnyActor, row: ContractRow): Contract => ({ ...toContract(row, today()), can: contractAbilities(actor) });

  async function stewardsOf(executor: Executor, municipalityId: string, rows: readonly ContractRow[]) {
    const systemIds = rows.flatMap((row) => row.systems.map((system: { id: string }) => system.id));
    return systemIds.length > 0 ? systemReads.stewardPersonIds(executor, municipalityId, systemIds, today()) : new Map<string, string[]>();
  }

  /** The stored notice date of the row as written (for sorting and the list's filter; reads compute it anew). */
  function noticeDateOf(input: {
    startsOn: string;
    endsOn: string;
    noticePeriod: ContractCreate['noticePeriod'];
    automaticRenewal: boolean;
    renewalMonths: number | null;
    noticeDecision: NoticeDecision | null;
    noticeDecidedOn: string | null;
  }) {
    return noticeStanding(input, today(), holidaysAround([input.endsOn, today()])).noticeDate;
  }

  async function checkContract(
    executor: Executor,
    municipalityId: string,
    input: ContractUpdate,
    merged: { startsOn: string; endsOn: string },
  ) {
    if (merged.endsOn < merged.startsOn) throw invalid('endsOn', 'A contract ends on or after the day it starts.');
    if (input.supplierId && !(await supplierContractsRepository.supplierExists(executor, municipalityId, input.supplierId)))
      throw invalid('supplierId', 'The supplier does not exist in this municipality.');
    if (input.systemIds) {
      const found = await existingIds(executor, 'systems', municipalityId, input.systemIds);
      if (input.systemIds.some((id) => !found.has(id)))
        throw invalid('systemIds', 'One or more systems do not exist in this municipality.');
    }
    if (
      (input.noticeDecision != null) !== (input.noticeDecidedOn != null) &&
      (input.noticeDecision !== undefined || input.noticeDecidedOn !== undefined)
    )
      throw invalid('noticeDecidedOn', 'A notice decision names the day it was made, and a day names its decision.');
  }

  const loadContract = async (executor: Executor, municipalityId: string, id: string) =>
    supplierContractsRepository.findContract(executor, municipalityId, id);

  return {
    listSuppliers: useCase('contract.read', async ({ actor, authorise }, query: SupplierListQuery) => {
      authorise();
      const page = await supplierContractsRepository.listSuppliers(db, municipalityOf(actor), query);
      return { ...page, items: page.items.map((supplier): Supplier => ({ ...supplier, can: supplierAbilities(actor, supplier) })) };
    }),

    getSupplier: useCase('contract.read', async ({ actor, authorise }, id: string): Promise<Supplier> => {
      authorise();
      const supplier = await supplierContractsRepository.findSupplier(db, municipalityOf(actor), id);
      if (!supplier) throw notFound('Supplier');
      return { ...supplier, can: supplierAbilities(actor, supplier) };
    }),

    createSupplier: useCase(supplierActions.update, async ({ actor, authorise }, input: SupplierCreate): Promise<Supplier> => {
      authorise();
      const municipalityId = municipalityOf(actor);
      return withTransaction(db, async (transaction) => {
        if (await supplierContractsRepository.supplierNumberTaken(transaction, municipalityId, input.organisationNumber))
          throw conflict('A supplier with this organisation number exists already.', 'supplier_number_taken');
        const id = randomUUID();
        await supplierContractsRepository.insertSupplier(transaction, {
          id,
          municipality_id: municipalityId,
          name: input.name,
          sort_key: swedishSortKey(input.name),
          organisation_number: input.organisationNumber,
          contact: input.contact ?? null,
          created_at: now(),
          updated_at: now(),
          version: 1,
        });
        const created = (await supplierContractsRepository.findSupplier(transaction, municipalityId, id))!;
        await recordAudit(transaction, actor, clock, { action: 'create', entityType: 'supplier', entityId: id, after: created });
        return { ...created, can: supplierAbilities(actor, created) };
      });
    }),

    updateSupplier: useCase(
      supplierActions.update,
      async ({ actor, authorise }, id: string, expectedVersion: ExpectedVersion, input: SupplierUpdate): Promise<Supplier> => {
        const municipalityId = municipalityOf(actor);
        const after = await versioned.update(actor, {
          entity: 'Supplier',
          expectedVersion,
          load: (transaction) => supplierContractsRepository.findSupplier(transaction, municipalityId, id),
          authorise: () => authorise(),
          apply: async (transaction, _before, version) => {
            if (
              input.organisationNumber &&
              (await supplierContractsRepository.supplierNumberTaken(transaction, municipalityId, input.organisationNumber, id))
            )
              throw conflict('A supplier with this organisation number exists already.', 'supplier_number_taken');
            return supplierContractsRepository.updateSupplier(transaction, municipalityId, id, version, {
              ...(input.name !== undefined ? { name: input.name, sort_key: swedishSortKey(input.name) } : {}),
              ...(input.organisationNumber !== undefined ? { organisation_number: input.organisationNumber } : {}),
              ...(input.contact !== undefined ? { contact: input.contact } : {}),
              updated_at: now(),
            });
          },
          audit: (before, after) => ({ action: 'update', entityType: 'supplier', entityId: id, before, after }),
        });
        return { ...after, can: supplierAbilities(actor, after) };
      },
    ),

    deleteSupplier: useCase(supplierActions.delete, async ({ actor, authorise }, id: string, expectedVersion: ExpectedVersion) => {
      const municipalityId = municipalityOf(actor);
      await versioned.delete(actor, {
        entity: 'Supplier',
        expectedVersion,
        load: (transaction) => supplierContractsRepository.findSupplier(transaction, municipalityId, id),
        authorise: () => authorise(),
        apply: async (transaction, before, version) => {
          if (before.contractCount > 0) throw conflict('Contracts name this supplier; delete them first.', 'supplier_in_use');
          return supplierContractsRepository.deleteSupplier(transaction, municipalityId, id, version);
        },
        audit: (before) => ({ action: 'delete', entityType: 'supplier', entityId: id, before }),
      });
    }),

    /** Everyone with the permission unscoped reads all; a department head their departments' systems', a steward their systems'. */
    listContracts: useCase('contract.read', async ({ actor, authorise }, query: ContractListQuery) => {
      const municipalityId = municipalityOf(actor);
      const scope = departmentScope(actor, 'contract.read');
      let visibility: { departmentIds: string[]; systemIds: string[] } | undefined;
      if (scope === undefined) authorise();
      else {
        const stewarded = actor.kind === 'person' ? await systemReads.stewardedSystemsOf(db, municipalityId, actor.personId, today()) : [];
        const subject: Subject = {
          departmentId: scope[0] ?? null,
          stewardPersonIds: stewarded.length > 0 && actor.kind === 'person' ? [actor.personId] : [],
        };
        authorise(subject);
        visibility = { departmentIds: scope, systemIds: stewarded.map((system) => system.systemId) };
      }
      const page = await supplierContractsRepository.listContracts(db, municipalityId, query, visibility);
      return { ...page, items: page.items.map((row) => present(actor, row)) };
    }),

    getContract: useCase('contract.read', async ({ actor, authorise, may }, id: string): Promise<Contract> => {
      const municipalityId = municipalityOf(actor);
      const row = await loadContract(db, municipalityId, id);
      if (!row) throw notFound('Contract');
      const subjects = contractReadSubjects(row.systems, await stewardsOf(db, municipalityId, [row]));
      authorise(subjects.find((subject) => may(subject)) ?? subjects[0]);
      return present(actor, row);
    }),

    createContract: useCase(contractActions.update, async ({ actor, authorise }, input: ContractCreate): Promise<Contract> => {
      authorise();
      const municipalityId = municipalityOf(actor);
      return withTransaction(db, async (transaction) => {
        await checkContract(transaction, municipalityId, input, input);
        const id = randomUUID();
        const automaticRenewal = input.automaticRenewal ?? false;
        const renewalMonths = input.renewalMonths ?? (automaticRenewal ? 12 : null);
        await supplierContractsRepository.insertContract(transaction, {
          id,
          municipality_id: municipalityId,
          supplier_id: input.supplierId,
          title: input.title,
          sort_key: swedishSortKey(input.title),
          reference: input.reference ?? null,
          starts_on: input.startsOn,
          ends_on: input.endsOn,
          notice_amount: input.noticePeriod.amount,
          notice_unit: input.noticePeriod.unit,
          automatic_renewal: automaticRenewal ? 1 : 0,
          renewal_months: renewalMonths,
          yearly_cost: input.yearlyCost ?? null,
          reminder_days: input.reminderDays ?? 90,
          notice_date: noticeDateOf({
            ...input,
            automaticRenewal,
            renewalMonths,
            noticeDecision: input.noticeDecision ?? null,
            noticeDecidedOn: input.noticeDecidedOn ?? null,
          }),
          notice_decision: input.noticeDecision ?? null,
          notice_decided_on: input.noticeDecidedOn ?? null,
          notes: input.notes ?? null,
          created_at: now(),
          updated_at: now(),
          version: 1,
        });
        await supplierContractsRepository.replaceSystems(transaction, municipalityId, id, input.systemIds ?? []);
        const created = (await loadContract(transaction, municipalityId, id))!;
        await recordAudit(transaction, actor, clock, {
          action: 'create',
          entityType: 'contract',
          entityId: id,
          after: toContract(created, today()),
        });
        return present(actor, created);
      });
    }),

    updateContract: useCase(
      contractActions.update,
      async ({ actor, authorise }, id: string, expectedVersion: ExpectedVersion, input: ContractUpdate): Promise<Contract> => {
        const municipalityId = municipalityOf(actor);
        const after = await versioned.update(actor, {
          entity: 'Contract',
          expectedVersion,
          load: (transaction) => loadContract(transaction, municipalityId, id),
          authorise: () => authorise(),
          apply: async (transaction, before, version) => {
            const merged = {
              startsOn: input.startsOn ?? before.starts_on,
              endsOn: input.endsOn ?? before.ends_on,
              noticePeriod: input.noticePeriod ?? { amount: before.notice_amount, unit: before.notice_unit as 'months' },
              automaticRenewal: input.automaticRenewal ?? before.automatic_renewal === 1,
              renewalMonths: input.renewalMonths !== undefined ? input.renewalMonths : before.renewal_months,
              noticeDecision: input.noticeDecision !== undefined ? input.noticeDecision : (before.notice_decision as NoticeDecision | null),
              noticeDecidedOn: input.noticeDecidedOn !== undefined ? input.noticeDecidedOn : before.notice_decided_on,
            };
            await checkContract(
              transaction,
              municipalityId,
              { ...input, noticeDecision: merged.noticeDecision, noticeDecidedOn: merged.noticeDecidedOn },
              merged,
            );
            if (input.systemIds) await supplierContractsRepository.replaceSystems(transaction, municipalityId, id, input.systemIds);
            return supplierContractsRepository.updateContract(transaction, municipalityId, id, version, {
              ...(input.title !== undefined ? { title: input.title, sort_key: swedishSortKey(input.title) } : {}),
              ...(input.reference !== undefined ? { reference: input.reference } : {}),
              ...(input.supplierId !== undefined ? { supplier_id: input.supplierId } : {}),
              starts_on: merged.startsOn,
              ends_on: merged.endsOn,
              notice_amount: merged.noticePeriod.amount,
              notice_unit: merged.noticePeriod.unit,
              automatic_renewal: merged.automaticRenewal ? 1 : 0,
              renewal_months: merged.renewalMonths ?? (merged.automaticRenewal ? 12 : null),
              ...(input.yearlyCost !== undefined ? { yearly_cost: input.yearlyCost } : {}),
              ...(input.reminderDays !== undefined ? { reminder_days: input.reminderDays } : {}),
              notice_decision: merged.noticeDecision,
              notice_decided_on: merged.noticeDecidedOn,
              notice_date: noticeDateOf(merged),
              ...(input.notes !== undefined ? { notes: input.notes } : {}),
              updated_at: now(),
            });
          },
          audit: (before, after) => ({
            action: 'update',
            entityType: 'contract',
            entityId: id,
            before: toContract(before, today()),
            after: toContract(after, today()),
          }),
        });
        return present(actor, after);
      },
    ),

    deleteContract: useCase(contractActions.delete, async ({ actor, authorise }, id: string, expectedVersion: ExpectedVersion) => {
      const municipalityId = municipalityOf(actor);
      await versioned.delete(actor, {
        entity: 'Contract',
        expectedVersion,
        load: (transaction) => loadContract(transaction, municipalityId, id),
        authorise: () => authorise(),
        apply: (transaction, _before, version) => supplierContractsRepository.deleteContract(transaction, municipalityId, id, version),
        audit: (before) => ({ action: 'delete', entityType: 'contract', entityId: id, before: toContract(before, today()) }),
      });
    }),
  };
}

export type SupplierContractsService = ReturnType<typeof createSupplierContractsService>;
