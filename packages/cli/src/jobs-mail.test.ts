import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startSmtpTestServer } from '../../server/test/smtp-test-server.ts';
import { createTestDatabase } from '../../server/test/test-database.ts';
import { forvaltaWith } from './cli-test-support.ts';

/**
 * `forvalta jobs run-due` sends what is due (issue #18): the command, as a separate process, with
 * SMTP pointing at a real SMTP server on 127.0.0.1 started here, and what arrived is read.
 */
describe('forvalta jobs run-due sends e-mail', () => {
  let smtp: Awaited<ReturnType<typeof startSmtpTestServer>>;
  beforeAll(async () => {
    smtp = await startSmtpTestServer();
  });
  afterAll(() => smtp?.close());

  it('queues the demo’s due notices and delivers each once over SMTP, with links to PUBLIC_URL', async () => {
    const database = await createTestDatabase('sqlite');
    try {
      // The outbox and the notices due again after a second and ten: the second run below runs both again.
      const forvalta = (...args: string[]) =>
        forvaltaWith({ ...smtp.environment, MAIL_SEND_SECONDS: '1', MAIL_NOTIFY_SECONDS: '10' }, ...args);
      const demo = await forvalta('demo', '--database', database.url);
      expect(demo.code, demo.stderr).toBe(0);
      const run = await forvalta('jobs', 'run-due', '--database', database.url);
      expect(run.code, run.stderr).toBe(0);
      // The immediate notices are queued and the outbox sends what was queued, in the same run.
      const queued = /^mail-notifications: (\d+) notice\(s\) queued/m.exec(run.stdout);
      const sent = /^mail-outbox: (\d+) message\(s\) sent, 0 to be retried, 0 given up/m.exec(run.stdout);
      expect(Number(queued?.[1])).toBeGreaterThan(0);
      expect(Number(sent?.[1])).toBe(smtp.received.length);
      expect(smtp.received.length).toBeGreaterThanOrEqual(Number(queued?.[1]));
      for (const mail of smtp.received) {
        expect(mail.from).toBe('forvalta@tanum.example');
        expect(mail.to).toHaveLength(1);
        expect(mail.subject).toMatch(/^Förvalta: /);
        // Every link starts at PUBLIC_URL, in the plain text and the HTML alike.
        expect(mail.text).toContain('http://127.0.0.1:3999/');
        expect(mail.html).toContain('href="http://127.0.0.1:3999/');
      }
      // The demo's urgent asks: a document version to acknowledge and change notices for the IT unit, in Swedish.
      const subjects = smtp.received.map((mail) => mail.subject);
      expect(subjects).toEqual(
        expect.arrayContaining([
          expect.stringMatching(/^Förvalta: Bekräfta läst: /),
          expect.stringMatching(/^Förvalta: Ändringsanmälan: /),
        ]),
      );

      // Run again once both jobs are due again: they run, and nothing is queued or sent twice.
      const count = smtp.received.length;
      await new Promise((resolve) => setTimeout(resolve, 11_000));
      const again = await forvalta('jobs', 'run-due', '--database', database.url);
      expect(again.code, again.stderr).toBe(0);
      expect(again.stdout).toMatch(/^mail-notifications: 0 notice\(s\) queued/m);
      expect(again.stdout).toMatch(/^mail-outbox: 0 message\(s\) sent/m);
      expect(smtp.received.length).toBe(count);
    } finally {
      await database.drop();
    }
  }, 120_000);
});
