import { dice } from './normalize';

/**
 * Likely duplicates for the spreadsheet import preview (SPEC §2.5): a new row against existing records. Pure; the
 * caller loads the candidates (for buildings: the whole district is a few hundred rows, so all of them).
 *
 * Building score — a noisy-OR of three independent signals, each in [0, 1]:
 *
 *   score = 1 − (1 − 0.9·name) · (1 − 0.7·address) · (1 − 0.6·near)
 *
 *   name     Dice coefficient of character bigrams of the name keys (see `buildingNameKey`)
 *   address  when both addresses have a road and house number: 1 if they are the same, else 0;
 *            otherwise the Dice coefficient of the address keys
 *   near     1 within N metres, falling linearly to 0 at 2N (d the distance, N `nearMetres`, default 100)
 *
 * So identical names alone give 0.9, an identical address alone 0.7, the same spot alone 0.6, and any two strong
 * signals pass 0.95. Pairs at or above `threshold` (default 0.6) are reported with the reasons that contributed.
 */

export interface BuildingLike {
  id: string;
  name: string;
  address?: string | null;
  /** WGS-84 or GCJ-02 — any system, as long as both sides use the same. */
  lat?: number | null;
  lng?: number | null;
}

export type DuplicateReason =
  | { kind: 'name'; similarity: number; message: string }
  | { kind: 'address'; similarity: number; message: string }
  | { kind: 'distance'; metres: number; message: string }
  | { kind: 'space'; message: string };

export interface DuplicateMatch {
  id: string;
  /** 0..1 */
  score: number;
  reasons: DuplicateReason[];
}

export interface BuildingDuplicateOptions {
  threshold?: number;
  nearMetres?: number;
}

const GENERIC_WORDS = /大厦|中心|广场|大楼|写字楼|商务楼|办公楼|大廈|大樓|楼宇/g;
const REGION_PREFIX = /^(山东省)?(青岛市)?(市南区)?/;

/** Full-width folded, lower case, no spaces or punctuation (brackets included, their content kept). */
function fold(s: string): string {
  return s
    .normalize('NFKC')
    .toLowerCase()
    .replace(/[\s()[\]【】《》<>"'“”‘’·.,，、:;!?\-_/\\~]/g, '');
}

/**
 * The comparable core of a building name: "青岛 华润大厦（A座）" → "华润a座". Generic words (大厦, 中心, 广场, 大楼,
 * 写字楼 …) and the region prefix carry no identity; if stripping them leaves nothing, the folded name is kept.
 */
export function buildingNameKey(name: string): string {
  const folded = fold(name).replace(REGION_PREFIX, '');
  const core = folded.replace(GENERIC_WORDS, '');
  return core === '' ? folded : core;
}

/** Folded address without the province/city/district prefix: "市南区 香港中路１０号" → "香港中路10号". */
export function addressKey(address: string): string {
  return fold(address).replace(REGION_PREFIX, '');
}

/**
 * "香港中路10号" → "香港中路#10": the road and house number, the part of an address that identifies a building.
 * A suffix (10号甲, 10甲号, 10-1号) is part of the number: 10号甲 is another building than 10号.
 */
function roadAndNumber(key: string): string | null {
  const m = key.match(/([^\d]+?(?:路|街|道|巷|大道))(\d+(?:-\d+)?[甲乙丙丁]?)号([甲乙丙丁]|之\d+)?/);
  return m ? `${m[1]}#${m[2]}${m[3] ?? ''}` : null;
}

/** Great-circle distance in metres (haversine, mean Earth radius). */
export function distanceMetres(aLat: number, aLng: number, bLat: number, bLng: number): number {
  const rad = Math.PI / 180;
  const dLat = (bLat - aLat) * rad;
  const dLng = (bLng - aLng) * rad;
  const h = Math.sin(dLat / 2) ** 2 + Math.cos(aLat * rad) * Math.cos(bLat * rad) * Math.sin(dLng / 2) ** 2;
  return 2 * 6_371_008.8 * Math.asin(Math.min(1, Math.sqrt(h)));
}

const round3 = (n: number) => Math.round(n * 1000) / 1000;
const pct = (n: number) => `${Math.round(n * 100)}%`;

/** Score one pair of buildings; see the module comment for the formula. */
export function compareBuildings(
  a: Omit<BuildingLike, 'id'>,
  b: Omit<BuildingLike, 'id'>,
  nearMetres = 100,
): { score: number; reasons: DuplicateReason[] } {
  const reasons: DuplicateReason[] = [];
  const name = dice(buildingNameKey(a.name), buildingNameKey(b.name));
  if (name >= 0.5) {
    reasons.push({
      kind: 'name',
      similarity: round3(name),
      message: name === 1 ? `名称相同（${b.name}）` : `名称相似 ${pct(name)}（${b.name}）`,
    });
  }
  let address = 0;
  if (a.address && b.address) {
    const ka = addressKey(a.address);
    const kb = addressKey(b.address);
    const ra = roadAndNumber(ka);
    const rb = roadAndNumber(kb);
    // Two parsed house numbers decide alone: 香港中路10号 and 香港中路12号 share most characters but not a building.
    address = ra !== null && rb !== null ? (ra === rb ? 1 : 0) : dice(ka, kb);
    if (address >= 0.5) {
      reasons.push({
        kind: 'address',
        similarity: round3(address),
        message: address === 1 ? `地址相同（${b.address}）` : `地址相似 ${pct(address)}（${b.address}）`,
      });
    }
  }
  let near = 0;
  if (a.lat != null && a.lng != null && b.lat != null && b.lng != null) {
    const d = distanceMetres(a.lat, a.lng, b.lat, b.lng);
    near = d <= nearMetres ? 1 : Math.max(0, 2 - d / nearMetres);
    if (d <= nearMetres) {
      reasons.push({ kind: 'distance', metres: Math.round(d), message: `坐标相距约 ${Math.round(d)} 米` });
    }
  }
  const score = 1 - (1 - 0.9 * name) * (1 - 0.7 * address) * (1 - 0.6 * near);
  return { score: round3(score), reasons };
}

/** Existing buildings that the candidate probably duplicates, best first. */
export function findDuplicateBuildings(
  candidate: Omit<BuildingLike, 'id'>,
  existing: readonly BuildingLike[],
  options: BuildingDuplicateOptions = {},
): DuplicateMatch[] {
  const threshold = options.threshold ?? 0.6;
  return existing
    .map((b) => ({ id: b.id, ...compareBuildings(candidate, b, options.nearMetres) }))
    .filter((m) => m.score >= threshold)
    .sort((x, y) => y.score - x.score || x.id.localeCompare(y.id));
}

// ——— spaces ———

export interface SpaceLike {
  id: string;
  buildingId: string;
  floor: number;
  unit: string;
}

/**
 * The comparable form of a unit number: "1201室" / "１２０１" / "1201 单元" / "#1201" / "12-01" all → "1201";
 * letters upper-cased ("a座1201" → "A座1201").
 */
export function unitKey(unit: string): string {
  return unit
    .normalize('NFKC')
    .toUpperCase()
    .replace(/[\s#\-_/()]/g, '')
    .replace(/(室|单元|号房|号|房间|房)$/, '');
}

/** A space duplicates another when building, floor and unit number are the same (score 1, one reason). */
export function findDuplicateSpaces(
  candidate: Omit<SpaceLike, 'id'>,
  existing: readonly SpaceLike[],
): DuplicateMatch[] {
  const key = unitKey(candidate.unit);
  return existing
    .filter(
      (s) => s.buildingId === candidate.buildingId && s.floor === candidate.floor && unitKey(s.unit) === key,
    )
    .map((s) => ({
      id: s.id,
      score: 1,
      reasons: [{ kind: 'space' as const, message: `同一楼宇 ${s.floor} 层已有房号 ${s.unit}` }],
    }));
}

/**
 * Duplicates inside one uploaded file: for each row index, the earlier row indexes with the same building, floor
 * and unit. Lets the preview say "与第 3 行重复" before anything touches the database.
 */
export function duplicateSpacesWithin(rows: readonly Omit<SpaceLike, 'id'>[]): Map<number, number[]> {
  const seen = new Map<string, number[]>();
  const out = new Map<number, number[]>();
  rows.forEach((r, i) => {
    const k = `${r.buildingId}\u0000${r.floor}\u0000${unitKey(r.unit)}`;
    const earlier = seen.get(k) ?? [];
    if (earlier.length > 0) out.set(i, [...earlier]);
    seen.set(k, [...earlier, i]);
  });
  return out;
}
