import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { VISIT_FORMS, VISIT_TOPICS } from '../../../shared/visits-api';
import { newId } from '../../platform/ids';
import { createTestApp, login, type TestApp } from '../../test/support';
import { fromJson } from '../dialect';
import { seedDemoIfEmpty } from '.';
import { addDays } from './random';
import { seedVisits } from './visits';

// The demo visits on top of the demo data set, seeded at the real "today" of the brief.
const NOW = '2026-11-26T02:00:00.000Z';
const TODAY = '2026-11-26';
const quietLog = { info: () => {} } as never;

describe('demo visits (走访记录)', () => {
  let t: TestApp;

  beforeAll(async () => {
    t = await createTestApp({ now: NOW });
    await seedDemoIfEmpty(t.database, quietLog, { clock: t.clock, requestId: 'test' });
  }, 120_000);
  afterAll(async () => t?.close());

  const snapshot = async () =>
    (
      await t.database.db
        .selectFrom('enterpriseVisits as v')
        .innerJoin('enterprises as e', 'e.id', 'v.enterpriseId')
        .select([
          'e.name',
          'v.visitedOn',
          'v.form',
          'v.topics',
          'v.people',
          'v.discussion',
          'v.note',
          'v.nextVisitOn',
        ])
        .orderBy('e.name')
        .orderBy('v.visitedOn')
        .orderBy('v.discussion')
        .execute()
    ).map((r) => ({ ...r, topics: fromJson(r.topics, []), people: fromJson(r.people, []) }));

  it('records about 60 visits over the last 12 months by each liaison to his own enterprises', async () => {
    const rows = await t.database.db
      .selectFrom('enterpriseVisits as v')
      .innerJoin('enterprises as e', 'e.id', 'v.enterpriseId')
      .select([
        'v.liaisonId',
        'e.liaisonUserId',
        'v.visitedOn',
        'v.form',
        'v.topics',
        'v.discussion',
        'v.createdAt',
      ])
      .execute();
    expect(rows.length).toBeGreaterThanOrEqual(50);
    expect(rows.length).toBeLessThanOrEqual(75);
    for (const r of rows) {
      expect(r.liaisonId).toBe(r.liaisonUserId);
      expect(r.visitedOn <= TODAY && r.visitedOn >= addDays(TODAY, -366)).toBe(true);
      expect(r.createdAt <= NOW).toBe(true);
      expect(VISIT_FORMS).toContain(r.form);
      const topics = fromJson<string[]>(r.topics, []);
      expect(topics.length).toBeGreaterThan(0);
      for (const x of topics) expect(VISIT_TOPICS).toContain(x);
      expect(r.discussion).toMatch(/[\u4e00-\u9fff]/);
    }
    expect(new Set(rows.map((r) => r.form)).size).toBeGreaterThanOrEqual(3);
  });

  it('links problems to the appeals the liaison submitted for the enterprise, on the visit’s day', async () => {
    const linked = await t.database.db
      .selectFrom('enterpriseVisitProblems as p')
      .innerJoin('enterpriseVisits as v', 'v.id', 'p.visitId')
      .innerJoin('appeals as a', 'a.id', 'p.appealId')
      .select([
        'p.status',
        'p.text',
        'a.title',
        'a.enterpriseId',
        'v.enterpriseId as visitEnterprise',
        'a.submittedBy',
        'v.liaisonId',
        'a.channel',
      ])
      .execute();
    expect(linked.length).toBeGreaterThanOrEqual(3);
    for (const l of linked) {
      expect(l.status).toBe('appeal');
      expect(l.text).toBe(l.title);
      expect(l.enterpriseId).toBe(l.visitEnterprise);
      expect(l.submittedBy).toBe(l.liaisonId);
      expect(l.channel).toBe('liaison');
    }
    const unlinkedAppealStatus = await t.database.db
      .selectFrom('enterpriseVisitProblems')
      .select('id')
      .where('status', '=', 'appeal')
      .where('appealId', 'is', null)
      .execute();
    expect(unlinkedAppealStatus).toEqual([]);
  });

  it('shows the leader a coverage with some enterprises not visited in 90 days', async () => {
    const cookie = await login(t.app, 'leader', 'Qifu@Leader2026');
    const res = await t.app.inject({ method: 'GET', url: '/api/v1/visits/coverage', headers: { cookie } });
    expect(res.statusCode).toBe(200);
    const c = res.json();
    expect(c.assigned).toBeGreaterThanOrEqual(12);
    expect(c.uncovered.length).toBeGreaterThanOrEqual(3);
    expect(c.covered).toBeGreaterThan(c.assigned / 2);
    expect(c.liaisons.find((l: { name: string }) => l.name === '张海波').visitsInYear).toBeGreaterThanOrEqual(
      50,
    );
    // The demo liaison sees his records, the enterprise account none.
    const liaison = await login(t.app, 'liaison', 'Qifu@Liaison2026');
    const list = await t.app.inject({ method: 'GET', url: '/api/v1/visits', headers: { cookie: liaison } });
    expect(list.json().total).toBe(c.visitsInYear);
    const corp = await login(t.app, '13800000001', 'Qifu@Corp2026');
    const first = list.json().items[0].id;
    const hidden = await t.app.inject({
      method: 'GET',
      url: `/api/v1/visits/${first}`,
      headers: { cookie: corp },
    });
    expect(hidden.statusCode).toBe(404);
  });

  it('produces the same visits on every run', async () => {
    const before = await snapshot();
    const db = t.database.db;
    await db.deleteFrom('enterpriseVisitNotes').execute();
    await db.deleteFrom('enterpriseVisitProblems').execute();
    await db.deleteFrom('enterpriseVisits').execute();
    await db
      .transaction()
      .execute((trx) => seedVisits(trx, { clock: t.clock, id: () => newId(t.clock.now().getTime()) }));
    expect(await snapshot()).toEqual(before);
  });
});
