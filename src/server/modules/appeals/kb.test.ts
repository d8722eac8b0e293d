import type { Insertable } from 'kysely';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { AppealTable } from '../../db/schema';
import { APPEAL_CATALOGUE, seedAppealCatalogue } from '../../db/seed/appeal-catalogue';
import { DEMO_DEPARTMENTS } from '../../db/seed/reference';
import { newId } from '../../platform/ids';
import { makeDepartment, makeEnterpriseUser, makeStaff } from '../../test/factories';
import { createTestApp, login, type TestApp } from '../../test/support';
import { bindUser, makeEnterprise } from '../enterprises/test-fixtures';
import { DEMO_KB, seedAppealKb } from './kb';

let t: TestApp;
const cookies: Record<'editor' | 'dispatcher' | 'enterprise' | 'handler', string> = {
  editor: '',
  dispatcher: '',
  enterprise: '',
  handler: '',
};

beforeAll(async () => {
  t = await createTestApp();
  const departments = new Map<string, string>();
  for (const d of DEMO_DEPARTMENTS)
    departments.set(d.code, await makeDepartment(t.database, { code: d.code, name: d.name, kind: d.kind }));
  const now = t.clock.now().toISOString();
  await t.database.db.transaction().execute(async (trx) => {
    expect(await seedAppealCatalogue(trx, { departments, now })).toBe(APPEAL_CATALOGUE.length);
    expect(await seedAppealKb(trx, { dialect: t.database.dialect, clock: t.clock, id: newId })).toBe(
      DEMO_KB.length,
    );
  });
  const editor = await makeStaff(t.database, ['content_editor']);
  const dispatcher = await makeStaff(t.database, ['dispatcher']);
  const handler = await makeStaff(t.database, ['handler'], { departmentId: departments.get('hrss')! });
  const user = await makeEnterpriseUser(t.database, '13800138021');
  const e = await makeEnterprise(t.database.db);
  await bindUser(t.database.db, user.id, e.id);
  cookies.editor = await login(t.app, editor.username, editor.password);
  cookies.dispatcher = await login(t.app, dispatcher.username, dispatcher.password);
  cookies.handler = await login(t.app, handler.username, handler.password);
  cookies.enterprise = await login(t.app, user.phone, user.password);
}, 120_000);

afterAll(async () => {
  await t?.close();
});

const call = (method: 'GET' | 'POST' | 'PATCH', url: string, payload?: unknown, cookie?: string) =>
  t.app.inject({
    method,
    url: `/api/v1${url}`,
    ...(payload !== undefined ? { payload: payload as object } : {}),
    headers: cookie ? { cookie } : {},
  });

async function ok(res: { statusCode: number; body: string }, status = 200) {
  if (res.statusCode !== status) throw new Error(`expected ${status}, got ${res.statusCode}: ${res.body}`);
  return JSON.parse(res.body);
}

const kbCount = async () =>
  Number(
    (
      await t.database.db
        .selectFrom('appealKb')
        .select((eb) => eb.fn.countAll<number>().as('n'))
        .executeTakeFirstOrThrow()
    ).n,
  );

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

const search = async (q: string) =>
  ok(await call('GET', `/appeal-kb?q=${encodeURIComponent(q)}`)) as Promise<{
    items: { id: string; question: string; questionHtml: string; snippet: string; topicCode: string }[];
    total: number;
  }>;

describe('knowledge base: public search', () => {
  it('finds the demo answers by Chinese queries, highlighted, filtered by topic', async () => {
    const r = await search('社保开户');
    expect(r.total).toBeGreaterThan(0);
    expect(r.items[0]!.question).toContain('社保开户');
    expect(r.items[0]!.questionHtml).toContain('<mark>');
    expect(r.items[0]!.topicCode).toBe('social_insurance');

    const rd = await search('研发费用');
    expect(rd.items.some((h) => h.question.includes('研发费用加计扣除'))).toBe(true);
    // A word only in the answer is found too, with a highlighted snippet.
    const body = await search('反担保');
    expect(body.items[0]!.topicCode).toBe('finance_loans');
    expect(body.items[0]!.snippet).toContain('<mark>');

    const filtered = await ok(
      await call('GET', `/appeal-kb?q=${encodeURIComponent('申请')}&topicCode=talent_services`),
    );
    expect(filtered.items.length).toBeGreaterThan(0);
    expect(filtered.items.every((h: { topicCode: string }) => h.topicCode === 'talent_services')).toBe(true);

    const all = await ok(await call('GET', '/appeal-kb?pageSize=50'));
    expect(all.total).toBe(DEMO_KB.length);
    expect((await search('完全无关的火星殖民')).total).toBe(0);
  });

  it('shows a published entry to everyone and counts the view', async () => {
    const hit = (await search('门头牌匾')).items[0]!;
    const entry = await ok(await call('GET', `/appeal-kb/${hit.id}`));
    expect(entry.status).toBe('published');
    expect(entry.answer.length).toBeGreaterThan(20);
    expect(entry.source).toBeNull();
    expect(entry.views).toBe(1);
    expect((await call('GET', '/appeal-kb/nope')).statusCode).toBe(404);
  });

  it('refuses bad queries with 400', async () => {
    const res = await call('GET', `/appeal-kb?q=${'长'.repeat(101)}`);
    expect(res.statusCode).toBe(400);
    expect(JSON.parse(res.body).error.code).toBe('VALIDATION_FAILED');
    expect((await call('GET', '/appeal-kb?page=0')).statusCode).toBe(400);
  });
});

describe('knowledge base: curation', () => {
  it('keeps drafts from the public, publishes into the search, archives out of it (audited)', async () => {
    const created = await ok(
      await call(
        'POST',
        '/appeal-kb',
        {
          question: '企业怎样申请海鲜冷库的排污许可登记？',
          answer: '冷库项目一般实行排污登记管理，在全国排污许可证管理信息平台填报排污登记表即可，当日完成。',
          topicCode: 'eco_environment',
        },
        cookies.editor,
      ),
      201,
    );
    expect(created.status).toBe('draft');
    expect(created.topicName).toBe('生态环境与环评');
    const id = created.id as string;

    // Invisible to the public while a draft, visible to curators.
    expect((await search('海鲜冷库')).total).toBe(0);
    expect((await call('GET', `/appeal-kb/${id}`)).statusCode).toBe(404);
    expect((await call('GET', `/appeal-kb/${id}`, undefined, cookies.enterprise)).statusCode).toBe(404);
    expect((await ok(await call('GET', `/appeal-kb/${id}`, undefined, cookies.dispatcher))).status).toBe(
      'draft',
    );
    const drafts = await ok(
      await call('GET', '/appeal-kb/manage?status=draft', undefined, cookies.dispatcher),
    );
    expect(drafts.items.map((x: { id: string }) => x.id)).toContain(id);

    const published = await ok(await call('POST', `/appeal-kb/${id}/publish`, undefined, cookies.editor));
    expect(published.status).toBe('published');
    expect(published.publishedAt).not.toBeNull();
    expect((await search('海鲜冷库')).items.map((h) => h.id)).toEqual([id]);
    const again = await call('POST', `/appeal-kb/${id}/publish`, undefined, cookies.editor);
    expect(again.statusCode).toBe(409);
    expect(JSON.parse(again.body).error.code).toBe('INVALID_TRANSITION');

    // Editing a published entry re-indexes it.
    await ok(
      await call(
        'PATCH',
        `/appeal-kb/${id}`,
        { question: '海鲜冷库和冷链仓储怎样办理排污登记？' },
        cookies.editor,
      ),
    );
    expect((await search('冷链仓储')).items.map((h) => h.id)).toEqual([id]);

    const archived = await ok(await call('POST', `/appeal-kb/${id}/archive`, undefined, cookies.dispatcher));
    expect(archived.status).toBe('archived');
    expect((await search('海鲜冷库')).total).toBe(0);
    expect((await call('GET', `/appeal-kb/${id}`)).statusCode).toBe(404);

    const actions = await t.database.db
      .selectFrom('auditLog')
      .select('action')
      .where('objectId', '=', id)
      .orderBy('seq')
      .execute();
    expect(actions.map((a) => a.action)).toEqual([
      'appeal_kb.create',
      'appeal_kb.publish',
      'appeal_kb.update',
      'appeal_kb.archive',
    ]);
  });

  it('turns a closed 咨询 appeal into a draft, with its title, reply and topic', async () => {
    const source = await insertAppeal({
      type: 'consult',
      state: 'closed',
      title: '新公司社保开户需要带什么材料？',
      content: '刚拿到营业执照，第一次招人。',
      topicCode: 'social_insurance',
      replyContent: '营业执照办好后可在人社网上服务平台办理单位参保登记，需要营业执照和法定代表人身份证件。',
      closedAt: '2026-03-06T02:00:00.000Z',
    });
    const entry = await ok(
      await call('POST', '/appeal-kb', { sourceAppealId: source }, cookies.dispatcher),
      201,
    );
    expect(entry.question).toBe('新公司社保开户需要带什么材料？');
    expect(entry.answer).toContain('单位参保登记');
    expect(entry.topicCode).toBe('social_insurance');
    expect(entry.source.id).toBe(source);
    expect(entry.status).toBe('draft');
  });

  it('refuses a source that is not a closed 咨询 appeal (409) and changes nothing', async () => {
    const complaint = await insertAppeal({ type: 'complaint', state: 'closed', replyContent: '已处理' });
    const open = await insertAppeal({ type: 'consult', state: 'replied', replyContent: '答复' });
    const before = await kbCount();
    for (const [sourceAppealId, words] of [
      [complaint, '咨询'],
      [open, '办结'],
    ] as const) {
      const res = await call('POST', '/appeal-kb', { sourceAppealId }, cookies.editor);
      expect(res.statusCode).toBe(409);
      const { error } = JSON.parse(res.body);
      expect(error.code).toBe('CONFLICT');
      expect(error.message).toContain(words);
    }
    const missing = await call('POST', '/appeal-kb', { sourceAppealId: 'no-such-appeal' }, cookies.editor);
    expect(missing.statusCode).toBe(400);
    expect(await kbCount()).toBe(before);
  });

  it('refuses bad input with 400 and field details, and changes nothing', async () => {
    const before = await kbCount();
    const cases: [unknown, string, string][] = [
      [{ answer: '只有答案没有问题的条目' }, 'VALIDATION_FAILED', 'question'],
      [{ question: '只有问题？' }, 'VALIDATION_FAILED', 'answer'],
      [{ question: '问'.repeat(301), answer: '答案内容' }, 'VALIDATION_FAILED', 'question'],
      [
        { question: '有效的问题？', answer: '有效的答案', topicCode: 'no_such_topic' },
        'APPEAL_UNKNOWN_TOPIC',
        'topicCode',
      ],
      [{ question: '有效的问题？', answer: '有效的答案', status: 'published' }, 'UNKNOWN_FIELD', ''],
    ];
    for (const [payload, code, field] of cases) {
      const res = await call('POST', '/appeal-kb', payload, cookies.editor);
      expect(res.statusCode, JSON.stringify(payload)).toBe(400);
      const { error } = JSON.parse(res.body);
      expect(error.code).toBe(code);
      if (field) expect(error.details.fields.map((f: { field: string }) => f.field)).toContain(field);
    }
    expect(await kbCount()).toBe(before);
    const some = (await search('社保开户')).items[0]!;
    const patch = await call('PATCH', `/appeal-kb/${some.id}`, {}, cookies.editor);
    expect(patch.statusCode).toBe(400);
    const unchanged = await ok(await call('GET', `/appeal-kb/${some.id}`, undefined, cookies.editor));
    expect(unchanged.question).toBe(some.question);
  });

  it('lets only curators curate', async () => {
    const payload = { question: '谁都能写知识库吗？', answer: '不能，只有分拨员和内容编辑可以。' };
    expect((await call('POST', '/appeal-kb', payload)).statusCode).toBe(401);
    expect((await call('POST', '/appeal-kb', payload, cookies.enterprise)).statusCode).toBe(403);
    expect((await call('POST', '/appeal-kb', payload, cookies.handler)).statusCode).toBe(403);
    expect((await call('GET', '/appeal-kb/manage', undefined, cookies.enterprise)).statusCode).toBe(403);
    const some = (await search('营业执照')).items[0]!;
    expect(
      (await call('POST', `/appeal-kb/${some.id}/archive`, undefined, cookies.enterprise)).statusCode,
    ).toBe(403);
    expect((await search('营业执照')).items.map((h) => h.id)).toContain(some.id);
  });
});
