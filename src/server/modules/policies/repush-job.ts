import type { FastifyBaseLogger } from 'fastify';
import { windowStateOf } from '../../../shared/policies';
import type { RuleSet } from '../../../shared/policy-rules';
import { systemContext } from '../../platform/context';
import { takeLease } from '../../platform/jobs/lease';
import { periodic } from '../../platform/jobs/periodic';
import type { PolicyContext } from './context';
import { claimYearOf } from './programs';
import type { PushService } from './push';

/**
 * 政策找企业 for enterprises whose facts changed (SPEC §2.3, §2.7 "new eligible programs"). A program's push judges
 * every enterprise when it is published or its rules change; after that an enterprise can become eligible on its
 * own: it registers, updates its figures, gains a qualification, moves size class. Those changes queue the
 * enterprise in `enterprise_fact_changes` (enterprises/repository.ts `markFactsChanged`, in the change's own
 * transaction). This job takes a batch from the queue under a lease, runs the push of every open program for just
 * those enterprises (same records, same notifications, same 免申即享 candidates as a full push; push.ts), and
 * removes a queued row only if it was not changed again meanwhile. A tick that fails leaves the queue as it was.
 */

export const REPUSH_JOB_LEASE = 'policies.repush';
/** Enterprises judged per tick: a few dozen open programs × this many stays well within a second. */
const BATCH = 200;

export interface RepushReport {
  /** Enterprises taken from the queue (0: queue empty, or another instance holds the lease). */
  enterprises: number;
  programs: number;
  eligible: number;
  notifiedEnterprises: number;
  candidates: number;
}

export interface RepushJobOptions {
  context: PolicyContext;
  pusher: PushService;
  holder: string;
  intervalMs: number;
  log?: Pick<FastifyBaseLogger, 'info'>;
  onError?: (err: unknown) => void;
}

export function createRepushJob(opts: RepushJobOptions) {
  const { context: c, pusher } = opts;
  const db = c.db;

  async function runTick(): Promise<RepushReport> {
    const report: RepushReport = {
      enterprises: 0,
      programs: 0,
      eligible: 0,
      notifiedEnterprises: 0,
      candidates: 0,
    };
    const queued = await db
      .selectFrom('enterpriseFactChanges')
      .select(['enterpriseId', 'changedAt'])
      .orderBy('changedAt')
      .orderBy('enterpriseId')
      .limit(BATCH)
      .execute();
    if (!queued.length) return report;
    if (!(await takeLease(db, REPUSH_JOB_LEASE, opts.holder, c.p.clock.now(), 5 * 60_000))) return report;

    const enterpriseIds = queued.map((q) => q.enterpriseId);
    await db.transaction().execute(async (trx) => {
      const today = c.today();
      const programs = (await c.repo.publishedPrograms(undefined, trx)).filter(
        (p) => windowStateOf(p.windowStart, p.windowEnd, today) !== 'closed',
      );
      const catalogue = programs.length ? await c.catalogue(trx) : null;
      const perProgram: { programId: string; eligible: number; notified: number; candidates: number }[] = [];
      for (const program of programs) {
        const rules = program.rules as RuleSet;
        const summary = await pusher.push(trx, program, rules, {
          catalogue: catalogue!,
          claimYear: claimYearOf(rules, today),
          enterpriseIds,
        });
        report.eligible += summary.eligible;
        report.notifiedEnterprises += summary.notifiedEnterprises;
        report.candidates += summary.candidates;
        if (summary.eligible || summary.candidates)
          perProgram.push({
            programId: program.id,
            eligible: summary.eligible,
            notified: summary.notifiedEnterprises,
            candidates: summary.candidates,
          });
      }
      report.programs = programs.length;
      // Only what was not changed again while we judged it: a newer change stays queued for the next tick.
      for (const q of queued)
        await trx
          .deleteFrom('enterpriseFactChanges')
          .where('enterpriseId', '=', q.enterpriseId)
          .where('changedAt', '=', q.changedAt)
          .execute();
      if (report.notifiedEnterprises || report.candidates)
        await c.p.audit.write(trx, systemContext('job'), {
          action: 'policy_program.repush',
          objectType: 'system',
          details: { enterprises: queued.length, programs: perProgram },
          actorId: null,
          actorRole: 'system',
        });
    });
    report.enterprises = queued.length;
    if (report.notifiedEnterprises || report.candidates)
      opts.log?.info(report, 'programs pushed to enterprises whose facts changed');
    return report;
  }

  return { runTick, ...periodic(runTick, opts.intervalMs, opts.onError) };
}
