import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { seedContent } from '../../db/seed/content';
import { DEMO_DEPARTMENTS } from '../../db/seed/reference';
import { FixedClock } from '../../platform/clock';
import { newId } from '../../platform/ids';
import { makeDepartment, makeStaff } from '../../test/factories';
import { createTestApp, createTestDatabase, type TestApp } from '../../test/support';

// The content demo data: the action plan's shape (40 measures, 13 / 6 / 11 / 10), real departments, dated notes;
// articles in every channel and state; guides a reader can act on; all consistent through the public API.

const NOW = '2026-11-02T02:00:00.000Z';
let t: TestApp;
let summary: Awaited<ReturnType<typeof seedContent>>;

async function seedInto(database: TestApp['database'], clock: FixedClock) {
  const departments = new Map<string, string>();
  for (const d of DEMO_DEPARTMENTS)
    departments.set(d.code, await makeDepartment(database, { code: d.code, name: d.name, kind: d.kind }));
  const editor = await makeStaff(database, ['content_editor']);
  return database.db.transaction().execute((trx) =>
    seedContent(trx, {
      dialect: database.dialect,
      clock,
      id: () => newId(),
      departments,
      editorId: editor.id,
    }),
  );
}

beforeAll(async () => {
  t = await createTestApp({ now: NOW });
  summary = await seedInto(t.database, t.clock);
}, 120_000);

afterAll(async () => {
  await t?.close();
});

const get = async (url: string) => {
  const res = await t.app.inject({ method: 'GET', url: `/api/v1${url}` });
  if (res.statusCode !== 200) throw new Error(`${url}: ${res.statusCode} ${res.body}`);
  return res.json();
};

describe('content demo data', () => {
  it('has the action plan with 40 measures in groups of 13, 6, 11 and 10', async () => {
    expect(summary).toMatchObject({ actionPlans: 1, measures: 40 });
    const plans = await get('/content/action-plans');
    expect(plans.items).toHaveLength(1);
    expect(plans.items[0]).toMatchObject({
      title: '市南区优化营商环境三年行动方案（2025—2027年）',
      measureCount: 40,
    });
    const plan = await get(`/content/action-plans/${plans.items[0].id}`);
    expect(plan.groups.map((g: { measures: unknown[] }) => g.measures.length)).toEqual([13, 6, 11, 10]);
    expect(plan.groups.map((g: { title: string }) => g.title)).toEqual([
      '提升政务服务效能',
      '强化要素保障',
      '加强政策支持',
      '营造公平法治环境',
    ]);
    const measures = plan.groups.flatMap((g: { measures: unknown[] }) => g.measures) as {
      seq: number;
      departmentName: string;
      status: string;
      storedStatus: string;
      progress: number;
      deadline: string;
      notes: { at: string; text: string }[];
    }[];
    expect(measures.map((m) => m.seq)).toEqual(Array.from({ length: 40 }, (_, i) => i + 1));
    const names = new Set(DEMO_DEPARTMENTS.map((d) => d.name));
    for (const m of measures) {
      expect(names.has(m.departmentName), m.departmentName).toBe(true);
      expect(m.notes.length).toBeGreaterThanOrEqual(1);
      expect(m.notes.length).toBeLessThanOrEqual(3);
      for (const n of m.notes) {
        expect(n.at < NOW).toBe(true);
        expect(Date.parse(NOW) - Date.parse(n.at)).toBeLessThan(366 * 86_400_000);
      }
      // Newest first.
      expect(m.notes.map((n) => n.at)).toEqual(
        m.notes
          .map((n) => n.at)
          .sort()
          .reverse(),
      );
      if (m.status === 'done') expect(m.progress).toBe(100);
    }
    // A mix of statuses, some of them derived (in progress past the deadline → delayed).
    for (const s of ['not_started', 'in_progress', 'done', 'delayed'])
      expect(plan.counts[s]).toBeGreaterThan(0);
    expect(measures.some((m) => m.storedStatus === 'in_progress' && m.status === 'delayed')).toBe(true);
    expect(Object.values(plan.counts as Record<string, number>).reduce((a, b) => a + b, 0)).toBe(40);
  });

  it('has articles in every channel and state, publicly only the published ones', async () => {
    expect(summary.articles).toBeGreaterThanOrEqual(28);
    const rows = await t.database.db.selectFrom('contentArticles').selectAll().execute();
    const now = t.clock.now().toISOString();
    const drafts = rows.filter((r) => r.status === 'draft');
    const archived = rows.filter((r) => r.status === 'archived');
    const scheduled = rows.filter((r) => r.status === 'published' && r.publishAt! > now);
    expect(drafts).toHaveLength(2);
    expect(archived).toHaveLength(1);
    expect(scheduled).toHaveLength(1);
    const days = (Date.parse(scheduled[0]!.publishAt!) - Date.parse(now)) / 86_400_000;
    expect(days).toBeGreaterThan(5);
    expect(days).toBeLessThan(8);
    const visible = rows.length - drafts.length - archived.length - scheduled.length;
    const list = await get('/content/articles?pageSize=100');
    expect(list.total).toBe(visible);
    for (const ch of ['notice', 'news', 'interpretation', 'event']) {
      expect((await get(`/content/articles?channel=${ch}`)).total).toBeGreaterThan(0);
    }
    expect(list.items[0].pinned).toBe(true);
    const events = (await get('/content/articles?channel=event')).items as {
      eventStartsAt: string | null;
      eventPlace: string | null;
    }[];
    for (const e of events) {
      expect(e.eventStartsAt).toBeTruthy();
      expect(e.eventPlace).toBeTruthy();
    }
    // Published within the last twelve months.
    for (const r of rows.filter((x) => x.publishAt && x.publishAt <= now))
      expect(Date.parse(now) - Date.parse(r.publishAt!)).toBeLessThan(366 * 86_400_000);
    // Interpretations name the seeded programs; the search finds them.
    const found = await get(`/content/articles?channel=interpretation&q=${encodeURIComponent('补贴')}`);
    expect(found.total).toBeGreaterThan(0);
    expect(found.items[0].highlight.title ?? found.items[0].highlight.summary).toContain('<mark>');
  });

  it('has guides a reader can act on without a call', async () => {
    const list = await get('/content/guides?pageSize=100');
    expect(list.total).toBe(summary.guides);
    expect(summary.guides).toBeGreaterThanOrEqual(12);
    const categories = new Set((list.items as { category: string }[]).map((g) => g.category));
    expect(categories.size).toBeGreaterThanOrEqual(6);
    for (const item of list.items as { id: string }[]) {
      const g = await get(`/content/guides/${item.id}`);
      expect(g.steps.length).toBeGreaterThanOrEqual(3);
      expect(g.materials.length).toBeGreaterThanOrEqual(1);
      for (const field of ['timeLimit', 'fees', 'place', 'hours', 'phone', 'basis'])
        expect(g[field]).not.toBe('');
      expect(g.phone).toMatch(/^0532-8890\d{4}$/);
    }
    const tax = await get(`/content/guides?q=${encodeURIComponent('税收')}`);
    expect(tax.total).toBeGreaterThan(0);
  });

  it('is deterministic for a given clock', async () => {
    const other = await createTestDatabase();
    try {
      await seedInto(other.handle as TestApp['database'], new FixedClock(NOW));
      const shape = async (db: TestApp['database']['db']) => ({
        articles: await db
          .selectFrom('contentArticles')
          .select(['title', 'status', 'publishAt', 'eventStartsAt', 'views', 'bodyHtml'])
          .orderBy('title')
          .execute(),
        measures: await db
          .selectFrom('contentMeasures')
          .select(['seq', 'title', 'deadline', 'status', 'progress'])
          .orderBy('seq')
          .execute(),
        notes: await db
          .selectFrom('contentMeasureNotes')
          .select(['at', 'text', 'progress'])
          .orderBy('at')
          .orderBy('text')
          .execute(),
      });
      expect(await shape(other.handle.db)).toEqual(await shape(t.database.db));
    } finally {
      await other.drop();
    }
  });
});
