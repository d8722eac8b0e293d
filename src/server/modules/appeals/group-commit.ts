import { sql } from 'kysely';
import type { DB } from '../../db/database';

interface Job {
  work: (trx: DB) => Promise<unknown>;
  resolve: (value: unknown) => void;
  reject: (err: unknown) => void;
}

/** A unit on its way (its request is still being checked); `done()` once it was queued or gave up (idempotent). */
export interface Arrival {
  done(): void;
}

/** How long a batch waits at most for units announced by `arrival()` before it starts without them. */
const ARRIVAL_WAIT_MS = 2;

/**
 * Group commit: units of work that arrive while a transaction is being prepared or committed are queued and run
 * together in the next single transaction, so that N concurrent submissions cost one commit (one fsync with SQLite's
 * `synchronous=FULL`) instead of N. A unit that throws (a unique violation on its idempotency key, say) fails alone:
 * the batch is rolled back and run again with a savepoint per unit, the failing one is rolled back to its savepoint
 * and rejected, the others go on (units must therefore be safe to run twice: all their writes are in `trx`). Every
 * promise settles only after the transaction's COMMIT returned, so a resolved unit is durable; when the commit
 * itself fails every unit of the batch is rejected with that error (none of them was stored).
 *
 * A batch starts one `setImmediate` turn after its first unit, so that the requests the event loop has already read
 * join it; callers may also announce a unit early (`arrival()`, e.g. when its request starts being checked), and
 * the batch then waits for the announced units, at most ARRIVAL_WAIT_MS, instead of leaving them for the next commit.
 */
export class GroupCommit {
  private queue: Job[] = [];
  private scheduled = false;
  private running = false;
  private arriving = 0;
  private waitTimer: NodeJS.Timeout | null = null;
  /** Batches, units in them, batches run again unit by unit after a unit failed (tests, diagnostics). */
  readonly stats = { batches: 0, units: 0, largest: 0, retried: 0 };

  constructor(
    private readonly db: DB,
    private readonly maxBatch = 200,
  ) {}

  /** Announce a unit that will (probably) be `run` soon. */
  arrival(): Arrival {
    this.arriving += 1;
    let settled = false;
    return {
      done: () => {
        if (settled) return;
        settled = true;
        this.arriving -= 1;
        if (this.arriving === 0 && this.waitTimer) this.start();
      },
    };
  }

  /**
   * Run `work` inside the next group transaction; settles after that transaction committed (or failed). `arrival`,
   * if given, is marked done once the unit is queued.
   */
  run<T>(work: (trx: DB) => Promise<T>, arrival?: Arrival): Promise<T> {
    const promise = new Promise<T>((resolve, reject) => {
      this.queue.push({ work, resolve: resolve as (v: unknown) => void, reject });
    });
    this.schedule();
    arrival?.done();
    return promise;
  }

  private schedule(): void {
    if (this.scheduled || this.running) return;
    this.scheduled = true;
    setImmediate(() => {
      if (this.arriving > 0 && this.queue.length < this.maxBatch) {
        this.waitTimer = setTimeout(() => this.start(), ARRIVAL_WAIT_MS);
        return;
      }
      this.start();
    });
  }

  private start(): void {
    if (this.waitTimer) clearTimeout(this.waitTimer);
    this.waitTimer = null;
    this.scheduled = false;
    void this.drain();
  }

  private async drain(): Promise<void> {
    if (this.running) return;
    this.running = true;
    try {
      while (this.queue.length) {
        const batch = this.queue.splice(0, this.maxBatch);
        await this.commit(batch);
      }
    } finally {
      this.running = false;
    }
  }

  private async commit(batch: Job[]): Promise<void> {
    this.stats.batches += 1;
    this.stats.units += batch.length;
    this.stats.largest = Math.max(this.stats.largest, batch.length);
    // Fast path: every unit in a row, no savepoints. Units rarely fail; when one does, the whole transaction is
    // rolled back (nothing of it was stored) and the batch runs again with a savepoint per unit.
    const values: unknown[] = [];
    let unitFailed = false;
    try {
      await this.db.transaction().execute(async (trx) => {
        for (const job of batch) {
          try {
            values.push(await job.work(trx));
          } catch (err) {
            unitFailed = true;
            throw err;
          }
        }
      });
    } catch (err) {
      if (!unitFailed || batch.length === 1) {
        // The commit itself failed, or the one unit did: nothing of the batch was stored.
        for (const job of batch) job.reject(err);
        return;
      }
      await this.commitUnitByUnit(batch);
      return;
    }
    batch.forEach((job, i) => {
      job.resolve(values[i]);
    });
  }

  /** Each unit under its own savepoint: a failing unit is rolled back and rejected alone. */
  private async commitUnitByUnit(batch: Job[]): Promise<void> {
    this.stats.retried += 1;
    const outcomes: ({ ok: true; value: unknown } | { ok: false; err: unknown })[] = [];
    try {
      await this.db.transaction().execute(async (trx) => {
        for (let i = 0; i < batch.length; i++) {
          const name = sql.raw(`group_unit_${i}`);
          await sql`savepoint ${name}`.execute(trx);
          try {
            const value = await batch[i]!.work(trx);
            await sql`release savepoint ${name}`.execute(trx);
            outcomes.push({ ok: true, value });
          } catch (err) {
            await sql`rollback to savepoint ${name}`.execute(trx);
            await sql`release savepoint ${name}`.execute(trx);
            outcomes.push({ ok: false, err });
          }
        }
      });
    } catch (err) {
      for (const job of batch) job.reject(err);
      return;
    }
    batch.forEach((job, i) => {
      const o = outcomes[i]!;
      if (o.ok) job.resolve(o.value);
      else job.reject(o.err);
    });
  }
}
