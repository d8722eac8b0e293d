// Working-day arithmetic for SLA deadlines (SPEC §2.4, §3 "Working days").
//
// Dates are plain YYYY-MM-DD strings meaning calendar dates in Asia/Shanghai. All arithmetic runs on integer day
// numbers (days since 1970-01-01 in the proleptic Gregorian calendar) computed with pure integer formulas, so the
// host time zone, DST rules and Date parsing quirks (two-digit years, lenient month overflow) can never leak in.
//
// A day is a working day when:
//   1. it is listed as a holiday of a known year          -> off;
//   2. it is listed as a make-up working day (调休上班)      -> working;
//   3. otherwise Monday to Friday                         -> working, Saturday and Sunday -> off.
// Rule 3 is also the fallback for years nobody has entered yet: deadlines keep moving instead of failing, at the
// price of ignoring that year's holidays. Callers should use hasYear() to warn admins before that happens.

import type { CalendarYearData } from './official-holidays';

export type { CalendarDay, CalendarYearData } from './official-holidays';

/** Largest N accepted by addWorkdays: about 14 years, far beyond any SLA, small enough to bound the loop. */
export const MAX_ADD_WORKDAYS = 3650;

const MS_PER_DAY = 86_400_000;
// Asia/Shanghai has been UTC+8 without DST since 1991, which covers every instant the platform stores.
const SHANGHAI_OFFSET_MS = 8 * 3_600_000;
const ISO_DATE = /^(\d{4})-(\d{2})-(\d{2})$/;
const WEEKDAY_NAMES = ['星期日', '星期一', '星期二', '星期三', '星期四', '星期五', '星期六'];
// 1970-01-05 was a Monday; weekday counting is anchored there.
const MONDAY_ANCHOR = 4;

function isLeapYear(y: number): boolean {
  return (y % 4 === 0 && y % 100 !== 0) || y % 400 === 0;
}

function daysInMonth(y: number, m: number): number {
  if (m === 2) return isLeapYear(y) ? 29 : 28;
  return m === 4 || m === 6 || m === 9 || m === 11 ? 30 : 31;
}

// Howard Hinnant's days_from_civil: exact for every Gregorian date, no Date object involved.
function daysFromCivil(year: number, month: number, day: number): number {
  const y = month <= 2 ? year - 1 : year;
  const era = Math.floor(y / 400);
  const yoe = y - era * 400;
  const doy = Math.floor((153 * (month > 2 ? month - 3 : month + 9) + 2) / 5) + day - 1;
  const doe = yoe * 365 + Math.floor(yoe / 4) - Math.floor(yoe / 100) + doy;
  return era * 146_097 + doe - 719_468;
}

function civilFromDays(dayNumber: number): [number, number, number] {
  const z = dayNumber + 719_468;
  const era = Math.floor(z / 146_097);
  const doe = z - era * 146_097;
  const yoe = Math.floor(
    (doe - Math.floor(doe / 1460) + Math.floor(doe / 36_524) - Math.floor(doe / 146_096)) / 365,
  );
  const doy = doe - (365 * yoe + Math.floor(yoe / 4) - Math.floor(yoe / 100));
  const mp = Math.floor((5 * doy + 2) / 153);
  const day = doy - Math.floor((153 * mp + 2) / 5) + 1;
  const month = mp < 10 ? mp + 3 : mp - 9;
  return [yoe + era * 400 + (month <= 2 ? 1 : 0), month, day];
}

/** Day number of a strict YYYY-MM-DD date, or undefined when the string is not a real calendar date. */
function parseDayNumber(s: string): number | undefined {
  const m = ISO_DATE.exec(s);
  if (!m) return undefined;
  const year = Number(m[1]);
  const month = Number(m[2]);
  const day = Number(m[3]);
  if (month < 1 || month > 12 || day < 1 || day > daysInMonth(year, month)) return undefined;
  return daysFromCivil(year, month, day);
}

function requireDayNumber(s: string, what: string): number {
  const n = parseDayNumber(s);
  if (n === undefined) {
    throw new RangeError(`${what} must be a real calendar date in YYYY-MM-DD form, got ${JSON.stringify(s)}`);
  }
  return n;
}

function formatDayNumber(dayNumber: number): string {
  const [y, m, d] = civilFromDays(dayNumber);
  // A result past 9999 or before 0000 could not be written back as YYYY-MM-DD, so refuse instead of emitting junk.
  if (y < 0 || y > 9999) throw new RangeError('Date is outside the years 0000-9999');
  return `${String(y).padStart(4, '0')}-${String(m).padStart(2, '0')}-${String(d).padStart(2, '0')}`;
}

/** 0 = Sunday … 6 = Saturday, like Date#getUTCDay. */
function weekdayOf(dayNumber: number): number {
  // Day 0 (1970-01-01) was a Thursday; the double modulo keeps pre-1970 days non-negative.
  return (((dayNumber + 4) % 7) + 7) % 7;
}

function isWeekend(dayNumber: number): boolean {
  const w = weekdayOf(dayNumber);
  return w === 0 || w === 6;
}

/**
 * Mon–Fri days in [MONDAY_ANCHOR, MONDAY_ANCHOR + t) for t >= 0, and minus the count in
 * [MONDAY_ANCHOR + t, MONDAY_ANCHOR) for t < 0, so differences give the count of any half-open range.
 */
function weekdaysFromAnchor(t: number): number {
  const weeks = Math.floor(t / 7);
  return weeks * 5 + Math.min(t - weeks * 7, 5);
}

/** True only for a real calendar date written exactly as YYYY-MM-DD (ASCII digits, zero-padded). */
export function isValidIsoDate(s: string): boolean {
  return typeof s === 'string' && parseDayNumber(s) !== undefined;
}

/** Day of the week of a YYYY-MM-DD date: 0 = Sunday … 6 = Saturday. Throws RangeError for an invalid date. */
export function dayOfWeek(date: string): number {
  return weekdayOf(requireDayNumber(date, 'date'));
}

/** The calendar date in Asia/Shanghai (fixed UTC+8) at the given instant. */
export function shanghaiDate(instant: Date): string {
  const ms = instant.getTime();
  if (!Number.isFinite(ms)) throw new RangeError('Invalid Date');
  return formatDayNumber(Math.floor((ms + SHANGHAI_OFFSET_MS) / MS_PER_DAY));
}

/** Today's date in Asia/Shanghai; `now` is injected so that callers can pass the platform clock. */
export function shanghaiToday(now: Date): string {
  return shanghaiDate(now);
}

/**
 * Problems in one year of calendar data, as Chinese messages for the admin UI; an empty array means valid.
 * Checks: the year, the source, each date's form and year, empty names, duplicates, dates that are both a holiday
 * and a make-up day, and make-up days that are not a Saturday or Sunday (a make-up day on a weekday is a typo).
 */
export function validateCalendarYear(data: CalendarYearData): string[] {
  const errors: string[] = [];
  const yearOk = Number.isInteger(data.year) && data.year >= 1900 && data.year <= 9999;
  if (!yearOk) errors.push(`年份无效：${String(data.year)}（应为 1900–9999 之间的整数）`);
  if (typeof data.source !== 'string' || data.source.trim() === '') {
    errors.push('来源不能为空，请填写通知标题及文号');
  }
  if (!Array.isArray(data.holidays) || data.holidays.length === 0) {
    errors.push('未填写任何节假日');
  }

  const holidayDays = new Set<number>();
  const checkList = (list: CalendarYearData['holidays'], label: string, seen: Set<number>): void => {
    if (!Array.isArray(list)) return;
    for (const entry of list) {
      const date = entry?.date;
      const n = typeof date === 'string' ? parseDayNumber(date) : undefined;
      if (n === undefined) {
        errors.push(`${label}日期无效：${JSON.stringify(date)}（应为 YYYY-MM-DD 格式的真实日期）`);
        continue;
      }
      if (yearOk && !date.startsWith(`${String(data.year).padStart(4, '0')}-`)) {
        errors.push(`${label} ${date} 不在 ${data.year} 年内`);
      }
      if (typeof entry.name !== 'string' || entry.name.trim() === '') {
        errors.push(`${label} ${date} 的名称不能为空`);
      }
      if (seen.has(n)) errors.push(`${label} ${date} 重复`);
      seen.add(n);
    }
  };

  checkList(data.holidays, '节假日', holidayDays);
  const makeupDays = new Set<number>();
  checkList(data.makeupWorkdays, '调休上班日', makeupDays);

  for (const entry of Array.isArray(data.makeupWorkdays) ? data.makeupWorkdays : []) {
    const n = typeof entry?.date === 'string' ? parseDayNumber(entry.date) : undefined;
    if (n === undefined) continue;
    if (holidayDays.has(n)) errors.push(`${entry.date} 既是节假日又是调休上班日`);
    if (!isWeekend(n)) {
      errors.push(`调休上班日 ${entry.date} 是${WEEKDAY_NAMES[weekdayOf(n)]}，调休上班日只能是周六或周日`);
    }
  }
  // The loop above reports a duplicated make-up day once per occurrence; keep each message once.
  return [...new Set(errors)];
}

/**
 * Working-day calendar over the official years plus any years admins added. Immutable after construction, so one
 * instance can be shared by all requests; rebuild it when the calendar table changes.
 */
export class WorkdayCalendar {
  /** Day number -> working day (false for a holiday, true for a make-up day). */
  private readonly overrides = new Map<number, boolean>();
  private readonly years: number[];
  // Days where the calendar differs from the plain Mon–Fri rule, sorted, with a running sum of the difference
  // (+1 make-up weekend day, -1 weekday holiday); makes workdaysBetween O(log n) for any span.
  private readonly adjustDays: Int32Array;
  private readonly adjustPrefix: Int32Array;

  constructor(years: CalendarYearData[]) {
    const problems: string[] = [];
    const seenYears = new Set<number>();
    for (const data of years) {
      if (seenYears.has(data.year)) problems.push(`${data.year} 年的日历重复`);
      seenYears.add(data.year);
      for (const error of validateCalendarYear(data)) problems.push(`${data.year} 年：${error}`);
    }
    // Refusing bad data is safer than guessing: a silently wrong holiday moves every SLA deadline near it.
    if (problems.length > 0) throw new Error(`工作日日历数据无效：${problems.join('；')}`);

    for (const data of years) {
      for (const h of data.holidays) this.overrides.set(requireDayNumber(h.date, 'holiday'), false);
      for (const w of data.makeupWorkdays) this.overrides.set(requireDayNumber(w.date, 'make-up day'), true);
    }
    this.years = [...seenYears].sort((a, b) => a - b);

    const adjustments: [number, number][] = [];
    for (const [day, working] of this.overrides) {
      const delta = (working ? 1 : 0) - (isWeekend(day) ? 0 : 1);
      if (delta !== 0) adjustments.push([day, delta]);
    }
    adjustments.sort((a, b) => a[0] - b[0]);
    this.adjustDays = Int32Array.from(adjustments, (a) => a[0]);
    this.adjustPrefix = new Int32Array(adjustments.length);
    let sum = 0;
    adjustments.forEach(([, delta], i) => {
      sum += delta;
      this.adjustPrefix[i] = sum;
    });
  }

  /** Whether the given YYYY-MM-DD date is a working day. Throws RangeError for an invalid date. */
  isWorkday(date: string): boolean {
    return this.isWorkdayNumber(requireDayNumber(date, 'date'));
  }

  /**
   * The N-th working day strictly after `from` (N >= 1). `from` itself does not count, whether or not it is a
   * working day: from a Friday, +1 is the next working day, not that Friday. Throws RangeError when `from` is not a
   * valid date or N is not an integer in 1..MAX_ADD_WORKDAYS.
   */
  addWorkdays(from: string, days: number): string {
    let day = requireDayNumber(from, 'from');
    if (!Number.isInteger(days) || days < 1 || days > MAX_ADD_WORKDAYS) {
      throw new RangeError(`days must be an integer from 1 to ${MAX_ADD_WORKDAYS}, got ${String(days)}`);
    }
    // Stepping with an O(1) map lookup per day: at most ~1.4 steps per working day plus holiday blocks,
    // which stays in the microseconds for SLA-sized N.
    let remaining = days;
    while (remaining > 0) {
      day += 1;
      if (this.isWorkdayNumber(day)) remaining -= 1;
    }
    return formatDayNumber(day);
  }

  /**
   * Working days in the half-open range (from, to]: from itself never counts, to counts if it is a working day.
   * So workdaysBetween(d, addWorkdays(d, n)) === n, and a handling that starts and ends on the same day took 0.
   * When to is before from the result is negative (minus the count in (to, from]), which reads naturally as
   * "working days overdue" when computing remaining time against a deadline that has passed.
   */
  workdaysBetween(from: string, to: string): number {
    const a = requireDayNumber(from, 'from');
    const b = requireDayNumber(to, 'to');
    const weekdays = weekdaysFromAnchor(b + 1 - MONDAY_ANCHOR) - weekdaysFromAnchor(a + 1 - MONDAY_ANCHOR);
    return weekdays + this.adjustmentUpTo(b) - this.adjustmentUpTo(a);
  }

  /** Whether the year's official calendar is loaded; if not, that year silently uses the Mon–Fri fallback. */
  hasYear(year: number): boolean {
    return this.years.includes(year);
  }

  /** Loaded years, ascending. */
  coveredYears(): number[] {
    return [...this.years];
  }

  private isWorkdayNumber(day: number): boolean {
    const override = this.overrides.get(day);
    return override ?? !isWeekend(day);
  }

  /** Sum of the adjustments on days <= day. */
  private adjustmentUpTo(day: number): number {
    // Binary search for the number of adjustment days <= day.
    let lo = 0;
    let hi = this.adjustDays.length;
    while (lo < hi) {
      const mid = (lo + hi) >>> 1;
      if (this.adjustDays[mid]! <= day) lo = mid + 1;
      else hi = mid;
    }
    return lo === 0 ? 0 : this.adjustPrefix[lo - 1]!;
  }
}
