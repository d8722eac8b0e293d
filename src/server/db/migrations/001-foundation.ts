import { type Kysely, sql } from 'kysely';
import type { Dialect } from '../dialect';

/** Platform foundation: departments, accounts, sessions, audit chain, calendar, enterprises (一企一档). */
// biome-ignore lint/suspicious/noExplicitAny: migrations run against the schema as it was, not the current types
export async function up(db: Kysely<any>, d: Dialect): Promise<void> {
  await db.schema
    .createTable('departments')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('code', 'text', (c) => c.notNull().unique())
    .addColumn('name', 'text', (c) => c.notNull())
    .addColumn('kind', 'text', (c) => c.notNull())
    .addColumn('parent_id', 'text', (c) => c.references('departments.id'))
    .addColumn('sort_order', 'integer', (c) => c.notNull().defaultTo(0))
    .addColumn('phone', 'text')
    .addColumn('created_at', d.timestamp, (c) => c.notNull())
    .addColumn('updated_at', d.timestamp, (c) => c.notNull())
    .execute();

  await db.schema
    .createTable('users')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('username', 'text', (c) => c.unique())
    .addColumn('phone', 'text', (c) => c.unique())
    .addColumn('display_name', 'text', (c) => c.notNull())
    .addColumn('password_hash', 'text', (c) => c.notNull())
    .addColumn('password_changed_at', d.timestamp, (c) => c.notNull())
    .addColumn('kind', 'text', (c) => c.notNull())
    .addColumn('department_id', 'text', (c) => c.references('departments.id'))
    .addColumn('status', 'text', (c) => c.notNull().defaultTo('active'))
    .addColumn('locked_until', d.timestamp)
    .addColumn('totp_secret', 'text')
    .addColumn('last_login_at', d.timestamp)
    .addColumn('created_at', d.timestamp, (c) => c.notNull())
    .addColumn('updated_at', d.timestamp, (c) => c.notNull())
    .execute();
  await db.schema.createIndex('users_department_idx').on('users').column('department_id').execute();

  await db.schema
    .createTable('user_roles')
    .addColumn('user_id', 'text', (c) => c.notNull().references('users.id').onDelete('cascade'))
    .addColumn('role', 'text', (c) => c.notNull())
    .addColumn('created_at', d.timestamp, (c) => c.notNull())
    .addPrimaryKeyConstraint('user_roles_pk', ['user_id', 'role'])
    .execute();

  await db.schema
    .createTable('sessions')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('user_id', 'text', (c) => c.notNull().references('users.id').onDelete('cascade'))
    .addColumn('created_at', d.timestamp, (c) => c.notNull())
    .addColumn('last_seen_at', d.timestamp, (c) => c.notNull())
    .addColumn('expires_at', d.timestamp, (c) => c.notNull())
    .addColumn('ip', 'text')
    .addColumn('user_agent', 'text')
    .execute();
  await db.schema.createIndex('sessions_user_idx').on('sessions').column('user_id').execute();

  await db.schema
    .createTable('login_attempts')
    .addColumn('id', d.serialType, (c) => d.serialKey(c))
    .addColumn('user_id', 'text')
    .addColumn('identifier', 'text', (c) => c.notNull())
    .addColumn('ip', 'text')
    .addColumn('success', 'integer', (c) => c.notNull())
    .addColumn('at', d.timestamp, (c) => c.notNull())
    .execute();
  await db.schema
    .createIndex('login_attempts_user_at_idx')
    .on('login_attempts')
    .columns(['user_id', 'at'])
    .execute();

  await db.schema
    .createTable('sms_codes')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('phone', 'text', (c) => c.notNull())
    .addColumn('purpose', 'text', (c) => c.notNull())
    .addColumn('code_hash', 'text', (c) => c.notNull())
    .addColumn('attempts', 'integer', (c) => c.notNull().defaultTo(0))
    .addColumn('created_at', d.timestamp, (c) => c.notNull())
    .addColumn('expires_at', d.timestamp, (c) => c.notNull())
    .addColumn('consumed_at', d.timestamp)
    .execute();
  await db.schema.createIndex('sms_codes_phone_idx').on('sms_codes').columns(['phone', 'purpose']).execute();

  await db.schema
    .createTable('rate_limits')
    .addColumn('key', 'text', (c) => c.primaryKey())
    .addColumn('window_start', d.timestamp, (c) => c.notNull())
    .addColumn('count', 'integer', (c) => c.notNull())
    .execute();

  await db.schema
    .createTable('audit_log')
    .addColumn('seq', d.serialType, (c) => d.serialKey(c))
    .addColumn('at', d.timestamp, (c) => c.notNull())
    .addColumn('actor_id', 'text')
    .addColumn('actor_role', 'text')
    .addColumn('action', 'text', (c) => c.notNull())
    .addColumn('object_type', 'text')
    .addColumn('object_id', 'text')
    .addColumn('result', 'text', (c) => c.notNull())
    .addColumn('ip', 'text')
    .addColumn('request_id', 'text')
    // Text on both databases: the hash covers the exact bytes, and jsonb would reorder keys.
    .addColumn('details', 'text')
    .addColumn('prev_hash', 'text', (c) => c.notNull())
    .addColumn('hash', 'text', (c) => c.notNull())
    .execute();
  await db.schema
    .createIndex('audit_log_object_idx')
    .on('audit_log')
    .columns(['object_type', 'object_id'])
    .execute();
  await db.schema.createIndex('audit_log_actor_idx').on('audit_log').columns(['actor_id', 'at']).execute();
  // Append-only at the database level too: the application never updates or deletes audit records.
  if (d.name === 'sqlite') {
    await sql`create trigger audit_log_no_update before update on audit_log begin select raise(abort, 'audit_log is append-only'); end`.execute(
      db,
    );
    await sql`create trigger audit_log_no_delete before delete on audit_log begin select raise(abort, 'audit_log is append-only'); end`.execute(
      db,
    );
  } else {
    await sql`create function audit_log_append_only() returns trigger language plpgsql as $$ begin raise exception 'audit_log is append-only'; end $$`.execute(
      db,
    );
    await sql`create trigger audit_log_no_change before update or delete on audit_log for each row execute function audit_log_append_only()`.execute(
      db,
    );
  }

  await db.schema
    .createTable('calendar_years')
    .addColumn('year', 'integer', (c) => c.primaryKey())
    .addColumn('source', 'text', (c) => c.notNull())
    .addColumn('created_at', d.timestamp, (c) => c.notNull())
    .addColumn('created_by', 'text')
    .execute();
  await db.schema
    .createTable('calendar_days')
    .addColumn('date', d.date, (c) => c.primaryKey())
    .addColumn('year', 'integer', (c) => c.notNull().references('calendar_years.year').onDelete('cascade'))
    .addColumn('kind', 'text', (c) => c.notNull())
    .addColumn('name', 'text', (c) => c.notNull())
    .execute();

  await db.schema
    .createTable('streets')
    .addColumn('code', 'text', (c) => c.primaryKey())
    .addColumn('name', 'text', (c) => c.notNull().unique())
    .addColumn('sort_order', 'integer', (c) => c.notNull().defaultTo(0))
    .execute();

  await db.schema
    .createTable('qualification_kinds')
    .addColumn('code', 'text', (c) => c.primaryKey())
    .addColumn('name', 'text', (c) => c.notNull().unique())
    .addColumn('sort_order', 'integer', (c) => c.notNull().defaultTo(0))
    .addColumn('active', 'integer', (c) => c.notNull().defaultTo(1))
    .execute();

  await db.schema
    .createTable('enterprises')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('uscc', 'text', (c) => c.notNull().unique())
    .addColumn('name', 'text', (c) => c.notNull())
    .addColumn('legal_representative', 'text')
    .addColumn('registered_capital', d.decimal)
    .addColumn('established_on', d.date)
    .addColumn('registered_address', 'text')
    .addColumn('street_code', 'text', (c) => c.references('streets.code'))
    .addColumn('industry_code', 'text')
    .addColumn('employees', 'integer')
    .addColumn('insured_employees', 'integer')
    .addColumn('size_class', 'text')
    .addColumn('building', 'text')
    .addColumn('unit', 'text')
    .addColumn('tags', d.json)
    .addColumn('liaison_user_id', 'text', (c) => c.references('users.id'))
    .addColumn('version', 'integer', (c) => c.notNull().defaultTo(1))
    .addColumn('created_at', d.timestamp, (c) => c.notNull())
    .addColumn('updated_at', d.timestamp, (c) => c.notNull())
    .execute();
  await db.schema.createIndex('enterprises_name_idx').on('enterprises').column('name').execute();
  await db.schema.createIndex('enterprises_street_idx').on('enterprises').column('street_code').execute();
  await db.schema.createIndex('enterprises_industry_idx').on('enterprises').column('industry_code').execute();
  await db.schema
    .createIndex('enterprises_liaison_idx')
    .on('enterprises')
    .column('liaison_user_id')
    .execute();

  await db.schema
    .createTable('enterprise_yearly')
    .addColumn('enterprise_id', 'text', (c) => c.notNull().references('enterprises.id').onDelete('cascade'))
    .addColumn('year', 'integer', (c) => c.notNull())
    .addColumn('revenue', d.decimal)
    .addColumn('tax_paid', d.decimal)
    .addColumn('rd_spending', d.decimal)
    .addColumn('exports', d.decimal)
    .addColumn('total_assets', d.decimal)
    .addPrimaryKeyConstraint('enterprise_yearly_pk', ['enterprise_id', 'year'])
    .execute();

  await db.schema
    .createTable('enterprise_ip')
    .addColumn('enterprise_id', 'text', (c) => c.notNull().references('enterprises.id').onDelete('cascade'))
    .addColumn('kind', 'text', (c) => c.notNull())
    .addColumn('count', 'integer', (c) => c.notNull())
    .addPrimaryKeyConstraint('enterprise_ip_pk', ['enterprise_id', 'kind'])
    .execute();

  await db.schema
    .createTable('enterprise_qualifications')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('enterprise_id', 'text', (c) => c.notNull().references('enterprises.id').onDelete('cascade'))
    .addColumn('kind', 'text', (c) => c.notNull().references('qualification_kinds.code'))
    .addColumn('recognized_on', d.date, (c) => c.notNull())
    .addColumn('expires_on', d.date)
    .addColumn('certificate_no', 'text')
    .addColumn('source', 'text', (c) => c.notNull())
    .addColumn('source_ref', 'text')
    .addColumn('updated_by', 'text')
    .addColumn('updated_at', d.timestamp, (c) => c.notNull())
    .execute();
  await db.schema
    .createIndex('enterprise_qualifications_ent_idx')
    .on('enterprise_qualifications')
    .columns(['enterprise_id', 'kind'])
    .execute();

  await db.schema
    .createTable('enterprise_field_sources')
    .addColumn('enterprise_id', 'text', (c) => c.notNull().references('enterprises.id').onDelete('cascade'))
    .addColumn('field', 'text', (c) => c.notNull())
    .addColumn('source', 'text', (c) => c.notNull())
    .addColumn('source_ref', 'text')
    .addColumn('updated_by', 'text')
    .addColumn('updated_at', d.timestamp, (c) => c.notNull())
    .addPrimaryKeyConstraint('enterprise_field_sources_pk', ['enterprise_id', 'field'])
    .execute();

  await db.schema
    .createTable('enterprise_bindings')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('user_id', 'text', (c) => c.notNull().references('users.id').onDelete('cascade'))
    .addColumn('enterprise_id', 'text', (c) => c.notNull().references('enterprises.id').onDelete('cascade'))
    .addColumn('role', 'text', (c) => c.notNull())
    .addColumn('status', 'text', (c) => c.notNull())
    .addColumn('note', 'text')
    .addColumn('requested_at', d.timestamp, (c) => c.notNull())
    .addColumn('decided_at', d.timestamp)
    .addColumn('decided_by', 'text')
    .execute();
  await db.schema
    .createIndex('enterprise_bindings_user_idx')
    .on('enterprise_bindings')
    .columns(['user_id', 'status'])
    .execute();
  await db.schema
    .createIndex('enterprise_bindings_ent_idx')
    .on('enterprise_bindings')
    .columns(['enterprise_id', 'status'])
    .execute();

  await db.schema
    .createTable('job_leases')
    .addColumn('name', 'text', (c) => c.primaryKey())
    .addColumn('holder', 'text', (c) => c.notNull())
    .addColumn('expires_at', d.timestamp, (c) => c.notNull())
    .execute();
}
