import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { expectProblem, expectStatus, send } from '../../../test/http.ts';
import { projectFactories } from '../../../test/project-factories.ts';
import { systemFactories } from '../../../test/system-factories.ts';
import { createTestContext, factories, type TestContext, type TestMunicipality, type TestUser } from '../../../test/test-app.ts';

type Caller = Pick<TestUser, 'authorization'>;

describe('software and the IT chief’s decisions API', () => {
  let context: TestContext;
  let tanum: TestMunicipality;
  let other: TestMunicipality;
  let care: string;
  let itUnit: TestUser;
  let itChief: TestUser;
  let secondChief: TestUser;
  let careHead: TestUser;
  let employee: TestUser;
  let auditor: TestUser;
  let steward: TestUser;
  let system: { id: string; version: number };

  const call = (caller: Caller, method: 'GET' | 'POST' | 'PATCH' | 'DELETE', url: string, body?: unknown, ifMatch?: number) =>
    send(context, method, url, { headers: caller.authorization, ...(body !== undefined ? { body } : {}), ...(ifMatch ? { ifMatch } : {}) });

  beforeAll(async () => {
    context = await createTestContext();
    const make = factories(context);
    tanum = await make.municipality('Tanum');
    other = await make.municipality('Strömstad');
    care = (await make.department(tanum, 'Omsorg')).id;
    itUnit = await make.user(tanum, 'it_unit');
    itChief = await make.user(tanum, 'it_chief');
    secondChief = await make.user(tanum, 'it_chief');
    careHead = await make.user(tanum, 'department_head', care);
    employee = await make.user(tanum, 'employee', care);
    auditor = await make.user(tanum, 'auditor');
    steward = await make.user(tanum, 'employee', care);
    const register = systemFactories(context);
    system = await register.system(tanum, care, { name: 'Lifecare' });
    await register.appoint(tanum, system.id, steward.personId, 'manager');
  });
  afterAll(() => context.close());

  it('answers 401 without a login', async () => {
    const id = '00000000-0000-4000-8000-000000000000';
    for (const [method, url] of [
      ['GET', '/api/v1/software'],
      ['POST', '/api/v1/software'],
      ['GET', `/api/v1/software/${id}`],
      ['GET', '/api/v1/software-decisions'],
      ['POST', `/api/v1/software-decisions/${id}/decide`],
      ['GET', '/api/v1/licences'],
      ['GET', '/api/v1/licence-position'],
      ['POST', '/api/v1/licence-consumption/import'],
    ] as const) {
      expectProblem(await send(context, method, url, method === 'GET' ? {} : { body: {} }), 401, 'unauthenticated');
    }
  });

  it('lets the IT unit and its chief keep software, validates an open-source licence against the SPDX list, and refuses others', async () => {
    const body = {
      product: 'LibreOffice',
      maker: 'The Document Foundation',
      origin: 'open_source',
      licence: 'MPL-2.0',
      systemIds: [system.id],
    };
    expectProblem(await call(careHead, 'POST', '/api/v1/software', body), 403, 'forbidden');
    expectProblem(await call(employee, 'POST', '/api/v1/software', body), 403, 'forbidden');
    expectProblem(await call(auditor, 'POST', '/api/v1/software', body), 403, 'forbidden');
    expectProblem(await call(itUnit, 'POST', '/api/v1/software', { ...body, municipalityId: other.id }), 400, 'validation_failed');
    const typo = expectProblem(await call(itUnit, 'POST', '/api/v1/software', { ...body, licence: 'GPL3' }), 400, 'validation_failed');
    expect(typo.errors?.[0]?.path).toBe('licence');
    expectProblem(await call(itUnit, 'POST', '/api/v1/software', { ...body, licence: null }), 400, 'validation_failed');
    expectStatus(await call(itUnit, 'POST', '/api/v1/software', { ...body, product: 'Dual', licence: 'GPL-3.0-or-later OR MIT' }), 201);
    const created = expectStatus(await call(itChief, 'POST', '/api/v1/software', body), 201);
    expect(created).toMatchObject({
      origin: 'open_source',
      licence: 'MPL-2.0',
      systems: [{ id: system.id, name: 'Lifecare' }],
      decision: { standing: 'none', decisionId: null },
      can: { update: true, delete: true, proposeDecision: true },
    });
    // Everyone reads the catalogue; the steward of a system using it may ask for its decision.
    expect(expectStatus(await call(employee, 'GET', `/api/v1/software/${created.id}`), 200).can).toEqual({
      update: false,
      delete: false,
      proposeDecision: false,
    });
    expect(expectStatus(await call(steward, 'GET', `/api/v1/software/${created.id}`), 200).can.proposeDecision).toBe(true);
    // Another municipality does not see it.
    expectProblem(await call(other.admin, 'GET', `/api/v1/software/${created.id}`), 404, 'not_found');
    // A stale version is refused.
    const changed = expectStatus(
      await call(itUnit, 'PATCH', `/api/v1/software/${created.id}`, { description: 'Kontorspaket' }, created.version),
      200,
    );
    expectProblem(
      await call(itUnit, 'PATCH', `/api/v1/software/${created.id}`, { description: 'x' }, created.version),
      412,
      'version_mismatch',
    );
    expect(changed.description).toBe('Kontorspaket');
    const listed = expectStatus(await call(employee, 'GET', `/api/v1/software?systemId=${system.id}&origin=open_source`), 200);
    expect(listed.items.map((item: { product: string }) => item.product)).toEqual(['Dual', 'LibreOffice']);
  });

  it('lets only the IT chief decide, never on their own proposal; allowing open source needs the three aspects with evidence', async () => {
    const software = expectStatus(
      await call(itUnit, 'POST', '/api/v1/software', {
        product: 'Nextcloud',
        origin: 'open_source',
        licence: 'AGPL-3.0-only',
        systemIds: [system.id],
      }),
      201,
    );
    const commercial = expectStatus(await call(itUnit, 'POST', '/api/v1/software', { product: 'Office 365', origin: 'commercial' }), 201);
    expectProblem(await call(itUnit, 'POST', '/api/v1/software-decisions', { softwareId: commercial.id }), 400, 'validation_failed');
    expectProblem(await call(careHead, 'POST', '/api/v1/software-decisions', { softwareId: software.id }), 403, 'forbidden');
    // The system's manager asks for the decision (a steward action).
    const proposal = expectStatus(
      await call(steward, 'POST', '/api/v1/software-decisions', {
        softwareId: software.id,
        purpose: 'Fildelning i omsorgen',
        review: { stability: { assessment: 'good', evidence: 'Stabil release-cykel sedan 2016' } },
      }),
      201,
    );
    expect(proposal).toMatchObject({
      status: 'proposed',
      proposedByName: 'Test employee',
      current: false,
      can: { update: true, decide: false },
    });
    expect(expectStatus(await call(itChief, 'GET', `/api/v1/software-decisions/${proposal.id}`), 200).can.decide).toBe(true);
    const decide = (caller: Caller, body: unknown, version: number) =>
      call(caller, 'POST', `/api/v1/software-decisions/${proposal.id}/decide`, body, version);
    // Separation of duties: the IT unit, the administrator and the proposer's peers without the role do not decide.
    expectProblem(await decide(itUnit, { decision: 'allowed' }, proposal.version), 403, 'forbidden');
    expectProblem(await decide(tanum.admin, { decision: 'allowed' }, proposal.version), 403, 'forbidden');
    expectProblem(await decide(steward, { decision: 'allowed' }, proposal.version), 403, 'forbidden');
    expectProblem(
      await call(itChief, 'POST', `/api/v1/software-decisions/${proposal.id}/decide`, { decision: 'allowed' }),
      428,
      'precondition_required',
    );
    const incomplete = expectProblem(await decide(itChief, { decision: 'allowed' }, proposal.version), 422, 'rule_violation');
    expect(incomplete.requirement).toBe('ITP-7-OPEN-SOURCE');
    expect(incomplete.errors?.map((error) => error.path)).toEqual(['review.security', 'review.futureProofing']);
    expectProblem(await decide(itChief, { decision: 'refused' }, proposal.version), 400, 'validation_failed');
    const allowed = expectStatus(
      await decide(
        itChief,
        {
          decision: 'allowed',
          validUntil: '2028-12-31',
          conditions: ['Endast internt nät'],
          review: {
            security: { assessment: 'acceptable', evidence: 'Säkerhetsgranskning 2026-10, CVE-hantering inom 7 dagar' },
            futureProofing: { assessment: 'good', evidence: 'Stor användarbas i offentlig sektor' },
          },
        },
        proposal.version,
      ),
      200,
    );
    expect(allowed).toMatchObject({
      status: 'allowed',
      current: true,
      decidedByName: 'Test it_chief',
      decidedOn: '2026-11-28',
      conditions: ['Endast internt nät'],
      review: { stability: { assessment: 'good' }, security: { assessment: 'acceptable' }, futureProofing: { assessment: 'good' } },
      can: { update: false, decide: false },
    });
    expectProblem(await decide(itChief, { decision: 'refused', reason: 'x' }, allowed.version), 409, 'conflict');
    expect(expectStatus(await call(employee, 'GET', `/api/v1/software/${software.id}`), 200).decision).toMatchObject({
      standing: 'allowed',
      decisionId: proposal.id,
      validUntil: '2028-12-31',
    });

    // An IT chief who proposed does not decide; another IT chief does.
    const own = expectStatus(
      await call(itChief, 'POST', '/api/v1/software-decisions', { softwareId: software.id, purpose: 'Ny version' }),
      201,
    );
    expect(own.can.decide).toBe(false);
    const refusal = expectProblem(
      await call(itChief, 'POST', `/api/v1/software-decisions/${own.id}/decide`, { decision: 'refused', reason: 'Nej' }, own.version),
      403,
      'forbidden',
    );
    expect(refusal.reason).toBe('software_decision_by_proposer');
    expectStatus(
      await call(
        secondChief,
        'POST',
        `/api/v1/software-decisions/${own.id}/decide`,
        { decision: 'refused', reason: 'Ingen ny version behövs' },
        own.version,
      ),
      200,
    );
    // A current allowance stands beside a newer refusal; a product with decisions is kept.
    expect(expectStatus(await call(employee, 'GET', `/api/v1/software/${software.id}`), 200).decision.standing).toBe('allowed');
    const kept = expectStatus(await call(itUnit, 'GET', `/api/v1/software/${software.id}`), 200);
    expectProblem(await call(itUnit, 'DELETE', `/api/v1/software/${software.id}`, undefined, kept.version), 409, 'conflict');
  });

  it('keeps a system with self-developed software out of production until the IT chief has decided (ITP-7-SELF-DEVELOPED)', async () => {
    const register = systemFactories(context);
    const manager = await factories(context).person(tanum, care);
    const gated = await register.system(tanum, care, { name: 'Egen bokning' });
    await register.appoint(tanum, gated.id, manager.id, 'manager');
    await projectFactories(context).approvedProject(tanum, gated.id, care, manager.id, itUnit);
    const software = expectStatus(
      await call(itUnit, 'POST', '/api/v1/software', { product: 'Bokningsappen', origin: 'self_developed', systemIds: [gated.id] }),
      201,
    );
    const toProduction = async () => {
      const current = await register.get(tanum.admin, gated.id);
      return call(tanum.admin, 'PATCH', `/api/v1/systems/${gated.id}`, { lifecycle: 'in_production' }, current.version);
    };
    const refused = expectProblem(await toProduction(), 422, 'rule_violation');
    expect(refused).toMatchObject({ requirement: 'ITP-7-SELF-DEVELOPED', reason: 'production_needs_software_decision' });
    const proposal = expectStatus(
      await call(itUnit, 'POST', '/api/v1/software-decisions', { softwareId: software.id, purpose: 'Bokning av lokaler' }),
      201,
    );
    expectProblem(await toProduction(), 422, 'rule_violation');
    expectStatus(
      await call(
        itChief,
        'POST',
        `/api/v1/software-decisions/${proposal.id}/decide`,
        { decision: 'allowed', validUntil: '2027-06-30' },
        proposal.version,
      ),
      200,
    );
    expect(expectStatus(await toProduction(), 200).lifecycle).toBe('in_production');
  });
});
