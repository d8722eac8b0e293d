import type { Kysely } from 'kysely';
import type { Dialect } from '../dialect';

/**
 * search_terms: how often a normalised term was searched per Shanghai day and search scope (policies, buildings,
 * content, appeals kb) — the "most searched terms" of the insights pages (platform/text/search-terms.ts). One row
 * per (day, scope, term); every instance adds its buffered counts with an upsert, so several instances add up.
 */
// biome-ignore lint/suspicious/noExplicitAny: migrations run against the schema as it was, not the current types
export async function up(db: Kysely<any>, d: Dialect): Promise<void> {
  await db.schema
    .createTable('search_terms')
    .addColumn('day', d.date, (c) => c.notNull())
    .addColumn('scope', 'text', (c) => c.notNull())
    .addColumn('term', 'text', (c) => c.notNull())
    .addColumn('count', 'integer', (c) => c.notNull())
    .addPrimaryKeyConstraint('search_terms_pk', ['day', 'scope', 'term'])
    .execute();
  // The insights read a window of days across scopes: day first.
  await db.schema.createIndex('search_terms_day_idx').on('search_terms').columns(['day', 'term']).execute();
}
