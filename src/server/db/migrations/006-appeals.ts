import type { Kysely } from 'kysely';
import type { Dialect } from '../dialect';

/**
 * Appeals (SPEC §2.4, 诉求受理): the dispatch catalogue, the SLA settings, the appeals with their clocks and side
 * flags, the departments on each appeal, the timeline, attachments, reminders sent by the scheduled job, and the
 * knowledge base curated from closed 咨询 appeals.
 */
// biome-ignore lint/suspicious/noExplicitAny: migrations run against the schema as it was, not the current types
export async function up(db: Kysely<any>, d: Dialect): Promise<void> {
  // 派单目录: topic → lead department → SLA overrides (JSON, fields of sla.ts TopicSla).
  await db.schema
    .createTable('appeal_topics')
    .addColumn('code', 'text', (c) => c.primaryKey())
    .addColumn('name', 'text', (c) => c.notNull())
    /** Group shown in pickers (市场监管, 人社, 城市管理 …). */
    .addColumn('category', 'text', (c) => c.notNull())
    .addColumn('description', 'text', (c) => c.notNull().defaultTo(''))
    .addColumn('lead_department_id', 'text', (c) => c.notNull().references('departments.id'))
    /** Extra words that point to this topic (the classifier and the intake form read them). */
    .addColumn('keywords', d.json, (c) => c.notNull())
    .addColumn('sla', d.json, (c) => c.notNull())
    .addColumn('active', 'integer', (c) => c.notNull().defaultTo(1))
    .addColumn('sort_order', 'integer', (c) => c.notNull().defaultTo(0))
    .addColumn('created_at', d.timestamp, (c) => c.notNull())
    .addColumn('updated_at', d.timestamp, (c) => c.notNull())
    .execute();

  // District-wide settings (key 'sla': SlaSettings without the topics; the topics come from appeal_topics).
  await db.schema
    .createTable('appeal_settings')
    .addColumn('key', 'text', (c) => c.primaryKey())
    .addColumn('value', d.json, (c) => c.notNull())
    .addColumn('updated_by', 'text', (c) => c.references('users.id'))
    .addColumn('updated_at', d.timestamp, (c) => c.notNull())
    .execute();

  await db.schema
    .createTable('appeals')
    .addColumn('id', 'text', (c) => c.primaryKey())
    /** Human number, 诉求编号: SQ + yyyymmdd + 4-digit sequence of the day. */
    .addColumn('code', 'text', (c) => c.notNull().unique())
    .addColumn('enterprise_id', 'text', (c) => c.references('enterprises.id'))
    .addColumn('submitted_by', 'text', (c) => c.references('users.id'))
    /** web | liaison | phone */
    .addColumn('channel', 'text', (c) => c.notNull())
    /** The submitter's retry key: one appeal per (submitted_by, idempotency_key). */
    .addColumn('idempotency_key', 'text')
    .addColumn('contact_name', 'text')
    .addColumn('contact_phone', 'text')
    .addColumn('type', 'text', (c) => c.notNull())
    .addColumn('topic_code', 'text', (c) => c.references('appeal_topics.code'))
    .addColumn('title', 'text', (c) => c.notNull())
    .addColumn('content', 'text', (c) => c.notNull())
    .addColumn('is_public', 'integer', (c) => c.notNull().defaultTo(0))
    .addColumn('state', 'text', (c) => c.notNull())
    /** Optimistic lock: every action updates `where version = read version`; a loser gets 409. */
    .addColumn('version', 'integer', (c) => c.notNull().defaultTo(1))
    .addColumn('lead_department_id', 'text', (c) => c.references('departments.id'))
    .addColumn('suggested_topic_code', 'text')
    .addColumn('suggested_department_id', 'text')
    // The clock (sla.ts): receipt day, deadlines as instants.
    .addColumn('received_on', d.date, (c) => c.notNull())
    .addColumn('accept_deadline', d.timestamp, (c) => c.notNull())
    .addColumn('reply_started_at', d.timestamp)
    .addColumn('reply_deadline', d.timestamp)
    .addColumn('extension_status', 'text', (c) => c.notNull().defaultTo('none'))
    .addColumn('extension_days', 'integer')
    .addColumn('extension_reason', 'text')
    .addColumn('supervision_level', 'text', (c) => c.notNull().defaultTo('none'))
    .addColumn('reopen_count', 'integer', (c) => c.notNull().defaultTo(0))
    .addColumn('merged_into_id', 'text')
    // Milestones (the statistics read these columns, never the timeline).
    .addColumn('accepted_at', d.timestamp)
    .addColumn('dispatched_at', d.timestamp)
    .addColumn('signed_at', d.timestamp)
    .addColumn('replied_at', d.timestamp)
    .addColumn('closed_at', d.timestamp)
    /** 1 when the reply came after its deadline (kept per reply; a reopen resets it with the new reply). */
    .addColumn('replied_late', 'integer')
    .addColumn('reply_content', 'text')
    .addColumn('reply_solved', 'integer')
    .addColumn('reply_unsolved_reason', 'text')
    .addColumn('reply_public', 'integer')
    .addColumn('rating', 'text')
    .addColumn('rating_solved', 'integer')
    .addColumn('rating_comment', 'text')
    /** 1 for the default rating of an automatic closure: 满意率 leaves it out. */
    .addColumn('rating_default', 'integer', (c) => c.notNull().defaultTo(0))
    .addColumn('rated_at', d.timestamp)
    /** Working minutes from dispatched_at to replied_at (sla.ts), set by the reply, cleared by a reopen. */
    .addColumn('handling_minutes', 'integer')
    .addColumn('created_at', d.timestamp, (c) => c.notNull())
    .addColumn('updated_at', d.timestamp, (c) => c.notNull())
    .execute();
  await db.schema
    .createIndex('appeals_idempotency_uq')
    .on('appeals')
    .columns(['submitted_by', 'idempotency_key'])
    .unique()
    .execute();
  await db.schema
    .createIndex('appeals_enterprise_idx')
    .on('appeals')
    .columns(['enterprise_id', 'created_at'])
    .execute();
  await db.schema
    .createIndex('appeals_state_idx')
    .on('appeals')
    .columns(['state', 'accept_deadline'])
    .execute();
  await db.schema
    .createIndex('appeals_lead_idx')
    .on('appeals')
    .columns(['lead_department_id', 'state', 'reply_deadline'])
    .execute();
  // Covering indexes of the statistics (statistics.ts): each holds every column the statistics read, so that their
  // one pass over a window reads a narrow index instead of the wide rows, and none needs a sort:
  //   - created_at first: by month, one range per month (and what a plain created_at index served: lists by
  //     submission time);
  //   - lead department / topic first: GROUP BY streamed in index order (SQLite would otherwise sort a million
  //     rows: seconds). The topic one also serves what (topic_code, created_at) served.
  // Cost and gain measured by bench/appeal-stats.ts (BENCH_STATS_NO_INDEX=1 runs without them).
  const statsColumns = [
    'state',
    'accepted_at',
    'accept_deadline',
    'closed_at',
    'replied_at',
    'replied_late',
    'reply_deadline',
    'rating',
    'rating_default',
    'rating_solved',
    'reopen_count',
    'handling_minutes',
  ];
  await db.schema
    .createIndex('appeals_stats_idx')
    .on('appeals')
    .columns(['created_at', ...statsColumns])
    .execute();
  await db.schema
    .createIndex('appeals_stats_lead_idx')
    .on('appeals')
    .columns(['lead_department_id', 'created_at', ...statsColumns])
    .execute();
  await db.schema
    .createIndex('appeals_stats_topic_idx')
    .on('appeals')
    .columns(['topic_code', 'created_at', ...statsColumns])
    .execute();

  // 主办 / 协办 departments of an appeal; the assisting departments write their opinion here.
  await db.schema
    .createTable('appeal_departments')
    .addColumn('appeal_id', 'text', (c) => c.notNull().references('appeals.id').onDelete('cascade'))
    .addColumn('department_id', 'text', (c) => c.notNull().references('departments.id'))
    /** lead | assisting */
    .addColumn('role', 'text', (c) => c.notNull())
    .addColumn('opinion', 'text')
    .addColumn('opinion_by', 'text', (c) => c.references('users.id'))
    .addColumn('opinion_at', d.timestamp)
    .addColumn('assigned_at', d.timestamp, (c) => c.notNull())
    .addPrimaryKeyConstraint('appeal_departments_pk', ['appeal_id', 'department_id'])
    .execute();
  await db.schema
    .createIndex('appeal_departments_dept_idx')
    .on('appeal_departments')
    .columns(['department_id', 'role'])
    .execute();

  // The timeline: one row per action (and per note), in order.
  await db.schema
    .createTable('appeal_events')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('appeal_id', 'text', (c) => c.notNull().references('appeals.id').onDelete('cascade'))
    .addColumn('seq', 'integer', (c) => c.notNull())
    /** An APPEAL_ACTIONS code, or submit | opinion | remind | note. */
    .addColumn('action', 'text', (c) => c.notNull())
    .addColumn('actor_id', 'text', (c) => c.references('users.id'))
    /** The role the actor acted in (APPEAL_ACTOR_ROLES). */
    .addColumn('actor_role', 'text', (c) => c.notNull())
    .addColumn('department_id', 'text', (c) => c.references('departments.id'))
    .addColumn('from_state', 'text')
    .addColumn('to_state', 'text')
    .addColumn('note', 'text')
    .addColumn('data', d.json)
    /** 0 for events the enterprise does not see (internal notes, assisting opinions). */
    .addColumn('visible_to_enterprise', 'integer', (c) => c.notNull().defaultTo(1))
    .addColumn('at', d.timestamp, (c) => c.notNull())
    .execute();
  await db.schema
    .createIndex('appeal_events_appeal_uq')
    .on('appeal_events')
    .columns(['appeal_id', 'seq'])
    .unique()
    .execute();

  await db.schema
    .createTable('appeal_files')
    .addColumn('appeal_id', 'text', (c) => c.notNull().references('appeals.id').onDelete('cascade'))
    .addColumn('file_id', 'text', (c) => c.notNull().references('files.id'))
    .addColumn('event_id', 'text')
    .addColumn('added_at', d.timestamp, (c) => c.notNull())
    .addPrimaryKeyConstraint('appeal_files_pk', ['appeal_id', 'file_id'])
    .execute();

  // Reminders the scheduled job has sent: the primary key makes "each reminder once" hold across instances.
  await db.schema
    .createTable('appeal_reminders')
    .addColumn('appeal_id', 'text', (c) => c.notNull().references('appeals.id').onDelete('cascade'))
    /** accept_due_soon | accept_overdue | reply_due_soon | reply_overdue | rating_due … */
    .addColumn('kind', 'text', (c) => c.notNull())
    /** The deadline reminded of: a new deadline (extension, redispatch) earns a new reminder. */
    .addColumn('deadline', d.timestamp, (c) => c.notNull())
    .addColumn('sent_at', d.timestamp, (c) => c.notNull())
    .addColumn('holder', 'text', (c) => c.notNull())
    .addPrimaryKeyConstraint('appeal_reminders_pk', ['appeal_id', 'kind', 'deadline'])
    .execute();

  // 知识库: question + answer curated by staff, usually from a closed 咨询 appeal.
  await db.schema
    .createTable('appeal_kb')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('question', 'text', (c) => c.notNull())
    .addColumn('answer', 'text', (c) => c.notNull())
    .addColumn('topic_code', 'text', (c) => c.references('appeal_topics.code'))
    .addColumn('source_appeal_id', 'text', (c) => c.references('appeals.id'))
    /** draft | published | archived */
    .addColumn('status', 'text', (c) => c.notNull())
    .addColumn('views', 'integer', (c) => c.notNull().defaultTo(0))
    .addColumn('created_by', 'text', (c) => c.references('users.id'))
    .addColumn('updated_by', 'text', (c) => c.references('users.id'))
    .addColumn('created_at', d.timestamp, (c) => c.notNull())
    .addColumn('updated_at', d.timestamp, (c) => c.notNull())
    .addColumn('published_at', d.timestamp)
    .execute();
  await db.schema
    .createIndex('appeal_kb_status_idx')
    .on('appeal_kb')
    .columns(['status', 'updated_at'])
    .execute();
}
