import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Platform } from '../../app';
import { createTestApp } from '../../test/support';
import { createAppealJobs } from './jobs';
import { type AppealTestEnv, createAppealTestEnv, instancePlatform } from './test-helpers';

let env: AppealTestEnv;
let p1: Platform;
let p2: Platform;
beforeAll(async () => {
  env = await createAppealTestEnv();
  p1 = await instancePlatform(env.t);
  p2 = await instancePlatform(env.t);
}, 60_000);
afterAll(async () => {
  await env?.close();
});

const db = () => env.t.database.db;
const row = (id: string) =>
  db().selectFrom('appeals').selectAll().where('id', '=', id).executeTakeFirstOrThrow();
async function notesAbout(code: string) {
  return db().selectFrom('notifications').selectAll().where('title', 'like', `%${code}%`).execute();
}
async function ok(res: { statusCode: number; body: string }) {
  if (res.statusCode !== 200) throw new Error(`expected 200, got ${res.statusCode}: ${res.body}`);
  return JSON.parse(res.body);
}
/** Two instances ticking at the same instant. */
async function tickBoth(at: string) {
  const a = createAppealJobs(p1, { holder: 'instance-a' });
  const b = createAppealJobs(p2, { holder: 'instance-b' });
  const now = new Date(at);
  return Promise.all([a.runTick(now), b.runTick(now)]);
}

describe('appeal jobs', () => {
  it('lets one instance hold the lease at a time', async () => {
    const reports = await tickBoth('2026-03-10T02:00:00.000Z');
    expect(reports.filter((r) => r.leased)).toHaveLength(1);
    const lease = await db().selectFrom('jobLeases').selectAll().where('name', '=', 'appeals.tick').execute();
    expect(lease).toHaveLength(1);
  });

  it('sends each accept reminder once, to the dispatchers', async () => {
    const { code } = await env.submit({ title: '受理提醒测试' });
    // Wed 3/11 16:00 Shanghai: due soon (accept deadline 17:30 that day).
    await tickBoth('2026-03-11T08:00:00.000Z');
    await tickBoth('2026-03-11T08:01:00.000Z');
    let notes = await notesAbout(code);
    const dueSoon = notes.filter((n) => n.title.includes('临近'));
    // Two dispatchers, one message each.
    expect(dueSoon).toHaveLength(2);
    expect(new Set(dueSoon.map((n) => n.userId)).size).toBe(2);
    // Thu 3/12 10:00: overdue, once.
    await tickBoth('2026-03-12T02:00:00.000Z');
    await tickBoth('2026-03-12T03:00:00.000Z');
    notes = await notesAbout(code);
    expect(notes.filter((n) => n.title.includes('超过'))).toHaveLength(2);
    const reminders = await db().selectFrom('appealReminders').selectAll().execute();
    expect(reminders.filter((r) => r.kind.startsWith('accept')).length).toBe(2);
  });

  it('reminds the lead department of the reply deadline once', async () => {
    const { cookies, act, dept } = env;
    const { id, code } = await env.submit({ title: '办理提醒测试' });
    await ok(await act(id, 'accept', {}, cookies.dispatcher));
    await ok(
      await act(
        id,
        'dispatch',
        { leadDepartmentId: dept.lead, assistingDepartmentIds: [dept.assist] },
        cookies.dispatcher,
      ),
    );
    // Reply deadline: Fri 3/13 17:30. Mon 3/16 10:00 is overdue.
    await tickBoth('2026-03-16T02:00:00.000Z');
    await tickBoth('2026-03-16T02:05:00.000Z');
    const notes = (await notesAbout(code)).filter((n) => n.title.includes('办理时限'));
    expect(notes).toHaveLength(1);
    expect(notes[0]!.userId).toBe(env.ids.handler);
    const reminders = await db()
      .selectFrom('appealReminders')
      .selectAll()
      .where('appealId', '=', id)
      .execute();
    expect(reminders.map((r) => r.kind)).toEqual(['reply_overdue']);
  });

  it('auto-closes an unrated reply with the default rating, and closes a rated one after the reopen window, once', async () => {
    const { cookies, act, dept } = env;
    await env.setClock('2026-03-10T02:00:00.000Z');
    const unrated = await env.submit({ title: '自动办结测试' });
    const rated = await env.submit({ title: '评价后办结测试' });
    for (const a of [unrated, rated]) {
      await ok(await act(a.id, 'accept', {}, cookies.dispatcher));
      await ok(await act(a.id, 'dispatch', { leadDepartmentId: dept.lead }, cookies.dispatcher));
      await ok(await act(a.id, 'sign', {}, cookies.handler));
      await ok(await act(a.id, 'reply', { content: '已答复', solved: true, public: false }, cookies.handler));
    }
    await ok(await act(rated.id, 'rate', { rating: 'basically_satisfied', solved: true }, cookies.entA));
    // Still inside both windows (5 working days from Tue 3/10 → Tue 3/17 17:30).
    let reports = await tickBoth('2026-03-17T09:00:00.000Z');
    expect((await row(unrated.id)).state).toBe('replied');
    expect((await row(rated.id)).state).toBe('rated');
    reports = await tickBoth('2026-03-18T02:00:00.000Z');
    expect(reports.reduce((n, r) => n + r.autoClosed, 0)).toBe(1);
    expect(reports.reduce((n, r) => n + r.closed, 0)).toBe(1);
    const u = await row(unrated.id);
    expect(u.state).toBe('closed');
    expect(u.ratingDefault).toBe(1);
    expect(u.rating).toBe('satisfied');
    const r = await row(rated.id);
    expect(r.state).toBe('closed');
    expect(r.ratingDefault).toBe(0);
    expect(r.rating).toBe('basically_satisfied');
    await tickBoth('2026-03-18T03:00:00.000Z');
    const ev = await db()
      .selectFrom('appealEvents')
      .selectAll()
      .where('appealId', 'in', [unrated.id, rated.id])
      .where('toState', '=', 'closed')
      .execute();
    expect(ev.map((e) => `${e.action}:${e.actorRole}`).sort()).toEqual(['auto_close:system', 'close:system']);
  });

  it('never sends a reminder twice even when two ticks overlap without the lease', async () => {
    const { code } = await env.submit({ title: '重叠提醒测试' });
    // Expire the lease so both can take turns; run them interleaved.
    await db().updateTable('jobLeases').set({ expiresAt: '2000-01-01T00:00:00.000Z' }).execute();
    const a = createAppealJobs(p1, { holder: 'instance-a', leaseMs: 1 });
    const b = createAppealJobs(p2, { holder: 'instance-b', leaseMs: 1 });
    const t1 = new Date('2026-03-19T09:00:00.000Z');
    const t2 = new Date('2026-03-19T09:00:00.002Z');
    await Promise.all([a.runTick(t1), b.runTick(t2), a.runTick(t2)]);
    const notes = (await notesAbout(code)).filter((n) => n.title.includes('超过'));
    expect(notes).toHaveLength(2);
  });
});

describe('appeal jobs in the app', () => {
  it('starts with the app when jobs are enabled (first tick at once) and stops on close', async () => {
    const t = await createTestApp({ env: { QIFU_JOBS: 'true', QIFU_JOB_INTERVAL_SECONDS: '5' } });
    try {
      await new Promise((r) => setTimeout(r, 1500));
      const lease = await t.database.db.selectFrom('jobLeases').selectAll().execute();
      expect(lease.map((l) => l.name)).toContain('appeals.tick');
    } finally {
      await t.close();
    }
  }, 30_000);
});
