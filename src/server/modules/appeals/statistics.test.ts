import ExcelJS from 'exceljs';
import type { Insertable } from 'kysely';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { APPEAL_STATS_METRICS, type AppealStats } from '../../../shared/appeals-api';
import { toJson } from '../../db/dialect';
import type { AppealTable } from '../../db/schema';
import { OFFICIAL_CALENDAR } from '../../platform/calendar/official-holidays';
import { WorkdayCalendar } from '../../platform/calendar/workdays';
import { newId } from '../../platform/ids';
import { makeDepartment, makeEnterpriseUser, makeStaff } from '../../test/factories';
import { createTestApp, login, type TestApp } from '../../test/support';
import { bindUser, makeEnterprise } from '../enterprises/test-fixtures';
import { DEFAULT_SLA_SETTINGS, workdaysTaken, workingMinutesBetween } from './sla';
import { appealStatistics, statsWindow } from './statistics';
import { APPEAL_TEST_NOW, createAppealTestEnv } from './test-helpers';

// Hand-built appeals with known outcomes (columns only, as the statistics read them), on both databases.

const NOW = '2026-11-26T02:00:00.000Z';
const ctx = { calendar: new WorkdayCalendar(OFFICIAL_CALENDAR), settings: DEFAULT_SLA_SETTINGS };
const days = (a: string, b: string) => workdaysTaken(new Date(a), new Date(b), ctx);
const plus = (iso: string, hours: number) => new Date(Date.parse(iso) + hours * 3_600_000).toISOString();

describe('appeal statistics', () => {
  let t: TestApp;
  let deptA: string;
  let deptB: string;
  const cookies: Record<string, string> = {};
  /** The handled appeals' (dispatch, reply) pairs, to compute the expected average with sla.ts. */
  const handled: [string, string][] = [];

  const get = (url: string, cookie?: string) =>
    t.app.inject({ method: 'GET', url: `/api/v1${url}`, headers: cookie ? { cookie } : {} });

  beforeAll(async () => {
    t = await createTestApp({ now: NOW });
    const db = t.database.db;
    deptA = await makeDepartment(t.database, { name: '区市场监督管理局', code: 'market_t' });
    // A name a spreadsheet would run as a formula: the export must neutralise it.
    deptB = await makeDepartment(t.database, { name: '=SUM(1+1)人社局', code: 'hrss_t' });
    const now = new Date().toISOString();
    const topic = (code: string, name: string, dept: string) => ({
      code,
      name,
      category: '测试',
      description: '',
      leadDepartmentId: dept,
      keywords: toJson([]),
      sla: toJson({}),
      active: 1,
      sortOrder: 0,
      createdAt: now,
      updatedAt: now,
    });
    await db
      .insertInto('appealTopics')
      .values([topic('t_license', '证照办理', deptA), topic('t_social', '社保缴纳', deptB)])
      .execute();
    const enterprise = await makeEnterprise(db);

    const appeal = (createdAt: string, over: Partial<Insertable<AppealTable>>): Insertable<AppealTable> => ({
      id: newId(),
      code: `SQ${createdAt.slice(0, 10).replace(/-/g, '')}${String(Math.floor(Math.random() * 1e6)).padStart(6, '0')}`,
      enterpriseId: enterprise.id,
      submittedBy: null,
      channel: 'web',
      idempotencyKey: null,
      contactName: null,
      contactPhone: null,
      type: 'help',
      topicCode: null,
      title: '测试诉求',
      content: '测试内容',
      isPublic: 0,
      state: 'submitted',
      version: 1,
      leadDepartmentId: null,
      suggestedTopicCode: null,
      suggestedDepartmentId: null,
      receivedOn: createdAt.slice(0, 10),
      acceptDeadline: plus(createdAt, 30),
      ratingDefault: 0,
      reopenCount: 0,
      extensionStatus: 'none',
      supervisionLevel: 'none',
      createdAt,
      updatedAt: createdAt,
      ...over,
    });
    const handledAppeal = (
      createdAt: string,
      dispatchedAt: string,
      repliedAt: string,
      over: Partial<Insertable<AppealTable>>,
    ) => {
      handled.push([dispatchedAt, repliedAt]);
      return appeal(createdAt, {
        acceptedAt: plus(createdAt, 1),
        dispatchedAt,
        replyStartedAt: dispatchedAt,
        replyDeadline: plus(dispatchedAt, 24 * 10),
        signedAt: plus(dispatchedAt, 1),
        repliedAt,
        repliedLate: 0,
        // As the reply action writes it.
        handlingMinutes: workingMinutesBetween(new Date(dispatchedAt), new Date(repliedAt), ctx),
        replySolved: 1,
        replyContent: '已答复',
        ...over,
      });
    };
    const A = { leadDepartmentId: deptA, topicCode: 't_license' };
    const B = { leadDepartmentId: deptB, topicCode: 't_social' };
    const rows = [
      // a1 A: on time everywhere, 满意 + solved, closed. Dispatched and replied within office hours.
      handledAppeal('2026-09-01T02:00:00.000Z', '2026-09-01T04:00:00.000Z', '2026-09-03T04:00:00.000Z', {
        ...A,
        state: 'closed',
        closedAt: '2026-09-10T02:00:00.000Z',
        rating: 'satisfied',
        ratingSolved: 1,
        ratedAt: '2026-09-04T02:00:00.000Z',
      }),
      // a2 A: accepted after its deadline, replied late (dispatched in the evening), 基本满意, not solved.
      handledAppeal('2026-09-10T02:00:00.000Z', '2026-09-11T12:00:00.000Z', '2026-09-30T08:00:00.000Z', {
        ...A,
        acceptedAt: '2026-09-11T11:00:00.000Z',
        acceptDeadline: '2026-09-11T09:30:00.000Z',
        state: 'rated',
        repliedLate: 1,
        rating: 'basically_satisfied',
        ratingSolved: 0,
        ratedAt: '2026-09-30T09:00:00.000Z',
      }),
      // a3 A: closed automatically with the default rating (left out of 解决率 and 满意率).
      handledAppeal('2026-10-12T02:00:00.000Z', '2026-10-12T06:00:00.000Z', '2026-10-14T07:00:00.000Z', {
        ...A,
        state: 'closed',
        closedAt: '2026-10-22T02:00:00.000Z',
        rating: 'satisfied',
        ratingSolved: 1,
        ratingDefault: 1,
      }),
      // a4 A: signed, its reply deadline passed before now: overdue while being handled.
      appeal('2026-10-20T02:00:00.000Z', {
        ...A,
        state: 'signed',
        acceptedAt: '2026-10-20T03:00:00.000Z',
        dispatchedAt: '2026-10-20T04:00:00.000Z',
        signedAt: '2026-10-20T05:00:00.000Z',
        replyStartedAt: '2026-10-20T04:00:00.000Z',
        replyDeadline: '2026-11-06T09:30:00.000Z',
      }),
      // a5 B: created 00:30 on 1 October in Shanghai (an October appeal), dispatched during the holiday, reopened
      // once, finally 不满意 and closed.
      handledAppeal('2026-09-30T16:30:00.000Z', '2026-09-30T17:00:00.000Z', '2026-10-09T08:00:00.000Z', {
        ...B,
        acceptedAt: '2026-09-30T16:45:00.000Z',
        acceptDeadline: '2026-10-09T09:30:00.000Z',
        state: 'closed',
        closedAt: '2026-10-20T02:00:00.000Z',
        reopenCount: 1,
        rating: 'dissatisfied',
        ratingSolved: 0,
        ratedAt: '2026-10-10T02:00:00.000Z',
      }),
      // a6: submitted, not yet answered by the desk.
      appeal('2026-11-20T02:00:00.000Z', { topicCode: 't_social' }),
      // a7: rejected in time (the rejection time is closed_at).
      appeal('2026-11-05T02:00:00.000Z', { state: 'rejected', closedAt: '2026-11-05T06:00:00.000Z' }),
      // a8: 23:59 on 31 August in Shanghai: outside the window.
      appeal('2026-08-31T15:59:00.000Z', { ...A, state: 'accepted', acceptedAt: '2026-08-31T16:10:00.000Z' }),
      // a9 B: 00:00 on 1 September in Shanghai: inside; accepted.
      appeal('2026-08-31T16:00:00.000Z', { ...B, state: 'accepted', acceptedAt: '2026-09-01T01:10:00.000Z' }),
      // a10 B: dispatched, past its deadline: overdue.
      appeal('2026-11-03T02:00:00.000Z', {
        ...B,
        state: 'dispatched',
        acceptedAt: '2026-11-03T03:00:00.000Z',
        dispatchedAt: '2026-11-03T04:00:00.000Z',
        replyStartedAt: '2026-11-03T04:00:00.000Z',
        replyDeadline: '2026-11-20T09:30:00.000Z',
      }),
      // a11: merged into another appeal before acceptance.
      appeal('2026-11-06T02:00:00.000Z', { state: 'merged', closedAt: '2026-11-06T03:00:00.000Z' }),
    ];
    await db.insertInto('appeals').values(rows).execute();

    const leader = await makeStaff(t.database, ['leader']);
    const dispatcher = await makeStaff(t.database, ['dispatcher']);
    const handler = await makeStaff(t.database, ['handler'], { departmentId: deptA });
    const user = await makeEnterpriseUser(t.database, '13900001111');
    await bindUser(db, user.id, enterprise.id);
    cookies.leader = await login(t.app, leader.username, leader.password);
    cookies.dispatcher = await login(t.app, dispatcher.username, dispatcher.password);
    cookies.handler = await login(t.app, handler.username, handler.password);
    cookies.enterprise = await login(t.app, user.phone, user.password);
  });
  afterAll(async () => t?.close());

  const expectedAvg = () =>
    Math.round((handled.reduce((s, [a, b]) => s + days(a, b), 0) / handled.length) * 100) / 100;

  it('computes every figure exactly, with the formulas', async () => {
    const res = await get('/appeals/stats?from=2026-09&to=2026-11&by=department', cookies.leader);
    expect(res.statusCode, res.body).toBe(200);
    const s = res.json() as AppealStats;
    expect(s.from).toBe('2026-09');
    expect(s.to).toBe('2026-11');
    expect(s.totals).toEqual({
      submitted: 10,
      accepted: 7,
      responded: 8,
      respondedOnTime: 7,
      responseRate: 0.875,
      replied: 4,
      repliedOnTime: 3,
      onTimeReplyRate: 0.75,
      rated: 3,
      solved: 1,
      solvedRate: 0.3333,
      satisfied: 2,
      satisfactionRate: 0.6667,
      closed: 3,
      overdue: 3,
      reopened: 1,
      avgHandlingWorkdays: expectedAvg(),
    });
    // The holiday and the evening do not count: a5 took 1 working day and 7 hours (1 – 9 October 2026).
    expect(days('2026-09-30T17:00:00.000Z', '2026-10-09T08:00:00.000Z')).toBeCloseTo(1 + 420 / 510, 10);
    expect(s.formulas.map((f) => f.key)).toEqual([...APPEAL_STATS_METRICS]);
    expect(s.formulas.find((f) => f.key === 'satisfactionRate')!.formula).toContain(
      '满意率 = （满意 + 基本满意）÷ 参评件数；自动办结的默认评价不计入',
    );
    for (const f of s.formulas) expect(f.formula.length).toBeGreaterThan(10);

    expect(s.rows.map((r) => [r.key, r.label, r.submitted])).toEqual([
      [deptA, '区市场监督管理局', 4],
      [deptB, '=SUM(1+1)人社局', 3],
      [null, '尚未派单', 3],
    ]);
    const a = s.rows[0]!;
    expect([a.responseRate, a.onTimeReplyRate, a.solvedRate, a.satisfactionRate, a.overdue]).toEqual([
      0.75, 0.6667, 0.5, 1, 2,
    ]);
    const avgA =
      Math.round(((days(...handled[0]!) + days(...handled[1]!) + days(...handled[2]!)) / 3) * 100) / 100;
    expect(a.avgHandlingWorkdays).toBe(avgA);
    const none = s.rows[2]!;
    expect([none.responded, none.respondedOnTime, none.replied, none.onTimeReplyRate]).toEqual([
      1,
      1,
      0,
      null,
    ]);
  });

  it('groups by Shanghai month (every month of the window listed) and by topic', async () => {
    const byMonth = (await get('/appeals/stats?from=2026-08&to=2026-12&by=month', cookies.dispatcher)).json();
    expect(byMonth.rows.map((r: { key: string; submitted: number }) => [r.key, r.submitted])).toEqual([
      ['2026-08', 1],
      ['2026-09', 3],
      ['2026-10', 3],
      ['2026-11', 4],
      ['2026-12', 0],
    ]);
    expect(byMonth.rows[4].responseRate).toBeNull();
    expect(byMonth.rows[1].label).toBe('2026年9月');
    const byTopic = (await get('/appeals/stats?from=2026-09&to=2026-11&by=topic', cookies.dispatcher)).json();
    expect(
      byTopic.rows.map((r: { key: string | null; label: string; submitted: number }) => [
        r.key,
        r.label,
        r.submitted,
      ]),
    ).toEqual([
      // Equal counts: by name in pinyin order (社 shè before 证 zhèng).
      ['t_social', '社保缴纳', 4],
      ['t_license', '证照办理', 4],
      [null, '未分类', 2],
    ]);
  });

  it('gives zeros and nulls for an empty window, never NaN', async () => {
    const res = await get('/appeals/stats?from=2025-01&to=2025-03&by=month', cookies.leader);
    expect(res.statusCode).toBe(200);
    const s = res.json() as AppealStats;
    expect(s.rows).toHaveLength(3);
    expect(s.totals.submitted).toBe(0);
    for (const k of [
      'responseRate',
      'onTimeReplyRate',
      'solvedRate',
      'satisfactionRate',
      'avgHandlingWorkdays',
    ] as const)
      expect(s.totals[k]).toBeNull();
    expect(res.body).not.toContain('NaN');
    const dept = (await get('/appeals/stats?from=2025-01&to=2025-03&by=department', cookies.leader)).json();
    expect(dept.rows).toEqual([]);
  });

  it('defaults to the 12 months ending with the current Shanghai month', async () => {
    const s = (await get('/appeals/stats', cookies.leader)).json() as AppealStats;
    expect([s.from, s.to, s.by]).toEqual(['2025-12', '2026-11', 'month']);
    expect(s.rows).toHaveLength(12);
    expect(s.totals.submitted).toBe(11);
    // The service itself refuses what the route refuses.
    expect(() => statsWindow({ from: '2026-05', to: '2026-01' }, new Date(NOW))).toThrow();
    await expect(
      appealStatistics(
        { db: t.database.db, dialect: t.database.dialect, now: new Date(NOW) },
        { from: '2020-01', to: '2026-01' },
      ),
    ).rejects.toThrow();
  });

  it('exports a workbook with the five sheets, numbers as numbers and formulas written out', async () => {
    const res = await get('/appeals/stats/export?from=2026-09&to=2026-11', cookies.leader);
    expect(res.statusCode).toBe(200);
    expect(res.headers['content-type']).toContain('spreadsheetml');
    expect(res.headers['content-disposition']).toContain('attachment');
    const book = new ExcelJS.Workbook();
    await book.xlsx.load(res.rawPayload as unknown as ExcelJS.Buffer);
    expect(book.worksheets.map((w) => w.name)).toEqual(['汇总', '按部门', '按主题', '按月份', '指标口径']);
    const summary = book.getWorksheet('汇总')!;
    const find = (sheet: ExcelJS.Worksheet, label: string) => {
      let found: ExcelJS.Row | undefined;
      sheet.eachRow((row) => {
        if (row.getCell(1).value === label) found = row;
      });
      if (!found) throw new Error(`no row ${label}`);
      return found;
    };
    expect(find(summary, '诉求量').getCell(2).value).toBe(10);
    const rate = find(summary, '响应率').getCell(2);
    expect(rate.value).toBe(0.875);
    expect(rate.numFmt).toBe('0.0%');
    const dept = book.getWorksheet('按部门')!;
    expect(dept.getRow(1).getCell(1).value).toBe('主办部门');
    expect(find(dept, "'=SUM(1+1)人社局").getCell(2).value).toBe(3);
    expect(find(book.getWorksheet('按月份')!, '2026年10月').getCell(2).value).toBe(3);
    expect(String(find(book.getWorksheet('指标口径')!, '满意率').getCell(2).value)).toContain('基本满意');
  });

  it('is for leaders and the desk only', async () => {
    for (const who of ['enterprise', 'handler']) {
      for (const url of ['/appeals/stats', '/appeals/stats/export']) {
        const res = await get(url, cookies[who]);
        expect(res.statusCode, `${who} ${url}`).toBe(403);
        expect(res.json().error.code).toBe('FORBIDDEN');
      }
    }
    expect((await get('/appeals/stats')).statusCode).toBe(401);
  });

  it('refuses bad queries with the field at fault', async () => {
    const cases: [string, string][] = [
      ['from=2026-05&to=2026-01', 'querystring.to'],
      ['from=2026-13&to=2026-12', 'querystring.from'],
      ['from=2026-1&to=2026-12', 'querystring.from'],
      ['from=2023-01&to=2026-01', 'querystring.to'],
      ['from=2026-01&to=2026-06&by=street', 'querystring.by'],
      ['from=2026-01&to=2026-06&extra=1', 'querystring.extra'],
    ];
    for (const [q, field] of cases) {
      for (const path of ['/appeals/stats', '/appeals/stats/export']) {
        const res = await get(`${path}?${q}`, cookies.leader);
        expect(res.statusCode, `${path}?${q}`).toBe(400);
        const body = res.json();
        expect(body.error.code === 'VALIDATION_FAILED' || body.error.code === 'UNKNOWN_FIELD').toBe(true);
        expect(body.error.details.fields.map((f: { field: string }) => f.field)).toContain(field);
      }
    }
    // 36 months is the longest window.
    expect((await get('/appeals/stats?from=2024-01&to=2026-12', cookies.leader)).statusCode).toBe(200);
    // Nothing was written by any of these reads.
    const n = await t.database.db
      .selectFrom('appeals')
      .select((eb) => eb.fn.countAll<number>().as('n'))
      .executeTakeFirstOrThrow();
    expect(Number(n.n)).toBe(11);
  });
});

describe('handling time (handling_minutes) written by the workflow', () => {
  it('is written by the reply, cleared by a reopen and counted once the new reply comes', async () => {
    const env = await createAppealTestEnv();
    try {
      const { act, cookies, dept, t } = env;
      const ok = async (res: { statusCode: number; body: string }) => {
        expect(res.statusCode, res.body).toBe(200);
      };
      const row = () =>
        t.database.db
          .selectFrom('appeals')
          .select(['handlingMinutes', 'repliedAt', 'dispatchedAt'])
          .where('id', '=', id)
          .executeTakeFirstOrThrow();
      const stats = async () => {
        const res = await env.call(
          'GET',
          '/appeals/stats?from=2026-03&to=2026-03',
          undefined,
          cookies.leader,
        );
        expect(res.statusCode, res.body).toBe(200);
        return (res.json() as AppealStats).totals;
      };
      const { id } = await env.submit();
      await ok(await act(id, 'accept', {}, cookies.dispatcher));
      // Dispatched Tuesday 10 March 2026 10:00 in Shanghai (APPEAL_TEST_NOW).
      await ok(await act(id, 'dispatch', { leadDepartmentId: dept.lead }, cookies.dispatcher));
      expect((await row()).handlingMinutes).toBeNull();
      await env.setClock('2026-03-11T03:30:00.000Z');
      await ok(await act(id, 'sign', {}, cookies.handler));
      // Replied Thursday 12 March 15:00: 7.5 h + 8.5 h + 6 h = 22 working hours.
      await env.setClock('2026-03-12T07:00:00.000Z');
      await ok(
        await act(
          id,
          'reply',
          { content: '已答复，可网上办理。', solved: true, public: true },
          cookies.handler,
        ),
      );
      const replied = await row();
      expect(replied.dispatchedAt).toBe(APPEAL_TEST_NOW);
      expect(replied.handlingMinutes).toBe(22 * 60);
      expect(replied.handlingMinutes).toBe(
        workingMinutesBetween(new Date(replied.dispatchedAt!), new Date(replied.repliedAt!), ctx),
      );
      expect((await stats()).avgHandlingWorkdays).toBe(Math.round((1320 / 510) * 100) / 100);

      await ok(
        await act(id, 'rate', { rating: 'dissatisfied', solved: false, comment: '仍未解决' }, cookies.entA),
      );
      await ok(await act(id, 'reopen', { reason: '材料仍被退回' }, cookies.entA));
      const reopened = await row();
      expect([reopened.handlingMinutes, reopened.repliedAt]).toEqual([null, null]);
      const during = await stats();
      expect([during.replied, during.avgHandlingWorkdays]).toEqual([0, null]);

      // The new reply counts from the (first) dispatch, as before: Monday 16 March 09:30.
      await ok(await act(id, 'sign', {}, cookies.handler));
      await env.setClock('2026-03-16T01:30:00.000Z');
      await ok(
        await act(
          id,
          'reply',
          { content: '已上门指导，办结。', solved: true, public: true },
          cookies.handler,
        ),
      );
      const again = await row();
      expect(again.handlingMinutes).toBe(
        workingMinutesBetween(new Date(APPEAL_TEST_NOW), new Date('2026-03-16T01:30:00.000Z'), ctx),
      );
      expect(again.handlingMinutes).toBe(7.5 * 60 + 3 * 510 + 30);
    } finally {
      await env.close();
    }
  });
});
