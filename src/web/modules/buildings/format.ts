import { RENT_DAYS_PER_MONTH, type RentUnit } from '../../../shared/buildings';

/**
 * Pure display helpers of the buildings pages: rents in both units, ranges, rates, the stale badge and the colours
 * of the generated illustration. The API gives rents in 元/㎡·月 (the unit searches compare); a day rate is
 * monthly / (365 / 12), the way landlords here bill.
 */

/** A monthly rent (元/㎡·月) expressed in `unit`. */
export function rentIn(monthly: number, unit: RentUnit): number {
  return unit === 'yuan_per_sqm_day' ? monthly / RENT_DAYS_PER_MONTH : monthly;
}

const dayFormat = new Intl.NumberFormat('en-US', { minimumFractionDigits: 2, maximumFractionDigits: 2 });
const monthFormat = new Intl.NumberFormat('en-US', { minimumFractionDigits: 0, maximumFractionDigits: 1 });
const areaFormat = new Intl.NumberFormat('en-US', { maximumFractionDigits: 1 });

/** A rent figure as people quote it: day rates with two decimals (3.50), month rates with at most one (106.5). */
export function formatRent(value: number, unit: RentUnit): string {
  return unit === 'yuan_per_sqm_day' ? dayFormat.format(value) : monthFormat.format(value);
}

/** An area in ㎡ with thousands separators ("1,200"). */
export function formatArea(area: number): string {
  return areaFormat.format(area);
}

/** "a–b", "a" when both ends are equal or one is missing, null when there is nothing to show. */
export function formatRange(
  min: number | null | undefined,
  max: number | null | undefined,
  format: (v: number) => string,
): string | null {
  const lo = min ?? max;
  const hi = max ?? min;
  if (lo === null || lo === undefined || hi === null || hi === undefined) return null;
  const a = format(lo);
  const b = format(hi);
  return a === b ? a : `${a}–${b}`;
}

/** The monthly range of a building or space in the given unit, or null when the rent is not known. */
export function rentRange(
  minMonthly: number | null | undefined,
  maxMonthly: number | null | undefined,
  unit: RentUnit,
): string | null {
  const conv = (v: number | null | undefined) => (v === null || v === undefined ? v : rentIn(v, unit));
  return formatRange(conv(minMonthly), conv(maxMonthly), (v) => formatRent(v, unit));
}

/** A rate 0…1 as a percentage with at most one decimal ("12.5"), without the sign. */
export function formatPercent(rate: number | null | undefined): string | null {
  if (rate === null || rate === undefined || !Number.isFinite(rate)) return null;
  return areaFormat.format(Math.round(rate * 1000) / 10);
}

export type StaleState = { kind: 'fresh'; verifiedOn: string } | { kind: 'stale'; verifiedOn: string | null };

/**
 * What the 待核实 badge says: the server decides staleness (config staleDays); a record never verified is stale
 * whatever the flag, since nobody has vouched for it.
 */
export function staleState(stale: boolean, lastVerifiedOn: string | null | undefined): StaleState {
  if (!lastVerifiedOn) return { kind: 'stale', verifiedOn: null };
  return stale
    ? { kind: 'stale', verifiedOn: lastVerifiedOn }
    : { kind: 'fresh', verifiedOn: lastVerifiedOn };
}

/** FNV-1a over the UTF-16 code units: a small stable hash so the same name always gets the same picture. */
export function hashName(name: string): number {
  let h = 0x811c9dc5;
  for (let i = 0; i < name.length; i++) {
    h ^= name.charCodeAt(i);
    h = Math.imul(h, 0x01000193);
  }
  return h >>> 0;
}

/** Hues chosen to sit well with the portal's blue: sea, teal, slate, indigo, ochre, rose, pine, plum. */
const HUES = [205, 188, 215, 232, 36, 350, 160, 280] as const;

export interface IllustrationPalette {
  skyTop: string;
  skyBottom: string;
  tower: string;
  towerShade: string;
  window: string;
  ground: string;
  /** Heights of the three towers, 0.35…1 of the drawing height. */
  heights: [number, number, number];
}

/** The colours and skyline of the illustration shown when a building has no photo, derived from its name. */
export function illustrationPalette(name: string): IllustrationPalette {
  const h = hashName(name.trim());
  const hue = HUES[h % HUES.length]!;
  const height = (shift: number) => 0.35 + (((h >>> shift) & 0xff) / 255) * 0.65;
  return {
    skyTop: `hsl(${hue}, 55%, 88%)`,
    skyBottom: `hsl(${hue}, 45%, 96%)`,
    tower: `hsl(${hue}, 38%, 42%)`,
    towerShade: `hsl(${hue}, 40%, 32%)`,
    window: `hsl(${(hue + 25) % 360}, 70%, 86%)`,
    ground: `hsl(${hue}, 25%, 78%)`,
    heights: [height(3), Math.max(height(11), 0.7), height(19)],
  };
}
