import type { Kysely } from 'kysely';
import type { Dialect } from '../dialect';

/**
 * The first log of searched terms (search_queries, migration 003: per day and term, without a scope, written by the
 * search index itself) is replaced by search_terms (migration 014: per day, scope and term, personal data dropped
 * before counting; platform/text/search-terms.ts). Its counts are not carried over: they could hold phone numbers
 * and ID numbers typed into a search box.
 */
// biome-ignore lint/suspicious/noExplicitAny: migrations run against the schema as it was, not the current types
export async function up(db: Kysely<any>, _d: Dialect): Promise<void> {
  await db.schema.dropTable('search_queries').ifExists().execute();
}
