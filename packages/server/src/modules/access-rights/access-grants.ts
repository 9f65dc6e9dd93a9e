import { randomUUID } from 'node:crypto';
import type { AccessGate, AccessLevelRecord, AccessRightRecord, AccessRightSource } from '@forvalta/contracts';
import { actorName, type AnyActor } from '../../access/actor.ts';
import { recordAudit } from '../../platform/audit.ts';
import type { Clock } from '../../platform/clock.ts';
import type { Executor, TransactionHandle } from '../../platform/database.ts';
import { conflict } from '../../platform/errors.ts';
import { lockPerson } from '../../platform/person-lock.ts';
import { accessGateRepository, type GateDocument } from './access-gate.repository.ts';
import { accessRightsRepository } from './access-rights.repository.ts';

/**
 * What the access-rights module needs of the acknowledgements module, passed by the composition
 * (services.ts), so this module imports none of it: that the person has open requests of the
 * current documents, so the acknowledgement is on their to-do list when their first right waits.
 */
export interface AcknowledgementRequester {
  requestCurrentDocuments(
    transaction: TransactionHandle,
    actor: AnyActor,
    person: { municipalityId: string; personId: string },
  ): Promise<void>;
}

/**
 * THE first-grant gate (ITP-3-INFORM-NEW), as a pure decision: a grant waits for the
 * acknowledgement when it would be the person's first right (none active or pending, in any
 * system) and they have not acknowledged every current version of the IT policy and the security
 * guidelines. A later grant is not gated; with no such document adopted there is nothing to wait for.
 */
export function gateOf(personId: string, firstRight: boolean, documents: readonly GateDocument[]): AccessGate {
  const acknowledged = documents.every((document) => document.acknowledged);
  return { personId, firstRight, acknowledged, wouldBePending: firstRight && !acknowledged, documents: [...documents] };
}

/** How a right granted now becomes active, or null while it waits. */
export function activationOf(gate: AccessGate, source: AccessRightSource): AccessRightRecord['activation'] {
  if (gate.wouldBePending) return null;
  if (source !== 'granted') return 'imported';
  return gate.firstRight ? 'acknowledged' : 'not_gated';
}

export async function readGate(executor: Executor, municipalityId: string, personId: string): Promise<AccessGate> {
  const [holds, documents] = [
    await accessRightsRepository.holdsAnyRight(executor, municipalityId, personId),
    await accessGateRepository.gateDocumentsOf(executor, municipalityId, personId),
  ];
  return gateOf(personId, !holds, documents);
}

export interface GrantTerms {
  startDate: string;
  endDate: string | null;
  reason: string | null;
  caseReference: string | null;
  source: AccessRightSource;
}

/**
 * Grants the person the levels (already held ones are skipped, or refused when `refuseHeld`),
 * all behind the one gate, in the caller's transaction: the person is locked first, so a
 * concurrent acknowledgement either committed before (and the rights are active) or activates
 * them after (its listener takes the same lock). One audit event per right; when they wait, the
 * acknowledgement requests are made sure of.
 */
export async function grantLevels(
  transaction: TransactionHandle,
  actor: AnyActor,
  clock: Clock,
  requester: AcknowledgementRequester | undefined,
  grant: { municipalityId: string; personId: string; levels: readonly AccessLevelRecord[]; terms: GrantTerms; refuseHeld: boolean },
): Promise<{ rights: AccessRightRecord[]; alreadyHeld: number; gate: AccessGate }> {
  const { municipalityId, personId, terms } = grant;
  await lockPerson(transaction, municipalityId, personId);
  const held = await accessRightsRepository.heldLevelIds(
    transaction,
    municipalityId,
    personId,
    grant.levels.map((level) => level.id),
  );
  if (grant.refuseHeld && held.size > 0) throw conflict('The person already holds this access right.', 'access_right_held');
  const gate = await readGate(transaction, municipalityId, personId);
  const activation = activationOf(gate, terms.source);
  const now = clock.now().toISOString();
  const ids: string[] = [];
  for (const level of grant.levels) {
    if (held.has(level.id)) continue;
    const id = randomUUID();
    ids.push(id);
    await accessRightsRepository.insert(transaction, {
      id,
      municipality_id: municipalityId,
      person_id: personId,
      system_id: level.systemId,
      level_id: level.id,
      state: activation === null ? 'pending_acknowledgement' : 'active',
      source: terms.source,
      start_date: terms.startDate,
      end_date: terms.endDate,
      reason: terms.reason,
      case_reference: terms.caseReference,
      granted_at: now,
      granted_by_person_id: actor.kind === 'person' ? actor.personId : null,
      granted_by_name: actorName(actor),
      activated_at: activation === null ? null : now,
      activation,
      exception_reason: null,
      exception_by_person_id: null,
      exception_by_name: null,
      flagged_for_removal: 0,
      flagged_at: null,
      ended_at: null,
      ended_by_person_id: null,
      ended_by_name: null,
      end_reason: null,
      end_note: null,
      last_recertified_on: null,
      created_at: now,
      updated_at: now,
      version: 1,
    });
  }
  const rights = await accessRightsRepository.findMany(transaction, municipalityId, ids);
  for (const right of rights) {
    await recordAudit(transaction, actor, clock, {
      action: 'grant',
      entityType: 'access_right',
      entityId: right.id,
      after: { ...right, gate: { firstRight: gate.firstRight, acknowledged: gate.acknowledged } },
    });
  }
  if (gate.wouldBePending && rights.length > 0 && requester)
    await requester.requestCurrentDocuments(transaction, actor, { municipalityId, personId });
  return { rights, alreadyHeld: held.size, gate };
}

/**
 * The acknowledgements module's AcknowledgedListener, in the acknowledgement's transaction: once
 * the person holds an acknowledgement of every current gate document, their pending rights become
 * active (one statement, one audit event per right). The person lock is the grant's.
 */
export function activationOnAcknowledgement(clock: Clock) {
  return async (
    transaction: TransactionHandle,
    acknowledged: { municipalityId: string; personId: string; versionId: string },
    actor: AnyActor,
  ) => {
    const { municipalityId, personId } = acknowledged;
    await lockPerson(transaction, municipalityId, personId);
    const documents = await accessGateRepository.gateDocumentsOf(transaction, municipalityId, personId);
    if (!documents.some((document) => document.versionId === acknowledged.versionId)) return;
    if (!documents.every((document) => document.acknowledged)) return;
    const now = clock.now().toISOString();
    const ids = await accessRightsRepository.activatePendingOfPerson(transaction, municipalityId, personId, now);
    for (const id of ids) {
      await recordAudit(transaction, actor, clock, {
        action: 'activate',
        entityType: 'access_right',
        entityId: id,
        after: { state: 'active', activation: 'acknowledged', personId, acknowledgedVersionId: acknowledged.versionId, activatedAt: now },
        municipalityId,
      });
    }
  };
}
