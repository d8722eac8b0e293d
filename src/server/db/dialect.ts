import {
  type ColumnDefinitionBuilder,
  type Kysely,
  type QueryExecutorProvider,
  type RawBuilder,
  sql,
} from 'kysely';

/**
 * Every difference between SQLite and PostgreSQL lives in this file: column types for ids, timestamps, JSON and
 * booleans; JSON decoding; case-insensitive search; locks; full-text search. Nothing else in the code knows which
 * database it runs on.
 *
 * Conventions that hold on both:
 * - timestamps are ISO 8601 UTC strings in TypeScript (`2026-11-26T07:05:00.000Z`); PostgreSQL stores timestamptz and
 *   its type parser hands back the same string form (see database.ts), SQLite stores the text;
 * - calendar dates are `YYYY-MM-DD` strings (PostgreSQL `date`, SQLite text);
 * - booleans are integers 0/1 on both (better-sqlite3 refuses JS booleans; one representation keeps queries identical);
 * - JSON is `jsonb` on PostgreSQL and text on SQLite; write with `toJson`, read with `fromJson`.
 */
export type DialectName = 'sqlite' | 'postgres';

export interface Dialect {
  name: DialectName;
  /** Column type for instants. */
  timestamp: 'timestamptz' | 'text';
  /** Column type for calendar dates. */
  date: 'date' | 'text';
  /** Column type for JSON documents. */
  json: 'jsonb' | 'text';
  /** Column type for money and figures in 万元 (exact decimal on PostgreSQL). */
  decimal: 'numeric' | 'real';
  /** Auto-increment integer key (used only where order matters: the audit chain). */
  serialKey(col: ColumnDefinitionBuilder): ColumnDefinitionBuilder;
  serialType: 'bigserial' | 'integer';
  /** Case-insensitive substring match (LIKE on SQLite is ASCII-case-insensitive; ILIKE on PostgreSQL). */
  likeOperator: 'like' | 'ilike';
}

export const DIALECTS: Record<DialectName, Dialect> = {
  sqlite: {
    name: 'sqlite',
    timestamp: 'text',
    date: 'text',
    json: 'text',
    decimal: 'real',
    serialKey: (c) => c.primaryKey().autoIncrement(),
    serialType: 'integer',
    likeOperator: 'like',
  },
  postgres: {
    name: 'postgres',
    timestamp: 'timestamptz',
    date: 'date',
    json: 'jsonb',
    decimal: 'numeric',
    serialKey: (c) => c.primaryKey(),
    serialType: 'bigserial',
    likeOperator: 'ilike',
  },
};

/** Serialise a value for a JSON column. */
export function toJson(value: unknown): string {
  return JSON.stringify(value);
}

/** Read a JSON column: PostgreSQL's driver already parsed jsonb, SQLite hands back text. */
export function fromJson<T>(value: unknown, fallback: T): T {
  if (value === null || value === undefined) return fallback;
  if (typeof value === 'string') {
    try {
      return JSON.parse(value) as T;
    } catch {
      return fallback;
    }
  }
  return value as T;
}

/** Numbers from `numeric` columns arrive as strings from pg; normalise to number | null. */
export function toNumber(value: unknown): number | null {
  if (value === null || value === undefined) return null;
  const n = typeof value === 'number' ? value : Number(value);
  return Number.isFinite(n) ? n : null;
}

/** Escape LIKE wildcards in user input so `%` and `_` match literally. */
export function likePattern(term: string): string {
  return `%${term.replace(/[\\%_]/g, (c) => `\\${c}`)}%`;
}

/** `ESCAPE '\'` clause matching likePattern, valid on both databases. */
export const likeEscape: RawBuilder<unknown> = sql`'\\'`;

/**
 * Serialise writers of a chain (the audit log) across app instances: a transaction-scoped advisory lock on
 * PostgreSQL; SQLite transactions are already serialised by the single writer.
 */
export async function lockForChain(trx: Kysely<unknown>, dialect: Dialect, key: number): Promise<void> {
  if (dialect.name === 'postgres') await sql`select pg_advisory_xact_lock(${key})`.execute(trx);
}

/** True when a write failed on a unique constraint (PostgreSQL 23505, SQLite's constraint codes). */
export function isUniqueViolation(err: unknown): boolean {
  const code = (err as { code?: unknown } | null)?.code;
  return code === '23505' || code === 'SQLITE_CONSTRAINT_UNIQUE' || code === 'SQLITE_CONSTRAINT_PRIMARYKEY';
}

// --- Full-text search -------------------------------------------------------------------------------------------
// platform/text turns text into tokens (character bigrams, letter/digit units, `_`-prefixed jieba words, `s_`/`f_`
// scope and filter tags) and a query into boolean expressions over tokens. This is where the tokens are stored
// and matched (tables: migration 003-search):
// - SQLite: two FTS5 tables, contentless, rowid = search_entries.row_id, tokens separated by spaces:
//   `search_fts` (one column: every token of the entry and its tags; detail=none, no positions or columns) and
//   `search_fts_head` (columns title, summary, tags; detail=column, so a query can ask for a column). "Is it in
//   the title" is answered by the small head index, not by the big one;
// - PostgreSQL: one tsvector column `tsv` with a GIN index, built from the token lists verbatim (never through a
//   text-search parser): every token and tag, plus the title's tokens again as `t.<token>` and the summary's as
//   `s.<token>` (no text token contains a dot). Every condition is then one tsquery that the index answers
//   exactly, without reading the vectors back (weights would need that).

/** A boolean expression over index tokens; `field` (only in head conditions) restricts it to title/summary. */
export type FullTextQuery =
  | { term: string; prefix?: boolean }
  | { and: FullTextQuery[] }
  | { or: FullTextQuery[] }
  | { andNot: [FullTextQuery, FullTextQuery] }
  | { field: 'title' | 'summary' | 'head'; query: FullTextQuery };

/** Which entries: all the given conditions hold. At least one of tags, all, head. */
export interface FullTextFilter {
  /** Scope and filter tags. */
  tags?: FullTextQuery | null;
  /** Over every token of the entry (no field restrictions). */
  all?: FullTextQuery;
  /** Over title and summary (with field restrictions). */
  head?: FullTextQuery;
  /** Leaves out entries whose title and summary match this (with field restrictions). */
  notHead?: FullTextQuery;
}

/** The tokens of one search entry, per field. */
export interface FullTextDocument {
  title: string[];
  summary: string[];
  body: string[];
  tags: string[];
}

const FTS5_COLUMNS = { title: '{title}', summary: '{summary}', head: '{title summary}' } as const;
const TSV_FIELD_PREFIX = { title: 't.', summary: 's.' } as const;

function fts5Expression(q: FullTextQuery): string {
  if ('term' in q) return `"${q.term.replace(/"/g, '""')}"${q.prefix ? ' *' : ''}`;
  if ('and' in q) return `(${q.and.map(fts5Expression).join(' AND ')})`;
  if ('or' in q) return `(${q.or.map(fts5Expression).join(' OR ')})`;
  if ('andNot' in q) return `(${fts5Expression(q.andNot[0])} NOT ${fts5Expression(q.andNot[1])})`;
  return `${FTS5_COLUMNS[q.field]} : (${fts5Expression(q.query)})`;
}

const tsLexeme = (token: string) => `'${token.replace(/\\/g, '\\\\').replace(/'/g, "''")}'`;

/** tsquery text; inside a field, each token becomes the field's (`head`: either field's) prefixed token. */
function tsqueryText(q: FullTextQuery, field?: 'title' | 'summary' | 'head'): string {
  if ('term' in q) {
    const lexeme = (prefix: string) => `${tsLexeme(prefix + q.term)}${q.prefix ? ':*' : ''}`;
    if (field === 'head') return `(${lexeme(TSV_FIELD_PREFIX.title)} | ${lexeme(TSV_FIELD_PREFIX.summary)})`;
    return lexeme(field ? TSV_FIELD_PREFIX[field] : '');
  }
  if ('and' in q) return `(${q.and.map((x) => tsqueryText(x, field)).join(' & ')})`;
  if ('or' in q) return `(${q.or.map((x) => tsqueryText(x, field)).join(' | ')})`;
  if ('andNot' in q) return `(${tsqueryText(q.andNot[0], field)} & !${tsqueryText(q.andNot[1], field)})`;
  return tsqueryText(q.query, q.field);
}

/** Replace the indexed tokens of one search_entries row (the row must exist on PostgreSQL). */
export async function writeFullText(
  db: QueryExecutorProvider,
  d: Dialect,
  rowId: number,
  doc: FullTextDocument,
): Promise<void> {
  const all = new Set([...doc.title, ...doc.summary, ...doc.body, ...doc.tags]);
  if (d.name === 'sqlite') {
    await deleteFullText(db, d, rowId);
    await sql`insert into search_fts (rowid, tokens) values (${rowId}, ${[...all].join(' ')})`.execute(db);
    await sql`insert into search_fts_head (rowid, title, summary, tags)
      values (${rowId}, ${doc.title.join(' ')}, ${doc.summary.join(' ')}, ${doc.tags.join(' ')})`.execute(db);
    return;
  }
  for (const t of doc.title) all.add(TSV_FIELD_PREFIX.title + t);
  for (const t of doc.summary) all.add(TSV_FIELD_PREFIX.summary + t);
  await sql`update search_entries set tsv = array_to_tsvector(cast(${[...all]} as text[]))
    where row_id = ${rowId}`.execute(db);
}

/** Forget the indexed tokens of one row (PostgreSQL keeps them in the row itself, deleted with it). */
export async function deleteFullText(db: QueryExecutorProvider, d: Dialect, rowId: number): Promise<void> {
  if (d.name !== 'sqlite') return;
  await sql`delete from search_fts where rowid = ${rowId}`.execute(db);
  await sql`delete from search_fts_head where rowid = ${rowId}`.execute(db);
}

/**
 * Run the queries of one search in a read transaction (one snapshot for the count and the pages). On PostgreSQL
 * the planner may only use bitmap scans, i.e. the GIN index: left to itself it picks, for a common term, a
 * sequential scan that decompresses every row's token vector, or, under a LIMIT, a walk down the primary key that
 * does the same for every row when the term turns out rare (both 100+ ms at 20,000 documents, against a few).
 */
export async function fullTextRead<DB, T>(
  db: Kysely<DB>,
  d: Dialect,
  fn: (trx: Kysely<DB>) => Promise<T>,
): Promise<T> {
  return db.transaction().execute(async (trx) => {
    if (d.name === 'postgres') {
      // One round trip for both settings (SET takes one at a time); `true` keeps them to this transaction.
      await sql`select set_config('enable_seqscan', 'off', true), set_config('enable_indexscan', 'off', true)`.execute(
        trx,
      );
    }
    return fn(trx);
  });
}

/**
 * Compact the index after a bulk load (an import, a rebuild): SQLite merges the FTS5 segments, so each term is one
 * lookup instead of one per segment; PostgreSQL moves the GIN pending list into the index and refreshes statistics.
 * Safe at any time; slow on a big index (seconds), so not after every write.
 */
export async function optimizeFullText(db: QueryExecutorProvider, d: Dialect): Promise<void> {
  if (d.name === 'sqlite') {
    await sql`insert into search_fts (search_fts) values ('optimize')`.execute(db);
    await sql`insert into search_fts_head (search_fts_head) values ('optimize')`.execute(db);
  } else {
    await sql`vacuum analyze search_entries`.execute(db);
  }
}

const both = (
  a: FullTextQuery | null | undefined,
  b: FullTextQuery | undefined,
): FullTextQuery | undefined => (a && b ? { and: [a, b] } : (a ?? b));

/**
 * The entries matching a filter, as a derived table `(row_id)` to select from. When the outer query orders by
 * row_id descending, SQLite streams the matches in that order and a LIMIT stops early.
 */
export function fullTextMatches(d: Dialect, f: FullTextFilter): RawBuilder<{ rowId: number }> {
  if (d.name === 'sqlite') {
    if (f.head) {
      const head = fts5Expression(
        f.notHead ? { andNot: [both(f.tags, f.head)!, f.notHead] } : both(f.tags, f.head)!,
      );
      if (!f.all)
        return sql`(select rowid as row_id from search_fts_head where search_fts_head match ${head})`;
      // The big index streams its matches in rowid order and the head's matches are a set to look up (`+rowid`
      // keeps SQLite from probing the big index once per head match instead, ~75 µs each).
      return sql`(select rowid as row_id from search_fts where search_fts match ${fts5Expression(f.all)}
        and +rowid in (select rowid from search_fts_head where search_fts_head match ${head}))`;
    }
    const all = both(f.tags, f.all);
    if (!all) throw new Error('a full-text filter needs tags, all or head');
    const notHead = f.notHead
      ? sql` and rowid not in (select rowid from search_fts_head where search_fts_head match ${fts5Expression(f.notHead)})`
      : sql``;
    return sql`(select rowid as row_id from search_fts where search_fts match ${fts5Expression(all)}${notHead})`;
  }
  const parts = [f.tags, f.all, f.head].filter((x): x is FullTextQuery => !!x);
  if (!parts.length) throw new Error('a full-text filter needs tags, all or head');
  const query = f.notHead
    ? { andNot: [{ and: parts }, f.notHead] as [FullTextQuery, FullTextQuery] }
    : { and: parts };
  return sql`(select row_id from search_entries where tsv @@ cast(${tsqueryText(query)} as tsquery))`;
}

// --- Analytic reads (added for the appeal statistics) ------------------------------------------------------------

/**
 * Run one big aggregate (a pass over up to millions of rows, e.g. the appeal statistics) in a read transaction. On
 * PostgreSQL JIT compilation is switched off for it: the planner's cost crosses the JIT thresholds at a million
 * rows, and compiling (and optimising) the dozen CASE expressions costs more than it saves on a pass of well under
 * a second. SQLite has no JIT.
 */
export async function analyticRead<DB, T>(
  db: Kysely<DB>,
  d: Dialect,
  fn: (trx: Kysely<DB>) => Promise<T>,
): Promise<T> {
  return db.transaction().execute(async (trx) => {
    if (d.name === 'postgres') await sql`set local jit = off`.execute(trx);
    return fn(trx);
  });
}

/**
 * A column in a condition that SQLite must not answer with an index range (`+column`), so that its planner may read
 * the rows in the order of another index instead (a GROUP BY streamed from an index that starts with the group key,
 * without a sort); the plain column on PostgreSQL, whose planner weighs both from statistics.
 */
export function unrangedColumn(d: Dialect, column: string): RawBuilder<unknown> {
  return d.name === 'sqlite' ? sql`+${sql.ref(column)}` : sql`${sql.ref(column)}`;
}
