import type { Kysely } from 'kysely';
import type { Dialect } from '../dialect';

/**
 * An uploaded file belongs to one appeal at most (intake or 补充材料). The service checks it before writing and
 * answers 400 APPEAL_FILE_IN_USE; this index settles two requests racing with the same file.
 */
// biome-ignore lint/suspicious/noExplicitAny: migrations run against the schema as it was, not the current types
export async function up(db: Kysely<any>, _d: Dialect): Promise<void> {
  await db.schema
    .createIndex('appeal_files_file_idx')
    .on('appeal_files')
    .column('file_id')
    .unique()
    .execute();
}
