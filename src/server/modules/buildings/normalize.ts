import {
  BUILDING_GRADE_LABELS,
  BUILDING_USE_LABELS,
  type BuildingGrade,
  type BuildingUse,
  DECORATION_LABELS,
  type Decoration,
  monthlyRent,
  RENT_UNIT_LABELS,
  type RentUnit,
  SPACE_STATUS_LABELS,
  type SpaceStatus,
} from '../../../shared/buildings';

/**
 * Pure parsers for spreadsheet cells of the building/space import (SPEC §2.5). Each takes a raw cell as exceljs
 * hands it over (string, number, boolean, Date, or an object for formulas / rich text / hyperlinks / errors) and
 * answers either the value with the text the preview shows and any warnings, or one specific Chinese error.
 * Nothing here touches the database; the import service decides which columns are required.
 */

export type Parsed<T> =
  | { ok: true; value: T; normalized: string; warnings: string[] }
  | { ok: false; error: string };

const ok = <T>(value: T, normalized: string, warnings: string[] = []): Parsed<T> => ({
  ok: true,
  value,
  normalized,
  warnings,
});
const fail = <T>(error: string): Parsed<T> => ({ ok: false, error });

// ——— cell text ———

const FORMULA_ERROR = '单元格含公式，请将公式复制后“粘贴为数值”再导入';

/**
 * The text of a cell, full-width characters folded (NFKC: "１，２００" → "1,200", "（" → "(", "㎡" → "m2"),
 * whitespace collapsed. Formulas are refused rather than trusting a cached result the importer cannot verify.
 */
export function cellText(cell: unknown): Parsed<string> {
  if (cell === null || cell === undefined) return ok('', '');
  if (typeof cell === 'string') {
    const text = cell.normalize('NFKC').replace(/\s+/g, ' ').trim();
    if (text.startsWith('=')) return fail(FORMULA_ERROR);
    return ok(text, text);
  }
  if (typeof cell === 'number') {
    if (!Number.isFinite(cell)) return fail('单元格数值无效');
    return ok(String(cell), String(cell));
  }
  if (typeof cell === 'boolean') return ok(cell ? '是' : '否', cell ? '是' : '否');
  if (cell instanceof Date) {
    if (Number.isNaN(cell.getTime())) return fail('单元格日期无效');
    const iso = cell.toISOString().slice(0, 10);
    return ok(iso, iso);
  }
  if (typeof cell === 'object') {
    const o = cell as Record<string, unknown>;
    if ('formula' in o || 'sharedFormula' in o) return fail(FORMULA_ERROR);
    if ('error' in o) return fail(`单元格为错误值 ${String(o.error)}`);
    if (Array.isArray(o.richText)) {
      return cellText(o.richText.map((r) => (r as { text?: unknown }).text ?? '').join(''));
    }
    if ('text' in o) return cellText(o.text);
  }
  return fail('无法识别的单元格内容');
}

/** True for an empty cell (null, blank text); the import decides whether the column is required. */
export function isBlankCell(cell: unknown): boolean {
  const t = cellText(cell);
  return t.ok && t.value === '';
}

/** Shared pre-step: reject formulas and blanks, hand back the folded text. */
function textOf(cell: unknown, field: string): Parsed<string> {
  const t = cellText(cell);
  if (!t.ok) return t;
  if (t.value === '') return fail(`${field}为空`);
  return t;
}

/** Is this a date cell from exceljs (a Date) or an Excel serial number? */
const isNumberCell = (cell: unknown): cell is number => typeof cell === 'number';

const NUMBER_RE = /^[+-]?(?:\d{1,3}(?:,\d{3})+|\d+)(?:\.\d+)?$/;
const parseNumber = (s: string): number | null => {
  const t = s.replace(/\s/g, '');
  return NUMBER_RE.test(t) ? Number(t.replace(/,/g, '')) : null;
};

/** "约1200" / "1200左右" / "1200余" mark an approximate figure: accepted with a warning. */
function stripApproximation(s: string): { text: string; approximate: boolean } {
  const text = s.replace(/^(约|大约|大概|近)/, '').replace(/(左右|余|多|以上|上下)$/, '');
  return { text: text.trim(), approximate: text !== s };
}

const fmt = (n: number, digits = 2) => String(Math.round(n * 10 ** digits) / 10 ** digits);

// ——— rent ———

export interface Rent {
  /** The figure as entered, in `unit`. */
  amount: number;
  unit: RentUnit;
  /** Normalised to 元/㎡·月 (day rate × 365 / 12), the value searches compare. */
  monthly: number;
}

/** A day rate above this (元/㎡·天) is a typing error, not a rent: the dearest towers in 青岛 ask about 10. */
export const MAX_RENT_PER_DAY = 50;
/** Below this (元/㎡·天) the figure is almost surely in the wrong unit; accepted with a warning. */
const SUSPICIOUS_RENT_PER_DAY = 0.3;

const PER_SQM = '(?:m2|平方米|平方|平米|平|方)';
const DAY = '(?:天|日)';
const MONTH = '(?:月)';
// "元/㎡·天", "元/平米/天", "元/平方米·月", "元每平米每天", "元/m2.天" — separators vary wildly in real sheets.
const SEP = '(?:/|·|•|・|\\.|\\*|x|每|\\s|-)*';
const UNIT_DAY_RE = new RegExp(`^元?${SEP}${PER_SQM}${SEP}${DAY}$`);
const UNIT_MONTH_RE = new RegExp(`^元?${SEP}${PER_SQM}${SEP}${MONTH}$`);
// A total rather than a per-area rent: "元/月", "万元/年".
const TOTAL_RENT_RE = /^(万?元)?\/?(天|日|月|年)$/;

function rentUnitOf(raw: string): RentUnit | 'total' | null {
  const u = raw
    .replace(/\s/g, '')
    .replace(/^\(|\)$/g, '')
    .toLowerCase();
  if (UNIT_DAY_RE.test(u)) return 'yuan_per_sqm_day';
  if (UNIT_MONTH_RE.test(u)) return 'yuan_per_sqm_month';
  if (TOTAL_RENT_RE.test(u) || u === '万元') return 'total';
  return null;
}

/**
 * A rent cell: "3.5元/㎡·天", "3.5 元/平米/天", "105元/平方米/月", "月租105", "日租3.5", or a bare number with the
 * unit given separately (`unitCell`: a unit column or the column header such as "租金(元/㎡·天)").
 * A range "3.5-4元/㎡·天" takes the lower bound with a warning (the asking price a search should match first).
 * Refused: no unit, a total rent (元/月), zero, negative, and anything above 50 元/㎡·天 after normalising.
 */
export function parseRent(cell: unknown, unitCell?: unknown): Parsed<Rent> {
  const t = textOf(cell, '租金');
  if (!t.ok) return t;
  let s = t.value.replace(/\s/g, '');
  const warnings: string[] = [];
  if (/^(面议|待定|电议|协商)$/.test(s)) return fail(`租金“${t.value}”不是数值，请填写租金或留空`);

  let unitFromPrefix: RentUnit | null = null;
  const prefix = s.match(/^(月租金?|日租金?|租金)[:]?/);
  if (prefix) {
    if (prefix[1]!.startsWith('月')) unitFromPrefix = 'yuan_per_sqm_month';
    if (prefix[1]!.startsWith('日')) unitFromPrefix = 'yuan_per_sqm_day';
    s = s.slice(prefix[0].length);
  }
  const approx = stripApproximation(s);
  s = approx.text;
  if (approx.approximate) warnings.push('租金为约数，已按数字部分导入');

  const m = s.match(/^([+-]?[\d,]*\.?\d+)(?:(?:-|~|〜|—|至|到)([\d,]*\.?\d+))?(.*)$/);
  if (!m) return fail(`无法识别租金“${t.value}”，示例：3.5元/㎡·天 或 105元/㎡·月`);
  const low = parseNumber(m[1]!);
  const high = m[2] === undefined ? null : parseNumber(m[2]);
  if (low === null || (m[2] !== undefined && high === null)) return fail(`无法识别租金“${t.value}”`);

  const unitText = m[3]!;
  let unit: RentUnit | 'total' | null = unitText === '' || unitText === '元' ? null : rentUnitOf(unitText);
  if (unitText !== '' && unitText !== '元' && unit === null) {
    return fail(`无法识别租金单位“${unitText}”，应为 元/㎡·天 或 元/㎡·月`);
  }
  if (unit === null) unit = unitFromPrefix;
  if (unit === null && unitCell !== undefined && !isBlankCell(unitCell)) {
    const u = cellText(unitCell);
    if (!u.ok) return fail(`租金单位：${u.error}`);
    // A header like "租金（元/㎡·天）" carries the unit inside parentheses.
    const inner = u.value.match(/\(([^)]*)\)/)?.[1] ?? u.value;
    unit = rentUnitOf(inner);
    if (unit === null) return fail(`无法识别租金单位“${u.value}”，应为 元/㎡·天 或 元/㎡·月`);
  }
  if (unit === 'total') {
    return fail(`租金“${t.value}”是总价，请换算为每平方米单价（元/㎡·天 或 元/㎡·月）`);
  }
  if (unit === null) return fail(`租金“${t.value}”缺少单位，请写明 元/㎡·天 或 元/㎡·月`);

  if (high !== null) {
    if (high < low) return fail(`租金区间“${t.value}”上限小于下限`);
    warnings.push(`租金为区间 ${fmt(low)}–${fmt(high)}，已取下限 ${fmt(low)}`);
  }
  if (low < 0) return fail(`租金不能为负数（${t.value}）`);
  if (low === 0) return fail('租金不能为 0；免租期请填写在“免租期（月）”一列');
  const monthly = monthlyRent(low, unit);
  const perDay = monthly / monthlyRent(1, 'yuan_per_sqm_day');
  if (perDay > MAX_RENT_PER_DAY) {
    return fail(
      `租金“${t.value}”折合 ${fmt(perDay)} 元/㎡·天，超过 ${MAX_RENT_PER_DAY} 元/㎡·天，请检查数字或单位（天/月）`,
    );
  }
  if (perDay < SUSPICIOUS_RENT_PER_DAY) {
    warnings.push(`租金折合 ${fmt(perDay)} 元/㎡·天，明显偏低，请确认单位是否为“天”`);
  }
  const normalized =
    unit === 'yuan_per_sqm_month'
      ? `${fmt(low)} ${RENT_UNIT_LABELS[unit]}`
      : `${fmt(low)} ${RENT_UNIT_LABELS[unit]}（折合 ${fmt(monthly)} 元/㎡·月）`;
  return ok({ amount: low, unit, monthly }, normalized, warnings);
}

// ——— area ———

/** Above this an area (㎡) is a typing error: the largest complexes in the district are a few hundred thousand ㎡. */
export const MAX_AREA_SQM = 2_000_000;

/**
 * An area cell in ㎡: "1,200平米", "1200㎡", "1200 平方米", "约1200" (warning), "1.2万平米" → 12000, "1200m²".
 * A range "1200-1500㎡" takes the lower bound with a warning: the lower figure is the one a tenant can count on,
 * and a divisible floor should be entered as separate spaces. Zero, negative, other units (亩) are errors.
 */
export function parseArea(cell: unknown): Parsed<number> {
  const t = textOf(cell, '面积');
  if (!t.ok) return t;
  const warnings: string[] = [];
  const approx = stripApproximation(t.value.replace(/\s/g, ''));
  if (approx.approximate) warnings.push('面积为约数，已按数字部分导入');
  const m = approx.text.match(
    /^([+-]?[\d,]*\.?\d+)(万)?(?:(?:-|~|〜|—|至|到)([\d,]*\.?\d+)(万)?)?(m2|平方米|平米|平方|平|方)?$/i,
  );
  if (!m) {
    if (/亩|公顷/.test(approx.text)) return fail(`面积“${t.value}”请换算为平方米（㎡）`);
    return fail(`无法识别面积“${t.value}”，示例：1200、1,200平米、1.2万㎡`);
  }
  const lowN = parseNumber(m[1]!);
  const highN = m[3] === undefined ? null : parseNumber(m[3]);
  if (lowN === null || (m[3] !== undefined && highN === null)) return fail(`无法识别面积“${t.value}”`);
  // "1.2-1.5万㎡": one 万 after the range applies to both ends.
  const wanLow = m[2] !== undefined || (m[4] !== undefined && m[3] !== undefined);
  const low = round2(lowN * (wanLow ? 10_000 : 1));
  const high = highN === null ? null : round2(highN * (m[4] !== undefined ? 10_000 : 1));
  if (low < 0 || (high !== null && high < 0)) return fail(`面积不能为负数（${t.value}）`);
  if (low === 0) return fail('面积不能为 0');
  if (high !== null) {
    if (high < low) return fail(`面积区间“${t.value}”上限小于下限`);
    warnings.push(`面积为区间 ${fmt(low)}–${fmt(high)}㎡，已取下限 ${fmt(low)}㎡；可分割的房源请分行录入`);
  }
  if (low > MAX_AREA_SQM) return fail(`面积 ${fmt(low)}㎡ 过大，请检查数字或单位`);
  return ok(low, `${fmt(low)} ㎡`, warnings);
}

const round2 = (n: number) => Math.round(n * 100) / 100;

// ——— street ———

export interface StreetRef {
  code: string;
  name: string;
}

/** The distinctive part of a street name: "市南区香港中路街道办事处" → "香港中路". */
export function streetCore(name: string): string {
  return name
    .normalize('NFKC')
    .replace(/[\s()]/g, '')
    .replace(/^(山东省)?(青岛市)?(市南区)?/, '')
    .replace(/(街道办事处|街道办|办事处|街道)$/, '');
}

/** Character-bigram Dice coefficient in [0, 1]; single characters count as one "bigram" so short names work. */
export function dice(a: string, b: string): number {
  if (a === b) return a === '' ? 0 : 1;
  const grams = (s: string) => {
    const chars = Array.from(s);
    if (chars.length < 2) return chars;
    const out: string[] = [];
    for (let i = 0; i < chars.length - 1; i++) out.push(chars[i]! + chars[i + 1]!);
    return out;
  };
  const ga = grams(a);
  const gb = grams(b);
  if (ga.length === 0 || gb.length === 0) return 0;
  const counts = new Map<string, number>();
  for (const g of ga) counts.set(g, (counts.get(g) ?? 0) + 1);
  let common = 0;
  for (const g of gb) {
    const c = counts.get(g) ?? 0;
    if (c > 0) {
      common++;
      counts.set(g, c - 1);
    }
  }
  return (2 * common) / (ga.length + gb.length);
}

/**
 * A street cell → the street's code. Accepts "香港中路街道", "香港中路", "香港中路街道办事处", "市南区香港中路街道",
 * or the code itself. Unknown names are refused with the closest street names listed.
 */
export function parseStreet(cell: unknown, streets: readonly StreetRef[]): Parsed<string> {
  const t = textOf(cell, '所属街道');
  if (!t.ok) return t;
  const byCode = streets.find((s) => s.code === t.value);
  if (byCode) return ok(byCode.code, byCode.name);
  const core = streetCore(t.value);
  const hit = streets.find((s) => streetCore(s.name) === core);
  if (hit) return ok(hit.code, hit.name);
  const near = streets
    .map((s) => ({ s, score: dice(core, streetCore(s.name)) }))
    .filter((x) => x.score > 0)
    .sort((a, b) => b.score - a.score)
    .slice(0, 3)
    .map((x) => x.s.name);
  const hint =
    near.length > 0
      ? `，是否为：${near.join('、')}？`
      : `，本区街道为：${streets.map((s) => s.name).join('、')}`;
  return fail(`未知街道“${t.value}”${hint}`);
}

// ——— floor ———

const CN_DIGITS: Record<string, number> = {
  零: 0,
  一: 1,
  二: 2,
  两: 2,
  三: 3,
  四: 4,
  五: 5,
  六: 6,
  七: 7,
  八: 8,
  九: 9,
};

/** Chinese numerals up to 99: "十二" → 12, "二十" → 20, "三十五" → 35. */
function chineseNumber(s: string): number | null {
  if (/^\d+$/.test(s)) return Number(s);
  const m = s.match(/^([一二两三四五六七八九])?(十)?([一二三四五六七八九])?$/);
  if (!m || s === '') return null;
  if (!m[2]) return m[1] && !m[3] ? CN_DIGITS[m[1]]! : null;
  return (m[1] ? CN_DIGITS[m[1]]! : 1) * 10 + (m[3] ? CN_DIGITS[m[3]]! : 0);
}

/** Floors above this are typing errors (the tallest towers in 青岛 have fewer than 80 floors). */
export const MAX_FLOOR = 150;

/**
 * A floor: "12", "12F", "F12", "12层", "12楼", "第十二层", "B1"/"地下一层"/"负一层"/"-1" → -1. There is no floor 0.
 * Ranges ("3-5层") and mezzanines are refused: a space sits on one floor.
 */
export function parseFloor(cell: unknown): Parsed<number> {
  const t = textOf(cell, '楼层');
  if (!t.ok) return t;
  const s = t.value.replace(/\s/g, '').toUpperCase();
  if (/\d+[-~至到]\d+/.test(s)) return fail(`楼层“${t.value}”为区间，跨层房源请按楼层分行录入`);
  let m = s.match(/^(?:B|地下|负|-)(\d+|[一二两三四五六七八九十]+)(?:F|层|楼)?$/);
  if (m) {
    const n = chineseNumber(m[1]!);
    if (n === null || n === 0) return fail(`无法识别楼层“${t.value}”`);
    return ok(-n, `地下${n}层（B${n}）`);
  }
  m = s.match(/^(?:F|第)?(\d+|[一二两三四五六七八九十]+)(?:F|层|楼)?$/);
  if (!m) return fail(`无法识别楼层“${t.value}”，示例：12、12F、12层、B1`);
  const n = chineseNumber(m[1]!);
  if (n === null) return fail(`无法识别楼层“${t.value}”`);
  if (n === 0) return fail('楼层不能为 0；地下层请写 B1、B2');
  if (n > MAX_FLOOR) return fail(`楼层 ${n} 超出合理范围，请检查`);
  return ok(n, `${n}层`);
}

// ——— date ———

/** Excel's day 0 in the 1900 date system, shifted one day back to absorb its fictitious 1900-02-29. */
const EXCEL_EPOCH_MS = Date.UTC(1899, 11, 30);

const pad = (n: number) => String(n).padStart(2, '0');

function isoDate(y: number, mo: number, d: number): string | null {
  if (y < 1900 || y > 2100 || mo < 1 || mo > 12 || d < 1) return null;
  const date = new Date(Date.UTC(y, mo - 1, d));
  if (date.getUTCMonth() !== mo - 1) return null;
  return `${y}-${pad(mo)}-${pad(d)}`;
}

/**
 * A date as YYYY-MM-DD: "2026/3/1", "2026-03-01", "2026.3.1", "2026年3月1日", an exceljs Date (its UTC date, as
 * exceljs builds date cells at UTC midnight), or an Excel serial number (46082 → 2026-03-01; 1900 system).
 * Impossible dates (2026/2/30) are refused.
 */
export function parseDate(cell: unknown): Parsed<string> {
  if (isNumberCell(cell)) {
    // Serials between 1 (1900-01-01) and 73050 (2099-12-31); serials ≤ 60 predate Excel's leap-year bug fix-up.
    if (!Number.isInteger(cell) || cell <= 60 || cell > 73050) return fail(`无法识别日期“${cell}”`);
    const iso = new Date(EXCEL_EPOCH_MS + cell * 86_400_000).toISOString().slice(0, 10);
    return ok(iso, iso, [`日期由 Excel 序列号 ${cell} 换算`]);
  }
  const t = textOf(cell, '日期');
  if (!t.ok) return t;
  const s = t.value.replace(/\s/g, '');
  if (/^\d{5}$/.test(s)) return parseDate(Number(s));
  const m =
    s.match(/^(\d{4})(?:[-/.]|年)(\d{1,2})(?:[-/.]|月)(\d{1,2})日?$/) ?? s.match(/^(\d{4})(\d{2})(\d{2})$/);
  if (!m) return fail(`无法识别日期“${t.value}”，示例：2026-03-01、2026/3/1、2026年3月1日`);
  const iso = isoDate(Number(m[1]), Number(m[2]), Number(m[3]));
  if (!iso) return fail(`日期“${t.value}”不存在`);
  return ok(iso, iso);
}

// ——— yes / no ———

const YES = new Set(['是', '有', 'Y', 'YES', 'TRUE', '1', '√', '✓', '对']);
const NO = new Set(['否', '无', '没有', 'N', 'NO', 'FALSE', '0', '×', 'X', '✗', '不']);

/** 是/否, 有/无, Y/N, √/×, 1/0, TRUE/FALSE, or a boolean cell. */
export function parseYesNo(cell: unknown): Parsed<boolean> {
  if (typeof cell === 'boolean') return ok(cell, cell ? '是' : '否');
  const t = textOf(cell, '是/否');
  if (!t.ok) return t;
  const s = t.value.replace(/\s/g, '').toUpperCase();
  if (YES.has(s)) return ok(true, '是');
  if (NO.has(s)) return ok(false, '否');
  return fail(`“${t.value}”应填写“是”或“否”`);
}

// ——— phone ———

/**
 * A contact phone, validated and normalised but not masked (masking is a presentation concern): mobile
 * "138 1234 5678" / "+86-13812345678" → "13812345678"; landline "0532-88901001", "(0532)88901001",
 * "88901001" (local, warning), with extension "0532-88901001转123"; service numbers "400-123-4567".
 * Several numbers in one cell: the first is taken with a warning.
 */
export function parsePhone(cell: unknown): Parsed<string> {
  const t = textOf(cell, '联系电话');
  if (!t.ok) return t;
  const warnings: string[] = [];
  const parts = t.value.split(/[、,;/]|\s{2,}|或/).filter((p) => p.trim() !== '');
  if (parts.length > 1) warnings.push(`含多个号码，已取第一个；其余请填入备注`);
  const raw = parts[0]!.trim();
  const extM = raw.match(/(?:转|EXT\.?|分机|#)\s*(\d{1,6})$/i);
  const ext = extM ? extM[1]! : null;
  const main = (extM ? raw.slice(0, extM.index) : raw)
    .replace(/[\s\-()]/g, '')
    .replace(/^(\+?86)(?=1\d{10}$)/, '');
  const withExt = (n: string) => (ext ? `${n}转${ext}` : n);
  if (/^1[3-9]\d{9}$/.test(main)) {
    if (ext) return fail(`手机号码“${t.value}”不应带分机号`);
    return ok(main, main, warnings);
  }
  if (/^(400|800)\d{7}$/.test(main)) {
    const n = `${main.slice(0, 3)}-${main.slice(3, 6)}-${main.slice(6)}`;
    return ok(withExt(n), withExt(n), warnings);
  }
  // 010 and 02x are the only three-digit area codes; every other code has four digits.
  const land = main.match(/^(010|02\d|0[3-9]\d{2})(\d{7,8})$/);
  if (land && land[1]!.length + land[2]!.length <= 12) {
    const n = `${land[1]}-${land[2]}`;
    return ok(withExt(n), withExt(n), warnings);
  }
  if (/^[2-9]\d{7}$/.test(main)) {
    warnings.push('座机号码缺少区号，请确认');
    return ok(withExt(main), withExt(main), warnings);
  }
  return fail(`联系电话“${t.value}”格式不正确，应为 11 位手机号或带区号的座机号（如 0532-88901001）`);
}

// ——— enums ———

function enumParser<T extends string>(
  field: string,
  labels: Record<T, string>,
  aliases: Record<string, T>,
): (cell: unknown) => Parsed<T> {
  const byKey = new Map<string, T>();
  for (const [code, label] of Object.entries(labels) as [T, string][]) {
    byKey.set(label, code);
    byKey.set(code, code);
  }
  for (const [alias, code] of Object.entries(aliases)) byKey.set(alias.normalize('NFKC'), code);
  return (cell) => {
    const t = textOf(cell, field);
    if (!t.ok) return t;
    const key = t.value.replace(/\s/g, '');
    const code = byKey.get(key) ?? byKey.get(key.toLowerCase());
    if (code === undefined) {
      return fail(`${field}“${t.value}”无效，应为：${Object.values<string>(labels).join('、')}`);
    }
    return ok(code, labels[code]);
  };
}

/** 楼宇等级: 超甲级/甲级/乙级/丙级, also "超甲", "5A甲级", "A级". */
export const parseGrade = enumParser<BuildingGrade>('楼宇等级', BUILDING_GRADE_LABELS, {
  超甲: 'super_a',
  超A级: 'super_a',
  甲: 'a',
  A级: 'a',
  '5A甲级': 'a',
  乙: 'b',
  B级: 'b',
  丙: 'c',
  C级: 'c',
});

/** 楼宇用途 */
export const parseUse = enumParser<BuildingUse>('楼宇用途', BUILDING_USE_LABELS, {
  写字楼宇: 'office',
  办公楼: 'office',
  商务楼宇: 'office',
  综合体: 'commercial_complex',
  城市综合体: 'commercial_complex',
  产业园区: 'industrial_park',
  园区: 'industrial_park',
  孵化器: 'incubator',
  众创空间: 'incubator',
  公寓: 'business_apartment',
});

/** 房源状态 */
export const parseSpaceStatus = enumParser<SpaceStatus>('房源状态', SPACE_STATUS_LABELS, {
  空置: 'vacant',
  招租: 'vacant',
  招租中: 'vacant',
  可租: 'vacant',
  预订: 'reserved',
  已预定: 'reserved',
  意向: 'reserved',
  已租: 'leased',
  出租: 'leased',
  已租赁: 'leased',
});

/** 装修情况 */
export const parseDecoration = enumParser<Decoration>('装修情况', DECORATION_LABELS, {
  毛坯房: 'bare',
  清水: 'bare',
  简单装修: 'basic',
  精装修: 'fine',
  豪装: 'luxury',
  豪华: 'luxury',
});

// ——— export safety ———

/**
 * Neutralise spreadsheet formula injection in exported text (OWASP "CSV Injection"): a cell starting with
 * = + - @ tab or CR gets a leading apostrophe so Excel/WPS shows it as text instead of evaluating it. exceljs
 * already writes strings as text, but exported files get re-saved as CSV and re-opened, where the payload would
 * come back to life. Apply to strings only; numbers should be written as numbers (so −5 stays a number).
 */
export function safeCell(text: string): string {
  return /^[=+\-@\t\r]/.test(text) ? `'${text}` : text;
}
