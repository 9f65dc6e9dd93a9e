import { randomUUID } from 'node:crypto';
import { defaultOwnerRoleOfKind } from '@forvalta/contracts';
import type { AnyActor } from '../../access/actor.ts';
import { recordAudit } from '../../platform/audit.ts';
import type { Clock } from '../../platform/clock.ts';
import type { TransactionHandle } from '../../platform/database.ts';
import { searchText, swedishSortKey } from '../../platform/text.ts';
import type { PolicyParameters } from '../../policy/index.ts';
import { documentsRepository } from './documents.repository.ts';
import { defaultReviewIntervalMonths } from './documents.workflow.ts';

const guidelinesTitle = 'Riktlinjer för IT-säkerhet';

/**
 * What a new municipality starts with (MunicipalityStarters, in the creating transaction): the IT
 * security guidelines document (ITP-11-GUIDELINES), owned by the IT chief and to be acknowledged by
 * employees, as migration 089 gave every municipality that existed then. Unlike 089's, it has no
 * version: 089 carried over a list of sections the municipality already kept, a new municipality has
 * adopted nothing yet, so the IT chief drafts version 1 (its sections) and adopts it, and until then
 * ITP-11-GUIDELINES says "not adopted" instead of counting an empty document as in force.
 */
export async function startWithDefaultDocuments(
  transaction: TransactionHandle,
  clock: Clock,
  actor: AnyActor,
  municipalityId: string,
  parameters: PolicyParameters,
): Promise<void> {
  const now = clock.now().toISOString();
  const id = randomUUID();
  const values = {
    kind: 'security_guidelines' as const,
    title: guidelinesTitle,
    ownerRole: defaultOwnerRoleOfKind.security_guidelines,
    reviewIntervalMonths: defaultReviewIntervalMonths('security_guidelines', parameters),
    requiresAcknowledgement: true,
  };
  await documentsRepository.insert(transaction, {
    id,
    municipality_id: municipalityId,
    kind: values.kind,
    title: values.title,
    sort_key: swedishSortKey(values.title),
    search_text: searchText(values.title),
    description: null,
    owner_role: values.ownerRole,
    owner_body: null,
    review_interval_months: values.reviewIntervalMonths,
    requires_acknowledgement: 1,
    audience_department_ids_json: '[]',
    policy_pack_id: null,
    current_version_id: null,
    next_review_date: null,
    created_at: now,
    updated_at: now,
    version: 1,
  });
  await recordAudit(transaction, actor, clock, {
    action: 'create',
    entityType: 'policy_document',
    entityId: id,
    after: values,
    municipalityId,
  });
}
