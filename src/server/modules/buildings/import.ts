import { createHash } from 'node:crypto';
import type { Insertable } from 'kysely';
import {
  BUILDING_GRADE_LABELS,
  BUILDING_USE_LABELS,
  type BuildingGrade,
  type BuildingUse,
  DECORATION_LABELS,
  type Decoration,
  type RentUnit,
  SPACE_STATUS_LABELS,
  type SpaceStatus,
} from '../../../shared/buildings';
import type {
  ImportAction,
  ImportCommitResult,
  ImportIssue,
  ImportPreview,
  ImportReport,
  ImportRow,
  ImportSheet,
  ImportSummary,
} from '../../../shared/buildings-api';
import type { Platform } from '../../app';
import type { DB } from '../../db/database';
import { fromJson, toJson } from '../../db/dialect';
import type { BuildingSpaceTable, BuildingTable } from '../../db/schema';
import { shanghaiToday } from '../../platform/calendar/workdays';
import type { RequestContext } from '../../platform/context';
import { AppError, notFound } from '../../platform/errors';
import { newId } from '../../platform/ids';
import { indexBuildings, refreshBuildingDerived } from './derived';
import {
  addressKey,
  type BuildingLike,
  buildingNameKey,
  type DuplicateMatch,
  duplicateSpacesWithin,
  findDuplicateBuildings,
  findDuplicateSpaces,
  type SpaceLike,
  unitKey,
} from './duplicates';
import {
  cellText,
  isBlankCell,
  type Parsed,
  parseArea,
  parseDate,
  parseDecoration,
  parseFloor,
  parseGrade,
  parsePhone,
  parseRent,
  parseSpaceStatus,
  parseStreet,
  parseUse,
  type StreetRef,
} from './normalize';
import {
  BUILDING_COLUMNS,
  BUILDING_SHEET_ALIASES,
  type ColumnKey,
  type ColumnSpec,
  EXAMPLE_PREFIX,
  headerKey,
  rentHeaderUnit,
  SHEET_BUILDINGS,
  SHEET_SPACES,
  SPACE_COLUMNS,
  SPACE_SHEET_ALIASES,
} from './template';
import { readXlsx, type SheetRows } from './xlsx-reader';

/**
 * Spreadsheet import of buildings and spaces (SPEC §2.5): upload → preview report → commit.
 *
 * Preview parses every row with the normalize.ts parsers (per-column errors and warnings, the normalised value of
 * each cell), resolves each space's building (a 楼宇 row of the same file, or an existing building of the same
 * name), and looks for duplicates: a 楼宇 row against every building (findDuplicateBuildings; score ≥
 * ATTACH_SCORE → "将并入已有楼宇 X", its filled cells update that building; lower matches are warnings and a new
 * building is created), 楼宇 rows repeated in the file (error), a space against the existing spaces of its
 * building (findDuplicateSpaces → "更新已有房源") and spaces repeated in the file (duplicateSpacesWithin, error).
 * The normalised rows and the report are stored in building_imports (status previewed).
 *
 * Commit refuses unless the import is the caller's, still `previewed` and has no error row; then, in one
 * transaction, creates/updates the buildings and spaces (source `import`, last_verified_on today, source_note the
 * file name), refreshes the derived columns and the search index, writes one audit record with the counts and
 * marks the import committed. Spaces are matched again by (building, floor, unit key) at commit, so a space added
 * between preview and commit is updated rather than duplicated.
 */

/** A 楼宇 row attaches to an existing building at or above this duplicate score (identical name alone = 0.9). */
export const ATTACH_SCORE = 0.9;
/** Rows of the POST answer that carry their normalised values even without issues. */
const VALUES_FOR_FIRST_ROWS = 100;
const CHUNK = 200;

type Values = Record<string, string>;

interface BuildingValues {
  name: string;
  streetCode: string;
  address: string;
  grade: BuildingGrade;
  use: BuildingUse;
  floorsAbove: number | null;
  floorsBelow: number | null;
  grossArea: number | null;
  completedYear: number | null;
  developer: string | null;
  propertyManager: string | null;
  contactName: string | null;
  contactPhone: string | null;
  lat: number | null;
  lng: number | null;
  tags: string[] | null;
  description: string | null;
}

interface SpaceValues {
  floor: number;
  unit: string;
  area: number;
  rentAmount: number | null;
  rentUnit: RentUnit | null;
  rentMonthly: number | null;
  /** null: not given (a new space is 待租, an updated one keeps its status). */
  status: SpaceStatus | null;
  decoration: Decoration | null;
  availableFrom: string | null;
  orientation: string | null;
  description: string | null;
}

interface StoredBuilding {
  row: number;
  key: string;
  action: 'create' | 'attach';
  targetId: string | null;
  values: BuildingValues;
}

interface StoredSpace {
  row: number;
  /** An existing building id, or the key of a 楼宇 row of this file. */
  building: { id: string } | { key: string };
  action: 'create' | 'update';
  values: SpaceValues;
}

interface StoredRows {
  buildings: StoredBuilding[];
  spaces: StoredSpace[];
}

interface StoredReport extends ImportReport {}

// ——— reading the workbook ———

interface MappedSheet {
  kind: ImportSheet;
  sheet: SheetRows;
  /** Column index per key. */
  index: Map<ColumnKey, number>;
  ignored: string[];
  /** The rent header's unit ("租金（元/㎡·天）"), when the header carries one. */
  rentUnitHint: string | null;
}

const foldName = (s: string) => s.normalize('NFKC').replace(/\s/g, '');

function sheetKind(name: string): ImportSheet | null {
  const n = foldName(name);
  if (BUILDING_SHEET_ALIASES.includes(n)) return 'buildings';
  if (SPACE_SHEET_ALIASES.includes(n)) return 'spaces';
  return null;
}

function mapColumns(kind: ImportSheet, sheet: SheetRows): MappedSheet {
  const specs = kind === 'buildings' ? BUILDING_COLUMNS : SPACE_COLUMNS;
  const lookup = new Map<string, ColumnKey>();
  for (const c of specs) for (const h of [c.header, ...(c.aliases ?? [])]) lookup.set(headerKey(h), c.key);
  const index = new Map<ColumnKey, number>();
  const ignored: string[] = [];
  let rentUnitHint: string | null = null;
  sheet.headers.forEach((h, i) => {
    if (h.trim() === '') return;
    let key = lookup.get(headerKey(h));
    if (!key && kind === 'spaces' && rentHeaderUnit(h)) {
      key = 'rent';
      rentUnitHint = h;
    }
    if (key && !index.has(key)) index.set(key, i);
    else ignored.push(h);
  });
  const missing = specs.filter((c) => c.required && !index.has(c.key));
  if (missing.length > 0) {
    throw new AppError(
      'BUILDING_IMPORT_BAD_HEADERS',
      `“${sheet.name}”表的表头与导入模板不一致，缺少：${missing.map((c) => c.header.replace('＊', '')).join('、')}。请下载最新模板，保持第一行表头不变`,
      {
        sheet: sheet.name,
        expected: specs.map((c) => c.header),
        found: sheet.headers.filter((h) => h !== ''),
        missing: missing.map((c) => c.header),
      },
    );
  }
  return { kind, sheet, index, ignored, rentUnitHint };
}

/** The data sheets of the workbook, by sheet name (or, for a lone unnamed sheet, by its headers). */
function mapSheets(sheets: SheetRows[]): MappedSheet[] {
  const out: MappedSheet[] = [];
  for (const s of sheets) {
    const kind = sheetKind(s.name);
    if (kind && !out.some((m) => m.kind === kind)) out.push(mapColumns(kind, s));
  }
  if (out.length === 0) {
    // One sheet named Sheet1 / 工作表1: recognise it by its headers.
    const candidates = sheets.filter((s) => s.headers.some((h) => h.trim() !== ''));
    if (candidates.length === 1) {
      const s = candidates[0]!;
      const keys = new Set(s.headers.map(headerKey));
      const looksLikeSpaces = ['楼层', '房号'].every((h) => keys.has(headerKey(h)) || keys.has(`${h}*`));
      const looksLikeBuildings = ['地址', '所属街道'].some((h) => keys.has(headerKey(h)));
      if (looksLikeSpaces) return [mapColumns('spaces', s)];
      if (looksLikeBuildings) return [mapColumns('buildings', s)];
    }
    throw new AppError(
      'BUILDING_IMPORT_BAD_HEADERS',
      `未找到“${SHEET_BUILDINGS}”或“${SHEET_SPACES}”工作表。请使用导入模板，工作表名称保持为“${SHEET_BUILDINGS}”“${SHEET_SPACES}”`,
      {
        expectedSheets: [SHEET_BUILDINGS, SHEET_SPACES],
        foundSheets: sheets.map((s) => s.name),
        expected: {
          [SHEET_BUILDINGS]: BUILDING_COLUMNS.map((c) => c.header),
          [SHEET_SPACES]: SPACE_COLUMNS.map((c) => c.header),
        },
      },
    );
  }
  return out;
}

// ——— cell helpers ———

class RowCollector {
  readonly issues: ImportIssue[] = [];
  readonly values: Values = {};
  hasError = false;

  constructor(
    private readonly m: MappedSheet,
    private readonly cells: unknown[],
  ) {}

  cell(key: ColumnKey): unknown {
    const i = this.m.index.get(key);
    return i === undefined ? null : (this.cells[i] ?? null);
  }

  header(key: ColumnKey): string {
    const specs = this.m.kind === 'buildings' ? BUILDING_COLUMNS : SPACE_COLUMNS;
    return (specs.find((c) => c.key === key) as ColumnSpec).header.replace('＊', '');
  }

  error(key: ColumnKey | null, message: string): void {
    this.hasError = true;
    this.issues.push({ column: key ? this.header(key) : null, level: 'error', message });
  }

  warn(key: ColumnKey | null, message: string): void {
    this.issues.push({ column: key ? this.header(key) : null, level: 'warning', message });
  }

  info(message: string): void {
    this.issues.push({ column: null, level: 'info', message });
  }

  /** Run a parser on a column; blank → null (or an error when required). */
  take<T>(key: ColumnKey, parser: (cell: unknown) => Parsed<T>, required: boolean): T | null {
    const cell = this.cell(key);
    if (isBlankCell(cell)) {
      if (required) this.error(key, `${this.header(key)}为空`);
      return null;
    }
    const r = parser(cell);
    if (!r.ok) {
      this.error(key, r.error);
      return null;
    }
    for (const w of r.warnings) this.warn(key, w);
    this.values[this.header(key)] = r.normalized;
    return r.value;
  }
}

const textParser =
  (max: number, field: string) =>
  (cell: unknown): Parsed<string> => {
    const t = cellText(cell);
    if (!t.ok) return t;
    if (t.value.length > max) return { ok: false, error: `${field}过长（最多 ${max} 个字）` };
    return { ok: true, value: t.value, normalized: t.value, warnings: [] };
  };

const intParser =
  (min: number, max: number, field: string, suffix: RegExp) =>
  (cell: unknown): Parsed<number> => {
    const t = cellText(cell);
    if (!t.ok) return t;
    const s = t.value.replace(/\s/g, '').replace(suffix, '');
    if (!/^\d+$/.test(s)) return { ok: false, error: `${field}“${t.value}”应为整数` };
    const n = Number(s);
    if (n < min || n > max) return { ok: false, error: `${field} ${n} 超出合理范围（${min}–${max}）` };
    return { ok: true, value: n, normalized: String(n), warnings: [] };
  };

const coordParser =
  (min: number, max: number, field: string) =>
  (cell: unknown): Parsed<number> => {
    const t = cellText(cell);
    if (!t.ok) return t;
    const n = Number(t.value.replace(/[°\s]/g, ''));
    if (!Number.isFinite(n) || t.value.trim() === '')
      return { ok: false, error: `${field}“${t.value}”应为十进制度数` };
    if (n < min || n > max) return { ok: false, error: `${field} ${n} 不在中国境内范围（${min}–${max}）` };
    return {
      ok: true,
      value: Math.round(n * 1e6) / 1e6,
      normalized: String(Math.round(n * 1e6) / 1e6),
      warnings: [],
    };
  };

const tagsParser = (cell: unknown): Parsed<string[]> => {
  const t = cellText(cell);
  if (!t.ok) return t;
  const tags = [
    ...new Set(
      t.value
        .split(/[、,，;；/|\s]+/)
        .map((s) => s.trim())
        .filter(Boolean),
    ),
  ];
  if (tags.length > 20) return { ok: false, error: '标签最多 20 个' };
  if (tags.some((s) => s.length > 20)) return { ok: false, error: '单个标签最多 20 个字' };
  return { ok: true, value: tags, normalized: tags.join('、'), warnings: [] };
};

// ——— preview ———

interface ExistingBuilding extends BuildingLike {
  address: string;
  status: string;
  floorsAbove: number | null;
}

/**
 * The existing buildings worth scoring against a row, so a 10,000-row file against thousands of buildings stays
 * fast. findDuplicateBuildings gives score = 1 − (1 − 0.9·name)(1 − 0.7·address)(1 − 0.6·near); with name < 0.4,
 * address < 0.5 and near = 0 the score stays below 0.584, under the 0.6 threshold. So a building is a candidate
 * when the upper bound of the bigram Dice of its name key (2·shared / (|a| + |b|)) reaches 0.4, that of its
 * address key reaches 0.5, or it lies in the 3×3 grid cells around the row's coordinates (cells of 0.0025° ≥ 200 m,
 * the distance at which `near` falls to 0). The address rule of duplicates.ts (same road and number → 1) is
 * approximated by the Dice bound: equal road-and-number addresses share most of their bigrams.
 */
class BuildingIndex {
  private readonly byNameGram = new Map<string, number[]>();
  private readonly byAddressGram = new Map<string, number[]>();
  private readonly byCell = new Map<string, number[]>();
  private readonly nameGrams: Int32Array;
  private readonly addressGrams: Int32Array;
  private readonly counts: Int32Array;
  readonly byNameKey = new Map<string, ExistingBuilding[]>();

  constructor(readonly all: ExistingBuilding[]) {
    this.nameGrams = new Int32Array(all.length);
    this.addressGrams = new Int32Array(all.length);
    this.counts = new Int32Array(all.length);
    all.forEach((b, i) => {
      const nk = buildingNameKey(b.name);
      push(this.byNameKey, nk, b);
      const ng = new Set(grams(nk));
      const ag = new Set(grams(addressKey(b.address)));
      this.nameGrams[i] = ng.size;
      this.addressGrams[i] = ag.size;
      for (const g of ng) push(this.byNameGram, g, i);
      for (const g of ag) push(this.byAddressGram, g, i);
      if (b.lat != null && b.lng != null) push(this.byCell, cellOf(b.lat, b.lng), i);
    });
  }

  candidates(c: {
    name: string;
    address: string | null;
    lat: number | null;
    lng: number | null;
  }): ExistingBuilding[] {
    const picked = new Set<number>();
    const consider = (index: Map<string, number[]>, sizes: Int32Array, text: string, minDice: number) => {
      const gs = new Set(grams(text));
      if (gs.size === 0) return;
      const touched: number[] = [];
      for (const g of gs)
        for (const i of index.get(g) ?? []) {
          if (this.counts[i] === 0) touched.push(i);
          this.counts[i]!++;
        }
      for (const i of touched) {
        if ((2 * this.counts[i]!) / (gs.size + sizes[i]!) >= minDice) picked.add(i);
        this.counts[i] = 0;
      }
    };
    consider(this.byNameGram, this.nameGrams, buildingNameKey(c.name), 0.4);
    if (c.address) consider(this.byAddressGram, this.addressGrams, addressKey(c.address), 0.5);
    if (c.lat != null && c.lng != null) {
      const [y, x] = [Math.floor(c.lat / GRID), Math.floor(c.lng / GRID)];
      for (let dy = -1; dy <= 1; dy++)
        for (let dx = -1; dx <= 1; dx++)
          for (const i of this.byCell.get(`${y + dy}:${x + dx}`) ?? []) picked.add(i);
    }
    return [...picked].map((i) => this.all[i]!);
  }
}

/** Grid cell size in degrees: 0.0025° is ≥ 200 m in both directions at this latitude (2 × the "near" radius). */
const GRID = 0.0025;
const cellOf = (lat: number, lng: number) => `${Math.floor(lat / GRID)}:${Math.floor(lng / GRID)}`;
function push<K, V>(m: Map<K, V[]>, k: K, v: V) {
  const list = m.get(k);
  if (list) list.push(v);
  else m.set(k, [v]);
}
function grams(s: string): string[] {
  const chars = Array.from(s);
  if (chars.length < 2) return chars;
  const out: string[] = [];
  for (let i = 0; i < chars.length - 1; i++) out.push(chars[i]! + chars[i + 1]!);
  return out;
}

const spaceLabel = (floor: number, unit: string) => `${floor < 0 ? `B${-floor}` : floor}层 ${unit}`;

function summaryOf(rows: ImportRow[], stored: StoredRows): ImportSummary {
  return {
    rows: rows.length,
    ok: rows.filter((r) => r.status === 'ok').length,
    withWarnings: rows.filter((r) => r.status === 'warning').length,
    withErrors: rows.filter((r) => r.status === 'error').length,
    skipped: rows.filter((r) => r.status === 'skipped').length,
    newBuildings: stored.buildings.filter((b) => b.action === 'create').length,
    updatedBuildings: stored.buildings.filter((b) => b.action === 'attach').length,
    newSpaces: stored.spaces.filter((s) => s.action === 'create').length,
    updatedSpaces: stored.spaces.filter((s) => s.action === 'update').length,
  };
}

function statusOf(c: RowCollector): ImportRow['status'] {
  if (c.hasError) return 'error';
  return c.issues.some((i) => i.level === 'warning') ? 'warning' : 'ok';
}

/** Parse and check every row; pure apart from the reads of streets, buildings and spaces. */
export async function buildPreview(
  db: DB,
  fileName: string,
  sheets: SheetRows[],
): Promise<{ report: StoredReport; stored: StoredRows }> {
  const mapped = mapSheets(sheets);
  const streets: StreetRef[] = await db
    .selectFrom('streets')
    .select(['code', 'name'])
    .orderBy('sortOrder')
    .execute();
  const existing: ExistingBuilding[] = (
    await db
      .selectFrom('buildings')
      .select(['id', 'name', 'address', 'lat', 'lng', 'status', 'floorsAbove'])
      .execute()
  ).map((b) => ({
    ...b,
    lat: b.lat == null ? null : Number(b.lat),
    lng: b.lng == null ? null : Number(b.lng),
  }));
  const index = new BuildingIndex(existing);
  const existingById = new Map(existing.map((b) => [b.id, b]));

  const rows: ImportRow[] = [];
  const stored: StoredRows = { buildings: [], spaces: [] };
  const fileBuildings = new Map<
    string,
    { row: number; stored: StoredBuilding | null; floorsAbove: number | null }
  >();

  // ——— 楼宇 ———
  const bSheet = mapped.find((m) => m.kind === 'buildings');
  for (const r of bSheet?.sheet.rows ?? []) {
    const c = new RowCollector(bSheet!, r.cells);
    const nameCell = cellText(c.cell('name'));
    if (nameCell.ok && nameCell.value.startsWith(EXAMPLE_PREFIX)) {
      rows.push({
        sheet: 'buildings',
        row: r.number,
        status: 'skipped',
        action: null,
        label: nameCell.value,
        issues: [{ column: null, level: 'info', message: '示例行，已跳过' }],
      });
      continue;
    }
    const name = c.take('name', textParser(100, '楼宇名称'), true);
    const streetCode = c.take('street', (cell) => parseStreet(cell, streets), true);
    const address = c.take('address', textParser(200, '地址'), true);
    const grade = c.take('grade', parseGrade, true);
    const use = c.take('use', parseUse, true);
    const floorsAbove = c.take('floorsAbove', intParser(1, 150, '地上层数', /(层|F|f)$/), false);
    const floorsBelow = c.take('floorsBelow', intParser(0, 10, '地下层数', /(层|F|f)$/), false);
    const grossArea = c.take('grossArea', parseArea, false);
    const completedYear = c.take('completedYear', intParser(1900, 2035, '竣工年份', /年$/), false);
    const developer = c.take('developer', textParser(100, '开发商'), false);
    const propertyManager = c.take('propertyManager', textParser(100, '物业公司'), false);
    const contactName = c.take('contactName', textParser(50, '招商联系人'), false);
    const contactPhone = c.take('contactPhone', parsePhone, false);
    const lat = c.take('lat', coordParser(3, 54, '纬度'), false);
    const lng = c.take('lng', coordParser(73, 136, '经度'), false);
    const tags = c.take('tags', tagsParser, false);
    const description = c.take('description', textParser(2000, '楼宇简介'), false);
    if ((lat === null) !== (lng === null) && !c.hasError) c.warn('lat', '经纬度应同时填写，本行坐标不导入');

    const label = name ?? `第 ${r.number} 行`;
    let action: ImportAction | null = null;
    let duplicates: ImportRow['duplicates'];
    let storedB: StoredBuilding | null = null;
    if (name !== null) {
      const key = buildingNameKey(name);
      const earlier = fileBuildings.get(key);
      if (earlier) c.error('name', `与第 ${earlier.row} 行楼宇重复（名称相同）`);
      const candidate = {
        name,
        address: address ?? null,
        lat: lng === null ? null : lat,
        lng: lat === null ? null : lng,
      };
      const matches = findDuplicateBuildings(candidate, index.candidates(candidate));
      duplicates = matches.slice(0, 3).map((m) => toDuplicate(m, existingById.get(m.id)!));
      const best = matches[0];
      let targetId: string | null = null;
      if (best && best.score >= ATTACH_SCORE) {
        targetId = best.id;
        const target = existingById.get(best.id)!;
        c.info(`将并入已有楼宇“${target.name}”（${reasonsText(best)}），本行所填字段将更新该楼宇`);
        if (target.status !== 'active') c.warn(null, `已有楼宇“${target.name}”已归档，导入后仍为归档状态`);
      } else if (best) {
        c.warn(
          null,
          `可能与已有楼宇“${existingById.get(best.id)!.name}”重复（相似度 ${Math.round(best.score * 100)}%：${reasonsText(best)}），将作为新楼宇导入；如为同一楼宇，请将名称改为与已有楼宇一致`,
        );
      }
      action = targetId ? 'attach' : 'create';
      if (!c.hasError && streetCode && address && grade && use) {
        storedB = {
          row: r.number,
          key,
          action: targetId ? 'attach' : 'create',
          targetId,
          values: {
            name,
            streetCode,
            address,
            grade,
            use,
            floorsAbove,
            floorsBelow,
            grossArea,
            completedYear,
            developer,
            propertyManager,
            contactName,
            contactPhone,
            lat: lat !== null && lng !== null ? lat : null,
            lng: lat !== null && lng !== null ? lng : null,
            tags,
            description,
          },
        };
        stored.buildings.push(storedB);
      }
      if (!earlier) fileBuildings.set(key, { row: r.number, stored: storedB, floorsAbove });
    }
    rows.push({
      sheet: 'buildings',
      row: r.number,
      status: statusOf(c),
      action,
      label,
      issues: c.issues,
      values: c.values,
      ...(duplicates?.length ? { duplicates } : {}),
    });
  }

  // ——— 房源 ———
  const sSheet = mapped.find((m) => m.kind === 'spaces');
  interface Pending {
    c: RowCollector;
    rowIndex: number;
    row: number;
    ref: { id: string } | { key: string } | null;
    refLabel: string;
    values: SpaceValues | null;
  }
  const pending: Pending[] = [];
  for (const r of sSheet?.sheet.rows ?? []) {
    const c = new RowCollector(sSheet!, r.cells);
    const nameCell = cellText(c.cell('buildingName'));
    if (nameCell.ok && nameCell.value.startsWith(EXAMPLE_PREFIX)) {
      rows.push({
        sheet: 'spaces',
        row: r.number,
        status: 'skipped',
        action: null,
        label: nameCell.value,
        issues: [{ column: null, level: 'info', message: '示例行，已跳过' }],
      });
      continue;
    }
    const buildingName = c.take('buildingName', textParser(100, '楼宇名称'), true);
    const floor = c.take('floor', parseFloor, true);
    const unit = c.take('unit', textParser(40, '房号'), true);
    const area = c.take('area', parseArea, true);
    const unitCell = c.cell('rentUnit');
    const rent = c.take(
      'rent',
      (cell) => parseRent(cell, isBlankCell(unitCell) ? (sSheet!.rentUnitHint ?? undefined) : unitCell),
      false,
    );
    if (rent === null && !isBlankCell(unitCell) && isBlankCell(c.cell('rent')))
      c.warn('rentUnit', '填写了租金单位但租金为空，按面议导入');
    const status = c.take('status', parseSpaceStatus, false);
    const decoration = c.take('decoration', parseDecoration, false);
    const availableFrom = c.take('availableFrom', parseDate, false);
    const orientation = c.take('orientation', textParser(20, '朝向'), false);
    const description = c.take('description', textParser(1000, '房源说明'), false);
    if (isBlankCell(c.cell('status'))) c.values[c.header('status')] = '（未填，新房源按“待租”）';

    let ref: Pending['ref'] = null;
    let refLabel = buildingName ?? '';
    if (buildingName !== null) {
      const key = buildingNameKey(buildingName);
      const inFile = fileBuildings.get(key);
      if (inFile) {
        ref = inFile.stored?.targetId ? { id: inFile.stored.targetId } : { key };
        if (!inFile.stored) c.error('buildingName', `所属楼宇（第 ${inFile.row} 行）有错误，请先修正楼宇行`);
        if (inFile.floorsAbove !== null && floor !== null && floor > inFile.floorsAbove)
          c.warn('floor', `楼层 ${floor} 高于楼宇地上层数 ${inFile.floorsAbove}`);
      } else {
        const same = index.byNameKey.get(key) ?? [];
        const exact = same.filter((b) => foldName(b.name) === foldName(buildingName));
        const hits = exact.length > 0 ? exact : same;
        if (hits.length === 1) {
          ref = { id: hits[0]!.id };
          refLabel = hits[0]!.name;
          if (hits[0]!.floorsAbove !== null && floor !== null && floor > hits[0]!.floorsAbove!)
            c.warn('floor', `楼层 ${floor} 高于楼宇地上层数 ${hits[0]!.floorsAbove}`);
          if (hits[0]!.status !== 'active') c.warn('buildingName', `楼宇“${hits[0]!.name}”已归档`);
        } else if (hits.length > 1) {
          c.error(
            'buildingName',
            `系统中有 ${hits.length} 个名称相同的楼宇“${buildingName}”，请在“楼宇”表中补充该楼宇（含地址）以确定是哪一个`,
          );
        } else {
          c.error(
            'buildingName',
            `楼宇“${buildingName}”不在系统中，也不在本文件的“楼宇”表中；请先在“楼宇”表中添加该楼宇，或检查名称`,
          );
        }
      }
    }
    const values: SpaceValues | null =
      floor !== null && unit !== null && area !== null
        ? {
            floor,
            unit,
            area,
            rentAmount: rent?.amount ?? null,
            rentUnit: rent?.unit ?? null,
            rentMonthly: rent ? Math.round(rent.monthly * 100) / 100 : null,
            status,
            decoration,
            availableFrom,
            orientation,
            description,
          }
        : null;
    rows.push({
      sheet: 'spaces',
      row: r.number,
      status: 'ok',
      action: null,
      label:
        floor !== null && unit !== null
          ? `${refLabel ? `${refLabel} ` : ''}${spaceLabel(floor, unit)}`
          : refLabel || `第 ${r.number} 行`,
      issues: c.issues,
      values: c.values,
    });
    pending.push({ c, rowIndex: rows.length - 1, row: r.number, ref, refLabel, values });
  }

  // Space duplicates: within the file, then against the existing spaces of each building.
  const refKey = (ref: { id: string } | { key: string }) =>
    'id' in ref ? `id:${ref.id}` : `file:${ref.key}`;
  const comparable = pending.filter((p) => p.ref && p.values);
  const within = duplicateSpacesWithin(
    comparable.map((p) => ({ buildingId: refKey(p.ref!), floor: p.values!.floor, unit: p.values!.unit })),
  );
  for (const [i, earlier] of within) {
    const p = comparable[i]!;
    p.c.error(
      'unit',
      `与第 ${earlier.map((j) => comparable[j]!.row).join('、')} 行房源重复（同一楼宇、楼层、房号）`,
    );
    rows[p.rowIndex]!.duplicates = earlier.map((j) => ({
      id: null,
      label: `第 ${comparable[j]!.row} 行`,
      score: 1,
      reasons: ['同一楼宇、楼层、房号'],
    }));
  }
  const buildingIds = [...new Set(comparable.flatMap((p) => ('id' in p.ref! ? [p.ref!.id] : [])))];
  const spacesByBuilding = new Map<string, SpaceLike[]>();
  for (let i = 0; i < buildingIds.length; i += 500) {
    const part = buildingIds.slice(i, i + 500);
    const found = await db
      .selectFrom('buildingSpaces')
      .select(['id', 'buildingId', 'floor', 'unit'])
      .where('buildingId', 'in', part)
      .execute();
    for (const s of found) push(spacesByBuilding, s.buildingId, { ...s, floor: Number(s.floor) });
  }
  for (const p of pending) {
    const row = rows[p.rowIndex]!;
    let action: ImportAction | null = null;
    if (p.ref && p.values) {
      action = 'create';
      if ('id' in p.ref) {
        const same = findDuplicateSpaces(
          { buildingId: p.ref.id, floor: p.values.floor, unit: p.values.unit },
          spacesByBuilding.get(p.ref.id) ?? [],
        );
        if (same.length > 0) {
          action = 'update';
          const s = (spacesByBuilding.get(p.ref.id) ?? []).find((x) => x.id === same[0]!.id)!;
          p.c.info(`更新已有房源（${p.refLabel} ${spaceLabel(s.floor, s.unit)}）：本行所填字段将覆盖原值`);
          row.duplicates = [
            ...(row.duplicates ?? []),
            ...same.map((m) => ({
              id: m.id,
              label: `${p.refLabel} ${spaceLabel(s.floor, s.unit)}`,
              score: 1,
              reasons: m.reasons.map((x) => x.message),
            })),
          ];
        }
      }
      if (!p.c.hasError) stored.spaces.push({ row: p.row, building: p.ref, action, values: p.values });
    }
    row.status = statusOf(p.c);
    row.action = action;
  }

  rows.sort((a, b) => (a.sheet === b.sheet ? a.row - b.row : a.sheet === 'buildings' ? -1 : 1));
  const summary = summaryOf(rows, stored);
  const report: StoredReport = {
    fileName,
    sheets: mapped.map((m) => ({
      name: m.sheet.name,
      kind: m.kind,
      rows: m.sheet.rows.length,
      ignoredColumns: m.ignored,
    })),
    summary,
    canCommit: summary.withErrors === 0 && summary.rows - summary.skipped > 0,
    rows,
  };
  return { report, stored };
}

function reasonsText(m: DuplicateMatch): string {
  return m.reasons.map((r) => r.message).join('；') || `相似度 ${Math.round(m.score * 100)}%`;
}

function toDuplicate(m: DuplicateMatch, b: ExistingBuilding) {
  return { id: m.id, label: b.name, score: m.score, reasons: m.reasons.map((r) => r.message) };
}

/** The POST answer: every row's status and issues, values only where they help (issues, duplicates, first rows). */
export function compactReport(report: StoredReport): ImportReport {
  return {
    ...report,
    rows: report.rows.map((r, i) => {
      const keep =
        i < VALUES_FOR_FIRST_ROWS || r.status === 'error' || r.status === 'warning' || !!r.duplicates;
      if (keep) return r;
      const { values: _values, ...rest } = r;
      return rest;
    }),
  };
}

// ——— the service ———

export interface ImportLimits {
  maxBytes: number;
  maxRows: number;
}

export class BuildingImportService {
  /** What an import needs of the platform (the CLI builds just this). */
  constructor(
    private readonly platform: Pick<Platform, 'config' | 'database' | 'clock' | 'audit' | 'search'>,
  ) {}

  get limits(): ImportLimits {
    return {
      maxBytes: this.platform.config.buildings.importMaxBytes,
      maxRows: this.platform.config.buildings.importMaxRows,
    };
  }

  /** Read, check and store a preview. */
  async preview(ctx: RequestContext, fileName: string, data: Buffer): Promise<ImportPreview> {
    const sheets = await readXlsx(data, this.limits, (name) => !/^(说明|填写说明)$/.test(foldName(name)));
    const db = this.platform.database.db;
    const { report, stored } = await buildPreview(db, fileName, sheets);
    if (report.summary.rows === 0)
      throw new AppError('BUILDING_IMPORT_EMPTY', '文件中没有数据行：请在“楼宇”或“房源”表第 2 行起填写');
    const now = this.platform.clock.now().toISOString();
    const id = newId(this.platform.clock.now().getTime());
    const sha256 = createHash('sha256').update(data).digest('hex');
    await db.transaction().execute(async (trx) => {
      await trx
        .insertInto('buildingImports')
        .values({
          id,
          uploadedBy: ctx.principal!.userId,
          fileName,
          sha256,
          status: 'previewed',
          report: toJson(report),
          rows: toJson(stored),
          createdAt: now,
          committedAt: null,
        })
        .execute();
      await this.platform.audit.write(trx, ctx, {
        action: 'building.import_preview',
        objectType: 'building_import',
        objectId: id,
        details: { fileName, sha256, size: data.length, ...report.summary },
      });
    });
    return { importId: id, status: 'previewed', createdAt: now, report: compactReport(report) };
  }

  private async load(ctx: RequestContext, id: string, trx: DB = this.platform.database.db) {
    const row = await trx.selectFrom('buildingImports').selectAll().where('id', '=', id).executeTakeFirst();
    // Another editor's upload is outside the caller's scope.
    if (!row || row.uploadedBy !== ctx.principal!.userId) throw notFound('导入批次');
    return row;
  }

  /** The stored preview (compact rows). */
  async get(ctx: RequestContext, id: string): Promise<ImportPreview> {
    const row = await this.load(ctx, id);
    const report = fromJson<StoredReport>(row.report, null as never);
    return {
      importId: row.id,
      status: row.status as ImportPreview['status'],
      createdAt: row.createdAt,
      report: compactReport(report),
    };
  }

  /** A page of the report's rows with their normalised values. */
  async rows(
    ctx: RequestContext,
    id: string,
    q: { sheet?: ImportSheet; status?: ImportRow['status']; page: number; pageSize: number },
  ) {
    const row = await this.load(ctx, id);
    const report = fromJson<StoredReport>(row.report, null as never);
    const all = report.rows.filter(
      (r) => (!q.sheet || r.sheet === q.sheet) && (!q.status || r.status === q.status),
    );
    const start = (q.page - 1) * q.pageSize;
    return {
      items: all.slice(start, start + q.pageSize),
      total: all.length,
      page: q.page,
      pageSize: q.pageSize,
    };
  }

  /** All-or-nothing commit of a clean preview. */
  async commit(ctx: RequestContext, id: string): Promise<ImportCommitResult> {
    const { db } = this.platform.database;
    const clock = this.platform.clock;
    const now = clock.now().toISOString();
    const today = shanghaiToday(clock.now());
    const userId = ctx.principal!.userId;
    return db.transaction().execute(async (trx) => {
      const row = await this.load(ctx, id, trx);
      if (row.status !== 'previewed')
        throw new AppError(
          'BUILDING_IMPORT_NOT_PREVIEWED',
          `该导入批次已${row.status === 'committed' ? '提交' : '作废'}，不能重复提交`,
        );
      const report = fromJson<StoredReport>(row.report, null as never);
      if (report.summary.withErrors > 0)
        throw new AppError(
          'BUILDING_IMPORT_HAS_ERRORS',
          `导入预览中有 ${report.summary.withErrors} 行错误，请修改文件后重新上传；本次未导入任何数据`,
          { withErrors: report.summary.withErrors },
        );
      if (!report.canCommit)
        throw new AppError('BUILDING_IMPORT_EMPTY', '该导入批次没有可导入的数据行（示例行不会导入）');
      // Claim the import first: a second commit running concurrently finds it no longer previewed.
      const claimed = await trx
        .updateTable('buildingImports')
        .set({ status: 'committed', committedAt: now })
        .where('id', '=', id)
        .where('status', '=', 'previewed')
        .executeTakeFirst();
      if (Number(claimed.numUpdatedRows) !== 1)
        throw new AppError('BUILDING_IMPORT_NOT_PREVIEWED', '该导入批次已提交，不能重复提交');
      const stored = fromJson<StoredRows>(row.rows, { buildings: [], spaces: [] });
      const sourceNote = `表格导入：${row.fileName}`.slice(0, 200);

      // Buildings: new ones inserted, attached ones updated with the cells the row filled.
      const idByKey = new Map<string, string>();
      const created: string[] = [];
      const touched = new Set<string>();
      const inserts: Insertable<BuildingTable>[] = [];
      for (const b of stored.buildings) {
        const v = b.values;
        if (b.action === 'attach' && b.targetId) {
          idByKey.set(b.key, b.targetId);
          touched.add(b.targetId);
          const set: Partial<BuildingTable> = {
            name: v.name,
            streetCode: v.streetCode,
            address: v.address,
            grade: v.grade,
            use: v.use,
            source: 'import',
            sourceNote,
            lastVerifiedOn: today,
            updatedBy: userId,
            updatedAt: now,
          };
          for (const k of [
            'floorsAbove',
            'floorsBelow',
            'grossArea',
            'completedYear',
            'developer',
            'propertyManager',
            'contactName',
            'contactPhone',
            'lat',
            'lng',
            'description',
          ] as const) {
            if (v[k] !== null) (set as Record<string, unknown>)[k] = v[k];
          }
          if (v.tags !== null) set.tags = toJson(v.tags);
          await trx.updateTable('buildings').set(set).where('id', '=', b.targetId).execute();
          continue;
        }
        const newIdValue = newId(clock.now().getTime());
        idByKey.set(b.key, newIdValue);
        created.push(newIdValue);
        touched.add(newIdValue);
        inserts.push({
          id: newIdValue,
          name: v.name,
          streetCode: v.streetCode,
          address: v.address,
          lat: v.lat,
          lng: v.lng,
          grade: v.grade,
          use: v.use,
          floorsAbove: v.floorsAbove,
          floorsBelow: v.floorsBelow,
          grossArea: v.grossArea,
          completedYear: v.completedYear,
          developer: v.developer,
          propertyManager: v.propertyManager,
          contactName: v.contactName,
          contactPhone: v.contactPhone,
          description: v.description ?? '',
          tags: toJson(v.tags ?? []),
          source: 'import',
          sourceNote,
          lastVerifiedOn: today,
          status: 'active',
          // Derived columns: refreshBuildingDerived below computes them.
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
          createdBy: userId,
          updatedBy: userId,
          createdAt: now,
          updatedAt: now,
        });
      }
      for (let i = 0; i < inserts.length; i += CHUNK)
        await trx
          .insertInto('buildings')
          .values(inserts.slice(i, i + CHUNK))
          .execute();

      // Spaces: matched again by (building, floor, unit key) now, inside the transaction.
      const resolved = stored.spaces.map((s) => ({
        s,
        buildingId: 'id' in s.building ? s.building.id : idByKey.get(s.building.key)!,
      }));
      const existingIds = [...new Set(resolved.map((r) => r.buildingId))].filter(
        (bid) => !created.includes(bid),
      );
      const existingSpaces = new Map<string, string>();
      for (let i = 0; i < existingIds.length; i += 500) {
        const found = await trx
          .selectFrom('buildingSpaces')
          .select(['id', 'buildingId', 'floor', 'unitKey'])
          .where('buildingId', 'in', existingIds.slice(i, i + 500))
          .execute();
        for (const f of found)
          existingSpaces.set(`${f.buildingId}\u0000${Number(f.floor)}\u0000${f.unitKey}`, f.id);
      }
      let newSpaces = 0;
      let updatedSpaces = 0;
      const spaceInserts: Insertable<BuildingSpaceTable>[] = [];
      for (const { s, buildingId } of resolved) {
        const v = s.values;
        const key = unitKey(v.unit);
        touched.add(buildingId);
        const existingId = existingSpaces.get(`${buildingId}\u0000${v.floor}\u0000${key}`);
        if (existingId) {
          const set: Partial<BuildingSpaceTable> = {
            unit: v.unit,
            area: v.area,
            source: 'import',
            lastVerifiedOn: today,
            updatedAt: now,
          };
          if (v.rentAmount !== null) {
            set.rentAmount = v.rentAmount;
            set.rentUnit = v.rentUnit;
            set.rentMonthly = v.rentMonthly;
          }
          if (v.status !== null) set.status = v.status;
          if (v.decoration !== null) set.decoration = v.decoration;
          if (v.availableFrom !== null) set.availableFrom = v.availableFrom;
          if (v.orientation !== null) set.orientation = v.orientation;
          if (v.description !== null) set.description = v.description;
          await trx.updateTable('buildingSpaces').set(set).where('id', '=', existingId).execute();
          updatedSpaces++;
          continue;
        }
        spaceInserts.push({
          id: newId(clock.now().getTime()),
          buildingId,
          floor: v.floor,
          unit: v.unit,
          unitKey: key,
          area: v.area,
          rentAmount: v.rentAmount,
          rentUnit: v.rentUnit,
          rentMonthly: v.rentMonthly,
          status: v.status ?? 'vacant',
          decoration: v.decoration,
          availableFrom: v.availableFrom,
          orientation: v.orientation,
          description: v.description ?? '',
          source: 'import',
          lastVerifiedOn: today,
          createdAt: now,
          updatedAt: now,
        });
        newSpaces++;
      }
      for (let i = 0; i < spaceInserts.length; i += CHUNK)
        await trx
          .insertInto('buildingSpaces')
          .values(spaceInserts.slice(i, i + CHUNK))
          .execute();

      const ids = [...created, ...[...touched].filter((x) => !created.includes(x))];
      await refreshBuildingDerived(trx, ids, now);
      await indexBuildings(trx, this.platform.search, ids);
      const summary: ImportSummary = {
        ...report.summary,
        newBuildings: created.length,
        updatedBuildings: stored.buildings.length - created.length,
        newSpaces,
        updatedSpaces,
      };
      await this.platform.audit.write(trx, ctx, {
        action: 'building.import_commit',
        objectType: 'building_import',
        objectId: id,
        details: {
          fileName: row.fileName,
          sha256: row.sha256,
          newBuildings: summary.newBuildings,
          updatedBuildings: summary.updatedBuildings,
          newSpaces,
          updatedSpaces,
        },
      });
      return { importId: id, status: 'committed' as const, summary, buildingIds: ids };
    });
  }
}

/** Labels used by the export too (code → Chinese). */
export const LABELS = {
  grade: BUILDING_GRADE_LABELS as Record<string, string>,
  use: BUILDING_USE_LABELS as Record<string, string>,
  status: SPACE_STATUS_LABELS as Record<string, string>,
  decoration: DECORATION_LABELS as Record<string, string>,
};
