import { type Kysely, sql } from 'kysely';
import type { Dialect } from '../dialect';

/**
 * A change log of buildings for the in-memory search snapshot (modules/buildings/snapshot.ts): every committed write
 * to a building, its spaces, photos, heat or search entry stamps the building with the next number of the
 * `buildings` counter. A process holding a snapshot asks for the counter on each search (one primary-key read) and,
 * when it moved, reloads just the buildings stamped after its own number. One row per building (the latest stamp),
 * so the log never grows beyond the buildings ever held and needs no pruning.
 *
 * Triggers, not calls in the module, so that no write path (editor, import, viewing heat, seed, a future one) can
 * forget it. The stamp must follow commit order, or a reader could pass over a slower transaction's smaller number:
 * SQLite has one writer at a time; on PostgreSQL the triggers are DEFERRED constraint triggers, which run at COMMIT
 * and take the counter's row lock there, so stamps are handed out in the order transactions commit, and (taken last,
 * after every other lock of the transaction) the lock cannot be part of a deadlock.
 */
// biome-ignore lint/suspicious/noExplicitAny: migrations run against the schema as it was, not the current types
export async function up(db: Kysely<any>, d: Dialect): Promise<void> {
  await db.schema
    .createTable('change_counters')
    .addColumn('name', 'text', (c) => c.primaryKey())
    .addColumn('seq', 'bigint', (c) => c.notNull())
    .execute();
  await db.insertInto('change_counters').values({ name: 'buildings', seq: 0 }).execute();
  await db.schema
    .createTable('building_changes')
    // No foreign key: a deleted building is stamped too, so that snapshots drop it.
    .addColumn('building_id', 'text', (c) => c.primaryKey())
    .addColumn('seq', 'bigint', (c) => c.notNull())
    .execute();
  await db.schema.createIndex('building_changes_seq_idx').on('building_changes').column('seq').execute();

  // [table, the column holding the building id, the rows that concern buildings]
  const watched: [string, string, string | null][] = [
    ['buildings', 'id', null],
    ['building_spaces', 'building_id', null],
    ['building_photos', 'building_id', null],
    ['building_heat', 'building_id', null],
    ['search_entries', 'entity_id', `scope = 'building'`],
  ];

  if (d.name === 'sqlite') {
    const stamp = (row: 'new' | 'old', column: string) => `
      update change_counters set seq = seq + 1 where name = 'buildings';
      insert into building_changes (building_id, seq)
        values (${row}.${column}, (select seq from change_counters where name = 'buildings'))
        on conflict (building_id) do update set seq = excluded.seq;`;
    for (const [table, column, only] of watched) {
      const when = (row: 'new' | 'old') => (only ? `when ${row}.${only}` : '');
      await sql
        .raw(`create trigger ${table}_changed_insert after insert on ${table} ${when('new')}
          begin ${stamp('new', column)} end`)
        .execute(db);
      await sql
        .raw(`create trigger ${table}_changed_update after update on ${table} ${when('new')}
          begin ${stamp('new', column)} ${column === 'id' ? '' : `${stamp('old', column)}`} end`)
        .execute(db);
      await sql
        .raw(`create trigger ${table}_changed_delete after delete on ${table} ${when('old')}
          begin ${stamp('old', column)} end`)
        .execute(db);
    }
    return;
  }

  await sql`create function qifu_building_changed() returns trigger language plpgsql as $$
    declare
      ids text[];
      stamp bigint;
      id text;
    begin
      if TG_TABLE_NAME = 'buildings' then
        ids := case TG_OP when 'DELETE' then array[OLD.id] else array[NEW.id] end;
      elsif TG_TABLE_NAME = 'search_entries' then
        ids := case TG_OP when 'DELETE' then array[OLD.entity_id] else array[NEW.entity_id] end;
      elsif TG_OP = 'DELETE' then
        ids := array[OLD.building_id];
      elsif TG_OP = 'UPDATE' then
        ids := array[NEW.building_id, OLD.building_id];
      else
        ids := array[NEW.building_id];
      end if;
      update change_counters set seq = seq + 1 where name = 'buildings' returning seq into stamp;
      foreach id in array ids loop
        insert into building_changes (building_id, seq) values (id, stamp)
          on conflict (building_id) do update set seq = excluded.seq;
      end loop;
      return null;
    end $$`.execute(db);
  for (const [table, , only] of watched) {
    const when = (row: 'NEW' | 'OLD') => (only ? `when (${row}.${only})` : '');
    await sql
      .raw(`create constraint trigger ${table}_changed after insert or update on ${table}
        deferrable initially deferred for each row ${when('NEW')} execute function qifu_building_changed()`)
      .execute(db);
    await sql
      .raw(`create constraint trigger ${table}_removed after delete on ${table}
        deferrable initially deferred for each row ${when('OLD')} execute function qifu_building_changed()`)
      .execute(db);
  }
}
