import { type Kysely, sql } from 'kysely';
import type { Dialect } from '../dialect';

/**
 * Policies (政策服务, SPEC §2.3) and the attachments they are the first to use:
 * - files: uploaded attachments (platform/files), content-addressed on disk by sha256;
 * - policy documents with their published versions and topic tags; interpretations linked to documents;
 * - benefit programs with their eligibility rules versioned (program_rule_versions), budget counters, the push
 *   records of 政策找企业 and topic subscriptions;
 * - claims (兑现) with their event history; one live claim per program, enterprise and reward year, enforced by a
 *   partial unique index so that two simultaneous submissions cannot both succeed.
 * Money is in 元 as bigint (exact on both databases); estimates that may carry fractions of 元 are JSON.
 */
// biome-ignore lint/suspicious/noExplicitAny: migrations run against the schema as it was, not the current types
export async function up(db: Kysely<any>, d: Dialect): Promise<void> {
  await db.schema
    .createTable('files')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('sha256', 'text', (c) => c.notNull())
    .addColumn('size', 'integer', (c) => c.notNull())
    .addColumn('mime', 'text', (c) => c.notNull())
    .addColumn('ext', 'text', (c) => c.notNull())
    .addColumn('name', 'text', (c) => c.notNull())
    .addColumn('purpose', 'text', (c) => c.notNull())
    .addColumn('uploaded_by', 'text', (c) => c.references('users.id'))
    .addColumn('enterprise_id', 'text', (c) => c.references('enterprises.id'))
    .addColumn('created_at', d.timestamp, (c) => c.notNull())
    .execute();
  await db.schema
    .createIndex('files_uploader_idx')
    .on('files')
    .columns(['uploaded_by', 'created_at'])
    .execute();

  await db.schema
    .createTable('policy_documents')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('title', 'text', (c) => c.notNull())
    .addColumn('doc_number', 'text')
    .addColumn('issuer', 'text', (c) => c.notNull())
    .addColumn('level', 'text', (c) => c.notNull())
    .addColumn('topics', d.json, (c) => c.notNull())
    .addColumn('issued_on', d.date, (c) => c.notNull())
    .addColumn('effective_on', d.date)
    .addColumn('expires_on', d.date)
    .addColumn('summary', 'text')
    .addColumn('body_html', 'text', (c) => c.notNull())
    .addColumn('attachment_ids', d.json, (c) => c.notNull())
    .addColumn('status', 'text', (c) => c.notNull())
    // The published version in force (0 while a draft has never been published).
    .addColumn('version', 'integer', (c) => c.notNull().defaultTo(0))
    .addColumn('revision', 'integer', (c) => c.notNull().defaultTo(1))
    .addColumn('published_at', d.timestamp)
    .addColumn('created_by', 'text', (c) => c.references('users.id'))
    .addColumn('created_at', d.timestamp, (c) => c.notNull())
    .addColumn('updated_at', d.timestamp, (c) => c.notNull())
    .execute();
  await db.schema
    .createIndex('policy_documents_status_idx')
    .on('policy_documents')
    .columns(['status', 'issued_on'])
    .execute();

  await db.schema
    .createTable('policy_document_versions')
    .addColumn('document_id', 'text', (c) =>
      c.notNull().references('policy_documents.id').onDelete('cascade'),
    )
    .addColumn('version', 'integer', (c) => c.notNull())
    .addColumn('title', 'text', (c) => c.notNull())
    .addColumn('doc_number', 'text')
    .addColumn('issuer', 'text', (c) => c.notNull())
    .addColumn('level', 'text', (c) => c.notNull())
    .addColumn('topics', d.json, (c) => c.notNull())
    .addColumn('issued_on', d.date, (c) => c.notNull())
    .addColumn('effective_on', d.date)
    .addColumn('expires_on', d.date)
    .addColumn('summary', 'text')
    .addColumn('body_html', 'text', (c) => c.notNull())
    .addColumn('attachment_ids', d.json, (c) => c.notNull())
    .addColumn('change_note', 'text')
    .addColumn('created_by', 'text', (c) => c.references('users.id'))
    .addColumn('created_at', d.timestamp, (c) => c.notNull())
    .addPrimaryKeyConstraint('policy_document_versions_pk', ['document_id', 'version'])
    .execute();

  // Topic tags as rows: list filters and subscription matching are plain indexed joins on both databases.
  await db.schema
    .createTable('policy_document_topics')
    .addColumn('document_id', 'text', (c) =>
      c.notNull().references('policy_documents.id').onDelete('cascade'),
    )
    .addColumn('topic', 'text', (c) => c.notNull())
    .addPrimaryKeyConstraint('policy_document_topics_pk', ['document_id', 'topic'])
    .execute();
  await db.schema
    .createIndex('policy_document_topics_topic_idx')
    .on('policy_document_topics')
    .column('topic')
    .execute();

  await db.schema
    .createTable('policy_interpretations')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('title', 'text', (c) => c.notNull())
    .addColumn('body_html', 'text', (c) => c.notNull())
    .addColumn('qa', d.json, (c) => c.notNull())
    .addColumn('image_file_id', 'text', (c) => c.references('files.id'))
    .addColumn('status', 'text', (c) => c.notNull())
    .addColumn('revision', 'integer', (c) => c.notNull().defaultTo(1))
    .addColumn('published_at', d.timestamp)
    .addColumn('created_by', 'text', (c) => c.references('users.id'))
    .addColumn('created_at', d.timestamp, (c) => c.notNull())
    .addColumn('updated_at', d.timestamp, (c) => c.notNull())
    .execute();
  await db.schema
    .createTable('policy_interpretation_documents')
    .addColumn('interpretation_id', 'text', (c) =>
      c.notNull().references('policy_interpretations.id').onDelete('cascade'),
    )
    .addColumn('document_id', 'text', (c) =>
      c.notNull().references('policy_documents.id').onDelete('cascade'),
    )
    .addPrimaryKeyConstraint('policy_interpretation_documents_pk', ['interpretation_id', 'document_id'])
    .execute();
  await db.schema
    .createIndex('policy_interpretation_documents_doc_idx')
    .on('policy_interpretation_documents')
    .column('document_id')
    .execute();

  await db.schema
    .createTable('policy_programs')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('document_id', 'text', (c) => c.notNull().references('policy_documents.id'))
    .addColumn('title', 'text', (c) => c.notNull())
    .addColumn('summary', 'text')
    .addColumn('beneficiaries', 'text', (c) => c.notNull())
    .addColumn('mode', 'text', (c) => c.notNull())
    .addColumn('department_id', 'text', (c) => c.notNull().references('departments.id'))
    .addColumn('budget', 'bigint')
    // Approved + paid amounts (元), moved by conditional updates so that two approvals cannot overspend.
    .addColumn('budget_used', 'bigint', (c) => c.notNull().defaultTo(0))
    .addColumn('budget_paid', 'bigint', (c) => c.notNull().defaultTo(0))
    .addColumn('window_start', d.date)
    .addColumn('window_end', d.date)
    .addColumn('materials', d.json, (c) => c.notNull())
    .addColumn('rules', d.json, (c) => c.notNull())
    .addColumn('rules_version', 'integer', (c) => c.notNull().defaultTo(1))
    .addColumn('status', 'text', (c) => c.notNull())
    .addColumn('revision', 'integer', (c) => c.notNull().defaultTo(1))
    .addColumn('published_at', d.timestamp)
    .addColumn('created_by', 'text', (c) => c.references('users.id'))
    .addColumn('created_at', d.timestamp, (c) => c.notNull())
    .addColumn('updated_at', d.timestamp, (c) => c.notNull())
    .execute();
  await db.schema
    .createIndex('policy_programs_document_idx')
    .on('policy_programs')
    .column('document_id')
    .execute();
  await db.schema
    .createIndex('policy_programs_status_idx')
    .on('policy_programs')
    .columns(['status', 'window_start'])
    .execute();

  await db.schema
    .createTable('program_rule_versions')
    .addColumn('program_id', 'text', (c) => c.notNull().references('policy_programs.id').onDelete('cascade'))
    .addColumn('version', 'integer', (c) => c.notNull())
    .addColumn('rules', d.json, (c) => c.notNull())
    .addColumn('change_note', 'text')
    .addColumn('created_by', 'text', (c) => c.references('users.id'))
    .addColumn('created_at', d.timestamp, (c) => c.notNull())
    .addColumn('published_at', d.timestamp)
    .addPrimaryKeyConstraint('program_rule_versions_pk', ['program_id', 'version'])
    .execute();

  await db.schema
    .createTable('program_push_records')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('program_id', 'text', (c) => c.notNull().references('policy_programs.id').onDelete('cascade'))
    .addColumn('enterprise_id', 'text', (c) => c.notNull().references('enterprises.id').onDelete('cascade'))
    .addColumn('rules_version', 'integer', (c) => c.notNull())
    .addColumn('facts', d.json, (c) => c.notNull())
    .addColumn('amount', d.json)
    .addColumn('notified', 'integer', (c) => c.notNull())
    .addColumn('created_at', d.timestamp, (c) => c.notNull())
    .addUniqueConstraint('program_push_records_uq', ['program_id', 'rules_version', 'enterprise_id'])
    .execute();
  await db.schema
    .createIndex('program_push_records_ent_idx')
    .on('program_push_records')
    .columns(['enterprise_id', 'program_id'])
    .execute();

  await db.schema
    .createTable('policy_subscriptions')
    .addColumn('enterprise_id', 'text', (c) => c.notNull().references('enterprises.id').onDelete('cascade'))
    .addColumn('topic', 'text', (c) => c.notNull())
    .addColumn('created_at', d.timestamp, (c) => c.notNull())
    .addPrimaryKeyConstraint('policy_subscriptions_pk', ['enterprise_id', 'topic'])
    .execute();
  await db.schema
    .createIndex('policy_subscriptions_topic_idx')
    .on('policy_subscriptions')
    .column('topic')
    .execute();

  await db.schema
    .createTable('policy_claims')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('program_id', 'text', (c) => c.notNull().references('policy_programs.id'))
    .addColumn('enterprise_id', 'text', (c) => c.notNull().references('enterprises.id'))
    .addColumn('year', 'integer', (c) => c.notNull())
    .addColumn('status', 'text', (c) => c.notNull())
    .addColumn('rules_version', 'integer', (c) => c.notNull())
    .addColumn('eligibility', 'text', (c) => c.notNull())
    .addColumn('estimate', d.json)
    .addColumn('facts', d.json, (c) => c.notNull())
    .addColumn('answers', d.json, (c) => c.notNull())
    .addColumn('evaluation', d.json, (c) => c.notNull())
    .addColumn('attachments', d.json, (c) => c.notNull())
    .addColumn('contact_name', 'text')
    .addColumn('contact_phone', 'text')
    .addColumn('statement', 'text')
    .addColumn('requested_amount', 'bigint')
    .addColumn('approved_amount', 'bigint')
    .addColumn('paid_amount', 'bigint')
    .addColumn('paid_on', d.date)
    .addColumn('review_note', 'text')
    .addColumn('revision', 'integer', (c) => c.notNull().defaultTo(1))
    .addColumn('created_by', 'text', (c) => c.references('users.id'))
    .addColumn('submitted_at', d.timestamp)
    .addColumn('decided_at', d.timestamp)
    .addColumn('decided_by', 'text', (c) => c.references('users.id'))
    .addColumn('created_at', d.timestamp, (c) => c.notNull())
    .addColumn('updated_at', d.timestamp, (c) => c.notNull())
    .execute();
  await db.schema
    .createIndex('policy_claims_live_uq')
    .on('policy_claims')
    .columns(['program_id', 'enterprise_id', 'year'])
    .unique()
    .where(sql.ref('status'), '<>', 'withdrawn')
    .execute();
  await db.schema
    .createIndex('policy_claims_enterprise_idx')
    .on('policy_claims')
    .columns(['enterprise_id', 'created_at'])
    .execute();
  await db.schema
    .createIndex('policy_claims_program_idx')
    .on('policy_claims')
    .columns(['program_id', 'status'])
    .execute();
  await db.schema
    .createIndex('policy_claims_paid_idx')
    .on('policy_claims')
    .columns(['status', 'paid_on'])
    .execute();

  await db.schema
    .createTable('policy_claim_events')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('claim_id', 'text', (c) => c.notNull().references('policy_claims.id').onDelete('cascade'))
    // The claim's revision this step produced: orders the history even when two steps share an instant.
    .addColumn('revision', 'integer', (c) => c.notNull())
    .addColumn('at', d.timestamp, (c) => c.notNull())
    .addColumn('actor_id', 'text', (c) => c.references('users.id'))
    .addColumn('action', 'text', (c) => c.notNull())
    .addColumn('from_status', 'text')
    .addColumn('to_status', 'text', (c) => c.notNull())
    .addColumn('note', 'text')
    .addColumn('amount', 'bigint')
    .execute();
  await db.schema
    .createIndex('policy_claim_events_claim_idx')
    .on('policy_claim_events')
    .columns(['claim_id', 'revision'])
    .execute();
}
