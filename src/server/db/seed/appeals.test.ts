import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { APPEAL_STATES } from '../../../shared/appeals';
import type { AppealStats } from '../../../shared/appeals-api';
import { DEFAULT_SLA_SETTINGS, deadlineAfter } from '../../modules/appeals/sla';
import { OFFICIAL_CALENDAR } from '../../platform/calendar/official-holidays';
import { WorkdayCalendar } from '../../platform/calendar/workdays';
import { newId } from '../../platform/ids';
import { createTestApp, login, type TestApp } from '../../test/support';
import { DEMO_ACCOUNTS, DEMO_DEPARTMENTS, demoLogin, seedDemoIfEmpty } from '.';
import { DEMO_PRIMARY_ENTERPRISE } from './accounts';
import { seedAppeals } from './appeals';
import { DEPT } from './reference';

// The demo appeals on top of the demo data set, seeded at the real "today" of the brief (the demo runs at real time).

const NOW = '2026-11-26T02:00:00.000Z';
const quietLog = { info: () => {} } as never;
const ctx = { calendar: new WorkdayCalendar(OFFICIAL_CALENDAR), settings: DEFAULT_SLA_SETTINGS };

describe('demo appeals', () => {
  let t: TestApp;
  let summary: Awaited<ReturnType<typeof seedAppeals>> | null = null;

  beforeAll(async () => {
    t = await createTestApp({ now: NOW });
    await seedDemoIfEmpty(t.database, quietLog, { clock: t.clock, requestId: 'test' });
    const db = t.database.db;
    const existing = await db.selectFrom('appeals').select('id').limit(1).executeTakeFirst();
    // Once the lead wires seedAppeals into seedDemo, the demo seed already holds them.
    if (existing) return;
    const departments = new Map(
      (await db.selectFrom('departments').select(['id', 'code']).execute()).map((d) => [d.code, d.id]),
    );
    const enterprises = new Map(
      (await db.selectFrom('enterprises').select(['id', 'name']).execute()).map((e) => [e.name, e.id]),
    );
    const users = await db.selectFrom('users').select(['id', 'username', 'phone']).execute();
    const user = (login: string) => users.find((u) => u.username === login || u.phone === login)!.id;
    summary = await db.transaction().execute((trx) =>
      seedAppeals(trx, {
        dialect: t.database.dialect,
        clock: t.clock,
        id: () => newId(t.clock.now().getTime()),
        departments,
        enterprises,
        users: {
          dispatcher: user('dispatcher'),
          handler: user('handler'),
          leader: user('leader'),
          liaison: user('liaison'),
          enterpriseAdmin: user('13800000001'),
          enterpriseMember: user('13800000002'),
          secondaryAdmin: user('13800000003'),
        },
      }),
    );
  }, 120_000);
  afterAll(async () => t?.close());

  const all = () => t.database.db.selectFrom('appeals').selectAll().execute();

  it('creates ≥ 300 appeals over the 12 months before now, in every state', async () => {
    const rows = await all();
    expect(rows.length).toBeGreaterThanOrEqual(300);
    if (summary) expect(summary.appeals).toBe(rows.length);
    const states = new Set(rows.map((r) => r.state));
    for (const s of APPEAL_STATES) expect(states, s).toContain(s);
    const yearAgo = Date.parse(NOW) - 366 * 86_400_000;
    for (const r of rows) {
      expect(Date.parse(r.createdAt)).toBeGreaterThanOrEqual(yearAgo);
      expect(Date.parse(r.createdAt)).toBeLessThanOrEqual(Date.parse(NOW));
      expect(r.code).toMatch(/^SQ\d{12}$/);
    }
    expect(new Set(rows.map((r) => r.code)).size).toBe(rows.length);
    // Across the catalogue, the channels and the demo enterprises.
    expect(new Set(rows.map((r) => r.topicCode)).size).toBeGreaterThanOrEqual(30);
    expect(new Set(rows.map((r) => r.channel))).toEqual(new Set(['web', 'liaison', 'phone']));
    expect(new Set(rows.map((r) => r.enterpriseId)).size).toBeGreaterThanOrEqual(40);
  });

  it('keeps milestones in order and consistent with the state', async () => {
    const rows = await all();
    const byId = new Map(rows.map((r) => [r.id, r]));
    const now = Date.parse(NOW);
    for (const r of rows) {
      const chain = [
        r.createdAt,
        r.acceptedAt,
        r.dispatchedAt,
        r.signedAt,
        r.repliedAt,
        r.ratedAt,
        r.closedAt,
      ]
        .filter((x): x is string => x !== null)
        .map(Date.parse);
      for (let i = 1; i < chain.length; i++)
        expect(chain[i], `${r.code} milestone ${i}`).toBeGreaterThanOrEqual(chain[i - 1]!);
      expect(Math.max(...chain)).toBeLessThanOrEqual(now);
      expect(Date.parse(r.acceptDeadline)).toBeGreaterThan(Date.parse(r.createdAt));
      const terminal = ['closed', 'rejected', 'merged'].includes(r.state);
      expect(r.closedAt !== null, r.code).toBe(terminal);
      if (['dispatched', 'signed', 'replied', 'rated', 'closed', 'returned'].includes(r.state)) {
        expect(r.leadDepartmentId, r.code).not.toBeNull();
        expect(r.replyDeadline, r.code).not.toBeNull();
        expect(r.acceptedAt, r.code).not.toBeNull();
      }
      if (r.state === 'closed' || r.state === 'rated') expect(r.rating, r.code).not.toBeNull();
      if (r.state === 'replied') {
        expect(r.rating).toBeNull();
        // Still inside the rating window: the job would have closed it otherwise.
        expect(now).toBeLessThanOrEqual(deadlineAfter(new Date(r.repliedAt!), 5, ctx).getTime());
      }
      if (r.repliedAt) {
        expect(r.repliedLate).toBe(Date.parse(r.repliedAt) > Date.parse(r.replyDeadline!) ? 1 : 0);
        expect(r.replyContent).toBeTruthy();
      }
      if (r.state === 'merged') {
        const target = byId.get(r.mergedIntoId!);
        expect(target, r.code).toBeDefined();
        expect(target!.enterpriseId).toBe(r.enterpriseId);
      }
      if (r.ratingDefault === 1) expect(r.state).toBe('closed');
    }
    // Side paths are there.
    expect(rows.some((r) => r.reopenCount > 0)).toBe(true);
    expect(rows.some((r) => r.ratingDefault === 1)).toBe(true);
    expect(rows.some((r) => r.extensionStatus === 'approved')).toBe(true);
    expect(rows.some((r) => r.supervisionLevel === 'supervised')).toBe(true);
    expect(rows.some((r) => r.repliedLate === 1)).toBe(true);
    // Ratings: mostly 满意, some 基本满意, few 不满意.
    const rated = rows.filter((r) => r.rating && r.ratingDefault === 0);
    const n = (x: string) => rated.filter((r) => r.rating === x).length;
    expect(n('satisfied')).toBeGreaterThan(n('basically_satisfied'));
    expect(n('basically_satisfied')).toBeGreaterThan(n('dissatisfied'));
    expect(n('dissatisfied')).toBeGreaterThan(0);
  });

  it('writes a timeline that follows each appeal’s path, and its departments', async () => {
    const db = t.database.db;
    const rows = await all();
    const events = await db
      .selectFrom('appealEvents')
      .selectAll()
      .orderBy('appealId')
      .orderBy('seq')
      .execute();
    const deps = await db.selectFrom('appealDepartments').selectAll().execute();
    const byAppeal = new Map<string, typeof events>();
    for (const e of events) byAppeal.set(e.appealId, [...(byAppeal.get(e.appealId) ?? []), e]);
    const staff = await db
      .selectFrom('users')
      .select(['id', 'username'])
      .where('kind', '=', 'staff')
      .execute();
    const staffIds = new Set(staff.map((s) => s.id));
    for (const r of rows) {
      const list = byAppeal.get(r.id) ?? [];
      expect(list.length, r.code).toBeGreaterThan(0);
      expect(list[0]!.action).toBe('submit');
      expect(list[0]!.fromState).toBeNull();
      list.forEach((e, i) => {
        expect(e.seq).toBe(i + 1);
        if (i > 0) {
          expect(e.fromState, `${r.code} #${e.seq} ${e.action}`).toBe(list[i - 1]!.toState);
          expect(Date.parse(e.at)).toBeGreaterThanOrEqual(Date.parse(list[i - 1]!.at));
        }
        if (['dispatcher', 'handler', 'leader'].includes(e.actorRole) && e.actorId)
          expect(staffIds.has(e.actorId)).toBe(true);
      });
      expect(list[list.length - 1]!.toState, r.code).toBe(r.state);
      const actions = new Set(list.map((e) => e.action));
      if (r.acceptedAt) expect(actions).toContain('accept');
      if (r.reopenCount > 0) expect(actions).toContain('reopen');
      if (r.ratingDefault === 1) expect(actions).toContain('auto_close');
      const mine = deps.filter((d) => d.appealId === r.id);
      if (r.leadDepartmentId) {
        expect(mine.filter((d) => d.role === 'lead').map((d) => d.departmentId)).toEqual([
          r.leadDepartmentId,
        ]);
      } else expect(mine).toEqual([]);
    }
    expect(deps.some((d) => d.role === 'assisting' && d.opinion)).toBe(true);
  });

  it('gives the demo enterprise, the market-regulation handler and the desk live queues', async () => {
    const db = t.database.db;
    const rows = await all();
    const primary = (
      await db
        .selectFrom('enterprises')
        .select('id')
        .where('name', '=', DEMO_PRIMARY_ENTERPRISE)
        .executeTakeFirstOrThrow()
    ).id;
    const mine = rows.filter((r) => r.enterpriseId === primary);
    expect(mine.length).toBeGreaterThanOrEqual(7);
    expect(mine.length).toBeLessThanOrEqual(10);
    const states = mine.map((r) => r.state);
    for (const s of ['replied', 'needs_info', 'closed']) expect(states).toContain(s);
    expect(mine.some((r) => r.state === 'closed' && r.rating && r.ratingDefault === 0)).toBe(true);

    const market = DEMO_DEPARTMENTS.find((d) => d.code === DEPT.market)!;
    const marketId = (
      await db
        .selectFrom('departments')
        .select('id')
        .where('code', '=', market.code)
        .executeTakeFirstOrThrow()
    ).id;
    const queue = rows.filter(
      (r) => r.leadDepartmentId === marketId && ['dispatched', 'signed'].includes(r.state),
    );
    expect(queue.length).toBeGreaterThanOrEqual(3);
    const open = rows.filter((r) => ['dispatched', 'signed'].includes(r.state));
    expect(open.some((r) => Date.parse(r.replyDeadline!) < Date.parse(NOW))).toBe(true);
    expect(open.some((r) => Date.parse(r.replyDeadline!) > Date.parse(NOW))).toBe(true);
    expect(rows.filter((r) => r.state === 'submitted').length).toBeGreaterThanOrEqual(5);

    // The statistics read them (every figure defined, the window holding every appeal).
    const a = DEMO_ACCOUNTS.find((x) => x.role === 'leader')!;
    const cookie = await login(t.app, demoLogin(a), a.password);
    const res = await t.app.inject({
      method: 'GET',
      url: '/api/v1/appeals/stats?from=2025-11&to=2026-11&by=department',
      headers: { cookie },
    });
    expect(res.statusCode, res.body).toBe(200);
    const s = res.json() as AppealStats;
    expect(s.totals.submitted).toBe(rows.length);
    for (const k of ['responseRate', 'onTimeReplyRate', 'solvedRate', 'satisfactionRate'] as const) {
      expect(s.totals[k]).toBeGreaterThan(0.5);
      expect(s.totals[k]).toBeLessThanOrEqual(1);
    }
    expect(s.totals.avgHandlingWorkdays).toBeGreaterThan(0);
    expect(s.rows[0]!.label).toBe('区市场监督管理局');
  });
});
