import { sql } from 'kysely';
import type { DB } from '../../db/database';
import type { Clock } from '../clock';

/**
 * Shared counters for the limits that must hold across app instances (login, SMS): one upsert per hit in the
 * database, fixed windows. The general API limit is per instance in memory (see MemoryRateLimiter) because a
 * database write per request would cost more than the flood it guards against.
 */
export class DbRateLimiter {
  constructor(
    private readonly db: DB,
    private readonly clock: Clock,
  ) {}

  /** Count one hit on `key`; true when the hit is within `limit` per `windowMs`. */
  async hit(key: string, limit: number, windowMs: number): Promise<boolean> {
    const now = this.clock.now();
    const nowIso = now.toISOString();
    const cutoff = new Date(now.getTime() - windowMs).toISOString();
    const row = await this.db
      .insertInto('rateLimits')
      .values({ key, windowStart: nowIso, count: 1 })
      .onConflict((oc) =>
        oc.column('key').doUpdateSet({
          count: sql<number>`case when rate_limits.window_start <= ${cutoff} then 1 else rate_limits.count + 1 end`,
          windowStart: sql<string>`case when rate_limits.window_start <= ${cutoff} then ${nowIso} else rate_limits.window_start end`,
        }),
      )
      .returning('count')
      .executeTakeFirstOrThrow();
    return row.count <= limit;
  }

  async reset(key: string): Promise<void> {
    await this.db.deleteFrom('rateLimits').where('key', '=', key).execute();
  }
}

/** Per-instance fixed-window limiter for the whole API, keyed by client IP. */
export class MemoryRateLimiter {
  private windowStart = 0;
  private counts = new Map<string, number>();

  constructor(
    private readonly limit: number,
    private readonly windowMs: number,
    private readonly clock: Clock,
  ) {}

  hit(key: string): boolean {
    const now = this.clock.now().getTime();
    if (now - this.windowStart >= this.windowMs) {
      this.windowStart = now;
      this.counts.clear();
    }
    const n = (this.counts.get(key) ?? 0) + 1;
    this.counts.set(key, n);
    return n <= this.limit;
  }
}
