import ExcelJS from 'exceljs';
import type { Insertable } from 'kysely';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Dashboard, PublicInsights } from '../../../shared/insights-api';
import { toJson } from '../../db/dialect';
import type { AppealTable, BuildingTable } from '../../db/schema';
import { newId } from '../../platform/ids';
import { makeDepartment, makeStaff } from '../../test/factories';
import { createTestApp, login, type TestApp } from '../../test/support';
import { makeEnterprise, seedReferenceData } from '../enterprises/test-fixtures';
import { suppressedCells } from './suppress';

// Known data straight in the tables the insights read, on both databases; every figure below is counted by hand.

const NOW = '2026-11-26T02:00:00.000Z'; // 2026-11-26 10:00 in Shanghai
const A = '370202001'; // 八大峡街道
const B = '370202002'; // 云南路街道
const plus = (iso: string, hours: number) => new Date(Date.parse(iso) + hours * 3_600_000).toISOString();

describe('suppressedCells', () => {
  it.each([
    [[10, 3, 0, 8], true, [false, true, false, true]], // one small cell: the smallest other non-zero one goes too
    [[10, 3, 2, 8], true, [false, true, true, false]], // two small cells: enough
    [[10, 3, 0, 8], false, [false, true, false, false]], // no published total: primary only
    [[0, 5, 4], true, [false, true, true]],
    [[0, 0, 0], true, [false, false, false]],
    [[1], true, [true]],
  ])('%j (complementary %s) → %j', (values, complementary, expected) => {
    expect(suppressedCells(values, complementary)).toEqual(expected);
  });
});

describe('insights', () => {
  let t: TestApp;
  const cookies: Record<string, string> = {};
  let deptA: string;
  let deptB: string;
  let hotId: string;
  const get = (url: string, cookie?: string) =>
    t.app.inject({ method: 'GET', url: `/api/v1${url}`, headers: cookie ? { cookie } : {} });

  beforeAll(async () => {
    t = await createTestApp({ now: NOW });
    const db = t.database.db;
    await seedReferenceData(db);
    deptA = await makeDepartment(t.database, { name: '区市场监督管理局', code: 'market_i' });
    deptB = await makeDepartment(t.database, { name: '=HYPERLINK("x")人社局', code: 'hrss_i' });
    for (const [name, roles] of [
      ['leader', ['leader']],
      ['admin', ['admin']],
      ['dispatcher', ['dispatcher']],
    ] as const) {
      const s = await makeStaff(t.database, [...roles], { username: `i_${name}` });
      cookies[name] = await login(t.app, s.username, s.password);
    }

    // Enterprises: street A 7 (2 established in 2026-10, 1 in 2025-03), street B 3, no street 1.
    const ent = async (street: string | null, industry: string, size: string | null, established: string) => {
      const e = await makeEnterprise(db, { streetCode: street, industryCode: industry });
      await db
        .updateTable('enterprises')
        .set({ sizeClass: size, establishedOn: established })
        .where('id', '=', e.id)
        .execute();
      return e.id;
    };
    const ids: string[] = [];
    for (let i = 0; i < 7; i++)
      ids.push(
        await ent(
          A,
          '3911',
          i < 5 ? 'small' : 'micro',
          i < 2 ? `2026-10-1${i}` : i === 2 ? '2025-03-01' : '2018-06-01',
        ),
      );
    for (let i = 0; i < 3; i++) ids.push(await ent(B, '6511', 'medium', '2019-01-01'));
    ids.push(await ent(null, '7211', null, '2020-05-05'));

    // Appeals: September 6 (dept A), October 8 (dept A 6, dept B 2), November 2 (dept B).
    const appeal = (createdAt: string, dept: string, over: Partial<Insertable<AppealTable>> = {}) => ({
      id: newId(),
      code: `SQ${newId().slice(-10)}`,
      enterpriseId: ids[0]!,
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
      state: 'dispatched',
      version: 1,
      leadDepartmentId: dept,
      suggestedTopicCode: null,
      suggestedDepartmentId: null,
      receivedOn: createdAt.slice(0, 10),
      acceptDeadline: plus(createdAt, 30),
      acceptedAt: plus(createdAt, 1),
      dispatchedAt: plus(createdAt, 2),
      replyDeadline: plus(createdAt, 24 * 14),
      ratingDefault: 0,
      reopenCount: 0,
      extensionStatus: 'none',
      supervisionLevel: 'none',
      createdAt,
      updatedAt: createdAt,
      ...over,
    });
    const replied = (createdAt: string, dept: string, late: boolean, rating: string, solved: boolean) =>
      appeal(createdAt, dept, {
        state: 'rated',
        repliedAt: plus(createdAt, 48),
        repliedLate: late ? 1 : 0,
        rating,
        ratingSolved: solved ? 1 : 0,
        ratedAt: plus(createdAt, 60),
      });
    const rows: Insertable<AppealTable>[] = [];
    for (let i = 0; i < 6; i++) rows.push(appeal(`2026-09-0${i + 1}T02:00:00.000Z`, deptA));
    // October, dept A: 5 replied (1 late), rated 满意 ×3 (2 solved), 基本满意 ×1 (solved), 不满意 ×1; 1 open.
    rows.push(replied('2026-10-08T02:00:00.000Z', deptA, false, 'satisfied', true));
    rows.push(replied('2026-10-09T02:00:00.000Z', deptA, false, 'satisfied', true));
    rows.push(replied('2026-10-10T02:00:00.000Z', deptA, false, 'satisfied', false));
    rows.push(replied('2026-10-11T02:00:00.000Z', deptA, true, 'basically_satisfied', true));
    rows.push(replied('2026-10-12T02:00:00.000Z', deptA, false, 'dissatisfied', false));
    rows.push(appeal('2026-10-13T02:00:00.000Z', deptA));
    rows.push(appeal('2026-10-14T02:00:00.000Z', deptB));
    // Accepted after its deadline: not on time.
    rows.push(
      appeal('2026-10-15T02:00:00.000Z', deptB, { acceptedAt: plus('2026-10-15T02:00:00.000Z', 40) }),
    );
    rows.push(appeal('2026-11-02T02:00:00.000Z', deptB));
    rows.push(appeal('2026-11-03T02:00:00.000Z', deptB));
    await db.insertInto('appeals').values(rows).execute();

    // Claims: program P paid to 5 enterprises (10 万元 each, one paid in 2025), program Q paid to 2 (3 万元 each).
    const docId = newId();
    const now = new Date().toISOString();
    await db
      .insertInto('policyDocuments')
      .values({
        id: docId,
        title: '测试政策',
        docNumber: null,
        issuer: '区政府',
        level: 'district',
        topics: toJson([]),
        issuedOn: '2026-01-01',
        effectiveOn: null,
        expiresOn: null,
        summary: null,
        bodyHtml: '<p>x</p>',
        attachmentIds: toJson([]),
        status: 'published',
        version: 1,
        revision: 1,
        publishedAt: now,
        createdBy: null,
        createdAt: now,
        updatedAt: now,
      })
      .execute();
    const program = async (title: string) => {
      const id = newId();
      await db
        .insertInto('policyPrograms')
        .values({
          id,
          documentId: docId,
          title,
          summary: null,
          beneficiaries: '企业',
          mode: 'standard_application',
          departmentId: deptA,
          budget: null,
          budgetUsed: 0,
          budgetPaid: 0,
          windowStart: null,
          windowEnd: null,
          materials: toJson([]),
          rules: toJson({ all: [] }),
          rulesVersion: 1,
          status: 'published',
          revision: 1,
          publishedAt: now,
          createdBy: null,
          createdAt: now,
          updatedAt: now,
        })
        .execute();
      return id;
    };
    const P = await program('专精特新企业奖励');
    const Q = await program('=1+1 研发费用补助');
    const claim = (
      programId: string,
      enterpriseId: string,
      status: string,
      amount: number | null,
      paidOn: string | null,
    ) => ({
      id: newId(),
      programId,
      enterpriseId,
      year: 2026,
      status,
      rulesVersion: 1,
      eligibility: 'eligible',
      estimate: toJson(null),
      facts: toJson({}),
      answers: toJson({}),
      evaluation: toJson({}),
      attachments: toJson([]),
      contactName: null,
      contactPhone: null,
      statement: null,
      requestedAmount: amount,
      approvedAmount: amount,
      paidAmount: status === 'paid' ? amount : null,
      paidOn,
      reviewNote: null,
      revision: 1,
      createdBy: null,
      submittedAt: '2026-10-05T02:00:00.000Z',
      decidedAt: status === 'submitted' ? null : '2026-10-20T02:00:00.000Z',
      decidedBy: null,
      createdAt: now,
      updatedAt: now,
    });
    await db
      .insertInto('policyClaims')
      .values([
        ...[0, 1, 2, 3, 4].map((i) => claim(P, ids[i]!, 'paid', 100_000, '2026-10-25')),
        claim(P, ids[5]!, 'paid', 100_000, '2025-06-01'),
        claim(P, ids[6]!, 'submitted', null, null),
        claim(Q, ids[0]!, 'paid', 30_000, '2026-11-02'),
        claim(Q, ids[7]!, 'paid', 30_000, '2026-11-02'),
        claim(Q, ids[8]!, 'approved', 30_000, null),
      ])
      .execute();

    // Buildings: two on street A (one 亿元楼, hot), one on B (千万元楼), one archived (left out).
    const building = async (
      name: string,
      street: string,
      leasable: number,
      vacant: number,
      flag: string | null,
      status = 'active',
    ) => {
      const id = newId();
      const row: Insertable<BuildingTable> = {
        id,
        name,
        streetCode: street,
        address: '测试路 1 号',
        lat: null,
        lng: null,
        grade: 'a',
        use: 'office',
        floorsAbove: null,
        floorsBelow: null,
        grossArea: null,
        completedYear: null,
        developer: null,
        propertyManager: null,
        contactName: null,
        contactPhone: null,
        description: '',
        tags: toJson([]),
        source: 'survey',
        sourceNote: null,
        lastVerifiedOn: null,
        status,
        spaceCount: 1,
        vacantCount: vacant > 0 ? 1 : 0,
        leasableArea: leasable,
        vacantArea: vacant,
        vacancyRate: leasable ? vacant / leasable : 0,
        minRentMonthly: null,
        maxRentMonthly: null,
        minVacantArea: null,
        maxVacantArea: null,
        occupantTaxWan: null,
        taxFlag: flag,
        heatSortKey: 0,
        createdBy: null,
        updatedBy: null,
        createdAt: now,
        updatedAt: now,
      };
      await db.insertInto('buildings').values(row).execute();
      return id;
    };
    hotId = await building('=CMD|"/c calc"!A1 大厦', A, 1000, 250, 'yi_yuan');
    await building('云南路商务中心', A, 3000, 0, null);
    await building('中山路金融大厦', B, 1000, 500, 'qian_wan_yuan');
    await building('已归档大厦', B, 9000, 9000, 'yi_yuan', 'archived');
    await db
      .insertInto('buildingHeat')
      .values({
        buildingId: hotId,
        score: 5,
        lastAt: NOW,
        sortKey: 10,
        views: 5,
        favourites: 0,
        viewingRequests: 0,
      })
      .execute();
    await db.updateTable('buildings').set({ heatSortKey: 10 }).where('id', '=', hotId).execute();

    // Search terms (Shanghai days): 补贴 on 3 days ×9 (public), 租金 on 2 days ×20 (too few days), 稳岗 on 3 days ×4
    // (too few searches); one old row outside the 90 days.
    await db
      .insertInto('searchTerms')
      .values([
        { day: '2026-11-20', scope: 'policies', term: '补贴', count: 4 },
        { day: '2026-11-21', scope: 'policies', term: '补贴', count: 3 },
        { day: '2026-11-22', scope: 'buildings', term: '补贴', count: 2 },
        { day: '2026-11-20', scope: 'buildings', term: '租金', count: 10 },
        { day: '2026-11-21', scope: 'buildings', term: '租金', count: 10 },
        { day: '2026-11-20', scope: 'policies', term: '稳岗', count: 2 },
        { day: '2026-11-21', scope: 'policies', term: '稳岗', count: 1 },
        { day: '2026-11-22', scope: 'policies', term: '稳岗', count: 1 },
        { day: '2026-01-01', scope: 'policies', term: '补贴', count: 100 },
      ])
      .execute();
  });

  afterAll(async () => {
    await t?.close();
  });

  it('publishes the public figures with small cells suppressed', async () => {
    const res = await get('/insights/public');
    expect(res.statusCode, res.body).toBe(200);
    const d = res.json() as PublicInsights;
    expect(d.from).toBe('2025-12');
    expect(d.to).toBe('2026-11');
    expect(d.enterprises.total).toBe(11);
    const street = Object.fromEntries(d.enterprises.byStreet.map((r) => [r.label, r.count]));
    expect(street.八大峡街道).toEqual({ value: 7, suppressed: false });
    expect(street.云南路街道).toEqual({ value: null, suppressed: true });
    expect(street.中山路街道).toEqual({ value: 0, suppressed: false });
    expect(street.未填写).toEqual({ value: null, suppressed: true });
    const industry = Object.fromEntries(d.enterprises.byIndustry.map((r) => [r.key, r.count]));
    expect(industry.C).toEqual({ value: 7, suppressed: false });
    expect(industry.I).toEqual({ value: null, suppressed: true });
    expect(industry.L).toEqual({ value: null, suppressed: true });
    const size = Object.fromEntries(d.enterprises.bySize.map((r) => [r.key, r.count]));
    // small 5; micro 2, medium 3, unknown 1 all suppressed; large 0 shown.
    expect(size).toEqual({
      large: { value: 0, suppressed: false },
      medium: { value: null, suppressed: true },
      small: { value: 5, suppressed: false },
      micro: { value: null, suppressed: true },
      unknown: { value: null, suppressed: true },
    });
    const growth = Object.fromEntries(d.enterprises.growth.map((r) => [r.key, r.count]));
    expect(d.enterprises.growth).toHaveLength(10);
    expect(growth['2026']).toEqual({ value: null, suppressed: true }); // 2
    expect(growth['2018']).toEqual({ value: null, suppressed: true }); // 4
    expect(growth['2024']).toEqual({ value: 0, suppressed: false });

    // Appeals: Nov (2) is suppressed, and Sep (6) with it (complementary); Oct (8) shown with its rates.
    const month = Object.fromEntries(d.appeals.byMonth.map((r) => [r.key, r]));
    expect(month['2026-11']!.submitted).toEqual({ value: null, suppressed: true });
    expect(month['2026-09']!.submitted).toEqual({ value: null, suppressed: true });
    const oct = month['2026-10']!;
    expect(oct.submitted).toEqual({ value: 8, suppressed: false });
    expect(oct.responseRate).toBe(0.875); // 7 of 8 accepted by the deadline
    expect(oct.onTimeReplyRate).toBe(0.8); // 4 of 5
    expect(oct.solvedRate).toBe(0.6); // 3 of 5
    expect(oct.satisfactionRate).toBe(0.8); // (3 + 1) of 5
    // September: 6 responded on time but nothing replied or rated: rates without denominator are null.
    expect(month['2026-09']!.responseRate).toBe(1);
    expect(month['2026-09']!.onTimeReplyRate).toBeNull();
    expect(d.appeals.totals.submitted).toEqual({ value: 16, suppressed: false });
    expect(d.appeals.formulas.map((f) => f.key)).toEqual([
      'responseRate',
      'onTimeReplyRate',
      'solvedRate',
      'satisfactionRate',
    ]);

    // Claims in the 12 months: P 5 enterprises × 10 万元, Q 2 × 3 万元 (suppressed; P goes with it).
    expect(d.claims.paidWan).toBe(56);
    expect(d.claims.enterprises).toEqual({ value: 6, suppressed: false }); // ids 0–4 and 7
    expect(d.claims.byProgram.map((p) => [p.label, p.paidWan, p.enterprises])).toEqual([
      ['专精特新企业奖励', null, { value: null, suppressed: true }],
      ['=1+1 研发费用补助', null, { value: null, suppressed: true }],
    ]);

    // Buildings: 3 active, vacancy (250 + 0 + 500) / 5000, 1 亿元楼, 1 千万元楼; the hot ranking names the building.
    expect(d.buildings).toMatchObject({
      count: 3,
      leasableArea: 5000,
      vacantArea: 750,
      yiYuan: 1,
      qianWanYuan: 1,
    });
    expect(d.buildings.vacancyRate).toBe(0.15);
    expect(d.buildings.hot).toEqual([
      {
        rank: 1,
        id: hotId,
        name: '=CMD|"/c calc"!A1 大厦',
        street: '八大峡街道',
        vacancyRate: 0.25,
        taxFlag: 'yi_yuan',
      },
    ]);

    expect(d.searchTerms).toEqual([{ term: '补贴', count: 9 }]);
    // No enterprise name anywhere on the public page (the building ranking aside).
    const names = await t.database.db.selectFrom('enterprises').select('name').execute();
    for (const n of names) expect(res.body).not.toContain(n.name);
  });

  it('shows the leader the whole period, nothing suppressed', async () => {
    const res = await get('/insights/dashboard?from=2026-09-01&to=2026-11-30', cookies.leader);
    expect(res.statusCode, res.body).toBe(200);
    const d = res.json() as Dashboard;
    expect([d.from, d.to]).toEqual(['2026-09-01', '2026-11-30']);
    expect(d.appeals.byMonth.map((r) => [r.key, r.submitted])).toEqual([
      ['2026-09', 6],
      ['2026-10', 8],
      ['2026-11', 2],
    ]);
    const dept = Object.fromEntries(d.appeals.byDepartment.map((r) => [r.key, r]));
    expect(dept[deptA]).toMatchObject({
      submitted: 12,
      responded: 12,
      respondedOnTime: 12,
      replied: 5,
      repliedOnTime: 4,
      rated: 5,
      solved: 3,
      satisfied: 4,
      onTimeReplyRate: 0.8,
    });
    expect(dept[deptB]).toMatchObject({
      submitted: 4,
      responded: 4,
      respondedOnTime: 3,
      responseRate: 0.75,
      replied: 0,
      onTimeReplyRate: null,
    });
    expect(d.appeals.totals.submitted).toBe(16);

    expect(d.enterprises.growthByMonth.map((r) => [r.key, r.count])).toEqual([
      ['2026-09', 0],
      ['2026-10', 2],
      ['2026-11', 0],
    ]);
    expect(d.enterprises.byStreet.find((r) => r.key === B)!.count).toBe(3);

    const byTitle = Object.fromEntries(d.claims.byProgram.map((p) => [p.label, p]));
    expect(byTitle.专精特新企业奖励).toMatchObject({
      applications: 7,
      approved: 6,
      paidWan: 50,
      enterprises: 5,
      department: '区市场监督管理局',
    });
    expect(byTitle['=1+1 研发费用补助']).toMatchObject({
      applications: 3,
      approved: 3,
      paidWan: 6,
      enterprises: 2,
    });
    expect(d.claims.totals).toEqual({ applications: 10, approved: 9, paidWan: 56, enterprises: 6 });

    expect(d.buildings.byStreet.map((s) => [s.key, s.count, s.vacancyRate, s.yiYuan, s.qianWanYuan])).toEqual(
      [
        [A, 2, 0.0625, 1, 0],
        [B, 1, 0.5, 0, 1],
      ],
    );
    const scopes = Object.fromEntries(d.searchTerms.map((s) => [s.scope, s.terms]));
    expect(scopes.policies).toEqual([
      { term: '补贴', count: 7, days: 2 },
      { term: '稳岗', count: 4, days: 3 },
    ]);
    expect(scopes.buildings).toEqual([
      { term: '租金', count: 20, days: 2 },
      { term: '补贴', count: 2, days: 1 },
    ]);
    expect(scopes.content).toEqual([]);

    // A shorter period changes the tables: October only.
    const oct = (
      await get('/insights/dashboard?from=2026-10-01&to=2026-10-31', cookies.admin)
    ).json() as Dashboard;
    expect(oct.appeals.byMonth.map((r) => r.key)).toEqual(['2026-10']);
    expect(oct.claims.totals).toEqual({ applications: 10, approved: 9, paidWan: 50, enterprises: 5 });
    expect(oct.searchTerms.every((s) => s.terms.length === 0)).toBe(true);
  });

  it('adds up appeal windows longer than the appeal statistics allow (36 months)', async () => {
    const d = (
      await get('/insights/dashboard?from=2022-01-01&to=2026-11-26', cookies.leader)
    ).json() as Dashboard;
    expect(d.appeals.byMonth).toHaveLength(59);
    expect(d.appeals.totals.submitted).toBe(16);
    expect(d.appeals.byDepartment.find((r) => r.key === deptA)!.submitted).toBe(12);
  });

  it('lets only the leader and the admin see the dashboard', async () => {
    expect((await get('/insights/dashboard')).statusCode).toBe(401);
    expect((await get('/insights/dashboard', cookies.dispatcher)).statusCode).toBe(403);
    expect((await get('/insights/export/appeals-month.xlsx')).statusCode).toBe(401);
    expect((await get('/insights/export/appeals-month.xlsx', cookies.dispatcher)).statusCode).toBe(403);
    expect((await get('/insights/dashboard', cookies.admin)).statusCode).toBe(200);
    expect((await get('/insights/export/public-buildings-hot.xlsx')).statusCode).toBe(200);
  });

  it.each([
    ['/insights/dashboard?from=2026-10-01&to=2026-09-01', 'INSIGHTS_PERIOD_REVERSED'],
    ['/insights/dashboard?from=2020-01-01&to=2025-01-01', 'INSIGHTS_PERIOD_TOO_LONG'],
    ['/insights/dashboard?from=2026-02-30', 'INVALID_DATE'],
    ['/insights/dashboard?from=yesterday', 'INVALID_DATE'],
    ['/insights/dashboard?region=1', 'UNKNOWN_FIELD'],
    ['/insights/export/enterprises-street.xlsx?from=2026-12-01&to=2026-01-01', 'INSIGHTS_PERIOD_REVERSED'],
    ['/insights/export/nonsense.xlsx', 'UNKNOWN_INSIGHTS_TABLE'],
    ['/insights/export/enterprises-street.csv', 'UNKNOWN_INSIGHTS_TABLE'],
  ])('refuses %s with %s', async (url, code) => {
    const res = await get(url, cookies.leader);
    expect(res.statusCode, res.body).toBe(400);
    expect(res.json().error.code).toBe(code);
  });

  it('accepts a period of exactly five years', async () => {
    expect((await get('/insights/dashboard?from=2021-11-27&to=2026-11-26', cookies.leader)).statusCode).toBe(
      200,
    );
  });

  async function sheetOf(url: string, cookie?: string) {
    const res = await get(url, cookie);
    expect(res.statusCode, res.body).toBe(200);
    expect(res.headers['content-type']).toContain('spreadsheetml');
    expect(String(res.headers['content-disposition'])).toContain('.xlsx');
    const book = new ExcelJS.Workbook();
    await book.xlsx.load(res.rawPayload as unknown as ArrayBuffer);
    const sheet = book.worksheets[0]!;
    const rows: unknown[][] = [];
    sheet.eachRow((row) => rows.push((row.values as unknown[]).slice(1)));
    return rows;
  }

  it('exports the public tables as real .xlsx files matching the JSON, formulas neutralised', async () => {
    const streets = await sheetOf('/insights/export/public-enterprises-street.xlsx');
    expect(String(streets[0]![0])).toMatch(
      /^企业按街道分布（统计期：2025-12 至 2026-11；数据时间：2026-11-26 10:00/,
    );
    expect(streets[1]).toEqual(['街道', '企业数（户）']);
    expect(streets).toContainEqual(['八大峡街道', 7]);
    expect(streets).toContainEqual(['云南路街道', '<5']);
    expect(streets).toContainEqual(['中山路街道', 0]);

    const hot = await sheetOf('/insights/export/public-buildings-hot.xlsx');
    expect(hot[2]).toEqual([1, `'=CMD|"/c calc"!A1 大厦`, '八大峡街道', 0.25]);

    const claims = await sheetOf('/insights/export/public-claims-program.xlsx');
    expect(claims).toContainEqual(["'=1+1 研发费用补助", '<5', '<5']);
    expect(claims.at(-1)).toEqual(['合计', 56, 6]);
  });

  it('exports the dashboard tables of the period asked', async () => {
    const dept = await sheetOf(
      '/insights/export/appeals-department.xlsx?from=2026-09-01&to=2026-11-30',
      cookies.leader,
    );
    expect(String(dept[0]![0])).toContain('统计期：2026-09-01 至 2026-11-30');
    expect(dept[1]![0]).toBe('主办部门');
    expect(dept).toContainEqual(['区市场监督管理局', 12, 12, 12, 1, 5, 4, 0.8, 5, 3, 0.6, 4, 0.8]);
    // The department named like a formula stays text; a rate without denominator is an empty cell.
    const b = dept.find((r) => String(r[0]).includes('人社局'))!;
    expect(b[0]).toBe(`'=HYPERLINK("x")人社局`);
    expect(b.slice(1, 5)).toEqual([4, 4, 3, 0.75]);
    expect(b[7]).toBeUndefined();
    expect(dept.at(-1)![0]).toBe('合计');

    const terms = await sheetOf(
      '/insights/export/search-terms.xlsx?from=2026-11-01&to=2026-11-30',
      cookies.admin,
    );
    expect(terms.slice(2)).toEqual([
      ['政策', '补贴', 7, 2],
      ['政策', '稳岗', 4, 3],
      ['楼宇', '租金', 20, 2],
      ['楼宇', '补贴', 2, 1],
    ]);
  });

  it('serves the public figures from a one-minute cache, then recomputes them', async () => {
    const total = async () => ((await get('/insights/public')).json() as PublicInsights).enterprises.total;
    const before = await total();
    await makeEnterprise(t.database.db, { streetCode: A, industryCode: '3911' });
    expect(await total()).toBe(before);
    t.clock.advance(61_000);
    expect(await total()).toBe(before + 1);
  });
});
