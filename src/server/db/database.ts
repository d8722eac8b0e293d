import fs from 'node:fs';
import path from 'node:path';
import SQLite from 'better-sqlite3';
import { CamelCasePlugin, Kysely, PostgresDialect, type SqliteDatabase, SqliteDialect } from 'kysely';
import { type Migration, Migrator } from 'kysely/migration';
import pg from 'pg';
import { DIALECTS, type Dialect } from './dialect';
import { MIGRATIONS } from './migrations';
import type { Database } from './schema';

export type DB = Kysely<Database>;

export interface DatabaseHandle {
  db: DB;
  dialect: Dialect;
  /** Human description without secrets, for logs. */
  description: string;
  /** PostgreSQL schema in use when not the default (tests give each file its own). */
  pgSchema?: string | undefined;
  close(): Promise<void>;
}

export interface DatabaseOptions {
  /** PostgreSQL URL; when absent, SQLite at sqliteFile. */
  databaseUrl?: string | undefined;
  /** SQLite file path, or ':memory:'. */
  sqliteFile?: string;
  /** PostgreSQL schema to use (tests give each file its own). */
  pgSchema?: string;
  /** PostgreSQL pool size. */
  poolSize?: number;
}

let pgTypesInstalled = false;
/** Make pg hand back the same shapes SQLite does: ISO strings for instants, YYYY-MM-DD for dates, numbers. */
function installPgTypeParsers(): void {
  if (pgTypesInstalled) return;
  pgTypesInstalled = true;
  const iso = (v: string) => new Date(v).toISOString();
  pg.types.setTypeParser(1184, iso); // timestamptz
  pg.types.setTypeParser(1114, (v) => new Date(`${v}Z`).toISOString()); // timestamp (UTC by convention)
  pg.types.setTypeParser(1082, (v) => v); // date
  pg.types.setTypeParser(20, (v) => Number(v)); // int8: counts and serials fit in a double
  pg.types.setTypeParser(1700, (v) => Number(v)); // numeric: 万元 figures
}

export function openDatabase(opts: DatabaseOptions): DatabaseHandle {
  const plugins = [new CamelCasePlugin()];
  if (opts.databaseUrl) {
    installPgTypeParsers();
    const pool = new pg.Pool({
      connectionString: opts.databaseUrl,
      max: opts.poolSize ?? 10,
      ...(opts.pgSchema ? { options: `-c search_path=${opts.pgSchema}` } : {}),
    });
    const db = new Kysely<Database>({ dialect: new PostgresDialect({ pool }), plugins });
    const u = new URL(opts.databaseUrl);
    return {
      db,
      dialect: DIALECTS.postgres,
      description: `postgres://${u.host}${u.pathname}${opts.pgSchema ? ` (schema ${opts.pgSchema})` : ''}`,
      pgSchema: opts.pgSchema,
      close: () => db.destroy(),
    };
  }
  const file = opts.sqliteFile ?? ':memory:';
  if (file !== ':memory:') fs.mkdirSync(path.dirname(file), { recursive: true });
  const sqlite = new SQLite(file);
  sqlite.pragma('journal_mode = WAL');
  sqlite.pragma('synchronous = FULL');
  sqlite.pragma('foreign_keys = ON');
  sqlite.pragma('busy_timeout = 5000');
  const db = new Kysely<Database>({
    dialect: new SqliteDialect({ database: cachedStatements(sqlite) }),
    plugins,
  });
  return { db, dialect: DIALECTS.sqlite, description: `sqlite:${file}`, close: () => db.destroy() };
}

/** Prepared statements kept per connection (SQL texts with `in (?, ?, …)` lists vary; the oldest go first). */
const STATEMENT_CACHE = 1_000;

/**
 * The connection as Kysely's SQLite driver sees it, with its prepared statements kept: the driver prepares every
 * query it runs, and preparing cost a tenth of an appeal submission's CPU (bench/appeal-submit.ts). A statement
 * still being iterated (a streamed query) is never handed out again; a fresh one is prepared instead. SQLite
 * re-prepares a kept statement by itself when a migration changes the schema.
 */
function cachedStatements(sqlite: SQLite.Database): SqliteDatabase {
  const kept = new Map<string, SQLite.Statement>();
  return {
    close: () => sqlite.close(),
    prepare: (text: string) => {
      const hit = kept.get(text);
      if (hit && !hit.busy) return hit;
      const statement = sqlite.prepare(text);
      if (!hit) {
        if (kept.size >= STATEMENT_CACHE) kept.delete(kept.keys().next().value!);
        kept.set(text, statement);
      }
      return statement;
    },
  };
}

/** Apply every pending migration; throws with the failing migration's name. */
export async function migrateToLatest(handle: DatabaseHandle): Promise<string[]> {
  const migrations: Record<string, Migration> = {};
  for (const [name, m] of Object.entries(MIGRATIONS)) {
    migrations[name] = { up: (db) => m.up(db, handle.dialect) };
  }
  const migrator = new Migrator({
    // Migrations write snake_case themselves; the plugin-free instance keeps Kysely's own tables untouched.
    db: handle.db.withoutPlugins(),
    provider: { getMigrations: async () => migrations },
    // Kysely looks its bookkeeping tables up without a schema; name it so parallel schemas do not see each other's.
    ...(handle.pgSchema ? { migrationTableSchema: handle.pgSchema } : {}),
  });
  const { error, results } = await migrator.migrateToLatest();
  const failed = results?.find((r) => r.status === 'Error');
  if (error) {
    throw new Error(`Migration ${failed?.migrationName ?? '(unknown)'} failed: ${String(error)}`, {
      cause: error,
    });
  }
  return (results ?? []).filter((r) => r.status === 'Success').map((r) => r.migrationName);
}
