import { type RawBuilder, sql } from 'kysely';
import { monthlyRent } from '../../../shared/buildings';
import type { BuildingManageQuery, BuildingSearchQuery, BuildingSort } from '../../../shared/buildings-api';
import type { DB } from '../../db/database';
import {
  type Dialect,
  type FullTextFilter,
  type FullTextQuery,
  fullTextMatches,
  fullTextRead,
  likeEscape,
  likePattern,
} from '../../db/dialect';
import { shanghaiDate } from '../../platform/calendar/workdays';
import type { Clock } from '../../platform/clock';
import { fieldError } from '../../platform/errors';
import { findMatches, highlight, markAll } from '../../platform/text/highlight';
import { parseQuery } from '../../platform/text/segment';
import { BUILDING_SCOPE } from './derived';
import { type CardRow, cardQuery, staleCutoff, toCard } from './present';

/**
 * Building search (SPEC §2.5): the keyword goes to the platform's Chinese full-text index (entries of scope
 * `building`, written by derived.ts indexBuildings), every other condition is SQL on `buildings` and, for area and
 * rent, an EXISTS on its VACANT spaces (`rent_monthly`, 元/㎡·月; a day rate bound is converted with monthlyRent
 * first). Relevance: the name holds the query (2), the address/street/tags line does (1), the rest (description,
 * the enterprises inside) (0); heat breaks ties. The index answers a keyword with the row ids of every matching
 * building (a district has a few thousand), each set asked once; the SQL then filters those, orders and pages them.
 * Without a keyword the list reads `buildings_search_idx` (migration 007). `bench/building-search.ts` measures it.
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
    const { db, dialect } = this.c;

    if (!keyword) {
      const where = conds.length ? sql.join(conds, sql` and `) : sql`1 = 1`;
      const from = sql`buildings b where ${where}`;
      if (sort === 'heat' || sort === 'relevance') {
        // Read off buildings_search_idx in its order: the page stops after pageSize entries; the count (only when
        // the page is full or past the end) reads the same index, never the rows.
        const page = await sql<{ id: string }>`select b.id from ${from}
          order by ${orderOf(sort)} limit ${q.pageSize} offset ${offset}`.execute(db);
        const ids = page.rows.map((r) => r.id);
        const total =
          offset === 0 && ids.length < q.pageSize
            ? ids.length
            : await this.count(sql`select b.id from ${from}`);
        const items = await this.cards(ids, now, staleBefore, null);
        return { items, total, page: q.page, pageSize: q.pageSize, terms: [] };
      }
      // Any other order sorts every match anyway: the total comes with the page (one pass, not two).
      const page = await sql<{
        id: string;
        total: number;
      }>`select b.id, count(*) over () as total from ${from}
        order by ${orderOf(sort)} limit ${q.pageSize} offset ${offset}`.execute(db);
      const total = await this.totalOf(page.rows, offset, sql`select b.id from ${from}`);
      const items = await this.cards(
        page.rows.map((r) => r.id),
        now,
        staleBefore,
        null,
      );
      return { items, total, page: q.page, pageSize: q.pageSize, terms: [] };
    }

    const parsed = parseQuery(keyword);
    const terms = parsed.highlightTerms;
    if (!parsed.runs.length) return { items: [], total: 0, page: q.page, pageSize: q.pageSize, terms };
    // The index is asked once per set (the matches; for relevance, those holding the query in the title and in the
    // summary): a few thousand row ids at most. The filters then run over those buildings only, with the planner's
    // own choices (the index's read settings on PostgreSQL forbid the index scans the join wants), and the order:
    // relevance in JS over the matching rows (tier, heat, id), any other order in SQL with the total in the same
    // pass. (Asking the index inside the ORDER BY's CASE, or in a WHERE the planner may evaluate per row, cost
    // seconds with area filters.) A district's buildings stay far below SQLite's 32,766 bound parameters.
    const all = and(parsed.runs.map((r) => and(r.required.map((t) => term(t.token, t.prefix)))));
    const tags = term(`s_${BUILDING_SCOPE}`);
    const relevance = sort === 'relevance';
    const sets = await fullTextRead(db, dialect, async (trx) => {
      const rowIds = async (f: FullTextFilter) =>
        (
          await sql<{ rowId: number }>`select x.row_id from ${fullTextMatches(dialect, f)} x`.execute(trx)
        ).rows.map((r) => Number(r.rowId));
      const matched = await rowIds({ tags, all });
      if (!relevance || !matched.length) return { matched, title: null, summary: null };
      const title = new Set(await rowIds({ tags, head: { field: 'title', query: all } }));
      const summary = new Set(await rowIds({ tags, head: { field: 'summary', query: all } }));
      return { matched, title, summary };
    });
    if (!sets.matched.length) return { items: [], total: 0, page: q.page, pageSize: q.pageSize, terms };
    conds.push(sql<boolean>`e.row_id in (${sql.join(sets.matched)})`);
    // `cross join` keeps SQLite's join order (PostgreSQL plans it as any inner join): the entries first, then their
    // buildings by id. Led by the buildings, SQLite probed every entry of the match list per building (5,000 × 2,000
    // index lookups, seconds).
    const from = sql`search_entries e cross join buildings b
      where b.id = e.entity_id and e.scope = ${BUILDING_SCOPE} and ${sql.join(conds, sql` and `)}`;
    let rows: { id: string }[];
    let total: number;
    if (relevance) {
      const found = await sql<{ id: string; rowId: number; heat: number }>`select b.id, e.row_id,
        b.heat_sort_key as heat from ${from}`.execute(db);
      const tier = (rowId: number) => (sets.title?.has(rowId) ? 2 : sets.summary?.has(rowId) ? 1 : 0);
      const ranked = found.rows.map((r) => ({ id: r.id, tier: tier(Number(r.rowId)), heat: Number(r.heat) }));
      ranked.sort((a, b) => b.tier - a.tier || b.heat - a.heat || (a.id < b.id ? 1 : a.id > b.id ? -1 : 0));
      rows = ranked.slice(offset, offset + q.pageSize);
      total = ranked.length;
    } else {
      const page = await sql<{
        id: string;
        total: number;
      }>`select b.id, count(*) over () as total from ${from}
        order by ${orderOf(sort)} limit ${q.pageSize} offset ${offset}`.execute(db);
      rows = page.rows;
      total = await this.totalOf(page.rows, offset, sql`select b.id from ${from}`);
    }
    const items = await this.cards(
      rows.map((r) => r.id),
      now,
      staleBefore,
      terms,
    );
    return { items, total, page: q.page, pageSize: q.pageSize, terms };
  }

  /** The number of rows of a `select b.id …` statement. */
  private async count(select: RawBuilder<unknown>, db: DB = this.c.db): Promise<number> {
    const r = await sql<{ n: number }>`select count(*) as n from (${select}) c`.execute(db);
    return Number(r.rows[0]?.n ?? 0);
  }

  /** The total carried by a page's rows (`count(*) over ()`); a page past the end carries none, so count then. */
  private async totalOf(
    rows: readonly { total: number }[],
    offset: number,
    select: RawBuilder<unknown>,
    db: DB = this.c.db,
  ): Promise<number> {
    if (rows.length) return Number(rows[0]!.total);
    return offset === 0 ? 0 : this.count(select, db);
  }

  /**
   * Cards of these buildings in this order, with highlights when terms are given: one statement (card columns, the
   * cover photo, and with terms the search entry's texts).
   */
  async cards(ids: readonly string[], now: Date, staleBefore: string, terms: string[] | null) {
    if (!ids.length) return [];
    const query = cardQuery(this.c.db)
      .select((eb) =>
        eb
          .selectFrom('buildingPhotos as p')
          .select('p.id')
          .whereRef('p.buildingId', '=', 'b.id')
          .orderBy('p.sortOrder')
          .orderBy('p.createdAt')
          .orderBy('p.id')
          .limit(1)
          .as('coverPhotoId'),
      )
      .where('b.id', 'in', [...ids]);
    const withTexts = terms
      ? query
          .leftJoin('searchEntries as e', (j) =>
            j.onRef('e.entityId', '=', 'b.id').on('e.scope', '=', BUILDING_SCOPE),
          )
          .select(['e.title as entryTitle', 'e.summary as entrySummary', 'e.body as entryBody'])
      : null;
    const rows: (CardRow & {
      coverPhotoId: string | null;
      entryTitle?: string | null;
      entrySummary?: string | null;
      entryBody?: string | null;
    })[] = withTexts ? await withTexts.execute() : await query.execute();
    const covers = new Map<string, string>();
    const highlights = terms ? new Map<string, { nameHtml: string; snippet: string }>() : undefined;
    for (const r of rows) {
      if (r.coverPhotoId) covers.set(r.id, r.coverPhotoId);
      if (highlights && terms && r.entryTitle != null) highlights.set(r.id, highlightOf(r, terms));
    }
    const byId = new Map(rows.map((r) => [r.id, r as CardRow]));
    return ids
      .map((id) => byId.get(id))
      .filter((r): r is CardRow => !!r)
      .map((r) => toCard(r, { now, staleBefore, covers, highlights }));
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
      // One probe per candidate building (building_spaces_building_idx: building_id, status, area, rent_monthly)
      // reading its few vacant spaces from the index, after the building's own range columns have pruned. With one
      // bound the building's own range answers exactly (max vacant rent ≥ rentMin means a vacant space is); two
      // bounds may be met by different spaces, so the spaces decide.
      if (space.length > 2) {
        conds.push(
          sql<boolean>`exists (select 1 from building_spaces sp where sp.building_id = b.id and ${sql.join(space, sql` and `)})`,
        );
      }
    }
    return conds;
  }
}

/** The name with the matches marked, and the best passage: the summary when it holds a match, else the body. */
function highlightOf(
  r: { entryTitle?: string | null; entrySummary?: string | null; entryBody?: string | null },
  terms: string[],
) {
  const summary = r.entrySummary ?? '';
  const source = summary && findMatches(summary, terms).length > 0 ? summary : r.entryBody || summary;
  return { nameHtml: markAll(r.entryTitle ?? '', terms), snippet: highlight(source, terms, 120) };
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
