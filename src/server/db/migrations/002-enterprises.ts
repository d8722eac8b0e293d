import { type Kysely, sql } from 'kysely';
import type { Dialect } from '../dialect';

/**
 * Enterprises (一企一档) additions:
 * - the enterprise name an applicant typed when binding, so the confirmer can compare it with the registered name;
 * - at most one pending-or-confirmed binding per user, enforced by the database as well as the service, so two
 *   simultaneous requests cannot both succeed.
 */
// biome-ignore lint/suspicious/noExplicitAny: migrations run against the schema as it was, not the current types
export async function up(db: Kysely<any>, _d: Dialect): Promise<void> {
  await db.schema.alterTable('enterprise_bindings').addColumn('claimed_name', 'text').execute();
  await db.schema
    .createIndex('enterprise_bindings_one_active_idx')
    .on('enterprise_bindings')
    .column('user_id')
    .unique()
    .where(sql.ref('status'), 'in', ['pending', 'confirmed'])
    .execute();
}
