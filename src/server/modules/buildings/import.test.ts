import ExcelJS from 'exceljs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { fromJson } from '../../db/dialect';
import { DEMO_STREETS } from '../../db/seed/reference';
import { makeStaff } from '../../test/factories';
import { createTestApp, login, type TestApp } from '../../test/support';
import { refreshBuildingDerived } from './derived';
import { unitKey } from './duplicates';
import {
  BUILDING_HEADERS,
  buildingRow,
  makeWorkbook,
  multipart,
  SPACE_HEADERS,
  spaceRow,
  zipBomb,
} from './fixtures/workbooks';

// The spreadsheet import through the API: template, preview report, commit, and every way a file is refused.

const MAX_ROWS = 60;
const NOW = '2026-11-26T02:00:00.000Z';
const TODAY = '2026-11-26';

describe('building import', () => {
  let t: TestApp;
  let editor: string;
  let editor2: string;
  let existingId: string;
  let existingSpaceId: string;

  const upload = (name: string, data: Buffer, cookie = editor) => {
    const body = multipart(name, data);
    return t.app.inject({
      method: 'POST',
      url: '/api/v1/buildings/import',
      payload: body.payload,
      headers: { ...body.headers, cookie },
    });
  };
  const commit = (id: string, cookie = editor) =>
    t.app.inject({ method: 'POST', url: `/api/v1/buildings/import/${id}/commit`, headers: { cookie } });
  const counts = async () => {
    const db = t.database.db;
    const [b, s, i] = await Promise.all([
      db
        .selectFrom('buildings')
        .select((eb) => eb.fn.countAll<number>().as('n'))
        .executeTakeFirstOrThrow(),
      db
        .selectFrom('buildingSpaces')
        .select((eb) => eb.fn.countAll<number>().as('n'))
        .executeTakeFirstOrThrow(),
      db
        .selectFrom('buildingImports')
        .select((eb) => eb.fn.countAll<number>().as('n'))
        .executeTakeFirstOrThrow(),
    ]);
    return { buildings: Number(b.n), spaces: Number(s.n), imports: Number(i.n) };
  };
  /** A refused upload: status and code, and nothing stored. */
  const refused = async (res: Awaited<ReturnType<typeof upload>>, status: number, code: string) => {
    expect(res.statusCode, res.body).toBe(status);
    expect(res.json().error.code).toBe(code);
    return res.json().error;
  };

  beforeAll(async () => {
    t = await createTestApp({ now: NOW, env: { QIFU_IMPORT_MAX_ROWS: String(MAX_ROWS) } });
    const db = t.database.db;
    await db
      .insertInto('streets')
      .values(DEMO_STREETS.map((s, i) => ({ code: s.code, name: s.name, sortOrder: i + 1 })))
      .onConflict((oc) => oc.column('code').doNothing())
      .execute();
    const a = await makeStaff(t.database, ['building_editor']);
    const b = await makeStaff(t.database, ['building_editor']);
    editor = await login(t.app, a.username, a.password);
    editor2 = await login(t.app, b.username, b.password);
    // An existing building with one space: 华润大厦, 香港中路10号, 12层 1201.
    existingId = 'bld_existing_huarun';
    existingSpaceId = 'spc_existing_1201';
    await db
      .insertInto('buildings')
      .values({
        id: existingId,
        name: '华润大厦',
        streetCode: '370202007',
        address: '香港中路10号',
        lat: 36.0627,
        lng: 120.3862,
        grade: 'a',
        use: 'office',
        floorsAbove: 40,
        floorsBelow: 3,
        grossArea: 100000,
        completedYear: 2010,
        developer: null,
        propertyManager: null,
        contactName: null,
        contactPhone: null,
        description: '',
        tags: '[]',
        source: 'manual',
        sourceNote: null,
        lastVerifiedOn: '2025-01-01',
        status: 'active',
        spaceCount: 0,
        vacantCount: 0,
        leasableArea: 0,
        vacantArea: 0,
        vacancyRate: 0,
        minRentMonthly: null,
        maxRentMonthly: null,
        minVacantArea: null,
        maxVacantArea: null,
        occupantTaxWan: null,
        taxFlag: null,
        heatSortKey: 0,
        createdBy: null,
        updatedBy: null,
        createdAt: NOW,
        updatedAt: NOW,
      })
      .execute();
    await db
      .insertInto('buildingSpaces')
      .values({
        id: existingSpaceId,
        buildingId: existingId,
        floor: 12,
        unit: '1201',
        unitKey: unitKey('1201'),
        area: 300,
        rentAmount: 4,
        rentUnit: 'yuan_per_sqm_day',
        rentMonthly: 121.67,
        status: 'leased',
        decoration: 'fine',
        availableFrom: null,
        orientation: null,
        description: '',
        source: 'manual',
        lastVerifiedOn: '2025-01-01',
        createdAt: NOW,
        updatedAt: NOW,
      })
      .execute();
    await db.transaction().execute((trx) => refreshBuildingDerived(trx, [existingId], NOW));
  });
  afterAll(async () => t?.close());

  it('serves the template: 楼宇, 房源 and 说明 sheets, Chinese headers with units, drop-downs, example rows', async () => {
    const res = await t.app.inject({
      method: 'GET',
      url: '/api/v1/buildings/import/template',
      headers: { cookie: editor },
    });
    expect(res.statusCode).toBe(200);
    expect(res.headers['content-type']).toContain('spreadsheetml');
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.load(res.rawPayload as unknown as ArrayBuffer);
    expect(wb.worksheets.map((w) => w.name)).toEqual(['楼宇', '房源', '说明']);
    const headers = (name: string) => (wb.getWorksheet(name)!.getRow(1).values as unknown[]).slice(1);
    expect(headers('楼宇')).toEqual(BUILDING_HEADERS);
    expect(headers('房源')).toEqual(SPACE_HEADERS);
    expect(headers('房源')).toContain('面积（㎡）＊');
    const dv = (
      wb.getWorksheet('房源') as unknown as {
        dataValidations: { model: Record<string, { formulae: string[] }> };
      }
    ).dataValidations.model;
    expect(Object.values(dv).some((v) => v.formulae[0]!.includes('元/㎡·天'))).toBe(true);
    const streets = (
      wb.getWorksheet('楼宇') as unknown as {
        dataValidations: { model: Record<string, { formulae: string[] }> };
      }
    ).dataValidations.model;
    expect(Object.values(streets).some((v) => v.formulae[0]!.includes('香港中路街道'))).toBe(true);
    expect(wb.getWorksheet('楼宇')!.rowCount).toBe(3);
    const help = wb.getWorksheet('说明')!;
    const text = help.getSheetValues().flat().join(' ');
    expect(text).toContain('超甲级');
    expect(text).toContain('八大关街道');
    // Staff without the role and visitors are refused.
    expect((await t.app.inject({ method: 'GET', url: '/api/v1/buildings/import/template' })).statusCode).toBe(
      401,
    );

    // The template uploaded as it is: the example rows are skipped, nothing to commit.
    const before = await counts();
    const up = await upload('模板.xlsx', res.rawPayload);
    expect(up.statusCode, up.body).toBe(201);
    expect(up.json().report.summary).toMatchObject({ rows: 4, skipped: 4, withErrors: 0 });
    expect(up.json().report.canCommit).toBe(false);
    const nothing = await commit(up.json().importId);
    expect(nothing.statusCode).toBe(400);
    expect(nothing.json().error.code).toBe('BUILDING_IMPORT_EMPTY');
    expect((await counts()).buildings).toBe(before.buildings);
  });

  it('previews a good file with normalised values, then commits it all and makes it searchable', async () => {
    const file = await makeWorkbook({
      buildings: [
        buildingRow({
          name: '浮山湾科创大厦',
          street: '市南区香港中路街道办事处',
          address: '青岛市市南区东海西路17号',
          grade: '甲级',
          use: '写字楼',
          floorsAbove: '32层',
          floorsBelow: 2,
          grossArea: '6.8万平米',
          completedYear: 2016,
          contactPhone: '0532-8890 1234',
          lat: 36.0601,
          lng: 120.3905,
          tags: '科技楼宇、总部楼宇',
          description: '临海甲级写字楼',
        }),
        buildingRow({
          name: '八大关文旅楼',
          street: '八大关',
          address: '山海关路5号',
          grade: '乙',
          use: '商务公寓',
        }),
      ],
      spaces: [
        spaceRow({
          buildingName: '浮山湾科创大厦',
          floor: '12F',
          unit: '1201',
          area: '1,200平米',
          rent: '3.5元/㎡·天',
          status: '空置',
          decoration: '精装修',
          availableFrom: '2026/12/1',
        }),
        spaceRow({
          buildingName: '浮山湾科创大厦',
          floor: '第十五层',
          unit: '1502室',
          area: 260,
          rent: 95,
          rentUnit: '元/㎡·月',
          status: '已租',
        }),
        spaceRow({
          buildingName: '浮山湾科创大厦',
          floor: 'B1',
          unit: 'B101',
          area: '约80㎡',
          rent: '日租1.2',
        }),
        spaceRow({
          buildingName: '八大关文旅楼',
          floor: 2,
          unit: '201',
          area: '1200-1500㎡',
          rent: 2.2,
          rentUnit: '元/㎡·天',
          status: '待租',
        }),
      ],
    });
    const before = await counts();
    const res = await upload('十一月楼宇台账.xlsx', file);
    expect(res.statusCode, res.body).toBe(201);
    const { importId, report, status } = res.json();
    expect(status).toBe('previewed');
    expect(report.canCommit).toBe(true);
    expect(report.summary).toMatchObject({
      rows: 6,
      withErrors: 0,
      newBuildings: 2,
      updatedBuildings: 0,
      newSpaces: 4,
      updatedSpaces: 0,
    });
    const row = (sheet: string, n: number) =>
      report.rows.find((r: { sheet: string; row: number }) => r.sheet === sheet && r.row === n);
    expect(row('buildings', 2).values).toMatchObject({
      所属街道: '香港中路街道',
      '建筑面积（㎡）': '68000 ㎡',
      联系电话: '0532-88901234',
      '地上层数（层）': '32',
    });
    expect(row('spaces', 2).values).toMatchObject({
      '面积（㎡）': '1200 ㎡',
      租金: '3.5 元/㎡·天（折合 106.46 元/㎡·月）',
      楼层: '12层',
      房源状态: '待租',
    });
    expect(row('spaces', 3).values['楼层']).toBe('15层');
    expect(row('spaces', 4).status).toBe('warning'); // 约80㎡
    expect(row('spaces', 4).values['楼层']).toMatch(/B1/);
    expect(
      row('spaces', 5)
        .issues.map((i: { message: string }) => i.message)
        .join(),
    ).toContain('已取下限 1200');
    // Nothing stored before the commit.
    expect((await counts()).buildings).toBe(before.buildings);

    // Another editor cannot see or commit it.
    expect((await commit(importId, editor2)).statusCode).toBe(404);
    const done = await commit(importId);
    expect(done.statusCode, done.body).toBe(200);
    expect(done.json().summary).toMatchObject({ newBuildings: 2, newSpaces: 4 });
    const after = await counts();
    expect(after.buildings).toBe(before.buildings + 2);
    expect(after.spaces).toBe(before.spaces + 4);

    const db = t.database.db;
    const b = await db
      .selectFrom('buildings')
      .selectAll()
      .where('name', '=', '浮山湾科创大厦')
      .executeTakeFirstOrThrow();
    expect(b).toMatchObject({
      streetCode: '370202007',
      address: '青岛市市南区东海西路17号',
      grade: 'a',
      use: 'office',
      floorsAbove: 32,
      source: 'import',
      sourceNote: '表格导入：十一月楼宇台账.xlsx',
      lastVerifiedOn: TODAY,
      spaceCount: 3,
      vacantCount: 2,
    });
    expect(Number(b.grossArea)).toBe(68000);
    expect(Number(b.minRentMonthly)).toBeCloseTo(1.2 * (365 / 12), 1);
    const spaces = await db
      .selectFrom('buildingSpaces')
      .selectAll()
      .where('buildingId', '=', b.id)
      .orderBy('floor')
      .execute();
    expect(spaces.map((s) => [Number(s.floor), s.unit, Number(s.area), s.status, s.rentUnit])).toEqual([
      [-1, 'B101', 80, 'vacant', 'yuan_per_sqm_day'],
      [12, '1201', 1200, 'vacant', 'yuan_per_sqm_day'],
      [15, '1502室', 260, 'leased', 'yuan_per_sqm_month'],
    ]);
    expect(spaces[1]).toMatchObject({ decoration: 'fine', availableFrom: '2026-12-01', source: 'import' });
    expect(Number(spaces[1]!.rentMonthly)).toBeCloseTo(106.46, 2);

    // Searchable through the public search.
    const found = await t.app.inject({
      method: 'GET',
      url: `/api/v1/buildings?q=${encodeURIComponent('浮山湾科创')}`,
    });
    expect(found.statusCode, found.body).toBe(200);
    expect(found.json().items.map((i: { id: string }) => i.id)).toContain(b.id);

    // One audit record with the counts; a second commit is refused.
    const audit = await db
      .selectFrom('auditLog')
      .selectAll()
      .where('action', '=', 'building.import_commit')
      .execute();
    expect(audit).toHaveLength(1);
    expect(fromJson(audit[0]!.details, {})).toMatchObject({ newBuildings: 2, newSpaces: 4 });
    const again = await commit(importId);
    expect(again.statusCode).toBe(409);
    expect(again.json().error.code).toBe('BUILDING_IMPORT_NOT_PREVIEWED');
  });

  it('reports per-row errors (negative area, unknown street, formula, rent without unit) and refuses to commit', async () => {
    const file = await makeWorkbook({
      buildings: [
        buildingRow({
          name: '测试错误楼',
          street: '李村街道',
          address: '测试路1号',
          grade: '甲级',
          use: '写字楼',
        }),
        buildingRow({
          name: '测试正确楼',
          street: '湛山',
          address: '湛山二路3号',
          grade: '乙级',
          use: '写字楼',
        }),
      ],
      spaces: [
        spaceRow({ buildingName: '测试正确楼', floor: 3, unit: '301', area: -120, rent: '2元/㎡·天' }),
        spaceRow({
          buildingName: '测试正确楼',
          floor: 3,
          unit: '302',
          area: { formula: 'D2*2', result: 240 } as never,
          rent: '2元/㎡·天',
        }),
        spaceRow({ buildingName: '测试正确楼', floor: 3, unit: '303', area: 100, rent: 2.5 }),
        spaceRow({ buildingName: '测试正确楼', floor: 3, unit: '304', area: 100, rent: '=B2*3' }),
        spaceRow({ buildingName: '不存在的大厦', floor: 3, unit: '305', area: 100 }),
        spaceRow({ buildingName: '测试正确楼', floor: 4, unit: '401', area: 100, rent: '3元/月' }),
      ],
    });
    const before = await counts();
    const res = await upload('有错误.xlsx', file);
    expect(res.statusCode, res.body).toBe(201);
    const { report, importId } = res.json();
    expect(report.canCommit).toBe(false);
    const issue = (sheet: string, n: number) => {
      const r = report.rows.find((x: { sheet: string; row: number }) => x.sheet === sheet && x.row === n);
      expect(r.status).toBe('error');
      return r.issues.filter((i: { level: string }) => i.level === 'error') as {
        column: string;
        message: string;
      }[];
    };
    expect(issue('buildings', 2)[0]).toMatchObject({ column: '所属街道' });
    expect(issue('buildings', 2)[0]!.message).toContain('未知街道“李村街道”');
    expect(issue('spaces', 2)[0]).toMatchObject({
      column: '面积（㎡）',
      message: expect.stringContaining('负数'),
    });
    expect(issue('spaces', 3)[0]).toMatchObject({
      column: '面积（㎡）',
      message: expect.stringContaining('公式'),
    });
    expect(issue('spaces', 4)[0]).toMatchObject({
      column: '租金',
      message: expect.stringContaining('缺少单位'),
    });
    expect(issue('spaces', 5)[0]).toMatchObject({ column: '租金', message: expect.stringContaining('公式') });
    expect(issue('spaces', 6)[0]).toMatchObject({
      column: '楼宇名称',
      message: expect.stringContaining('不在系统中'),
    });
    expect(issue('spaces', 7)[0]!.message).toContain('总价');
    expect(report.summary.withErrors).toBe(7);
    expect(report.summary.ok).toBe(1);

    const refusedCommit = await commit(importId);
    expect(refusedCommit.statusCode).toBe(409);
    expect(refusedCommit.json().error.code).toBe('BUILDING_IMPORT_HAS_ERRORS');
    const after = await counts();
    expect(after.buildings).toBe(before.buildings);
    expect(after.spaces).toBe(before.spaces);
    const stored = await t.database.db
      .selectFrom('buildingImports')
      .select('status')
      .where('id', '=', importId)
      .executeTakeFirstOrThrow();
    expect(stored.status).toBe('previewed');

    // The full rows with values page by page.
    const page = await t.app.inject({
      method: 'GET',
      url: `/api/v1/buildings/import/${importId}/rows?status=error&pageSize=3`,
      headers: { cookie: editor },
    });
    expect(page.statusCode, page.body).toBe(200);
    expect(page.json()).toMatchObject({ total: 7, pageSize: 3 });
    expect(page.json().items).toHaveLength(3);
  });

  it('flags duplicates within the file and against existing buildings and spaces', async () => {
    const file = await makeWorkbook({
      buildings: [
        // Same name and address as the existing 华润大厦: merged into it.
        buildingRow({
          name: '华润大厦',
          street: '香港中路',
          address: '香港中路10号',
          grade: '甲级',
          use: '写字楼',
          propertyManager: '华润万象生活',
        }),
        // Same address only: a warning, created as a new building.
        buildingRow({
          name: '海韵广场',
          street: '香港中路',
          address: '市南区香港中路10号',
          grade: '乙级',
          use: '写字楼',
        }),
        // Repeated in the file: error.
        buildingRow({
          name: '海韵广场',
          street: '香港中路',
          address: '香港中路12号',
          grade: '乙级',
          use: '写字楼',
        }),
      ],
      spaces: [
        spaceRow({
          buildingName: '华润大厦',
          floor: 12,
          unit: '1201室',
          area: 300,
          rent: '3.8元/㎡·天',
          status: '待租',
        }),
        spaceRow({ buildingName: '华润大厦', floor: 12, unit: '1202', area: 150, rent: '3.8元/㎡·天' }),
        spaceRow({ buildingName: '华润大厦', floor: '12层', unit: '#1202', area: 150, rent: '3.8元/㎡·天' }),
      ],
    });
    const res = await upload('重复.xlsx', file);
    expect(res.statusCode, res.body).toBe(201);
    const { report } = res.json();
    const row = (sheet: string, n: number) =>
      report.rows.find((x: { sheet: string; row: number }) => x.sheet === sheet && x.row === n);
    const messages = (r: { issues: { message: string }[] }) => r.issues.map((i) => i.message).join('\n');

    expect(row('buildings', 2).action).toBe('attach');
    expect(messages(row('buildings', 2))).toContain('将并入已有楼宇“华润大厦”');
    expect(row('buildings', 2).duplicates[0]).toMatchObject({ id: existingId, label: '华润大厦' });
    expect(row('buildings', 3).status).toBe('warning');
    expect(row('buildings', 3).action).toBe('create');
    expect(messages(row('buildings', 3))).toContain('可能与已有楼宇“华润大厦”重复');
    expect(row('buildings', 4).status).toBe('error');
    expect(messages(row('buildings', 4))).toContain('与第 3 行楼宇重复');

    expect(row('spaces', 2).action).toBe('update');
    expect(messages(row('spaces', 2))).toContain('更新已有房源');
    expect(row('spaces', 2).duplicates[0]).toMatchObject({ id: existingSpaceId });
    expect(row('spaces', 3).action).toBe('create');
    expect(row('spaces', 4).status).toBe('error');
    expect(messages(row('spaces', 4))).toContain('与第 3 行房源重复');
    expect(report.canCommit).toBe(false);

    // Without the repeated rows the same file commits: the building is updated, the space too, one space is new.
    const clean = await makeWorkbook({
      buildings: [
        buildingRow({
          name: '华润大厦',
          street: '香港中路',
          address: '香港中路10号',
          grade: '甲级',
          use: '写字楼',
          propertyManager: '华润万象生活',
        }),
      ],
      spaces: [
        spaceRow({
          buildingName: '华润大厦',
          floor: 12,
          unit: '1201室',
          area: 300,
          rent: '3.8元/㎡·天',
          status: '待租',
        }),
        spaceRow({ buildingName: '华润大厦', floor: 12, unit: '1202', area: 150, rent: '3.8元/㎡·天' }),
      ],
    });
    const ok = await upload('重复-已修正.xlsx', clean);
    expect(ok.json().report.summary).toMatchObject({
      updatedBuildings: 1,
      newBuildings: 0,
      updatedSpaces: 1,
      newSpaces: 1,
    });
    const before = await counts();
    const done = await commit(ok.json().importId);
    expect(done.statusCode, done.body).toBe(200);
    const after = await counts();
    expect(after.buildings).toBe(before.buildings);
    expect(after.spaces).toBe(before.spaces + 1);
    const db = t.database.db;
    const b = await db
      .selectFrom('buildings')
      .selectAll()
      .where('id', '=', existingId)
      .executeTakeFirstOrThrow();
    expect(b).toMatchObject({
      propertyManager: '华润万象生活',
      floorsAbove: 40,
      lastVerifiedOn: TODAY,
      spaceCount: 2,
      vacantCount: 2,
    });
    const s = await db
      .selectFrom('buildingSpaces')
      .selectAll()
      .where('id', '=', existingSpaceId)
      .executeTakeFirstOrThrow();
    expect(s).toMatchObject({ status: 'vacant', unit: '1201室', decoration: 'fine', lastVerifiedOn: TODAY });
    expect(Number(s.rentAmount)).toBe(3.8);
  });

  it('refuses files that are not .xlsx by content', async () => {
    const before = await counts();
    const pdf = Buffer.from('%PDF-1.4\n1 0 obj<</Type/Catalog>>endobj\ntrailer<</Root 1 0 R>>\n%%EOF\n');
    await refused(await upload('楼宇.xlsx', pdf), 400, 'BUILDING_IMPORT_NOT_XLSX');
    await refused(
      await upload('楼宇.xlsx', Buffer.from('楼宇名称,地址\n华润大厦,香港中路10号\n')),
      400,
      'BUILDING_IMPORT_NOT_XLSX',
    );
    // A zip that is not a workbook (a .docx-like package).
    const wb = new ExcelJS.Workbook();
    wb.addWorksheet('房源');
    const xlsx = Buffer.from(await wb.xlsx.writeBuffer());
    const notWorkbook = Buffer.from(
      xlsx.toString('latin1').replaceAll('xl/workbook.xml', 'xl/workbooq.xml'),
      'latin1',
    );
    await refused(await upload('楼宇.xlsx', notWorkbook), 400, 'BUILDING_IMPORT_NOT_XLSX');
    // Truncated workbook.
    await refused(
      await upload('楼宇.xlsx', xlsx.subarray(0, xlsx.length - 30)),
      400,
      'BUILDING_IMPORT_NOT_XLSX',
    );
    // An old .xls (OLE compound file).
    const ole = Buffer.alloc(512);
    Buffer.from('d0cf11e0a1b11ae1', 'hex').copy(ole);
    const e = await refused(await upload('楼宇.xls', ole), 400, 'BUILDING_IMPORT_NOT_XLSX');
    expect(e.message).toContain('.xls');
    expect(await counts()).toEqual(before);
  });

  it('refuses a zip bomb quickly with bounded memory, honest or lying about its size', async () => {
    const before = await counts();
    for (const declared of ['honest', 100_000, 150 * 1024 * 1024] as const) {
      const bomb = zipBomb(declared); // 1 GiB of zeros inside ~1 MB
      expect(bomb.length).toBeLessThan(2 * 1024 * 1024);
      const rss = process.memoryUsage().rss;
      const started = performance.now();
      const e = await refused(await upload('bomb.xlsx', bomb), 400, 'BUILDING_IMPORT_UNSAFE_FILE');
      expect(performance.now() - started).toBeLessThan(3000);
      expect(process.memoryUsage().rss - rss).toBeLessThan(150 * 1024 * 1024);
      expect(e.message).toContain('压缩炸弹');
    }
    expect(await counts()).toEqual(before);
  });

  it('refuses wrong headers, listing the expected and the found ones', async () => {
    const before = await counts();
    const file = await makeWorkbook({
      spaces: [['华润大厦', 12, '1203', 100]],
      spaceHeaders: ['大厦', '楼层', '房号', '平米数'],
    });
    const e = await refused(await upload('表头错误.xlsx', file), 400, 'BUILDING_IMPORT_BAD_HEADERS');
    expect(e.message).toContain('楼宇名称');
    expect(e.details.expected).toEqual(SPACE_HEADERS);
    expect(e.details.found).toEqual(['大厦', '楼层', '房号', '平米数']);
    expect(e.details.missing).toEqual(['楼宇名称＊', '面积（㎡）＊']);
    // No known sheet at all.
    const other = await makeWorkbook({
      extraSheets: {
        员工: [
          ['姓名', '部门'],
          ['张三', '财务'],
        ],
      },
    });
    const e2 = await refused(await upload('其他.xlsx', other), 400, 'BUILDING_IMPORT_BAD_HEADERS');
    expect(e2.details.foundSheets).toEqual(['员工']);
    expect(await counts()).toEqual(before);
  });

  it('accepts a lone sheet with template headers and a rent header carrying its unit', async () => {
    const headers = SPACE_HEADERS.map((h) => (h === '租金' ? '租金（元/㎡·天）' : h));
    const wb = new ExcelJS.Workbook();
    const ws = wb.addWorksheet('Sheet1');
    ws.addRow(headers);
    ws.addRow(spaceRow({ buildingName: '华润大厦', floor: 20, unit: '2001', area: 500, rent: 4.2 }));
    const res = await upload('单表.xlsx', Buffer.from(await wb.xlsx.writeBuffer()));
    expect(res.statusCode, res.body).toBe(201);
    const r = res.json().report.rows[0];
    expect(r.status).toBe('ok');
    expect(r.values['租金']).toContain('4.2 元/㎡·天');
  });

  it('refuses too many rows (naming the limit) and too large files', async () => {
    const before = await counts();
    const rows = Array.from({ length: MAX_ROWS + 1 }, (_, i) =>
      spaceRow({ buildingName: '华润大厦', floor: 30, unit: String(3000 + i), area: 100 }),
    );
    const e = await refused(
      await upload('太多.xlsx', await makeWorkbook({ spaces: rows })),
      400,
      'BUILDING_IMPORT_TOO_MANY_ROWS',
    );
    expect(e.message).toContain(String(MAX_ROWS));
    const big = Buffer.alloc(t.config.buildings.importMaxBytes + 1, 1);
    await refused(await upload('太大.xlsx', big), 413, 'BUILDING_IMPORT_TOO_LARGE');
    expect(await counts()).toEqual(before);
  });

  it('accepts multipart only from building editors', async () => {
    const file = await makeWorkbook({
      spaces: [spaceRow({ buildingName: '华润大厦', floor: 20, unit: '2002', area: 50 })],
    });
    const body = multipart('a.xlsx', file);
    const anon = await t.app.inject({
      method: 'POST',
      url: '/api/v1/buildings/import',
      payload: body.payload,
      headers: body.headers,
    });
    expect(anon.statusCode).toBe(401);
    const json = await t.app.inject({
      method: 'POST',
      url: '/api/v1/buildings/import',
      payload: { file: 'x' },
      headers: { cookie: editor },
    });
    expect(json.statusCode).toBe(415);
  });
});
