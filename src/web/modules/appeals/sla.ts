import type { AppealState, AppealType, SlaStatus } from '../../../shared/appeals';
import type { AppealSla, SlaView } from './types';

/** A working day on the appeal clock: 09:00–17:30 Asia/Shanghai (server sla.ts), lunch not deducted. */
export const WORKDAY_MINUTES = 510;

export interface WorkingSpan {
  days: number;
  hours: number;
  minutes: number;
}

/** Working minutes (sign ignored) as whole working days, hours and minutes. */
export function splitWorkingMinutes(total: number): WorkingSpan {
  const abs = Math.max(0, Math.floor(Math.abs(total)));
  const days = Math.floor(abs / WORKDAY_MINUTES);
  const rest = abs - days * WORKDAY_MINUTES;
  return { days, hours: Math.floor(rest / 60), minutes: rest % 60 };
}

/** The words the SLA helpers need, from the locale (`m.appeals.sla`). */
export interface SlaWords {
  statuses: Record<SlaStatus, string>;
  days(n: number): string;
  hours(n: number): string;
  minutes(n: number): string;
  remaining(span: string): string;
  late(span: string): string;
  dueNow: string;
  justLate: string;
}

/** "2 个工作日 3 小时", "3 小时 20 分钟", "45 分钟": the two largest units that are not zero. */
export function spanText(total: number, w: SlaWords): string {
  const s = splitWorkingMinutes(total);
  const parts: string[] = [];
  if (s.days > 0) parts.push(w.days(s.days));
  if (s.hours > 0) parts.push(w.hours(s.hours));
  if (s.days === 0 && s.minutes > 0) parts.push(w.minutes(s.minutes));
  // Both languages put a space between the units ("2 个工作日 3 小时", "2 working days 3 hours").
  return parts.slice(0, 2).join(' ');
}

/** Remaining working time in words: "剩余 …", "超期 …", or the edge cases at zero. */
export function remainingText(view: Pick<SlaView, 'status' | 'remainingMinutes'>, w: SlaWords): string {
  const span = spanText(view.remainingMinutes, w);
  if (view.status === 'overdue' || view.remainingMinutes < 0) return span ? w.late(span) : w.justLate;
  return span ? w.remaining(span) : w.dueNow;
}

/** The tag text: "临期 · 剩余 3 小时"; just "超期" when no working time has passed since the deadline. */
export function slaTagText(
  view: Pick<SlaView, 'status' | 'remainingMinutes'>,
  w: SlaWords,
  sep: string,
): string {
  const rest = remainingText(view, w);
  return rest === w.justLate ? w.statuses[view.status] : `${w.statuses[view.status]}${sep}${rest}`;
}

export const SLA_COLORS: Record<SlaStatus, string> = {
  on_time: 'green',
  due_soon: 'orange',
  overdue: 'red',
};

/**
 * The clock that runs now: the one the server marks `running` (acceptance while waiting for the dispatcher, the
 * reply once dispatched); none in the other states (waiting for the enterprise, replied, finished).
 */
export function runningClock(state: AppealState, sla: AppealSla | null | undefined): SlaView | null {
  if (!sla || TERMINAL.includes(state)) return null;
  if (sla.reply?.running) return sla.reply;
  if (sla.accept?.running) return sla.accept;
  return null;
}

const TERMINAL: readonly AppealState[] = ['rejected', 'merged', 'closed'];

/** Open = the enterprise may still expect something to happen (not rejected, merged or closed). */
export const OPEN_STATES: readonly AppealState[] = [
  'submitted',
  'accepted',
  'needs_info',
  'dispatched',
  'signed',
  'returned',
  'replied',
  'rated',
];

/**
 * The SPEC §2.4 defaults (server sla.ts DEFAULT_SLA_SETTINGS), shown to visitors: the district settings are staff
 * only, the public catalogue carries each topic's overrides.
 */
export const DEFAULT_ACCEPT_WORKDAYS = 1;
export const DEFAULT_REPLY_WORKDAYS: Record<AppealType, number> = {
  consult: 3,
  help: 3,
  complaint: 13,
  report: 13,
  suggestion: 13,
};

/** The reply clock of a type, or of the chosen topic when the catalogue overrides it. */
export function replyWorkdays(type: AppealType, topicSla?: { replyWorkdays?: number } | null): number {
  return topicSla?.replyWorkdays ?? DEFAULT_REPLY_WORKDAYS[type];
}

/** Types grouped by their default reply clock, shortest first: [[3, ['consult','help']], [13, [...]]]. */
export function typesByReplyClock(): [number, AppealType[]][] {
  const groups = new Map<number, AppealType[]>();
  for (const [type, days] of Object.entries(DEFAULT_REPLY_WORKDAYS) as [AppealType, number][]) {
    groups.set(days, [...(groups.get(days) ?? []), type]);
  }
  return [...groups.entries()].sort((a, b) => a[0] - b[0]);
}
