import type { ProjectActionName, ProjectCan, ProjectState } from '@forvalta/contracts';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { expectWriteAsCanSays } from '../../../test/abilities.ts';
import { expectStatus, send } from '../../../test/http.ts';
import { projectFactories } from '../../../test/project-factories.ts';
import { systemFactories } from '../../../test/system-factories.ts';
import { createTestContext, factories, type TestContext, type TestMunicipality, type TestUser } from '../../../test/test-app.ts';

const changes: ProjectActionName[] = ['update', 'addCheckpoint', 'start', 'submit', 'reopen', 'close'];
const decisions: ProjectActionName[] = ['approve', 'reject'];

/** What each state allows, whoever asks (projects.workflow.ts, and changes only while it is prepared). */
const stateAllows: Record<Exclude<ProjectState, 'closed'>, ProjectActionName[]> = {
  draft: ['update', 'addCheckpoint', 'start'],
  in_preparation: ['update', 'addCheckpoint', 'submit'],
  submitted: ['addCheckpoint', 'approve', 'reject'],
  rejected: ['addCheckpoint', 'reopen', 'close'],
  approved: ['addCheckpoint', 'close'],
};

/** The flags a caller who may take `allowed` should see on a project in `state`. */
function expectedCan(allowed: readonly ProjectActionName[], state: keyof typeof stateAllows): ProjectCan {
  const can = {} as ProjectCan;
  for (const action of [...changes, ...decisions]) can[action] = allowed.includes(action) && stateAllows[state].includes(action);
  return can;
}

/**
 * A project's `can` says what its writes then allow, for every kind of caller and in every state
 * where an action is possible: the flag of each action is tried by its write (2xx when true, 403
 * when false), the department head of another department and an IT unit member who leads the
 * project (separation of duties, ITP-4.2.1-APPROVAL) included.
 */
describe('a project’s can is what its writes allow', () => {
  let context: TestContext;
  let tanum: TestMunicipality;
  let care: string;
  let systemId: string;
  let projects: ReturnType<typeof projectFactories>;
  let approver: TestUser;
  const callers: Record<string, { user: TestUser; allowed: ProjectActionName[]; leads?: boolean }> = {};

  beforeAll(async () => {
    context = await createTestContext();
    const make = factories(context);
    projects = projectFactories(context);
    tanum = await make.municipality('Tanum');
    care = (await make.department(tanum, 'Omsorg')).id;
    const school = (await make.department(tanum, 'Barn- och utbildning')).id;
    systemId = (await systemFactories(context).system(tanum, care, { name: 'Treserva' })).id;
    approver = await make.user(tanum, 'it_chief');
    callers.administrator = { user: tanum.admin, allowed: changes };
    callers.itUnit = { user: await make.user(tanum, 'it_unit'), allowed: [...changes, ...decisions] };
    callers.itChief = { user: await make.user(tanum, 'it_chief'), allowed: decisions };
    callers.headOfCare = { user: await make.user(tanum, 'department_head', care), allowed: changes };
    callers.headOfSchool = { user: await make.user(tanum, 'department_head', school), allowed: [] };
    callers.projectLead = { user: await make.user(tanum, 'employee'), allowed: changes, leads: true };
    // Holds project.approve, but leads the project: the decisions are not theirs (403).
    callers.itUnitLead = { user: await make.user(tanum, 'it_unit'), allowed: changes, leads: true };
    callers.employee = { user: await make.user(tanum, 'employee'), allowed: [] };
  });
  afterAll(() => context.close());

  const action = (user: TestUser, id: string, name: string, version: number, body?: unknown) =>
    send(context, 'POST', `/api/v1/projects/${id}/${name}`, { headers: user.authorization, ifMatch: version, body });

  async function submitted(lead: string) {
    const ready = await projects.readyProject(tanum, systemId, care, lead);
    return expectStatus(await action(tanum.admin, ready.id, 'submit', ready.version), 200);
  }

  for (const name of ['administrator', 'itUnit', 'itChief', 'headOfCare', 'headOfSchool', 'projectLead', 'itUnitLead', 'employee']) {
    it(`holds for the ${name}`, async () => {
      const { user, allowed, leads } = callers[name]!;
      const lead = leads ? user.personId : callers.projectLead!.user.personId;
      const headers = user.authorization;
      const canOf = async (id: string, state: keyof typeof stateAllows) => {
        const project = expectStatus(await send(context, 'GET', `/api/v1/projects/${id}`, { headers }), 200);
        expect(project.state).toBe(state);
        expect(project.can, `${name} on a ${state} project`).toEqual(expectedCan(allowed, state));
        return project as { id: string; version: number; can: ProjectCan };
      };

      const draft = await canOf((await projects.project(tanum, systemId, care, { projectLeadPersonId: lead })).id, 'draft');
      // The list judges each row by the same code, the decisions with one query of involvements per page.
      const list = expectStatus(await send(context, 'GET', `/api/v1/projects?systemId=${systemId}&limit=200`, { headers }), 200);
      expect(list.items.find((row: { id: string }) => row.id === draft.id).can).toEqual(draft.can);
      expectWriteAsCanSays(
        draft.can.addCheckpoint,
        await send(context, 'POST', `/api/v1/projects/${draft.id}/checkpoints`, {
          headers,
          body: { heldOn: '2026-11-20', participants: ['IT-enheten'] },
        }),
        `${name} addCheckpoint`,
      );
      expectWriteAsCanSays(
        draft.can.update,
        await send(context, 'PATCH', `/api/v1/projects/${draft.id}`, { headers, ifMatch: draft.version, body: { title: 'Nytt namn' } }),
        `${name} update`,
      );
      const started = await canOf(draft.id, 'draft');
      expectWriteAsCanSays(started.can.start, await action(user, draft.id, 'start', started.version), `${name} start`);

      const ready = await canOf((await projects.readyProject(tanum, systemId, care, lead)).id, 'in_preparation');
      expectWriteAsCanSays(ready.can.submit, await action(user, ready.id, 'submit', ready.version), `${name} submit`);

      const toApprove = await canOf((await submitted(lead)).id, 'submitted');
      const listed = expectStatus(await send(context, 'GET', `/api/v1/projects?state=submitted&limit=200`, { headers }), 200);
      expect(listed.items.find((row: { id: string }) => row.id === toApprove.id).can).toEqual(toApprove.can);
      expectWriteAsCanSays(
        toApprove.can.approve,
        await action(user, toApprove.id, 'approve', toApprove.version, { scope: 'Hela verksamheten', caseReference: 'KS 2026/1' }),
        `${name} approve`,
      );
      const toReject = await canOf((await submitted(lead)).id, 'submitted');
      expectWriteAsCanSays(
        toReject.can.reject,
        await action(user, toReject.id, 'reject', toReject.version, { reason: 'Saknar avtal' }),
        `${name} reject`,
      );

      const rejectedProject = await submitted(lead);
      const rejected = expectStatus(
        await action(approver, rejectedProject.id, 'reject', rejectedProject.version, { reason: 'Omtag' }),
        200,
      );
      const toReopen = await canOf(rejected.id, 'rejected');
      expectWriteAsCanSays(toReopen.can.reopen, await action(user, toReopen.id, 'reopen', toReopen.version), `${name} reopen`);

      const approved = await projects.approvedProject(tanum, systemId, care, lead, approver);
      const toClose = await canOf(approved.id, 'approved');
      expectWriteAsCanSays(toClose.can.close, await action(user, toClose.id, 'close', toClose.version), `${name} close`);
    });
  }

  it('answers a write with the caller’s can for the new state', async () => {
    const careHead = callers.headOfCare!.user;
    const created = await projects.project(tanum, systemId, care, {}, careHead.authorization);
    expect(created.can).toEqual(expectedCan(changes, 'draft'));
    const started = expectStatus(await action(careHead, created.id, 'start', created.version), 200);
    expect(started.can).toEqual(expectedCan(changes, 'in_preparation'));
  });
});
