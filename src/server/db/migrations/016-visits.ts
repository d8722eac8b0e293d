import type { Kysely } from 'kysely';
import type { Dialect } from '../dialect';

/**
 * 走访记录 (SPEC §1, §2.2): a liaison's visits to his enterprises, the problems raised (诉求) with their follow-up
 * status and, when turned into an appeal submitted on the enterprise's behalf, the appeal's id; and the correction
 * notes appended once the record can no longer be changed.
 */
// biome-ignore lint/suspicious/noExplicitAny: migrations run against the schema as it was, not the current types
export async function up(db: Kysely<any>, d: Dialect): Promise<void> {
  await db.schema
    .createTable('enterprise_visits')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('enterprise_id', 'text', (c) => c.notNull().references('enterprises.id'))
    /** The author: the liaison who made the visit. */
    .addColumn('liaison_id', 'text', (c) => c.notNull().references('users.id'))
    .addColumn('visited_on', d.date, (c) => c.notNull())
    /** VISIT_FORMS */
    .addColumn('form', 'text', (c) => c.notNull())
    /** [{ name, post }] */
    .addColumn('people', d.json, (c) => c.notNull())
    /** VISIT_TOPICS codes */
    .addColumn('topics', d.json, (c) => c.notNull())
    .addColumn('topic_note', 'text', (c) => c.notNull().defaultTo(''))
    .addColumn('discussion', 'text', (c) => c.notNull())
    .addColumn('note', 'text', (c) => c.notNull().defaultTo(''))
    .addColumn('next_visit_on', d.date)
    .addColumn('version', 'integer', (c) => c.notNull().defaultTo(1))
    .addColumn('created_at', d.timestamp, (c) => c.notNull())
    .addColumn('updated_at', d.timestamp, (c) => c.notNull())
    .execute();
  await db.schema
    .createIndex('enterprise_visits_enterprise')
    .on('enterprise_visits')
    .columns(['enterprise_id', 'visited_on'])
    .execute();
  await db.schema
    .createIndex('enterprise_visits_liaison')
    .on('enterprise_visits')
    .columns(['liaison_id', 'visited_on'])
    .execute();

  await db.schema
    .createTable('enterprise_visit_problems')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('visit_id', 'text', (c) => c.notNull().references('enterprise_visits.id'))
    .addColumn('seq', 'integer', (c) => c.notNull())
    .addColumn('text', 'text', (c) => c.notNull())
    /** VISIT_PROBLEM_STATUSES */
    .addColumn('status', 'text', (c) => c.notNull())
    /** The appeal submitted on the enterprise's behalf (代提) for this problem. */
    .addColumn('appeal_id', 'text', (c) => c.references('appeals.id'))
    .addColumn('updated_at', d.timestamp, (c) => c.notNull())
    .execute();
  await db.schema
    .createIndex('enterprise_visit_problems_visit')
    .on('enterprise_visit_problems')
    .columns(['visit_id', 'seq'])
    .execute();
  // One problem → at most one appeal, and an appeal belongs to one problem.
  await db.schema
    .createIndex('enterprise_visit_problems_appeal')
    .on('enterprise_visit_problems')
    .column('appeal_id')
    .unique()
    .execute();

  await db.schema
    .createTable('enterprise_visit_notes')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('visit_id', 'text', (c) => c.notNull().references('enterprise_visits.id'))
    .addColumn('author_id', 'text', (c) => c.notNull().references('users.id'))
    .addColumn('text', 'text', (c) => c.notNull())
    .addColumn('created_at', d.timestamp, (c) => c.notNull())
    .execute();
  await db.schema
    .createIndex('enterprise_visit_notes_visit')
    .on('enterprise_visit_notes')
    .column('visit_id')
    .execute();
}
