import { type ColumnDefinitionBuilder, type Kysely, type RawBuilder, sql } from 'kysely';

/**
 * Every difference between SQLite and PostgreSQL lives in this file: column types for ids, timestamps, JSON and
 * booleans; JSON decoding; case-insensitive search; locks. Nothing else in the code knows which database it runs on.
 *
 * Conventions that hold on both:
 * - timestamps are ISO 8601 UTC strings in TypeScript (`2026-11-26T07:05:00.000Z`); PostgreSQL stores timestamptz and
 *   its type parser hands back the same string form (see database.ts), SQLite stores the text;
 * - calendar dates are `YYYY-MM-DD` strings (PostgreSQL `date`, SQLite text);
 * - booleans are integers 0/1 on both (better-sqlite3 refuses JS booleans; one representation keeps queries identical);
 * - JSON is `jsonb` on PostgreSQL and text on SQLite; write with `toJson`, read with `fromJson`.
 */
export type DialectName = 'sqlite' | 'postgres';

export interface Dialect {
  name: DialectName;
  /** Column type for instants. */
  timestamp: 'timestamptz' | 'text';
  /** Column type for calendar dates. */
  date: 'date' | 'text';
  /** Column type for JSON documents. */
  json: 'jsonb' | 'text';
  /** Column type for money and figures in 万元 (exact decimal on PostgreSQL). */
  decimal: 'numeric' | 'real';
  /** Auto-increment integer key (used only where order matters: the audit chain). */
  serialKey(col: ColumnDefinitionBuilder): ColumnDefinitionBuilder;
  serialType: 'bigserial' | 'integer';
  /** Case-insensitive substring match (LIKE on SQLite is ASCII-case-insensitive; ILIKE on PostgreSQL). */
  likeOperator: 'like' | 'ilike';
}

export const DIALECTS: Record<DialectName, Dialect> = {
  sqlite: {
    name: 'sqlite',
    timestamp: 'text',
    date: 'text',
    json: 'text',
    decimal: 'real',
    serialKey: (c) => c.primaryKey().autoIncrement(),
    serialType: 'integer',
    likeOperator: 'like',
  },
  postgres: {
    name: 'postgres',
    timestamp: 'timestamptz',
    date: 'date',
    json: 'jsonb',
    decimal: 'numeric',
    serialKey: (c) => c.primaryKey(),
    serialType: 'bigserial',
    likeOperator: 'ilike',
  },
};

/** Serialise a value for a JSON column. */
export function toJson(value: unknown): string {
  return JSON.stringify(value);
}

/** Read a JSON column: PostgreSQL's driver already parsed jsonb, SQLite hands back text. */
export function fromJson<T>(value: unknown, fallback: T): T {
  if (value === null || value === undefined) return fallback;
  if (typeof value === 'string') {
    try {
      return JSON.parse(value) as T;
    } catch {
      return fallback;
    }
  }
  return value as T;
}

/** Numbers from `numeric` columns arrive as strings from pg; normalise to number | null. */
export function toNumber(value: unknown): number | null {
  if (value === null || value === undefined) return null;
  const n = typeof value === 'number' ? value : Number(value);
  return Number.isFinite(n) ? n : null;
}

/** Escape LIKE wildcards in user input so `%` and `_` match literally. */
export function likePattern(term: string): string {
  return `%${term.replace(/[\\%_]/g, (c) => `\\${c}`)}%`;
}

/** `ESCAPE '\'` clause matching likePattern, valid on both databases. */
export const likeEscape: RawBuilder<unknown> = sql`'\\'`;

/**
 * Serialise writers of a chain (the audit log) across app instances: a transaction-scoped advisory lock on
 * PostgreSQL; SQLite transactions are already serialised by the single writer.
 */
export async function lockForChain(trx: Kysely<unknown>, dialect: Dialect, key: number): Promise<void> {
  if (dialect.name === 'postgres') await sql`select pg_advisory_xact_lock(${key})`.execute(trx);
}

/** True when a write failed on a unique constraint (PostgreSQL 23505, SQLite's constraint codes). */
export function isUniqueViolation(err: unknown): boolean {
  const code = (err as { code?: unknown } | null)?.code;
  return code === '23505' || code === 'SQLITE_CONSTRAINT_UNIQUE' || code === 'SQLITE_CONSTRAINT_PRIMARYKEY';
}
