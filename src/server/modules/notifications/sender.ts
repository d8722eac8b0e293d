// The outbox sender (SPEC §2.7): sends the SMS and e-mail the outbox channel queued. It runs like the appeal
// reminders: each instance ticks on a timer, and a tick works only while its instance holds the lease
// `notifications.outbox` in job_leases (platform/jobs/lease.ts). Inside a tick, rows are *claimed* before they are
// sent — one UPDATE sets claimed_by / claimed_until on due rows that nobody holds and returns them — so even two
// ticks that overlap (a lease that expired mid-tick) never send the same row. A failed send is retried with
// exponential backoff until maxAttempts, then marked failed with the error. Sends are logged, not audited: sending
// changes no business object.
//
// Delivery is at least once: a process that dies between the gateway's acceptance and the row's update leaves the
// claim to expire, and the row is sent again.

import { performance } from 'node:perf_hooks';
import type { FastifyBaseLogger } from 'fastify';
import type { DB } from '../../db/database';
import type { NotificationOutboxTable } from '../../db/schema';
import { type Clock, DAY, HOUR, MINUTE } from '../../platform/clock';
import { newId } from '../../platform/ids';
import { releaseLease, takeLease } from '../../platform/jobs/lease';
import type { EmailChannel } from '../../platform/notify/email';
import type { SmsChannel } from '../../platform/notify/sms';
import { maskAddresses, maskRecipient } from './outbox';

export const OUTBOX_JOB_LEASE = 'notifications.outbox';

export interface OutboxSender {
  /** One tick at `now` (default the clock): expire, send what is due, purge. `leased: false` when another holds it. */
  runTick(now?: Date): Promise<OutboxTickReport>;
  /** Claim up to a batch of due rows for this sender (exposed for tests of the claim itself). */
  claimDue(now: Date): Promise<NotificationOutboxTable[]>;
  start(): void;
  /** Ask for a tick soon (rows were just queued); coalesced, and a no-op unless started. */
  nudge(): void;
  stop(): Promise<void>;
}

export interface OutboxTickReport {
  leased: boolean;
  sent: number;
  /** Failed this time, to be tried again later. */
  retried: number;
  /** Failed for the last time. */
  failed: number;
  /** Given up unsent because they waited longer than maxAgeMs (jobs were off, or the gateway was down). */
  expired: number;
}

export interface OutboxSenderOptions {
  /** This instance's name in the lease and the claims (hostname:pid, or a test's label). */
  holder: string;
  sms: SmsChannel;
  email: EmailChannel;
  log?: Pick<FastifyBaseLogger, 'info' | 'warn'>;
  intervalMs?: number;
  /** How long a lease lasts without renewal. */
  leaseMs?: number;
  /** Rows per claim. */
  batchSize?: number;
  /** Claims per tick at most; the rest waits for the next tick. */
  maxBatches?: number;
  /** Attempts before a row is marked failed. */
  maxAttempts?: number;
  /** Delay before the first retry; doubled after each failure, at most maxBackoffMs. */
  backoffMs?: number;
  maxBackoffMs?: number;
  /** How long a claim keeps other senders off a row. */
  claimMs?: number;
  /** A send that has not answered after this long counts as failed. */
  sendTimeoutMs?: number;
  /** Rows still unsent this long after they were queued are given up (an SMS about yesterday helps nobody). */
  maxAgeMs?: number;
  /** Sent and failed rows are deleted this long after they were queued. */
  retentionMs?: number;
  onError?: (err: unknown) => void;
}

/** Longest error text kept on a row. */
const ERROR_MAX = 500;

export function createOutboxSender(
  deps: { db: DB; clock: Clock; intervalMs: number },
  opts: OutboxSenderOptions,
): OutboxSender {
  const { db, clock } = deps;
  const intervalMs = opts.intervalMs ?? deps.intervalMs;
  const leaseMs = opts.leaseMs ?? Math.max(2 * intervalMs, 60_000);
  const batchSize = opts.batchSize ?? 50;
  const maxBatches = opts.maxBatches ?? 20;
  const maxAttempts = opts.maxAttempts ?? 8;
  const backoffMs = opts.backoffMs ?? MINUTE;
  const maxBackoffMs = opts.maxBackoffMs ?? 6 * HOUR;
  const sendTimeoutMs = opts.sendTimeoutMs ?? 20_000;
  // Long enough for a whole batch of slow sends; a tick stops sending well before its claim runs out.
  const claimMs = opts.claimMs ?? Math.max(10 * MINUTE, 2 * batchSize * sendTimeoutMs);
  const maxAgeMs = opts.maxAgeMs ?? DAY;
  const retentionMs = opts.retentionMs ?? 90 * DAY;
  let timer: NodeJS.Timeout | null = null;
  let soon: NodeJS.Timeout | null = null;
  let running: Promise<unknown> | null = null;
  let again = false;

  async function claimDue(now: Date): Promise<NotificationOutboxTable[]> {
    const nowIso = now.toISOString();
    const token = `${opts.holder}#${newId(now.getTime())}`;
    // The conditions are repeated on the UPDATE itself: on PostgreSQL a row another claim locked and took
    // meanwhile is re-checked against them after that claim commits, and skipped.
    return db
      .updateTable('notificationOutbox')
      .set((eb) => ({
        claimedBy: token,
        claimedUntil: new Date(now.getTime() + claimMs).toISOString(),
        attempts: eb('attempts', '+', 1),
      }))
      .where('id', 'in', (eb) =>
        eb
          .selectFrom('notificationOutbox')
          .select('id')
          .where('status', '=', 'pending')
          .where('nextAttemptAt', '<=', nowIso)
          .where((w) => w.or([w('claimedUntil', 'is', null), w('claimedUntil', '<', nowIso)]))
          .orderBy('nextAttemptAt')
          .orderBy('id')
          .limit(batchSize),
      )
      .where('status', '=', 'pending')
      .where('nextAttemptAt', '<=', nowIso)
      .where((w) => w.or([w('claimedUntil', 'is', null), w('claimedUntil', '<', nowIso)]))
      .returningAll()
      .execute();
  }

  async function sendOne(row: NotificationOutboxTable): Promise<void> {
    let timeout: NodeJS.Timeout | undefined;
    const sending =
      row.channel === 'sms'
        ? opts.sms.send(row.recipient, row.body)
        : row.channel === 'email'
          ? opts.email.send({ to: row.recipient, subject: row.subject ?? '', text: row.body })
          : Promise.reject(new Error(`unknown channel ${row.channel}`));
    try {
      await Promise.race([
        sending,
        new Promise<never>((_, reject) => {
          timeout = setTimeout(
            () => reject(new Error(`no answer within ${sendTimeoutMs / 1000} s`)),
            sendTimeoutMs,
          );
        }),
      ]);
    } finally {
      clearTimeout(timeout);
    }
  }

  /** Send one claimed row and record the outcome, only while the claim is still this sender's. */
  async function deliver(row: NotificationOutboxTable, now: Date, report: OutboxTickReport): Promise<void> {
    const nowIso = now.toISOString();
    const mine = db
      .updateTable('notificationOutbox')
      .where('id', '=', row.id)
      .where('claimedBy', '=', row.claimedBy);
    const to = maskRecipient(row.channel, row.recipient);
    try {
      await sendOne(row);
    } catch (err) {
      const message = maskAddresses(err instanceof Error ? err.message : String(err)).slice(0, ERROR_MAX);
      const last = row.attempts >= maxAttempts;
      const retryAt = new Date(
        now.getTime() + Math.min(backoffMs * 2 ** Math.max(0, row.attempts - 1), maxBackoffMs),
      ).toISOString();
      await mine
        .set({
          status: last ? 'failed' : 'pending',
          lastError: message || 'unknown error',
          nextAttemptAt: last ? row.nextAttemptAt : retryAt,
          claimedBy: null,
          claimedUntil: null,
        })
        .execute();
      if (last) report.failed++;
      else report.retried++;
      opts.log?.warn(
        {
          outbox: { id: row.id, kind: row.kind, channel: row.channel, to, attempts: row.attempts },
          error: message,
        },
        last ? 'notification not sent, giving up' : 'notification not sent, will retry',
      );
      return;
    }
    await mine
      .set({ status: 'sent', sentAt: nowIso, lastError: null, claimedBy: null, claimedUntil: null })
      .execute();
    report.sent++;
    opts.log?.info(
      { outbox: { id: row.id, kind: row.kind, channel: row.channel, to, attempts: row.attempts } },
      'notification sent',
    );
  }

  async function runTick(at?: Date): Promise<OutboxTickReport> {
    const now = at ?? clock.now();
    const report: OutboxTickReport = { leased: false, sent: 0, retried: 0, failed: 0, expired: 0 };
    if (!(await takeLease(db, OUTBOX_JOB_LEASE, opts.holder, now, leaseMs))) return report;
    report.leased = true;
    const nowIso = now.toISOString();
    const expired = await db
      .updateTable('notificationOutbox')
      .set({ status: 'failed', lastError: '超过时效未发出，已放弃', claimedBy: null, claimedUntil: null })
      .where('status', '=', 'pending')
      .where('createdAt', '<', new Date(now.getTime() - maxAgeMs).toISOString())
      .where((w) => w.or([w('claimedUntil', 'is', null), w('claimedUntil', '<', nowIso)]))
      .executeTakeFirst();
    report.expired = Number(expired.numUpdatedRows);
    const started = performance.now();
    for (let batch = 0; batch < maxBatches; batch++) {
      const rows = await claimDue(now);
      for (const [i, row] of rows.entries()) {
        // Never send on a claim that may have run out: hand the rest back for the next tick.
        if (performance.now() - started > claimMs / 2) {
          await db
            .updateTable('notificationOutbox')
            .set((eb) => ({ claimedBy: null, claimedUntil: null, attempts: eb('attempts', '-', 1) }))
            .where(
              'id',
              'in',
              rows.slice(i).map((r) => r.id),
            )
            .where('claimedBy', '=', row.claimedBy)
            .execute();
          return report;
        }
        await deliver(row, now, report);
      }
      if (rows.length < batchSize) break;
    }
    await db
      .deleteFrom('notificationOutbox')
      .where('status', 'in', ['sent', 'failed'])
      .where('createdAt', '<', new Date(now.getTime() - retentionMs).toISOString())
      .execute();
    return report;
  }

  const tick = () => {
    if (running) {
      again = true;
      return;
    }
    running = runTick()
      .catch((err) => opts.onError?.(err))
      .finally(() => {
        running = null;
        if (again && timer) {
          again = false;
          tick();
        }
      });
  };

  return {
    runTick,
    claimDue,
    start() {
      if (timer) return;
      timer = setInterval(tick, intervalMs);
      timer.unref?.();
      tick();
    },
    nudge() {
      if (!timer || soon) return;
      // After the notifying transaction has had time to commit.
      soon = setTimeout(() => {
        soon = null;
        tick();
      }, 1000);
      soon.unref?.();
    },
    async stop() {
      if (timer) clearInterval(timer);
      if (soon) clearTimeout(soon);
      timer = null;
      soon = null;
      again = false;
      await running;
      // A restarted or scaled-down instance hands the sending over at once instead of after the lease runs out.
      await releaseLease(db, OUTBOX_JOB_LEASE, opts.holder).catch((err) => opts.onError?.(err));
    },
  };
}
