import type { Kysely } from 'kysely';
import type { Dialect } from '../dialect';

/**
 * Optional TOTP second factor for staff (SPEC §2.1): the authenticator secret of each user who set one up, the
 * one-time recovery codes (hashes only), and the short-lived challenges that sit between the password step and the
 * code step of a login. All three live in the database so that several app instances share them.
 *
 * `users.totp_secret` (001) stays unused: the secret needs state beside it (pending or active, the last time step
 * accepted), which a row of its own keeps together.
 */
// biome-ignore lint/suspicious/noExplicitAny: migrations run against the schema as it was, not the current types
export async function up(db: Kysely<any>, d: Dialect): Promise<void> {
  await db.schema
    .createTable('user_totp')
    .addColumn('user_id', 'text', (c) => c.primaryKey().references('users.id').onDelete('cascade'))
    .addColumn('secret', 'text', (c) => c.notNull())
    // null while the enrolment waits for its first code; set when the user confirmed it.
    .addColumn('enabled_at', d.timestamp)
    // The RFC 6238 time step of the last code accepted: a code of that step or an earlier one is refused (replay).
    .addColumn('last_used_step', 'integer')
    .addColumn('created_at', d.timestamp, (c) => c.notNull())
    .addColumn('updated_at', d.timestamp, (c) => c.notNull())
    .execute();

  await db.schema
    .createTable('user_recovery_codes')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('user_id', 'text', (c) => c.notNull().references('users.id').onDelete('cascade'))
    .addColumn('code_hash', 'text', (c) => c.notNull())
    .addColumn('created_at', d.timestamp, (c) => c.notNull())
    .addColumn('used_at', d.timestamp)
    .execute();
  await db.schema
    .createIndex('user_recovery_codes_user_hash_idx')
    .on('user_recovery_codes')
    .columns(['user_id', 'code_hash'])
    .unique()
    .execute();

  await db.schema
    .createTable('login_challenges')
    // sha256 of the token handed to the client; the token itself is never stored (like sessions).
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('user_id', 'text', (c) => c.notNull().references('users.id').onDelete('cascade'))
    .addColumn('created_at', d.timestamp, (c) => c.notNull())
    .addColumn('expires_at', d.timestamp, (c) => c.notNull())
    .addColumn('attempts', 'integer', (c) => c.notNull().defaultTo(0))
    .addColumn('ip', 'text')
    .execute();
  await db.schema.createIndex('login_challenges_user_idx').on('login_challenges').column('user_id').execute();
  await db.schema
    .createIndex('login_challenges_expires_idx')
    .on('login_challenges')
    .column('expires_at')
    .execute();
}
