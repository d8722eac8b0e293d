import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { isUniqueViolation } from '../../db/dialect';
import { multipartBody, PDF_BYTES } from '../policies/test-helpers';
import { type AppealTestEnv, createAppealTestEnv } from './test-helpers';

let env: AppealTestEnv;
beforeAll(async () => {
  env = await createAppealTestEnv();
}, 60_000);
afterAll(async () => {
  await env?.close();
});

const row = (id: string) =>
  env.t.database.db.selectFrom('appeals').selectAll().where('id', '=', id).executeTakeFirstOrThrow();
const events = (id: string) =>
  env.t.database.db
    .selectFrom('appealEvents')
    .selectAll()
    .where('appealId', '=', id)
    .orderBy('seq')
    .execute();

async function ok(res: { statusCode: number; body: string }, status = 200) {
  if (res.statusCode !== status) throw new Error(`expected ${status}, got ${res.statusCode}: ${res.body}`);
  return JSON.parse(res.body);
}

describe('appeals: the closed loop', () => {
  it('runs submit → accept → dispatch → return → redispatch → sign → extension → urge → supervise → reply → rate → reopen → reply → rate → close', async () => {
    const { cookies, dept, act, call } = env;
    const { id, code } = await env.submit();
    expect(code).toMatch(/^SQ20260310\d{4}$/);
    let r = await row(id);
    expect(r.state).toBe('submitted');
    expect(r.receivedOn).toBe('2026-03-10');
    // 1 working day after the receipt day, 17:30 Shanghai.
    expect(r.acceptDeadline).toBe('2026-03-11T09:30:00.000Z');
    // Dispatchers were told.
    const notes = await env.t.database.db
      .selectFrom('notifications')
      .selectAll()
      .where('userId', '=', env.ids.dispatcher!)
      .execute();
    expect(notes.some((n) => n.title.includes(code))).toBe(true);

    // The enterprise sees its own appeal with the accept clock; the other enterprise gets 404.
    const mine = await ok(await call('GET', `/appeals/${id}`, undefined, cookies.entA));
    expect(mine.sla.accept.status).toBe('on_time');
    expect(mine.allowedActions).toEqual([]);
    expect((await call('GET', `/appeals/${id}`, undefined, cookies.entB)).statusCode).toBe(404);
    expect((await call('GET', `/appeals/${id}`, undefined, cookies.admin)).statusCode).toBe(404);
    const desk = await ok(await call('GET', `/appeals/${code}`, undefined, cookies.dispatcher));
    expect(desk.allowedActions).toEqual(
      expect.arrayContaining(['accept', 'reject', 'ask_info', 'merge_into']),
    );
    expect(Array.isArray(desk.suggestion)).toBe(true);

    await ok(await act(id, 'accept', {}, cookies.dispatcher));
    const dispatched = await ok(
      await act(
        id,
        'dispatch',
        { leadDepartmentId: dept.lead, assistingDepartmentIds: [dept.assist] },
        cookies.dispatcher,
      ),
    );
    expect(dispatched.state).toBe('dispatched');
    expect(dispatched.departments.map((d: { role: string }) => d.role).sort()).toEqual(['assisting', 'lead']);
    r = await row(id);
    // consult: 3 working days after the dispatch day.
    expect(r.replyDeadline).toBe('2026-03-13T09:30:00.000Z');
    expect(r.acceptedAt).not.toBeNull();

    // The assisting department writes its opinion; it may not sign.
    const op = await ok(
      await call(
        'POST',
        `/appeals/${id}/opinion`,
        { content: '社保方面无异议，可按规定办理。' },
        cookies.assistHandler,
      ),
    );
    expect(op.departments.find((d: { role: string }) => d.role === 'assisting').opinion).toContain('社保');
    const signByAssist = await act(id, 'sign', {}, cookies.assistHandler);
    expect(signByAssist.statusCode).toBe(403);
    expect(signByAssist.json().error.code).toBe('APPEAL_ACTION_FORBIDDEN');
    // The lead department returns it; the dispatcher redispatches (new clock, same lead here).
    await ok(await act(id, 'return', { basis: '经营范围变更应由行政审批局办理' }, cookies.handler));
    await env.setClock('2026-03-11T02:00:00.000Z');
    await ok(
      await act(
        id,
        'redispatch',
        { leadDepartmentId: dept.lead, assistingDepartmentIds: [dept.assist] },
        cookies.dispatcher,
      ),
    );
    r = await row(id);
    expect(r.replyDeadline).toBe('2026-03-16T09:30:00.000Z');
    await ok(await act(id, 'sign', {}, cookies.handler));
    // Extension: request, approve → the deadline moves 2 working days.
    await ok(await act(id, 'request_extension', { days: 2, reason: '需现场核查' }, cookies.handler));
    const dup = await act(id, 'request_extension', { days: 2, reason: '再次申请' }, cookies.handler);
    expect(dup.statusCode).toBe(409);
    expect(dup.json().error.code).toBe('APPEAL_EXTENSION_PENDING');
    await ok(await act(id, 'approve_extension', { note: '同意' }, cookies.dispatcher));
    r = await row(id);
    expect(r.extensionStatus).toBe('approved');
    expect(r.replyDeadline).toBe('2026-03-18T09:30:00.000Z');
    // Urge (dispatcher), supervise (leader); the dispatcher may not supervise.
    await ok(await act(id, 'urge', { note: '请尽快办理' }, cookies.dispatcher));
    const sup = await act(id, 'supervise', { note: '督办' }, cookies.dispatcher);
    expect(sup.statusCode).toBe(403);
    await ok(await act(id, 'supervise', { note: '列入督办，请三日内答复' }, cookies.leader));
    expect((await row(id)).supervisionLevel).toBe('supervised');

    await ok(
      await act(
        id,
        'reply',
        { content: '已电话指导，可通过政务网办理变更。', solved: true, public: true },
        cookies.handler,
      ),
    );
    r = await row(id);
    expect(r.state).toBe('replied');
    expect(r.repliedLate).toBe(0);
    // The enterprise rates dissatisfied, then asks for a reopen.
    await ok(
      await act(
        id,
        'rate',
        { rating: 'dissatisfied', solved: false, comment: '仍未办好' },
        cookies.entAMember,
      ),
    );
    const reopened = await ok(await act(id, 'reopen', { reason: '网办系统提示材料不全' }, cookies.entA));
    expect(reopened.state).toBe('dispatched');
    r = await row(id);
    expect(r.reopenCount).toBe(1);
    expect(r.rating).toBeNull();
    await ok(await act(id, 'sign', {}, cookies.handler));
    await ok(
      await act(
        id,
        'reply',
        { content: '已上门指导补齐材料，变更完成。', solved: true, public: true },
        cookies.handler,
      ),
    );
    await ok(await act(id, 'rate', { rating: 'satisfied', solved: true }, cookies.entA));
    const closed = await ok(await act(id, 'close', {}, cookies.dispatcher));
    expect(closed.state).toBe('closed');
    r = await row(id);
    expect(r.closedAt).not.toBeNull();
    expect(r.rating).toBe('satisfied');
    expect(r.ratingDefault).toBe(0);

    // The enterprise's timeline: no internal steps, no staff names.
    const entView = await ok(await call('GET', `/appeals/${id}`, undefined, cookies.entA));
    const actions = entView.events.map((e: { action: string }) => e.action);
    expect(actions).not.toContain('opinion');
    expect(actions).not.toContain('return');
    expect(actions).not.toContain('urge');
    expect(
      entView.events.every(
        (e: { actorName: string | null; actorRole: string }) =>
          e.actorRole.startsWith('enterprise') || e.actorName === null,
      ),
    ).toBe(true);
    expect(entView.departments.every((d: { opinion: string | null }) => d.opinion === null)).toBe(true);
    const staffView = await ok(await call('GET', `/appeals/${id}`, undefined, cookies.dispatcher));
    expect(staffView.events.map((e: { action: string }) => e.action)).toContain('opinion');
    // Every action has its event, in order.
    const evs = await events(id);
    expect(evs.map((e) => e.seq)).toEqual(evs.map((_, i) => i + 1));
    expect(evs.at(-1)!.action).toBe('close');
    // Audit records.
    const audits = await env.t.database.db
      .selectFrom('auditLog')
      .select('action')
      .where('objectId', '=', id)
      .execute();
    expect(audits.map((a) => a.action)).toEqual(
      expect.arrayContaining(['appeal.submit', 'appeal.dispatch', 'appeal.close']),
    );
    await env.setClock('2026-03-10T02:00:00.000Z');
  });

  it('asks for information, takes the supplement, and rejects', async () => {
    const { cookies, act } = env;
    const { id } = await env.submit({ title: '稳岗补贴申请咨询', topicCode: 'labor_social' });
    await ok(await act(id, 'ask_info', { reason: '请补充参保人数' }, cookies.dispatcher));
    expect((await row(id)).state).toBe('needs_info');
    // The liaison of enterprise A may supply on its behalf.
    await ok(await act(id, 'supply_info', { content: '参保人数 35 人' }, cookies.liaison));
    expect((await row(id)).state).toBe('submitted');
    const noReason = await act(id, 'reject', { reason: '  ' }, cookies.dispatcher);
    expect(noReason.statusCode).toBe(400);
    expect((await row(id)).state).toBe('submitted');
    await ok(await act(id, 'reject', { reason: '不属于政府职能范围' }, cookies.dispatcher));
    const r = await row(id);
    expect(r.state).toBe('rejected');
    expect(r.closedAt).not.toBeNull();
  });

  it('merges a duplicate into an open appeal, refuses a terminal or self target', async () => {
    const { cookies, act, call } = env;
    const first = await env.submit({ title: '门头牌匾审批咨询' });
    const dup = await env.submit({ title: '门头牌匾审批咨询（重复）' });
    const self = await act(dup.id, 'merge_into', { targetAppealId: dup.id }, cookies.dispatcher);
    expect(self.statusCode).toBe(400);
    const missing = await act(dup.id, 'merge_into', { targetAppealId: 'nope' }, cookies.dispatcher);
    expect(missing.statusCode).toBe(400);
    const rejected = await env.submit({ title: '另一件' });
    await ok(await act(rejected.id, 'reject', { reason: '重复' }, cookies.dispatcher));
    const toTerminal = await act(dup.id, 'merge_into', { targetAppealId: rejected.id }, cookies.dispatcher);
    expect(toTerminal.statusCode).toBe(409);
    expect((await row(dup.id)).state).toBe('submitted');
    const merged = await ok(
      await act(dup.id, 'merge_into', { targetAppealId: first.code }, cookies.dispatcher),
    );
    expect(merged.state).toBe('merged');
    expect(merged.mergedInto).toBe(first.code);
    const target = await ok(await call('GET', `/appeals/${first.id}`, undefined, cookies.dispatcher));
    expect(target.mergedFrom).toEqual([dup.code]);
  });
});

describe('appeals: submission', () => {
  it('is idempotent per user and key, also when the retries race', async () => {
    const { call, cookies } = env;
    const body = {
      type: 'help',
      title: '停车位紧张求助',
      content: '园区周边停车位紧张，员工停车困难。',
      isPublic: false,
    };
    const headers = { 'idempotency-key': 'retry-key-0001' };
    const first = await call('POST', '/appeals', body, cookies.entA, headers);
    expect(first.statusCode).toBe(201);
    const again = await call('POST', '/appeals', body, cookies.entA, headers);
    expect(again.statusCode).toBe(200);
    expect(again.json().id).toBe(first.json().id);
    const racing = await Promise.all(
      [1, 2, 3].map(() =>
        call('POST', '/appeals', body, cookies.entB, { 'idempotency-key': 'race-key-0002' }),
      ),
    );
    expect(racing.map((r) => r.statusCode).sort()).toEqual([200, 200, 201]);
    expect(new Set(racing.map((r) => r.json().id)).size).toBe(1);
    const n = await env.t.database.db
      .selectFrom('appeals')
      .select((eb) => eb.fn.countAll<number>().as('n'))
      .where('idempotencyKey', 'in', ['retry-key-0001', 'race-key-0002'])
      .executeTakeFirstOrThrow();
    expect(Number(n.n)).toBe(2);
    const bad = await call('POST', '/appeals', body, cookies.entA, { 'idempotency-key': 'x' });
    expect(bad.statusCode).toBe(400);
  });

  it('numbers appeals uniquely under concurrency', async () => {
    const results = await Promise.all(
      Array.from({ length: 12 }, (_, i) =>
        env.submit({ title: `并发提交 ${i}` }, i % 2 ? env.cookies.entA : env.cookies.entB),
      ),
    );
    expect(new Set(results.map((r) => r.code)).size).toBe(12);
  });

  it('refuses bad input with 400/413 and stores nothing', async () => {
    const { call, cookies } = env;
    const count = async () =>
      Number(
        (
          await env.t.database.db
            .selectFrom('appeals')
            .select((eb) => eb.fn.countAll<number>().as('n'))
            .executeTakeFirstOrThrow()
        ).n,
      );
    const before = await count();
    const base = { type: 'consult', title: '标题', content: '内容', isPublic: false };
    const empty = await call('POST', '/appeals', { ...base, content: '   ' }, cookies.entA);
    expect(empty.statusCode).toBe(400);
    expect(empty.json().error.details.fields[0].field).toBe('content');
    const long = await call('POST', '/appeals', { ...base, content: '诉'.repeat(5001) }, cookies.entA);
    expect(long.statusCode).toBe(400);
    const huge = await call(
      'POST',
      '/appeals',
      { ...base, content: 'x'.repeat(10 * 1024 * 1024) },
      cookies.entA,
    );
    expect([400, 413]).toContain(huge.statusCode);
    const unknownTopic = await call(
      'POST',
      '/appeals',
      { ...base, topicCode: 'no_such_topic' },
      cookies.entA,
    );
    expect(unknownTopic.statusCode).toBe(400);
    expect(unknownTopic.json().error.code).toBe('APPEAL_UNKNOWN_TOPIC');
    expect(unknownTopic.json().error.details.fields[0].field).toBe('topicCode');
    const inactive = await call('POST', '/appeals', { ...base, topicCode: 'retired_topic' }, cookies.entA);
    expect(inactive.statusCode).toBe(400);
    const badType = await call('POST', '/appeals', { ...base, type: 'gossip' }, cookies.entA);
    expect(badType.statusCode).toBe(400);
    const foreignFile = await call('POST', '/appeals', { ...base, attachments: ['nofile'] }, cookies.entA);
    expect(foreignFile.statusCode).toBe(400);
    expect(foreignFile.json().error.code).toBe('UNKNOWN_FILE');
    const tooMany = await call(
      'POST',
      '/appeals',
      { ...base, attachments: Array.from({ length: 11 }, (_, i) => `f${i}`) },
      cookies.entA,
    );
    expect(tooMany.statusCode).toBe(400);
    const otherEnterprise = await call(
      'POST',
      '/appeals',
      { ...base, enterpriseId: env.ent.b },
      cookies.liaison,
    );
    expect(otherEnterprise.statusCode).toBe(400);
    const handlerSubmits = await call('POST', '/appeals', base, cookies.handler);
    expect(handlerSubmits.statusCode).toBe(403);
    expect(await count()).toBe(before);
  });

  it('takes a liaison submission for his enterprise and a phone call from the dispatcher', async () => {
    const { call, cookies, ent } = env;
    const base = {
      type: 'suggestion',
      title: '建议增设公交站点',
      content: '建议在园区门口增设公交站点。',
      isPublic: true,
    };
    const byLiaison = await call('POST', '/appeals', { ...base, enterpriseId: ent.a }, cookies.liaison);
    expect(byLiaison.statusCode).toBe(201);
    expect(byLiaison.json().channel).toBe('liaison');
    expect(byLiaison.json().enterprise.id).toBe(ent.a);
    const phone = await call(
      'POST',
      '/appeals',
      { ...base, channel: 'phone', contactName: '王先生', contactPhone: '13800000000' },
      cookies.dispatcher,
    );
    expect(phone.statusCode).toBe(201);
    expect(phone.json().channel).toBe('phone');
    expect(phone.json().enterprise).toBeNull();
    // The enterprise sees the liaison's submission in its list.
    const list = await call('GET', '/appeals?view=mine&pageSize=100', undefined, cookies.entA);
    expect(list.json().items.some((x: { id: string }) => x.id === byLiaison.json().id)).toBe(true);
  });

  it('attaches the caller uploads, serves them to readers, refuses a file of another enterprise', async () => {
    const { call, cookies } = env;
    const up = multipartBody('营业执照.pdf', PDF_BYTES, 'application/pdf');
    const uploaded = await env.t.app.inject({
      method: 'POST',
      url: '/api/v1/files?purpose=appeal',
      payload: up.payload,
      headers: { ...up.headers, cookie: cookies.entA },
    });
    expect(uploaded.statusCode).toBe(201);
    const fileId = uploaded.json().id as string;
    const foreign = await call(
      'POST',
      '/appeals',
      { type: 'consult', title: '附件测试', content: '见附件', isPublic: false, attachments: [fileId] },
      cookies.entB,
    );
    expect(foreign.statusCode).toBe(400);
    expect(foreign.json().error.code).toBe('UNKNOWN_FILE');
    const { id } = await env.submit({ attachments: [fileId] });
    const detail = await ok(await call('GET', `/appeals/${id}`, undefined, cookies.entAMember));
    expect(detail.files.map((f: { id: string }) => f.id)).toEqual([fileId]);
    const download = await call('GET', `/appeals/${id}/files/${fileId}`, undefined, cookies.dispatcher);
    expect(download.statusCode).toBe(200);
    expect(download.headers['content-type']).toContain('application/pdf');
    expect((await call('GET', `/appeals/${id}/files/${fileId}`, undefined, cookies.entB)).statusCode).toBe(
      404,
    );
  });

  it('computes the deadline across the 2026 Spring Festival', async () => {
    // Friday 2026-02-13 18:00 Shanghai, after closing time: received on the next working day.
    await env.setClock('2026-02-13T10:00:00.000Z');
    try {
      const { id } = await env.submit({ title: '春节前提交的诉求' });
      const r = await row(id);
      // 2026 Spring Festival: 2/15–2/23 off; 2/14 (Sat) and 2/28 (Sat) are make-up working days.
      expect(r.receivedOn).toBe('2026-02-14');
      expect(r.acceptDeadline).toBe('2026-02-24T09:30:00.000Z');
      expect(r.code.startsWith('SQ20260213')).toBe(true);
    } finally {
      await env.setClock('2026-03-10T02:00:00.000Z');
    }
  });
});

describe('appeals: refusals change nothing', () => {
  it('answers 409 naming the state, 403 for the role, 404 out of scope', async () => {
    const { cookies, act } = env;
    const { id } = await env.submit({ title: '拒绝测试' });
    const before = await row(id);
    const wrongState = await act(id, 'sign', {}, cookies.handler);
    // The handler cannot see an undispatched appeal at all.
    expect(wrongState.statusCode).toBe(404);
    const dispatchNow = await act(id, 'dispatch', { leadDepartmentId: env.dept.lead }, cookies.dispatcher);
    expect(dispatchNow.statusCode).toBe(409);
    expect(dispatchNow.json().error.code).toBe('APPEAL_STATE_CONFLICT');
    expect(dispatchNow.json().error.message).toContain('已提交');
    const byEnterprise = await act(id, 'accept', {}, cookies.entA);
    expect(byEnterprise.statusCode).toBe(403);
    const rateOther = await act(id, 'rate', { rating: 'satisfied', solved: true }, cookies.entB);
    expect(rateOther.statusCode).toBe(404);
    const unknownField = await act(id, 'accept', { foo: 1 }, cookies.dispatcher);
    expect(unknownField.statusCode).toBe(400);
    const stale = await act(id, 'accept', { expectedVersion: before.version + 5 }, cookies.dispatcher);
    expect(stale.statusCode).toBe(409);
    const badAction = await act(id, 'auto_close', {}, cookies.dispatcher);
    expect(badAction.statusCode).toBe(400);
    const after = await row(id);
    expect(after).toEqual(before);
    expect((await events(id)).length).toBe(1);
  });

  it('lets exactly one of two racing dispatchers win', async () => {
    const { cookies, act } = env;
    const { id } = await env.submit({ title: '并发受理' });
    const [a, b] = await Promise.all([
      act(id, 'accept', {}, cookies.dispatcher),
      act(id, 'reject', { reason: '重复提交' }, cookies.dispatcher2),
    ]);
    expect([a.statusCode, b.statusCode].sort()).toEqual([200, 409]);
    const r = await row(id);
    const winner = a.statusCode === 200 ? 'accepted' : 'rejected';
    expect(r.state).toBe(winner);
    expect(r.version).toBe(2);
    expect((await events(id)).length).toBe(2);
  });

  it('closes the reopen window after 5 working days', async () => {
    const { cookies, act, dept } = env;
    const { id } = await env.submit({ title: '重办期限测试' });
    await ok(await act(id, 'accept', {}, cookies.dispatcher));
    await ok(await act(id, 'dispatch', { leadDepartmentId: dept.lead }, cookies.dispatcher));
    await ok(await act(id, 'sign', {}, cookies.handler));
    await ok(
      await act(
        id,
        'reply',
        { content: '已答复', solved: false, unsolvedReason: '需市级部门审批', public: false },
        cookies.handler,
      ),
    );
    await ok(await act(id, 'rate', { rating: 'dissatisfied', solved: false }, cookies.entA));
    // Rated Tue 3/10; window ends 17:30 on the 5th working day after (Tue 3/17).
    await env.setClock('2026-03-17T10:00:00.000Z');
    try {
      const before = await row(id);
      const late = await act(id, 'reopen', { reason: '仍未解决' }, cookies.entA);
      expect(late.statusCode).toBe(409);
      expect(late.json().error.code).toBe('APPEAL_REOPEN_WINDOW_CLOSED');
      expect(await row(id)).toEqual(before);
    } finally {
      await env.setClock('2026-03-10T02:00:00.000Z');
    }
  });
});

describe('appeals: lists', () => {
  it('scopes and filters the list', async () => {
    const { call, cookies } = env;
    const desk = await ok(
      await call('GET', '/appeals?view=queue&pageSize=100', undefined, cookies.dispatcher),
    );
    expect(desk.items.length).toBeGreaterThan(0);
    expect(
      desk.items.every((x: { state: string }) =>
        ['submitted', 'needs_info', 'returned', 'accepted', 'dispatched', 'signed'].includes(x.state),
      ),
    ).toBe(true);
    const entB = await ok(await call('GET', '/appeals?pageSize=100', undefined, cookies.entB));
    expect(
      entB.items.every((x: { enterprise: { id: string } | null }) => x.enterprise?.id === env.ent.b),
    ).toBe(true);
    const admin = await ok(await call('GET', '/appeals', undefined, cookies.admin));
    expect(admin.total).toBe(0);
    const q = await ok(
      await call('GET', `/appeals?q=${encodeURIComponent('牌匾')}`, undefined, cookies.dispatcher),
    );
    expect(q.items.length).toBeGreaterThanOrEqual(2);
    const states = await ok(
      await call('GET', '/appeals?state=merged,rejected', undefined, cookies.dispatcher),
    );
    expect(states.items.every((x: { state: string }) => ['merged', 'rejected'].includes(x.state))).toBe(true);
    const onTime = await ok(
      await call('GET', '/appeals?sla=on_time&pageSize=100', undefined, cookies.dispatcher),
    );
    expect(
      onTime.items.every(
        (x: {
          sla: {
            accept: { running: boolean; status: string };
            reply: { running: boolean; status: string } | null;
          };
        }) => (x.sla.accept.running ? x.sla.accept : x.sla.reply)?.status === 'on_time',
      ),
    ).toBe(true);
    const badState = await call('GET', '/appeals?state=bogus', undefined, cookies.dispatcher);
    expect(badState.statusCode).toBe(400);
    const { id } = await env.submit({ title: '承办待办测试' });
    await ok(await env.act(id, 'accept', {}, cookies.dispatcher));
    await ok(await env.act(id, 'dispatch', { leadDepartmentId: env.dept.lead }, cookies.dispatcher));
    const queue = await ok(await call('GET', '/appeals?view=queue&pageSize=100', undefined, cookies.handler));
    expect(queue.items.map((x: { id: string }) => x.id)).toContain(id);
    expect(queue.items.every((x: { state: string }) => ['dispatched', 'signed'].includes(x.state))).toBe(
      true,
    );
    const byDept = await ok(
      await call('GET', `/appeals?departmentId=${env.dept.lead}&pageSize=100`, undefined, cookies.dispatcher),
    );
    expect(byDept.items.map((x: { id: string }) => x.id)).toContain(id);
    const handler = await ok(await call('GET', '/appeals?pageSize=100', undefined, cookies.otherHandler));
    expect(handler.total).toBe(0);
  });
});

describe('appeals: 补充材料 with attachments', () => {
  const db = () => env.t.database.db;
  const upload = async (cookie: string, name = '补充材料.pdf', purpose = 'appeal') => {
    const up = multipartBody(name, PDF_BYTES, 'application/pdf');
    const res = await env.t.app.inject({
      method: 'POST',
      url: `/api/v1/files?purpose=${purpose}`,
      payload: up.payload,
      headers: { ...up.headers, cookie },
    });
    if (res.statusCode !== 201) throw new Error(`upload failed: ${res.statusCode} ${res.body}`);
    return res.json().id as string;
  };
  const links = (appealId: string) =>
    db()
      .selectFrom('appealFiles')
      .select(['fileId', 'eventId'])
      .where('appealId', '=', appealId)
      .orderBy('addedAt')
      .orderBy('fileId')
      .execute();
  const linksOfFile = (fileId: string) =>
    db().selectFrom('appealFiles').selectAll().where('fileId', '=', fileId).execute();
  const needsInfo = async (title: string, over: Record<string, unknown> = {}) => {
    const a = await env.submit({ title, ...over });
    await ok(await env.act(a.id, 'ask_info', { reason: '请补充营业执照和租赁合同' }, env.cookies.dispatcher));
    return a;
  };

  it('links the files to the supply event in the same step, shows them on it and serves them to readers', async () => {
    const { call, cookies, act } = env;
    const intakeFile = await upload(cookies.entA, '申请表.pdf');
    const { id } = await needsInfo('补充附件测试', { attachments: [intakeFile] });
    // Files of the caller and of his enterprise (like the intake); duplicates count once.
    const f1 = await upload(cookies.entA, '营业执照.pdf');
    const f2 = await upload(cookies.entAMember, '租赁合同.pdf');
    const done = await ok(
      await act(
        id,
        'supply_info',
        { content: '已补充营业执照和租赁合同', attachments: [f1, f2, f1] },
        cookies.entA,
      ),
    );
    expect(done.state).toBe('submitted');
    const supply = done.events.find((e: { action: string }) => e.action === 'supply_info');
    const submitEvent = done.events.find((e: { action: string }) => e.action === 'submit');
    expect(supply.data).toEqual({ attachments: 2 });
    expect(supply.note).toBe('已补充营业执照和租赁合同');

    // Read back: each file linked once, to the event that brought it.
    const stored = await links(id);
    expect(stored).toHaveLength(3);
    expect(stored.find((l) => l.fileId === intakeFile)?.eventId).toBe(submitEvent.id);
    expect(stored.find((l) => l.fileId === f1)?.eventId).toBe(supply.id);
    expect(stored.find((l) => l.fileId === f2)?.eventId).toBe(supply.id);
    const storedEvent = await db()
      .selectFrom('appealEvents')
      .selectAll()
      .where('id', '=', supply.id)
      .executeTakeFirstOrThrow();
    expect(storedEvent.action).toBe('supply_info');
    const audit = await db()
      .selectFrom('auditLog')
      .selectAll()
      .where('objectId', '=', id)
      .where('action', '=', 'appeal.supply_info')
      .execute();
    expect(audit).toHaveLength(1);
    expect(JSON.parse(audit[0]!.details ?? '{}').attachments).toBe(2);

    // The enterprise and the desk see the files with their event; both may download them, others get 404.
    for (const cookie of [cookies.entAMember, cookies.dispatcher]) {
      const detail = await ok(await call('GET', `/appeals/${id}`, undefined, cookie));
      const byId = new Map(
        detail.files.map((f: { id: string; eventId: string | null }) => [f.id, f.eventId]),
      );
      expect(byId.get(intakeFile)).toBe(submitEvent.id);
      expect(byId.get(f1)).toBe(supply.id);
      expect(byId.get(f2)).toBe(supply.id);
      expect(detail.events.some((e: { id: string }) => e.id === supply.id)).toBe(true);
      const download = await call('GET', `/appeals/${id}/files/${f2}`, undefined, cookie);
      expect(download.statusCode).toBe(200);
      expect(download.headers['content-type']).toContain('application/pdf');
    }
    expect((await call('GET', `/appeals/${id}/files/${f1}`, undefined, cookies.entB)).statusCode).toBe(404);
    expect(
      (await call('GET', `/appeals/${id}/files/${f1}`, undefined, cookies.otherHandler)).statusCode,
    ).toBe(404);
  });

  it('refuses unknown, foreign, already used, wrong-purpose and too many files with 400 and stores nothing', async () => {
    const { cookies, act } = env;
    const { id } = await needsInfo('补充附件拒绝测试');
    const mine = await upload(cookies.entA, '我的材料.pdf');
    const foreign = await upload(cookies.entB, '别家的材料.pdf');
    const claimFile = await upload(cookies.entA, '申报材料.pdf', 'claim');
    const used = await upload(cookies.entA, '已用过的材料.pdf');
    await env.submit({ title: '已用附件的诉求', attachments: [used] });
    const before = await row(id);
    const eventsBefore = (await events(id)).length;
    const linksBefore = await links(id);

    const refuse = async (attachments: unknown, status = 400) => {
      const res = await act(id, 'supply_info', { content: '补充说明', attachments }, cookies.entA);
      expect(res.statusCode, res.body).toBe(status);
      return res.json().error as { code: string; details: { fields: { field: string; code: string }[] } };
    };
    let e = await refuse(['nofile']);
    expect(e.code).toBe('UNKNOWN_FILE');
    expect(e.details.fields).toEqual([
      expect.objectContaining({ field: 'attachments.0', code: 'UNKNOWN_FILE' }),
    ]);
    e = await refuse([mine, foreign]);
    expect(e.code).toBe('UNKNOWN_FILE');
    expect(e.details.fields.map((f) => f.field)).toEqual(['attachments.1']);
    e = await refuse([claimFile]);
    expect(e.details.fields.map((f) => f.field)).toEqual(['attachments.0']);
    e = await refuse([mine, used]);
    expect(e.code).toBe('APPEAL_FILE_IN_USE');
    expect(e.details.fields).toEqual([
      expect.objectContaining({ field: 'attachments.1', code: 'APPEAL_FILE_IN_USE' }),
    ]);
    e = await refuse(Array.from({ length: 11 }, () => mine));
    expect(e.code).toBe('VALIDATION_FAILED');
    expect(e.details.fields[0]!.field).toBe('attachments');
    e = await refuse(mine);
    expect(e.details.fields[0]!.field).toBe('attachments');

    // Nothing changed: the appeal, its timeline, its files; the good file is still free.
    expect(await row(id)).toEqual(before);
    expect((await events(id)).length).toBe(eventsBefore);
    expect(await links(id)).toEqual(linksBefore);
    expect(await linksOfFile(mine)).toEqual([]);
    expect(await linksOfFile(used)).toHaveLength(1);

    // The intake refuses a file already used by another appeal too.
    const again = await env.call(
      'POST',
      '/appeals',
      { type: 'consult', title: '重复使用附件', content: '见附件', isPublic: false, attachments: [used] },
      cookies.entA,
    );
    expect(again.statusCode).toBe(400);
    expect(again.json().error.code).toBe('APPEAL_FILE_IN_USE');
    expect(again.json().error.details.fields[0].field).toBe('attachments.0');

    // A file once linked cannot be supplied twice, even to the same appeal.
    await ok(await act(id, 'supply_info', { content: '补充说明', attachments: [mine] }, cookies.entA));
    await ok(await act(id, 'ask_info', { reason: '还需要租赁合同' }, cookies.dispatcher));
    e = await refuse([mine]);
    expect(e.code).toBe('APPEAL_FILE_IN_USE');
    expect(await linksOfFile(mine)).toHaveLength(1);

    // Two requests racing past the check: the unique index (migration 009) refuses the second link, with an error
    // that names appeal_files on both databases (the service turns it into APPEAL_FILE_IN_USE, never a 500).
    const other = await env.submit({ title: '竞争同一附件的诉求' });
    const err = await env.t.database.db
      .insertInto('appealFiles')
      .values({ appealId: other.id, fileId: mine, eventId: null, addedAt: new Date().toISOString() })
      .execute()
      .then(
        () => null,
        (x: unknown) => x,
      );
    expect(isUniqueViolation(err)).toBe(true);
    expect(String((err as Error).message)).toContain('appeal_files');
  });
});

describe('appeals: the extension filter', () => {
  it('lists by extension flag (延期待审批), also with the SLA filter, and refuses an unknown flag', async () => {
    const { call, cookies, act, dept } = env;
    const pending = await env.submit({ title: '延期筛选：待审批' });
    const plain = await env.submit({ title: '延期筛选：未申请' });
    for (const a of [pending, plain]) {
      await ok(await act(a.id, 'accept', {}, cookies.dispatcher));
      await ok(await act(a.id, 'dispatch', { leadDepartmentId: dept.lead }, cookies.dispatcher));
    }
    await ok(await act(pending.id, 'request_extension', { days: 3, reason: '需现场核查' }, cookies.handler));
    const ids = (list: { items: { id: string }[] }) => list.items.map((x) => x.id);

    const tab = await ok(
      await call(
        'GET',
        '/appeals?view=queue&state=dispatched,signed&extension=requested&pageSize=100',
        undefined,
        cookies.dispatcher,
      ),
    );
    expect(ids(tab)).toContain(pending.id);
    expect(ids(tab)).not.toContain(plain.id);
    expect(tab.items.every((x: { extensionStatus: string }) => x.extensionStatus === 'requested')).toBe(true);
    expect(tab.total).toBe(tab.items.length);

    const none = await ok(
      await call('GET', '/appeals?view=all&extension=none&pageSize=100', undefined, cookies.dispatcher),
    );
    expect(ids(none)).toContain(plain.id);
    expect(ids(none)).not.toContain(pending.id);
    const both = await ok(
      await call(
        'GET',
        '/appeals?view=all&extension=none,requested&pageSize=100',
        undefined,
        cookies.dispatcher,
      ),
    );
    expect(ids(both)).toEqual(expect.arrayContaining([pending.id, plain.id]));
    // The SLA filter (computed in memory) honours it too.
    const onTime = await ok(
      await call(
        'GET',
        '/appeals?extension=requested&sla=on_time&pageSize=100',
        undefined,
        cookies.dispatcher,
      ),
    );
    expect(ids(onTime)).toContain(pending.id);
    expect(ids(onTime)).not.toContain(plain.id);

    // Once decided, the appeal leaves the tab.
    await ok(await act(pending.id, 'deny_extension', {}, cookies.dispatcher));
    const after = await ok(
      await call(
        'GET',
        '/appeals?view=queue&state=dispatched,signed&extension=requested&pageSize=100',
        undefined,
        cookies.dispatcher,
      ),
    );
    expect(ids(after)).not.toContain(pending.id);

    const bad = await call('GET', '/appeals?extension=bogus', undefined, cookies.dispatcher);
    expect(bad.statusCode).toBe(400);
  });
});
