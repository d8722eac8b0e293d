import ExcelJS from 'exceljs';
import { describe, expect, it } from 'vitest';
import { readXlsx, readZipDirectory } from './xlsx-reader';

const limits = { maxBytes: 50 * 1024 * 1024, maxRows: 100_000 };

async function workbook(build: (wb: ExcelJS.Workbook) => void): Promise<Buffer> {
  const wb = new ExcelJS.Workbook();
  build(wb);
  return Buffer.from(await wb.xlsx.writeBuffer());
}

describe('readXlsx', () => {
  it('keeps every Chinese character of a large sheet whose worksheet comes before its shared strings', async () => {
    const names = Array.from({ length: 5000 }, (_, i) => `华润大厦第${i}号楼宇名称·东区`);
    const file = await workbook((wb) => {
      const ws = wb.addWorksheet('楼宇');
      ws.addRow(['楼宇名称', '序号']);
      for (const [i, n] of names.entries()) ws.addRow([n, i]);
    });
    // The order Excel, WPS and exceljs write: the worksheet first, the shared strings after it.
    const order = readZipDirectory(file, 1e9)
      .sort((a, b) => a.localOffset - b.localOffset)
      .map((e) => e.name);
    expect(order.indexOf('xl/worksheets/sheet1.xml')).toBeLessThan(order.indexOf('xl/sharedStrings.xml'));

    const [sheet] = await readXlsx(file, limits);
    expect(sheet!.headers).toEqual(['楼宇名称', '序号']);
    expect(sheet!.rows).toHaveLength(5000);
    const wrong = sheet!.rows.filter((r, i) => r.cells[0] !== names[i] || r.cells[1] !== i);
    expect(wrong.map((r) => r.cells[0])).toEqual([]);
  });

  it('names sheets from the workbook and reads only the wanted ones, in the workbook order', async () => {
    const file = await workbook((wb) => {
      wb.addWorksheet('填写说明').addRow(['请按模板填写']);
      const a = wb.addWorksheet('房源');
      a.addRow(['楼宇名称', '面积']);
      a.addRow(['金融大厦', 120.5]);
      const b = wb.addWorksheet('楼宇');
      b.addRow(['楼宇名称']);
      b.addRow(['金融大厦']);
      b.addRow([null]);
      b.addRow(['科创中心']);
    });
    const sheets = await readXlsx(file, limits, (name) => name !== '填写说明');
    expect(sheets.map((s) => s.name)).toEqual(['房源', '楼宇']);
    expect(sheets[0]!.rows).toEqual([{ number: 2, cells: ['金融大厦', 120.5] }]);
    // The blank row is skipped; row numbers are the sheet's own.
    expect(sheets[1]!.rows.map((r) => [r.number, r.cells[0]])).toEqual([
      [2, '金融大厦'],
      [4, '科创中心'],
    ]);
  });

  it('stops at the row past the limit with a clear error', async () => {
    const file = await workbook((wb) => {
      const ws = wb.addWorksheet('房源');
      ws.addRow(['楼宇名称']);
      for (let i = 0; i < 30; i++) ws.addRow([`楼宇${i}`]);
    });
    await expect(readXlsx(file, { ...limits, maxRows: 20 })).rejects.toMatchObject({
      code: 'BUILDING_IMPORT_TOO_MANY_ROWS',
      details: { maxRows: 20 },
    });
  });

  it('hands formula cells over as formulas, not as their cached results', async () => {
    const file = await workbook((wb) => {
      const ws = wb.addWorksheet('房源');
      ws.addRow(['面积']);
      ws.addRow([{ formula: 'A1*2', result: 240 }]);
    });
    const [sheet] = await readXlsx(file, limits);
    expect(sheet!.rows[0]!.cells[0]).toMatchObject({ formula: 'A1*2' });
  });
});
