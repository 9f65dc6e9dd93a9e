import { SMTPServer } from 'smtp-server';
import { startWorkerServer, type WorkerServer } from '../worker-server.ts';
import { demoLogins, demoPassword, expect, expectNoSeriousAxeViolations, test } from './fixtures.ts';

const newPassword = 'en ny lång lösenfras från e-post';

/** The messages a real SMTP server on 127.0.0.1 received, raw (the test reads the link out of them). */
function startSmtp(port: number) {
  const received: Array<{ to: string[]; raw: string }> = [];
  const server = new SMTPServer({
    authOptional: true,
    disabledCommands: ['STARTTLS', 'AUTH'],
    logger: false,
    onData(stream, session, callback) {
      const chunks: Buffer[] = [];
      stream.on('data', (chunk: Buffer) => chunks.push(chunk));
      stream.on('end', () => {
        received.push({ to: session.envelope.rcptTo.map((recipient) => recipient.address), raw: Buffer.concat(chunks).toString('utf8') });
        callback();
      });
    },
  });
  return new Promise<{ received: typeof received; close: () => Promise<void> }>((resolve) =>
    server.listen(port, '127.0.0.1', () => resolve({ received, close: () => new Promise<void>((done) => server.close(() => done())) })),
  );
}

/** Quoted-printable soft breaks and escapes undone, enough to read a link out of the plain-text part. */
const unfold = (raw: string) => raw.replace(/=\r?\n/g, '').replace(/=3D/g, '=');

/**
 * Issue #18: forgot password → the e-mail on a real SMTP server → a new password → log in. This
 * spec runs its own server (the demo, its own database, SMTP set up), so no other journey's server
 * sends e-mail or has a password changed under it.
 */
test.describe('forgot password by e-mail', () => {
  const base = Number(process.env.E2E_PORT ?? 3210) + 30;
  let smtp: Awaited<ReturnType<typeof startSmtp>>;
  let server: WorkerServer;

  test.beforeAll(async () => {
    test.setTimeout(180_000);
    smtp = await startSmtp(base + 1);
    server = await startWorkerServer(base, {
      SMTP_HOST: '127.0.0.1',
      SMTP_PORT: String(base + 1),
      SMTP_TLS: 'none',
      MAIL_FROM: 'Förvalta <forvalta@tanum.demo>',
      PUBLIC_URL: `http://127.0.0.1:${base}`,
      MAIL_SEND_SECONDS: '1',
      JOBS_TICK_SECONDS: '1',
    });
  });
  test.afterAll(async () => {
    await server?.stop();
    await smtp?.close();
  });

  test('asks for a link, reads it from the mail, sets a new password and logs in with it', async ({ browser }) => {
    const context = await browser.newContext({ baseURL: server.baseURL, locale: 'sv-SE', timezoneId: 'Europe/Stockholm' });
    const page = await context.newPage();
    const email = demoLogins.auditor;

    await page.goto('/login');
    await page.getByRole('link', { name: 'Glömt lösenordet?' }).click();
    await expect(page.getByRole('heading', { name: 'Glömt lösenordet?' })).toBeVisible();
    await expectNoSeriousAxeViolations(page, 'forgot password');
    await page.getByLabel('E-postadress').fill(email);
    await page.getByRole('button', { name: 'Skicka länk' }).click();
    await expect(page.getByTestId('forgot-password-sent')).toContainText('Om adressen finns hos oss');
    await expectNoSeriousAxeViolations(page, 'forgot password sent');

    // The outbox job (every second on this server) hands it to the SMTP server.
    await expect.poll(() => smtp.received.filter((mail) => mail.to.includes(email)).length, { timeout: 30_000 }).toBe(1);
    const mail = unfold(smtp.received.find((mail) => mail.to.includes(email))!.raw);
    const link = new RegExp(`http://127\\.0\\.0\\.1:${base}/reset-password#token=[A-Za-z0-9_-]+`).exec(mail)?.[0];
    expect(link).toBeDefined();

    await page.goto(link!);
    await expect(page.getByRole('heading', { name: 'Välj ett nytt lösenord' })).toBeVisible();
    await expectNoSeriousAxeViolations(page, 'reset password');
    await page.getByLabel(/^Nytt lösenord/).fill(newPassword);
    await page.getByLabel(/^Upprepa det nya lösenordet/).fill(newPassword);
    await page.getByRole('button', { name: 'Spara lösenordet' }).click();
    await expect(page.getByText('Lösenordet är sparat. Logga in med det nya lösenordet.')).toBeVisible();

    await page.goto('/login');
    await page.getByLabel('E-postadress').fill(email);
    await page.getByLabel(/^Lösenord/).fill(demoPassword);
    await page.getByRole('button', { name: 'Logga in' }).click();
    await expect(page.getByTestId('login-error')).toBeVisible();
    await page.getByLabel(/^Lösenord/).fill(newPassword);
    await page.getByRole('button', { name: 'Logga in' }).click();
    await expect(page).not.toHaveURL(/\/login/);
    await expect(page.getByRole('button', { name: /Användarmeny för/ })).toBeVisible();

    // My account: how I hear of my asks, with off not offered where the policy requires it.
    await page.goto('/account');
    await expect(page.getByRole('heading', { name: 'E-postaviseringar' })).toBeVisible();
    await expectNoSeriousAxeViolations(page, 'account with notifications');
    await context.close();
  });
});
