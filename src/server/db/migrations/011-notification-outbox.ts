import type { Kysely } from 'kysely';
import type { Dialect } from '../dialect';

/**
 * Notifications outside the inbox (SPEC §2.7): a user's e-mail address, his choice of kinds by SMS / e-mail, and
 * the outbox — one row per message to send, written in the transaction of the event, sent later by a leased job
 * (modules/notifications/sender.ts) with retries.
 */
// biome-ignore lint/suspicious/noExplicitAny: migrations run against the schema as it was, not the current types
export async function up(db: Kysely<any>, d: Dialect): Promise<void> {
  await db.schema.alterTable('users').addColumn('email', 'text').execute();

  // Only choices that differ from the default (shared/notifications.ts DEFAULT_EXTERNAL_KINDS) are stored.
  await db.schema
    .createTable('notification_preferences')
    .addColumn('user_id', 'text', (c) => c.notNull().references('users.id').onDelete('cascade'))
    .addColumn('kind', 'text', (c) => c.notNull())
    // sms | email
    .addColumn('channel', 'text', (c) => c.notNull())
    .addColumn('enabled', 'integer', (c) => c.notNull())
    .addColumn('updated_at', d.timestamp, (c) => c.notNull())
    .addPrimaryKeyConstraint('notification_preferences_pk', ['user_id', 'kind', 'channel'])
    .execute();
  // Large pushes read the choices by kind rather than by user.
  await db.schema
    .createIndex('notification_preferences_kind_idx')
    .on('notification_preferences')
    .columns(['kind', 'channel'])
    .execute();

  await db.schema
    .createTable('notification_outbox')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('user_id', 'text', (c) => c.notNull().references('users.id').onDelete('cascade'))
    .addColumn('kind', 'text', (c) => c.notNull())
    .addColumn('channel', 'text', (c) => c.notNull())
    // The phone or address when the message was queued.
    .addColumn('recipient', 'text', (c) => c.notNull())
    .addColumn('subject', 'text')
    .addColumn('body', 'text', (c) => c.notNull())
    // pending | sent | failed
    .addColumn('status', 'text', (c) => c.notNull())
    .addColumn('attempts', 'integer', (c) => c.notNull().defaultTo(0))
    .addColumn('next_attempt_at', d.timestamp, (c) => c.notNull())
    // A sender's claim: rows claimed by one tick are not due for another until claimed_until.
    .addColumn('claimed_by', 'text')
    .addColumn('claimed_until', d.timestamp)
    .addColumn('last_error', 'text')
    .addColumn('created_at', d.timestamp, (c) => c.notNull())
    .addColumn('sent_at', d.timestamp)
    .execute();
  // The sender's question: pending rows due now.
  await db.schema
    .createIndex('notification_outbox_due_idx')
    .on('notification_outbox')
    .columns(['status', 'next_attempt_at'])
    .execute();
  // The administrator's list (newest first, optionally by status) and the purge of old rows.
  await db.schema
    .createIndex('notification_outbox_created_idx')
    .on('notification_outbox')
    .column('created_at')
    .execute();
  await db.schema
    .createIndex('notification_outbox_status_created_idx')
    .on('notification_outbox')
    .columns(['status', 'created_at'])
    .execute();
  await db.schema
    .createIndex('notification_outbox_user_idx')
    .on('notification_outbox')
    .column('user_id')
    .execute();
}
