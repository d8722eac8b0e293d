import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { makeStaff } from '../../test/factories';
import { login } from '../../test/support';
import { type AppealTestEnv, createAppealTestEnv } from '../appeals/test-helpers';
import { makeEnterprise } from './test-fixtures';

/** 走访记录: visibility, the 7-day edit window, problem → appeal, coverage, bad input. Clock: 2026-03-10 10:00 +08. */
describe('enterprise visits (走访记录)', () => {
  let env: AppealTestEnv;
  let other: { id: string; cookie: string };
  let entC: string;
  let entStale: string;

  const visit = (over: Record<string, unknown> = {}) => ({
    enterpriseId: env.ent.a,
    visitedOn: '2026-03-09',
    form: 'onsite',
    people: [{ name: '王建国', post: '总经理' }],
    topics: ['operations', 'employment'],
    discussion: '企业一季度订单同比增长约 15%，计划新招研发人员 20 名。',
    problems: [
      { text: '希望了解高新技术企业认定的申报时间', status: 'answered' },
      { text: '新厂房消防验收进度较慢，希望协调', status: 'following' },
    ],
    note: '企业负责人配合度高。',
    nextVisitOn: '2026-06-10',
    ...over,
  });
  const create = async (over: Record<string, unknown> = {}, cookie = env.cookies.liaison) => {
    const res = await env.call('POST', '/visits', visit(over), cookie);
    if (res.statusCode !== 201) throw new Error(`create failed: ${res.statusCode} ${res.body}`);
    return res.json();
  };

  beforeAll(async () => {
    env = await createAppealTestEnv();
    const s = await makeStaff(env.t.database, ['liaison']);
    other = { id: s.id, cookie: await login(env.t.app, s.username, s.password) };
    const db = env.t.database.db;
    await db
      .updateTable('enterprises')
      .set({ liaisonUserId: other.id })
      .where('id', '=', env.ent.b)
      .execute();
    entC = (await makeEnterprise(db, { name: '青岛远洋船舶配件有限公司', liaisonUserId: env.ids.liaison! }))
      .id;
    entStale = (
      await makeEnterprise(db, { name: '青岛栈桥文化传媒有限公司', liaisonUserId: env.ids.liaison! })
    ).id;
  });
  afterAll(async () => env.close());

  it('records a visit to one of the liaison’s enterprises, audited', async () => {
    const v = await create();
    expect(v.enterprise).toEqual({ id: env.ent.a, name: '青岛海纳信息技术有限公司' });
    expect(v.liaison.id).toBe(env.ids.liaison);
    expect(v.problems.map((p: { status: string }) => p.status)).toEqual(['answered', 'following']);
    expect(v.problemCount).toBe(2);
    expect(v.openProblemCount).toBe(1);
    expect(v.permissions).toEqual({ edit: true, note: true, followUp: true });
    const audit = await env.t.database.db
      .selectFrom('auditLog')
      .select(['action', 'actorId'])
      .where('objectId', '=', v.id)
      .execute();
    expect(audit).toEqual([{ action: 'enterprise.visit.create', actorId: env.ids.liaison }]);
  });

  it('shows a visit to its author and to the leader; another liaison and the enterprise get 404, the admin 403', async () => {
    const v = await create();
    expect((await env.call('GET', `/visits/${v.id}`, undefined, env.cookies.liaison)).statusCode).toBe(200);
    expect((await env.call('GET', `/visits/${v.id}`, undefined, env.cookies.leader)).statusCode).toBe(200);
    expect((await env.call('GET', `/visits/${v.id}`, undefined, other.cookie)).statusCode).toBe(404);
    expect((await env.call('GET', `/visits/${v.id}`, undefined, env.cookies.entA)).statusCode).toBe(404);
    expect((await env.call('GET', `/visits/${v.id}`, undefined, env.cookies.entAMember)).statusCode).toBe(
      404,
    );
    expect((await env.call('GET', `/visits/${v.id}`, undefined, env.cookies.admin)).statusCode).toBe(403);
    expect((await env.call('GET', '/visits', undefined, env.cookies.admin)).statusCode).toBe(403);
    expect((await env.call('GET', `/visits/${v.id}`, undefined, env.cookies.dispatcher)).statusCode).toBe(
      403,
    );

    // The enterprise's history: its liaison and the leader; others 404 (enterprise users included), admin 403.
    const history = await env.call('GET', `/enterprises/${env.ent.a}/visits`, undefined, env.cookies.liaison);
    expect(history.statusCode).toBe(200);
    expect(history.json().items.map((x: { id: string }) => x.id)).toContain(v.id);
    expect(
      (await env.call('GET', `/enterprises/${env.ent.a}/visits`, undefined, env.cookies.leader)).statusCode,
    ).toBe(200);
    expect(
      (await env.call('GET', `/enterprises/${env.ent.a}/visits`, undefined, other.cookie)).statusCode,
    ).toBe(404);
    expect(
      (await env.call('GET', `/enterprises/${env.ent.a}/visits`, undefined, env.cookies.entA)).statusCode,
    ).toBe(404);
    expect(
      (await env.call('GET', `/enterprises/${env.ent.a}/visits`, undefined, env.cookies.admin)).statusCode,
    ).toBe(403);

    // Lists: the other liaison's list holds none of these; the leader's holds his own enterprise's visits too.
    const b = await create({ enterpriseId: env.ent.b }, other.cookie);
    const mine = (await env.call('GET', '/visits?pageSize=100', undefined, env.cookies.liaison)).json();
    expect(mine.items.every((x: { liaison: { id: string } }) => x.liaison.id === env.ids.liaison)).toBe(true);
    const theirs = (await env.call('GET', '/visits?pageSize=100', undefined, other.cookie)).json();
    expect(theirs.items.map((x: { id: string }) => x.id)).toEqual([b.id]);
    const all = (await env.call('GET', '/visits?pageSize=100', undefined, env.cookies.leader)).json();
    expect(all.total).toBe(mine.total + 1);
    const byLiaison = (
      await env.call('GET', `/visits?liaisonId=${other.id}`, undefined, env.cookies.leader)
    ).json();
    expect(byLiaison.items.map((x: { id: string }) => x.id)).toEqual([b.id]);
  });

  it('filters by enterprise, date range, form and open problems', async () => {
    const phone = await create({ enterpriseId: entC, form: 'phone', visitedOn: '2026-01-15', problems: [] });
    const q = async (qs: string) =>
      (await env.call('GET', `/visits?pageSize=100&${qs}`, undefined, env.cookies.liaison))
        .json()
        .items.map((x: { id: string }) => x.id);
    expect(await q(`enterpriseId=${entC}`)).toEqual([phone.id]);
    expect(await q('form=phone')).toEqual([phone.id]);
    expect(await q('from=2026-01-01&to=2026-01-31')).toEqual([phone.id]);
    expect(await q('openProblems=true')).not.toContain(phone.id);
    expect((await q('openProblems=true')).length).toBeGreaterThan(0);
    const bad = await env.call(
      'GET',
      '/visits?from=2026-02-01&to=2026-01-01',
      undefined,
      env.cookies.liaison,
    );
    expect(bad.statusCode).toBe(400);
  });

  it('refuses bad input with a specific 400 or 404, changing nothing', async () => {
    const count = async () =>
      Number(
        (
          await env.t.database.db
            .selectFrom('enterpriseVisits')
            .select((eb) => eb.fn.countAll().as('n'))
            .executeTakeFirstOrThrow()
        ).n,
      );
    const before = await count();
    const post = (body: unknown, cookie = env.cookies.liaison) => env.call('POST', '/visits', body, cookie);
    // Not his enterprise, or none at all: 404.
    expect((await post(visit({ enterpriseId: env.ent.b }))).statusCode).toBe(404);
    expect((await post(visit({ enterpriseId: 'no-such-enterprise' }))).statusCode).toBe(404);
    // A future date.
    const future = await post(visit({ visitedOn: '2026-03-11' }));
    expect(future.statusCode).toBe(400);
    expect(future.json().error.code).toBe('DATE_IN_FUTURE');
    // An unknown topic.
    const topic = await post(visit({ topics: ['operations', 'gossip'] }));
    expect(topic.statusCode).toBe(400);
    expect(topic.json().error.code).toBe('VISIT_UNKNOWN_TOPIC');
    expect(topic.json().error.details.fields[0].field).toBe('topics.1');
    // No topic, an impossible date, a next visit before this one, an unknown form, an unknown field.
    expect((await post(visit({ topics: [] }))).statusCode).toBe(400);
    const date = await post(visit({ visitedOn: '2026-02-30' }));
    expect(date.json().error.code).toBe('INVALID_DATE');
    expect((await post(visit({ nextVisitOn: '2026-03-01' }))).statusCode).toBe(400);
    expect((await post(visit({ form: 'dinner' }))).statusCode).toBe(400);
    expect((await post({ ...visit(), secret: 1 })).statusCode).toBe(400);
    // 转为诉求 is not a status one types: it comes from turning the problem into an appeal.
    const status = await post(visit({ problems: [{ text: '融资难', status: 'appeal' }] }));
    expect(status.statusCode).toBe(400);
    expect(status.json().error.details.fields[0].field).toBe('problems.0.status');
    // Roles that may not record visits.
    expect((await post(visit(), env.cookies.leader)).statusCode).toBe(403);
    expect((await post(visit(), env.cookies.entA)).statusCode).toBe(403);
    expect(await count()).toBe(before);
  });

  it('lets its author change it for 7 days, then only append a correction note', async () => {
    await env.setClock('2026-03-10T02:00:00.000Z');
    const v = await create();
    const put = (body: Record<string, unknown>, cookie = env.cookies.liaison) =>
      env.call('PUT', `/visits/${v.id}`, body, cookie);
    const edit = {
      visitedOn: v.visitedOn,
      form: 'meeting',
      people: v.people,
      topics: ['financing'],
      topicNote: '',
      discussion: '座谈会上企业提出流动资金贷款需求。',
      problems: [
        { id: v.problems[1].id, text: v.problems[1].text, status: 'resolved' },
        { text: '希望对接科技型企业知识产权质押贷款', status: 'following' },
      ],
      note: '',
      nextVisitOn: null,
      version: v.version,
    };
    // Someone else: another liaison cannot see it (404); the leader may read but not write (403).
    expect((await put(edit, other.cookie)).statusCode).toBe(404);
    expect((await put(edit, env.cookies.leader)).statusCode).toBe(403);

    await env.setClock('2026-03-16T02:00:00.000Z'); // six days later
    const ok = await put(edit);
    expect(ok.statusCode).toBe(200);
    const changed = ok.json();
    expect(changed.form).toBe('meeting');
    expect(changed.version).toBe(v.version + 1);
    expect(changed.problems.map((p: { text: string; status: string }) => [p.text, p.status])).toEqual([
      ['新厂房消防验收进度较慢，希望协调', 'resolved'],
      ['希望对接科技型企业知识产权质押贷款', 'following'],
    ]);
    expect(changed.problems[0].id).toBe(v.problems[1].id);
    // A stale version loses.
    const stale = await put(edit);
    expect(stale.statusCode).toBe(409);
    expect(stale.json().error.code).toBe('VISIT_VERSION_CONFLICT');

    await env.setClock('2026-03-17T02:00:00.001Z'); // seven days and a moment after creation
    const late = await put({ ...edit, version: changed.version });
    expect(late.statusCode).toBe(409);
    expect(late.json().error.code).toBe('VISIT_EDIT_CLOSED');
    const detail = (await env.call('GET', `/visits/${v.id}`, undefined, env.cookies.liaison)).json();
    expect(detail.permissions.edit).toBe(false);
    expect(detail.discussion).toBe(edit.discussion);

    const note = await env.call(
      'POST',
      `/visits/${v.id}/notes`,
      { text: '更正：座谈时间应为下午。' },
      env.cookies.liaison,
    );
    expect(note.statusCode).toBe(201);
    expect(note.json().notes.map((n: { text: string }) => n.text)).toEqual(['更正：座谈时间应为下午。']);
    expect(
      (await env.call('POST', `/visits/${v.id}/notes`, { text: '' }, env.cookies.liaison)).statusCode,
    ).toBe(400);
    expect((await env.call('POST', `/visits/${v.id}/notes`, { text: '补充' }, other.cookie)).statusCode).toBe(
      404,
    );
    const actions = await env.t.database.db
      .selectFrom('auditLog')
      .select('action')
      .where('objectId', '=', v.id)
      .orderBy('seq')
      .execute();
    expect(actions.map((a) => a.action)).toEqual([
      'enterprise.visit.create',
      'enterprise.visit.update',
      'enterprise.visit.note',
    ]);
    await env.setClock('2026-03-10T02:00:00.000Z');
  });

  it('turns a problem into an appeal submitted by the liaison on the enterprise’s behalf, and shows its state', async () => {
    const v = await create();
    const problem = v.problems[1];
    const url = `/visits/${v.id}/problems/${problem.id}/appeal`;
    const body = {
      type: 'help',
      topicCode: 'market_license',
      title: '新厂房消防验收协调',
      content: '企业新厂房已竣工，消防验收排期较长，影响投产，请求协调加快验收。',
      contactName: '王建国',
      contactPhone: '13912345678',
    };
    // Another liaison cannot see the visit; the leader may not submit on the enterprise's behalf.
    expect((await env.call('POST', url, body, other.cookie)).statusCode).toBe(404);
    expect((await env.call('POST', url, body, env.cookies.leader)).statusCode).toBe(403);
    const res = await env.call('POST', url, body, env.cookies.liaison);
    expect(res.statusCode).toBe(201);
    const linked = res.json().problems[1];
    expect(linked.status).toBe('appeal');
    expect(linked.appeal).toMatchObject({ state: 'submitted', title: '新厂房消防验收协调' });
    expect(res.json().openProblemCount).toBe(1);

    const appeal = await env.t.database.db
      .selectFrom('appeals')
      .select(['enterpriseId', 'submittedBy', 'channel', 'title', 'state'])
      .where('id', '=', linked.appeal.id)
      .executeTakeFirstOrThrow();
    expect(appeal).toEqual({
      enterpriseId: env.ent.a,
      submittedBy: env.ids.liaison,
      channel: 'liaison',
      title: '新厂房消防验收协调',
      state: 'submitted',
    });
    // The appeal is the appeals module's: the enterprise sees it in its own list.
    const own = await env.call('GET', `/appeals/${linked.appeal.id}`, undefined, env.cookies.entA);
    expect(own.statusCode).toBe(200);

    // Once linked, it cannot be linked again, nor its status set by hand, nor removed by an edit.
    const again = await env.call('POST', url, body, env.cookies.liaison);
    expect(again.statusCode).toBe(409);
    expect(again.json().error.code).toBe('VISIT_PROBLEM_LINKED');
    const patch = await env.call(
      'PATCH',
      `/visits/${v.id}/problems/${problem.id}`,
      { status: 'resolved' },
      env.cookies.liaison,
    );
    expect(patch.statusCode).toBe(409);
    const detail = res.json();
    const drop = await env.call(
      'PUT',
      `/visits/${v.id}`,
      {
        visitedOn: detail.visitedOn,
        form: detail.form,
        people: detail.people,
        topics: detail.topics,
        topicNote: '',
        discussion: detail.discussion,
        problems: [{ id: detail.problems[0].id, text: detail.problems[0].text, status: 'answered' }],
        note: '',
        nextVisitOn: null,
        version: detail.version,
      },
      env.cookies.liaison,
    );
    expect(drop.statusCode).toBe(409);
    expect(drop.json().error.code).toBe('VISIT_PROBLEM_LINKED');
    expect(
      (await env.call('POST', `/visits/${v.id}/problems/no-such/appeal`, body, env.cookies.liaison))
        .statusCode,
    ).toBe(404);

    // When the appeal is finished, the problem is no longer open.
    await env.t.database.db
      .updateTable('appeals')
      .set({ state: 'closed' })
      .where('id', '=', linked.appeal.id)
      .execute();
    const after = (await env.call('GET', `/visits/${v.id}`, undefined, env.cookies.liaison)).json();
    expect(after.problems[1].appeal.state).toBe('closed');
    expect(after.openProblemCount).toBe(0);

    // The follow-up status of an unlinked problem may change after the edit window.
    const first = await env.call(
      'PATCH',
      `/visits/${v.id}/problems/${v.problems[0].id}`,
      { status: 'resolved' },
      env.cookies.liaison,
    );
    expect(first.statusCode).toBe(200);
    expect(first.json().problems[0].status).toBe('resolved');
  });

  it('counts the coverage: enterprises with a liaison visited in the last 90 days, per liaison', async () => {
    // entStale: last visited 91 days ago (2025-12-09); entC visited 2026-01-15 (within 90 days); ent.a recently.
    await create({ enterpriseId: entStale, visitedOn: '2025-12-09', problems: [] });
    const res = await env.call('GET', '/visits/coverage', undefined, env.cookies.leader);
    expect(res.statusCode).toBe(200);
    const c = res.json();
    expect(c.asOf).toBe('2026-03-10');
    expect(c.days).toBe(90);
    // Enterprises with a liaison: a, c, stale (liaison) and b (the other liaison).
    expect(c.assigned).toBe(4);
    expect(c.covered).toBe(3);
    expect(c.uncovered.map((u: { id: string }) => u.id)).toEqual([entStale]);
    expect(c.uncovered[0].lastVisitedOn).toBe('2025-12-09');
    const mine = c.liaisons.find((l: { id: string }) => l.id === env.ids.liaison);
    expect(mine).toMatchObject({ enterprises: 3, covered: 2 });
    const visits = await env.t.database.db
      .selectFrom('enterpriseVisits')
      .select(['liaisonId', 'visitedOn'])
      .where('liaisonId', '=', env.ids.liaison!)
      .execute();
    expect(mine.visitsInYear).toBe(visits.length);
    expect(mine.visitsInWindow).toBe(visits.filter((x) => x.visitedOn >= '2025-12-10').length);
    expect(c.liaisons.find((l: { id: string }) => l.id === other.id)).toMatchObject({
      enterprises: 1,
      covered: 1,
    });
    expect((await env.call('GET', '/visits/coverage', undefined, env.cookies.liaison)).statusCode).toBe(403);
    expect((await env.call('GET', '/visits/coverage', undefined, env.cookies.admin)).statusCode).toBe(403);

    // The picker lists the liaison's own enterprises with their last visit.
    const options = (await env.call('GET', '/visits/enterprises', undefined, env.cookies.liaison)).json();
    expect(options.items.map((o: { id: string }) => o.id).sort()).toEqual([env.ent.a, entC, entStale].sort());
    expect(options.items.find((o: { id: string }) => o.id === entStale).lastVisitedOn).toBe('2025-12-09');
  });
});
