import { randomUUID } from 'node:crypto';
import type { ExpectedVersion } from '../../platform/http/versioning.ts';
import type { Municipality, MunicipalityUpdate } from '@forvalta/contracts';
import type { AnyActor, SystemActor } from '../../access/actor.ts';
import { requireSystemActor, useCase } from '../../access/use-case.ts';
import { recordAudit } from '../../platform/audit.ts';
import type { Clock } from '../../platform/clock.ts';
import { withTransaction, type DatabaseHandle, type TransactionHandle } from '../../platform/database.ts';
import { conflict, notFound } from '../../platform/errors.ts';
import { generatePassword, hashPassword } from '../../platform/passwords.ts';
import { versionedWrites } from '../../platform/versioned-write.ts';
import { peopleRepository } from './people.repository.ts';
import { municipalitiesRepository } from './municipalities.repository.ts';
import { roleAssignmentsRepository } from './role-assignments.repository.ts';

export interface InitialiseInput {
  code: string;
  name: string;
  adminEmail: string;
  /** When omitted and the login is new, a password is generated and returned once. */
  adminPassword?: string;
  adminFirstName?: string;
  adminLastName?: string;
  /**
   * A code that is already registered is refused unless the operator says they mean to add an
   * administrator to it (`forvalta init --add-administrator`): a typo in the code must not hand
   * someone else's municipality to a new administrator.
   */
  addAdministrator?: boolean;
}

export interface InitialiseResult {
  municipality: Municipality;
  loginId: string;
  personId: string;
  generatedPassword?: string;
  /** Whether the municipality existed before; then `existingAdministrators` names who administered it. */
  existed: boolean;
  existingAdministrators: string[];
}

/** "anna.berg@tanum.se" → ["Anna", "Berg"]: a starting name until an administrator edits it. */
function namesFromEmail(email: string): [string, string] {
  const parts = email
    .split('@')[0]!
    .split(/[._-]+/)
    .filter(Boolean);
  const capitalise = (part: string) => part.charAt(0).toLocaleUpperCase('sv') + part.slice(1);
  return [capitalise(parts[0] ?? 'Administratör'), capitalise(parts.slice(1).join(' ') || 'Administratör')];
}

/**
 * What a new municipality gets from modules built on the organisation (the compliance module's
 * default policy pack, the documents module's security guidelines): they depend on organisation,
 * so it declares this port and the composition (services.ts) passes them in.
 */
export interface MunicipalityStarters {
  /** In the creating transaction, once per new municipality; what it writes is audited as `actor`'s. */
  municipalityCreated(transaction: TransactionHandle, actor: AnyActor, municipalityId: string, now: string): Promise<void>;
}

/**
 * Municipalities (tenants), identified by their official code (kommunkod). Creating one is an
 * installation-level act done only from the command line (`forvalta init`, ADR 0009): no role of
 * any municipality reaches it over HTTP.
 */
export function createMunicipalitiesService(db: DatabaseHandle, clock: Clock, starters: MunicipalityStarters) {
  const versioned = versionedWrites(db, clock);
  /**
   * Creates the municipality (or finds it by code), the login (or finds it by e-mail), the person
   * and the administrator role: all in the caller's transaction, with audit events.
   */
  async function ensureMunicipalityWithAdministrator(
    transaction: TransactionHandle,
    actor: AnyActor,
    input: InitialiseInput,
  ): Promise<InitialiseResult> {
    const now = clock.now().toISOString();
    let municipality = await municipalitiesRepository.findByCode(transaction, input.code);
    const existed = municipality !== undefined;
    const existingAdministrators = municipality ? await municipalitiesRepository.listAdministratorEmails(transaction, municipality.id) : [];
    if (municipality && !input.addAdministrator) {
      throw conflict(
        `A municipality with code ${input.code} already exists (${municipality.name}; administrators: ${existingAdministrators.join(', ') || 'none'}). ` +
          'Check the code, or pass --add-administrator to add another administrator to it.',
        'municipality_code_taken',
        [{ path: 'code', message: 'Already registered' }],
      );
    }
    if (!municipality) {
      const id = randomUUID();
      await municipalitiesRepository.insert(transaction, { id, code: input.code, name: input.name }, now);
      municipality = (await municipalitiesRepository.findById(transaction, id))!;
      await recordAudit(transaction, actor, clock, {
        action: 'create',
        entityType: 'municipality',
        entityId: id,
        after: municipality,
        municipalityId: id,
      });
      // Every new municipality starts with the default policy pack (Tanum's IT policy) and documents.
      await starters.municipalityCreated(transaction, actor, id, now);
    }

    let generatedPassword: string | undefined;
    let loginId = await peopleRepository.findLoginIdByEmail(transaction, input.adminEmail);
    if (!loginId) {
      loginId = randomUUID();
      if (!input.adminPassword) generatedPassword = generatePassword();
      const password = input.adminPassword ?? generatedPassword!;
      await municipalitiesRepository.insertLogin(
        transaction,
        { id: loginId, email: input.adminEmail, passwordHash: await hashPassword(password) },
        now,
      );
      await recordAudit(transaction, actor, clock, {
        action: 'create',
        entityType: 'login',
        entityId: loginId,
        after: { email: input.adminEmail },
        municipalityId: municipality.id,
      });
    } else if (input.adminPassword) {
      await municipalitiesRepository.setPassword(transaction, loginId, await hashPassword(input.adminPassword), now);
      await recordAudit(transaction, actor, clock, {
        action: 'set_password',
        entityType: 'login',
        entityId: loginId,
        municipalityId: municipality.id,
      });
    }

    let personId = await peopleRepository.findIdByEmail(transaction, municipality.id, input.adminEmail);
    if (!personId) {
      personId = randomUUID();
      const [firstName, lastName] =
        input.adminFirstName && input.adminLastName ? [input.adminFirstName, input.adminLastName] : namesFromEmail(input.adminEmail);
      const values = {
        firstName,
        lastName,
        email: input.adminEmail,
        departmentId: null,
        title: null,
        employmentStatus: 'active' as const,
        startDate: null,
        endDate: null,
        loginId,
      };
      await peopleRepository.insert(transaction, municipality.id, personId, values, now);
      await recordAudit(transaction, actor, clock, {
        action: 'create',
        entityType: 'person',
        entityId: personId,
        after: values,
        municipalityId: municipality.id,
      });
    } else {
      // The operator names this person as the login's owner here, and only here: people with the
      // same address in other municipalities stay unlinked until they accept an invitation there.
      const existing = await peopleRepository.findById(transaction, municipality.id, personId);
      if (existing?.loginId && existing.loginId !== loginId) throw conflict('That person already has another login.', 'already_has_login');
      if (!existing?.loginId) {
        await municipalitiesRepository.linkPersonToLogin(transaction, municipality.id, personId, loginId, now);
        await recordAudit(transaction, actor, clock, {
          action: 'update',
          entityType: 'person',
          entityId: personId,
          before: { loginId: null },
          after: { loginId },
          municipalityId: municipality.id,
        });
      }
    }

    if (!(await roleAssignmentsRepository.exists(transaction, municipality.id, personId, 'administrator', null))) {
      const assignmentId = randomUUID();
      await roleAssignmentsRepository.insert(
        transaction,
        municipality.id,
        { id: assignmentId, personId, role: 'administrator', departmentId: null },
        now,
      );
      await recordAudit(transaction, actor, clock, {
        action: 'create',
        entityType: 'role_assignment',
        entityId: assignmentId,
        after: { personId, role: 'administrator' },
        municipalityId: municipality.id,
      });
    }
    return { municipality, loginId, personId, generatedPassword, existed, existingAdministrators };
  }

  return {
    /** `forvalta init`: a municipality and its first administrator, or the role for an existing login. */
    initialiseMunicipality(actor: SystemActor, input: InitialiseInput) {
      requireSystemActor(actor);
      return withTransaction(db, (transaction) => ensureMunicipalityWithAdministrator(transaction, actor, input));
    },

    listMunicipalities: useCase('municipality.read', async ({ actor, authorise }) => {
      authorise();
      const items =
        actor.kind === 'person'
          ? await municipalitiesRepository.listForLogin(db, actor.loginId)
          : await municipalitiesRepository.listAll(db);
      return { items, total: items.length, nextCursor: null };
    }),

    getMunicipality: useCase('municipality.read', async ({ actor, authorise }, id: string): Promise<Municipality> => {
      authorise();
      const visible =
        actor.kind === 'person'
          ? await municipalitiesRepository.listForLogin(db, actor.loginId)
          : await municipalitiesRepository.listAll(db);
      const municipality = visible.find((candidate) => candidate.id === id);
      if (!municipality) throw notFound('Municipality');
      return municipality;
    }),

    updateMunicipality: useCase(
      'municipality.update',
      async ({ actor, authorise }, id: string, expectedVersion: ExpectedVersion, input: MunicipalityUpdate): Promise<Municipality> => {
        // Only the municipality one works in can be changed, by its administrators.
        if (actor.municipalityId !== id) throw notFound('Municipality');
        return versioned.update(actor, {
          entity: 'Municipality',
          expectedVersion,
          load: (transaction) => municipalitiesRepository.findById(transaction, id),
          authorise: () => authorise(),
          apply: (transaction, _before, version) =>
            municipalitiesRepository.updateName(transaction, id, version, input.name, clock.now().toISOString()),
          audit: (before, after) => ({ action: 'update', entityType: 'municipality', entityId: id, before, after }),
        });
      },
    ),
  };
}

export type MunicipalitiesService = ReturnType<typeof createMunicipalitiesService>;
