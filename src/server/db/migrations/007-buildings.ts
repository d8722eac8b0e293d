import type { Kysely } from 'kysely';
import type { Dialect } from '../dialect';

/**
 * Buildings (SPEC §2.5, 楼宇资源): buildings with photos, their spaces (房源) with the rent as entered and normalised
 * to 元/㎡·月, occupancy linked to enterprise profiles, investment projects, the decayed heat counter, favourites,
 * view throttling, viewing requests (看房预约) and spreadsheet import batches.
 */
// biome-ignore lint/suspicious/noExplicitAny: migrations run against the schema as it was, not the current types
export async function up(db: Kysely<any>, d: Dialect): Promise<void> {
  // Figures are 'double precision' (float8 on PostgreSQL, REAL on SQLite): PostgreSQL's 'real' is float4, too coarse
  // for the heat sort key (≈ 2,950 + a fraction) and for rent bounds compared after a day → month conversion.
  await db.schema
    .createTable('buildings')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('name', 'text', (c) => c.notNull())
    .addColumn('street_code', 'text', (c) => c.notNull().references('streets.code'))
    .addColumn('address', 'text', (c) => c.notNull())
    /** WGS-84 degrees; null when not surveyed (the map leaves the building out). */
    .addColumn('lat', 'double precision')
    .addColumn('lng', 'double precision')
    /** BUILDING_GRADES */
    .addColumn('grade', 'text', (c) => c.notNull())
    /** BUILDING_USES */
    .addColumn('use', 'text', (c) => c.notNull())
    .addColumn('floors_above', 'integer')
    .addColumn('floors_below', 'integer')
    /** 建筑面积 ㎡ */
    .addColumn('gross_area', 'double precision')
    .addColumn('completed_year', 'integer')
    .addColumn('developer', 'text')
    .addColumn('property_manager', 'text')
    .addColumn('contact_name', 'text')
    .addColumn('contact_phone', 'text')
    .addColumn('description', 'text', (c) => c.notNull().defaultTo(''))
    .addColumn('tags', d.json, (c) => c.notNull())
    /** manual | import | survey | enterprise_report: where the record came from. */
    .addColumn('source', 'text', (c) => c.notNull())
    .addColumn('source_note', 'text')
    .addColumn('last_verified_on', d.date)
    /** active | archived */
    .addColumn('status', 'text', (c) => c.notNull().defaultTo('active'))
    // Derived from the spaces, kept current by the service in the same transaction as a space change.
    .addColumn('space_count', 'integer', (c) => c.notNull().defaultTo(0))
    .addColumn('vacant_count', 'integer', (c) => c.notNull().defaultTo(0))
    .addColumn('leasable_area', 'double precision', (c) => c.notNull().defaultTo(0))
    .addColumn('vacant_area', 'double precision', (c) => c.notNull().defaultTo(0))
    /** vacant_area / leasable_area, 0 when there are no spaces. */
    .addColumn('vacancy_rate', 'double precision', (c) => c.notNull().defaultTo(0))
    /** Lowest and highest rent of the vacant spaces, 元/㎡·月. */
    .addColumn('min_rent_monthly', 'double precision')
    .addColumn('max_rent_monthly', 'double precision')
    .addColumn('min_vacant_area', 'double precision')
    .addColumn('max_vacant_area', 'double precision')
    /** Yearly tax of current occupants (万元) and the derived flag (亿元楼 / 千万元楼), refreshed with occupancy. */
    .addColumn('occupant_tax_wan', 'double precision')
    .addColumn('tax_flag', 'text')
    /** heat.ts heatSortKey, copied from building_heat for sorting without a join. */
    .addColumn('heat_sort_key', 'double precision', (c) => c.notNull().defaultTo(0))
    .addColumn('created_by', 'text', (c) => c.references('users.id'))
    .addColumn('updated_by', 'text', (c) => c.references('users.id'))
    .addColumn('created_at', d.timestamp, (c) => c.notNull())
    .addColumn('updated_at', d.timestamp, (c) => c.notNull())
    .execute();
  await db.schema
    .createIndex('buildings_street_idx')
    .on('buildings')
    .columns(['street_code', 'status'])
    .execute();
  // The search's list (modules/buildings/search.ts): the default order (heat, then id, both descending) read off the
  // index with no sort, and every filter column after it, so a page and its count read this index alone (5,000
  // entries of ~100 bytes) and never the wide rows (description, tags …).
  await db.schema
    .createIndex('buildings_search_idx')
    .on('buildings')
    .columns([
      'status',
      'heat_sort_key',
      'id',
      'vacant_count',
      'street_code',
      'grade',
      'use',
      'tax_flag',
      'min_rent_monthly',
      'max_rent_monthly',
      'min_vacant_area',
      'max_vacant_area',
      'vacancy_rate',
    ])
    .execute();

  await db.schema
    .createTable('building_spaces')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('building_id', 'text', (c) => c.notNull().references('buildings.id').onDelete('cascade'))
    /** Negative for basement floors; never 0. */
    .addColumn('floor', 'integer', (c) => c.notNull())
    .addColumn('unit', 'text', (c) => c.notNull())
    /** normalize.ts unitKey(unit), for duplicate detection. */
    .addColumn('unit_key', 'text', (c) => c.notNull())
    .addColumn('area', 'double precision', (c) => c.notNull())
    .addColumn('rent_amount', 'double precision')
    /** RENT_UNITS */
    .addColumn('rent_unit', 'text')
    /** The rent in 元/㎡·月 (search and sort compare this). */
    .addColumn('rent_monthly', 'double precision')
    /** SPACE_STATUSES */
    .addColumn('status', 'text', (c) => c.notNull())
    /** DECORATIONS */
    .addColumn('decoration', 'text')
    .addColumn('available_from', d.date)
    .addColumn('orientation', 'text')
    .addColumn('description', 'text', (c) => c.notNull().defaultTo(''))
    .addColumn('source', 'text', (c) => c.notNull())
    .addColumn('last_verified_on', d.date)
    .addColumn('created_at', d.timestamp, (c) => c.notNull())
    .addColumn('updated_at', d.timestamp, (c) => c.notNull())
    .execute();
  // A building's spaces by status, and the search's "a vacant space in the rent and area ranges"
  // (modules/buildings/search.ts): one probe per candidate building that reads its few vacant spaces from the index
  // alone. (An index led by status and rent made SQLite's planner probe it instead, scanning every vacant space in
  // the rent range once per building: seconds at 5,000 × 20.)
  await db.schema
    .createIndex('building_spaces_building_idx')
    .on('building_spaces')
    .columns(['building_id', 'status', 'area', 'rent_monthly'])
    .execute();
  await db.schema
    .createIndex('building_spaces_unit_uq')
    .on('building_spaces')
    .columns(['building_id', 'floor', 'unit_key'])
    .unique()
    .execute();

  // 入驻企业: an enterprise (linked to its profile when it is in the library) in a building, floor and unit.
  await db.schema
    .createTable('building_occupants')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('building_id', 'text', (c) => c.notNull().references('buildings.id').onDelete('cascade'))
    .addColumn('space_id', 'text', (c) => c.references('building_spaces.id').onDelete('set null'))
    .addColumn('enterprise_id', 'text', (c) => c.references('enterprises.id'))
    /** The name as recorded (for occupants not in the enterprise library). */
    .addColumn('enterprise_name', 'text', (c) => c.notNull())
    .addColumn('floor', 'integer')
    .addColumn('unit', 'text')
    .addColumn('area', 'double precision')
    .addColumn('moved_in_on', d.date)
    /** null while the enterprise is still there. */
    .addColumn('moved_out_on', d.date)
    .addColumn('source', 'text', (c) => c.notNull())
    .addColumn('last_verified_on', d.date)
    .addColumn('created_at', d.timestamp, (c) => c.notNull())
    .addColumn('updated_at', d.timestamp, (c) => c.notNull())
    .execute();
  await db.schema
    .createIndex('building_occupants_building_idx')
    .on('building_occupants')
    .columns(['building_id', 'moved_out_on'])
    .execute();
  await db.schema
    .createIndex('building_occupants_enterprise_idx')
    .on('building_occupants')
    .column('enterprise_id')
    .execute();

  // 招商项目: a project looking for space, or one signed into a building.
  await db.schema
    .createTable('building_projects')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('building_id', 'text', (c) => c.references('buildings.id').onDelete('set null'))
    .addColumn('name', 'text', (c) => c.notNull())
    .addColumn('industry', 'text')
    .addColumn('investor', 'text')
    /** 投资额 万元 */
    .addColumn('investment_wan', 'double precision')
    .addColumn('area_needed', 'double precision')
    /** negotiating | signed | settled | dropped */
    .addColumn('status', 'text', (c) => c.notNull())
    .addColumn('description', 'text', (c) => c.notNull().defaultTo(''))
    .addColumn('signed_on', d.date)
    .addColumn('source', 'text', (c) => c.notNull())
    .addColumn('last_verified_on', d.date)
    .addColumn('created_at', d.timestamp, (c) => c.notNull())
    .addColumn('updated_at', d.timestamp, (c) => c.notNull())
    .execute();
  await db.schema
    .createIndex('building_projects_building_idx')
    .on('building_projects')
    .column('building_id')
    .execute();

  await db.schema
    .createTable('building_photos')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('building_id', 'text', (c) => c.notNull().references('buildings.id').onDelete('cascade'))
    .addColumn('file_id', 'text', (c) => c.notNull().references('files.id'))
    .addColumn('caption', 'text', (c) => c.notNull().defaultTo(''))
    .addColumn('sort_order', 'integer', (c) => c.notNull().defaultTo(0))
    .addColumn('created_at', d.timestamp, (c) => c.notNull())
    .execute();
  await db.schema
    .createIndex('building_photos_building_idx')
    .on('building_photos')
    .columns(['building_id', 'sort_order'])
    .execute();

  // heat.ts: one decayed counter per building.
  await db.schema
    .createTable('building_heat')
    .addColumn('building_id', 'text', (c) => c.primaryKey().references('buildings.id').onDelete('cascade'))
    .addColumn('score', 'double precision', (c) => c.notNull())
    .addColumn('last_at', d.timestamp, (c) => c.notNull())
    .addColumn('sort_key', 'double precision', (c) => c.notNull())
    .addColumn('views', 'integer', (c) => c.notNull().defaultTo(0))
    .addColumn('favourites', 'integer', (c) => c.notNull().defaultTo(0))
    .addColumn('viewing_requests', 'integer', (c) => c.notNull().defaultTo(0))
    .execute();

  // One counted view per visitor (session or address hash) per building per day.
  await db.schema
    .createTable('building_views')
    .addColumn('building_id', 'text', (c) => c.notNull().references('buildings.id').onDelete('cascade'))
    .addColumn('visitor', 'text', (c) => c.notNull())
    .addColumn('day', d.date, (c) => c.notNull())
    .addPrimaryKeyConstraint('building_views_pk', ['building_id', 'visitor', 'day'])
    .execute();

  await db.schema
    .createTable('building_favourites')
    .addColumn('user_id', 'text', (c) => c.notNull().references('users.id').onDelete('cascade'))
    .addColumn('building_id', 'text', (c) => c.notNull().references('buildings.id').onDelete('cascade'))
    .addColumn('created_at', d.timestamp, (c) => c.notNull())
    .addPrimaryKeyConstraint('building_favourites_pk', ['user_id', 'building_id'])
    .execute();

  // 看房预约
  await db.schema
    .createTable('viewing_requests')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('building_id', 'text', (c) => c.notNull().references('buildings.id').onDelete('cascade'))
    .addColumn('space_id', 'text', (c) => c.references('building_spaces.id').onDelete('set null'))
    /** The logged-in requester, if any (a visitor leaves only a name and phone). */
    .addColumn('user_id', 'text', (c) => c.references('users.id'))
    .addColumn('enterprise_id', 'text', (c) => c.references('enterprises.id'))
    .addColumn('name', 'text', (c) => c.notNull())
    .addColumn('phone', 'text', (c) => c.notNull())
    .addColumn('company', 'text')
    .addColumn('preferred_date', d.date)
    .addColumn('area_needed', 'double precision')
    .addColumn('message', 'text', (c) => c.notNull().defaultTo(''))
    /** pending | contacted | viewed | closed | cancelled */
    .addColumn('status', 'text', (c) => c.notNull())
    .addColumn('handled_by', 'text', (c) => c.references('users.id'))
    .addColumn('handler_note', 'text')
    .addColumn('created_at', d.timestamp, (c) => c.notNull())
    .addColumn('updated_at', d.timestamp, (c) => c.notNull())
    .execute();
  await db.schema
    .createIndex('viewing_requests_status_idx')
    .on('viewing_requests')
    .columns(['status', 'created_at'])
    .execute();
  await db.schema
    .createIndex('viewing_requests_user_idx')
    .on('viewing_requests')
    .columns(['user_id', 'created_at'])
    .execute();

  // A spreadsheet upload: the normalised rows and the report wait here between preview and commit.
  await db.schema
    .createTable('building_imports')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('uploaded_by', 'text', (c) => c.notNull().references('users.id'))
    .addColumn('file_name', 'text', (c) => c.notNull())
    .addColumn('sha256', 'text', (c) => c.notNull())
    /** previewed | committed | discarded */
    .addColumn('status', 'text', (c) => c.notNull())
    .addColumn('report', d.json, (c) => c.notNull())
    .addColumn('rows', d.json, (c) => c.notNull())
    .addColumn('created_at', d.timestamp, (c) => c.notNull())
    .addColumn('committed_at', d.timestamp)
    .execute();
}
