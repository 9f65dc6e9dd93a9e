import type { Assessment, DecisionStatus, SoftwareDecisionListQuery, SoftwareDecisionRecord, SoftwareOrigin } from '@forvalta/contracts';
import type { Insertable } from 'kysely';
import type { SoftwareDecisionsTable } from '../../platform/database-schema.ts';
import type { Executor } from '../../platform/database.ts';
import { pageOf, resolveSort } from '../../platform/paging.ts';
import { updateAtVersion } from '../../platform/versioned-rows.ts';
import { decisionCurrent } from '../../policy/index.ts';

function filtered(db: Executor, municipalityId: string, query: Omit<SoftwareDecisionListQuery, 'limit' | 'cursor' | 'sort'>) {
  let builder = db
    .selectFrom('software_decisions')
    .innerJoin('software', 'software.id', 'software_decisions.software_id')
    .where('software_decisions.municipality_id', '=', municipalityId);
  if (query.softwareId) builder = builder.where('software_decisions.software_id', '=', query.softwareId);
  if (query.status) builder = builder.where('software_decisions.status', '=', query.status);
  return builder;
}

type DecisionRow = SoftwareDecisionsTable & { software_product: string; software_origin: string };

export interface DecisionWithProposer extends SoftwareDecisionRecord {
  proposedByPersonId: string | null;
}

function toDecision(row: DecisionRow, today: string): DecisionWithProposer {
  const aspect = (assessment: string | null, evidence: string | null) => ({ assessment: assessment as Assessment | null, evidence });
  return {
    id: row.id,
    version: row.version,
    createdAt: row.created_at,
    updatedAt: row.updated_at,
    softwareId: row.software_id,
    softwareProduct: row.software_product,
    origin: row.software_origin as SoftwareOrigin,
    status: row.status as DecisionStatus,
    purpose: row.purpose,
    validUntil: row.valid_until,
    conditions: JSON.parse(row.conditions_json) as string[],
    review: {
      stability: aspect(row.stability_assessment, row.stability_evidence),
      security: aspect(row.security_assessment, row.security_evidence),
      futureProofing: aspect(row.future_assessment, row.future_evidence),
    },
    proposedByName: row.proposed_by_name,
    proposedOn: row.proposed_on,
    decidedByName: row.decided_by_name,
    decidedOn: row.decided_on,
    reason: row.reason,
    current: decisionCurrent({ status: row.status, validUntil: row.valid_until }, today),
    proposedByPersonId: row.proposed_by_person_id,
  };
}

const selected = (db: Executor, municipalityId: string, query: Omit<SoftwareDecisionListQuery, 'limit' | 'cursor' | 'sort'>) =>
  filtered(db, municipalityId, query)
    .selectAll('software_decisions')
    .select(['software.product as software_product', 'software.origin as software_origin']);

/** The IT chief's decisions on software (beslut, prövning). */
export const softwareDecisionsRepository = {
  async list(db: Executor, municipalityId: string, query: SoftwareDecisionListQuery, today: string) {
    const sort = resolveSort(
      query.sort ?? '-proposedOn',
      { proposedOn: 'software_decisions.created_at', updatedAt: 'software_decisions.updated_at' },
      'proposedOn',
      'software_decisions.id',
    );
    return pageOf(selected(db, municipalityId, query), filtered(db, municipalityId, query), sort, query, (row) =>
      toDecision(row as DecisionRow, today),
    );
  },

  async findById(db: Executor, municipalityId: string, id: string, today: string) {
    const row = await selected(db, municipalityId, {}).where('software_decisions.id', '=', id).executeTakeFirst();
    return row ? toDecision(row as DecisionRow, today) : undefined;
  },

  async insert(db: Executor, values: Insertable<SoftwareDecisionsTable>) {
    await db.insertInto('software_decisions').values(values).execute();
  },

  async update(db: Executor, municipalityId: string, id: string, expectedVersion: number, columns: Partial<SoftwareDecisionsTable>) {
    // Only a proposal changes: a decision once made is history.
    return updateAtVersion(db, 'software_decisions', { municipality_id: municipalityId, id, status: 'proposed' }, expectedVersion, columns);
  },
};
