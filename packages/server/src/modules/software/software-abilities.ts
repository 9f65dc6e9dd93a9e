import type {
  DecisionStatus,
  LicenceActionName,
  Permission,
  SoftwareActionName,
  SoftwareDecisionActionName,
  SoftwareOrigin,
} from '@forvalta/contracts';
import { decidedOrigins } from '@forvalta/contracts';
import type { AnyActor } from '../../access/actor.ts';
import type { Subject } from '../../access/authorise.ts';
import { canOn } from '../../access/record-actions.ts';

/**
 * Who may do what with software, decisions and licences, as data: the services authorise with
 * these entries and subjects, and the records' `can` comes from the same tables.
 */
export const softwareActions = {
  update: 'software.manage',
  delete: 'software.manage',
  proposeDecision: 'softwareDecision.propose',
} as const satisfies Record<SoftwareActionName, Permission>;

export const softwareDecisionActions = {
  update: 'softwareDecision.propose',
  decide: 'softwareDecision.decide',
} as const satisfies Record<SoftwareDecisionActionName, Permission>;

export const licenceActions = {
  update: 'licence.manage',
  delete: 'licence.manage',
} as const satisfies Record<LicenceActionName, Permission>;

/** A product's stewards are those of the systems that use it: they may ask for its decision. */
export const softwareSubject = (stewardPersonIds: readonly string[]): Subject => ({ stewardPersonIds });

export function softwareAbilities(actor: AnyActor, software: { origin: SoftwareOrigin; inUse: boolean }, stewards: readonly string[]) {
  return canOn(actor, softwareActions, softwareSubject(stewards), {
    // A product any decision or licence names keeps its history: it is not deleted.
    delete: !software.inUse,
    proposeDecision: decidedOrigins.includes(software.origin),
  });
}

/**
 * Separation of duties (§7): only the IT chief decides, and never on a proposal they made
 * themselves, so every decision has two people behind it.
 */
export function decisionRefusalFor(actor: AnyActor, proposedByPersonId: string | null): string | null {
  if (actor.kind === 'system') return null;
  if (proposedByPersonId !== null && proposedByPersonId === actor.personId)
    return 'Whoever proposed a software decision does not decide it: another IT chief decides.';
  return null;
}

export function softwareDecisionAbilities(
  actor: AnyActor,
  decision: { status: DecisionStatus; proposedByPersonId: string | null },
  stewards: readonly string[],
) {
  const open = decision.status === 'proposed';
  return canOn(actor, softwareDecisionActions, softwareSubject(stewards), {
    update: open,
    decide: open && decisionRefusalFor(actor, decision.proposedByPersonId) === null,
  });
}

export function licenceAbilities(actor: AnyActor) {
  return canOn(actor, licenceActions, undefined);
}
