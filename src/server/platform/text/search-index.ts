import { createHash } from 'node:crypto';
import { type RawBuilder, sql } from 'kysely';
import type { DB } from '../../db/database';
import {
  type Dialect,
  deleteFullText,
  type FullTextDocument,
  type FullTextFilter,
  type FullTextQuery,
  fullTextMatches,
  fullTextRead,
  optimizeFullText,
  toJson,
  writeFullText,
} from '../../db/dialect';
import type { SearchEntryTable } from '../../db/schema';
import { isValidIsoDate, shanghaiDate } from '../calendar/workdays';
import type { Clock } from '../clock';
import { findMatches, highlight, markAll } from './highlight';
import { indexTokens, type ParsedQuery, parseQuery } from './segment';

/**
 * Chinese full-text search over anything a module makes findable (policy documents, interpretations, programs,
 * buildings, the appeals knowledge base), on SQLite and PostgreSQL through one API.
 *
 * Matching: every character bigram of every query run must be present (so 补贴 and 研发费 find what contains
 * them, wherever the segmenter put word boundaries). Ranking is by tiers, best first:
 *   5  the title contains the whole query, and its jieba words as words;
 *   4  the title contains the whole query;
 *   3  the summary contains the whole query;
 *   2  title or summary contain one of the query's runs (multi-run queries);
 *   1  the entry contains the query's jieba words as words (税收 in 税收优惠, not in 纳税收入);
 *   0  the entry contains the characters.
 * Within a tier the order is static: boost, then date (published, or indexed), newest first. That order is the
 * row id itself (see rowIdBase), so the index streams matches in it and a page stops after `limit` rows however
 * common the term: a two-character query matching most of the corpus costs what a rare one does. (A relevance
 * score such as BM25 has to visit every match to find the best twenty; at 20,000 documents that alone took
 * 5–8 ms for a common term, over the latency budget.)
 *
 * Conditions are index tags wherever possible, so that nothing but the index is read until the page is known:
 * scopes (left out when they cover every scope the index holds), filter values, and `w_none` on entries without a
 * window; a search for entries open on a date reads only the windows of its matches that have one (closedOn).
 * The total is the one count a full page needs. `bench/policy-search.ts` measures all this through the policies
 * route at 20,000 documents.
 */

export type FilterValue = string | number | boolean;

/** What a module hands the index for one of its records. */
export interface SearchEntry {
  /** Which kind of thing: `policy_document`, `interpretation`, `program`, `building`, `kb` … ([a-z][a-z0-9_]*). */
  scope: string;
  /** The record's id in its module. */
  id: string;
  title: string;
  summary?: string | null;
  /** Searchable text; the first MAX_BODY_CHARS characters are indexed and kept for snippets. */
  body?: string | null;
  /** Values a search can filter on by equality (an array: the entry has each of the values). */
  filters?: Record<string, FilterValue | readonly FilterValue[] | null | undefined>;
  /** Publication date (YYYY-MM-DD); orders equals newest first. Without it, the day of indexing. */
  publishedOn?: string | null;
  /** Open window (YYYY-MM-DD, inclusive; null = unbounded) for `openOn` searches. */
  windowStart?: string | null;
  windowEnd?: string | null;
  /** -3 … 3 (default 0): ranks the entry above (or below) entries that match as well. */
  boost?: number;
}

export interface SearchRequest {
  /** What the user typed; anything goes (quotes, operators, SQL): it is only ever tokenised. Blank lists all. */
  query: string;
  /** Only these scopes (default: all). */
  scopes?: readonly string[];
  /** Per name, the entry must have the value (or one of the values). */
  filters?: Record<string, FilterValue | readonly FilterValue[] | undefined>;
  /** Only entries whose window contains this date (YYYY-MM-DD). */
  openOn?: string;
  /** 1 … 100, default 20. */
  limit?: number;
  /** 0 … 10 000, default 0. */
  offset?: number;
  /** Snippet length in characters (default 120). */
  snippetLength?: number;
  /**
   * Count the matches up to this many (default: all of them). Past it the total is this number and `totalCapped`
   * is true, and the count stops reading there: counting every match of a common two-character term (补贴 is in
   * most policy documents) was the larger part of a search's cost.
   */
  countLimit?: number;
}

export interface SearchHit {
  scope: string;
  id: string;
  title: string;
  /** The title as HTML: escaped, matches in <mark>. */
  titleHtml: string;
  /** The best passage of summary or body as HTML: escaped, matches in <mark>, `…` where cut. */
  snippet: string;
  publishedOn: string | null;
  /** The tier (5 … 0, see the class comment): 4–5 title match, 3 summary, 2 partial, 1 words, 0 characters. */
  score: number;
}

export interface SearchResult {
  /** The number of matches; with `countLimit`, at most that many (see totalCapped). */
  total: number;
  /** More than `countLimit` entries match: `total` is the limit, not the count. */
  totalCapped: boolean;
  items: SearchHit[];
  /** The surfaces highlighted, for a client that marks text itself. */
  terms: string[];
}

/** Characters of body indexed and kept for snippets (a long regulation is found by its first 30 000 characters). */
export const MAX_BODY_CHARS = 30_000;
const MAX_TITLE_CHARS = 500;
const MAX_SUMMARY_CHARS = 4_000;
const SCOPE_PATTERN = /^[a-z][a-z0-9_]{0,39}$/;

// Row id layout (a safe integer in JS, a bigint in PostgreSQL): (boost + 4) · 2^40 + day · 2^24 + sequence.
const BOOST_UNIT = 2 ** 40;
const DAY_UNIT = 2 ** 24;
const MAX_DAY = 2 ** 16 - 1;

/** The first row id of the bucket of entries with this boost and rank date; ids within it count up. */
export function rowIdBase(boost: number, date: string): number {
  const [y, m, d] = date.split('-').map(Number) as [number, number, number];
  const day = Math.min(MAX_DAY, Math.max(0, Math.floor(Date.UTC(y, m - 1, d) / 86_400_000)));
  return (boost + 4) * BOOST_UNIT + day * DAY_UNIT;
}

function bucketOf(rowId: number): number {
  return rowId - (rowId % DAY_UNIT);
}

/** A filter value as an index token: hashed, so any name and value (Chinese, punctuation) becomes letters. */
function filterTag(name: string, value: FilterValue): string {
  return `f_${createHash('sha256')
    .update(`${name}\u0000${String(value)}`)
    .digest('hex')
    .slice(0, 16)}`;
}

const scopeTag = (scope: string) => `s_${scope}`;
/** The tag of entries without a window (open on any date); text tokens never contain `_`, so none is mistaken for it. */
const WINDOWLESS_TAG = 'w_none';
const NONE_CLOSED: readonly number[] = [];
/** The titles that hold the query, those with its words (tier 5) and those without (tier 4), newest first. */
interface TitleSplit {
  withWords: number[];
  without: number[];
}
/** Up to this many titles holding the query are split into tiers 5 and 4 here rather than by the index. */
const TITLE_SPLIT_MAX = 64;
/** The rows of `q`, stopping after the one past `cap` (none: all of them); enough to tell "more than cap". */
function upTo<Q extends { limit: (n: number) => Q }>(q: Q, cap: number): Q {
  return Number.isFinite(cap) ? q.limit(cap + 1) : q;
}
const term = (token: string, prefix = false): FullTextQuery => ({ term: token, prefix });
const and = (parts: FullTextQuery[]): FullTextQuery => (parts.length === 1 ? parts[0]! : { and: parts });
const or = (parts: FullTextQuery[]): FullTextQuery => (parts.length === 1 ? parts[0]! : { or: parts });

/** The entry `e`'s window (null ends are open) contains the date. */
function windowContains(date: string) {
  return sql<boolean>`((e.window_start is null or e.window_start <= ${date}) and (e.window_end is null or e.window_end >= ${date}))`;
}

function assertDate(value: string | null | undefined, what: string): void {
  if (value != null && !isValidIsoDate(value))
    throw new TypeError(`${what} must be YYYY-MM-DD, got ${value}`);
}

interface PageRow {
  rowId: number;
  score: number;
}

/** The search index of the platform; one per app, shared by modules (Platform.search). */
export class SearchIndex {
  constructor(
    private readonly db: DB,
    private readonly dialect: Dialect,
    private readonly clock: Clock,
  ) {}

  /**
   * Index (or re-index) one record, inside the transaction that changes it, so the index never disagrees with
   * what committed.
   */
  async upsert(trx: DB, entry: SearchEntry): Promise<void> {
    if (!SCOPE_PATTERN.test(entry.scope)) throw new TypeError(`invalid search scope ${entry.scope}`);
    if (!entry.id) throw new TypeError('a search entry needs an id');
    const boost = entry.boost ?? 0;
    if (!Number.isInteger(boost) || boost < -3 || boost > 3) throw new TypeError('boost must be -3 … 3');
    assertDate(entry.publishedOn, 'publishedOn');
    assertDate(entry.windowStart, 'windowStart');
    assertDate(entry.windowEnd, 'windowEnd');

    const title = entry.title.trim().slice(0, MAX_TITLE_CHARS);
    const summary = entry.summary?.trim().slice(0, MAX_SUMMARY_CHARS) || null;
    const body = (entry.body ?? '').slice(0, MAX_BODY_CHARS);
    const tags = [scopeTag(entry.scope)];
    if (entry.windowStart == null && entry.windowEnd == null) tags.push(WINDOWLESS_TAG);
    const filters: Record<string, FilterValue[]> = {};
    for (const [name, raw] of Object.entries(entry.filters ?? {})) {
      if (raw == null) continue;
      const values = (Array.isArray(raw) ? raw : [raw]) as FilterValue[];
      filters[name] = values;
      for (const v of values) tags.push(filterTag(name, v));
    }
    const doc: FullTextDocument = {
      title: [...indexTokens(title)],
      summary: [...indexTokens(summary)],
      body: [...indexTokens(body)],
      tags,
    };
    const now = this.clock.now();
    const values = {
      scope: entry.scope,
      entityId: entry.id,
      title,
      summary,
      publishedOn: entry.publishedOn ?? null,
      windowStart: entry.windowStart ?? null,
      windowEnd: entry.windowEnd ?? null,
      boost,
      filters: toJson(filters),
      updatedAt: now.toISOString(),
      body,
    };
    const base = rowIdBase(boost, entry.publishedOn ?? shanghaiDate(now));

    const existing = await trx
      .selectFrom('searchEntries')
      .select('rowId')
      .where('scope', '=', entry.scope)
      .where('entityId', '=', entry.id)
      .executeTakeFirst();
    let rowId: number;
    if (existing && bucketOf(existing.rowId) === base) {
      rowId = existing.rowId;
      await trx.updateTable('searchEntries').set(values).where('rowId', '=', rowId).execute();
    } else {
      // A new rank bucket means a new row id: the id is the rank order.
      if (existing) await this.deleteRow(trx, existing.rowId);
      rowId = await this.insertInBucket(trx, base, values);
    }
    await writeFullText(trx, this.dialect, rowId, doc);
  }

  /** Compact the index after a bulk load (import, rebuild); not inside a transaction. */
  async optimize(): Promise<void> {
    await optimizeFullText(this.db, this.dialect);
  }

  /** Remove one record from the index (nothing happens when it is not there). */
  async remove(trx: DB, scope: string, id: string): Promise<void> {
    const existing = await trx
      .selectFrom('searchEntries')
      .select('rowId')
      .where('scope', '=', scope)
      .where('entityId', '=', id)
      .executeTakeFirst();
    if (existing) await this.deleteRow(trx, existing.rowId);
  }

  private async deleteRow(trx: DB, rowId: number): Promise<void> {
    await deleteFullText(trx, this.dialect, rowId);
    await trx.deleteFrom('searchEntries').where('rowId', '=', rowId).execute();
  }

  /** The next free id of the bucket; two PostgreSQL writers racing for it both succeed, one on a retry. */
  private async insertInBucket(
    trx: DB,
    base: number,
    values: Omit<SearchEntryTable, 'rowId'>,
  ): Promise<number> {
    for (let attempt = 0; attempt < 20; attempt++) {
      const last = await trx
        .selectFrom('searchEntries')
        .select((eb) => eb.fn.max('rowId').as('maxId'))
        .where('rowId', '>=', base)
        .where('rowId', '<', base + DAY_UNIT)
        .executeTakeFirst();
      const candidate = last?.maxId != null ? Number(last.maxId) + 1 : base;
      if (candidate >= base + DAY_UNIT) throw new Error('search index bucket is full');
      const inserted = await trx
        .insertInto('searchEntries')
        .values({ rowId: candidate, ...values })
        .onConflict((oc) => oc.column('rowId').doNothing())
        .returning('rowId')
        .executeTakeFirst();
      if (inserted) return inserted.rowId;
    }
    throw new Error('search index: could not allocate a row id');
  }

  /** Search; see the class comment for matching and order. Never throws on what the user typed. */
  async search(req: SearchRequest): Promise<SearchResult> {
    const limit = Math.min(100, Math.max(1, Math.floor(req.limit ?? 20)));
    const offset = Math.min(10_000, Math.max(0, Math.floor(req.offset ?? 0)));
    assertDate(req.openOn, 'openOn');
    const parsed = parseQuery(req.query ?? '');
    const blank = (req.query ?? '').trim() === '';
    const empty: SearchResult = { total: 0, totalCapped: false, items: [], terms: parsed.highlightTerms };
    const cap =
      req.countLimit === undefined
        ? Number.POSITIVE_INFINITY
        : Math.max(limit + offset, Math.floor(req.countLimit));
    // Typed something, but nothing searchable in it (only punctuation): nothing matches.
    if (!blank && parsed.runs.length === 0) return empty;

    let tags = this.tagQuery(req);
    if (tags === 'nothing') return empty;
    // A scope condition that excludes nothing is dropped: the policies search asks for its three scopes, which
    // (while no other module indexes) are the whole index, and OR-ing their tags costs more than the rest of a
    // common query (merging three lists that together hold every entry).
    // (Not for a blank query with a date: finding its closed entries starts from a tag, see closedOn.)
    if (req.scopes && !(blank && req.openOn) && (await this.holdsOnly(req.scopes)))
      tags = this.tagQuery({ ...req, scopes: undefined });
    if (tags === 'nothing') return empty;
    const tagged = tags;

    const { page, total, rows } = await fullTextRead(this.db, this.dialect, async (db) => {
      const found = blank
        ? await this.listAll(db, tagged, req.openOn, limit, offset, cap)
        : await this.searchTiers(db, parsed, tagged, req.openOn, limit, offset, cap);
      return { ...found, rows: await this.rowsOf(db, found.page) };
    });
    const totalCapped = total > cap;
    // The scope check runs before the read: an entry of a scope new to the index, written in between, must not
    // show (it could only change the total, by the entries written in that instant).
    const wanted = req.scopes ? new Set(req.scopes) : null;
    return {
      total: totalCapped ? cap : total,
      totalCapped,
      items: this.hits(page, rows, parsed.highlightTerms, req.snippetLength ?? 120).filter(
        (h) => !wanted || wanted.has(h.scope),
      ),
      terms: empty.terms,
    };
  }

  /**
   * True when every entry of the index is of one of these scopes. The distinct scopes are read from the
   * (scope, entity_id) index by skipping from one scope to the next (a few index lookups, however many entries);
   * comparisons are the database's own, so its collation does not matter. Outside the read transaction: on
   * PostgreSQL that transaction forbids the index scans this needs.
   */
  private async holdsOnly(scopes: readonly string[]): Promise<boolean> {
    const wanted = new Set(scopes);
    const present = await sql<{ scope: string }>`with recursive s(scope) as (
        select min(scope) from search_entries
        union all
        select (select min(e.scope) from search_entries e where e.scope > s.scope) from s where s.scope is not null
      ) select scope from s where scope is not null`.execute(this.db);
    return present.rows.every((r) => wanted.has(r.scope));
  }

  /** Scope and filter conditions as index tags; 'nothing' when a filter asks for none of no values. */
  private tagQuery(req: SearchRequest): FullTextQuery | null | 'nothing' {
    const parts: FullTextQuery[] = [];
    if (req.scopes) {
      if (!req.scopes.length) return 'nothing';
      parts.push(or(req.scopes.map((s) => term(scopeTag(s)))));
    }
    for (const [name, raw] of Object.entries(req.filters ?? {})) {
      if (raw === undefined) continue;
      const values = (Array.isArray(raw) ? raw : [raw]) as FilterValue[];
      if (!values.length) return 'nothing';
      parts.push(or(values.map((v) => term(filterTag(name, v)))));
    }
    return parts.length ? and(parts) : null;
  }

  private async searchTiers(
    db: DB,
    parsed: ParsedQuery,
    tags: FullTextQuery | null,
    openOn: string | undefined,
    limit: number,
    offset: number,
    cap: number,
  ): Promise<{ page: PageRow[]; total: number }> {
    const runs = parsed.runs.map((r) => and(r.required.map((t) => term(t.token, t.prefix))));
    const all = and(runs);
    const closed = openOn ? await this.closedOn(db, { tags, all }, openOn) : NONE_CLOSED;

    // Tiers from best to worst (see the class comment); each is exactly the entries no better tier holds.
    const words = parsed.coreWords.map((w) => term(w));
    const inTitle: FullTextQuery = { field: 'title', query: all };
    const inSummary: FullTextQuery = { field: 'summary', query: all };
    const titleOrSummary = or([inTitle, inSummary]);
    // The entries of tiers 2–5: with a single run, "a run in title or summary" would also take an entry whose
    // bigrams are split between the two, which tiers 3–5 do not hold.
    const headTiers = runs.length > 1 ? ({ field: 'head', query: or(runs) } as const) : titleOrSummary;
    const tiers: { score: number; filter: FullTextFilter; rows?: number[] }[] = [];
    if (words.length) {
      const titleWords: FullTextQuery = { field: 'title', query: and(words) };
      const five: FullTextFilter = { tags, head: and([inTitle, titleWords]) };
      // PostgreSQL's bitmap scans read every match before a LIMIT, so reading the titles that hold the query
      // (splitByTitleWords) costs in proportion to them there: first see whether tier 5 alone fills the page.
      // SQLite stops reading after TITLE_SPLIT_MAX + 1 titles, so it splits straight away.
      let first: number[] | undefined;
      if (this.dialect.name !== 'sqlite') {
        first = await this.pageOf(db, five, closed, limit, offset);
        if (first.length === limit) {
          const total = await this.countOpen(db, { tags, all }, closed, cap);
          return { page: first.map((rowId) => ({ rowId, score: 5 })), total };
        }
      }
      const split = await this.splitByTitleWords(db, { tags, head: inTitle }, closed, parsed.coreWords);
      tiers.push(
        // Without a split, tier 5 is the query just run, if any (same filter, page and offset).
        { score: 5, filter: five, rows: split?.withWords ?? (first && offset === 0 ? first : undefined) },
        { score: 4, filter: { tags, head: inTitle, notHead: titleWords }, rows: split?.without },
      );
    } else {
      tiers.push({ score: 4, filter: { tags, head: inTitle } });
    }
    tiers.push({ score: 3, filter: { tags, head: inSummary, notHead: inTitle } });
    if (runs.length > 1) {
      tiers.push({ score: 2, filter: { tags, all, head: headTiers, notHead: titleOrSummary } });
    }
    if (words.length) {
      tiers.push(
        { score: 1, filter: { tags, all: and([all, ...words]), notHead: headTiers } },
        { score: 0, filter: { tags, all: { andNot: [all, and(words)] }, notHead: headTiers } },
      );
    } else {
      tiers.push({ score: 0, filter: { tags, all, notHead: headTiers } });
    }

    // Walk the tiers: skip whole tiers the offset passes, take rows until the page is full.
    const page: PageRow[] = [];
    let skip = offset;
    for (const tier of tiers) {
      const want = limit - page.length;
      if (want <= 0) break;
      const known = tier.rows;
      const rows = known
        ? known.slice(skip, skip + want)
        : await this.pageOf(db, tier.filter, closed, want, skip);
      for (const rowId of rows) page.push({ rowId, score: tier.score });
      if (rows.length === want) break;
      // This tier ran out; how much of the offset did it account for?
      if (skip > 0) {
        const inTier = known ? known.length : await this.count(db, tier.filter, closed);
        skip = rows.length > 0 ? 0 : Math.max(0, skip - inTier);
      }
    }
    // A first page that is not full holds every match: no need to count them.
    const total =
      offset === 0 && page.length < limit
        ? page.length
        : await this.countOpen(db, { tags, all }, closed, cap);
    return { page, total };
  }

  /**
   * Tiers 5 and 4 (the title holds the query; as words, or not) from one index query when few titles hold it:
   * those titles are read and their words checked here, with the tokeniser that indexed them. Asking the index
   * twice cost twice the scan of the query's most common terms in every title and summary (企业 is in most):
   * about 1 ms each for 高新技术企业 奖励 at 20,000 documents, against a few microseconds per title. With more
   * than TITLE_SPLIT_MAX such titles (a common single word), null: the index answers each tier, and its first
   * page is usually full after tier 5.
   */
  private async splitByTitleWords(
    db: DB,
    inTitle: FullTextFilter,
    closed: readonly number[],
    coreWords: readonly string[],
  ): Promise<TitleSplit | null> {
    // Oldest first, then reversed here: FTS5 walks a long list backwards at about twice the cost (0.9 ms against
    // 0.5 for 高新技术企业 奖励), and which end it starts from does not matter when it reads them all.
    const ids = (await this.pageOf(db, inTitle, closed, TITLE_SPLIT_MAX + 1, 0, 'asc')).reverse();
    if (ids.length > TITLE_SPLIT_MAX) return null;
    const titles = new Map<number, string>();
    if (ids.length) {
      const rows = await db
        .selectFrom('searchEntries')
        .select(['rowId', 'title'])
        .where('rowId', 'in', ids)
        .execute();
      for (const r of rows) titles.set(Number(r.rowId), r.title);
    }
    const withWords: number[] = [];
    const without: number[] = [];
    for (const id of ids) {
      const tokens = indexTokens(titles.get(id) ?? '');
      (coreWords.every((w) => tokens.has(w)) ? withWords : without).push(id);
    }
    return { withWords, without };
  }

  private async listAll(
    db: DB,
    tags: FullTextQuery | null,
    openOn: string | undefined,
    limit: number,
    offset: number,
    cap: number,
  ): Promise<{ page: PageRow[]; total: number }> {
    if (tags) {
      const closed = openOn ? await this.closedOn(db, { tags }, openOn) : NONE_CLOSED;
      const rowIds = await this.pageOf(db, { tags }, closed, limit, offset);
      return {
        page: rowIds.map((rowId) => ({ rowId, score: 0 })),
        total: await this.countOpen(db, { tags }, closed, cap),
      };
    }
    let rows = db.selectFrom('searchEntries as e');
    if (openOn) rows = rows.where(windowContains(openOn));
    const page = await rows
      .select('e.rowId')
      .orderBy('e.rowId', 'desc')
      .limit(limit)
      .offset(offset)
      .execute();
    const counted = await db
      .selectFrom(upTo(rows.select('e.rowId'), cap).as('c'))
      .select((eb) => eb.fn.countAll<number>().as('n'))
      .executeTakeFirstOrThrow();
    return { page: page.map((r) => ({ rowId: r.rowId, score: 0 })), total: Number(counted.n) };
  }

  /** The number of matches, or any number above `cap` once more than `cap` match (the count stops there). */
  private async count(
    db: DB,
    filter: FullTextFilter,
    closed: readonly number[],
    cap = Number.POSITIVE_INFINITY,
  ): Promise<number> {
    const matches = this.excluding(
      db.selectFrom(fullTextMatches(this.dialect, filter).as('m')),
      closed,
    ).select('m.rowId');
    const row = await db
      .selectFrom(upTo(matches, cap).as('c'))
      .select((eb) => eb.fn.countAll<number>().as('n'))
      .executeTakeFirstOrThrow();
    return Number(row.n);
  }

  /**
   * The count of `filter`'s matches less `closed`, which closedOn took from those very matches: counting them all
   * and subtracting costs a third of counting with the exclusion (4,000 matches: 0.12 ms against 0.4 on SQLite).
   * Above `cap`, any number above it.
   */
  private async countOpen(
    db: DB,
    filter: FullTextFilter,
    closed: readonly number[],
    cap = Number.POSITIVE_INFINITY,
  ): Promise<number> {
    return (await this.count(db, filter, NONE_CLOSED, cap + closed.length)) - closed.length;
  }

  /** One page of entries matching the query, in static order (boost, then date, newest first). */
  private async pageOf(
    db: DB,
    filter: FullTextFilter,
    closed: readonly number[],
    limit: number,
    offset: number,
    order: 'asc' | 'desc' = 'desc',
  ): Promise<number[]> {
    const rows = await this.excluding(db.selectFrom(fullTextMatches(this.dialect, filter).as('m')), closed)
      .select('m.rowId')
      .orderBy('m.rowId', order)
      .limit(limit)
      .offset(offset)
      .execute();
    return rows.map((r) => Number(r.rowId));
  }

  /**
   * The entries matching `filter` whose window does not contain the date: they are left out of a search that asks
   * for entries open on it. Only entries with a window need a look at it, and those are few (programs), so this is
   * one small query per search, after which every page and count is a plain index query that skips these rows.
   * (Reading the window of every match instead, a row lookup each, took 5–8 ms for 4,000 matches on SQLite and
   * 13 ms on PostgreSQL.) An entry indexed before the windowless tag existed counts as having a window: it is
   * looked at, which is right, only slower.
   */
  private async closedOn(db: DB, filter: FullTextFilter, openOn: string): Promise<number[]> {
    const always = term(WINDOWLESS_TAG);
    const without = (q: FullTextQuery): FullTextQuery => ({ andNot: [q, always] });
    const windowed: FullTextFilter = filter.all
      ? { ...filter, all: without(filter.all) }
      : { ...filter, tags: without(filter.tags!) };
    const rows = await db
      .selectFrom(fullTextMatches(this.dialect, windowed).as('m'))
      .innerJoin('searchEntries as e', 'e.rowId', 'm.rowId')
      .where(sql<boolean>`not ${windowContains(openOn)}`)
      .select('m.rowId')
      .execute();
    return rows.map((r) => Number(r.rowId));
  }

  /** The query without the given rows (one parameter however many: a JSON array on SQLite, an array on PostgreSQL). */
  private excluding<Q extends { where: (expression: RawBuilder<boolean>) => Q }>(
    q: Q,
    closed: readonly number[],
  ): Q {
    if (!closed.length) return q;
    return q.where(
      this.dialect.name === 'sqlite'
        ? sql<boolean>`m.row_id not in (select value from json_each(${JSON.stringify(closed)}))`
        : sql<boolean>`m.row_id <> all(cast(${closed} as bigint[]))`,
    );
  }

  private async rowsOf(db: DB, page: PageRow[]) {
    if (!page.length) return [];
    return db
      .selectFrom('searchEntries')
      .select(['rowId', 'scope', 'entityId', 'title', 'summary', 'body', 'publishedOn'])
      .where(
        'rowId',
        'in',
        page.map((p) => p.rowId),
      )
      .execute();
  }

  private hits(
    page: PageRow[],
    rows: Awaited<ReturnType<SearchIndex['rowsOf']>>,
    terms: string[],
    snippetLength: number,
  ): SearchHit[] {
    const byId = new Map(rows.map((r) => [Number(r.rowId), r]));
    const hits: SearchHit[] = [];
    for (const p of page) {
      const r = byId.get(p.rowId);
      if (!r) continue;
      // The summary when the query shows in it (short, and written to be read), else the body.
      const source = r.summary && findMatches(r.summary, terms).length > 0 ? r.summary : r.body || r.summary;
      hits.push({
        scope: r.scope,
        id: r.entityId,
        title: r.title,
        titleHtml: markAll(r.title, terms),
        snippet: highlight(source ?? '', terms, snippetLength),
        publishedOn: r.publishedOn,
        score: p.score,
      });
    }
    return hits;
  }
}
