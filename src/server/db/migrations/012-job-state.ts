import type { Kysely } from 'kysely';
import type { Dialect } from '../dialect';

/**
 * What a scheduled job has finished, kept between ticks and across instances: for instance the basis year the
 * enterprises' size classes were last recomputed for (modules/enterprises/size-job.ts).
 */
// biome-ignore lint/suspicious/noExplicitAny: migrations run against the schema as it was, not the current types
export async function up(db: Kysely<any>, _d: Dialect): Promise<void> {
  await db.schema
    .createTable('job_state')
    .addColumn('name', 'text', (c) => c.primaryKey())
    .addColumn('value', 'text', (c) => c.notNull())
    .addColumn('updated_at', 'text', (c) => c.notNull())
    .execute();
}
