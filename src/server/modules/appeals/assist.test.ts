import type { Insertable } from 'kysely';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { AppealTable } from '../../db/schema';
import { seedAppealCatalogue } from '../../db/seed/appeal-catalogue';
import { DEMO_DEPARTMENTS } from '../../db/seed/reference';
import { newId } from '../../platform/ids';
import { makeDepartment, makeEnterpriseUser, makeStaff } from '../../test/factories';
import { createTestApp, login, type TestApp } from '../../test/support';
import { bindUser, makeEnterprise } from '../enterprises/test-fixtures';
import { bigrams, similarity } from './assist-routes';
import { seedAppealKb } from './kb';

let t: TestApp;
const departments = new Map<string, string>();
const cookies = { entA: '', entB: '', dispatcher: '', handler: '', liaison: '', admin: '' };
const ids = {
  entA: '',
  entB: '',
  openA: '',
  openA2: '',
  closedA: '',
  openB: '',
  publicB: '',
  privateB: '',
  handled: '',
};

async function insertAppeal(over: Partial<Insertable<AppealTable>>): Promise<string> {
  const id = newId();
  await t.database.db
    .insertInto('appeals')
    .values({
      id,
      code: `SQT${id.slice(-10)}`,
      channel: 'web',
      type: 'consult',
      title: '诉求标题',
      content: '诉求内容',
      state: 'submitted',
      receivedOn: '2026-03-02',
      acceptDeadline: '2026-03-03T09:30:00.000Z',
      createdAt: '2026-03-02T02:00:00.000Z',
      updatedAt: '2026-03-02T02:00:00.000Z',
      ...over,
    } as Insertable<AppealTable>)
    .execute();
  return id;
}

beforeAll(async () => {
  t = await createTestApp();
  for (const d of DEMO_DEPARTMENTS)
    departments.set(d.code, await makeDepartment(t.database, { code: d.code, name: d.name, kind: d.kind }));
  await t.database.db.transaction().execute(async (trx) => {
    await seedAppealCatalogue(trx, { departments, now: t.clock.now().toISOString() });
    await seedAppealKb(trx, { dialect: t.database.dialect, clock: t.clock, id: newId });
  });
  const db = t.database.db;
  const liaison = await makeStaff(t.database, ['liaison']);
  const a = await makeEnterprise(db, { liaisonUserId: liaison.id });
  const b = await makeEnterprise(db);
  ids.entA = a.id;
  ids.entB = b.id;
  const userA = await makeEnterpriseUser(t.database, '13800138031');
  const userB = await makeEnterpriseUser(t.database, '13800138032');
  await bindUser(db, userA.id, a.id);
  await bindUser(db, userB.id, b.id, 'enterprise_member');
  const dispatcher = await makeStaff(t.database, ['dispatcher']);
  const handler = await makeStaff(t.database, ['handler'], { departmentId: departments.get('hrss')! });
  const admin = await makeStaff(t.database, ['admin']);
  cookies.entA = await login(t.app, userA.phone, userA.password);
  cookies.entB = await login(t.app, userB.phone, userB.password);
  cookies.dispatcher = await login(t.app, dispatcher.username, dispatcher.password);
  cookies.handler = await login(t.app, handler.username, handler.password);
  cookies.liaison = await login(t.app, liaison.username, liaison.password);
  cookies.admin = await login(t.app, admin.username, admin.password);

  ids.openA = await insertAppeal({
    enterpriseId: a.id,
    submittedBy: userA.id,
    state: 'dispatched',
    topicCode: 'social_insurance',
    title: '新员工社保增员一直失败',
    content: '网上经办系统给新员工做社保增员，提示该人员在其他单位有参保记录，怎么处理？',
  });
  ids.openA2 = await insertAppeal({
    enterpriseId: a.id,
    submittedBy: userA.id,
    state: 'submitted',
    topicCode: 'utility_heating',
    title: '办公室暖气不热',
    content: '供暖一周了室温只有14度。',
  });
  ids.closedA = await insertAppeal({
    enterpriseId: a.id,
    submittedBy: userA.id,
    state: 'closed',
    topicCode: 'social_insurance',
    title: '社保增员失败怎么办',
    content: '新员工社保增员提示在其他单位有参保记录。',
  });
  ids.openB = await insertAppeal({
    enterpriseId: b.id,
    submittedBy: userB.id,
    state: 'signed',
    topicCode: 'social_insurance',
    title: '员工社保增员失败',
    content: '给新员工做社保增员，系统提示该人员在其他单位有参保记录。',
  });
  ids.publicB = await insertAppeal({
    enterpriseId: b.id,
    submittedBy: userB.id,
    state: 'closed',
    isPublic: 1,
    replyPublic: 1,
    topicCode: 'social_insurance',
    title: '新员工社保增员提示已在其他单位参保',
    content: '我们的内部情况：员工张某某身份证号……',
    replyContent: '请原单位先办理减员，次月即可在本单位增员；原单位已注销的，可到社保经办窗口办理。',
    repliedAt: '2026-03-05T02:00:00.000Z',
  });
  ids.privateB = await insertAppeal({
    enterpriseId: b.id,
    submittedBy: userB.id,
    state: 'closed',
    isPublic: 1,
    replyPublic: 0,
    topicCode: 'social_insurance',
    title: '社保增员提示已在其他单位参保',
    content: '社保增员失败。',
    replyContent: '不公开的答复',
    repliedAt: '2026-03-05T02:00:00.000Z',
  });
  // On the handler's department (hrss) as lead.
  ids.handled = ids.openB;
  await db
    .insertInto('appealDepartments')
    .values({
      appealId: ids.openB,
      departmentId: departments.get('hrss')!,
      role: 'lead',
      assignedAt: '2026-03-03T02:00:00.000Z',
    })
    .execute();
}, 120_000);

afterAll(async () => {
  await t?.close();
});

const get = (url: string, cookie?: string) =>
  t.app.inject({ method: 'GET', url: `/api/v1${url}`, headers: cookie ? { cookie } : {} });

async function ok(res: { statusCode: number; body: string }, status = 200) {
  if (res.statusCode !== status) throw new Error(`expected ${status}, got ${res.statusCode}: ${res.body}`);
  return JSON.parse(res.body);
}

const TEXT = '我们给新员工办社保增员，系统提示已在其他单位参保，怎么办？';
const similar = (cookie: string, extra = '') =>
  get(`/appeals/similar?text=${encodeURIComponent(TEXT)}${extra}`, cookie).then((r) => ok(r));

describe('similarity', () => {
  it('scores identical texts 1, unrelated ones near 0, a contained title high', () => {
    const a = bigrams('社保增员失败');
    expect(similarity(a, bigrams('社保增员失败'), new Set())).toBe(1);
    expect(similarity(a, bigrams('暖气不热'), bigrams('室温只有14度'))).toBe(0);
    expect(
      similarity(bigrams(TEXT), bigrams('社保增员'), bigrams('很长的与问题无关的正文内容，讲的是别的事情')),
    ).toBeGreaterThan(0.5);
  });
});

describe('GET /appeals/similar', () => {
  it('shows an enterprise only its own open appeals, plus public replies and KB answers', async () => {
    const r = await similar(cookies.entA);
    const open = r.open.map((x: { id: string }) => x.id);
    expect(open).toEqual([ids.openA]);
    expect(r.open[0].score).toBeGreaterThan(0.2);
    expect(r.open[0].topicName).toBe('社保登记与缴费');
    // Public: title + reply of the appeal whose reply may be published; never the private one, never its content.
    expect(r.public.map((x: { id: string }) => x.id)).toEqual([ids.publicB]);
    expect(r.public[0].reply).toContain('减员');
    expect(JSON.stringify(r.public)).not.toContain('身份证号');
    expect(r.kb.length).toBeGreaterThan(0);
    expect(r.kb.length).toBeLessThanOrEqual(5);
    expect(r.kb.some((k: { topicCode: string }) => k.topicCode === 'social_insurance')).toBe(true);

    const b = await similar(cookies.entB);
    expect(b.open.map((x: { id: string }) => x.id)).toEqual([ids.openB]);
  });

  it('scopes staff: dispatcher all, liaison his enterprises, handler his department, admin none', async () => {
    const d = await similar(cookies.dispatcher);
    expect(d.open.map((x: { id: string }) => x.id).sort()).toEqual([ids.openA, ids.openB].sort());
    const l = await similar(cookies.liaison);
    expect(l.open.map((x: { id: string }) => x.id)).toEqual([ids.openA]);
    const h = await similar(cookies.handler);
    expect(h.open.map((x: { id: string }) => x.id)).toEqual([ids.handled]);
    const a = await similar(cookies.admin);
    expect(a.open).toEqual([]);
    // On behalf of an enterprise: the liaison for his own, the dispatcher for any.
    expect((await similar(cookies.liaison, `&enterpriseId=${ids.entA}`)).open).toHaveLength(1);
    expect(
      (await similar(cookies.dispatcher, `&enterpriseId=${ids.entB}`)).open.map((x: { id: string }) => x.id),
    ).toEqual([ids.openB]);
  });

  it('ranks by the text and uses the topic to find candidates', async () => {
    const r = await ok(
      await get(
        `/appeals/similar?text=${encodeURIComponent('办公室暖气不热，室温太低')}&topicCode=utility_heating`,
        cookies.entA,
      ),
    );
    expect(r.open.map((x: { id: string }) => x.id)).toEqual([ids.openA2]);
    const none = await ok(
      await get(`/appeals/similar?text=${encodeURIComponent('火星上的咖啡馆')}`, cookies.entA),
    );
    expect(none.open).toEqual([]);
    expect(none.public).toEqual([]);
  });

  it('refuses anonymous callers, bad input and foreign enterprises', async () => {
    expect((await get(`/appeals/similar?text=${encodeURIComponent(TEXT)}`)).statusCode).toBe(401);
    for (const url of ['/appeals/similar', '/appeals/similar?text=', '/appeals/similar?text=a']) {
      const res = await get(url, cookies.entA);
      expect(res.statusCode, url).toBe(400);
      expect(JSON.parse(res.body).error.code).toBe('VALIDATION_FAILED');
    }
    const foreign = await get(
      `/appeals/similar?text=${encodeURIComponent(TEXT)}&enterpriseId=${ids.entB}`,
      cookies.entA,
    );
    expect(foreign.statusCode).toBe(400);
    expect(JSON.parse(foreign.body).error.code).toBe('APPEAL_UNKNOWN_ENTERPRISE');
    const liaisonForeign = await get(
      `/appeals/similar?text=${encodeURIComponent(TEXT)}&enterpriseId=${ids.entB}`,
      cookies.liaison,
    );
    expect(liaisonForeign.statusCode).toBe(400);
  });
});

describe('GET /appeals/suggest', () => {
  it('gives the dispatcher the top 3 topics with their lead department', async () => {
    const r = await ok(
      await get(
        `/appeals/suggest?text=${encodeURIComponent('公司刚拿到营业执照，第一次招员工，想问单位社保开户怎么办理')}`,
        cookies.dispatcher,
      ),
    );
    expect(r.items).toHaveLength(3);
    expect(r.items[0]).toMatchObject({
      topicCode: 'social_insurance',
      topicName: '社保登记与缴费',
      departmentId: departments.get('hrss'),
      departmentName: '区人力资源和社会保障局',
    });
    expect(r.items[0].score).toBeGreaterThan(r.items[1].score);
    // 高/中/低 instead of the raw score: the first choice rated by its lead, the alternatives low.
    expect(r.items.map((x: { rank: number }) => x.rank)).toEqual([1, 2, 3]);
    expect(r.items[0].confidence).toBe('high');
    expect(r.items.slice(1).map((x: { confidence: string }) => x.confidence)).toEqual(['low', 'low']);
    const fire = await ok(
      await get(
        `/appeals/suggest?text=${encodeURIComponent('商场消防通道堆满货物，安全出口上锁')}`,
        cookies.dispatcher,
      ),
    );
    expect(fire.items[0].topicCode).toBe('safety_fire');
    expect(fire.items[0].departmentName).toBe('公安分局');
  });

  it('learns from closed appeals in the database after a refresh', async () => {
    const { appealRouting } = await import('./classifier');
    // The platform object is not exposed; a routing over the same database stands in for it.
    const routing = appealRouting({ database: t.database, clock: t.clock });
    for (let i = 0; i < 6; i++)
      await insertAppeal({
        state: 'closed',
        topicCode: 'general_other',
        title: `关于斑马鱼养殖实验的第${i + 1}个问题`,
        content: '斑马鱼养殖实验室的斑马鱼繁育和斑马鱼饲料怎么处理？',
        closedAt: `2026-03-0${i + 1}T02:00:00.000Z`,
      });
    routing.refresh();
    const s = await routing.suggest('斑马鱼养殖实验', 1);
    expect(s).toHaveLength(1);
    expect(s[0]!.topicCode).toBe('general_other');
    expect(s[0]!.rank).toBe(1);
  });

  it("trains inside a caller's transaction without waiting for another connection", async () => {
    const { createAppealRouting } = await import('./classifier');
    const routing = createAppealRouting({ database: t.database, clock: t.clock });
    const s = await t.database.db
      .transaction()
      .execute((trx) => routing.suggest('燃气报装需要多长时间？', 3, trx));
    expect(s[0]!.topicCode).toBe('utility_gas');
    expect(s[0]!.departmentName).toBe('燃气公司市南服务中心');
  });

  it('is for dispatchers only, and refuses blank text', async () => {
    const url = `/appeals/suggest?text=${encodeURIComponent('停电了')}`;
    expect((await get(url)).statusCode).toBe(401);
    for (const c of [cookies.entA, cookies.handler, cookies.liaison, cookies.admin])
      expect((await get(url, c)).statusCode).toBe(403);
    const blank = await get('/appeals/suggest?text=%20%20', cookies.dispatcher);
    expect(blank.statusCode).toBe(400);
    expect(JSON.parse(blank.body).error.code).toBe('VALIDATION_FAILED');
  });
});
