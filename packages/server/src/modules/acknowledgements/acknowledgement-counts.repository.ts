import { inParallel, type Executor } from '../../platform/database.ts';
import type { AudienceTally } from './acknowledgement-coverage.repository.ts';
import type { Audience } from './acknowledgement-queries.ts';

/**
 * The coverage tallies read from the counts the database keeps (migration 095, ADR 0022) instead
 * of recounting every employee: a handful of rows per version and department, whatever the
 * number of people. The counts cover the people marked active; those marked active who are not
 * active today (not started, or past an end date the leavers job has not reached yet) are few and
 * found by index, and are taken off. The result equals `tallyAudience`'s recount (tests on both
 * databases).
 */
export const acknowledgementCountsRepository = {
  async tallyAudience(
    executor: Executor,
    municipalityId: string,
    versionId: string | null,
    audience: Audience,
    today: string,
  ): Promise<AudienceTally[]> {
    const [headcounts, counts, notStarted, ended] = await inParallel(
      executor,
      () =>
        executor
          .selectFrom('active_people_counts')
          .select(['department_id', 'total'])
          .where('municipality_id', '=', municipalityId)
          .execute(),
      () =>
        versionId === null
          ? Promise.resolve([])
          : executor
              .selectFrom('acknowledgement_counts')
              .select(['department_id', 'state', 'due_date', 'total'])
              .where('municipality_id', '=', municipalityId)
              .where('version_id', '=', versionId)
              .where('state', 'in', ['acknowledged', 'requested'])
              .where('total', '<>', 0)
              .execute(),
      () =>
        executor
          .selectFrom('people')
          .select(['id', 'department_id'])
          .where('municipality_id', '=', municipalityId)
          .where('employment_status', '=', 'active')
          .where('start_date', '>', today)
          .execute(),
      () =>
        executor
          .selectFrom('people')
          .select(['id', 'department_id'])
          .where('municipality_id', '=', municipalityId)
          .where('employment_status', '=', 'active')
          .where('end_date', '<=', today)
          .execute(),
    );
    const inAudience = audience === null ? () => true : (departmentId: string) => departmentId !== '' && audience.includes(departmentId);
    const tallies = new Map<string, AudienceTally>();
    const tallyOf = (departmentId: string) => {
      let tally = tallies.get(departmentId);
      if (!tally) {
        tally = { departmentId: departmentId === '' ? null : departmentId, activeEmployees: 0, acknowledged: 0, requested: 0, overdue: 0 };
        tallies.set(departmentId, tally);
      }
      return tally;
    };
    const add = (departmentId: string, state: string, dueDate: string, total: number) => {
      const tally = tallyOf(departmentId);
      if (state === 'acknowledged') tally.acknowledged += total;
      else if (state === 'requested') {
        tally.requested += total;
        if (dueDate < today) tally.overdue += total;
      }
    };
    for (const row of headcounts) if (inAudience(row.department_id)) tallyOf(row.department_id).activeEmployees += Number(row.total);
    for (const row of counts) if (inAudience(row.department_id)) add(row.department_id, row.state, row.due_date, Number(row.total));
    // Not active today though marked active: off the headcount and off their requests' counts.
    const inactive = new Map([...notStarted, ...ended].map((person) => [person.id, person.department_id ?? '']));
    const outside = [...inactive].filter(([, departmentId]) => inAudience(departmentId));
    for (const [, departmentId] of outside) tallyOf(departmentId).activeEmployees -= 1;
    if (versionId !== null && outside.length > 0) {
      const ids = outside.map(([id]) => id);
      for (let start = 0; start < ids.length; start += 500) {
        const requests = await executor
          .selectFrom('acknowledgements')
          .select(['person_id', 'state', 'due_date'])
          .where('municipality_id', '=', municipalityId)
          .where('version_id', '=', versionId)
          .where('person_id', 'in', ids.slice(start, start + 500))
          .execute();
        for (const request of requests) add(inactive.get(request.person_id)!, request.state, request.due_date, -1);
      }
    }
    return [...tallies.values()].filter((tally) => tally.activeEmployees > 0);
  },
};
