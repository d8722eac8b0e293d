import { SaxesParser } from 'saxes';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { MINUTE } from '../../platform/clock';
import { newId } from '../../platform/ids';
import { makeDepartment, makeEnterpriseUser, makeStaff } from '../../test/factories';
import { createTestApp, login, type TestApp } from '../../test/support';
import { EXE_BYTES, multipartBody, PDF_BYTES } from '../policies/test-helpers';

// The content module through its HTTP API, on the test database (SQLite or PostgreSQL): what the public sees
// (drafts, scheduled and archived answer 404 and are absent from lists, search and feeds), the editor's workflow
// with versions and roles, sanitising, bad input, attachments, feeds, measures.

let t: TestApp;
const c = { editor: '', other: '', enterprise: '' };
let editorName = '';

beforeAll(async () => {
  t = await createTestApp({ now: '2026-03-10T02:00:00.000Z' });
  const editor = await makeStaff(t.database, ['content_editor']);
  const other = await makeStaff(t.database, ['policy_editor', 'dispatcher']);
  const ent = await makeEnterpriseUser(t.database, '13800138077');
  c.editor = await login(t.app, editor.username, editor.password);
  c.other = await login(t.app, other.username, other.password);
  c.enterprise = await login(t.app, ent.phone, ent.password);
  editorName = (
    await t.database.db
      .selectFrom('users')
      .select('displayName')
      .where('username', '=', editor.username)
      .executeTakeFirstOrThrow()
  ).displayName;
}, 120_000);

afterAll(async () => {
  await t?.close();
});

type Method = 'GET' | 'POST' | 'PATCH' | 'DELETE';
const call = (method: Method, url: string, payload?: unknown, cookie?: string) =>
  t.app.inject({
    method,
    url: `/api/v1${url}`,
    ...(payload !== undefined ? { payload: payload as object } : {}),
    headers: cookie ? { cookie } : {},
  });

function ok(res: { statusCode: number; body: string }, status = 200) {
  if (res.statusCode !== status) throw new Error(`expected ${status}, got ${res.statusCode}: ${res.body}`);
  return res.body ? JSON.parse(res.body) : null;
}

const articleInput = (over: Record<string, unknown> = {}) => ({
  channel: 'news',
  title: '区政务服务中心推出企业开办“一日办结”',
  summary: '企业开办全流程压缩至一个工作日。',
  source: '区行政审批服务局',
  bodyHtml: '<p>即日起，企业开办实行“一窗受理、并联办理”。</p>',
  ...over,
});

async function createArticle(over: Record<string, unknown> = {}) {
  return ok(await call('POST', '/content/manage/articles', articleInput(over), c.editor), 201);
}

async function publish(id: string, version: number, publishAt?: string, kind = 'articles') {
  return ok(
    await call(
      'POST',
      `/content/manage/${kind}/${id}/publish`,
      { version, ...(publishAt ? { publishAt } : {}) },
      c.editor,
    ),
  );
}

const publicIds = async (url: string) =>
  (ok(await call('GET', url)).items as { id: string }[]).map((i) => i.id);

async function auditActions(objectId: string) {
  const rows = await t.database.db
    .selectFrom('auditLog')
    .select('action')
    .where('objectId', '=', objectId)
    .orderBy('seq')
    .execute();
  return rows.map((r) => r.action);
}

function parseXml(xml: string) {
  const parser = new SaxesParser({ xmlns: true });
  const elements: { name: string; text: string; attrs: Record<string, string> }[] = [];
  const stack: { name: string; text: string; attrs: Record<string, string> }[] = [];
  parser.on('opentag', (tag) => {
    const attrs: Record<string, string> = {};
    for (const [k, v] of Object.entries(tag.attributes)) attrs[k] = typeof v === 'string' ? v : v.value;
    stack.push({ name: tag.local ?? tag.name, text: '', attrs });
  });
  parser.on('text', (text) => {
    const top = stack[stack.length - 1];
    if (top) top.text += text;
  });
  parser.on('closetag', () => {
    const e = stack.pop();
    if (e) elements.push(e);
  });
  parser.write(xml).close();
  return elements;
}

describe('public visibility', () => {
  it('shows published articles only: drafts, scheduled and archived answer 404 and are not listed', async () => {
    const draft = await createArticle({ title: '尚未发布的草稿通知' });
    const live = await createArticle({ title: '已经发布的工作动态' });
    await publish(live.id, live.version);
    const scheduled = await createArticle({ title: '下周发布的定时通知', channel: 'notice' });
    const sched = await publish(scheduled.id, scheduled.version, '2026-03-17T01:00:00.000Z');
    expect(sched.state).toBe('scheduled');
    const gone = await createArticle({ title: '已归档的旧动态' });
    const p = await publish(gone.id, gone.version);
    ok(await call('POST', `/content/manage/articles/${gone.id}/archive`, { version: p.version }, c.editor));

    expect((await call('GET', `/content/articles/${live.id}`)).statusCode).toBe(200);
    for (const id of [draft.id, scheduled.id, gone.id]) {
      expect((await call('GET', `/content/articles/${id}`)).statusCode).toBe(404);
    }
    const ids = await publicIds('/content/articles?pageSize=100');
    expect(ids).toContain(live.id);
    for (const id of [draft.id, scheduled.id, gone.id]) expect(ids).not.toContain(id);

    // The editor sees every state.
    const manage = ok(await call('GET', '/content/manage/articles?pageSize=100', undefined, c.editor));
    const states = new Map(
      (manage.items as { id: string; state: string }[]).map((i) => [i.id, i.state] as const),
    );
    expect(states.get(draft.id)).toBe('draft');
    expect(states.get(scheduled.id)).toBe('scheduled');
    expect(states.get(gone.id)).toBe('archived');
    expect(states.get(live.id)).toBe('published');
    const onlyScheduled = ok(
      await call('GET', '/content/manage/articles?status=scheduled&pageSize=100', undefined, c.editor),
    );
    expect((onlyScheduled.items as { id: string }[]).map((i) => i.id)).toEqual([scheduled.id]);
  });

  it('makes a scheduled article visible, listed and findable once the clock passes its time', async () => {
    const a = await createArticle({
      channel: 'notice',
      title: '关于开展2026年度研发费用加计扣除政策宣讲的预告',
      bodyHtml: '<p>宣讲研发费用加计扣除与税收优惠政策。</p>',
    });
    await publish(a.id, a.version, '2026-03-12T00:00:00.000Z');
    const search = () => publicIds(`/content/articles?q=${encodeURIComponent('加计扣除')}`);
    expect(await search()).not.toContain(a.id);
    expect((await call('GET', `/content/articles/${a.id}`)).statusCode).toBe(404);
    const feedBefore = (await call('GET', '/content/feed.atom')).body;
    expect(feedBefore).not.toContain(a.id);

    t.clock.set('2026-03-12T00:00:01.000Z');
    try {
      expect(await search()).toContain(a.id);
      expect(ok(await call('GET', `/content/articles/${a.id}`)).state).toBe('published');
      expect(await publicIds('/content/articles?channel=notice')).toContain(a.id);
      expect((await call('GET', '/content/feed.atom')).body).toContain(a.id);
    } finally {
      t.clock.set('2026-03-10T02:00:00.000Z');
    }
  });

  it('lists pinned articles first, then the newest publication', async () => {
    const older = await createArticle({ channel: 'event', title: '排序测试：较早的活动' });
    await publish(older.id, older.version, '2026-03-01T00:00:00.000Z');
    const newer = await createArticle({ channel: 'event', title: '排序测试：较新的活动' });
    await publish(newer.id, newer.version, '2026-03-05T00:00:00.000Z');
    const pinned = await createArticle({ channel: 'event', title: '排序测试：置顶的活动', pinned: true });
    await publish(pinned.id, pinned.version, '2026-02-01T00:00:00.000Z');
    const list = ok(await call('GET', '/content/articles?channel=event'));
    const ids = (list.items as { id: string }[]).map((i) => i.id);
    expect(ids.indexOf(pinned.id)).toBe(0);
    expect(ids.indexOf(newer.id)).toBeLessThan(ids.indexOf(older.id));
    expect(list.items[0].pinned).toBe(true);
    expect(list).toMatchObject({ page: 1, pageSize: 20 });
    expect(list.total).toBe(ids.length);
  });

  it('counts a view on each public read', async () => {
    const a = await createArticle({ title: '浏览计数测试' });
    await publish(a.id, a.version);
    ok(await call('GET', `/content/articles/${a.id}`));
    const second = ok(await call('GET', `/content/articles/${a.id}`));
    expect(second.views).toBe(2);
  });
});

describe('search', () => {
  it('finds a two-character term (补贴, 税收) with <mark> highlights, relevance first', async () => {
    const inTitle = await createArticle({
      channel: 'interpretation',
      title: '一图读懂：首次升规企业奖励补贴怎么申请',
      summary: '首次纳入规模以上统计的工业企业可获奖励。',
      bodyHtml: '<p>补贴标准为一次性奖励。</p>',
    });
    await publish(inTitle.id, inTitle.version);
    const inBody = await createArticle({
      title: '区税务局走访重点企业',
      summary: '了解企业经营情况。',
      bodyHtml: '<p>宣讲了研发费用加计扣除、留抵退税等税收优惠政策，并介绍了稳岗补贴。</p>',
    });
    await publish(inBody.id, inBody.version);
    const unrelated = await createArticle({ title: '区领导调研海洋经济项目', bodyHtml: '<p>调研。</p>' });
    await publish(unrelated.id, unrelated.version);

    const res = ok(await call('GET', `/content/articles?q=${encodeURIComponent('补贴')}`));
    const ids = (res.items as { id: string }[]).map((i) => i.id);
    expect(ids).toContain(inTitle.id);
    expect(ids).toContain(inBody.id);
    expect(ids).not.toContain(unrelated.id);
    expect(ids.indexOf(inTitle.id)).toBeLessThan(ids.indexOf(inBody.id));
    expect(res.total).toBe(ids.length);
    const hit = res.items.find((i: { id: string }) => i.id === inTitle.id);
    expect(hit.highlight.title).toContain('<mark>补贴</mark>');

    const tax = ok(await call('GET', `/content/articles?q=${encodeURIComponent('税收')}`));
    const taxHit = tax.items.find((i: { id: string }) => i.id === inBody.id);
    expect(taxHit).toBeTruthy();
    expect(taxHit.highlight.summary).toContain('<mark>税收</mark>');
    // Channel filter with a keyword.
    const onlyInterp = ok(
      await call('GET', `/content/articles?channel=interpretation&q=${encodeURIComponent('补贴')}`),
    );
    expect((onlyInterp.items as { id: string }[]).map((i) => i.id)).toEqual([inTitle.id]);
  });

  it('escapes what it highlights', async () => {
    const a = await createArticle({ title: '<b>补贴</b> & 奖励 说明', bodyHtml: '<p>x</p>' });
    await publish(a.id, a.version);
    const res = ok(await call('GET', `/content/articles?q=${encodeURIComponent('补贴')}`));
    const hit = res.items.find((i: { id: string }) => i.id === a.id);
    expect(hit.highlight.title).toContain('&lt;b&gt;<mark>补贴</mark>&lt;/b&gt; &amp;');
  });

  it('drops withdrawn and archived articles from the search', async () => {
    const a = await createArticle({ title: '关于稳岗补贴申领的通知（撤回测试）' });
    const p = await publish(a.id, a.version);
    const find = () => publicIds(`/content/articles?q=${encodeURIComponent('稳岗补贴申领')}`);
    expect(await find()).toContain(a.id);
    const w = ok(
      await call('POST', `/content/manage/articles/${a.id}/withdraw`, { version: p.version }, c.editor),
    );
    expect(w.status).toBe('draft');
    expect(await find()).not.toContain(a.id);
    const again = await publish(a.id, w.version);
    expect(await find()).toContain(a.id);
    ok(await call('POST', `/content/manage/articles/${a.id}/archive`, { version: again.version }, c.editor));
    expect(await find()).not.toContain(a.id);
  });
});

describe('editor workflow', () => {
  it('refuses visitors (401) and other staff and enterprises (403)', async () => {
    expect((await call('POST', '/content/manage/articles', articleInput())).statusCode).toBe(401);
    expect((await call('GET', '/content/manage/articles')).statusCode).toBe(401);
    expect((await call('POST', '/content/manage/articles', articleInput(), c.other)).statusCode).toBe(403);
    expect((await call('GET', '/content/manage/guides', undefined, c.enterprise)).statusCode).toBe(403);
    expect((await call('PATCH', '/content/manage/measures/x', { version: 1 }, c.other)).statusCode).toBe(403);
  });

  it('creates, edits with versions (409 on a stale one), publishes, withdraws, archives, audits each step', async () => {
    const a = await createArticle();
    expect(a).toMatchObject({ status: 'draft', state: 'draft', version: 1, createdByName: editorName });
    const edited = ok(
      await call('PATCH', `/content/manage/articles/${a.id}`, { title: '新标题', version: 1 }, c.editor),
    );
    expect(edited).toMatchObject({ title: '新标题', version: 2, updatedByName: editorName });
    const stale = await call(
      'PATCH',
      `/content/manage/articles/${a.id}`,
      { title: '旧版本', version: 1 },
      c.editor,
    );
    expect(stale.statusCode).toBe(409);
    expect(stale.json().error.code).toBe('CONTENT_VERSION_CONFLICT');
    expect(ok(await call('GET', `/content/manage/articles/${a.id}`, undefined, c.editor)).title).toBe(
      '新标题',
    );
    const stalePublish = await call(
      'POST',
      `/content/manage/articles/${a.id}/publish`,
      { version: 1 },
      c.editor,
    );
    expect(stalePublish.statusCode).toBe(409);

    const p = await publish(a.id, 2);
    expect(p).toMatchObject({ status: 'published', state: 'published', version: 3 });
    expect(p.publishAt).toBe(t.clock.now().toISOString());
    // Published once: no longer deletable.
    const del = await call('DELETE', `/content/manage/articles/${a.id}`, undefined, c.editor);
    expect(del.statusCode).toBe(409);
    expect(del.json().error.code).toBe('CONTENT_NOT_DELETABLE');
    const w = ok(await call('POST', `/content/manage/articles/${a.id}/withdraw`, { version: 3 }, c.editor));
    expect((await call('DELETE', `/content/manage/articles/${a.id}`, undefined, c.editor)).statusCode).toBe(
      409,
    );
    // Archive needs a published article.
    const bad = await call(
      'POST',
      `/content/manage/articles/${a.id}/archive`,
      { version: w.version },
      c.editor,
    );
    expect(bad.statusCode).toBe(409);
    expect(bad.json().error.code).toBe('CONTENT_INVALID_STATE');
    const again = await publish(a.id, w.version);
    ok(await call('POST', `/content/manage/articles/${a.id}/archive`, { version: again.version }, c.editor));

    expect(await auditActions(a.id)).toEqual([
      'content.article.create',
      'content.article.update',
      'content.article.publish',
      'content.article.withdraw',
      'content.article.publish',
      'content.article.archive',
    ]);
  });

  it('deletes a draft never published, audited', async () => {
    const a = await createArticle({ title: '要删除的草稿' });
    ok(await call('DELETE', `/content/manage/articles/${a.id}`, undefined, c.editor));
    expect((await call('GET', `/content/manage/articles/${a.id}`, undefined, c.editor)).statusCode).toBe(404);
    expect(await auditActions(a.id)).toEqual(['content.article.create', 'content.article.delete']);
    expect((await call('DELETE', '/content/manage/articles/nope', undefined, c.editor)).statusCode).toBe(404);
  });

  it('sanitises bodies: scripts, handlers and styles go, structure stays', async () => {
    const a = await createArticle({
      bodyHtml:
        '<h1 style="color:red">标题</h1><p onclick="steal()">正文<script>alert(1)</script><a href="javascript:alert(1)">坏链接</a><a href="https://www.qingdao.gov.cn/">好链接</a></p><img src=x onerror=alert(1)><iframe src="https://evil"></iframe>',
    });
    const body: string = a.bodyHtml;
    expect(body).not.toMatch(/script|onclick|onerror|iframe|javascript:|style=|<img/i);
    expect(body).toContain('<h2>标题</h2>');
    expect(body).toContain('href="https://www.qingdao.gov.cn/"');
    expect(body).toContain('正文');
    const patched = ok(
      await call(
        'PATCH',
        `/content/manage/articles/${a.id}`,
        { bodyHtml: '<p onmouseover="x()">改<script>1</script></p>', version: a.version },
        c.editor,
      ),
    );
    expect(patched.bodyHtml).toBe('<p>改</p>');
  });

  it('refuses bad input with 400 and changes nothing', async () => {
    const before = ok(await call('GET', '/content/manage/articles?pageSize=1', undefined, c.editor)).total;
    const empty = await call('POST', '/content/manage/articles', articleInput({ title: '   ' }), c.editor);
    expect(empty.statusCode).toBe(400);
    expect(JSON.stringify(empty.json().error)).toContain('title');
    expect(
      (await call('POST', '/content/manage/articles', articleInput({ channel: 'gossip' }), c.editor))
        .statusCode,
    ).toBe(400);
    expect(
      (await call('POST', '/content/manage/articles', articleInput({ extra: 1 }), c.editor)).statusCode,
    ).toBe(400);
    expect(
      (await call('POST', '/content/manage/articles', articleInput({ eventStartsAt: '明天下午' }), c.editor))
        .statusCode,
    ).toBe(400);
    // Over the field limit (200,000 characters) but under the request limit: 400.
    const long = await call(
      'POST',
      '/content/manage/articles',
      articleInput({ bodyHtml: `<p>${'长'.repeat(200_001)}</p>` }),
      c.editor,
    );
    expect(long.statusCode).toBe(400);
    // Over the request limit (1 MB): 413.
    const huge = await call(
      'POST',
      '/content/manage/articles',
      articleInput({ bodyHtml: 'x'.repeat(1_100_000) }),
      c.editor,
    );
    expect(huge.statusCode).toBe(413);
    expect(ok(await call('GET', '/content/manage/articles?pageSize=1', undefined, c.editor)).total).toBe(
      before,
    );
    // A published article cannot be emptied; a draft with an empty body cannot be published.
    const blank = await createArticle({ bodyHtml: '<script>x</script>' });
    const pub = await call('POST', `/content/manage/articles/${blank.id}/publish`, { version: 1 }, c.editor);
    expect(pub.statusCode).toBe(400);
    expect((await call('GET', '/content/articles?channel=gossip')).statusCode).toBe(400);
    expect((await call('GET', '/content/articles?pageSize=101')).statusCode).toBe(400);
  });
});

describe('guides', () => {
  it('keeps the guide fields, lifecycle and search like articles', async () => {
    const input = {
      category: 'tax',
      title: '增值税留抵退税申请（测试）',
      summary: '符合条件的纳税人申请退还增量留抵税额。',
      timeLimit: '5 个工作日',
      fees: '免费',
      steps: [
        { title: '网上申报', detail: '登录电子税务局填写退（抵）税申请表。' },
        { title: '税务审核', detail: '税务机关审核后出具税务事项通知书。' },
      ],
      materials: [{ name: '退（抵）税申请表', copies: '1 份', note: '电子税务局在线填写' }],
      place: '区政务服务中心二楼税务综合窗口',
      hours: '周一至周五 9:00—17:00（法定节假日除外）',
      phone: '0532-12366',
      onlineUrl: 'https://etax.shandong.chinatax.gov.cn/',
      basis: '《财政部 税务总局关于进一步加大增值税期末留抵退税政策实施力度的公告》',
    };
    const g = ok(await call('POST', '/content/manage/guides', input, c.editor), 201);
    expect(g).toMatchObject({ ...input, status: 'draft', version: 1, attachments: [] });
    expect((await call('GET', `/content/guides/${g.id}`)).statusCode).toBe(404);
    const stale = await call(
      'PATCH',
      `/content/manage/guides/${g.id}`,
      { fees: '收费', version: 2 },
      c.editor,
    );
    expect(stale.statusCode).toBe(409);
    const p = await publish(g.id, 1, undefined, 'guides');
    const pub = ok(await call('GET', `/content/guides/${g.id}`));
    expect(pub).toMatchObject({
      steps: input.steps,
      materials: input.materials,
      place: input.place,
      state: 'published',
    });
    expect(await publicIds('/content/guides?category=tax')).toContain(g.id);
    expect(await publicIds('/content/guides?category=startup')).not.toContain(g.id);
    const found = ok(await call('GET', `/content/guides?q=${encodeURIComponent('留抵')}`));
    expect(found.items[0].id).toBe(g.id);
    expect(found.items[0].highlight.title).toContain('<mark>');
    ok(await call('POST', `/content/manage/guides/${g.id}/archive`, { version: p.version }, c.editor));
    expect((await call('GET', `/content/guides/${g.id}`)).statusCode).toBe(404);
    expect(await publicIds(`/content/guides?q=${encodeURIComponent('留抵')}`)).not.toContain(g.id);
    expect(await auditActions(g.id)).toEqual([
      'content.guide.create',
      'content.guide.publish',
      'content.guide.archive',
    ]);
    const badUrl = await call(
      'POST',
      '/content/manage/guides',
      { ...input, onlineUrl: 'javascript:alert(1)' },
      c.editor,
    );
    expect(badUrl.statusCode).toBe(400);
  });
});

describe('attachments', () => {
  const upload = (path: string, name: string, bytes: Buffer, cookie = c.editor) => {
    const body = multipartBody(name, bytes);
    return t.app.inject({
      method: 'POST',
      url: `/api/v1/content/manage/${path}/attachments`,
      payload: body.payload,
      headers: { ...body.headers, cookie },
    });
  };

  it('accepts allowed types, refuses others (415), and serves the file only while its parent is public', async () => {
    const a = await createArticle({ title: '附件测试通知', channel: 'notice' });
    const refused = await upload(`articles/${a.id}`, 'setup.pdf', EXE_BYTES);
    expect(refused.statusCode).toBe(415);
    expect((await upload(`articles/${a.id}`, 'a.pdf', PDF_BYTES, c.other)).statusCode).toBe(403);
    const res = await upload(`articles/${a.id}`, '申报指南.pdf', PDF_BYTES);
    expect(res.statusCode, res.body).toBe(201);
    const att = res.json();
    expect(att).toMatchObject({ name: '申报指南.pdf', mime: 'application/pdf', size: PDF_BYTES.length });
    expect(att.url).toBe(`/api/v1/content/attachments/${att.id}`);

    // Draft: the public gets 404, the editor the file.
    expect((await t.app.inject({ method: 'GET', url: att.url })).statusCode).toBe(404);
    const asEditor = await t.app.inject({ method: 'GET', url: att.url, headers: { cookie: c.editor } });
    expect(asEditor.statusCode).toBe(200);
    expect(asEditor.headers['content-type']).toContain('application/pdf');

    const view = ok(await call('GET', `/content/manage/articles/${a.id}`, undefined, c.editor));
    expect(view.attachments).toEqual([att]);
    await publish(a.id, view.version);
    const pub = await t.app.inject({ method: 'GET', url: att.url });
    expect(pub.statusCode).toBe(200);
    expect(pub.rawPayload.equals(PDF_BYTES)).toBe(true);
    expect(ok(await call('GET', `/content/articles/${a.id}`)).attachments).toEqual([att]);

    ok(await call('DELETE', `/content/manage/articles/${a.id}/attachments/${att.id}`, undefined, c.editor));
    expect((await t.app.inject({ method: 'GET', url: att.url })).statusCode).toBe(404);
    expect(
      (await call('DELETE', `/content/manage/articles/${a.id}/attachments/${att.id}`, undefined, c.editor))
        .statusCode,
    ).toBe(404);
    expect(await auditActions(a.id)).toEqual([
      'content.article.create',
      'content.attachment.add',
      'content.article.publish',
      'content.attachment.remove',
    ]);
    // JSON to the upload route: 415.
    const json = await call('POST', `/content/manage/articles/${a.id}/attachments`, { file: 'x' }, c.editor);
    expect(json.statusCode).toBe(415);
  });
});

describe('feeds', () => {
  it('serves valid Atom and RSS with absolute links, escaped text and only public articles', async () => {
    const a = await createArticle({
      channel: 'notice',
      title: '关于 <申报> “专精特新” & 小巨人 的通知',
      summary: 'A&B <c>',
    });
    await publish(a.id, a.version, '2026-03-09T08:00:00.000Z');
    const d = await createArticle({ channel: 'notice', title: '不应出现在订阅中的草稿' });

    const atom = await t.app.inject({
      method: 'GET',
      url: '/api/v1/content/feed.atom',
      headers: { host: 'qifu.example.gov.cn' },
    });
    expect(atom.statusCode).toBe(200);
    expect(atom.headers['content-type']).toBe('application/atom+xml; charset=utf-8');
    const els = parseXml(atom.body);
    const entries = els.filter((e) => e.name === 'entry');
    expect(entries.length).toBeGreaterThan(0);
    expect(entries.length).toBeLessThanOrEqual(50);
    const titles = els.filter((e) => e.name === 'title').map((e) => e.text);
    expect(titles).toContain('关于 <申报> “专精特新” & 小巨人 的通知');
    expect(titles).not.toContain('不应出现在订阅中的草稿');
    const links = els.filter((e) => e.name === 'link').map((e) => e.attrs.href);
    expect(links).toContain(`http://qifu.example.gov.cn/services/news/${a.id}`);
    expect(atom.body).not.toContain(d.id);

    const rss = await t.app.inject({
      method: 'GET',
      url: '/api/v1/content/feed.rss?channel=notice',
      headers: { host: 'qifu.example.gov.cn' },
    });
    expect(rss.headers['content-type']).toBe('application/rss+xml; charset=utf-8');
    const r = parseXml(rss.body);
    expect(r.find((e) => e.name === 'rss')?.attrs.version).toBe('2.0');
    const items = r.filter((e) => e.name === 'item');
    expect(items.length).toBeGreaterThan(0);
    expect(r.filter((e) => e.name === 'guid').map((e) => e.text)).toContain(
      `http://qifu.example.gov.cn/services/news/${a.id}`,
    );
    expect(r.filter((e) => e.name === 'description').map((e) => e.text)).toContain('A&B <c>');
    expect(r.find((e) => e.name === 'pubDate')?.text).toMatch(/GMT$/);
    // Only the channel asked for.
    const news = await createArticle({ channel: 'news', title: '订阅栏目过滤：工作动态' });
    await publish(news.id, news.version);
    expect(rss.body).not.toContain(news.id);
    const all = await t.app.inject({ method: 'GET', url: '/api/v1/content/feed.rss' });
    expect(all.body).toContain(news.id);
    // A forged Host header does not get into the links.
    const forged = await t.app.inject({
      method: 'GET',
      url: '/api/v1/content/feed.atom',
      headers: { host: 'evil"><x' },
    });
    expect(forged.body).not.toContain('evil');
    parseXml(forged.body);
  });
});

describe('action plan measures', () => {
  let planId = '';
  let measureId = '';
  let lateId = '';
  let departmentId = '';

  beforeAll(async () => {
    departmentId = await makeDepartment(t.database, { name: '区行政审批服务局' });
    const now = t.clock.now().toISOString();
    planId = newId();
    const groupId = newId();
    measureId = newId();
    lateId = newId();
    await t.database.db
      .insertInto('contentActionPlans')
      .values({
        id: planId,
        title: '测试行动方案',
        year: 2025,
        summary: '',
        status: 'published',
        publishAt: now,
        createdAt: now,
        updatedAt: now,
      })
      .execute();
    await t.database.db
      .insertInto('contentPlanGroups')
      .values({ id: groupId, planId, seq: 1, title: '提升政务服务效能' })
      .execute();
    const base = {
      planId,
      groupId,
      content: '',
      departmentId,
      progress: 20,
      version: 1,
      updatedBy: null,
      createdAt: now,
      updatedAt: now,
    };
    await t.database.db
      .insertInto('contentMeasures')
      .values([
        {
          ...base,
          id: measureId,
          seq: 1,
          title: '推行企业开办一日办结',
          deadline: '2026-12-31',
          status: 'in_progress',
        },
        {
          ...base,
          id: lateId,
          seq: 2,
          title: '建成工程建设项目审批联合图审',
          deadline: '2026-01-31',
          status: 'in_progress',
        },
      ])
      .execute();
  });

  it('derives delayed for a measure not done past its deadline, and counts it', async () => {
    const plan = ok(await call('GET', `/content/action-plans/${planId}`));
    const ms = plan.groups[0].measures;
    expect(ms.find((m: { id: string }) => m.id === lateId)).toMatchObject({
      storedStatus: 'in_progress',
      status: 'delayed',
    });
    expect(ms.find((m: { id: string }) => m.id === measureId)).toMatchObject({
      status: 'in_progress',
      departmentName: '区行政审批服务局',
    });
    expect(plan.counts).toEqual({ not_started: 0, in_progress: 1, done: 0, delayed: 1 });
    expect(ms[0].version).toBeUndefined();
    const list = ok(await call('GET', '/content/action-plans'));
    expect(list.items.find((p: { id: string }) => p.id === planId)).toMatchObject({
      measureCount: 2,
      doneCount: 0,
    });
  });

  it('records progress with a required note, appends it newest first, audits it', async () => {
    const noNote = await call(
      'POST',
      `/content/manage/measures/${lateId}/progress`,
      { status: 'done', progress: 100, note: '' },
      c.editor,
    );
    expect(noNote.statusCode).toBe(400);
    const missing = await call(
      'POST',
      `/content/manage/measures/${lateId}/progress`,
      { status: 'done', progress: 100 },
      c.editor,
    );
    expect(missing.statusCode).toBe(400);
    expect(
      (
        await call(
          'POST',
          `/content/manage/measures/${lateId}/progress`,
          { status: 'in_progress', progress: 120, note: '进度' },
          c.editor,
        )
      ).statusCode,
    ).toBe(400);
    expect(
      (
        await call(
          'POST',
          '/content/manage/measures/none/progress',
          { status: 'done', progress: 100, note: '已完成' },
          c.editor,
        )
      ).statusCode,
    ).toBe(404);

    const first = ok(
      await call(
        'POST',
        `/content/manage/measures/${lateId}/progress`,
        { status: 'in_progress', progress: 60, note: '联合图审系统完成部署测试。' },
        c.editor,
      ),
    );
    expect(first).toMatchObject({ storedStatus: 'in_progress', status: 'delayed', progress: 60 });
    t.clock.advance(MINUTE);
    const done = ok(
      await call(
        'POST',
        `/content/manage/measures/${lateId}/progress`,
        { status: 'done', progress: 90, note: '系统已上线运行。' },
        c.editor,
      ),
    );
    t.clock.set('2026-03-10T02:00:00.000Z');
    expect(done).toMatchObject({ storedStatus: 'done', status: 'done', progress: 100 });
    expect(done.notes.map((n: { text: string }) => n.text)).toEqual([
      '系统已上线运行。',
      '联合图审系统完成部署测试。',
    ]);
    expect(done.notes[0].authorName).toBe(editorName);
    expect(await auditActions(lateId)).toEqual(['content.measure.progress', 'content.measure.progress']);
    const plan = ok(await call('GET', `/content/action-plans/${planId}`));
    expect(plan.counts).toEqual({ not_started: 0, in_progress: 1, done: 1, delayed: 0 });
  });

  it('edits a measure with its version (409 when stale), checks the department, audits', async () => {
    const view = ok(await call('GET', `/content/manage/action-plans/${planId}`, undefined, c.editor));
    const m = view.groups[0].measures.find((x: { id: string }) => x.id === measureId);
    const changed = ok(
      await call(
        'PATCH',
        `/content/manage/measures/${measureId}`,
        { deadline: '2026-02-28', version: m.version },
        c.editor,
      ),
    );
    expect(changed).toMatchObject({ deadline: '2026-02-28', status: 'delayed', version: m.version + 1 });
    const stale = await call(
      'PATCH',
      `/content/manage/measures/${measureId}`,
      { title: '旧', version: m.version },
      c.editor,
    );
    expect(stale.statusCode).toBe(409);
    expect(stale.json().error.code).toBe('CONTENT_VERSION_CONFLICT');
    const dept = await call(
      'PATCH',
      `/content/manage/measures/${measureId}`,
      { departmentId: 'nope', version: changed.version },
      c.editor,
    );
    expect(dept.statusCode).toBe(400);
    expect(dept.json().error.code).toBe('UNKNOWN_DEPARTMENT');
    expect(
      (
        await call(
          'PATCH',
          `/content/manage/measures/${measureId}`,
          { deadline: '2026-13-01', version: changed.version },
          c.editor,
        )
      ).statusCode,
    ).toBe(400);
    expect(await auditActions(measureId)).toEqual(['content.measure.update']);
  });

  it('hides an unpublished plan from the public but not from the editor', async () => {
    await t.database.db
      .updateTable('contentActionPlans')
      .set({ status: 'draft' })
      .where('id', '=', planId)
      .execute();
    try {
      expect((await call('GET', `/content/action-plans/${planId}`)).statusCode).toBe(404);
      expect(
        ok(await call('GET', '/content/action-plans')).items.map((p: { id: string }) => p.id),
      ).not.toContain(planId);
      expect(
        ok(await call('GET', `/content/manage/action-plans/${planId}`, undefined, c.editor)).status,
      ).toBe('draft');
    } finally {
      await t.database.db
        .updateTable('contentActionPlans')
        .set({ status: 'published' })
        .where('id', '=', planId)
        .execute();
    }
  });
});
