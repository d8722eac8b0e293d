import type { Kysely } from 'kysely';
import type { Dialect } from '../dialect';

/**
 * The in-app inbox (SPEC §2.7): one row per recipient. The enterprise a notification was sent through is kept so
 * that a user who leaves an enterprise can be shown (or spared) its messages, and for statistics.
 */
// biome-ignore lint/suspicious/noExplicitAny: migrations run against the schema as it was, not the current types
export async function up(db: Kysely<any>, d: Dialect): Promise<void> {
  await db.schema
    .createTable('notifications')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('user_id', 'text', (c) => c.notNull().references('users.id').onDelete('cascade'))
    .addColumn('kind', 'text', (c) => c.notNull())
    .addColumn('title', 'text', (c) => c.notNull())
    .addColumn('body', 'text', (c) => c.notNull())
    .addColumn('link', 'text')
    .addColumn('enterprise_id', 'text')
    .addColumn('created_at', d.timestamp, (c) => c.notNull())
    .addColumn('read_at', d.timestamp)
    .execute();
  // The inbox page (newest first) and the unread badge.
  await db.schema
    .createIndex('notifications_user_idx')
    .on('notifications')
    .columns(['user_id', 'created_at'])
    .execute();
  await db.schema
    .createIndex('notifications_unread_idx')
    .on('notifications')
    .columns(['user_id', 'read_at'])
    .execute();
}
