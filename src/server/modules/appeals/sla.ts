// The appeal clock on working days (SPEC §2.4, 工作日 SLA). Pure: the calendar and the settings come in, `now` comes
// from the platform clock. Everything is in Asia/Shanghai (fixed UTC+8, as in platform/calendar/workdays.ts).
//
// The counting rule, chosen to match how Chinese law counts periods (民法典 §201: a period counted in days starts
// on the day after the event) and to keep the evening and the holidays out of the clock:
//   1. receipt day: an appeal arriving on a working day before closing time is received that day; one arriving
//      after closing time, or on a weekend or holiday that is not a make-up working day, is received on the next
//      working day (as if it had come in when the office opened);
//   2. the receipt day itself does not count: "within N working days" ends on the N-th working day AFTER it;
//   3. a deadline is the closing time (default 17:30) of that day, an instant, not a date. We chose 17:30 over
//      24:00 so that the SLA is measured in the same working time the offices keep: "remaining working time" then
//      means hours a handler can still act, and an appeal is not shown as on time through an evening no one works.
// Working time is the span [opening, closing) of every working day; lunch breaks are ignored on purpose (units
// keep different ones and the reminders do not need that precision).

import type { AppealType } from '../../../shared/appeals';
import type { WorkdayCalendar } from '../../platform/calendar/workdays';
import { shanghaiDate } from '../../platform/calendar/workdays';

export type SlaCalendar = Pick<WorkdayCalendar, 'addWorkdays' | 'isWorkday' | 'workdaysBetween'>;

/** When an appeal counts as due soon (临期): within a fixed working time, or in the last fraction of its span. */
export type DueSoonRule = { workingHours: number } | { fraction: number };

export interface SlaDurations {
  /** Working days to accept, reject or ask for information. */
  acceptWorkdays: number;
  /** Working days for the lead department to reply, counted from the dispatch. */
  replyWorkdays: number;
  /** Working days an approved extension adds when the request does not name a number. */
  extensionWorkdays: number;
}

export interface SlaSettings {
  acceptWorkdays: number;
  replyWorkdays: Record<AppealType, number>;
  extensionWorkdays: number;
  /** Working days after the reply during which the enterprise may rate; then auto-close with the default rating. */
  ratingWindowWorkdays: number;
  /** Working days after the rating during which a dissatisfied enterprise may ask for a reopen (重办). */
  reopenWindowWorkdays: number;
  dueSoon: DueSoonRule;
  /** Office hours in minutes after midnight, Asia/Shanghai: opening (inclusive) and closing (the deadline time). */
  openingMinute: number;
  closingMinute: number;
  /** Per-topic overrides from the dispatch catalogue (派单目录); they win over the type defaults. */
  topics: Record<string, Partial<SlaDurations>>;
}

/** SPEC §2.4 defaults; ratingWindow, reopenWindow, extension and due-soon are our choices, all admin-editable. */
export const DEFAULT_SLA_SETTINGS: SlaSettings = {
  acceptWorkdays: 1,
  replyWorkdays: { consult: 3, help: 3, complaint: 13, report: 13, suggestion: 13 },
  extensionWorkdays: 5,
  ratingWindowWorkdays: 5,
  reopenWindowWorkdays: 5,
  dueSoon: { fraction: 0.2 },
  openingMinute: 9 * 60,
  closingMinute: 17 * 60 + 30,
  topics: {},
};

export interface SlaContext {
  calendar: SlaCalendar;
  settings: SlaSettings;
}

const MS_PER_MINUTE = 60_000;
const MS_PER_DAY = 86_400_000;
const SHANGHAI_OFFSET_MS = 8 * 3_600_000;
// Fixed origin for cumulative working time; any date works because only differences are used.
const ORIGIN = '2000-01-01';

function requireInstant(d: Date, what: string): number {
  const ms = d.getTime();
  if (!Number.isFinite(ms)) throw new RangeError(`${what} is not a valid instant`);
  return ms;
}

function minuteOfDay(instant: Date): number {
  const local = requireInstant(instant, 'instant') + SHANGHAI_OFFSET_MS;
  return Math.floor((((local % MS_PER_DAY) + MS_PER_DAY) % MS_PER_DAY) / MS_PER_MINUTE);
}

function minutesPerDay(s: SlaSettings): number {
  if (!(Number.isInteger(s.openingMinute) && Number.isInteger(s.closingMinute))) {
    throw new RangeError('office hours must be whole minutes');
  }
  if (s.openingMinute < 0 || s.closingMinute > 24 * 60 || s.openingMinute >= s.closingMinute) {
    throw new RangeError('office hours must satisfy 0 <= opening < closing <= 24:00');
  }
  return s.closingMinute - s.openingMinute;
}

/** The instant of `minute` minutes after midnight (Asia/Shanghai) on a YYYY-MM-DD date. */
function atShanghai(date: string, minute: number): Date {
  const [y, m, d] = date.split('-').map(Number) as [number, number, number];
  return new Date(Date.UTC(y, m - 1, d) - SHANGHAI_OFFSET_MS + minute * MS_PER_MINUTE);
}

/** The durations that apply to an appeal of this type and (optional) catalogue topic. */
export function resolveDurations(
  type: AppealType,
  topic: string | null,
  settings: SlaSettings,
): SlaDurations {
  const override = topic === null ? undefined : settings.topics[topic];
  return {
    acceptWorkdays: override?.acceptWorkdays ?? settings.acceptWorkdays,
    replyWorkdays: override?.replyWorkdays ?? settings.replyWorkdays[type],
    extensionWorkdays: override?.extensionWorkdays ?? settings.extensionWorkdays,
  };
}

/** The working day on which something arriving at `instant` counts as received (rule 1 above). */
export function receiptDay(instant: Date, ctx: SlaContext): string {
  const date = shanghaiDate(instant);
  if (ctx.calendar.isWorkday(date) && minuteOfDay(instant) < ctx.settings.closingMinute) return date;
  return ctx.calendar.addWorkdays(date, 1);
}

/** Closing time of the N-th working day after the receipt day of `from` (N >= 1). */
export function deadlineAfter(from: Date, workdays: number, ctx: SlaContext): Date {
  minutesPerDay(ctx.settings);
  const day = ctx.calendar.addWorkdays(receiptDay(from, ctx), workdays);
  return atShanghai(day, ctx.settings.closingMinute);
}

/** 受理时限: the dispatcher must accept, reject or ask for information by then. */
export function acceptanceDeadline(
  submittedAt: Date,
  type: AppealType,
  topic: string | null,
  ctx: SlaContext,
): Date {
  return deadlineAfter(submittedAt, resolveDurations(type, topic, ctx.settings).acceptWorkdays, ctx);
}

/** 办理时限: the lead department must reply by then; the clock starts at the dispatch (or the reopen). */
export function replyDeadline(
  dispatchedAt: Date,
  type: AppealType,
  topic: string | null,
  ctx: SlaContext,
): Date {
  return deadlineAfter(dispatchedAt, resolveDurations(type, topic, ctx.settings).replyWorkdays, ctx);
}

/** The deadline moved by an approved extension (延期): closing time of the N-th working day after the old one. */
export function extendDeadline(deadline: Date, workdays: number, ctx: SlaContext): Date {
  minutesPerDay(ctx.settings);
  const day = ctx.calendar.addWorkdays(shanghaiDate(deadline), workdays);
  return atShanghai(day, ctx.settings.closingMinute);
}

/** Working minutes from a fixed origin up to `instant`; differences of it measure working time. */
function cumulativeWorkingMinutes(instant: Date, ctx: SlaContext): number {
  const perDay = minutesPerDay(ctx.settings);
  const date = shanghaiDate(instant);
  const working = ctx.calendar.isWorkday(date);
  // workdaysBetween counts (ORIGIN, date]; today's share is added separately, clamped to office hours.
  const wholeDaysBefore = ctx.calendar.workdaysBetween(ORIGIN, date) - (working ? 1 : 0);
  const today = working
    ? Math.min(Math.max(minuteOfDay(instant) - ctx.settings.openingMinute, 0), perDay)
    : 0;
  return wholeDaysBefore * perDay + today;
}

/** Working minutes in [from, to); negative when `to` is before `from`. Seconds are truncated to the minute. */
export function workingMinutesBetween(from: Date, to: Date, ctx: SlaContext): number {
  return cumulativeWorkingMinutes(to, ctx) - cumulativeWorkingMinutes(from, ctx);
}

/**
 * Working days an appeal took between two instants, as a fraction of full office days (平均办理工作日 averages
 * these). Throws RangeError when `end` is before `start`, which would silently lower an average.
 */
export function workdaysTaken(start: Date, end: Date, ctx: SlaContext): number {
  if (requireInstant(end, 'end') < requireInstant(start, 'start')) {
    throw new RangeError('end must not be before start');
  }
  return workingMinutesBetween(start, end, ctx) / minutesPerDay(ctx.settings);
}

export interface SlaReading {
  status: 'on_time' | 'due_soon' | 'overdue';
  /** Working minutes left until the deadline; zero or negative (working minutes late) once overdue. */
  remainingWorkingMinutes: number;
}

/**
 * On time, due soon (临期) or overdue (超期) at `now`. The deadline instant itself is still on time (<=).
 * A fraction rule needs `start` (when the clock started) to know the whole span.
 */
export function slaStatus(
  clock: { deadline: Date; now: Date; start?: Date },
  ctx: SlaContext,
  rule: DueSoonRule = ctx.settings.dueSoon,
): SlaReading {
  const remaining = workingMinutesBetween(clock.now, clock.deadline, ctx);
  if (requireInstant(clock.now, 'now') > requireInstant(clock.deadline, 'deadline')) {
    return { status: 'overdue', remainingWorkingMinutes: Math.min(remaining, 0) };
  }
  let threshold: number;
  if ('workingHours' in rule) {
    threshold = rule.workingHours * 60;
  } else {
    if (!clock.start) throw new RangeError('a fraction due-soon rule needs the start of the clock');
    threshold = rule.fraction * workingMinutesBetween(clock.start, clock.deadline, ctx);
  }
  return { status: remaining <= threshold ? 'due_soon' : 'on_time', remainingWorkingMinutes: remaining };
}

/** Whether `now` is still within N working days of `anchor` (same counting as deadlines; the end is inclusive). */
export function isWithinWindow(anchor: Date, now: Date, workdays: number, ctx: SlaContext): boolean {
  return requireInstant(now, 'now') <= deadlineAfter(anchor, workdays, ctx).getTime();
}

/** 重办: the enterprise may still ask for a reopen of an appeal it rated at `ratedAt`. */
export function reopenWindowOpen(ratedAt: Date, now: Date, ctx: SlaContext): boolean {
  return isWithinWindow(ratedAt, now, ctx.settings.reopenWindowWorkdays, ctx);
}

/** Auto-close may run: the rating window after the reply at `repliedAt` has passed without a rating. */
export function ratingWindowElapsed(repliedAt: Date, now: Date, ctx: SlaContext): boolean {
  return !isWithinWindow(repliedAt, now, ctx.settings.ratingWindowWorkdays, ctx);
}
