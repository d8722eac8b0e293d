import { type Kysely, sql } from 'kysely';
import type { Dialect } from '../dialect';

/**
 * Chinese full-text search (platform/text/search-index.ts), shared by every module that makes things findable:
 * - search_entries: one row per searchable thing (scope + entity id), with the text shown in results. Its row_id
 *   encodes the static rank (boost, then date), so "newest first among equals" is index order, not a sort;
 * - the token index over it: two FTS5 tables on SQLite (whole entry; title and summary), a tsvector column with a
 *   GIN index on PostgreSQL (how both are written and queried: db/dialect.ts, "Full-text search");
 * - search_queries: how often each term was searched per day (insights: most searched terms, searches that found
 *   nothing).
 */
// biome-ignore lint/suspicious/noExplicitAny: migrations run against the schema as it was, not the current types
export async function up(db: Kysely<any>, d: Dialect): Promise<void> {
  await db.schema
    .createTable('search_entries')
    // SQLite: `integer primary key` is the rowid, which the FTS5 table shares. PostgreSQL: bigint (the bigserial
    // default is never used; the index assigns ids).
    .addColumn('row_id', d.serialType, (c) => c.primaryKey())
    .addColumn('scope', 'text', (c) => c.notNull())
    .addColumn('entity_id', 'text', (c) => c.notNull())
    .addColumn('title', 'text', (c) => c.notNull())
    .addColumn('summary', 'text')
    .addColumn('published_on', d.date)
    .addColumn('window_start', d.date)
    .addColumn('window_end', d.date)
    .addColumn('boost', 'integer', (c) => c.notNull().defaultTo(0))
    .addColumn('filters', d.json)
    .addColumn('updated_at', d.timestamp, (c) => c.notNull())
    // Last, so that reading the columns above never touches a long body's overflow pages on SQLite.
    .addColumn('body', 'text', (c) => c.notNull())
    .addUniqueConstraint('search_entries_entity_uq', ['scope', 'entity_id'])
    .execute();

  if (d.name === 'sqlite') {
    // Tokens arrive pre-tokenised and space-separated: unicode61 splits on the spaces, keeps Chinese runs whole and
    // `_` inside tokens. Contentless: the text lives in search_entries. The whole-entry index keeps neither
    // positions nor columns (detail=none); the head index keeps columns, so a query can ask for the title.
    // prefix='1' indexes first characters, so a one-character query (税) reads one list, not every 税… token's
    // (20,000 documents: 1.6 ms instead of 9, for 12 % more index).
    await sql`create virtual table search_fts using fts5(
      tokens,
      tokenize = "unicode61 remove_diacritics 0 tokenchars '_'",
      content = '', contentless_delete = 1, detail = none, prefix = '1'
    )`.execute(db);
    await sql`create virtual table search_fts_head using fts5(
      title, summary, tags,
      tokenize = "unicode61 remove_diacritics 0 tokenchars '_'",
      content = '', contentless_delete = 1, detail = column, prefix = '1'
    )`.execute(db);
  } else {
    await sql`alter table search_entries add column tsv tsvector not null default ''::tsvector`.execute(db);
    // Keep heap rows narrow (text and token vector go to TOAST): counting thousands of matches visits their rows.
    await sql`alter table search_entries set (toast_tuple_target = 256)`.execute(db);
    await sql`create index search_entries_tsv_idx on search_entries using gin (tsv)`.execute(db);
  }

  await db.schema
    .createTable('search_queries')
    .addColumn('day', d.date, (c) => c.notNull())
    .addColumn('term', 'text', (c) => c.notNull())
    .addColumn('count', 'integer', (c) => c.notNull())
    .addColumn('misses', 'integer', (c) => c.notNull())
    .addPrimaryKeyConstraint('search_queries_pk', ['day', 'term'])
    .execute();
}
