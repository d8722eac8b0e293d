import { randomBytes } from 'node:crypto';
import type { FastifyInstance } from 'fastify';
import pg from 'pg';
import { buildApp, type Platform, platformOf } from '../app';
import { type Config, loadConfig } from '../config';
import { type DatabaseHandle, migrateToLatest, openDatabase } from '../db/database';
import { FixedClock } from '../platform/clock';
import { MemorySmsChannel } from '../platform/notify/sms';

/** Which database the integration suite runs on: `npm test` → SQLite, `npm run test:pg` → PostgreSQL. */
export const TEST_DB: 'sqlite' | 'postgres' = process.env.QIFU_TEST_DB === 'postgres' ? 'postgres' : 'sqlite';
export const TEST_PG_URL = process.env.QIFU_TEST_PG_URL ?? 'postgres://postgres@127.0.0.1:5432/test';

export interface TestDatabase {
  handle: DatabaseHandle;
  drop(): Promise<void>;
}

/** A fresh, migrated database: in-memory SQLite, or a schema of its own in PostgreSQL. */
export async function createTestDatabase(): Promise<TestDatabase> {
  if (TEST_DB === 'sqlite') {
    const handle = openDatabase({ sqliteFile: ':memory:' });
    await migrateToLatest(handle);
    return { handle, drop: () => handle.close() };
  }
  const schema = `t_${randomBytes(6).toString('hex')}`;
  const admin = new pg.Client({ connectionString: TEST_PG_URL });
  await admin.connect();
  await admin.query(`create schema ${schema}`);
  await admin.end();
  const handle = openDatabase({ databaseUrl: TEST_PG_URL, pgSchema: schema, poolSize: 4 });
  await migrateToLatest(handle);
  return {
    handle,
    drop: async () => {
      await handle.close();
      const c = new pg.Client({ connectionString: TEST_PG_URL });
      await c.connect();
      await c.query(`drop schema ${schema} cascade`);
      await c.end();
    },
  };
}

export interface TestApp {
  app: FastifyInstance;
  database: DatabaseHandle;
  clock: FixedClock;
  sms: MemorySmsChannel;
  config: Config;
  /** What the app's modules were given: for running a module's job or service beside the app. */
  platform: Platform;
  close(): Promise<void>;
}

/** The whole app over a fresh database, at a fixed instant, with SMS captured in memory. */
export async function createTestApp(
  opts: { now?: string; env?: Record<string, string> } = {},
): Promise<TestApp> {
  const db = await createTestDatabase();
  const clock = new FixedClock(opts.now ?? '2026-03-10T02:00:00.000Z');
  const sms = new MemorySmsChannel();
  const config = loadConfig({ NODE_ENV: 'test', QIFU_SEED_DEMO: 'false', QIFU_JOBS: 'false', ...opts.env });
  const app = await buildApp({ config, database: db.handle, clock, sms, logger: false, webRoot: null });
  await app.ready();
  return {
    app,
    database: db.handle,
    clock,
    sms,
    config,
    platform: platformOf(app),
    close: async () => {
      await app.close();
      await db.drop();
    },
  };
}

/** The session cookie from a login or registration response, ready for the `cookie` header. */
export function sessionCookie(res: { cookies: { name: string; value: string }[] }): string {
  const c = res.cookies.find((x) => x.name === 'qifu_session');
  if (!c) throw new Error('no session cookie in response');
  return `qifu_session=${c.value}`;
}

export async function login(app: FastifyInstance, account: string, password: string): Promise<string> {
  const res = await app.inject({ method: 'POST', url: '/api/v1/auth/login', payload: { account, password } });
  if (res.statusCode !== 200) throw new Error(`login ${account} failed: ${res.statusCode} ${res.body}`);
  return sessionCookie(res);
}
