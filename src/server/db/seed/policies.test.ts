import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { validateRuleSet } from '../../modules/policies';
import { verifyAuditChain } from '../../platform/audit/audit';
import { createTestApp, login, type TestApp } from '../../test/support';
import { DEMO_ACCOUNTS, DEMO_AS_OF, demoLogin, seedDemoIfEmpty } from '.';
import { DEMO_POLICY_DOCUMENTS, DEMO_POLICY_PROGRAMS, demoCatalogue } from './policies';

// The demo policies as a visitor, an enterprise and the staff see them after `npm start` on an empty database.

const quietLog = { info: () => {} } as never;
const accountOf = (role: string) => DEMO_ACCOUNTS.find((a) => a.role === role && a.binding !== 'pending')!;

describe('demo policies', () => {
  let t: TestApp;
  const cookies: Record<string, string> = {};
  const get = async (url: string, cookie?: string) => {
    const r = await t.app.inject({ method: 'GET', url: `/api/v1${url}`, headers: cookie ? { cookie } : {} });
    expect(r.statusCode, r.body).toBe(200);
    return r.json();
  };

  beforeAll(async () => {
    // The day after the data set's date, as on a first start.
    t = await createTestApp({ now: '2026-11-26T02:00:00.000Z' });
    await seedDemoIfEmpty(t.database, quietLog, { clock: t.clock, requestId: 'test' });
    for (const role of ['enterprise_admin', 'handler', 'policy_editor']) {
      const a = accountOf(role);
      cookies[role] = await login(t.app, demoLogin(a), a.password);
    }
  });
  afterAll(async () => t.close());

  it('writes every rule with the engine’s model, valid against the demo catalogue', () => {
    expect(DEMO_POLICY_DOCUMENTS.length).toBeGreaterThanOrEqual(12);
    expect(DEMO_POLICY_PROGRAMS.length).toBeGreaterThanOrEqual(30);
    expect(new Set(DEMO_POLICY_PROGRAMS.map((p) => p.key)).size).toBe(DEMO_POLICY_PROGRAMS.length);
    for (const p of DEMO_POLICY_PROGRAMS)
      expect(validateRuleSet(p.rules, demoCatalogue()).ok, p.key).toBe(true);
    for (const d of DEMO_POLICY_DOCUMENTS) expect(d.docNumber).toMatch(/〔\d{4}〕\d+号$/);
  });

  it('publishes documents with 文号, interpretations and programs with windows spread over 2026', async () => {
    const docs = await get('/policies/documents?pageSize=100');
    expect(docs.total).toBe(DEMO_POLICY_DOCUMENTS.length);
    expect(docs.items.map((d: { docNumber: string }) => d.docNumber)).toContain('青南政发〔2024〕12号');
    expect(new Set(docs.items.map((d: { level: string }) => d.level)).size).toBeGreaterThanOrEqual(3);
    expect((await get('/policies/interpretations')).total).toBeGreaterThanOrEqual(4);
    const programs = (await get('/policies/programs?pageSize=100')).items as {
      windowState: string;
      mode: string;
      budget: { total: number | null; used: number; remaining: number | null };
    }[];
    expect(programs.length).toBe(DEMO_POLICY_PROGRAMS.length);
    const states = new Set(programs.map((p) => p.windowState));
    expect([...states].sort()).toEqual(['always', 'closed', 'open', 'upcoming']);
    expect(programs.filter((p) => p.windowState === 'open').length).toBeGreaterThanOrEqual(8);
    expect(programs.filter((p) => p.mode === 'no_application').length).toBeGreaterThanOrEqual(4);
    for (const p of programs)
      if (p.budget.total !== null) expect(p.budget.used).toBeLessThanOrEqual(p.budget.total);
    const calendar = await get('/policies/calendar?year=2026');
    expect(
      calendar.months.filter((m: { items: unknown[] }) => m.items.length > 0).length,
    ).toBeGreaterThanOrEqual(10);
  });

  it('finds 补贴 and 研发费 in the demo policies', async () => {
    const subsidy = await get(`/policies/search?q=${encodeURIComponent('补贴')}`);
    expect(subsidy.total).toBeGreaterThanOrEqual(5);
    const rd = await get(`/policies/search?q=${encodeURIComponent('研发费')}&level=national`);
    expect(rd.items.map((i: { title: string }) => i.title)).toEqual(
      expect.arrayContaining([
        '关于进一步完善研发费用税前加计扣除政策的公告',
        '解读：研发费用税前加计扣除比例统一提高到100%',
      ]),
    );
    expect(
      rd.items.every((i: { snippet: string; titleHtml: string }) =>
        `${i.titleHtml}${i.snippet}`.includes('<mark>'),
      ),
    ).toBe(true);
  });

  it('gives the demo enterprise matches, a 免申即享 candidate to confirm, claims and an inbox', async () => {
    const me = cookies.enterprise_admin!;
    const matches = await get('/policies/matches', me);
    expect(matches.enterprise.name).toBe('青岛海岳云智能科技有限公司');
    expect(matches.counts.eligible).toBeGreaterThanOrEqual(2);
    expect(matches.missingFacts.length).toBeGreaterThan(0);
    const claims = (await get('/policies/claims?pageSize=100', me)).items as {
      status: string;
      program: { title: string };
    }[];
    expect(claims.map((c) => c.status).sort()).toEqual(['approved', 'candidate', 'paid']);
    expect(claims.find((c) => c.status === 'candidate')!.program.title).toBe('专精特新中小企业认定奖励');
    expect((await get('/notifications', me)).total).toBeGreaterThanOrEqual(3);
  });

  it('fills the market-regulation handler’s review queue and the public notice list', async () => {
    const queue = await get('/policies/claims?status=submitted', cookies.handler);
    expect(queue.total).toBeGreaterThanOrEqual(2);
    expect(
      queue.items.every(
        (c: { program: { department: { name: string } } }) =>
          c.program.department.name === '区市场监督管理局',
      ),
    ).toBe(true);
    const all = await get('/policies/claims?pageSize=100', cookies.policy_editor);
    const statuses = new Set(all.items.map((c: { status: string }) => c.status));
    for (const s of ['candidate', 'submitted', 'returned', 'approved', 'rejected', 'paid'])
      expect(statuses).toContain(s);
    const notices = await get('/policies/notices');
    expect(notices.total).toBeGreaterThanOrEqual(6);
    expect(notices.items.every((n: { paidOn: string }) => n.paidOn <= DEMO_AS_OF)).toBe(true);
    expect(notices.totalAmount).toBeGreaterThan(0);
    expect((await verifyAuditChain(t.database.db)).ok).toBe(true);
  });
});
