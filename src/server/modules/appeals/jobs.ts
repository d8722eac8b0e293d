// The appeals scheduler (SPEC §2.4): SLA reminders and automatic closure, once a minute. Several instances may run
// it against one database: a tick first takes the lease `appeals.tick` in job_leases, and every reminder is an insert
// into appeal_reminders (primary key appeal, kind, deadline) before its notification, so even two ticks that overlap
// (a lease that expired mid-tick) send each reminder once; closures are optimistic updates that only one wins.

import type { ExpressionBuilder } from 'kysely';
import type { Platform } from '../../app';
import type { AppealTable, Database } from '../../db/schema';
import { DAY } from '../../platform/clock';
import { takeLease } from '../../platform/jobs/lease';
import { periodic } from '../../platform/jobs/periodic';
import { AppealCatalogue } from './catalogue';
import { staffRecipients } from './repository';
import { AppealService } from './service';
import { slaStatus } from './sla';

export const APPEAL_JOB_LEASE = 'appeals.tick';

export interface AppealJobs {
  /** One tick at `now` (default the platform clock). Returns what it did; `leased: false` when another holds it. */
  runTick(now?: Date): Promise<TickReport>;
  start(): void;
  stop(): Promise<void>;
}

export interface TickReport {
  leased: boolean;
  reminders: number;
  autoClosed: number;
  closed: number;
}

export interface AppealJobOptions {
  /** This instance's name in the lease (hostname:pid, or a test's label). */
  holder: string;
  intervalMs?: number;
  /** How long a lease lasts without renewal; another instance takes over after it. */
  leaseMs?: number;
  services?: { appeals: AppealService; catalogue: AppealCatalogue };
  onError?: (err: unknown) => void;
}

type ReminderKind = 'accept_due_soon' | 'accept_overdue' | 'reply_due_soon' | 'reply_overdue';

/** The lease itself lives in platform/jobs, shared with the notification outbox sender. */
export { takeLease };

export function createAppealJobs(platform: Platform, opts: AppealJobOptions): AppealJobs {
  const catalogue = opts.services?.catalogue ?? new AppealCatalogue(platform);
  const appeals = opts.services?.appeals ?? new AppealService(platform, catalogue);
  const db = platform.database.db;
  const intervalMs = opts.intervalMs ?? platform.config.jobs.intervalSeconds * 1000;
  const leaseMs = opts.leaseMs ?? Math.max(2 * intervalMs, 60_000);

  /** Insert the reminder row; notify only when this insert took it. */
  async function remind(
    appealId: string,
    code: string,
    title: string,
    kind: ReminderKind,
    deadline: string,
    to: string[],
    now: Date,
  ): Promise<boolean> {
    return db.transaction().execute(async (trx) => {
      const r = await trx
        .insertInto('appealReminders')
        .values({ appealId, kind, deadline, sentAt: now.toISOString(), holder: opts.holder })
        .onConflict((oc) => oc.columns(['appealId', 'kind', 'deadline']).doNothing())
        .executeTakeFirst();
      if (Number(r.numInsertedOrUpdatedRows ?? 0) !== 1) return false;
      if (to.length) {
        const overdue = kind.endsWith('overdue');
        const what = kind.startsWith('accept') ? '受理' : '办理';
        await platform.notifications.notify(trx, {
          kind: 'appeal_reminder',
          userIds: to,
          title: overdue ? `诉求 ${code} 已超过${what}时限` : `诉求 ${code} ${what}时限临近`,
          body: `${title}（时限：${new Date(deadline).toLocaleString('zh-CN', { timeZone: 'Asia/Shanghai', hour12: false })}）`,
          link: `/workbench/appeals/${appealId}`,
        });
      }
      return true;
    });
  }

  async function reminders(now: Date): Promise<number> {
    const ctx = await catalogue.slaContext();
    let sent = 0;
    // Open clocks without the reminder of their current deadline yet.
    const missing =
      (kind: ReminderKind, col: 'a.acceptDeadline' | 'a.replyDeadline') =>
      (eb: ExpressionBuilder<Database & { a: AppealTable }, 'a'>) =>
        eb.not(
          eb.exists(
            eb
              .selectFrom('appealReminders as r')
              .select('r.appealId')
              .whereRef('r.appealId', '=', 'a.id')
              .where('r.kind', '=', kind)
              .whereRef('r.deadline', '=', col),
          ),
        );
    const base = () =>
      db
        .selectFrom('appeals as a')
        .select([
          'a.id',
          'a.code',
          'a.title',
          'a.createdAt',
          'a.acceptDeadline',
          'a.replyDeadline',
          'a.replyStartedAt',
          'a.dispatchedAt',
          'a.leadDepartmentId',
        ]);
    const accept = await base()
      .where('a.state', '=', 'submitted')
      .where((eb) =>
        eb.or([
          missing('accept_due_soon', 'a.acceptDeadline')(eb),
          missing('accept_overdue', 'a.acceptDeadline')(eb),
        ]),
      )
      .execute();
    const reply = await base()
      .where('a.state', 'in', ['dispatched', 'signed'])
      .where('a.replyDeadline', 'is not', null)
      .where((eb) =>
        eb.or([
          missing('reply_due_soon', 'a.replyDeadline')(eb),
          missing('reply_overdue', 'a.replyDeadline')(eb),
        ]),
      )
      .execute();
    const dispatchers = accept.length
      ? await staffRecipients(db, { roles: ['dispatcher'], handlerDepartments: [] })
      : [];
    const handlers = new Map<string, string[]>();
    for (const a of accept) {
      const s = slaStatus(
        { deadline: new Date(a.acceptDeadline), now, start: minDate(a.createdAt, a.acceptDeadline) },
        ctx,
      );
      if (s.status === 'on_time') continue;
      const kind: ReminderKind = s.status === 'overdue' ? 'accept_overdue' : 'accept_due_soon';
      if (await remind(a.id, a.code, a.title, kind, a.acceptDeadline, dispatchers, now)) sent++;
    }
    for (const a of reply) {
      const deadline = a.replyDeadline!;
      const start = minDate(a.replyStartedAt ?? a.dispatchedAt ?? a.createdAt, deadline);
      const s = slaStatus({ deadline: new Date(deadline), now, start }, ctx);
      if (s.status === 'on_time') continue;
      const kind: ReminderKind = s.status === 'overdue' ? 'reply_overdue' : 'reply_due_soon';
      let to: string[] = [];
      if (a.leadDepartmentId) {
        to =
          handlers.get(a.leadDepartmentId) ??
          (await staffRecipients(db, { roles: [], handlerDepartments: [a.leadDepartmentId] }));
        handlers.set(a.leadDepartmentId, to);
      }
      if (await remind(a.id, a.code, a.title, kind, deadline, to, now)) sent++;
    }
    return sent;
  }

  async function closures(now: Date): Promise<{ autoClosed: number; closed: number }> {
    let autoClosed = 0;
    let closed = 0;
    const { settings } = await catalogue.slaContext();
    // N working days are at least N calendar days: older rows are the only candidates (sla.ts decides exactly).
    const before = (workdays: number) => new Date(now.getTime() - workdays * DAY).toISOString();
    const replied = await db
      .selectFrom('appeals')
      .select('id')
      .where('state', '=', 'replied')
      .where('repliedAt', '<', before(settings.ratingWindowWorkdays))
      .orderBy('repliedAt')
      .execute();
    for (const r of replied) if (await appeals.systemAction(r.id, 'auto_close', now)) autoClosed++;
    const rated = await db
      .selectFrom('appeals')
      .select('id')
      .where('state', '=', 'rated')
      .where('ratedAt', '<', before(settings.reopenWindowWorkdays))
      .orderBy('ratedAt')
      .execute();
    for (const r of rated) if (await appeals.systemAction(r.id, 'close', now)) closed++;
    return { autoClosed, closed };
  }

  async function runTick(at?: Date): Promise<TickReport> {
    const now = at ?? platform.clock.now();
    if (!(await takeLease(db, APPEAL_JOB_LEASE, opts.holder, now, leaseMs))) {
      return { leased: false, reminders: 0, autoClosed: 0, closed: 0 };
    }
    const sent = await reminders(now);
    const c = await closures(now);
    return { leased: true, reminders: sent, ...c };
  }

  // A first tick right away: reminders need not wait a whole interval after a restart.
  return { runTick, ...periodic(runTick, intervalMs, opts.onError) };
}

function minDate(a: string, b: string): Date {
  return new Date(Math.min(new Date(a).getTime(), new Date(b).getTime()));
}
