import { describe, expect, it } from 'vitest';
import { type CalendarYearData, OFFICIAL_CALENDAR } from './official-holidays';
import {
  dayOfWeek,
  isValidIsoDate,
  MAX_ADD_WORKDAYS,
  shanghaiDate,
  shanghaiToday,
  validateCalendarYear,
  WorkdayCalendar,
} from './workdays';

// Every expected value below was worked out by hand from the notices (SPEC §2.4) and a weekday table, not by
// running the code. The weekday column of each row is checked against Date#getUTCDay as an independent oracle,
// so a slip in the hand-made weekday table shows up as a failing row rather than as a wrong expectation.

type Weekday = 'Sun' | 'Mon' | 'Tue' | 'Wed' | 'Thu' | 'Fri' | 'Sat';
const WEEKDAYS: Weekday[] = ['Sun', 'Mon', 'Tue', 'Wed', 'Thu', 'Fri', 'Sat'];

function oracleWeekday(date: string): Weekday {
  return WEEKDAYS[new Date(`${date}T00:00:00Z`).getUTCDay()]!;
}

const calendar = new WorkdayCalendar(OFFICIAL_CALENDAR);

describe('official holiday data (self-check)', () => {
  const years = OFFICIAL_CALENDAR.map((y) => y.year);

  it('ships 2024, 2025 and 2026 once each, in order', () => {
    expect(years).toEqual([2024, 2025, 2026]);
  });

  it.each(OFFICIAL_CALENDAR)('$year: every make-up workday is a Saturday or Sunday', (data) => {
    for (const { date } of data.makeupWorkdays) {
      expect([0, 6], date).toContain(new Date(`${date}T00:00:00Z`).getUTCDay());
    }
  });

  it.each(OFFICIAL_CALENDAR)('$year: no date is both a holiday and a make-up workday', (data) => {
    const holidays = new Set(data.holidays.map((h) => h.date));
    expect(data.makeupWorkdays.filter((w) => holidays.has(w.date))).toEqual([]);
  });

  it.each(OFFICIAL_CALENDAR)('$year: passes validateCalendarYear', (data) => {
    expect(validateCalendarYear(data)).toEqual([]);
  });

  it.each(OFFICIAL_CALENDAR)('$year: dates are sorted, unique and inside the year', (data) => {
    for (const list of [data.holidays, data.makeupWorkdays]) {
      const dates = list.map((d) => d.date);
      expect(dates).toEqual([...new Set(dates)].sort());
      for (const d of dates) expect(d.startsWith(`${data.year}-`)).toBe(true);
    }
    expect(data.source).toContain(`${data.year}年部分节假日安排的通知`);
  });

  // Counts by block: 2024 1+8+3+5+3+3+7, 2025 1+8+3+5+3+8, 2026 3+9+3+5+3+3+7.
  it.each([
    { year: 2024, holidays: 30, makeups: 8, doc: '国办发明电〔2023〕7号' },
    { year: 2025, holidays: 28, makeups: 5, doc: '国办发明电〔2024〕12号' },
    { year: 2026, holidays: 33, makeups: 6, doc: '国办发明电〔2025〕7号' },
  ])('$year has $holidays off-days and $makeups make-up days ($doc)', ({ year, holidays, makeups, doc }) => {
    const data = OFFICIAL_CALENDAR.find((y) => y.year === year)!;
    expect(data.holidays).toHaveLength(holidays);
    expect(data.makeupWorkdays).toHaveLength(makeups);
    expect(data.source).toContain(doc);
  });

  it('uses the holiday names of the notices', () => {
    const names = (year: number) =>
      [...new Set(OFFICIAL_CALENDAR.find((y) => y.year === year)!.holidays.map((h) => h.name))].sort();
    expect(names(2024)).toEqual(['中秋节', '元旦', '劳动节', '国庆节', '春节', '清明节', '端午节'].sort());
    expect(names(2025)).toEqual(['元旦', '国庆节、中秋节', '劳动节', '春节', '清明节', '端午节'].sort());
    expect(names(2026)).toEqual(['中秋节', '元旦', '劳动节', '国庆节', '春节', '清明节', '端午节'].sort());
  });

  it('every listed holiday is off and every make-up day is on in the built calendar', () => {
    for (const data of OFFICIAL_CALENDAR) {
      for (const h of data.holidays) expect(calendar.isWorkday(h.date), h.date).toBe(false);
      for (const w of data.makeupWorkdays) expect(calendar.isWorkday(w.date), w.date).toBe(true);
    }
  });
});

describe('isWorkday', () => {
  // [date, weekday, working?] around and through every holiday block and make-up day of 2024–2026.
  const rows: [string, Weekday, boolean][] = [
    // 2024 元旦
    ['2024-01-01', 'Mon', false],
    ['2024-01-02', 'Tue', true],
    // 2024 春节: 2-10..2-17 off, 2-4 and 2-18 (Sundays) worked; 除夕 2-9 is an ordinary working Friday.
    ['2024-02-02', 'Fri', true],
    ['2024-02-03', 'Sat', false],
    ['2024-02-04', 'Sun', true],
    ['2024-02-05', 'Mon', true],
    ['2024-02-09', 'Fri', true],
    ['2024-02-10', 'Sat', false],
    ['2024-02-11', 'Sun', false],
    ['2024-02-12', 'Mon', false],
    ['2024-02-13', 'Tue', false],
    ['2024-02-14', 'Wed', false],
    ['2024-02-15', 'Thu', false],
    ['2024-02-16', 'Fri', false],
    ['2024-02-17', 'Sat', false],
    ['2024-02-18', 'Sun', true],
    ['2024-02-19', 'Mon', true],
    ['2024-02-24', 'Sat', false],
    // 2024 清明
    ['2024-04-03', 'Wed', true],
    ['2024-04-04', 'Thu', false],
    ['2024-04-05', 'Fri', false],
    ['2024-04-06', 'Sat', false],
    ['2024-04-07', 'Sun', true],
    ['2024-04-08', 'Mon', true],
    // 2024 劳动节
    ['2024-04-27', 'Sat', false],
    ['2024-04-28', 'Sun', true],
    ['2024-04-30', 'Tue', true],
    ['2024-05-01', 'Wed', false],
    ['2024-05-02', 'Thu', false],
    ['2024-05-03', 'Fri', false],
    ['2024-05-04', 'Sat', false],
    ['2024-05-05', 'Sun', false],
    ['2024-05-06', 'Mon', true],
    ['2024-05-10', 'Fri', true],
    ['2024-05-11', 'Sat', true],
    ['2024-05-12', 'Sun', false],
    // 2024 端午
    ['2024-06-07', 'Fri', true],
    ['2024-06-08', 'Sat', false],
    ['2024-06-09', 'Sun', false],
    ['2024-06-10', 'Mon', false],
    ['2024-06-11', 'Tue', true],
    // 2024 中秋
    ['2024-09-13', 'Fri', true],
    ['2024-09-14', 'Sat', true],
    ['2024-09-15', 'Sun', false],
    ['2024-09-16', 'Mon', false],
    ['2024-09-17', 'Tue', false],
    ['2024-09-18', 'Wed', true],
    // 2024 国庆
    ['2024-09-28', 'Sat', false],
    ['2024-09-29', 'Sun', true],
    ['2024-09-30', 'Mon', true],
    ['2024-10-01', 'Tue', false],
    ['2024-10-02', 'Wed', false],
    ['2024-10-03', 'Thu', false],
    ['2024-10-04', 'Fri', false],
    ['2024-10-05', 'Sat', false],
    ['2024-10-06', 'Sun', false],
    ['2024-10-07', 'Mon', false],
    ['2024-10-08', 'Tue', true],
    ['2024-10-11', 'Fri', true],
    ['2024-10-12', 'Sat', true],
    ['2024-10-13', 'Sun', false],
    // 2025 元旦
    ['2024-12-31', 'Tue', true],
    ['2025-01-01', 'Wed', false],
    ['2025-01-02', 'Thu', true],
    // 2025 春节: 1-28..2-4 off, 1-26 (Sun) and 2-8 (Sat) worked.
    ['2025-01-24', 'Fri', true],
    ['2025-01-25', 'Sat', false],
    ['2025-01-26', 'Sun', true],
    ['2025-01-27', 'Mon', true],
    ['2025-01-28', 'Tue', false],
    ['2025-01-29', 'Wed', false],
    ['2025-01-30', 'Thu', false],
    ['2025-01-31', 'Fri', false],
    ['2025-02-01', 'Sat', false],
    ['2025-02-02', 'Sun', false],
    ['2025-02-03', 'Mon', false],
    ['2025-02-04', 'Tue', false],
    ['2025-02-05', 'Wed', true],
    ['2025-02-07', 'Fri', true],
    ['2025-02-08', 'Sat', true],
    ['2025-02-09', 'Sun', false],
    ['2025-02-10', 'Mon', true],
    // 2025 清明 (no make-up day)
    ['2025-04-03', 'Thu', true],
    ['2025-04-04', 'Fri', false],
    ['2025-04-05', 'Sat', false],
    ['2025-04-06', 'Sun', false],
    ['2025-04-07', 'Mon', true],
    // 2025 劳动节: only 4-27 worked; 5-10 is an ordinary Saturday.
    ['2025-04-26', 'Sat', false],
    ['2025-04-27', 'Sun', true],
    ['2025-04-30', 'Wed', true],
    ['2025-05-01', 'Thu', false],
    ['2025-05-02', 'Fri', false],
    ['2025-05-03', 'Sat', false],
    ['2025-05-04', 'Sun', false],
    ['2025-05-05', 'Mon', false],
    ['2025-05-06', 'Tue', true],
    ['2025-05-10', 'Sat', false],
    // 2025 端午
    ['2025-05-30', 'Fri', true],
    ['2025-05-31', 'Sat', false],
    ['2025-06-01', 'Sun', false],
    ['2025-06-02', 'Mon', false],
    ['2025-06-03', 'Tue', true],
    // 2025 国庆节、中秋节: 10-1..10-8 off, 9-28 (Sun) and 10-11 (Sat) worked.
    ['2025-09-27', 'Sat', false],
    ['2025-09-28', 'Sun', true],
    ['2025-09-29', 'Mon', true],
    ['2025-09-30', 'Tue', true],
    ['2025-10-01', 'Wed', false],
    ['2025-10-02', 'Thu', false],
    ['2025-10-03', 'Fri', false],
    ['2025-10-04', 'Sat', false],
    ['2025-10-05', 'Sun', false],
    ['2025-10-06', 'Mon', false],
    ['2025-10-07', 'Tue', false],
    ['2025-10-08', 'Wed', false],
    ['2025-10-09', 'Thu', true],
    ['2025-10-10', 'Fri', true],
    ['2025-10-11', 'Sat', true],
    ['2025-10-12', 'Sun', false],
    ['2025-10-13', 'Mon', true],
    // 2026 元旦: 1-1..1-3 off, 1-4 (Sun) worked.
    ['2025-12-31', 'Wed', true],
    ['2026-01-01', 'Thu', false],
    ['2026-01-02', 'Fri', false],
    ['2026-01-03', 'Sat', false],
    ['2026-01-04', 'Sun', true],
    ['2026-01-05', 'Mon', true],
    ['2026-01-10', 'Sat', false],
    // 2026 春节: 2-15..2-23 off, 2-14 and 2-28 (Saturdays) worked.
    ['2026-02-13', 'Fri', true],
    ['2026-02-14', 'Sat', true],
    ['2026-02-15', 'Sun', false],
    ['2026-02-16', 'Mon', false],
    ['2026-02-17', 'Tue', false],
    ['2026-02-18', 'Wed', false],
    ['2026-02-19', 'Thu', false],
    ['2026-02-20', 'Fri', false],
    ['2026-02-21', 'Sat', false],
    ['2026-02-22', 'Sun', false],
    ['2026-02-23', 'Mon', false],
    ['2026-02-24', 'Tue', true],
    ['2026-02-27', 'Fri', true],
    ['2026-02-28', 'Sat', true],
    ['2026-03-01', 'Sun', false],
    ['2026-03-02', 'Mon', true],
    // 2026 清明
    ['2026-04-03', 'Fri', true],
    ['2026-04-04', 'Sat', false],
    ['2026-04-05', 'Sun', false],
    ['2026-04-06', 'Mon', false],
    ['2026-04-07', 'Tue', true],
    // 2026 劳动节: 5-1..5-5 off, 5-9 (Sat) worked.
    ['2026-04-30', 'Thu', true],
    ['2026-05-01', 'Fri', false],
    ['2026-05-02', 'Sat', false],
    ['2026-05-03', 'Sun', false],
    ['2026-05-04', 'Mon', false],
    ['2026-05-05', 'Tue', false],
    ['2026-05-06', 'Wed', true],
    ['2026-05-08', 'Fri', true],
    ['2026-05-09', 'Sat', true],
    ['2026-05-10', 'Sun', false],
    // 2026 端午
    ['2026-06-18', 'Thu', true],
    ['2026-06-19', 'Fri', false],
    ['2026-06-20', 'Sat', false],
    ['2026-06-21', 'Sun', false],
    ['2026-06-22', 'Mon', true],
    // 2026 中秋 and the 国庆 make-up Sunday before it
    ['2026-09-19', 'Sat', false],
    ['2026-09-20', 'Sun', true],
    ['2026-09-24', 'Thu', true],
    ['2026-09-25', 'Fri', false],
    ['2026-09-26', 'Sat', false],
    ['2026-09-27', 'Sun', false],
    ['2026-09-28', 'Mon', true],
    // 2026 国庆: 10-1..10-7 off, 10-10 (Sat) worked.
    ['2026-09-30', 'Wed', true],
    ['2026-10-01', 'Thu', false],
    ['2026-10-02', 'Fri', false],
    ['2026-10-03', 'Sat', false],
    ['2026-10-04', 'Sun', false],
    ['2026-10-05', 'Mon', false],
    ['2026-10-06', 'Tue', false],
    ['2026-10-07', 'Wed', false],
    ['2026-10-08', 'Thu', true],
    ['2026-10-09', 'Fri', true],
    ['2026-10-10', 'Sat', true],
    ['2026-10-11', 'Sun', false],
    // Outside the known years: plain Mon–Fri, even where the real calendar differed
    // (2023-01-02 was a 元旦 holiday and 2023-10-07 a make-up Saturday).
    ['2023-01-02', 'Mon', true],
    ['2023-10-07', 'Sat', false],
    ['2027-01-01', 'Fri', true],
    ['2027-01-02', 'Sat', false],
    ['2027-01-03', 'Sun', false],
  ];

  it.each(rows)('%s (%s) working=%s', (date, weekday, working) => {
    expect(oracleWeekday(date)).toBe(weekday);
    expect(WEEKDAYS[dayOfWeek(date)]).toBe(weekday);
    expect(calendar.isWorkday(date)).toBe(working);
  });

  it('with no data at all follows the Mon–Fri rule', () => {
    const plain = new WorkdayCalendar([]);
    expect(plain.isWorkday('2025-01-01')).toBe(true);
    expect(plain.isWorkday('2025-01-26')).toBe(false);
    expect(plain.coveredYears()).toEqual([]);
  });

  it.each(['2025-02-29', '2025-1-1', '', 'today'])('rejects invalid date %j', (date) => {
    expect(() => calendar.isWorkday(date)).toThrow(RangeError);
  });
});

describe('addWorkdays', () => {
  // [from, days, expected]; each case walks the working days one by one in the comment.
  const cases: [string, number, string, string][] = [
    // 2025 春节 (1-28..2-4 off; 1-26 Sun and 2-8 Sat worked)
    ['2025-01-24', 1, '2025-01-26', 'Fri -> Sat off -> Sun make-up'],
    ['2025-01-25', 1, '2025-01-26', 'from a plain Saturday'],
    ['2025-01-26', 1, '2025-01-27', 'make-up Sun -> Mon'],
    ['2025-01-27', 1, '2025-02-05', 'Mon -> whole 8-day block -> Wed'],
    ['2025-01-24', 3, '2025-02-05', '1-26, 1-27, 2-5'],
    ['2025-01-24', 13, '2025-02-18', '1-26 1-27 2-5 2-6 2-7 2-8 | 2-10..2-14 | 2-17 2-18'],
    ['2025-01-28', 1, '2025-02-05', 'from the first holiday'],
    ['2025-01-30', 1, '2025-02-05', 'from a weekday holiday'],
    ['2025-02-01', 1, '2025-02-05', 'from a weekend holiday'],
    ['2025-02-04', 1, '2025-02-05', 'from the last holiday'],
    ['2025-01-30', 3, '2025-02-07', '2-5, 2-6, 2-7'],
    ['2025-02-05', 3, '2025-02-08', '2-6, 2-7, 2-8 make-up Sat'],
    ['2025-02-07', 1, '2025-02-08', 'Fri -> make-up Sat'],
    ['2025-02-08', 1, '2025-02-10', 'make-up Sat -> Sun off -> Mon'],
    // 2025 国庆节、中秋节 (10-1..10-8 off; 9-28 Sun and 10-11 Sat worked)
    ['2025-09-26', 1, '2025-09-28', 'Fri -> Sat off -> Sun make-up'],
    ['2025-09-26', 3, '2025-09-30', '9-28, 9-29, 9-30'],
    ['2025-09-26', 13, '2025-10-21', '9-28 9-29 9-30 | 10-9 10-10 10-11 | 10-13..10-17 | 10-20 10-21'],
    ['2025-09-30', 1, '2025-10-09', 'Tue -> whole 8-day block -> Thu'],
    ['2025-09-30', 3, '2025-10-11', '10-9, 10-10, 10-11 make-up Sat'],
    ['2025-09-30', 13, '2025-10-24', '10-9 10-10 10-11 | 10-13..10-17 | 10-20..10-24'],
    ['2025-10-05', 1, '2025-10-09', 'from a holiday Sunday'],
    ['2025-10-08', 1, '2025-10-09', 'from the last holiday'],
    ['2025-10-10', 1, '2025-10-11', 'Fri -> make-up Sat'],
    ['2025-10-11', 1, '2025-10-13', 'make-up Sat -> Sun off -> Mon'],
    // 2026 春节 (2-15..2-23 off; 2-14 Sat and 2-28 Sat worked)
    ['2026-02-12', 1, '2026-02-13', 'ordinary Thu -> Fri'],
    ['2026-02-13', 1, '2026-02-14', 'Fri -> make-up Sat'],
    ['2026-02-14', 1, '2026-02-24', 'make-up Sat -> whole 9-day block -> Tue'],
    ['2026-02-13', 3, '2026-02-25', '2-14, 2-24, 2-25'],
    ['2026-02-13', 13, '2026-03-10', '2-14 | 2-24..2-28 | 3-2..3-6 | 3-9 3-10'],
    ['2026-02-15', 1, '2026-02-24', 'from the first holiday'],
    ['2026-02-20', 1, '2026-02-24', 'from a weekday holiday'],
    ['2026-02-20', 3, '2026-02-26', '2-24, 2-25, 2-26'],
    ['2026-02-27', 1, '2026-02-28', 'Fri -> make-up Sat'],
    ['2026-02-28', 1, '2026-03-02', 'make-up Sat -> Sun off -> Mon'],
    // 2026 中秋 + 国庆 (9-20 Sun worked; 9-25..9-27 off; 10-1..10-7 off; 10-10 Sat worked)
    ['2026-09-18', 1, '2026-09-20', 'Fri -> Sat off -> Sun make-up'],
    ['2026-09-18', 13, '2026-10-13', '9-20..9-24 | 9-28 9-29 9-30 | 10-8 10-9 10-10 | 10-12 10-13'],
    ['2026-09-24', 1, '2026-09-28', 'Thu -> 中秋 Fri–Sun -> Mon'],
    ['2026-09-30', 1, '2026-10-08', 'Wed -> whole 7-day block -> Thu'],
    ['2026-09-30', 3, '2026-10-10', '10-8, 10-9, 10-10 make-up Sat'],
    ['2026-09-30', 13, '2026-10-23', '10-8 10-9 10-10 | 10-12..10-16 | 10-19..10-23'],
    ['2026-10-03', 1, '2026-10-08', 'from a holiday Saturday'],
    // Year boundaries
    ['2025-12-30', 1, '2025-12-31', 'ordinary Tue -> Wed'],
    ['2025-12-31', 1, '2026-01-04', '1-1..1-3 off, 1-4 Sunday is a make-up day'],
    ['2025-12-31', 2, '2026-01-05', '1-4, 1-5'],
    ['2026-01-03', 1, '2026-01-04', 'from a holiday Saturday to the make-up Sunday'],
    ['2024-12-27', 1, '2024-12-30', 'Fri -> weekend -> Mon'],
    ['2024-12-31', 1, '2025-01-02', '元旦 Wed off -> Thu'],
    ['2024-12-31', 3, '2025-01-06', '1-2 Thu, 1-3 Fri, 1-6 Mon'],
    // 2024
    ['2024-02-02', 1, '2024-02-04', 'Fri -> Sat off -> Sun make-up'],
    ['2024-02-08', 1, '2024-02-09', '除夕 is a working Friday'],
    ['2024-02-09', 1, '2024-02-18', '2-10..2-17 off -> Sun make-up'],
    ['2024-09-27', 1, '2024-09-29', 'Fri -> Sat off -> Sun make-up'],
    ['2024-09-30', 1, '2024-10-08', 'Mon -> 7-day block -> Tue'],
    // Fallback past the last known year: plain Mon–Fri.
    ['2026-12-31', 1, '2027-01-01', 'Thu -> Fri (2027 not loaded)'],
    ['2027-03-05', 5, '2027-03-12', 'Fri -> next Mon..Fri'],
  ];

  it.each(cases)('%s + %i -> %s (%s)', (from, days, expected) => {
    expect(calendar.addWorkdays(from, days)).toBe(expected);
  });

  it.each([0, -1, MAX_ADD_WORKDAYS + 1, 1.5, Number.NaN, Number.POSITIVE_INFINITY])(
    'rejects days = %s',
    (days) => {
      expect(() => calendar.addWorkdays('2025-01-24', days)).toThrow(RangeError);
    },
  );

  it.each(['2025-02-29', '2025-1-24', '2025-01-24T00:00:00Z'])('rejects from = %j', (from) => {
    expect(() => calendar.addWorkdays(from, 1)).toThrow(RangeError);
  });

  it(`accepts the maximum of ${MAX_ADD_WORKDAYS} days and lands on a working day`, () => {
    const end = calendar.addWorkdays('2025-01-01', MAX_ADD_WORKDAYS);
    expect(isValidIsoDate(end)).toBe(true);
    expect(calendar.isWorkday(end)).toBe(true);
    expect(calendar.workdaysBetween('2025-01-01', end)).toBe(MAX_ADD_WORKDAYS);
  });

  it('agrees with workdaysBetween and isWorkday for every start day of 2024-12..2027-01', () => {
    const start = Date.UTC(2024, 11, 1);
    const end = Date.UTC(2027, 0, 31);
    for (let t = start; t <= end; t += 86_400_000) {
      const from = new Date(t).toISOString().slice(0, 10);
      for (const n of [1, 2, 3, 5, 13, 20]) {
        const due = calendar.addWorkdays(from, n);
        expect(calendar.isWorkday(due), `${from} +${n}`).toBe(true);
        expect(calendar.workdaysBetween(from, due), `${from} +${n}`).toBe(n);
      }
    }
  });
});

describe('workdaysBetween', () => {
  // Working days in (from, to].
  const cases: [string, string, number, string][] = [
    ['2025-01-24', '2025-01-24', 0, 'same day'],
    ['2025-01-24', '2025-01-25', 0, 'Sat off'],
    ['2025-01-24', '2025-01-26', 1, 'make-up Sun'],
    ['2025-01-24', '2025-02-05', 3, '1-26, 1-27, 2-5'],
    ['2025-01-27', '2025-02-04', 0, 'inside the holiday block'],
    ['2025-01-27', '2025-02-05', 1, '2-5'],
    ['2025-01-24', '2025-02-18', 13, 'matches addWorkdays +13'],
    ['2025-09-29', '2025-10-10', 3, 'accepted Mon, replied Fri: 9-30, 10-9, 10-10'],
    ['2025-09-30', '2025-10-11', 3, '10-9, 10-10, 10-11'],
    ['2025-09-26', '2025-10-21', 13, 'matches addWorkdays +13'],
    ['2026-02-13', '2026-03-10', 13, 'matches addWorkdays +13'],
    ['2026-02-14', '2026-02-23', 0, 'the whole 2026 春节 block'],
    ['2025-12-31', '2026-01-05', 2, '1-4 make-up Sun, 1-5'],
    ['2026-12-31', '2027-01-08', 6, 'fallback: 1-1 Fri, 1-4..1-8'],
    // Whole years: weekdays − weekday holidays + make-up days.
    // 2024: 262 − 19 + 8; 2025: 261 − 18 + 5; 2026: 261 − 19 + 6 (i.e. 365/366 − 104 weekend days − 11/13/13).
    ['2023-12-31', '2024-12-31', 251, 'all of 2024'],
    ['2024-12-31', '2025-12-31', 248, 'all of 2025'],
    ['2025-12-31', '2026-12-31', 248, 'all of 2026'],
    ['2023-12-31', '2026-12-31', 747, '2024–2026'],
    // Reversed ranges are negative: minus the working days in (to, from].
    ['2025-02-05', '2025-01-24', -3, 'reversed'],
    ['2025-10-09', '2025-09-30', -1, 'reversed across 国庆'],
  ];

  it.each(cases)('(%s, %s] = %i (%s)', (from, to, expected) => {
    expect(calendar.workdaysBetween(from, to)).toBe(expected);
  });

  it('equals a day-by-day count for many ranges, in both directions', () => {
    const day = (t: number) => new Date(t).toISOString().slice(0, 10);
    const base = Date.UTC(2023, 10, 20);
    for (let i = 0; i < 1200; i += 7) {
      const from = day(base + i * 86_400_000);
      let count = 0;
      for (let j = 1; j <= 60; j++) {
        const to = day(base + (i + j) * 86_400_000);
        if (calendar.isWorkday(to)) count++;
        expect(calendar.workdaysBetween(from, to), `(${from}, ${to}]`).toBe(count);
        expect(calendar.workdaysBetween(to, from), `(${to}, ${from}]`).toBe(count === 0 ? 0 : -count);
      }
    }
  });

  it.each([
    ['2025-02-29', '2025-03-01'],
    ['2025-03-01', '2025-3-1'],
  ])('rejects (%j, %j)', (from, to) => {
    expect(() => calendar.workdaysBetween(from, to)).toThrow(RangeError);
  });
});

describe('covered years', () => {
  it('reports the loaded years', () => {
    expect(calendar.coveredYears()).toEqual([2024, 2025, 2026]);
    expect(calendar.hasYear(2025)).toBe(true);
    expect(calendar.hasYear(2023)).toBe(false);
    expect(calendar.hasYear(2027)).toBe(false);
  });

  it('returns a copy', () => {
    calendar.coveredYears().push(1999);
    expect(calendar.coveredYears()).toEqual([2024, 2025, 2026]);
  });
});

// A made-up year in the official shape, used to exercise admin-added years. It is NOT the real 2027 calendar.
// 2027-01-01 is a Friday, so 1-1..1-3 is Fri–Sun and 1-9 is a Saturday.
function fixture2027(): CalendarYearData {
  return {
    year: 2027,
    source: '测试用数据（非真实通知）',
    holidays: [
      { date: '2027-01-01', name: '元旦' },
      { date: '2027-01-02', name: '元旦' },
      { date: '2027-01-03', name: '元旦' },
    ],
    makeupWorkdays: [{ date: '2027-01-09', name: '元旦' }],
  };
}

describe('admin-added years', () => {
  it('extends the calendar', () => {
    const extended = new WorkdayCalendar([...OFFICIAL_CALENDAR, fixture2027()]);
    expect(extended.coveredYears()).toEqual([2024, 2025, 2026, 2027]);
    expect(extended.isWorkday('2027-01-01')).toBe(false);
    expect(extended.isWorkday('2027-01-09')).toBe(true);
    // 2026-12-31 Thu: 1-1..1-3 off, 1-4 Mon is the first working day.
    expect(extended.addWorkdays('2026-12-31', 1)).toBe('2027-01-04');
    // 1-4..1-8 then the make-up Saturday 1-9.
    expect(extended.addWorkdays('2026-12-31', 6)).toBe('2027-01-09');
    expect(extended.workdaysBetween('2026-12-31', '2027-01-10')).toBe(6);
  });

  it('accepts years in any order', () => {
    const reversed = new WorkdayCalendar([fixture2027(), ...OFFICIAL_CALENDAR].reverse());
    expect(reversed.coveredYears()).toEqual([2024, 2025, 2026, 2027]);
    expect(reversed.addWorkdays('2025-12-31', 1)).toBe('2026-01-04');
  });

  it('refuses the same year twice', () => {
    expect(() => new WorkdayCalendar([fixture2027(), fixture2027()])).toThrow(/2027 年的日历重复/);
  });

  it('refuses invalid data instead of guessing', () => {
    const bad = fixture2027();
    bad.makeupWorkdays.push({ date: '2027-01-04', name: '元旦' });
    expect(() => new WorkdayCalendar([bad])).toThrow(/调休上班日只能是周六或周日/);
  });
});

describe('validateCalendarYear', () => {
  type Mutation = (d: CalendarYearData) => void;
  // [label, mutation of the valid fixture, substrings expected in the messages (one per message)]
  const cases: [string, Mutation, string[]][] = [
    ['valid fixture', () => {}, []],
    ['no make-up days at all is fine', (d) => (d.makeupWorkdays = []), []],
    ['holiday on a weekend is fine', (d) => d.holidays.push({ date: '2027-01-10', name: '测试' }), []],
    [
      'holiday outside the year',
      (d) => d.holidays.push({ date: '2026-12-31', name: '元旦' }),
      ['节假日 2026-12-31 不在 2027 年内'],
    ],
    [
      'make-up day outside the year (Saturday 2028-01-08)',
      (d) => d.makeupWorkdays.push({ date: '2028-01-08', name: '元旦' }),
      ['调休上班日 2028-01-08 不在 2027 年内'],
    ],
    [
      'impossible date 2027-02-29 (2027 is not a leap year)',
      (d) => d.holidays.push({ date: '2027-02-29', name: '春节' }),
      ['节假日日期无效："2027-02-29"'],
    ],
    [
      'non-padded date',
      (d) => d.holidays.push({ date: '2027-2-1', name: '春节' }),
      ['节假日日期无效："2027-2-1"'],
    ],
    ['month 13', (d) => d.makeupWorkdays.push({ date: '2027-13-01', name: 'x' }), ['调休上班日日期无效']],
    [
      'duplicate holiday',
      (d) => d.holidays.push({ date: '2027-01-02', name: '元旦' }),
      ['节假日 2027-01-02 重复'],
    ],
    [
      'duplicate make-up day',
      (d) => d.makeupWorkdays.push({ date: '2027-01-09', name: '元旦' }),
      ['调休上班日 2027-01-09 重复'],
    ],
    [
      'date both holiday and make-up day (Sunday, so only one message)',
      (d) => d.makeupWorkdays.push({ date: '2027-01-03', name: '元旦' }),
      ['2027-01-03 既是节假日又是调休上班日'],
    ],
    [
      'both, on a Friday: also not a weekend day',
      (d) => d.makeupWorkdays.push({ date: '2027-01-01', name: '元旦' }),
      ['2027-01-01 既是节假日又是调休上班日', '调休上班日 2027-01-01 是星期五'],
    ],
    [
      'make-up day on a Monday',
      (d) => d.makeupWorkdays.push({ date: '2027-01-04', name: '元旦' }),
      ['调休上班日 2027-01-04 是星期一，调休上班日只能是周六或周日'],
    ],
    ['empty name', (d) => (d.holidays[0]!.name = ' '), ['节假日 2027-01-01 的名称不能为空']],
    ['empty source', (d) => (d.source = ''), ['来源不能为空']],
    ['no holidays', (d) => (d.holidays = []), ['未填写任何节假日']],
    ['fractional year', (d) => (d.year = 2027.5), ['年份无效：2027.5']],
    ['year too small', (d) => (d.year = 27), ['年份无效：27']],
    [
      'year does not match the dates',
      (d) => (d.year = 2026),
      [
        '节假日 2027-01-01 不在 2026 年内',
        '节假日 2027-01-02 不在 2026 年内',
        '节假日 2027-01-03 不在 2026 年内',
        '调休上班日 2027-01-09 不在 2026 年内',
      ],
    ],
    [
      'several problems are all reported',
      (d) => {
        d.source = '';
        d.holidays.push({ date: '2027-02-30', name: '春节' });
        d.makeupWorkdays.push({ date: '2027-01-05', name: '元旦' });
      },
      ['来源不能为空', '节假日日期无效："2027-02-30"', '调休上班日 2027-01-05 是星期二'],
    ],
  ];

  it.each(cases)('%s', (_label, mutate, expected) => {
    const data = fixture2027();
    mutate(data);
    const errors = validateCalendarYear(data);
    expect(errors).toHaveLength(expected.length);
    expected.forEach((fragment, i) => {
      expect(errors[i]).toContain(fragment);
    });
  });
});

describe('isValidIsoDate', () => {
  it.each([
    ['2024-02-29', true],
    ['2000-02-29', true],
    ['2025-01-01', true],
    ['2025-12-31', true],
    ['2025-04-30', true],
    ['1970-01-01', true],
    ['9999-12-31', true],
    ['2025-02-29', false],
    ['1900-02-29', false],
    ['2100-02-29', false],
    ['2025-02-30', false],
    ['2025-04-31', false],
    ['2025-13-01', false],
    ['2025-00-10', false],
    ['2025-01-00', false],
    ['2025-01-32', false],
    ['2025-1-1', false],
    ['2025-01-1', false],
    ['2025-1-01', false],
    ['25-01-01', false],
    ['20250101', false],
    ['2025/01/01', false],
    ['2025.01.01', false],
    ['2025-01-01T00:00:00Z', false],
    ['2025-01-01T00:00:00+08:00', false],
    [' 2025-01-01', false],
    ['2025-01-01 ', false],
    ['2025-01-01\n', false],
    ['+2025-01-01', false],
    ['-2025-01-01', false],
    ['２０２５-01-01', false],
    ['2025-0a-01', false],
    ['', false],
  ])('%j -> %s', (s, expected) => {
    expect(isValidIsoDate(s)).toBe(expected);
  });
});

describe('dayOfWeek', () => {
  it.each([
    ['1970-01-01', 4],
    ['1969-12-31', 3],
    ['2000-01-01', 6],
    ['2024-01-01', 1],
    ['2025-01-01', 3],
    ['2026-01-01', 4],
    ['2024-02-29', 4],
  ])('%s -> %i', (date, expected) => {
    expect(dayOfWeek(date)).toBe(expected);
    expect(new Date(`${date}T00:00:00Z`).getUTCDay()).toBe(expected);
  });

  it('rejects an invalid date', () => {
    expect(() => dayOfWeek('2025-02-29')).toThrow(RangeError);
  });
});

describe('shanghaiDate / shanghaiToday', () => {
  it.each([
    ['2025-01-27T15:59:59.999Z', '2025-01-27'],
    ['2025-01-27T16:00:00.000Z', '2025-01-28'],
    ['2025-01-01T00:00:00+08:00', '2025-01-01'],
    ['2024-12-31T23:59:59+08:00', '2024-12-31'],
    ['2024-12-31T16:00:00Z', '2025-01-01'],
    ['2024-02-28T16:00:00Z', '2024-02-29'],
    ['2025-06-30T12:00:00-04:00', '2025-07-01'],
    ['1970-01-01T00:00:00Z', '1970-01-01'],
    ['1969-12-31T16:00:00Z', '1970-01-01'],
    ['1969-12-31T15:59:59Z', '1969-12-31'],
  ])('%s -> %s', (iso, expected) => {
    expect(shanghaiDate(new Date(iso))).toBe(expected);
    expect(shanghaiToday(new Date(iso))).toBe(expected);
  });

  it('rejects an invalid Date', () => {
    expect(() => shanghaiDate(new Date('nope'))).toThrow(RangeError);
    expect(() => shanghaiToday(new Date(Number.NaN))).toThrow(RangeError);
  });
});
