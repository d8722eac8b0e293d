import ExcelJS from 'exceljs';
import {
  BUILDING_GRADE_LABELS,
  BUILDING_USE_LABELS,
  DECORATION_LABELS,
  RENT_DAYS_PER_MONTH,
  RENT_UNIT_LABELS,
  SPACE_STATUS_LABELS,
  TAX_FLAG_LABELS,
} from '../../../shared/buildings';
import { BUILDING_SOURCE_LABELS, type BuildingManageQuery } from '../../../shared/buildings-api';
import type { Platform } from '../../app';
import { fromJson } from '../../db/dialect';
import { shanghaiDate } from '../../platform/calendar/workdays';
import { safeCell } from './normalize';
import { staleCutoff } from './present';
import { BuildingSearch } from './search';

/**
 * Export of a filtered building list (SPEC §2.5 "export of any filtered list"): the same filters as the editor's
 * list (BuildingSearch, manage mode, so archived and stale filters work too), in the list's order, as an .xlsx with
 * a 楼宇 sheet and a 房源 sheet (every space of the exported buildings). Chinese headers with units; numbers are
 * written as numbers; every string goes through safeCell so a name like "=HYPERLINK(…)" stays text when the file is
 * re-saved as CSV and opened again.
 */

/** At most this many buildings per export (a district has a few thousand). */
export const EXPORT_MAX_BUILDINGS = 10_000;
const CHUNK = 500;

type Cell = string | number | null;
const s = (v: string | null | undefined): string | null =>
  v === null || v === undefined ? null : safeCell(v);
const n = (v: unknown): number | null => (v === null || v === undefined ? null : Number(v));
const r2 = (v: number | null) => (v === null ? null : Math.round(v * 100) / 100);

export async function buildExport(
  platform: Platform,
  query: Omit<BuildingManageQuery, 'page' | 'pageSize'>,
): Promise<{ data: Buffer; buildings: number; spaces: number }> {
  const db = platform.database.db;
  const streetNames = new Map(
    (await db.selectFrom('streets').select(['code', 'name']).execute()).map((x) => [x.code, x.name]),
  );
  const search = new BuildingSearch({
    db,
    clock: platform.clock,
    staleDays: platform.config.buildings.staleDays,
    streets: async () => streetNames,
  });
  const found = await search.search(
    { ...query, page: 1, pageSize: EXPORT_MAX_BUILDINGS } as BuildingManageQuery,
    true,
  );
  const ids = found.items.map((c) => c.id);
  const staleBefore = staleCutoff(shanghaiDate(platform.clock.now()), platform.config.buildings.staleDays);

  const wb = new ExcelJS.Workbook();
  wb.creator = '企服平台';
  const bs = wb.addWorksheet('楼宇', { views: [{ state: 'frozen', ySplit: 1 }] });
  bs.columns = [
    { header: '楼宇名称', width: 24 },
    { header: '所属街道', width: 14 },
    { header: '地址', width: 24 },
    { header: '楼宇等级', width: 10 },
    { header: '楼宇用途', width: 12 },
    { header: '地上层数（层）', width: 10 },
    { header: '地下层数（层）', width: 10 },
    { header: '建筑面积（㎡）', width: 12 },
    { header: '竣工年份', width: 10 },
    { header: '开发商', width: 20 },
    { header: '物业公司', width: 20 },
    { header: '招商联系人', width: 12 },
    { header: '联系电话', width: 16 },
    { header: '纬度', width: 11 },
    { header: '经度', width: 11 },
    { header: '标签', width: 20 },
    { header: '房源数', width: 8 },
    { header: '待租房源数', width: 10 },
    { header: '可租面积（㎡）', width: 12 },
    { header: '待租面积（㎡）', width: 12 },
    { header: '空置率（%）', width: 10 },
    { header: '最低租金（元/㎡·月）', width: 14 },
    { header: '最高租金（元/㎡·月）', width: 14 },
    { header: '最低租金（元/㎡·天）', width: 14 },
    { header: '入驻企业年纳税（万元）', width: 14 },
    { header: '税收楼宇', width: 10 },
    { header: '状态', width: 8 },
    { header: '数据来源', width: 10 },
    { header: '来源说明', width: 20 },
    { header: '最近核实日期', width: 12 },
    { header: '超期未核实', width: 10 },
    { header: '楼宇简介', width: 30 },
  ];
  const ss = wb.addWorksheet('房源', { views: [{ state: 'frozen', ySplit: 1 }] });
  ss.columns = [
    { header: '楼宇名称', width: 24 },
    { header: '楼层', width: 8 },
    { header: '房号', width: 10 },
    { header: '面积（㎡）', width: 10 },
    { header: '租金（录入值）', width: 12 },
    { header: '租金单位', width: 10 },
    { header: '租金（元/㎡·月）', width: 14 },
    { header: '租金（元/㎡·天）', width: 14 },
    { header: '房源状态', width: 10 },
    { header: '装修情况', width: 10 },
    { header: '可入驻日期', width: 12 },
    { header: '朝向', width: 8 },
    { header: '数据来源', width: 10 },
    { header: '最近核实日期', width: 12 },
    { header: '房源说明', width: 30 },
  ];
  for (const ws of [bs, ss]) ws.getRow(1).font = { bold: true };

  let spaces = 0;
  for (let i = 0; i < ids.length; i += CHUNK) {
    const part = ids.slice(i, i + CHUNK);
    const rows = await db.selectFrom('buildings').selectAll().where('id', 'in', part).execute();
    const byId = new Map(rows.map((b) => [b.id, b]));
    const spaceRows = await db
      .selectFrom('buildingSpaces')
      .selectAll()
      .where('buildingId', 'in', part)
      .orderBy('floor')
      .orderBy('unitKey')
      .execute();
    const spacesOf = new Map<string, typeof spaceRows>();
    for (const sp of spaceRows) {
      const list = spacesOf.get(sp.buildingId) ?? [];
      list.push(sp);
      spacesOf.set(sp.buildingId, list);
    }
    for (const id of part) {
      const b = byId.get(id);
      if (!b) continue;
      const minRent = n(b.minRentMonthly);
      const stale = !b.lastVerifiedOn || b.lastVerifiedOn < staleBefore;
      const row: Cell[] = [
        s(b.name),
        s(streetNames.get(b.streetCode) ?? b.streetCode),
        s(b.address),
        s(BUILDING_GRADE_LABELS[b.grade as keyof typeof BUILDING_GRADE_LABELS] ?? b.grade),
        s(BUILDING_USE_LABELS[b.use as keyof typeof BUILDING_USE_LABELS] ?? b.use),
        n(b.floorsAbove),
        n(b.floorsBelow),
        n(b.grossArea),
        n(b.completedYear),
        s(b.developer),
        s(b.propertyManager),
        s(b.contactName),
        s(b.contactPhone),
        n(b.lat),
        n(b.lng),
        s(fromJson<string[]>(b.tags, []).join('、')),
        n(b.spaceCount),
        n(b.vacantCount),
        n(b.leasableArea),
        n(b.vacantArea),
        r2(Number(b.vacancyRate) * 100),
        r2(minRent),
        r2(n(b.maxRentMonthly)),
        minRent === null ? null : r2(minRent / RENT_DAYS_PER_MONTH),
        n(b.occupantTaxWan),
        s(b.taxFlag ? (TAX_FLAG_LABELS[b.taxFlag as keyof typeof TAX_FLAG_LABELS] ?? b.taxFlag) : null),
        s(b.status === 'active' ? '在用' : '已归档'),
        s(BUILDING_SOURCE_LABELS[b.source as keyof typeof BUILDING_SOURCE_LABELS] ?? b.source),
        s(b.sourceNote),
        s(b.lastVerifiedOn),
        s(stale ? '是' : '否'),
        s(b.description),
      ];
      bs.addRow(row);
      for (const sp of spacesOf.get(id) ?? []) {
        const monthly = n(sp.rentMonthly);
        ss.addRow([
          s(b.name),
          n(sp.floor),
          s(sp.unit),
          n(sp.area),
          n(sp.rentAmount),
          s(
            sp.rentUnit
              ? (RENT_UNIT_LABELS[sp.rentUnit as keyof typeof RENT_UNIT_LABELS] ?? sp.rentUnit)
              : null,
          ),
          r2(monthly),
          monthly === null ? null : r2(monthly / RENT_DAYS_PER_MONTH),
          s(SPACE_STATUS_LABELS[sp.status as keyof typeof SPACE_STATUS_LABELS] ?? sp.status),
          s(
            sp.decoration
              ? (DECORATION_LABELS[sp.decoration as keyof typeof DECORATION_LABELS] ?? sp.decoration)
              : null,
          ),
          s(sp.availableFrom),
          s(sp.orientation),
          s(BUILDING_SOURCE_LABELS[sp.source as keyof typeof BUILDING_SOURCE_LABELS] ?? sp.source),
          s(sp.lastVerifiedOn),
          s(sp.description),
        ] as Cell[]);
        spaces++;
      }
    }
  }
  const data = Buffer.from(await wb.xlsx.writeBuffer());
  return { data, buildings: ids.length, spaces };
}
