import ExcelJS from 'exceljs';
import {
  BUILDING_GRADE_LABELS,
  BUILDING_USE_LABELS,
  DECORATION_LABELS,
  RENT_UNIT_LABELS,
  SPACE_STATUS_LABELS,
  SUGGESTED_BUILDING_TAGS,
} from '../../../shared/buildings';
import type { StreetRef } from './normalize';

/**
 * The import template (SPEC §2.5): one workbook with
 *
 * - 楼宇 — one row per building (name, street, address, grade, use, floors, areas, contacts, coordinates, tags);
 * - 房源 — one row per space, naming its building by 楼宇名称 (a building of the 楼宇 sheet or one already in the
 *   system), floor, unit, area, rent with its unit, status, decoration, available date;
 * - 说明 — what each column means and the accepted values.
 *
 * Why two sheets rather than one flat sheet of spaces: the investment office keeps two ledgers (楼宇台账 and
 * 房源台账), a building has 17 attributes that would otherwise be repeated (and contradict each other) on every
 * space row, and either sheet can be imported alone — new buildings without spaces yet, or this month's spaces
 * of buildings already in the system. Rows whose 楼宇名称 starts with 【示例】 are skipped, so the example rows
 * may stay in the file.
 */

export type ColumnKey =
  | 'name'
  | 'street'
  | 'address'
  | 'grade'
  | 'use'
  | 'floorsAbove'
  | 'floorsBelow'
  | 'grossArea'
  | 'completedYear'
  | 'developer'
  | 'propertyManager'
  | 'contactName'
  | 'contactPhone'
  | 'lat'
  | 'lng'
  | 'tags'
  | 'description'
  | 'buildingName'
  | 'floor'
  | 'unit'
  | 'area'
  | 'rent'
  | 'rentUnit'
  | 'status'
  | 'decoration'
  | 'availableFrom'
  | 'orientation';

export interface ColumnSpec {
  key: ColumnKey;
  /** The header as the template writes it (a required column carries a trailing ＊). */
  header: string;
  /** Other headers read as this column (compared after folding, see `headerKey`). */
  aliases?: string[];
  required: boolean;
  width: number;
  /** 说明 sheet: what to enter. */
  help: string;
  /** A drop-down list in the template (exceljs data validation). */
  list?: () => string[];
}

export const EXAMPLE_PREFIX = '【示例】';
export const SHEET_BUILDINGS = '楼宇';
export const SHEET_SPACES = '房源';
export const SHEET_HELP = '说明';
export const BUILDING_SHEET_ALIASES = ['楼宇', '楼宇信息', '楼宇表', '楼宇台账', '楼宇清单'];
export const SPACE_SHEET_ALIASES = ['房源', '房源信息', '房源表', '房源台账', '房源清单', '可租房源'];

const gradeLabels = () => Object.values(BUILDING_GRADE_LABELS);
const buildingUseLabels = () => Object.values(BUILDING_USE_LABELS);

export const BUILDING_COLUMNS: readonly ColumnSpec[] = [
  {
    key: 'name',
    header: '楼宇名称＊',
    aliases: ['楼宇名称', '楼宇', '名称', '项目名称', '大厦名称'],
    required: true,
    width: 22,
    help: '楼宇的正式名称，如“华润大厦”。与系统中已有楼宇名称、地址或坐标高度一致的行，将并入已有楼宇并更新所填字段。',
  },
  {
    key: 'street',
    header: '所属街道＊',
    aliases: ['街道', '所属街道', '街道办事处'],
    required: true,
    width: 14,
    help: '本区街道名称，“香港中路街道”“香港中路”“香港中路街道办事处”均可。',
    list: () => [],
  },
  {
    key: 'address',
    header: '地址＊',
    aliases: ['地址', '楼宇地址', '详细地址', '坐落'],
    required: true,
    width: 24,
    help: '道路和门牌号，如“香港中路10号”；可省略“青岛市市南区”。',
  },
  {
    key: 'grade',
    header: '楼宇等级＊',
    aliases: ['等级', '楼宇等级', '级别'],
    required: true,
    width: 10,
    help: '超甲级、甲级、乙级、丙级（也可写“超甲”“5A甲级”“A级”等）。',
    list: gradeLabels,
  },
  {
    key: 'use',
    header: '楼宇用途＊',
    aliases: ['用途', '楼宇用途', '类型', '楼宇类型'],
    required: true,
    width: 14,
    help: `${buildingUseLabels().join('、')}。`,
    list: buildingUseLabels,
  },
  {
    key: 'floorsAbove',
    header: '地上层数（层）',
    aliases: ['地上层数', '层数', '总层数', '地上楼层'],
    required: false,
    width: 10,
    help: '整数，如 48。',
  },
  {
    key: 'floorsBelow',
    header: '地下层数（层）',
    aliases: ['地下层数', '地下楼层'],
    required: false,
    width: 10,
    help: '整数，没有地下室填 0 或留空。',
  },
  {
    key: 'grossArea',
    header: '建筑面积（㎡）',
    aliases: ['建筑面积', '总建筑面积', '建筑面积(平方米)', '建筑面积(平米)'],
    required: false,
    width: 14,
    help: '平方米，可写“120000”“12万平米”“1,200平米”。',
  },
  {
    key: 'completedYear',
    header: '竣工年份',
    aliases: ['竣工年份', '竣工时间', '建成年份', '建成时间'],
    required: false,
    width: 10,
    help: '四位年份，如 2012。',
  },
  {
    key: 'developer',
    header: '开发商',
    aliases: ['开发商', '开发单位', '产权单位', '业主单位'],
    required: false,
    width: 20,
    help: '开发或产权单位。',
  },
  {
    key: 'propertyManager',
    header: '物业公司',
    aliases: ['物业公司', '物业', '物业管理公司', '物业单位'],
    required: false,
    width: 20,
    help: '物业服务企业。',
  },
  {
    key: 'contactName',
    header: '招商联系人',
    aliases: ['联系人', '招商联系人', '招商负责人'],
    required: false,
    width: 12,
    help: '招商或物业联系人姓名。',
  },
  {
    key: 'contactPhone',
    header: '联系电话',
    aliases: ['联系电话', '电话', '联系方式', '手机'],
    required: false,
    width: 16,
    help: '11 位手机号或带区号的座机（0532-88901001，分机写“转123”）。对外展示时自动打码。',
  },
  {
    key: 'lat',
    header: '纬度',
    aliases: ['纬度', 'lat', '北纬'],
    required: false,
    width: 11,
    help: 'WGS-84 十进制度，如 36.0627；与经度同时填写，地图据此定位。',
  },
  {
    key: 'lng',
    header: '经度',
    aliases: ['经度', 'lng', 'lon', '东经'],
    required: false,
    width: 11,
    help: 'WGS-84 十进制度，如 120.3862。',
  },
  {
    key: 'tags',
    header: '标签（多个用、分隔）',
    aliases: ['标签', '楼宇标签', '特色'],
    required: false,
    width: 20,
    help: `如 ${SUGGESTED_BUILDING_TAGS.join('、')}，也可自定义；多个标签用“、”或逗号分隔。`,
  },
  {
    key: 'description',
    header: '楼宇简介',
    aliases: ['简介', '楼宇简介', '描述', '备注', '配套设施'],
    required: false,
    width: 30,
    help: '交通、配套、入驻产业等简要介绍。',
  },
];

export const SPACE_COLUMNS: readonly ColumnSpec[] = [
  {
    key: 'buildingName',
    header: '楼宇名称＊',
    aliases: ['楼宇名称', '楼宇', '所在楼宇', '大厦名称', '项目名称'],
    required: true,
    width: 22,
    help: '房源所在楼宇：“楼宇”表中的楼宇，或系统中已有的楼宇（名称须一致）。',
  },
  {
    key: 'floor',
    header: '楼层＊',
    aliases: ['楼层', '所在楼层', '层'],
    required: true,
    width: 8,
    help: '12、12F、12层、第十二层；地下层写 B1 或“地下一层”。跨层房源请按楼层分行填写。',
  },
  {
    key: 'unit',
    header: '房号＊',
    aliases: ['房号', '房间号', '单元', '单元号', '门牌号'],
    required: true,
    width: 10,
    help: '如 1201；同一楼宇同一楼层的房号不能重复，系统中已有的房号将更新该房源。',
  },
  {
    key: 'area',
    header: '面积（㎡）＊',
    aliases: ['面积', '面积(㎡)', '面积(平方米)', '建筑面积', '租赁面积', '可租面积'],
    required: true,
    width: 12,
    help: '平方米，可写“1200”“1,200平米”“1200㎡”；区间“1200-1500”取下限并提示。',
  },
  {
    key: 'rent',
    header: '租金',
    aliases: ['租金', '报价', '租金报价', '价格'],
    required: false,
    width: 12,
    help: '每平方米单价的数字，单位在“租金单位”列选择；也可直接写“3.5元/㎡·天”“105元/㎡·月”。面议请留空。不接受总价（元/月）。',
  },
  {
    key: 'rentUnit',
    header: '租金单位',
    aliases: ['租金单位', '单位', '计价单位'],
    required: false,
    width: 12,
    help: `${Object.values(RENT_UNIT_LABELS).join(' 或 ')}；系统统一折算为元/㎡·月比较（日租金 × 365 ÷ 12）。`,
    list: () => Object.values(RENT_UNIT_LABELS),
  },
  {
    key: 'status',
    header: '房源状态',
    aliases: ['状态', '房源状态', '出租状态', '租赁状态'],
    required: false,
    width: 10,
    help: `${Object.values(SPACE_STATUS_LABELS).join('、')}（也可写“空置”“招租中”“已租”）；留空按“待租”导入。`,
    list: () => Object.values(SPACE_STATUS_LABELS),
  },
  {
    key: 'decoration',
    header: '装修情况',
    aliases: ['装修', '装修情况', '装修标准'],
    required: false,
    width: 10,
    help: `${Object.values(DECORATION_LABELS).join('、')}。`,
    list: () => Object.values(DECORATION_LABELS),
  },
  {
    key: 'availableFrom',
    header: '可入驻日期',
    aliases: ['可入驻日期', '可租日期', '起租日期', '交付日期'],
    required: false,
    width: 12,
    help: '2026-03-01、2026/3/1 或 2026年3月1日；留空表示随时可入驻。',
  },
  {
    key: 'orientation',
    header: '朝向',
    aliases: ['朝向'],
    required: false,
    width: 8,
    help: '如 南、东南、海景。',
  },
  {
    key: 'description',
    header: '房源说明',
    aliases: ['房源说明', '备注', '说明', '描述'],
    required: false,
    width: 30,
    help: '免租期、适合行业、分割情况等。',
  },
];

/** A header folded for comparison: NFKC, no spaces, no required-marks, ASCII parentheses. */
export function headerKey(h: string): string {
  return h
    .normalize('NFKC')
    .replace(/[\s*＊]/g, '')
    .toLowerCase();
}

/** Rent header carrying its unit: "租金（元/㎡·天）" → the column's default unit text. */
export function rentHeaderUnit(h: string): string | null {
  const k = h.normalize('NFKC').replace(/\s/g, '');
  return /^(租金|报价|租金报价|价格)\(/.test(k) && /\)$/.test(k) ? k : null;
}

const EXAMPLE_BUILDINGS: Record<ColumnKey, string | number>[] = [
  {
    name: `${EXAMPLE_PREFIX}海天中心`,
    street: '香港中路街道',
    address: '香港西路48号',
    grade: '超甲级',
    use: '商业综合体',
    floorsAbove: 73,
    floorsBelow: 4,
    grossArea: '49万平米',
    completedYear: 2021,
    developer: '青岛海天投资有限公司',
    propertyManager: '仲量联行物业',
    contactName: '王经理',
    contactPhone: '0532-88901234',
    lat: 36.0558,
    lng: 120.3566,
    tags: '金融楼宇、总部楼宇',
    description: '地铁3号线五四广场站步行8分钟，海景办公',
  } as Record<ColumnKey, string | number>,
  {
    name: `${EXAMPLE_PREFIX}燕儿岛路科创园`,
    street: '金门路',
    address: '燕儿岛路10号',
    grade: '乙级',
    use: '产业园',
    floorsAbove: 12,
    floorsBelow: 1,
    grossArea: '35,000',
    completedYear: 2015,
    contactName: '李女士',
    contactPhone: '13800000000',
    tags: '科技楼宇',
  } as Record<ColumnKey, string | number>,
];

const EXAMPLE_SPACES: Record<ColumnKey, string | number>[] = [
  {
    buildingName: `${EXAMPLE_PREFIX}海天中心`,
    floor: '32F',
    unit: '3201',
    area: '1,280平米',
    rent: 5.8,
    rentUnit: '元/㎡·天',
    status: '待租',
    decoration: '精装',
    availableFrom: '2026-12-01',
    orientation: '南（海景）',
    description: '免租期3个月，适合金融、总部办公',
  } as Record<ColumnKey, string | number>,
  {
    buildingName: `${EXAMPLE_PREFIX}燕儿岛路科创园`,
    floor: 5,
    unit: '501',
    area: 260,
    rent: 45,
    rentUnit: '元/㎡·月',
    status: '已预订',
    decoration: '简装',
  } as Record<ColumnKey, string | number>,
];

function addDataSheet(
  wb: ExcelJS.Workbook,
  name: string,
  columns: readonly ColumnSpec[],
  examples: Record<ColumnKey, string | number>[],
  streets: readonly StreetRef[],
): void {
  const ws = wb.addWorksheet(name, { views: [{ state: 'frozen', ySplit: 1 }] });
  ws.columns = columns.map((c) => ({ header: c.header, key: c.key, width: c.width }));
  const header = ws.getRow(1);
  header.font = { bold: true };
  header.alignment = { vertical: 'middle', wrapText: true };
  columns.forEach((c, i) => {
    const cell = header.getCell(i + 1);
    cell.fill = {
      type: 'pattern',
      pattern: 'solid',
      fgColor: { argb: c.required ? 'FFFCE4D6' : 'FFDDEBF7' },
    };
    cell.note = c.help;
  });
  for (const ex of examples) {
    const row = ws.addRow(columns.map((c) => ex[c.key] ?? null));
    row.font = { color: { argb: 'FF808080' }, italic: true };
  }
  // Plain text for every column so Excel does not turn 1201 into a number with a thousands separator or a date.
  columns.forEach((c, i) => {
    const col = ws.getColumn(i + 1);
    if (!['lat', 'lng', 'floorsAbove', 'floorsBelow', 'completedYear'].includes(c.key)) col.numFmt = '@';
    const list = c.key === 'street' ? streets.map((s) => s.name) : c.list?.();
    if (list && list.length > 0) {
      // Data validation for rows 2…2000 (exceljs writes one range rule per cell address given).
      const letter = col.letter;
      const formula = `"${list.join(',')}"`;
      if (formula.length <= 255) {
        (
          ws as unknown as { dataValidations: { add(range: string, v: ExcelJS.DataValidation): void } }
        ).dataValidations.add(`${letter}2:${letter}2000`, {
          type: 'list',
          allowBlank: !c.required,
          formulae: [formula],
          showErrorMessage: false,
          showInputMessage: true,
          promptTitle: c.header.replace('＊', ''),
          prompt: c.help.slice(0, 250),
        });
      }
    }
  });
}

/** The template workbook as bytes; the street list comes from the database (the district's streets). */
export async function buildTemplate(streets: readonly StreetRef[]): Promise<Buffer> {
  const wb = new ExcelJS.Workbook();
  wb.creator = '企服平台';
  wb.created = new Date(0);
  addDataSheet(wb, SHEET_BUILDINGS, BUILDING_COLUMNS, EXAMPLE_BUILDINGS, streets);
  addDataSheet(wb, SHEET_SPACES, SPACE_COLUMNS, EXAMPLE_SPACES, streets);

  const help = wb.addWorksheet(SHEET_HELP);
  help.columns = [
    { header: '工作表', key: 'sheet', width: 10 },
    { header: '列名', key: 'column', width: 22 },
    { header: '是否必填', key: 'required', width: 10 },
    { header: '填写说明与可选值', key: 'help', width: 90 },
  ];
  help.getRow(1).font = { bold: true };
  const intro = [
    '本模板用于批量导入楼宇和房源：“楼宇”表每行一栋楼宇，“房源”表每行一个可租单元，按“楼宇名称”关联。两张表可以只填其一。',
    '带＊的列必须填写。以“【示例】”开头的行不会导入，可保留或删除。请勿修改表头；请勿使用公式（请“粘贴为数值”）。',
    '上传后系统先生成预览报告（逐行逐列校验、规范化结果、疑似重复），确认无错误后再提交入库；提交为整体提交，任何一行有错误都不会导入。',
    '租金统一折算为元/㎡·月比较：日租金 × 365 ÷ 12。例如 3.5 元/㎡·天 ≈ 106.46 元/㎡·月。',
  ];
  for (const line of intro) help.addRow({ sheet: '', column: '', required: '', help: line });
  help.addRow({});
  const street = streets.map((s) => s.name).join('、');
  for (const [sheet, cols] of [
    [SHEET_BUILDINGS, BUILDING_COLUMNS],
    [SHEET_SPACES, SPACE_COLUMNS],
  ] as const) {
    for (const c of cols) {
      help.addRow({
        sheet,
        column: c.header.replace('＊', ''),
        required: c.required ? '必填' : '选填',
        help: c.key === 'street' ? `${c.help}本区街道：${street}。` : c.help,
      });
    }
  }
  help.getColumn(4).alignment = { wrapText: true, vertical: 'top' };
  return Buffer.from(await wb.xlsx.writeBuffer());
}
