import {
  RENT_DAYS_PER_MONTH,
  type RentUnit,
  type SpaceStatus,
  type TaxFlag,
} from '../../../shared/buildings';
import type { BuildingCard, ProjectStatus, Space, ViewingStatus } from '../../../shared/buildings-api';
import type { DB } from '../../db/database';
import { fromJson } from '../../db/dialect';
import type { BuildingSpaceTable } from '../../db/schema';
import { currentHeat } from './heat';

/** Shaping rows into API objects: cards, spaces, masked phones, photo URLs. */

export const PHOTO_URL_PREFIX = '/api/v1/buildings/photos/';
export const photoUrl = (photoId: string) => `${PHOTO_URL_PREFIX}${photoId}`;

const round2 = (v: number) => Math.round(v * 100) / 100;
export const dailyOf = (monthly: number) => round2(monthly / RENT_DAYS_PER_MONTH);

/** The columns a card needs (selected by cardQuery). */
export interface CardRow {
  id: string;
  name: string;
  streetCode: string;
  streetName: string | null;
  address: string;
  grade: string;
  use: string;
  tags: unknown;
  lat: number | null;
  lng: number | null;
  spaceCount: number;
  vacantCount: number;
  vacantArea: number;
  minVacantArea: number | null;
  maxVacantArea: number | null;
  minRentMonthly: number | null;
  maxRentMonthly: number | null;
  vacancyRate: number;
  taxFlag: string | null;
  lastVerifiedOn: string | null;
  status: string;
  heatScore: number | null;
  heatLastAt: string | null;
}

/** The card columns of `buildings as b` joined with its street and heat. */
export function cardQuery(db: DB) {
  return db
    .selectFrom('buildings as b')
    .leftJoin('streets as s', 's.code', 'b.streetCode')
    .leftJoin('buildingHeat as h', 'h.buildingId', 'b.id')
    .select([
      'b.id',
      'b.name',
      'b.streetCode',
      's.name as streetName',
      'b.address',
      'b.grade',
      'b.use',
      'b.tags',
      'b.lat',
      'b.lng',
      'b.spaceCount',
      'b.vacantCount',
      'b.vacantArea',
      'b.minVacantArea',
      'b.maxVacantArea',
      'b.minRentMonthly',
      'b.maxRentMonthly',
      'b.vacancyRate',
      'b.taxFlag',
      'b.lastVerifiedOn',
      'b.status',
      'h.score as heatScore',
      'h.lastAt as heatLastAt',
    ]);
}

/** The last day a record counts as verified recently: verified before it (or never) is stale. */
export function staleCutoff(today: string, staleDays: number): string {
  const d = new Date(`${today}T00:00:00Z`);
  d.setUTCDate(d.getUTCDate() - staleDays);
  return d.toISOString().slice(0, 10);
}

export interface CardContext {
  now: Date;
  staleBefore: string;
  covers: Map<string, string>;
  highlights?: Map<string, { nameHtml: string; snippet: string }>;
}

const n = (v: unknown) => Number(v ?? 0);
const nn = (v: unknown) => (v === null || v === undefined ? null : Number(v));

export function toCard(r: CardRow, c: CardContext): BuildingCard {
  const minRent = nn(r.minRentMonthly);
  const maxRent = nn(r.maxRentMonthly);
  const minArea = nn(r.minVacantArea);
  const maxArea = nn(r.maxVacantArea);
  const heat =
    r.heatScore != null && r.heatLastAt
      ? currentHeat({ score: Number(r.heatScore), lastAt: r.heatLastAt }, c.now)
      : 0;
  return {
    id: r.id,
    name: r.name,
    street: { code: r.streetCode, name: r.streetName ?? r.streetCode },
    address: r.address,
    grade: r.grade,
    use: r.use,
    tags: fromJson<string[]>(r.tags, []),
    lat: nn(r.lat),
    lng: nn(r.lng),
    spaceCount: n(r.spaceCount),
    vacantCount: n(r.vacantCount),
    vacantAreaTotal: round2(n(r.vacantArea)),
    vacantArea: minArea !== null && maxArea !== null ? { min: minArea, max: maxArea } : null,
    rentMonthly: minRent !== null && maxRent !== null ? { min: round2(minRent), max: round2(maxRent) } : null,
    rentDaily: minRent !== null && maxRent !== null ? { min: dailyOf(minRent), max: dailyOf(maxRent) } : null,
    vacancyRate: n(r.vacancyRate),
    taxFlag: (r.taxFlag as TaxFlag | null) ?? null,
    heat: Math.round(heat * 100) / 100,
    coverPhotoUrl: c.covers.has(r.id) ? photoUrl(c.covers.get(r.id)!) : null,
    stale: r.lastVerifiedOn === null || r.lastVerifiedOn < c.staleBefore,
    lastVerifiedOn: r.lastVerifiedOn,
    status: r.status,
    highlight: c.highlights?.get(r.id) ?? null,
  };
}

/** The first photo (by sort order) of each building: its photo id. */
export async function coverPhotos(db: DB, buildingIds: readonly string[]): Promise<Map<string, string>> {
  if (!buildingIds.length) return new Map();
  const rows = await db
    .selectFrom('buildingPhotos')
    .select(['id', 'buildingId', 'sortOrder', 'createdAt'])
    .where('buildingId', 'in', [...buildingIds])
    .orderBy('sortOrder')
    .orderBy('createdAt')
    .orderBy('id')
    .execute();
  const out = new Map<string, string>();
  for (const r of rows) if (!out.has(r.buildingId)) out.set(r.buildingId, r.id);
  return out;
}

export function toSpace(r: BuildingSpaceTable): Space {
  const monthly = nn(r.rentMonthly);
  return {
    id: r.id,
    buildingId: r.buildingId,
    floor: Number(r.floor),
    unit: r.unit,
    area: Number(r.area),
    rentAmount: nn(r.rentAmount),
    rentUnit: (r.rentUnit as RentUnit | null) ?? null,
    rentMonthly: monthly === null ? null : round2(monthly),
    rentDaily: monthly === null ? null : dailyOf(monthly),
    status: r.status as SpaceStatus,
    decoration: r.decoration,
    availableFrom: r.availableFrom,
    orientation: r.orientation,
    description: r.description,
    source: r.source,
    lastVerifiedOn: r.lastVerifiedOn,
    updatedAt: r.updatedAt,
  };
}

export const spaceLabel = (floor: number, unit: string) =>
  `${floor < 0 ? `B${-floor}` : `${floor}`}层 ${unit}`;

export type { ProjectStatus, ViewingStatus };
