import { sql } from 'kysely';
import type { Executor } from '../../platform/database.ts';
import { searchText, swedishSortKey } from '../../platform/text.ts';
import { updateAtVersion } from '../../platform/versioned-rows.ts';

/**
 * The open matters that keep a leaver identifiable (ADR 0029): each one is work someone must still
 * do with the person's name on it, and a pseudonym there would leave nobody able to tell whom it
 * is about. Acknowledgement requests and training are not among them: both are history once the
 * person has left.
 */
export const pseudonymisationHolds = [
  // They still hold a role in Förvalta: the administrator takes it away first.
  'role_assignment',
  // They still answer for a system (an assignment without an end, or ending later): a successor is appointed first.
  'system_responsibility',
  // They are the responsible or a deputy of a functional mailbox (ITP-8-MAILBOX): the secretariat replaces them first.
  'mailbox',
  // An access right not yet ended (ITP-4.2.3-ACCESS-LEAVERS): its removal from the system is confirmed first.
  'access_right',
  // They own a measure not yet done, or a scenario's risk, in a system's current risk analysis.
  'risk_measure',
  // Equipment still registered to them (not retired): it is returned or reassigned first.
  'asset',
] as const;
export type PseudonymisationHold = (typeof pseudonymisationHolds)[number];

export interface PseudonymisationCandidate {
  id: string;
  version: number;
  loginId: string | null;
  endDate: string;
}

/** The pseudonym of a person: "Pseudonym" and the first eight characters of their id, unique enough to tell two apart on a page. */
export function pseudonymOf(personId: string) {
  return { firstName: 'Pseudonym', lastName: personId.slice(0, 8) };
}

/** The address that takes the e-mail's place: unique per person (the column is unique per municipality), and never deliverable (.invalid, RFC 2606). */
export function pseudonymousAddress(id: string) {
  return `${id}@pseudonymised.invalid`;
}

/**
 * Where each hold but the risk measures is found: a table with a person column, and, for matters
 * that end, what makes one still open. One query per source and chunk, as a list so a new kind of
 * open matter is one line here and in `pseudonymisationHolds`.
 */
const holdSources: ReadonlyArray<{
  hold: Exclude<PseudonymisationHold, 'risk_measure'>;
  table: 'role_assignments' | 'system_assignments' | 'mailboxes' | 'mailbox_deputies' | 'access_rights' | 'assets';
  person: string;
  open?: { endsAfter?: string; column?: string; closedValue?: string };
}> = [
  { hold: 'role_assignment', table: 'role_assignments', person: 'person_id' },
  { hold: 'system_responsibility', table: 'system_assignments', person: 'person_id', open: { endsAfter: 'end_date' } },
  { hold: 'mailbox', table: 'mailboxes', person: 'responsible_person_id' },
  { hold: 'mailbox', table: 'mailbox_deputies', person: 'person_id' },
  { hold: 'access_right', table: 'access_rights', person: 'person_id', open: { column: 'state', closedValue: 'ended' } },
  { hold: 'asset', table: 'assets', person: 'person_id', open: { column: 'lifecycle', closedValue: 'retired' } },
];

interface StoredScenario {
  riskOwnerPersonId?: string | null;
  measures?: Array<{ ownerPersonId?: string | null; status?: string }>;
}

/**
 * The pseudonymisation's queries (ADR 0029): the leavers whose last day is on or before the cut-off
 * and who are not yet pseudonymised, the open matters of each, and the writes, which reach the
 * people row, the login of a person who has no other municipality and the invitations sent to
 * them. They read across the modules' tables as the subject access extract does, because this is
 * one act of the privacy module over all of Förvalta's personal data.
 */
export const pseudonymisationRepository = {
  async candidates(db: Executor, municipalityId: string, lastDayOnOrBefore: string): Promise<PseudonymisationCandidate[]> {
    const rows = await db
      .selectFrom('people')
      .select(['id', 'version', 'login_id', 'end_date'])
      .where('municipality_id', '=', municipalityId)
      .where('employment_status', '=', 'left')
      .where('pseudonymised_at', 'is', null)
      .where('end_date', 'is not', null)
      .where('end_date', '<=', lastDayOnOrBefore)
      .orderBy('end_date')
      .orderBy('id')
      .execute();
    return rows.map((row) => ({ id: row.id, version: row.version, loginId: row.login_id, endDate: row.end_date! }));
  },

  /** The open matters of each of `personIds` (only those with any), as sets of holds. */
  async holdsOf(db: Executor, municipalityId: string, personIds: string[], today: string) {
    const holds = new Map<string, Set<PseudonymisationHold>>();
    if (personIds.length === 0) return holds;
    const wanted = new Set(personIds);
    const add = (personId: string | null | undefined, hold: PseudonymisationHold) => {
      if (!personId || !wanted.has(personId)) return;
      if (!holds.has(personId)) holds.set(personId, new Set());
      holds.get(personId)!.add(hold);
    };
    // A municipality's leavers of five years are a few hundred at most; chunks keep the IN lists short.
    for (let start = 0; start < personIds.length; start += 500) {
      const chunk = personIds.slice(start, start + 500);
      for (const source of holdSources) {
        let query = db
          .selectFrom(source.table)
          .select(sql.ref<string>(source.person).as('person_id'))
          .where('municipality_id', '=', municipalityId)
          .where(sql.ref(source.person), 'in', chunk);
        if (source.open?.endsAfter) {
          const end = sql.ref(source.open.endsAfter);
          query = query.where((eb) => eb.or([eb(end, 'is', null), eb(end, '>', today)]));
        }
        if (source.open?.column) query = query.where(sql.ref(source.open.column), '!=', source.open.closedValue);
        for (const row of await query.execute()) add(row.person_id, source.hold);
      }
    }
    // Measures live in the analyses' scenarios (JSON): the current analyses of the municipality, read once.
    for (const row of await db
      .selectFrom('risk_analyses')
      .select('scenarios_json')
      .where('municipality_id', '=', municipalityId)
      .where('superseded', '=', 0)
      .execute()) {
      for (const scenario of JSON.parse(row.scenarios_json) as StoredScenario[]) {
        add(scenario.riskOwnerPersonId, 'risk_measure');
        for (const measure of scenario.measures ?? []) if (measure.status !== 'done') add(measure.ownerPersonId, 'risk_measure');
      }
    }
    return holds;
  },

  /**
   * Replaces the person's name by the pseudonym and clears what identifies them (e-mail, employee
   * number, title, personal mailbox, login), at their version; false when they changed meanwhile.
   */
  pseudonymisePerson(db: Executor, municipalityId: string, personId: string, expectedVersion: number, now: string) {
    const { firstName, lastName } = pseudonymOf(personId);
    const email = pseudonymousAddress(personId);
    return updateAtVersion(db, 'people', { municipality_id: municipalityId, id: personId }, expectedVersion, {
      first_name: firstName,
      last_name: lastName,
      email,
      employee_number: null,
      title: null,
      has_personal_mailbox: 0,
      login_id: null,
      sort_key: swedishSortKey(`${lastName} ${firstName}`),
      search_text: searchText(firstName, lastName),
      pseudonymised_at: now,
      updated_at: now,
    });
  },

  /** The invitations sent to the person keep no address of theirs. */
  async clearInvitationAddresses(db: Executor, municipalityId: string, personId: string) {
    await db
      .updateTable('login_invitations')
      .set({ email: pseudonymousAddress(personId) })
      .where('municipality_id', '=', municipalityId)
      .where('person_id', '=', personId)
      .execute();
  },

  /**
   * A login that no person anywhere is linked to any more loses its password and its address:
   * nothing can sign in with it, and the audit log still names it by id. A login that another
   * municipality's person still uses is theirs, and is left as it is. True when it was retired.
   */
  async retireLoginIfUnused(db: Executor, loginId: string, now: string) {
    const linked = await db.selectFrom('people').select('id').where('login_id', '=', loginId).executeTakeFirst();
    if (linked) return false;
    await db
      .updateTable('logins')
      .set((eb) => ({
        email: pseudonymousAddress(loginId),
        password_hash: null,
        last_municipality_id: null,
        updated_at: now,
        version: eb('version', '+', 1),
      }))
      .where('id', '=', loginId)
      .execute();
    return true;
  },
};
