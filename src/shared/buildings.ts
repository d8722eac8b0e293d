/**
 * Enums of the buildings module (SPEC §2.5, 楼宇资源) with their Chinese labels, shared by the API, the import
 * preview and the web forms. Codes are stable English identifiers; labels are what people read and type.
 */

/** 楼宇等级 */
export const BUILDING_GRADES = ['super_a', 'a', 'b', 'c'] as const;
export type BuildingGrade = (typeof BUILDING_GRADES)[number];
export const BUILDING_GRADE_LABELS: Record<BuildingGrade, string> = {
  super_a: '超甲级',
  a: '甲级',
  b: '乙级',
  c: '丙级',
};

/** 楼宇用途 */
export const BUILDING_USES = [
  'office',
  'commercial_complex',
  'industrial_park',
  'incubator',
  'business_apartment',
  'other',
] as const;
export type BuildingUse = (typeof BUILDING_USES)[number];
export const BUILDING_USE_LABELS: Record<BuildingUse, string> = {
  office: '写字楼',
  commercial_complex: '商业综合体',
  industrial_park: '产业园',
  incubator: '孵化器/众创空间',
  business_apartment: '商务公寓',
  other: '其他',
};

/** 房源状态: 待租 (vacant) → 已预订 (reserved, a deal is being signed) → 已出租 (leased). */
export const SPACE_STATUSES = ['vacant', 'reserved', 'leased'] as const;
export type SpaceStatus = (typeof SPACE_STATUSES)[number];
export const SPACE_STATUS_LABELS: Record<SpaceStatus, string> = {
  vacant: '待租',
  reserved: '已预订',
  leased: '已出租',
};

/** 装修情况 */
export const DECORATIONS = ['bare', 'basic', 'fine', 'luxury'] as const;
export type Decoration = (typeof DECORATIONS)[number];
export const DECORATION_LABELS: Record<Decoration, string> = {
  bare: '毛坯',
  basic: '简装',
  fine: '精装',
  luxury: '豪华装修',
};

/** 租金单位. Both are per ㎡ of leasable area; the unit a record was entered in is stored as entered. */
export const RENT_UNITS = ['yuan_per_sqm_day', 'yuan_per_sqm_month'] as const;
export type RentUnit = (typeof RENT_UNITS)[number];
export const RENT_UNIT_LABELS: Record<RentUnit, string> = {
  yuan_per_sqm_day: '元/㎡·天',
  yuan_per_sqm_month: '元/㎡·月',
};

/**
 * Days in an average month for converting a day rate to a month rate: 365 / 12 ≈ 30.42. Landlords in 青岛 quote
 * office rent per day and compute the monthly bill as day rate × 365 / 12 (not × 30), so this is the factor that
 * makes "3.5元/㎡·天" and "106.46元/㎡·月" compare as the same rent.
 */
export const RENT_DAYS_PER_MONTH = 365 / 12;

/** A rent in 元/㎡·月, the unit every search and sort compares in. */
export function monthlyRent(amount: number, unit: RentUnit): number {
  return unit === 'yuan_per_sqm_day' ? amount * RENT_DAYS_PER_MONTH : amount;
}

/** Common building tags (free tags are allowed too). */
export const SUGGESTED_BUILDING_TAGS = ['金融楼宇', '特色楼宇', '总部楼宇', '科技楼宇', '文旅楼宇'] as const;

/** Yearly tax revenue thresholds in 万元 for the derived flags 亿元楼 (≥ 1 亿元) and 千万元楼 (≥ 1000 万元). */
export const TAX_FLAG_THRESHOLDS_WAN = { yiYuan: 10_000, qianWanYuan: 1_000 } as const;
export type TaxFlag = 'yi_yuan' | 'qian_wan_yuan';
export const TAX_FLAG_LABELS: Record<TaxFlag, string> = { yi_yuan: '亿元楼', qian_wan_yuan: '千万元楼' };

/** The derived tax flag of a building from the yearly tax of the enterprises inside (万元); null if below or unknown. */
export function taxFlag(yearlyTaxWan: number | null | undefined): TaxFlag | null {
  if (yearlyTaxWan === null || yearlyTaxWan === undefined) return null;
  if (yearlyTaxWan >= TAX_FLAG_THRESHOLDS_WAN.yiYuan) return 'yi_yuan';
  if (yearlyTaxWan >= TAX_FLAG_THRESHOLDS_WAN.qianWanYuan) return 'qian_wan_yuan';
  return null;
}
