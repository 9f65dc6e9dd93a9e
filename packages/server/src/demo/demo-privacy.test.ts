import { sql } from 'kysely';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { expectStatus, send } from '../../test/http.ts';
import { createTestContext, type TestContext } from '../../test/test-app.ts';
import { systemActor } from '../access/actor.ts';
import { withTransaction } from '../platform/database.ts';
import { demoMailboxes, demoMailboxesWithoutDeputy, demoMailboxOfLeaver } from './demo-mailboxes.ts';
import { loadDemoOrganisation } from './demo-organisation.ts';
import { demoProcessingActivities, forvaltaOwnRecordName } from './demo-privacy.ts';

interface Activity {
  name: string;
  systems: unknown[];
  hasSpecialCategories: boolean;
  dpiaDoneOn: string | null;
  reviewState: string;
  personalDataCategories: Array<{ name: string }>;
  id: string;
}

describe('the demo’s records of processing and functional mailboxes (issue #16)', () => {
  let context: TestContext;
  let municipalityId: string;
  let officer: { authorization: string };

  beforeAll(async () => {
    context = await createTestContext();
    ({ municipalityId } = await loadDemoOrganisation(context.database.db, context.clock));
    const login = await context.database.db
      .selectFrom('logins')
      .select('id')
      .where('email', '=', 'dataskydd@tanum.demo')
      .executeTakeFirstOrThrow();
    const { token } = await withTransaction(context.database.db, (transaction) =>
      context.services.apiTokens.issueToken(
        transaction,
        systemActor('test', municipalityId),
        { loginId: login.id, municipalityId },
        { name: 'test' },
      ),
    );
    officer = { authorization: `Bearer ${token}` };
  }, 300_000);
  afterAll(() => context.close());

  const get = async (url: string) => expectStatus(await send(context, 'GET', url, { headers: officer }), 200);

  it('records about sixty processings in the demo systems, Förvalta’s own among them, most reviewed by the DPO', async () => {
    const all = await get('/api/v1/processing-activities?limit=200');
    expect(all.total).toBe(demoProcessingActivities.length + 1);
    expect(all.total).toBeGreaterThanOrEqual(55);
    const items = all.items as Activity[];
    // Every demo record found its systems in the register (a renamed demo system would drop one silently).
    expect(items.filter((item) => item.systems.length === 0).map((item) => item.name)).toEqual([forvaltaOwnRecordName]);
    const care = items.find((item) => item.name === 'Social dokumentation inom äldreomsorgen')!;
    expect(care).toMatchObject({ hasSpecialCategories: true, reviewState: 'approved' });
    expect(care.dpiaDoneOn).not.toBeNull();
    const approved = items.filter((item) => item.reviewState === 'approved' || item.reviewState === 'approved_with_remarks');
    expect(approved.length).toBeGreaterThan(all.total * 0.8);

    const own = items.find((item) => item.name === forvaltaOwnRecordName)!;
    expect(own.personalDataCategories.map((category) => category.name)).toEqual(
      expect.arrayContaining([
        'Namn',
        'E-postadress',
        'Roller och behörigheter i system',
        'Kvittenser av styrdokument',
        'Genomförda utbildningar',
      ]),
    );
    expect(own.personalDataCategories.some((category) => category.name.startsWith('Granskningslogg'))).toBe(true);
    expect(own.reviewState).toBe('approved');
  });

  it('has the gaps it promises: a few without a current review, four processing agreements expired or unsigned, one missing DPIA', async () => {
    const missing = await get('/api/v1/processing-activities?missingReview=true&limit=200');
    const said = demoProcessingActivities.filter((activity) => ['pending', 'returned', 'stale'].includes(activity.state ?? ''));
    expect(missing.items.map((item: Activity) => item.name).sort()).toEqual(said.map((activity) => activity.name).sort());
    expect(missing.total).toBeLessThanOrEqual(10);
    const pending = await get('/api/v1/processing-activities?reviewState=pending&limit=200');
    expect(pending.total).toBe(demoProcessingActivities.filter((activity) => activity.state === 'pending').length);

    const expiring = await get(`/api/v1/processing-activities?agreementExpiringBy=2026-11-28&limit=200`);
    expect(expiring.items.map((item: Activity) => item.name).sort()).toEqual(
      demoProcessingActivities
        .filter((activity) => activity.agreement)
        .map((activity) => activity.name)
        .sort(),
    );
    const special = await get('/api/v1/processing-activities?specialCategories=true&limit=200');
    const withoutDpia = special.items.filter((item: Activity) => item.dpiaDoneOn === null).map((item: Activity) => item.name);
    expect(withoutDpia).toEqual(['Bostadsanpassningsbidrag']);

    // A record reviewed before, then changed, shows both reviews on its page, newest first.
    const histories = await Promise.all(
      (await get('/api/v1/processing-activities?limit=20')).items.map((item: Activity) =>
        get(`/api/v1/processing-activities/${item.id}/reviews`),
      ),
    );
    const twice = histories.find((history) => history.items.length === 2)!;
    expect(twice.items[0].reviewedOn > twice.items[1].reviewedOn).toBe(true);
    expect(twice.items[0]).toMatchObject({ reviewerName: 'Sven Dahl', activityVersion: 3 });
  });

  it('has forty functional mailboxes: two without a deputy and one whose responsible has left', async () => {
    const all = await get('/api/v1/mailboxes?limit=100');
    expect(all.total).toBe(40);
    expect(demoMailboxes).toHaveLength(40);
    expect(all.coveredCount).toBe(37);
    const uncovered = await get('/api/v1/mailboxes?covered=false&limit=100');
    const byLocal = new Map(uncovered.items.map((item: { address: string }) => [item.address.split('@')[0], item]));
    expect([...byLocal.keys()].sort()).toEqual([...demoMailboxesWithoutDeputy, demoMailboxOfLeaver].sort());
    for (const local of demoMailboxesWithoutDeputy) expect(byLocal.get(local)).toMatchObject({ deputies: [] });
    const leaver = byLocal.get(demoMailboxOfLeaver) as { responsible: { employmentStatus: string }; deputies: unknown[] };
    expect(leaver.responsible.employmentStatus).toBe('left');
    expect(leaver.deputies.length).toBeGreaterThan(0);
  });

  it('marks most staff as having a personal mailbox, and audits what it wrote', async () => {
    const db = context.database.db;
    const people = await db
      .selectFrom('people')
      .select(['has_personal_mailbox', 'employment_status'])
      .where('municipality_id', '=', municipalityId)
      .execute();
    const active = people.filter((person) => person.employment_status === 'active');
    const withMailbox = active.filter((person) => person.has_personal_mailbox === 1).length;
    expect(withMailbox / active.length).toBeGreaterThan(0.8);
    expect(withMailbox).toBeLessThan(active.length);
    const audited = await db
      .selectFrom('audit_events')
      .select(['entity_type', 'action', sql<number>`count(*)`.as('count')])
      .where('municipality_id', '=', municipalityId)
      .where('entity_type', 'in', ['processing_activity', 'mailbox'])
      .groupBy(['entity_type', 'action'])
      .execute();
    const count = (entityType: string, action: string) =>
      Number(audited.find((row) => row.entity_type === entityType && row.action === action)?.count ?? 0);
    expect(count('processing_activity', 'create')).toBe(demoProcessingActivities.length + 1);
    expect(count('processing_activity', 'privacy_review')).toBeGreaterThan(demoProcessingActivities.length * 0.8);
    expect(count('mailbox', 'create')).toBe(40);
  });
});
