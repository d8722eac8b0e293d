import type { FastifyBaseLogger } from 'fastify';
import type { DB } from '../../db/database';
import type { AuditLog } from '../../platform/audit/audit';
import type { Clock } from '../../platform/clock';
import { systemContext } from '../../platform/context';
import { takeLease } from '../../platform/jobs/lease';
import { periodic } from '../../platform/jobs/periodic';
import { lastCompletedYear } from './profile';
import { markFactsChanged } from './repository';
import { refreshSizeClass } from './service';

/**
 * The yearly recompute of the stored size class (SPEC §2.2). The class comes from the last completed year's
 * figures (`deriveSize`), and is stored on each enterprise for list filters and statistics. Every write to a
 * profile refreshes it; on 1 January, though, the basis year moves for every enterprise at once with no write to
 * trigger that. This job notices the new basis year (kept in `job_state`), recomputes every enterprise in batches,
 * then records the year, under a lease so that one instance does it. A lease lost half-way only means the next
 * holder does it again: the recompute is idempotent.
 */

export const SIZE_JOB_LEASE = 'enterprises.size_class';
const STATE_KEY = 'enterprises.size_class.basis_year';
const BATCH = 500;

export interface SizeRecomputeReport {
  /** null: nothing to do (this basis year is done, or another instance holds the lease). */
  basisYear: number | null;
  checked: number;
  changed: number;
}

export interface SizeJobOptions {
  db: DB;
  clock: Clock;
  audit: AuditLog;
  holder: string;
  intervalMs: number;
  log?: Pick<FastifyBaseLogger, 'info'>;
  onError?: (err: unknown) => void;
}

export function createSizeClassJob(opts: SizeJobOptions) {
  const { db, clock, audit } = opts;

  async function runTick(): Promise<SizeRecomputeReport> {
    const now = clock.now();
    const basisYear = lastCompletedYear(now);
    const idle: SizeRecomputeReport = { basisYear: null, checked: 0, changed: 0 };
    const done = await db
      .selectFrom('jobState')
      .select('value')
      .where('name', '=', STATE_KEY)
      .executeTakeFirst();
    if (done?.value === String(basisYear)) return idle;
    // Long enough for a district's enterprises; a holder that dies frees it within this time.
    if (!(await takeLease(db, SIZE_JOB_LEASE, opts.holder, now, 10 * 60_000))) return idle;

    let checked = 0;
    let changed = 0;
    let after = '';
    for (;;) {
      const ids = await db
        .selectFrom('enterprises')
        .select(['id', 'sizeClass'])
        .where('id', '>', after)
        .orderBy('id')
        .limit(BATCH)
        .execute();
      if (!ids.length) break;
      await db.transaction().execute(async (trx) => {
        for (const e of ids) {
          const size = await refreshSizeClass(trx, e.id, now);
          if (size.sizeClass !== e.sizeClass) {
            changed++;
            // A new class may open or close programs to the enterprise.
            await markFactsChanged(trx, e.id, now.toISOString());
          }
        }
      });
      checked += ids.length;
      after = ids[ids.length - 1]!.id;
    }
    const at = now.toISOString();
    await db.transaction().execute(async (trx) => {
      await trx
        .insertInto('jobState')
        .values({ name: STATE_KEY, value: String(basisYear), updatedAt: at })
        .onConflict((oc) => oc.column('name').doUpdateSet({ value: String(basisYear), updatedAt: at }))
        .execute();
      await audit.write(trx, systemContext('job'), {
        action: 'enterprise.size_class.recompute',
        objectType: 'system',
        details: { basisYear, checked, changed },
        actorId: null,
        actorRole: 'system',
      });
    });
    opts.log?.info({ basisYear, checked, changed }, 'size classes recomputed for the new basis year');
    return { basisYear, checked, changed };
  }

  return { runTick, ...periodic(runTick, opts.intervalMs, opts.onError) };
}
