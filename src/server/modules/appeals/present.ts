import type {
  AppealRating,
  AppealState,
  AppealType,
  ExtensionStatus,
  SupervisionLevel,
} from '../../../shared/appeals';
import type { AppealChannel, AppealSummary, SlaView } from '../../../shared/appeals-api';
import type { AppealRow } from './repository';
import { ratingWindowElapsed, reopenWindowOpen, type SlaContext, slaStatus } from './sla';
import type { AppealFacts } from './workflow';

/** States in which each clock runs. */
const ACCEPT_RUNNING: readonly string[] = ['submitted'];
const REPLY_RUNNING: readonly string[] = ['dispatched', 'signed'];

function view(deadline: string, start: string, at: Date, running: boolean, ctx: SlaContext): SlaView {
  const d = new Date(deadline);
  let s = new Date(start);
  if (s.getTime() > d.getTime()) s = d;
  const r = slaStatus({ deadline: d, now: at, start: s }, ctx);
  return { deadline, status: r.status, remainingMinutes: r.remainingWorkingMinutes, running };
}

/**
 * The accept and reply clocks. A running clock is read at `now`; a stopped one at the moment it stopped (the
 * acceptance, the reply, or the closure of a rejected/merged appeal), so the view says whether it was met.
 */
export function slaViews(
  row: AppealRow,
  now: Date,
  ctx: SlaContext,
): { accept: SlaView; reply: SlaView | null } {
  const acceptRunning = ACCEPT_RUNNING.includes(row.state);
  const acceptAt = acceptRunning ? now : new Date(row.acceptedAt ?? row.closedAt ?? row.dispatchedAt ?? now);
  const accept = view(row.acceptDeadline, row.createdAt, acceptAt, acceptRunning, ctx);
  let reply: SlaView | null = null;
  if (row.replyDeadline) {
    const running = REPLY_RUNNING.includes(row.state);
    const at = running ? now : new Date(row.repliedAt ?? now);
    reply = view(
      row.replyDeadline,
      row.replyStartedAt ?? row.dispatchedAt ?? row.createdAt,
      at,
      running,
      ctx,
    );
  }
  return { accept, reply };
}

/** The facts workflow.decide() needs, from the row and the clock. */
export function factsOf(row: AppealRow, now: Date, ctx: SlaContext): AppealFacts {
  return {
    extension: row.extensionStatus as ExtensionStatus,
    supervision: row.supervisionLevel as SupervisionLevel,
    replyDeadlinePassed: row.replyDeadline !== null && now.getTime() > new Date(row.replyDeadline).getTime(),
    lastRating: row.rating ? { rating: row.rating as AppealRating, solved: row.ratingSolved === 1 } : null,
    reopenWindowOpen: row.ratedAt !== null && reopenWindowOpen(new Date(row.ratedAt), now, ctx),
    ratingWindowElapsed: row.repliedAt !== null && ratingWindowElapsed(new Date(row.repliedAt), now, ctx),
  };
}

export function toSummary(
  row: AppealRow,
  topicName: string | null,
  now: Date,
  ctx: SlaContext,
): AppealSummary {
  return {
    id: row.id,
    code: row.code,
    title: row.title,
    type: row.type as AppealType,
    topicCode: row.topicCode,
    topicName,
    state: row.state as AppealState,
    channel: row.channel as AppealChannel,
    enterprise: row.enterpriseId ? { id: row.enterpriseId, name: row.enterpriseName ?? '' } : null,
    leadDepartment: row.leadDepartmentId
      ? { id: row.leadDepartmentId, name: row.leadDepartmentName ?? '' }
      : null,
    extensionStatus: row.extensionStatus as ExtensionStatus,
    supervisionLevel: row.supervisionLevel as SupervisionLevel,
    reopenCount: row.reopenCount,
    sla: slaViews(row, now, ctx),
    createdAt: row.createdAt,
    updatedAt: row.updatedAt,
    version: row.version,
  };
}
