import type { Kysely } from 'kysely';
import type { Dialect } from '../dialect';

/**
 * Enterprises whose facts changed since the open programs last judged them (profile, yearly figures, IP,
 * qualifications, a new registration): a queue, one row per enterprise, consumed by the policies module's re-push
 * job (modules/policies/repush-job.ts), which deletes a row only if it was not changed again meanwhile.
 */
// biome-ignore lint/suspicious/noExplicitAny: migrations run against the schema as it was, not the current types
export async function up(db: Kysely<any>, _d: Dialect): Promise<void> {
  await db.schema
    .createTable('enterprise_fact_changes')
    .addColumn('enterprise_id', 'text', (c) =>
      c.primaryKey().references('enterprises.id').onDelete('cascade'),
    )
    .addColumn('changed_at', 'text', (c) => c.notNull())
    .execute();
  await db.schema
    .createIndex('enterprise_fact_changes_changed_at')
    .on('enterprise_fact_changes')
    .column('changed_at')
    .execute();
}
