import ExcelJS from 'exceljs';
import type {
  Cell,
  Dashboard,
  DashboardTable,
  PublicInsights,
  PublicTable,
} from '../../../shared/insights-api';
import { safeCell } from '../buildings/normalize';

/**
 * Every table of both pages as an .xlsx, built from the very JSON the page shows (so the file and the page agree):
 * a title row with the table's name, the period and the data time (Asia/Shanghai), then Chinese headers, then the
 * rows. Strings go through the buildings export's `safeCell` (OWASP CSV-injection guard: a leading = + - @ tab CR
 * gets a '), numbers stay numbers, rates are fractions formatted as percentages, a suppressed cell is the text "<5".
 */

type Kind = 'text' | 'count' | 'rate' | 'wan' | 'area';
type Value = string | number | null | Cell;
export interface TableSpec {
  title: string;
  columns: { header: string; kind: Kind; width?: number }[];
  rows: Value[][];
}

const SUPPRESSED_TEXT = '<5';
const FORMATS: Record<Kind, string | undefined> = {
  text: undefined,
  count: '0',
  rate: '0.0%',
  wan: '#,##0.00',
  area: '#,##0.00',
};

const isCell = (v: Value): v is Cell => typeof v === 'object' && v !== null;

/** The Shanghai wall time of an instant, as 2026-11-26 10:00. */
export function shanghaiTime(iso: string): string {
  return new Date(Date.parse(iso) + 8 * 3_600_000).toISOString().slice(0, 16).replace('T', ' ');
}

export async function tableWorkbook(spec: TableSpec, period: string, asOf: string): Promise<Buffer> {
  const book = new ExcelJS.Workbook();
  book.creator = '企服平台';
  book.created = new Date(asOf);
  const sheet = book.addWorksheet(
    safeCell(spec.title)
      .slice(0, 31)
      .replace(/[\\/?*[\]:]/g, ' '),
    {
      views: [{ state: 'frozen', ySplit: 2 }],
    },
  );
  sheet.columns = spec.columns.map((c) => ({
    width: c.width ?? (c.kind === 'text' ? 28 : Math.max(12, c.header.length * 2 + 2)),
  }));
  const title = sheet.addRow([
    safeCell(`${spec.title}（统计期：${period}；数据时间：${shanghaiTime(asOf)}，北京时间）`),
  ]);
  title.font = { bold: true, size: 13 };
  if (spec.columns.length > 1) sheet.mergeCells(1, 1, 1, spec.columns.length);
  const header = sheet.addRow(spec.columns.map((c) => safeCell(c.header)));
  header.font = { bold: true };
  for (const r of spec.rows) {
    const row = sheet.addRow(
      r.map((v) => {
        if (isCell(v)) return v.suppressed ? SUPPRESSED_TEXT : v.value;
        return typeof v === 'string' ? safeCell(v) : v;
      }),
    );
    spec.columns.forEach((c, i) => {
      const f = FORMATS[c.kind];
      if (f && typeof row.getCell(i + 1).value === 'number') row.getCell(i + 1).numFmt = f;
      if (c.kind !== 'text') row.getCell(i + 1).alignment = { horizontal: 'right' };
    });
  }
  return Buffer.from(await book.xlsx.writeBuffer());
}

const RATE_COLUMNS = [
  { header: '响应率', kind: 'rate' as const },
  { header: '按期办结率', kind: 'rate' as const },
  { header: '解决率', kind: 'rate' as const },
  { header: '满意率', kind: 'rate' as const },
];

/** The public tables, from GET /insights/public. */
export function publicTable(name: PublicTable, d: PublicInsights): TableSpec {
  const dist = (
    title: string,
    first: string,
    rows: PublicInsights['enterprises']['byStreet'],
  ): TableSpec => ({
    title,
    columns: [
      { header: first, kind: 'text' },
      { header: '企业数（户）', kind: 'count' },
    ],
    rows: rows.map((r) => [r.label, r.count]),
  });
  switch (name) {
    case 'public-enterprises-street':
      return dist('企业按街道分布', '街道', d.enterprises.byStreet);
    case 'public-enterprises-industry':
      return dist('企业按行业门类分布', '行业门类', d.enterprises.byIndustry);
    case 'public-enterprises-size':
      return dist('企业按规模分布', '企业规模', d.enterprises.bySize);
    case 'public-enterprises-growth':
      return dist('企业新增（按成立年份）', '年份', d.enterprises.growth);
    case 'public-appeals-month':
      return {
        title: '诉求办理指标（按月）',
        columns: [
          { header: '月份', kind: 'text' },
          { header: '诉求量（件）', kind: 'count' },
          ...RATE_COLUMNS,
        ],
        rows: [...d.appeals.byMonth, d.appeals.totals].map((r) => [
          r.label,
          r.submitted,
          r.responseRate,
          r.onTimeReplyRate,
          r.solvedRate,
          r.satisfactionRate,
        ]),
      };
    case 'public-claims-program':
      return {
        title: '政策兑现（按申报事项）',
        columns: [
          { header: '申报事项', kind: 'text', width: 40 },
          { header: '兑现金额（万元）', kind: 'wan' },
          { header: '受益企业（户）', kind: 'count' },
        ],
        rows: [
          ...d.claims.byProgram.map((p): Value[] => [
            p.label,
            p.paidWan ?? { value: null, suppressed: true },
            p.enterprises,
          ]),
          ['合计', d.claims.paidWan, d.claims.enterprises],
        ],
      };
    case 'public-buildings-hot':
      return {
        title: '热门楼宇排行',
        columns: [
          { header: '排名', kind: 'count' },
          { header: '楼宇', kind: 'text' },
          { header: '街道', kind: 'text', width: 14 },
          { header: '空置率', kind: 'rate' },
        ],
        rows: d.buildings.hot.map((b) => [b.rank, b.name, b.street, b.vacancyRate]),
      };
    case 'public-search-terms':
      return {
        title: '热门搜索词（近 90 天）',
        columns: [
          { header: '搜索词', kind: 'text' },
          { header: '搜索次数', kind: 'count' },
        ],
        rows: d.searchTerms.map((t) => [t.term, t.count]),
      };
  }
}

/** The dashboard tables, from GET /insights/dashboard of the same period. */
export function dashboardTable(name: DashboardTable, d: Dashboard): TableSpec {
  const dist = (title: string, first: string, rows: { label: string; count: number }[]): TableSpec => ({
    title,
    columns: [
      { header: first, kind: 'text' },
      { header: '企业数（户）', kind: 'count' },
    ],
    rows: rows.map((r) => [r.label, r.count]),
  });
  const appealRows = (title: string, first: string, rows: Dashboard['appeals']['byMonth']): TableSpec => ({
    title,
    columns: [
      { header: first, kind: 'text' },
      { header: '诉求量（件）', kind: 'count' },
      { header: '已响应', kind: 'count' },
      { header: '按时响应', kind: 'count' },
      { header: '响应率', kind: 'rate' },
      { header: '已答复', kind: 'count' },
      { header: '按期答复', kind: 'count' },
      { header: '按期办结率', kind: 'rate' },
      { header: '参评', kind: 'count' },
      { header: '已解决', kind: 'count' },
      { header: '解决率', kind: 'rate' },
      { header: '满意及基本满意', kind: 'count' },
      { header: '满意率', kind: 'rate' },
    ],
    rows: [...rows, d.appeals.totals].map((r) => [
      r.label,
      r.submitted,
      r.responded,
      r.respondedOnTime,
      r.responseRate,
      r.replied,
      r.repliedOnTime,
      r.onTimeReplyRate,
      r.rated,
      r.solved,
      r.solvedRate,
      r.satisfied,
      r.satisfactionRate,
    ]),
  });
  switch (name) {
    case 'enterprises-street':
      return dist('企业按街道分布', '街道', d.enterprises.byStreet);
    case 'enterprises-industry':
      return dist('企业按行业门类分布', '行业门类', d.enterprises.byIndustry);
    case 'enterprises-size':
      return dist('企业按规模分布', '企业规模', d.enterprises.bySize);
    case 'enterprises-growth':
      return dist('企业新增（按成立月份）', '月份', d.enterprises.growthByMonth);
    case 'appeals-department':
      return appealRows('诉求办理指标（按主办部门）', '主办部门', d.appeals.byDepartment);
    case 'appeals-month':
      return appealRows('诉求办理指标（按月）', '月份', d.appeals.byMonth);
    case 'claims-program':
      return {
        title: '政策兑现（按申报事项）',
        columns: [
          { header: '申报事项', kind: 'text', width: 40 },
          { header: '审核部门', kind: 'text', width: 20 },
          { header: '申报数（件）', kind: 'count' },
          { header: '审核通过（件）', kind: 'count' },
          { header: '兑现金额（万元）', kind: 'wan' },
          { header: '受益企业（户）', kind: 'count' },
        ],
        rows: [
          ...d.claims.byProgram.map((p) => [
            p.label,
            p.department,
            p.applications,
            p.approved,
            p.paidWan,
            p.enterprises,
          ]),
          [
            '合计',
            '',
            d.claims.totals.applications,
            d.claims.totals.approved,
            d.claims.totals.paidWan,
            d.claims.totals.enterprises,
          ],
        ],
      };
    case 'buildings-street':
      return {
        title: '楼宇（按街道）',
        columns: [
          { header: '街道', kind: 'text', width: 14 },
          { header: '楼宇数', kind: 'count' },
          { header: '可租面积（㎡）', kind: 'area' },
          { header: '空置面积（㎡）', kind: 'area' },
          { header: '空置率', kind: 'rate' },
          { header: '亿元楼', kind: 'count' },
          { header: '千万元楼', kind: 'count' },
        ],
        rows: [...d.buildings.byStreet, { ...d.buildings, label: '合计' }].map((r) => [
          r.label,
          r.count,
          r.leasableArea,
          r.vacantArea,
          r.vacancyRate,
          r.yiYuan,
          r.qianWanYuan,
        ]),
      };
    case 'buildings-hot':
      return {
        title: '热门楼宇排行',
        columns: [
          { header: '排名', kind: 'count' },
          { header: '楼宇', kind: 'text' },
          { header: '街道', kind: 'text', width: 14 },
          { header: '空置率', kind: 'rate' },
        ],
        rows: d.buildings.hot.map((b) => [b.rank, b.name, b.street, b.vacancyRate]),
      };
    case 'search-terms':
      return {
        title: '热门搜索词（按检索范围）',
        columns: [
          { header: '检索范围', kind: 'text', width: 14 },
          { header: '搜索词', kind: 'text' },
          { header: '搜索次数', kind: 'count' },
          { header: '搜索天数', kind: 'count' },
        ],
        rows: d.searchTerms.flatMap((s) => s.terms.map((t) => [s.label, t.term, t.count, t.days])),
      };
  }
}

/** The file name of a table: 企业按街道分布_2025-12-01_2026-11-27.xlsx. */
export function tableFilename(title: string, period: string): string {
  return `${title}_${period.replace(/ 至 /, '_')}.xlsx`.replace(/[\\/:*?"<>|（）\s]/g, '');
}
