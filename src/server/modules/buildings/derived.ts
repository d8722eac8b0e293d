import {
  BUILDING_GRADE_LABELS,
  BUILDING_USE_LABELS,
  type BuildingGrade,
  type BuildingUse,
  TAX_FLAG_LABELS,
  type TaxFlag,
  taxFlag,
} from '../../../shared/buildings';
import type { DB } from '../../db/database';
import { fromJson } from '../../db/dialect';
import type { SearchIndex } from '../../platform/text/search-index';

/** The search scope of buildings in the platform index. */
export const BUILDING_SCOPE = 'building';

/** Ids per statement (SQLite binds at most 32,766 parameters; PostgreSQL 65,535). */
const CHUNK = 500;

function chunks<T>(items: readonly T[], size = CHUNK): T[][] {
  const out: T[][] = [];
  for (let i = 0; i < items.length; i += size) out.push(items.slice(i, i + size));
  return out;
}

const num = (v: unknown): number | null => (v === null || v === undefined ? null : Number(v));
const round2 = (v: number): number => Math.round(v * 100) / 100;

/**
 * Recompute the derived columns of these buildings from their spaces and current occupants (SPEC §2.5): counts,
 * leasable and vacant area, vacancy rate, rent and area ranges of the VACANT spaces (rent in 元/㎡·月), and the yearly
 * tax of the current occupants linked to the enterprise library (each enterprise once, its latest year with a
 * figure, 万元) with the derived flag 亿元楼 / 千万元楼. Call it in the transaction that changed spaces or occupants.
 * `now` is an ISO instant: occupants whose move-out date is after its day still count.
 */
export async function refreshBuildingDerived(trx: DB, buildingIds: string[], now: string): Promise<void> {
  const ids = [...new Set(buildingIds)];
  const today = now.slice(0, 10);
  for (const part of chunks(ids)) {
    const spaceRows = await trx
      .selectFrom('buildingSpaces')
      .where('buildingId', 'in', part)
      .groupBy('buildingId')
      .select((eb) => [
        'buildingId',
        eb.fn.countAll<number>().as('spaceCount'),
        eb.fn.sum<number>(eb.case().when('status', '=', 'vacant').then(1).else(0).end()).as('vacantCount'),
        eb.fn.sum<number>('area').as('leasableArea'),
        eb.fn
          .sum<number>(eb.case().when('status', '=', 'vacant').then(eb.ref('area')).else(0).end())
          .as('vacantArea'),
        eb.fn
          .min<number | null>(eb.case().when('status', '=', 'vacant').then(eb.ref('rentMonthly')).end())
          .as('minRent'),
        eb.fn
          .max<number | null>(eb.case().when('status', '=', 'vacant').then(eb.ref('rentMonthly')).end())
          .as('maxRent'),
        eb.fn
          .min<number | null>(eb.case().when('status', '=', 'vacant').then(eb.ref('area')).end())
          .as('minArea'),
        eb.fn
          .max<number | null>(eb.case().when('status', '=', 'vacant').then(eb.ref('area')).end())
          .as('maxArea'),
      ])
      .execute();
    const spaces = new Map(spaceRows.map((r) => [r.buildingId, r]));

    const taxRows = await trx
      .selectFrom('buildingOccupants as o')
      .innerJoin('enterpriseYearly as y', 'y.enterpriseId', 'o.enterpriseId')
      .where('o.buildingId', 'in', part)
      .where((eb) => eb.or([eb('o.movedOutOn', 'is', null), eb('o.movedOutOn', '>', today)]))
      .where('y.taxPaid', 'is not', null)
      .select(['o.buildingId', 'o.enterpriseId', 'y.year', 'y.taxPaid'])
      .execute();
    // Per building, per enterprise: the latest year with a figure.
    const latest = new Map<string, Map<string, { year: number; tax: number }>>();
    for (const r of taxRows) {
      if (!r.enterpriseId) continue;
      let perEnterprise = latest.get(r.buildingId);
      if (!perEnterprise) {
        perEnterprise = new Map();
        latest.set(r.buildingId, perEnterprise);
      }
      const seen = perEnterprise.get(r.enterpriseId);
      const year = Number(r.year);
      if (!seen || year > seen.year) perEnterprise.set(r.enterpriseId, { year, tax: Number(r.taxPaid) });
    }

    for (const id of part) {
      const s = spaces.get(id);
      const spaceCount = Number(s?.spaceCount ?? 0);
      const leasableArea = round2(Number(s?.leasableArea ?? 0));
      const vacantArea = round2(Number(s?.vacantArea ?? 0));
      const perEnterprise = latest.get(id);
      const tax = perEnterprise
        ? round2([...perEnterprise.values()].reduce((sum, x) => sum + x.tax, 0))
        : null;
      await trx
        .updateTable('buildings')
        .set({
          spaceCount,
          vacantCount: Number(s?.vacantCount ?? 0),
          leasableArea,
          vacantArea,
          vacancyRate: leasableArea > 0 ? Math.round((vacantArea / leasableArea) * 10_000) / 10_000 : 0,
          minRentMonthly: num(s?.minRent),
          maxRentMonthly: num(s?.maxRent),
          minVacantArea: num(s?.minArea),
          maxVacantArea: num(s?.maxArea),
          occupantTaxWan: tax,
          taxFlag: taxFlag(tax),
        })
        .where('id', '=', id)
        .execute();
    }
  }
}

/**
 * Write the search entries (scope `building`) of these buildings: name as title; address, street, grade, use and
 * tags as summary; description, the tax flag and the names of the enterprises inside as body (so 海岳云 finds its
 * building). Filters: street, grade, use, tag, taxFlag. Archived or missing buildings leave the index.
 */
export async function indexBuildings(trx: DB, search: SearchIndex, ids: string[]): Promise<void> {
  for (const part of chunks([...new Set(ids)])) {
    const rows = await trx
      .selectFrom('buildings as b')
      .leftJoin('streets as s', 's.code', 'b.streetCode')
      .where('b.id', 'in', part)
      .select([
        'b.id',
        'b.name',
        'b.address',
        'b.streetCode',
        's.name as streetName',
        'b.grade',
        'b.use',
        'b.tags',
        'b.description',
        'b.taxFlag',
        'b.status',
        'b.propertyManager',
        'b.developer',
      ])
      .execute();
    const occupants = await trx
      .selectFrom('buildingOccupants as o')
      .leftJoin('enterprises as e', 'e.id', 'o.enterpriseId')
      .where('o.buildingId', 'in', part)
      .where('o.movedOutOn', 'is', null)
      .select(['o.buildingId', 'o.enterpriseName', 'e.name as libraryName'])
      .execute();
    const namesOf = new Map<string, Set<string>>();
    for (const o of occupants) {
      let names = namesOf.get(o.buildingId);
      if (!names) {
        names = new Set();
        namesOf.set(o.buildingId, names);
      }
      names.add(o.libraryName ?? o.enterpriseName);
      if (o.libraryName && o.libraryName !== o.enterpriseName) names.add(o.enterpriseName);
    }
    const found = new Set(rows.map((r) => r.id));
    for (const id of part) if (!found.has(id)) await search.remove(trx, BUILDING_SCOPE, id);
    for (const b of rows) {
      if (b.status !== 'active') {
        await search.remove(trx, BUILDING_SCOPE, b.id);
        continue;
      }
      const tags = fromJson<string[]>(b.tags, []);
      const grade = BUILDING_GRADE_LABELS[b.grade as BuildingGrade] ?? b.grade;
      const use = BUILDING_USE_LABELS[b.use as BuildingUse] ?? b.use;
      const flag = b.taxFlag ? TAX_FLAG_LABELS[b.taxFlag as TaxFlag] : null;
      await search.upsert(trx, {
        scope: BUILDING_SCOPE,
        id: b.id,
        title: b.name,
        summary: [b.address, b.streetName, grade, use, ...tags, flag].filter(Boolean).join(' · '),
        body: [
          b.description,
          b.propertyManager ? `物业：${b.propertyManager}` : '',
          b.developer ? `开发商：${b.developer}` : '',
          namesOf.get(b.id)?.size ? `入驻企业：${[...(namesOf.get(b.id) ?? [])].join('、')}` : '',
        ]
          .filter(Boolean)
          .join('\n'),
        filters: {
          street: b.streetCode,
          grade: b.grade,
          use: b.use,
          tag: tags,
          taxFlag: b.taxFlag,
        },
        boost: b.taxFlag === 'yi_yuan' ? 1 : 0,
      });
    }
  }
}
