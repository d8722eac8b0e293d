import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type AppealTestEnv, createAppealTestEnv } from './test-helpers';

let env: AppealTestEnv;
beforeAll(async () => {
  env = await createAppealTestEnv();
}, 60_000);
afterAll(async () => {
  await env?.close();
});

const topics = () => env.t.database.db.selectFrom('appealTopics').selectAll().orderBy('code').execute();

describe('appeal catalogue and settings', () => {
  it('lists active topics publicly, all topics for the admin', async () => {
    const pub = await env.call('GET', '/appeal-topics');
    expect(pub.statusCode).toBe(200);
    const codes = pub.json().items.map((t: { code: string }) => t.code);
    expect(codes).toEqual(['market_license', 'labor_social']);
    expect(pub.json().items[1].sla).toEqual({ replyWorkdays: 5 });
    expect(pub.json().items[0].leadDepartment.name).toBe('区市场监督管理局');
    const all = await env.call('GET', '/appeal-topics?all=1', undefined, env.cookies.admin);
    expect(all.json().items).toHaveLength(3);
    const notAdmin = await env.call('GET', '/appeal-topics?all=1', undefined, env.cookies.entA);
    expect(notAdmin.json().items).toHaveLength(2);
  });

  it('creates and edits topics (admin, audited), and the intake sees the change at once', async () => {
    const { call, cookies, dept } = env;
    const input = {
      code: 'env_noise',
      name: '噪声扰民',
      category: '生态环境',
      description: '施工、经营噪声',
      leadDepartmentId: dept.other,
      keywords: ['噪声', '施工'],
      sla: { replyWorkdays: 7 },
    };
    expect((await call('POST', '/appeal-topics', input, cookies.dispatcher)).statusCode).toBe(403);
    const created = await call('POST', '/appeal-topics', input, cookies.admin);
    expect(created.statusCode).toBe(201);
    expect(created.json().sla).toEqual({ replyWorkdays: 7 });
    const dup = await call('POST', '/appeal-topics', input, cookies.admin);
    expect(dup.statusCode).toBe(409);
    // The new topic is usable right away and its SLA applies to the reply clock.
    const { id } = await env.submit({
      topicCode: 'env_noise',
      type: 'complaint',
      title: '夜间施工噪声',
      content: '楼下工地夜间施工。',
    });
    await env.act(id, 'accept', {}, cookies.dispatcher);
    await env.act(id, 'dispatch', { leadDepartmentId: dept.other }, cookies.dispatcher);
    const r = await env.t.database.db
      .selectFrom('appeals')
      .selectAll()
      .where('id', '=', id)
      .executeTakeFirstOrThrow();
    // 7 working days after Tue 3/10 → Thu 3/19 17:30.
    expect(r.replyDeadline).toBe('2026-03-19T09:30:00.000Z');
    const patched = await call(
      'PATCH',
      '/appeal-topics/env_noise',
      { active: false, name: '噪声污染' },
      cookies.admin,
    );
    expect(patched.statusCode).toBe(200);
    expect(patched.json().active).toBe(false);
    const refused = await call(
      'POST',
      '/appeals',
      { type: 'complaint', topicCode: 'env_noise', title: 't', content: 'c', isPublic: false },
      cookies.entA,
    );
    expect(refused.statusCode).toBe(400);
    expect(refused.json().error.code).toBe('APPEAL_UNKNOWN_TOPIC');
    const audits = await env.t.database.db
      .selectFrom('auditLog')
      .select('action')
      .where('objectId', '=', 'env_noise')
      .execute();
    expect(audits.map((a) => a.action)).toEqual(['appeal.topic.create', 'appeal.topic.update']);
  });

  it('refuses bad topics with field errors and changes nothing', async () => {
    const { call, cookies, dept } = env;
    const before = await topics();
    const base = { code: 'bad_one', name: '坏分类', category: '其他', leadDepartmentId: dept.lead };
    const cases: [unknown, string][] = [
      [{ ...base, leadDepartmentId: 'no-such-dept' }, 'leadDepartmentId'],
      [{ ...base, sla: { replyWorkdays: 2.5 } }, 'sla.replyWorkdays'],
      [{ ...base, sla: { acceptWorkdays: 0 } }, 'sla.acceptWorkdays'],
      [{ ...base, sla: { replyWorkdays: 61 } }, 'sla.replyWorkdays'],
      [{ ...base, code: 'Bad Code' }, 'code'],
      [{ ...base, name: '' }, 'name'],
    ];
    for (const [body, field] of cases) {
      const res = await call('POST', '/appeal-topics', body, cookies.admin);
      expect(res.statusCode, JSON.stringify(body)).toBe(400);
      expect(res.json().error.details.fields.map((f: { field: string }) => f.field)).toContain(field);
    }
    const patchBad = await call(
      'PATCH',
      '/appeal-topics/market_license',
      { leadDepartmentId: 'nope' },
      cookies.admin,
    );
    expect(patchBad.statusCode).toBe(400);
    const missing = await call('PATCH', '/appeal-topics/nope', { name: 'x' }, cookies.admin);
    expect(missing.statusCode).toBe(404);
    expect(await topics()).toEqual(before);
  });

  it('reads and writes the district SLA settings', async () => {
    const { call, cookies } = env;
    const get = await call('GET', '/appeal-settings/sla', undefined, cookies.dispatcher);
    expect(get.statusCode).toBe(200);
    expect(get.json().acceptWorkdays).toBe(1);
    expect(get.json().replyWorkdays.complaint).toBe(13);
    expect((await call('GET', '/appeal-settings/sla', undefined, cookies.entA)).statusCode).toBe(403);
    const next = { ...get.json(), acceptWorkdays: 2 };
    expect((await call('PUT', '/appeal-settings/sla', next, cookies.dispatcher)).statusCode).toBe(403);
    const bad = await call(
      'PUT',
      '/appeal-settings/sla',
      { ...next, openingMinute: 1000, closingMinute: 900 },
      cookies.admin,
    );
    expect(bad.statusCode).toBe(400);
    const bad2 = await call('PUT', '/appeal-settings/sla', { ...next, acceptWorkdays: 'one' }, cookies.admin);
    expect(bad2.statusCode).toBe(400);
    expect(
      (await call('GET', '/appeal-settings/sla', undefined, cookies.dispatcher)).json().acceptWorkdays,
    ).toBe(1);
    const put = await call('PUT', '/appeal-settings/sla', next, cookies.admin);
    expect(put.statusCode).toBe(200);
    expect(put.json().acceptWorkdays).toBe(2);
    // New submissions use it at once: Tue 3/10 → 2 working days → Thu 3/12 17:30.
    const { id } = await env.submit({ topicCode: 'market_license' });
    const r = await env.t.database.db
      .selectFrom('appeals')
      .selectAll()
      .where('id', '=', id)
      .executeTakeFirstOrThrow();
    expect(r.acceptDeadline).toBe('2026-03-12T09:30:00.000Z');
  });
});
