import { randomUUID } from 'node:crypto';
import type { AnyActor } from '../../access/actor.ts';
import { recordAudit } from '../../platform/audit.ts';
import type { Clock } from '../../platform/clock.ts';
import type { TransactionHandle } from '../../platform/database.ts';
import { loginInvitationsRepository } from './login-invitations.repository.ts';
import { loginsRepository } from './logins.repository.ts';

/**
 * A person the municipality's own provider vouched for, who has no login yet (ADR 0036): they get
 * one without a password, linked to them, as an accepted invitation would. An address that already
 * has a login in use elsewhere is NOT linked: a provider speaks for its municipality's people, never
 * for a login that other municipalities share (its owner accepts an invitation with its password,
 * ADR 0009). A retired login (no password, linked nowhere) is taken up, as by an invitation.
 * Returns the login's id, or undefined when the person must be invited instead.
 */
export async function linkBySingleSignOn(
  transaction: TransactionHandle,
  actor: AnyActor,
  clock: Clock,
  person: { municipalityId: string; personId: string; email: string },
): Promise<string | undefined> {
  const now = clock.now().toISOString();
  const found = await loginsRepository.findByEmail(transaction, person.email);
  let loginId: string;
  if (found) {
    if (found.password_hash || (await loginsRepository.isLinkedAnywhere(transaction, found.id))) return undefined;
    loginId = found.id;
  } else {
    loginId = randomUUID();
    await loginsRepository.insert(transaction, { id: loginId, email: person.email, passwordHash: null }, now);
  }
  if (!(await loginInvitationsRepository.linkPerson(transaction, person.municipalityId, person.personId, loginId, now))) return undefined;
  await recordAudit(transaction, actor, clock, {
    action: 'update',
    entityType: 'person',
    entityId: person.personId,
    before: { loginId: null },
    after: { loginId, linkedBy: 'single_sign_on' },
    municipalityId: person.municipalityId,
  });
  return loginId;
}
