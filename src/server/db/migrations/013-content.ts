import type { Kysely } from 'kysely';
import type { Dialect } from '../dialect';

/**
 * Content (SPEC §2.6, 信息资讯): articles in four channels (通知公告, 工作动态, 政策解读, 活动), service guides
 * (办事指南), their attachments (bytes in the platform file store), and the district's action plans (行动方案) with
 * groups of measures (举措), each owned by a department, and the progress notes of the measures.
 */
// biome-ignore lint/suspicious/noExplicitAny: migrations run against the schema as it was, not the current types
export async function up(db: Kysely<any>, d: Dialect): Promise<void> {
  await db.schema
    .createTable('content_articles')
    .addColumn('id', 'text', (c) => c.primaryKey())
    /** ARTICLE_CHANNELS */
    .addColumn('channel', 'text', (c) => c.notNull())
    .addColumn('title', 'text', (c) => c.notNull())
    .addColumn('summary', 'text', (c) => c.notNull().defaultTo(''))
    .addColumn('source', 'text', (c) => c.notNull().defaultTo(''))
    /** Sanitised HTML (policies/rich-text.ts allow-list). */
    .addColumn('body_html', 'text', (c) => c.notNull())
    /** 0/1: pinned notices come first in the public list. */
    .addColumn('pinned', 'integer', (c) => c.notNull().defaultTo(0))
    .addColumn('event_starts_at', d.timestamp)
    .addColumn('event_place', 'text')
    /** draft | published | archived; published with publish_at in the future reads as scheduled. */
    .addColumn('status', 'text', (c) => c.notNull())
    .addColumn('publish_at', d.timestamp)
    /** Set on the first publication: an article once public can be withdrawn or archived, never deleted. */
    .addColumn('first_published_at', d.timestamp)
    .addColumn('views', 'integer', (c) => c.notNull().defaultTo(0))
    .addColumn('version', 'integer', (c) => c.notNull().defaultTo(1))
    .addColumn('created_by', 'text', (c) => c.references('users.id'))
    .addColumn('updated_by', 'text', (c) => c.references('users.id'))
    .addColumn('created_at', d.timestamp, (c) => c.notNull())
    .addColumn('updated_at', d.timestamp, (c) => c.notNull())
    .execute();
  // The public lists: pinned first, then newest publication, overall and per channel.
  await db.schema
    .createIndex('content_articles_public_idx')
    .on('content_articles')
    .columns(['status', 'pinned', 'publish_at', 'id'])
    .execute();
  await db.schema
    .createIndex('content_articles_channel_idx')
    .on('content_articles')
    .columns(['channel', 'status', 'pinned', 'publish_at', 'id'])
    .execute();
  await db.schema
    .createIndex('content_articles_updated_idx')
    .on('content_articles')
    .columns(['updated_at'])
    .execute();

  await db.schema
    .createTable('content_guides')
    .addColumn('id', 'text', (c) => c.primaryKey())
    /** GUIDE_CATEGORIES */
    .addColumn('category', 'text', (c) => c.notNull())
    .addColumn('title', 'text', (c) => c.notNull())
    .addColumn('summary', 'text', (c) => c.notNull().defaultTo(''))
    .addColumn('time_limit', 'text', (c) => c.notNull().defaultTo(''))
    .addColumn('fees', 'text', (c) => c.notNull().defaultTo(''))
    /** JSON { title, detail }[] */
    .addColumn('steps', d.json, (c) => c.notNull())
    /** JSON { name, copies, note }[] */
    .addColumn('materials', d.json, (c) => c.notNull())
    .addColumn('place', 'text', (c) => c.notNull().defaultTo(''))
    .addColumn('hours', 'text', (c) => c.notNull().defaultTo(''))
    .addColumn('phone', 'text', (c) => c.notNull().defaultTo(''))
    .addColumn('online_url', 'text')
    .addColumn('basis', 'text', (c) => c.notNull().defaultTo(''))
    .addColumn('status', 'text', (c) => c.notNull())
    .addColumn('publish_at', d.timestamp)
    .addColumn('first_published_at', d.timestamp)
    .addColumn('version', 'integer', (c) => c.notNull().defaultTo(1))
    .addColumn('created_by', 'text', (c) => c.references('users.id'))
    .addColumn('updated_by', 'text', (c) => c.references('users.id'))
    .addColumn('created_at', d.timestamp, (c) => c.notNull())
    .addColumn('updated_at', d.timestamp, (c) => c.notNull())
    .execute();
  // The public list: by category, newest publication first.
  await db.schema
    .createIndex('content_guides_public_idx')
    .on('content_guides')
    .columns(['status', 'category', 'publish_at', 'id'])
    .execute();

  await db.schema
    .createTable('content_attachments')
    .addColumn('id', 'text', (c) => c.primaryKey())
    /** article | guide */
    .addColumn('owner_type', 'text', (c) => c.notNull())
    .addColumn('owner_id', 'text', (c) => c.notNull())
    .addColumn('file_id', 'text', (c) => c.notNull().references('files.id'))
    .addColumn('created_by', 'text', (c) => c.references('users.id'))
    .addColumn('created_at', d.timestamp, (c) => c.notNull())
    .execute();
  await db.schema
    .createIndex('content_attachments_owner_idx')
    .on('content_attachments')
    .columns(['owner_type', 'owner_id', 'created_at'])
    .execute();

  await db.schema
    .createTable('content_action_plans')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('title', 'text', (c) => c.notNull())
    /** The first year the plan covers. */
    .addColumn('year', 'integer', (c) => c.notNull())
    .addColumn('summary', 'text', (c) => c.notNull().defaultTo(''))
    /** draft | published | archived */
    .addColumn('status', 'text', (c) => c.notNull())
    .addColumn('publish_at', d.timestamp)
    .addColumn('created_at', d.timestamp, (c) => c.notNull())
    .addColumn('updated_at', d.timestamp, (c) => c.notNull())
    .execute();
  await db.schema
    .createIndex('content_action_plans_public_idx')
    .on('content_action_plans')
    .columns(['status', 'publish_at'])
    .execute();

  await db.schema
    .createTable('content_plan_groups')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('plan_id', 'text', (c) =>
      c.notNull().references('content_action_plans.id').onDelete('cascade'),
    )
    .addColumn('seq', 'integer', (c) => c.notNull())
    .addColumn('title', 'text', (c) => c.notNull())
    .execute();
  await db.schema
    .createIndex('content_plan_groups_plan_idx')
    .on('content_plan_groups')
    .columns(['plan_id', 'seq'])
    .unique()
    .execute();

  await db.schema
    .createTable('content_measures')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('plan_id', 'text', (c) =>
      c.notNull().references('content_action_plans.id').onDelete('cascade'),
    )
    .addColumn('group_id', 'text', (c) =>
      c.notNull().references('content_plan_groups.id').onDelete('cascade'),
    )
    /** Number within the plan (1 … n), shown as 第 n 条. */
    .addColumn('seq', 'integer', (c) => c.notNull())
    .addColumn('title', 'text', (c) => c.notNull())
    .addColumn('content', 'text', (c) => c.notNull().defaultTo(''))
    .addColumn('department_id', 'text', (c) => c.notNull().references('departments.id'))
    .addColumn('deadline', d.date, (c) => c.notNull())
    /** MEASURE_STATUSES as the editor set it; `delayed` is also derived on read (not done past the deadline). */
    .addColumn('status', 'text', (c) => c.notNull())
    .addColumn('progress', 'integer', (c) => c.notNull().defaultTo(0))
    .addColumn('version', 'integer', (c) => c.notNull().defaultTo(1))
    .addColumn('updated_by', 'text', (c) => c.references('users.id'))
    .addColumn('created_at', d.timestamp, (c) => c.notNull())
    .addColumn('updated_at', d.timestamp, (c) => c.notNull())
    .execute();
  await db.schema
    .createIndex('content_measures_plan_idx')
    .on('content_measures')
    .columns(['plan_id', 'seq'])
    .execute();
  await db.schema
    .createIndex('content_measures_department_idx')
    .on('content_measures')
    .columns(['department_id'])
    .execute();

  await db.schema
    .createTable('content_measure_notes')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('measure_id', 'text', (c) => c.notNull().references('content_measures.id').onDelete('cascade'))
    .addColumn('at', d.timestamp, (c) => c.notNull())
    .addColumn('text', 'text', (c) => c.notNull())
    /** The status and progress the note recorded. */
    .addColumn('status', 'text', (c) => c.notNull())
    .addColumn('progress', 'integer', (c) => c.notNull())
    .addColumn('author_id', 'text', (c) => c.references('users.id'))
    /** The author's name at the time (seeded notes name the responsible department). */
    .addColumn('author_name', 'text')
    .execute();
  await db.schema
    .createIndex('content_measure_notes_measure_idx')
    .on('content_measure_notes')
    .columns(['measure_id', 'at'])
    .execute();
}
