import type { Executor } from '../../platform/database.ts';
import type { SubjectAccessRow } from './subject-access.repository.ts';

/** What the extract reads of a risk analysis's scenarios (JSON). */
interface StoredScenario {
  threat?: string;
  riskOwnerPersonId?: string | null;
  measures?: Array<{ description?: string; ownerPersonId?: string | null; status?: string; dueDate?: string | null }>;
}

/**
 * The subject access extract's read model for what the person took part in beside their own
 * records (ADR 0029): projects, risks and measures they own, training they taught, change notices
 * they wrote, received or acknowledged. Scoped by the municipality and the person; nothing writes.
 */
export const subjectAccessInvolvementsRepository = {
  /**
   * The projects the person is or was involved in: as recorded at the time (created, led,
   * submitted; project_involvements) and as the project's IT contact now.
   */
  async projectInvolvements(db: Executor, municipalityId: string, personId: string): Promise<SubjectAccessRow[]> {
    const recorded = await db
      .selectFrom('project_involvements')
      .innerJoin('projects', (join) =>
        join
          .onRef('projects.id', '=', 'project_involvements.project_id')
          .onRef('projects.municipality_id', '=', 'project_involvements.municipality_id'),
      )
      .innerJoin('systems', 'systems.id', 'projects.system_id')
      .select([
        'projects.title as project',
        'projects.kind as kind',
        'systems.name as system',
        'projects.state as state',
        'project_involvements.involvement as involvement',
        'project_involvements.recorded_at as recordedAt',
      ])
      .where('project_involvements.municipality_id', '=', municipalityId)
      .where('project_involvements.person_id', '=', personId)
      .orderBy('project_involvements.recorded_at')
      .execute();
    const contact = await db
      .selectFrom('projects')
      .innerJoin('systems', 'systems.id', 'projects.system_id')
      .select([
        'projects.title as project',
        'projects.kind as kind',
        'systems.name as system',
        'projects.state as state',
        'projects.updated_at as recordedAt',
      ])
      .where('projects.municipality_id', '=', municipalityId)
      .where('projects.it_contact_person_id', '=', personId)
      .orderBy('projects.sort_key')
      .execute();
    return [...recorded, ...contact.map((row) => ({ ...row, involvement: 'it_contact' }))];
  },

  /**
   * The risks and measures the person owns in the system's risk analyses, every revision (the old
   * ones are still held). Scenarios are JSON: the analyses that name the person are narrowed by a
   * text match first and then read exactly. A confidential analysis says so (ADR 0030), so the DPO
   * tests its secrecy before the extract is handed out.
   */
  async riskOwnerships(db: Executor, municipalityId: string, personId: string): Promise<SubjectAccessRow[]> {
    const analyses = await db
      .selectFrom('risk_analyses')
      .innerJoin('systems', (join) =>
        join.onRef('systems.id', '=', 'risk_analyses.system_id').onRef('systems.municipality_id', '=', 'risk_analyses.municipality_id'),
      )
      .select([
        'systems.name as system',
        'risk_analyses.revision',
        'risk_analyses.analysed_on',
        'risk_analyses.superseded',
        'risk_analyses.scenarios_json',
        'risk_analyses.confidential_osl_paragraph',
      ])
      .where('risk_analyses.municipality_id', '=', municipalityId)
      .where('risk_analyses.scenarios_json', 'like', `%"${personId}"%`)
      .orderBy('risk_analyses.analysed_on')
      .orderBy('risk_analyses.revision')
      .execute();
    return analyses.flatMap((analysis) => {
      const common = {
        system: analysis.system,
        revision: analysis.revision,
        analysedOn: analysis.analysed_on,
        current: analysis.superseded === 1 ? 'superseded' : 'current',
        confidential: analysis.confidential_osl_paragraph,
      };
      return (JSON.parse(analysis.scenarios_json) as StoredScenario[]).flatMap((scenario) => [
        ...(scenario.riskOwnerPersonId === personId
          ? [{ ...common, role: 'risk_owner', threat: scenario.threat ?? null, measure: null, status: null, dueDate: null }]
          : []),
        ...(scenario.measures ?? [])
          .filter((measure) => measure.ownerPersonId === personId)
          .map((measure) => ({
            ...common,
            role: 'measure_owner',
            threat: scenario.threat ?? null,
            measure: measure.description ?? null,
            status: measure.status ?? null,
            dueDate: measure.dueDate ?? null,
          })),
      ]);
    });
  },

  /** The training sessions the person taught (their trainer). */
  async trainingSessionsTaught(db: Executor, municipalityId: string, personId: string): Promise<SubjectAccessRow[]> {
    return db
      .selectFrom('training_sessions')
      .innerJoin('training_courses', 'training_courses.id', 'training_sessions.course_id')
      .select([
        'training_courses.title as course',
        'training_sessions.starts_at as startsAt',
        'training_sessions.ends_at as endsAt',
        'training_sessions.place as place',
        'training_sessions.registered_count as registered',
      ])
      .where('training_sessions.municipality_id', '=', municipalityId)
      .where('training_sessions.trainer_person_id', '=', personId)
      .orderBy('training_sessions.starts_at')
      .execute();
  },

  /**
   * The change notices the person wrote (the audit log says whose login created a notice: the
   * notice keeps only the author's name as written then), received (its recipients) or acknowledged.
   */
  async changeNotices(db: Executor, municipalityId: string, personId: string, loginId: string | null): Promise<SubjectAccessRow[]> {
    const written = loginId
      ? await db
          .selectFrom('audit_events')
          .select('entity_id')
          .where('municipality_id', '=', municipalityId)
          .where('actor_login_id', '=', loginId)
          .where('entity_type', '=', 'change_notice')
          .where('action', '=', 'create')
          .execute()
      : [];
    const authored = new Set(written.map((row) => row.entity_id).filter((id): id is string => id !== null));
    let query = db
      .selectFrom('change_notices')
      .select([
        'id',
        'title',
        'kind',
        'status',
        'planned_on',
        'recipients_json',
        'acknowledged_by_person_id',
        'created_at',
        'acknowledged_at',
      ])
      .where('municipality_id', '=', municipalityId);
    query = query.where((where) =>
      where.or([
        where('recipients_json', 'like', `%"${personId}"%`),
        where('acknowledged_by_person_id', '=', personId),
        ...(authored.size > 0 ? [where('id', 'in', [...authored])] : []),
      ]),
    );
    const notices = await query.orderBy('created_at').execute();
    return notices.flatMap((notice) => {
      const roles = [
        ...(authored.has(notice.id) ? ['author'] : []),
        ...((JSON.parse(notice.recipients_json) as string[]).includes(personId) ? ['recipient'] : []),
        ...(notice.acknowledged_by_person_id === personId ? ['acknowledged'] : []),
      ];
      return roles.map((role) => ({
        title: notice.title,
        kind: notice.kind,
        status: notice.status,
        plannedOn: notice.planned_on,
        role,
        createdAt: notice.created_at,
        acknowledgedAt: notice.acknowledged_at,
      }));
    });
  },
};
