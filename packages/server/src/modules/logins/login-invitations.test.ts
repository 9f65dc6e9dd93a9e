import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { systemActor } from '../../access/actor.ts';
import { createTestContext, factories, testPassword, type TestContext, type TestMunicipality } from '../../../test/test-app.ts';
import { expectProblem, expectStatus, loginWithSession, send } from '../../../test/http.ts';

const newPassword = 'ett-eget-lösenord-2026';

describe('giving people logins by invitation, and logins that do not follow e-mail', () => {
  let context: TestContext;
  let tanum: TestMunicipality;
  let make: ReturnType<typeof factories>;

  beforeAll(async () => {
    context = await createTestContext();
    make = factories(context);
    tanum = await make.municipality('Tanum');
  });
  afterAll(() => context.close());

  const invite = (municipality: TestMunicipality, personId: string) =>
    send(context, 'POST', `/api/v1/people/${personId}/login`, { headers: municipality.admin.authorization });
  const accept = (token: string, password: string) => send(context, 'POST', '/api/v1/invitations/accept', { body: { token, password } });
  const actions = async (municipality: TestMunicipality, entityId: string) =>
    expectStatus(
      await send(context, 'GET', `/api/v1/audit-events?entityId=${entityId}`, { headers: municipality.admin.authorization }),
      200,
    ).items.map((event: { action: string }) => event.action);

  it('does not let a tenant pull another municipality’s login into itself, learn that it exists, or watch it sign in', async () => {
    const victim = await make.user(tanum, 'it_unit');
    // The attacker's municipality sorts first by name, so "the first membership" would be theirs.
    const attacker = await make.municipality('Aaaa');
    const created = expectStatus(
      await send(context, 'POST', '/api/v1/people', {
        headers: attacker.admin.authorization,
        body: { firstName: 'Offer', lastName: 'Exempel', email: victim.email },
      }),
      201,
    );
    expect(created.hasLogin).toBe(false);
    const listed = expectStatus(await send(context, 'GET', `/api/v1/people?q=Exempel`, { headers: attacker.admin.authorization }), 200);
    expect(listed.items[0]).toMatchObject({ id: created.id, hasLogin: false });
    expect(
      expectStatus(await send(context, 'GET', `/api/v1/people/${created.id}/login`, { headers: attacker.admin.authorization }), 200),
    ).toMatchObject({ hasLogin: false, invitation: null });
    expectStatus(
      await send(context, 'POST', '/api/v1/role-assignments', {
        headers: attacker.admin.authorization,
        body: { personId: created.id, role: 'administrator' },
      }),
      201,
    );

    const session = await loginWithSession(context, victim.email, testPassword);
    expect(session.me.municipality.municipalityCode).toBe(tanum.code);
    expect(session.me.memberships.map((membership: { municipalityCode: string }) => membership.municipalityCode)).toEqual([tanum.code]);
    expectProblem(
      await send(context, 'POST', '/api/v1/me/municipality', { headers: session.csrfHeaders, body: { municipalityId: attacker.id } }),
      404,
      'not_found',
    );
    const attackerLog = expectStatus(
      await send(context, 'GET', `/api/v1/audit-events?entityType=login&limit=100`, { headers: attacker.admin.authorization }),
      200,
    );
    expect(attackerLog.items.map((event: { entityId: string }) => event.entityId)).not.toContain(victim.loginId);

    // An invitation does not help the attacker either: it needs the victim's own password.
    const invitation = expectStatus(await invite(attacker, created.id), 201);
    expectProblem(await accept(invitation.token, 'the-attackers-new-password'), 401, 'invalid_credentials');
    expect(
      expectStatus(await send(context, 'GET', `/api/v1/people/${created.id}`, { headers: attacker.admin.authorization }), 200),
    ).toMatchObject({ hasLogin: false });
    const again = await loginWithSession(context, victim.email, testPassword);
    expect(again.me.memberships).toHaveLength(1);
  });

  it('invites a person by a one-time link; they set their own password and land in that municipality', async () => {
    const person = await make.person(tanum);
    const employee = await make.user(tanum, 'employee');
    expectProblem(await send(context, 'POST', `/api/v1/people/${person.id}/login`, { headers: employee.authorization }), 403, 'forbidden');
    const outsider = await make.municipality('Orust');
    expectProblem(await invite(outsider, person.id), 404, 'not_found');

    const invitation = expectStatus(await invite(tanum, person.id), 201);
    expect(invitation).toMatchObject({ personId: person.id, email: person.email, status: 'pending', acceptedAt: null });
    expect(Date.parse(invitation.expiresAt) - Date.parse(invitation.createdAt)).toBe(7 * 86_400_000);
    const stored = await context.database.db
      .selectFrom('login_invitations')
      .selectAll()
      .where('id', '=', invitation.id)
      .executeTakeFirstOrThrow();
    expect(stored.token_hash).not.toContain(invitation.token);
    const shown = expectStatus(
      await send(context, 'GET', `/api/v1/people/${person.id}/login`, { headers: tanum.admin.authorization }),
      200,
    );
    expect(JSON.stringify(shown)).not.toContain(invitation.token);
    expect(shown).toMatchObject({ hasLogin: false, invitation: { id: invitation.id, status: 'pending' } });

    expect(expectStatus(await send(context, 'POST', '/api/v1/invitations/lookup', { body: { token: invitation.token } }), 200)).toEqual({
      email: person.email,
      municipalityCode: tanum.code,
      municipalityName: expect.stringContaining('Tanum'),
      expiresAt: invitation.expiresAt,
    });
    expectProblem(await accept(invitation.token, 'kort'), 400, 'validation_failed');
    expect(expectStatus(await accept(invitation.token, newPassword), 200)).toEqual({ email: person.email, municipalityCode: tanum.code });
    expectProblem(await accept(invitation.token, newPassword), 404, 'not_found');
    expectProblem(await send(context, 'POST', '/api/v1/invitations/lookup', { body: { token: invitation.token } }), 404, 'not_found');

    expect(
      expectStatus(await send(context, 'GET', `/api/v1/people/${person.id}`, { headers: tanum.admin.authorization }), 200).hasLogin,
    ).toBe(true);
    // Roles are chosen separately: until one is given, the login has nowhere to work.
    expectProblem(
      await send(context, 'POST', '/api/v1/auth/login', { body: { email: person.email, password: newPassword } }),
      403,
      'forbidden',
    );
    expectStatus(
      await send(context, 'POST', '/api/v1/role-assignments', {
        headers: tanum.admin.authorization,
        body: { personId: person.id, role: 'employee' },
      }),
      201,
    );
    const session = await loginWithSession(context, person.email, newPassword);
    expect(session.me.municipality.municipalityCode).toBe(tanum.code);
    expect(await actions(tanum, invitation.id)).toEqual(expect.arrayContaining(['invitation_created', 'invitation_accepted']));
    expectProblem(await invite(tanum, person.id), 409, 'conflict');
  });

  it('lets a login join a second municipality only when its owner accepts with their own password, then signs in where they last worked', async () => {
    const owner = await make.user(tanum, 'it_unit');
    const sotenas = await make.municipality('Sotenäs');
    const person = expectStatus(
      await send(context, 'POST', '/api/v1/people', {
        headers: sotenas.admin.authorization,
        body: { firstName: 'Delad', lastName: 'Resurs', email: owner.email },
      }),
      201,
    );
    expectStatus(
      await send(context, 'POST', '/api/v1/role-assignments', {
        headers: sotenas.admin.authorization,
        body: { personId: person.id, role: 'it_chief' },
      }),
      201,
    );
    // The owner works in Tanum; Sotenäs sorts first by name but is not where they last worked.
    await loginWithSession(context, owner.email, testPassword);
    const invitation = expectStatus(await invite(sotenas, person.id), 201);
    expectProblem(await accept(invitation.token, 'not-the-owners-password'), 401, 'invalid_credentials');
    expectStatus(await accept(invitation.token, testPassword), 200);

    const first = await loginWithSession(context, owner.email, testPassword);
    expect(first.me.municipality.municipalityCode).toBe(tanum.code);
    expect(first.me.memberships).toHaveLength(2);
    expectStatus(
      await send(context, 'POST', '/api/v1/me/municipality', { headers: first.csrfHeaders, body: { municipalityId: sotenas.id } }),
      200,
    );
    const next = await loginWithSession(context, owner.email, testPassword);
    expect(next.me.municipality.municipalityCode).toBe(sotenas.code);
    const asked = await loginWithSession(context, owner.email, testPassword, tanum.code);
    expect(asked.me.municipality.municipalityCode).toBe(tanum.code);
  });

  it('voids an invitation after five wrong passwords for an existing login, so it is no guessing oracle', async () => {
    const owner = await make.user(tanum, 'employee');
    const munkedal = await make.municipality('Munkedal');
    const person = expectStatus(
      await send(context, 'POST', '/api/v1/people', {
        headers: munkedal.admin.authorization,
        body: { firstName: 'Gissa', lastName: 'Inte', email: owner.email },
      }),
      201,
    );
    const invitation = expectStatus(await invite(munkedal, person.id), 201);
    for (let attempt = 0; attempt < 5; attempt += 1) {
      expectProblem(await accept(invitation.token, `wrong-password-${attempt}-x`), 401, 'invalid_credentials');
    }
    expectProblem(await accept(invitation.token, testPassword), 404, 'not_found');
    expect(await actions(munkedal, invitation.id)).toContain('invitation_revoked');
  });

  it('revokes with If-Match, replaces an open invitation with a new one, and lets a link expire', async () => {
    const person = await make.person(tanum);
    const first = expectStatus(await invite(tanum, person.id), 201);
    context.clock.advanceMinutes(1);
    const second = expectStatus(await invite(tanum, person.id), 201);
    expectProblem(await accept(first.token, newPassword), 404, 'not_found');
    const outsider = await make.municipality('Lysekil');
    expectProblem(
      await send(context, 'DELETE', `/api/v1/login-invitations/${second.id}`, { headers: outsider.admin.authorization, ifMatch: 1 }),
      404,
      'not_found',
    );
    expectProblem(
      await send(context, 'DELETE', `/api/v1/login-invitations/${second.id}`, { headers: tanum.admin.authorization, ifMatch: 2 }),
      412,
      'version_mismatch',
    );
    expectStatus(
      await send(context, 'DELETE', `/api/v1/login-invitations/${second.id}`, { headers: tanum.admin.authorization, ifMatch: 1 }),
      204,
    );
    expectProblem(await accept(second.token, newPassword), 404, 'not_found');
    expect(await actions(tanum, second.id)).toEqual(expect.arrayContaining(['invitation_created', 'invitation_revoked']));

    context.clock.advanceMinutes(1);
    const third = expectStatus(await invite(tanum, person.id), 201);
    context.clock.advanceMinutes(7 * 24 * 60 + 1);
    expectProblem(await accept(third.token, newPassword), 404, 'not_found');
    expect(
      expectStatus(await send(context, 'GET', `/api/v1/people/${person.id}/login`, { headers: tanum.admin.authorization }), 200).invitation,
    ).toMatchObject({ id: third.id, status: 'expired' });
  });

  it('lets the installation operator invite by e-mail and municipality code (forvalta login create)', async () => {
    const person = await make.person(tanum);
    const { municipality, created } = await context.services.loginInvitations.inviteByOperator(
      systemActor('cli login'),
      person.email,
      tanum.code,
    );
    expect(municipality.code).toBe(tanum.code);
    expectStatus(await accept(created.token, newPassword), 200);
    await expect(
      context.services.loginInvitations.inviteByOperator(systemActor('cli login'), 'nobody@example.se', tanum.code),
    ).rejects.toMatchObject({
      code: 'validation_failed',
    });
  });
});
