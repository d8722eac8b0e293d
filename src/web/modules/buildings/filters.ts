import {
  BUILDING_GRADES,
  BUILDING_USES,
  type BuildingGrade,
  type BuildingUse,
  RENT_DAYS_PER_MONTH,
  RENT_UNITS,
  type RentUnit,
  type TaxFlag,
} from '../../../shared/buildings';
import type { Query } from '../../app/api';

/**
 * The search filters of the buildings pages, kept in the address bar (so a search can be bookmarked and shared)
 * and turned into the query of GET /buildings, /buildings/manage and /buildings/export.
 */

/** Mirrors src/shared/buildings-api.ts (a test holds them equal) without pulling zod into the portal bundle. */
export const BUILDING_SORTS = [
  'relevance',
  'heat',
  'rent_asc',
  'rent_desc',
  'area_asc',
  'area_desc',
  'vacancy_desc',
] as const;
export type BuildingSort = (typeof BUILDING_SORTS)[number];

/** Mirrors TAX_FLAGS of src/shared/buildings-api.ts (kept apart so the portal bundle carries no zod). */
export const TAX_FLAGS: readonly TaxFlag[] = ['yi_yuan', 'qian_wan_yuan'];

/** People here quote office rent per day; the form starts in that unit. */
export const DEFAULT_RENT_UNIT: RentUnit = 'yuan_per_sqm_day';

export const BUILDING_STATUS_FILTERS = ['active', 'archived'] as const;
export type BuildingStatusFilter = (typeof BUILDING_STATUS_FILTERS)[number];

export interface BuildingFilters {
  q: string;
  streets: string[];
  grade: BuildingGrade | undefined;
  use: BuildingUse | undefined;
  areaMin: number | undefined;
  areaMax: number | undefined;
  rentMin: number | undefined;
  rentMax: number | undefined;
  rentUnit: RentUnit;
  vacantNow: boolean;
  tags: string[];
  taxFlag: TaxFlag | undefined;
  sort: BuildingSort | undefined;
  /** Workbench only: records past their verification date. */
  stale: boolean;
  /** Workbench only: active or archived buildings (undefined: both). */
  status: BuildingStatusFilter | undefined;
  page: number;
}

export const EMPTY_FILTERS: BuildingFilters = {
  q: '',
  streets: [],
  grade: undefined,
  use: undefined,
  areaMin: undefined,
  areaMax: undefined,
  rentMin: undefined,
  rentMax: undefined,
  rentUnit: DEFAULT_RENT_UNIT,
  vacantNow: false,
  tags: [],
  taxFlag: undefined,
  sort: undefined,
  stale: false,
  status: undefined,
  page: 1,
};

function oneOf<T extends string>(values: readonly T[], v: string | null): T | undefined {
  return v !== null && (values as readonly string[]).includes(v) ? (v as T) : undefined;
}

function positive(v: string | null): number | undefined {
  if (v === null || v.trim() === '') return undefined;
  const n = Number(v);
  return Number.isFinite(n) && n >= 0 ? n : undefined;
}

function list(v: string | null): string[] {
  return (v ?? '')
    .split(',')
    .map((s) => s.trim())
    .filter(Boolean);
}

/** Reads the filters from the address bar; anything malformed (a hand-edited link) is simply ignored. */
export function filtersFromParams(params: URLSearchParams): BuildingFilters {
  const page = Math.floor(Number(params.get('page') ?? '1'));
  return {
    q: (params.get('q') ?? '').trim(),
    streets: list(params.get('street')),
    grade: oneOf(BUILDING_GRADES, params.get('grade')),
    use: oneOf(BUILDING_USES, params.get('use')),
    areaMin: positive(params.get('areaMin')),
    areaMax: positive(params.get('areaMax')),
    rentMin: positive(params.get('rentMin')),
    rentMax: positive(params.get('rentMax')),
    rentUnit: oneOf(RENT_UNITS, params.get('rentUnit')) ?? DEFAULT_RENT_UNIT,
    vacantNow: params.get('vacantNow') === '1',
    tags: list(params.get('tags')),
    taxFlag: oneOf(TAX_FLAGS, params.get('taxFlag')),
    sort: oneOf(BUILDING_SORTS, params.get('sort')),
    stale: params.get('stale') === '1',
    status: oneOf(BUILDING_STATUS_FILTERS, params.get('status')),
    page: Number.isFinite(page) && page >= 1 ? page : 1,
  };
}

/**
 * The filters as the API's query (also the address bar's): empty values left out, lists comma-joined, flags as
 * 1, the rent unit only when a rent bound is set. `page` 1 is left out.
 */
export function filtersToQuery(f: BuildingFilters): Record<string, string> {
  const q: Record<string, string> = {};
  if (f.q.trim()) q.q = f.q.trim();
  if (f.streets.length) q.street = f.streets.join(',');
  if (f.grade) q.grade = f.grade;
  if (f.use) q.use = f.use;
  if (f.areaMin !== undefined) q.areaMin = String(f.areaMin);
  if (f.areaMax !== undefined) q.areaMax = String(f.areaMax);
  if (f.rentMin !== undefined) q.rentMin = String(f.rentMin);
  if (f.rentMax !== undefined) q.rentMax = String(f.rentMax);
  if (f.rentMin !== undefined || f.rentMax !== undefined || f.rentUnit !== DEFAULT_RENT_UNIT) {
    q.rentUnit = f.rentUnit;
  }
  if (f.vacantNow) q.vacantNow = '1';
  if (f.tags.length) q.tags = f.tags.join(',');
  if (f.taxFlag) q.taxFlag = f.taxFlag;
  if (f.sort) q.sort = f.sort;
  if (f.stale) q.stale = '1';
  if (f.status) q.status = f.status;
  if (f.page > 1) q.page = String(f.page);
  return q;
}

/** The API query of a list page: the filters without the workbench-only flags when public. */
export function apiQuery(f: BuildingFilters, pageSize: number, scope: 'public' | 'manage'): Query {
  const q: Query = { ...filtersToQuery(f), page: f.page, pageSize };
  if (scope === 'public') {
    delete q.stale;
    delete q.status;
  }
  return q;
}

/** Whether any filter (not the keyword, sort or page) narrows the list: decides the 清除筛选 link. */
export function hasFilters(f: BuildingFilters): boolean {
  return (
    f.streets.length > 0 ||
    !!f.grade ||
    !!f.use ||
    f.areaMin !== undefined ||
    f.areaMax !== undefined ||
    f.rentMin !== undefined ||
    f.rentMax !== undefined ||
    f.vacantNow ||
    f.tags.length > 0 ||
    !!f.taxFlag ||
    f.stale ||
    !!f.status
  );
}

/** The same search with every narrowing filter removed (keyword and sort kept). */
export function clearFilters(f: BuildingFilters): BuildingFilters {
  return { ...EMPTY_FILTERS, q: f.q, sort: f.sort, rentUnit: f.rentUnit };
}

/**
 * A new bound typed in the other unit: switching 元/㎡·天 ↔ 元/㎡·月 converts the numbers already entered, so the
 * filter keeps meaning the same rent (3.5/天 becomes 106.46/月), rounded to what people type.
 */
export function switchRentUnit(f: BuildingFilters, unit: RentUnit): BuildingFilters {
  if (unit === f.rentUnit) return f;
  const factor = RENT_DAYS_PER_MONTH;
  const conv = (v: number | undefined) => {
    if (v === undefined) return v;
    const out = unit === 'yuan_per_sqm_month' ? v * factor : v / factor;
    return Math.round(out * 100) / 100;
  };
  return { ...f, rentUnit: unit, rentMin: conv(f.rentMin), rentMax: conv(f.rentMax), page: 1 };
}
