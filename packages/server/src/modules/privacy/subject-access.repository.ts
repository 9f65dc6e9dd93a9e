import type { Executor } from '../../platform/database.ts';

/** One cell of the extract: text, a number, or nothing. */
export type SubjectAccessCell = string | number | null;
export type SubjectAccessRow = Record<string, SubjectAccessCell>;

/**
 * The subject access extract's read model (GDPR art. 15): what Förvalta holds about one person, read
 * across the modules' tables as compliance's snapshot readers read the register (ADR 0013), because
 * the extract is the privacy module's duty and no single module holds all of it. Every query is
 * scoped by the municipality and the person; nothing here writes. Secrets are never selected: no
 * password hash, token hash or second-factor secret leaves the database this way.
 */
export const subjectAccessRepository = {
  async person(db: Executor, municipalityId: string, personId: string) {
    return db
      .selectFrom('people')
      .leftJoin('departments', (join) =>
        join.onRef('departments.id', '=', 'people.department_id').onRef('departments.municipality_id', '=', 'people.municipality_id'),
      )
      .select([
        'people.id',
        'people.login_id',
        'people.first_name',
        'people.last_name',
        'people.email',
        'people.employee_number',
        'people.title',
        'departments.name as department',
        'people.employment_status',
        'people.start_date',
        'people.end_date',
        'people.has_personal_mailbox',
        'people.created_at',
        'people.updated_at',
      ])
      .where('people.municipality_id', '=', municipalityId)
      .where('people.id', '=', personId)
      .executeTakeFirst();
  },

  /** The person's login (its address and language only) and the invitations sent to them. */
  async logins(db: Executor, municipalityId: string, personId: string, loginId: string | null): Promise<SubjectAccessRow[]> {
    const login = loginId
      ? await db.selectFrom('logins').select(['email', 'locale', 'created_at']).where('id', '=', loginId).executeTakeFirst()
      : undefined;
    const invitations = await db
      .selectFrom('login_invitations')
      .select(['email', 'created_at', 'expires_at', 'accepted_at', 'revoked_at'])
      .where('municipality_id', '=', municipalityId)
      .where('person_id', '=', personId)
      .orderBy('created_at')
      .execute();
    return [
      ...(login ? [{ kind: 'login', email: login.email, locale: login.locale, createdAt: login.created_at, closedAt: null }] : []),
      ...invitations.map((invitation) => ({
        kind: 'invitation',
        email: invitation.email,
        locale: null,
        createdAt: invitation.created_at,
        closedAt: invitation.accepted_at ?? invitation.revoked_at ?? invitation.expires_at,
      })),
    ];
  },

  async roleAssignments(db: Executor, municipalityId: string, personId: string): Promise<SubjectAccessRow[]> {
    return db
      .selectFrom('role_assignments')
      .leftJoin('departments', 'departments.id', 'role_assignments.department_id')
      .select(['role_assignments.role as role', 'departments.name as department', 'role_assignments.created_at as createdAt'])
      .where('role_assignments.municipality_id', '=', municipalityId)
      .where('role_assignments.person_id', '=', personId)
      .orderBy('role_assignments.created_at')
      .execute();
  },

  async acknowledgements(db: Executor, municipalityId: string, personId: string): Promise<SubjectAccessRow[]> {
    return db
      .selectFrom('acknowledgements')
      .innerJoin('policy_documents', 'policy_documents.id', 'acknowledgements.document_id')
      .innerJoin('policy_document_versions', 'policy_document_versions.id', 'acknowledgements.version_id')
      .select([
        'policy_documents.title as document',
        'policy_document_versions.number as documentVersion',
        'acknowledgements.state as state',
        'acknowledgements.requested_at as requestedAt',
        'acknowledgements.due_date as dueDate',
        'acknowledgements.acknowledged_at as acknowledgedAt',
        'acknowledgements.method as method',
        'acknowledgements.recorded_by_name as recordedBy',
      ])
      .where('acknowledgements.municipality_id', '=', municipalityId)
      .where('acknowledgements.person_id', '=', personId)
      .orderBy('acknowledgements.requested_at')
      .execute();
  },

  async trainingAttendances(db: Executor, municipalityId: string, personId: string): Promise<SubjectAccessRow[]> {
    return db
      .selectFrom('training_attendances')
      .innerJoin('training_courses', 'training_courses.id', 'training_attendances.course_id')
      .select([
        'training_courses.title as course',
        'training_attendances.topic as topic',
        'training_attendances.session_date as sessionDate',
        'training_attendances.status as status',
        'training_attendances.recorded_at as recordedAt',
        'training_attendances.recorded_by_name as recordedBy',
      ])
      .where('training_attendances.municipality_id', '=', municipalityId)
      .where('training_attendances.person_id', '=', personId)
      .orderBy('training_attendances.session_date')
      .execute();
  },

  async accessRights(db: Executor, municipalityId: string, personId: string): Promise<SubjectAccessRow[]> {
    return db
      .selectFrom('access_rights')
      .innerJoin('systems', 'systems.id', 'access_rights.system_id')
      .innerJoin('access_levels', 'access_levels.id', 'access_rights.level_id')
      .select([
        'systems.name as system',
        'access_levels.name as level',
        'access_rights.state as state',
        'access_rights.start_date as startDate',
        'access_rights.end_date as endDate',
        'access_rights.reason as reason',
        'access_rights.granted_at as grantedAt',
        'access_rights.granted_by_name as grantedBy',
        'access_rights.ended_at as endedAt',
        'access_rights.end_reason as endReason',
      ])
      .where('access_rights.municipality_id', '=', municipalityId)
      .where('access_rights.person_id', '=', personId)
      .orderBy('access_rights.granted_at')
      .execute();
  },

  /** The systems the person answers for (manager, deputy, …), past and present. */
  async systemResponsibilities(db: Executor, municipalityId: string, personId: string): Promise<SubjectAccessRow[]> {
    return db
      .selectFrom('system_assignments')
      .innerJoin('systems', 'systems.id', 'system_assignments.system_id')
      .select([
        'systems.name as system',
        'system_assignments.role as role',
        'system_assignments.start_date as startDate',
        'system_assignments.end_date as endDate',
        'system_assignments.allotted_hours_per_week as hoursPerWeek',
      ])
      .where('system_assignments.municipality_id', '=', municipalityId)
      .where('system_assignments.person_id', '=', personId)
      .orderBy('system_assignments.start_date')
      .execute();
  },

  /** Functional mailboxes the person is responsible for or a deputy of. */
  async mailboxes(db: Executor, municipalityId: string, personId: string): Promise<SubjectAccessRow[]> {
    const responsible = await db
      .selectFrom('mailboxes')
      .select(['address', 'purpose'])
      .where('municipality_id', '=', municipalityId)
      .where('responsible_person_id', '=', personId)
      .orderBy('address')
      .execute();
    const deputy = await db
      .selectFrom('mailbox_deputies')
      .innerJoin('mailboxes', 'mailboxes.id', 'mailbox_deputies.mailbox_id')
      .select(['mailboxes.address as address', 'mailboxes.purpose as purpose'])
      .where('mailbox_deputies.municipality_id', '=', municipalityId)
      .where('mailbox_deputies.person_id', '=', personId)
      .orderBy('mailboxes.address')
      .execute();
    return [
      ...responsible.map((mailbox) => ({ ...mailbox, role: 'responsible' })),
      ...deputy.map((mailbox) => ({ ...mailbox, role: 'deputy' })),
    ];
  },

  /** Equipment registered to the person. */
  async assets(db: Executor, municipalityId: string, personId: string): Promise<SubjectAccessRow[]> {
    return db
      .selectFrom('assets')
      .select(['kind', 'serial', 'inventory_number as inventoryNumber', 'lifecycle', 'location'])
      .where('municipality_id', '=', municipalityId)
      .where('person_id', '=', personId)
      .orderBy('sort_key')
      .execute();
  },

  /**
   * The municipality's audit events the person took (as the actor, by their login) or that are
   * about them (their person record or their login: entity types person and login), oldest first. An event they took keeps only
   * what happened to which record: its before and after are other people's data as often as not
   * (art. 15(4)); an event about them carries its content.
   */
  async auditEvents(db: Executor, municipalityId: string, personId: string, loginId: string | null): Promise<SubjectAccessRow[]> {
    const subjects = loginId ? [personId, loginId] : [personId];
    // Three queries, each on one of the log's indexes (municipality, entity type, id; municipality,
    // actor), merged here: an OR of them let the planner scan the municipality's whole log.
    const columns = [
      'id',
      'sequence',
      'occurred_at',
      'actor_login_id',
      'actor_name',
      'action',
      'entity_type',
      'entity_id',
      'before_json',
      'after_json',
    ] as const;
    const about = (entityType: string, entityId: string) =>
      db
        .selectFrom('audit_events')
        .select(columns)
        .where('municipality_id', '=', municipalityId)
        .where('entity_type', '=', entityType)
        .where('entity_id', '=', entityId)
        .execute();
    const found = [
      ...(await about('person', personId)),
      ...(loginId ? await about('login', loginId) : []),
      ...(loginId
        ? await db
            .selectFrom('audit_events')
            .select(columns)
            .where('municipality_id', '=', municipalityId)
            .where('actor_login_id', '=', loginId)
            .execute()
        : []),
    ];
    const rows = [...new Map(found.map((row) => [row.id, row])).values()].sort(
      (left, right) => Number(left.sequence) - Number(right.sequence),
    );
    return rows.map((row) => {
      const aboutThem = row.entity_id !== null && subjects.includes(row.entity_id);
      return {
        occurredAt: row.occurred_at,
        role: aboutThem ? 'subject' : 'actor',
        actor: row.actor_name,
        action: row.action,
        entityType: row.entity_type,
        entityId: row.entity_id,
        before: aboutThem ? row.before_json : null,
        after: aboutThem ? row.after_json : null,
      };
    });
  },
};
