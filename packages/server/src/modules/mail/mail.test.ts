import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { systemActor } from '../../access/actor.ts';
import { expectProblem, expectStatus, loginWithSession, send } from '../../../test/http.ts';
import { startSmtpTestServer } from '../../../test/smtp-test-server.ts';
import { systemFactories } from '../../../test/system-factories.ts';
import { createTestContext, factories, testPassword, type TestContext, type TestMunicipality } from '../../../test/test-app.ts';
import { mailDigestJob, mailNotificationsJob, mailOutboxJob } from '../jobs/index.ts';

const publicUrl = 'http://127.0.0.1:3999';
const newPassword = 'ett helt nytt lösenord 2026';

/**
 * E-mail over a real SMTP server on 127.0.0.1 (issue #18): the forgot-password link, immediate
 * notices and the daily digest from each person's to-do list, retries and recorded failures.
 */
describe('e-mail: outbox, notices, digests and password reset', () => {
  let context: TestContext;
  let smtp: Awaited<ReturnType<typeof startSmtpTestServer>>;
  let make: ReturnType<typeof factories>;
  let tanum: TestMunicipality;

  beforeAll(async () => {
    smtp = await startSmtpTestServer();
    context = await createTestContext({ ...smtp.environment, MAIL_MAX_ATTEMPTS: '3', MAIL_RETRY_SECONDS: '60' });
    make = factories(context);
    tanum = await make.municipality('Tanum');
  });
  afterAll(async () => {
    await context.close();
    await smtp.close();
  });

  const sendDue = () => context.services.mail.outbox.sendDue();
  const messagesOf = (loginId: string) =>
    context.database.db.selectFrom('mail_messages').selectAll().where('login_id', '=', loginId).orderBy('created_at').execute();
  const requestReset = (email: string) => send(context, 'POST', '/api/v1/auth/password-reset-requests', { body: { email } });

  it('e-mails a one-time reset link in Swedish that sets a new password and ends every other session', async () => {
    const user = await make.user(tanum, 'employee');
    const elsewhere = await loginWithSession(context, user.email, testPassword);
    expectStatus(await requestReset(user.email.toUpperCase()), 204);
    // Queued in the request's transaction, sent by the outbox job: nothing has reached the server yet.
    expect(smtp.to(user.email)).toHaveLength(0);
    expect(context.jobRunner?.running).toBe(false);
    expect((await sendDue()).sent).toBe(1);

    const [mail] = smtp.to(user.email);
    expect(mail).toMatchObject({ to: [user.email], from: 'forvalta@tanum.example', subject: 'Förvalta: återställ ditt lösenord' });
    expect(mail!.text).toContain('Välj ett nytt lösenord');
    const token = new RegExp(`${publicUrl}/reset-password#token=(\\S+)`).exec(mail!.text)?.[1];
    expect(token).toBeDefined();
    expect(mail!.html).toContain(`href="${publicUrl}/reset-password#token=${token}"`);
    // The secret is not kept in the outbox once it was delivered.
    const [stored] = await messagesOf(user.loginId);
    expect(stored).toMatchObject({ status: 'sent', attempts: 1, kind: 'password_reset' });
    expect(stored!.body_text).not.toContain(token);

    expectStatus(await send(context, 'POST', '/api/v1/auth/password-reset', { body: { token, newPassword } }), 204);
    expectProblem(await send(context, 'GET', '/api/v1/me', { headers: elsewhere.cookieHeader }), 401, 'unauthenticated');
    await loginWithSession(context, user.email, newPassword);
    // Once only.
    expectProblem(
      await send(context, 'POST', '/api/v1/auth/password-reset', { body: { token, newPassword: `${newPassword}!` } }),
      400,
      'validation_failed',
    );
  });

  it('answers the same for an unknown address, a leaver and a repeated request, and sends them nothing', async () => {
    const leaver = await make.user(tanum, 'employee');
    expectStatus(
      await send(context, 'PATCH', `/api/v1/people/${leaver.personId}`, {
        headers: tanum.admin.authorization,
        body: { employmentStatus: 'left' },
        ifMatch: 2,
      }),
      200,
    );
    const user = await make.user(tanum, 'employee');
    const answers = [];
    for (const email of ['nobody-here@example.se', leaver.email, user.email, user.email]) {
      const started = performance.now();
      const response = await requestReset(email);
      answers.push({ status: response.statusCode, body: response.body, slow: performance.now() - started >= 390 });
    }
    expect(new Set(answers.map((answer) => JSON.stringify(answer))).size).toBe(1);
    await sendDue();
    expect(smtp.to('nobody-here@example.se')).toHaveLength(0);
    expect(smtp.to(leaver.email)).toHaveLength(0);
    // The second request within minutes sent no second link.
    expect(smtp.to(user.email)).toHaveLength(1);
  });

  it('removes expired reset links in the nightly job', async () => {
    const user = await make.user(tanum, 'employee');
    expectStatus(await requestReset(user.email), 204);
    const links = () => context.database.db.selectFrom('password_reset_links').select('id').where('login_id', '=', user.loginId).execute();
    expect(await links()).toHaveLength(1);
    context.clock.advanceMinutes(24 * 60);
    const runs = await context.jobRunner!.runDue();
    expect(runs.find((run) => run.name === 'leavers-and-login-throttles')?.summary).toMatch(/[1-9]\d* expired reset link\(s\)/);
    expect(await links()).toHaveLength(0);
    expect(runs.map((run) => run.name)).toEqual(expect.arrayContaining([mailOutboxJob, mailNotificationsJob, mailDigestJob]));
  });

  it('tells the IT unit of a change notice at once, once, with a link, and in English when that is their language', async () => {
    const municipality = await make.municipality('Notiser');
    const itUnit = await make.user(municipality, 'it_unit');
    await context.database.db.updateTable('logins').set({ locale: 'en' }).where('id', '=', itUnit.loginId).execute();
    const department = await make.department(municipality);
    const system = await systemFactories(context).system(municipality, department.id, { name: 'Procapita' });
    const notice = expectStatus(
      await send(context, 'POST', '/api/v1/change-notices', {
        headers: municipality.admin.authorization,
        body: { kind: 'operation', title: 'Uppgradering', systemIds: [system.id] },
      }),
      201,
    );
    const notify = () => context.services.mail.notifications.queueImmediate(systemActor('test', municipality.id), municipality.id);
    expect(await notify()).toBeGreaterThanOrEqual(1);
    await sendDue();
    const mails = smtp.to(itUnit.email).filter((mail) => mail.subject.includes('Change notice'));
    expect(mails).toHaveLength(1);
    expect(mails[0]!.subject).toBe('Förvalta: Change notice: Uppgradering');
    expect(mails[0]!.text).toContain('Acknowledge the change notice for the IT unit.');
    expect(mails[0]!.text).toContain(`${publicUrl}/change-notices/${notice.id}`);
    // Asked again (a write since, so the municipality is scanned again): the notice is not sent twice.
    await send(context, 'POST', '/api/v1/change-notices', {
      headers: municipality.admin.authorization,
      body: { kind: 'operation', title: 'Andra ändringen', systemIds: [system.id] },
    });
    await notify();
    await sendDue();
    expect(smtp.to(itUnit.email).filter((mail) => mail.subject.includes('Uppgradering'))).toHaveLength(1);
    expect(smtp.to(itUnit.email).filter((mail) => mail.subject.includes('Andra ändringen'))).toHaveLength(1);
    // An employee, who may not acknowledge notices, hears nothing of them.
    const employee = await make.user(municipality, 'employee');
    await send(context, 'POST', '/api/v1/change-notices', {
      headers: municipality.admin.authorization,
      body: { kind: 'operation', title: 'Tredje', systemIds: [system.id] },
    });
    await notify();
    await sendDue();
    expect(
      smtp.to(employee.email).filter((mail) => mail.subject.includes('Change notice') || mail.subject.includes('Ändringsanmälan')),
    ).toEqual([]);
  });

  it("groups a person's asks in one daily digest, in Swedish by default, and none to a leaver", async () => {
    const municipality = await make.municipality('Sammandrag');
    const manager = await make.user(municipality, 'employee');
    const leaver = await make.user(municipality, 'employee');
    const department = await make.department(municipality);
    const systems = systemFactories(context);
    for (const name of ['Lönesystemet', 'Ärendesystemet']) {
      const system = await systems.system(municipality, department.id, { name });
      await systems.appoint(municipality, system.id, manager.personId, 'manager');
      await systems.appoint(municipality, system.id, leaver.personId, 'deputy');
    }
    expectStatus(
      await send(context, 'PATCH', `/api/v1/people/${leaver.personId}`, {
        headers: municipality.admin.authorization,
        body: { employmentStatus: 'left' },
        ifMatch: 2,
      }),
      200,
    );
    const digests = () =>
      context.services.mail.notifications.queueDigests(systemActor('test', municipality.id), municipality.id, '2026-11-29');
    expect(await digests()).toBeGreaterThanOrEqual(1);
    // The same day's digest is queued once however often the job runs.
    expect(await digests()).toBe(0);
    await sendDue();
    const mails = smtp.to(manager.email);
    expect(mails).toHaveLength(1);
    expect(mails[0]!.subject).toBe('Förvalta: 2 saker att göra');
    expect(mails[0]!.text).toContain('Hej Test employee!');
    expect(mails[0]!.text).toContain('Systemuppgifter: Lönesystemet');
    expect(mails[0]!.text).toContain('Systemuppgifter: Ärendesystemet');
    expect(mails[0]!.text).toContain(`${publicUrl}/systems/`);
    expect(mails[0]!.html).toContain('<li><strong>Systemuppgifter:</strong>');
    // Where the person chooses what they receive.
    expect(mails[0]!.text).toContain(`${publicUrl}/account`);
    expect(smtp.to(leaver.email)).toEqual([]);
  });

  it('keeps per-person settings: immediate instead of digest, off only where the policy allows, versioned', async () => {
    const municipality = await make.municipality('Inställningar');
    const person = await make.user(municipality, 'employee');
    const url = '/api/v1/me/notification-settings';
    const settings = expectStatus(await send(context, 'GET', url, { headers: person.authorization }), 200);
    expect(settings.version).toBe(1);
    expect(settings.preferences).toContainEqual({ kind: 'acknowledge_document', delivery: 'immediate', required: true });
    expect(settings.preferences).toContainEqual({ kind: 'confirm_system_record', delivery: 'digest', required: true });
    expect(settings.preferences).toContainEqual({ kind: 'attend_training', delivery: 'digest', required: false });

    const put = (body: unknown, ifMatch?: number) => send(context, 'PUT', url, { headers: person.authorization, body, ifMatch });
    expectProblem(await put({ preferences: [] }), 428, 'precondition_required');
    expectProblem(await put({ preferences: [{ kind: 'attend_training', delivery: 'off' }], extra: 1 }, 1), 400, 'validation_failed');
    const refused = expectProblem(
      await put({ preferences: [{ kind: 'confirm_system_record', delivery: 'off' }] }, 1),
      422,
      'rule_violation',
    );
    expect(refused).toMatchObject({ requirement: 'ITP-4.2-REGISTER', reason: 'notification_required' });
    const saved = expectStatus(
      await put(
        {
          preferences: [
            { kind: 'attend_training', delivery: 'off' },
            { kind: 'confirm_system_record', delivery: 'immediate' },
          ],
        },
        1,
      ),
      200,
    );
    expect(saved.version).toBe(2);
    expect(saved.preferences).toContainEqual({ kind: 'attend_training', delivery: 'off', required: false });
    expectProblem(await put({ preferences: [] }, 1), 412, 'version_mismatch');

    // Now the record to confirm comes at once, and the digest has nothing left for this person.
    const department = await make.department(municipality);
    const system = await systemFactories(context).system(municipality, department.id, { name: 'Kartsystemet' });
    await systemFactories(context).appoint(municipality, system.id, person.personId, 'manager');
    await context.services.mail.notifications.queueImmediate(systemActor('test', municipality.id), municipality.id);
    await context.services.mail.notifications.queueDigests(systemActor('test', municipality.id), municipality.id, '2026-11-30');
    await sendDue();
    expect(smtp.to(person.email).map((mail) => mail.subject)).toEqual(['Förvalta: Systemuppgifter: Kartsystemet']);
  });

  it('retries a delivery the server defers, then records a refused one as failed for administrators only', async () => {
    const municipality = await make.municipality('Fel');
    const person = await make.user(municipality, 'employee');
    const other = await make.municipality('Annan');
    smtp.refuseNext(1, 451);
    expectStatus(await requestReset(person.email), 204);
    expect(await sendDue()).toMatchObject({ sent: 0, retried: 1 });
    // Not due again before its back-off.
    expect(await sendDue()).toMatchObject({ sent: 0, retried: 0 });
    context.clock.advanceMinutes(1);
    expect(await sendDue()).toMatchObject({ sent: 1 });
    expect(smtp.to(person.email)).toHaveLength(1);

    const refused = await make.user(municipality, 'employee');
    smtp.refuseNext(3, 550);
    expectStatus(await requestReset(refused.email), 204);
    await sendDue();
    context.clock.advanceMinutes(1);
    await sendDue();
    context.clock.advanceMinutes(2);
    expect(await sendDue()).toMatchObject({ failed: 1 });
    const [stored] = await messagesOf(refused.loginId);
    expect(stored).toMatchObject({ status: 'failed', attempts: 3 });
    expect(stored!.last_error).toMatch(/^550 /);
    expect(stored!.body_text).not.toContain('token=');

    const status = expectStatus(await send(context, 'GET', '/api/v1/mail/status', { headers: municipality.admin.authorization }), 200);
    expect(status).toMatchObject({ configured: true, host: '127.0.0.1', tls: 'none', authenticated: false, failed: 1, queued: 0 });
    expect(status.lastSentAt).not.toBeNull();
    expect(status.recentFailures).toEqual([expect.objectContaining({ recipient: refused.email, kind: 'password_reset', attempts: 3 })]);
    expect(JSON.stringify(status)).not.toMatch(/password"|token=/i);
    // Another municipality's administrator sees none of it; an employee may not look.
    const theirs = expectStatus(await send(context, 'GET', '/api/v1/mail/status', { headers: other.admin.authorization }), 200);
    expect(theirs).toMatchObject({ failed: 0, recentFailures: [], lastSentAt: null });
    expectProblem(await send(context, 'GET', '/api/v1/mail/status', { headers: person.authorization }), 403, 'forbidden');
    expectProblem(await send(context, 'GET', '/api/v1/mail/status'), 401, 'unauthenticated');
  });
});
