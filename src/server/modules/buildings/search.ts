import { type RawBuilder, sql } from 'kysely';
import { monthlyRent } from '../../../shared/buildings';
import type { BuildingManageQuery, BuildingSearchQuery, BuildingSort } from '../../../shared/buildings-api';
import type { DB } from '../../db/database';
import { type Dialect, type FullTextQuery, fullTextMatches, likeEscape, likePattern } from '../../db/dialect';
import { shanghaiDate } from '../../platform/calendar/workdays';
import type { Clock } from '../../platform/clock';
import { fieldError } from '../../platform/errors';
import { findMatches, highlight, markAll } from '../../platform/text/highlight';
import { parseQuery } from '../../platform/text/segment';
import { BUILDING_SCOPE } from './derived';
import { type CardRow, cardQuery, coverPhotos, staleCutoff, toCard } from './present';

/**
 * Building search (SPEC §2.5): the keyword goes to the platform's Chinese full-text index (entries of scope
 * `building`, written by derived.ts indexBuildings), every other condition is SQL on `buildings` and, for area and
 * rent, an EXISTS on its VACANT spaces (`rent_monthly`, 元/㎡·月; a day rate bound is converted with monthlyRent
 * first). Relevance: the name holds the query (2), the address/street/tags line does (1), the rest (description,
 * the enterprises inside) (0); heat breaks ties. The index answers a keyword with every matching building (a
 * district has a few thousand), the SQL then filters, orders and pages them.
 */

export interface SearchDeps {
  db: DB;
  dialect: Dialect;
  clock: Clock;
  staleDays: number;
  /** Street code → name (the district's streets, cached by the service). */
  streets(): Promise<Map<string, string>>;
}

const term = (token: string, prefix = false): FullTextQuery => ({ term: token, prefix });
const and = (parts: FullTextQuery[]): FullTextQuery => (parts.length === 1 ? parts[0]! : { and: parts });

export class BuildingSearch {
  constructor(private readonly c: SearchDeps) {}

  /** The public search (active buildings) or, with `manage`, the editor's list. */
  async search(q: BuildingSearchQuery | BuildingManageQuery, manage = false) {
    const now = this.c.clock.now();
    const today = shanghaiDate(now);
    const staleBefore = staleCutoff(today, this.c.staleDays);
    const keyword = q.q?.trim() ?? '';
    const sort: BuildingSort = q.sort ?? (keyword ? 'relevance' : 'heat');
    const conds = await this.conditions(q, manage, staleBefore);
    const offset = (q.page - 1) * q.pageSize;
    const { db } = this.c;

    if (!keyword) {
      const where = conds.length ? sql.join(conds, sql` and `) : sql`1 = 1`;
      const [page, count] = await Promise.all([
        sql<{ id: string }>`select b.id from buildings b where ${where}
          order by ${orderOf(sort)} limit ${q.pageSize} offset ${offset}`.execute(db),
        sql<{ n: number }>`select count(*) as n from buildings b where ${where}`.execute(db),
      ]);
      const ids = page.rows.map((r) => r.id);
      const items = await this.cards(ids, now, staleBefore, null);
      return { items, total: Number(count.rows[0]?.n ?? 0), page: q.page, pageSize: q.pageSize, terms: [] };
    }

    const parsed = parseQuery(keyword);
    const terms = parsed.highlightTerms;
    if (!parsed.runs.length) return { items: [], total: 0, page: q.page, pageSize: q.pageSize, terms };
    // One statement: the keyword is a sub-query on the platform index (the building's entry holds every run of the
    // query), the filters and the order are SQL; relevance asks the title and the summary the same.
    const { dialect } = this.c;
    const all = and(parsed.runs.map((r) => and(r.required.map((t) => term(t.token, t.prefix)))));
    const tags = term(`s_${BUILDING_SCOPE}`);
    conds.push(sql<boolean>`e.row_id in (select m.row_id from ${fullTextMatches(dialect, { tags, all })} m)`);
    const where = sql.join(conds, sql` and `);
    const from = sql`buildings b inner join search_entries e on e.entity_id = b.id and e.scope = ${BUILDING_SCOPE}`;
    const tier = (field: 'title' | 'summary') =>
      sql`e.row_id in (select m.row_id from ${fullTextMatches(dialect, { tags, head: { field, query: all } })} m)`;
    const order =
      sort === 'relevance'
        ? sql`(case when ${tier('title')} then 2 when ${tier('summary')} then 1 else 0 end) desc, b.heat_sort_key desc, b.id desc`
        : orderOf(sort);
    const page = await sql<{ id: string }>`select b.id from ${from} where ${where}
      order by ${order} limit ${q.pageSize} offset ${offset}`.execute(db);
    const total =
      offset === 0 && page.rows.length < q.pageSize
        ? page.rows.length
        : Number(
            (await sql<{ n: number }>`select count(*) as n from ${from} where ${where}`.execute(db)).rows[0]
              ?.n ?? 0,
          );
    const items = await this.cards(
      page.rows.map((r) => r.id),
      now,
      staleBefore,
      terms,
    );
    return { items, total, page: q.page, pageSize: q.pageSize, terms };
  }

  /** Cards of these buildings in this order (with highlights when terms are given). */
  async cards(ids: readonly string[], now: Date, staleBefore: string, terms: string[] | null) {
    if (!ids.length) return [];
    const [rows, covers, highlights] = await Promise.all([
      cardQuery(this.c.db)
        .where('b.id', 'in', [...ids])
        .execute(),
      coverPhotos(this.c.db, ids),
      terms ? this.highlights(ids, terms) : undefined,
    ]);
    const byId = new Map(rows.map((r) => [r.id, r as CardRow]));
    return ids
      .map((id) => byId.get(id))
      .filter((r): r is CardRow => !!r)
      .map((r) => toCard(r, { now, staleBefore, covers, highlights }));
  }

  private async highlights(ids: readonly string[], terms: string[]) {
    const rows = await this.c.db
      .selectFrom('searchEntries')
      .select(['entityId', 'title', 'summary', 'body'])
      .where('scope', '=', BUILDING_SCOPE)
      .where('entityId', 'in', [...ids])
      .execute();
    const out = new Map<string, { nameHtml: string; snippet: string }>();
    for (const r of rows) {
      const source =
        r.summary && findMatches(r.summary, terms).length > 0 ? r.summary : r.body || r.summary || '';
      out.set(r.entityId, { nameHtml: markAll(r.title, terms), snippet: highlight(source, terms, 120) });
    }
    return out;
  }

  /** The SQL conditions of the filters (raw, over `buildings b`). */
  private async conditions(
    q: BuildingSearchQuery | BuildingManageQuery,
    manage: boolean,
    staleBefore: string,
  ): Promise<RawBuilder<boolean>[]> {
    const conds: RawBuilder<boolean>[] = [];
    const status = manage ? ((q as BuildingManageQuery).status ?? 'all') : 'active';
    if (status !== 'all') conds.push(sql<boolean>`b.status = ${status}`);
    if (manage && (q as BuildingManageQuery).stale) {
      conds.push(sql<boolean>`(b.last_verified_on is null or b.last_verified_on < ${staleBefore})`);
    }
    if (q.street?.length) {
      const streets = await this.c.streets();
      const unknown = q.street.filter((s) => !streets.has(s));
      if (unknown.length)
        throw fieldError('street', 'UNKNOWN_STREET', `街道代码不在本区街道列表中：${unknown.join('、')}`);
      conds.push(sql<boolean>`b.street_code in (${sql.join(q.street)})`);
    }
    if (q.grade?.length) conds.push(sql<boolean>`b.grade in (${sql.join(q.grade)})`);
    if (q.use?.length) conds.push(sql<boolean>`b.use in (${sql.join(q.use)})`);
    if (q.taxFlag) conds.push(sql<boolean>`b.tax_flag = ${q.taxFlag}`);
    if (q.vacantNow) conds.push(sql<boolean>`b.vacant_count > 0`);
    if (q.tags?.length) {
      // tags is a JSON array of strings (text on SQLite, jsonb on PostgreSQL); both print it as ["a", "b"].
      const one = q.tags.map(
        (t) => sql<boolean>`cast(b.tags as text) like ${likePattern(JSON.stringify(t))} escape ${likeEscape}`,
      );
      conds.push(sql<boolean>`(${sql.join(one, sql` or `)})`);
    }

    const { areaMin, areaMax } = q;
    const rentMin = q.rentMin !== undefined ? monthlyRent(q.rentMin, q.rentUnit) : undefined;
    const rentMax = q.rentMax !== undefined ? monthlyRent(q.rentMax, q.rentUnit) : undefined;
    if (areaMin !== undefined && areaMax !== undefined && areaMin > areaMax) {
      throw fieldError('areaMax', 'VALIDATION_FAILED', '面积上限不能小于下限');
    }
    if (rentMin !== undefined && rentMax !== undefined && rentMin > rentMax) {
      throw fieldError('rentMax', 'VALIDATION_FAILED', '租金上限不能小于下限');
    }
    if (areaMin !== undefined || areaMax !== undefined || rentMin !== undefined || rentMax !== undefined) {
      // The building's vacant ranges prune first (columns of the row); a vacant space in every range decides.
      const space: RawBuilder<boolean>[] = [sql<boolean>`sp.status = 'vacant'`];
      if (areaMin !== undefined) {
        conds.push(sql<boolean>`b.max_vacant_area >= ${areaMin}`);
        space.push(sql<boolean>`sp.area >= ${areaMin}`);
      }
      if (areaMax !== undefined) {
        conds.push(sql<boolean>`b.min_vacant_area <= ${areaMax}`);
        space.push(sql<boolean>`sp.area <= ${areaMax}`);
      }
      if (rentMin !== undefined) {
        conds.push(sql<boolean>`b.max_rent_monthly >= ${rentMin}`);
        space.push(sql<boolean>`sp.rent_monthly >= ${rentMin}`);
      }
      if (rentMax !== undefined) {
        conds.push(sql<boolean>`b.min_rent_monthly <= ${rentMax}`);
        space.push(sql<boolean>`sp.rent_monthly <= ${rentMax}`);
      }
      // Driven from the spaces (index status, rent_monthly, area, building_id): one range scan of the vacant
      // spaces in the rent range, instead of one probe per building (2 ms against 12 at 5,000 × 20, SQLite).
      // With one bound the building's own range answers exactly (max vacant rent ≥ rentMin means a vacant space
      // is); two bounds may be met by different spaces, so the spaces decide.
      if (space.length > 2) {
        conds.push(
          sql<boolean>`b.id in (select sp.building_id from building_spaces sp where ${sql.join(space, sql` and `)})`,
        );
      }
    }
    return conds;
  }
}

/** ORDER BY of a sort (ties broken by id, so pages never overlap). */
function orderOf(sort: BuildingSort) {
  switch (sort) {
    case 'rent_asc':
      return sql`(b.min_rent_monthly is null), b.min_rent_monthly asc, b.heat_sort_key desc, b.id desc`;
    case 'rent_desc':
      return sql`(b.max_rent_monthly is null), b.max_rent_monthly desc, b.heat_sort_key desc, b.id desc`;
    case 'area_asc':
      return sql`(b.min_vacant_area is null), b.min_vacant_area asc, b.heat_sort_key desc, b.id desc`;
    case 'area_desc':
      return sql`(b.max_vacant_area is null), b.max_vacant_area desc, b.heat_sort_key desc, b.id desc`;
    case 'vacancy_desc':
      return sql`b.vacancy_rate desc, b.heat_sort_key desc, b.id desc`;
    default:
      return sql`b.heat_sort_key desc, b.id desc`;
  }
}
