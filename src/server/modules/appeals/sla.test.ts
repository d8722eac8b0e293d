import { describe, expect, it } from 'vitest';
import type { AppealType } from '../../../shared/appeals';
import { OFFICIAL_CALENDAR } from '../../platform/calendar/official-holidays';
import { WorkdayCalendar } from '../../platform/calendar/workdays';
import {
  acceptanceDeadline,
  DEFAULT_SLA_SETTINGS,
  deadlineAfter,
  extendDeadline,
  isWithinWindow,
  ratingWindowElapsed,
  receiptDay,
  reopenWindowOpen,
  replyDeadline,
  resolveDurations,
  type SlaContext,
  slaStatus,
  workdaysTaken,
  workingMinutesBetween,
} from './sla';

// Every expected value below was counted by hand on a printed calendar, not by running the code. Notation in the
// comments: "(1)" is the first counted working day; the receipt day (R) never counts (民法典 §201); office hours
// are 09:00–17:30 (510 minutes), deadlines are 17:30 Asia/Shanghai (= 09:30Z).
//
// Calendars used:
//   2025 春节  off 01-28 Tue .. 02-04 Tue; make-up 01-26 Sun, 02-08 Sat.
//   2026 春节  off 02-15 Sun .. 02-23 Mon; make-up 02-14 Sat, 02-28 Sat.
//   2025 国庆  off 10-01 Wed .. 10-08 Wed; make-up 09-28 Sun, 10-11 Sat.
//   2026 中秋  off 09-25 Fri .. 09-27 Sun; 国庆 off 10-01 Thu .. 10-07 Wed; make-up 09-20 Sun, 10-10 Sat.

const ctx: SlaContext = { calendar: new WorkdayCalendar(OFFICIAL_CALENDAR), settings: DEFAULT_SLA_SETTINGS };
const at = (local: string) => new Date(`${local}+08:00`);
const closeOf = (date: string) => `${date}T17:30:00.000+08:00`;
const iso = (d: Date) => new Date(d.getTime() + 8 * 3_600_000).toISOString().replace('Z', '+08:00');

type Weekday = 'Sun' | 'Mon' | 'Tue' | 'Wed' | 'Thu' | 'Fri' | 'Sat';
const WEEKDAYS: Weekday[] = ['Sun', 'Mon', 'Tue', 'Wed', 'Thu', 'Fri', 'Sat'];
// An independent oracle for the weekday written in each row, so a slip in the hand table fails loudly.
const weekdayOf = (date: string) => WEEKDAYS[new Date(`${date}T00:00:00Z`).getUTCDay()]!;

interface Row {
  what: string;
  submitted: string; // local Asia/Shanghai time
  weekday: Weekday; // of the submission date
  type: AppealType;
  receipt: string;
  accept: string; // date of the acceptance deadline
  reply: string; // date of the reply deadline, clock started at the same instant
}

const ROWS: Row[] = [
  // ——— 2025 春节 ———
  {
    what: '2025 Friday evening before the make-up Sunday',
    submitted: '2025-01-24T19:00',
    weekday: 'Fri',
    type: 'consult',
    // after 17:30 → R = next working day = 01-26 (make-up Sun)
    receipt: '2025-01-26',
    // accept: (1) 01-27 Mon
    accept: '2025-01-27',
    // reply 3: (1) 01-27, holiday 01-28..02-04, (2) 02-05 Wed, (3) 02-06 Thu
    reply: '2025-02-06',
  },
  {
    what: '2025 Friday evening, a complaint across the whole holiday',
    submitted: '2025-01-24T19:00',
    weekday: 'Fri',
    type: 'complaint',
    receipt: '2025-01-26',
    accept: '2025-01-27',
    // reply 13: (1) 01-27 (2) 02-05 (3) 02-06 (4) 02-07 (5) 02-08 make-up Sat (6) 02-10 (7) 02-11 (8) 02-12
    //           (9) 02-13 (10) 02-14 (11) 02-17 (12) 02-18 (13) 02-19
    reply: '2025-02-19',
  },
  {
    what: '2025 on the make-up Sunday during office hours',
    submitted: '2025-01-26T10:00',
    weekday: 'Sun',
    type: 'help',
    // a working day before closing → R = 01-26 itself
    receipt: '2025-01-26',
    accept: '2025-01-27',
    // reply 3: (1) 01-27 (2) 02-05 (3) 02-06
    reply: '2025-02-06',
  },
  {
    what: '2025 on the make-up Sunday after closing',
    submitted: '2025-01-26T18:00',
    weekday: 'Sun',
    type: 'help',
    // R = next working day 01-27
    receipt: '2025-01-27',
    // accept: (1) 02-05 (holiday skipped)
    accept: '2025-02-05',
    // reply 3: (1) 02-05 (2) 02-06 (3) 02-07
    reply: '2025-02-07',
  },
  {
    what: '2025 on a Spring Festival holiday',
    submitted: '2025-01-30T10:00',
    weekday: 'Thu',
    type: 'consult',
    // holiday → R = first working day after it, 02-05 Wed
    receipt: '2025-02-05',
    accept: '2025-02-06',
    // reply 3: (1) 02-06 (2) 02-07 (3) 02-08 make-up Sat
    reply: '2025-02-08',
  },
  {
    what: '2025 on a Spring Festival holiday, a suggestion',
    submitted: '2025-01-30T10:00',
    weekday: 'Thu',
    type: 'suggestion',
    receipt: '2025-02-05',
    accept: '2025-02-06',
    // reply 13: (1) 02-06 (2) 02-07 (3) 02-08 (4) 02-10 (5) 02-11 (6) 02-12 (7) 02-13 (8) 02-14 (9) 02-17
    //           (10) 02-18 (11) 02-19 (12) 02-20 (13) 02-21
    reply: '2025-02-21',
  },
  // ——— 2026 春节 ———
  {
    what: '2026 Friday evening before the make-up Saturday',
    submitted: '2026-02-13T20:00',
    weekday: 'Fri',
    type: 'consult',
    // R = 02-14 make-up Sat
    receipt: '2026-02-14',
    // accept: holiday 02-15..02-23 → (1) 02-24 Tue
    accept: '2026-02-24',
    // reply 3: (1) 02-24 (2) 02-25 (3) 02-26
    reply: '2026-02-26',
  },
  {
    what: '2026 Friday evening, a complaint',
    submitted: '2026-02-13T20:00',
    weekday: 'Fri',
    type: 'complaint',
    receipt: '2026-02-14',
    accept: '2026-02-24',
    // reply 13: (1) 02-24 (2) 02-25 (3) 02-26 (4) 02-27 (5) 02-28 make-up Sat (6) 03-02 (7) 03-03 (8) 03-04
    //           (9) 03-05 (10) 03-06 (11) 03-09 (12) 03-10 (13) 03-11
    reply: '2026-03-11',
  },
  {
    what: '2026 on the make-up Saturday morning',
    submitted: '2026-02-14T09:30',
    weekday: 'Sat',
    type: 'help',
    receipt: '2026-02-14',
    accept: '2026-02-24',
    reply: '2026-02-26',
  },
  {
    what: '2026 on the make-up Saturday evening',
    submitted: '2026-02-14T18:00',
    weekday: 'Sat',
    type: 'help',
    // R = next working day after the holiday, 02-24
    receipt: '2026-02-24',
    accept: '2026-02-25',
    // reply 3: (1) 02-25 (2) 02-26 (3) 02-27
    reply: '2026-02-27',
  },
  {
    what: '2026 on a Spring Festival holiday, a suggestion',
    submitted: '2026-02-18T11:00',
    weekday: 'Wed',
    type: 'suggestion',
    receipt: '2026-02-24',
    accept: '2026-02-25',
    // reply 13: (1) 02-25 (2) 02-26 (3) 02-27 (4) 02-28 (5) 03-02 (6) 03-03 (7) 03-04 (8) 03-05 (9) 03-06
    //           (10) 03-09 (11) 03-10 (12) 03-11 (13) 03-12
    reply: '2026-03-12',
  },
  {
    what: '2026 on the second make-up Saturday',
    submitted: '2026-02-28T10:00',
    weekday: 'Sat',
    type: 'consult',
    receipt: '2026-02-28',
    // accept: 03-01 Sun off → (1) 03-02 Mon
    accept: '2026-03-02',
    // reply 3: (1) 03-02 (2) 03-03 (3) 03-04
    reply: '2026-03-04',
  },
  // ——— 2025 国庆 ———
  {
    what: '2025 Friday evening before the make-up Sunday',
    submitted: '2025-09-26T18:00',
    weekday: 'Fri',
    type: 'consult',
    // R = 09-28 make-up Sun
    receipt: '2025-09-28',
    accept: '2025-09-29',
    // reply 3: (1) 09-29 (2) 09-30, holiday 10-01..10-08, (3) 10-09
    reply: '2025-10-09',
  },
  {
    what: '2025 Friday evening, a report across National Day',
    submitted: '2025-09-26T18:00',
    weekday: 'Fri',
    type: 'report',
    receipt: '2025-09-28',
    accept: '2025-09-29',
    // reply 13: (1) 09-29 (2) 09-30 (3) 10-09 (4) 10-10 (5) 10-11 make-up Sat (6) 10-13 (7) 10-14 (8) 10-15
    //           (9) 10-16 (10) 10-17 (11) 10-20 (12) 10-21 (13) 10-22
    reply: '2025-10-22',
  },
  {
    what: '2025 one minute before closing on the eve of National Day',
    submitted: '2025-09-30T17:29',
    weekday: 'Tue',
    type: 'help',
    receipt: '2025-09-30',
    accept: '2025-10-09',
    // reply 3: (1) 10-09 (2) 10-10 (3) 10-11 make-up Sat
    reply: '2025-10-11',
  },
  {
    what: '2025 at closing time on the eve of National Day (counts as after hours)',
    submitted: '2025-09-30T17:30',
    weekday: 'Tue',
    type: 'help',
    receipt: '2025-10-09',
    accept: '2025-10-10',
    // reply 3: (1) 10-10 (2) 10-11 (3) 10-13
    reply: '2025-10-13',
  },
  {
    what: '2025 on a National Day holiday',
    submitted: '2025-10-05T10:00',
    weekday: 'Sun',
    type: 'help',
    receipt: '2025-10-09',
    accept: '2025-10-10',
    reply: '2025-10-13',
  },
  {
    what: '2025 on the make-up Saturday after National Day',
    submitted: '2025-10-11T09:00',
    weekday: 'Sat',
    type: 'consult',
    receipt: '2025-10-11',
    // accept: 10-12 Sun off → (1) 10-13
    accept: '2025-10-13',
    // reply 3: (1) 10-13 (2) 10-14 (3) 10-15
    reply: '2025-10-15',
  },
  // ——— 2026 中秋 + 国庆 ———
  {
    what: '2026 Friday evening before the make-up Sunday',
    submitted: '2026-09-18T21:00',
    weekday: 'Fri',
    type: 'consult',
    // R = 09-20 make-up Sun
    receipt: '2026-09-20',
    accept: '2026-09-21',
    // reply 3: (1) 09-21 (2) 09-22 (3) 09-23
    reply: '2026-09-23',
  },
  {
    what: '2026 Friday evening, a complaint across 中秋 and 国庆',
    submitted: '2026-09-18T21:00',
    weekday: 'Fri',
    type: 'complaint',
    receipt: '2026-09-20',
    accept: '2026-09-21',
    // reply 13: (1) 09-21 (2) 09-22 (3) 09-23 (4) 09-24, 中秋 09-25..27 off, (5) 09-28 (6) 09-29 (7) 09-30,
    //           国庆 10-01..10-07 off, (8) 10-08 (9) 10-09 (10) 10-10 make-up Sat (11) 10-12 (12) 10-13 (13) 10-14
    reply: '2026-10-14',
  },
  {
    what: '2026 on the eve of National Day during office hours',
    submitted: '2026-09-30T16:00',
    weekday: 'Wed',
    type: 'consult',
    receipt: '2026-09-30',
    accept: '2026-10-08',
    // reply 3: (1) 10-08 (2) 10-09 (3) 10-10 make-up Sat
    reply: '2026-10-10',
  },
  {
    what: '2026 on a National Day holiday, a report',
    submitted: '2026-10-03T10:00',
    weekday: 'Sat',
    type: 'report',
    receipt: '2026-10-08',
    accept: '2026-10-09',
    // reply 13: (1) 10-09 (2) 10-10 (3) 10-12 (4) 10-13 (5) 10-14 (6) 10-15 (7) 10-16 (8) 10-19 (9) 10-20
    //           (10) 10-21 (11) 10-22 (12) 10-23 (13) 10-26
    reply: '2026-10-26',
  },
  {
    what: '2026 early morning of a plain working day (before opening counts as that day)',
    submitted: '2026-11-26T07:00',
    weekday: 'Thu',
    type: 'consult',
    receipt: '2026-11-26',
    accept: '2026-11-27',
    // reply 3: (1) 11-27 Fri (2) 11-30 Mon (3) 12-01 Tue
    reply: '2026-12-01',
  },
];

describe('deadlines across the 2025 and 2026 Spring Festival and National Day', () => {
  it.each(ROWS)('$what ($submitted, $type)', (row) => {
    expect(weekdayOf(row.submitted.slice(0, 10)), 'weekday column').toBe(row.weekday);
    const submitted = at(row.submitted);
    expect(receiptDay(submitted, ctx)).toBe(row.receipt);
    expect(iso(acceptanceDeadline(submitted, row.type, null, ctx))).toBe(closeOf(row.accept));
    expect(iso(replyDeadline(submitted, row.type, null, ctx))).toBe(closeOf(row.reply));
  });

  it('gives the deadline as an instant: 17:30 in Shanghai is 09:30 UTC', () => {
    expect(acceptanceDeadline(at('2025-01-24T19:00'), 'consult', null, ctx).toISOString()).toBe(
      '2025-01-27T09:30:00.000Z',
    );
  });
});

describe('configuration', () => {
  const settings = {
    ...DEFAULT_SLA_SETTINGS,
    topics: {
      'tax.invoice': { replyWorkdays: 5 },
      'power.outage': { acceptWorkdays: 2, extensionWorkdays: 2 },
    },
  };

  it('takes the type defaults of SPEC §2.4', () => {
    expect(resolveDurations('consult', null, DEFAULT_SLA_SETTINGS)).toEqual({
      acceptWorkdays: 1,
      replyWorkdays: 3,
      extensionWorkdays: 5,
    });
    expect(resolveDurations('report', null, DEFAULT_SLA_SETTINGS).replyWorkdays).toBe(13);
  });

  it('lets a catalogue topic override the type, field by field', () => {
    expect(resolveDurations('complaint', 'tax.invoice', settings)).toEqual({
      acceptWorkdays: 1,
      replyWorkdays: 5,
      extensionWorkdays: 5,
    });
    expect(resolveDurations('consult', 'power.outage', settings)).toEqual({
      acceptWorkdays: 2,
      replyWorkdays: 3,
      extensionWorkdays: 2,
    });
    expect(resolveDurations('consult', 'unknown.topic', settings).replyWorkdays).toBe(3);
  });

  it('computes a topic deadline: complaint on tax.invoice, 5 working days from Fri 2025-01-24 19:00', () => {
    // R = 01-26; (1) 01-27 (2) 02-05 (3) 02-06 (4) 02-07 (5) 02-08 make-up Sat
    const d = replyDeadline(at('2025-01-24T19:00'), 'complaint', 'tax.invoice', { ...ctx, settings });
    expect(iso(d)).toBe(closeOf('2025-02-08'));
  });

  it('honours other office hours: closing at 24:00 makes an evening submission count that day', () => {
    const late = { ...ctx, settings: { ...DEFAULT_SLA_SETTINGS, closingMinute: 24 * 60 } };
    // Fri 2025-01-24 19:00 is now within hours → R = 01-24; accept (1) 01-26 make-up Sun, at 24:00 = 01-27 00:00
    expect(receiptDay(at('2025-01-24T19:00'), late)).toBe('2025-01-24');
    expect(iso(acceptanceDeadline(at('2025-01-24T19:00'), 'consult', null, late))).toBe(
      '2025-01-27T00:00:00.000+08:00',
    );
  });

  it('refuses nonsense office hours and zero working days', () => {
    const bad = { ...ctx, settings: { ...DEFAULT_SLA_SETTINGS, openingMinute: 18 * 60 } };
    expect(() => deadlineAfter(at('2025-01-24T10:00'), 1, bad)).toThrow(RangeError);
    expect(() => deadlineAfter(at('2025-01-24T10:00'), 0, ctx)).toThrow(RangeError);
    expect(() => receiptDay(new Date(Number.NaN), ctx)).toThrow(RangeError);
  });
});

describe('extensions (延期)', () => {
  it.each([
    // old deadline, working days added, new deadline
    // 09-30 + 3: (1) 10-09 (2) 10-10 (3) 10-11 make-up Sat
    ['2025-09-30', 3, '2025-10-11'],
    // 2026-02-13 Fri + 1: (1) 02-14 make-up Sat
    ['2026-02-13', 1, '2026-02-14'],
    // 2026-02-14 + 2: holiday → (1) 02-24 (2) 02-25
    ['2026-02-14', 2, '2026-02-25'],
    // 2026-09-24 Thu + 5: 中秋 off → (1) 09-28 (2) 09-29 (3) 09-30, 国庆 off, (4) 10-08 (5) 10-09
    ['2026-09-24', 5, '2026-10-09'],
  ] as const)('%s + %i working days → %s', (from, days, to) => {
    expect(iso(extendDeadline(new Date(closeOf(from)), days, ctx))).toBe(closeOf(to));
  });
});

describe('slaStatus', () => {
  const fifth = { fraction: 0.2 };
  const fourHours = { workingHours: 4 };

  it.each([
    // Clock from Fri 2025-01-24 19:00 (after hours) to Mon 2025-01-27 17:30: the make-up Sunday 01-26 (510) and
    // Monday (510) = 1,020 working minutes; 20 % of that is 204.
    ['Sunday make-up morning', '2025-01-26T09:00', fifth, 'on_time', 1020],
    ['Monday 10:00: 7.5 h left', '2025-01-27T10:00', fifth, 'on_time', 450],
    ['Monday 15:00: 150 min ≤ 204', '2025-01-27T15:00', fifth, 'due_soon', 150],
    ['Monday 17:30: the deadline itself is not late', '2025-01-27T17:30', fifth, 'due_soon', 0],
    ['Monday 17:31: overdue though no working minute passed', '2025-01-27T17:31', fifth, 'overdue', 0],
    ['on the holiday after it: still only 0 minutes late', '2025-01-30T12:00', fifth, 'overdue', 0],
    ['Wed 02-05 10:00: one working hour late', '2025-02-05T10:00', fifth, 'overdue', -60],
    ['Sat 02-08 make-up 09:00: 02-05..02-07 = 3 days late', '2025-02-08T09:00', fifth, 'overdue', -1530],
    ['Monday 13:00 with a 4-hour rule: 270 > 240', '2025-01-27T13:00', fourHours, 'on_time', 270],
    ['Monday 13:30 with a 4-hour rule: 240 ≤ 240', '2025-01-27T13:30', fourHours, 'due_soon', 240],
  ] as const)('%s', (_what, now, rule, status, remaining) => {
    const reading = slaStatus(
      { start: at('2025-01-24T19:00'), deadline: new Date(closeOf('2025-01-27')), now: at(now) },
      ctx,
      rule,
    );
    expect(reading).toEqual({ status, remainingWorkingMinutes: remaining });
  });

  it('pauses over National Day 2025: deadline Thu 10-09, remaining from Tue 09-30 16:00', () => {
    const deadline = new Date(closeOf('2025-10-09'));
    // 09-30 16:00–17:30 = 90, holidays 0, 10-09 = 510 → 600
    expect(slaStatus({ deadline, now: at('2025-09-30T16:00') }, ctx, { workingHours: 4 })).toEqual({
      status: 'on_time',
      remainingWorkingMinutes: 600,
    });
    // on a holiday the whole of 10-09 is left: 510
    expect(slaStatus({ deadline, now: at('2025-10-05T12:00') }, ctx, { workingHours: 4 })).toEqual({
      status: 'on_time',
      remainingWorkingMinutes: 510,
    });
    // 10-09 14:00 → 210 ≤ 240
    expect(slaStatus({ deadline, now: at('2025-10-09T14:00') }, ctx, { workingHours: 4 })).toEqual({
      status: 'due_soon',
      remainingWorkingMinutes: 210,
    });
  });

  it('uses the default rule (20 % of the span) when none is given, and needs the start for it', () => {
    const deadline = new Date(closeOf('2026-02-24'));
    // start Fri 02-13 20:00; span = 02-14 make-up (510) + 02-24 (510) = 1020; at 02-24 15:00 left 150 ≤ 204
    expect(
      slaStatus({ start: at('2026-02-13T20:00'), deadline, now: at('2026-02-24T15:00') }, ctx).status,
    ).toBe('due_soon');
    // on 02-20 (holiday) 510 left > 204
    expect(slaStatus({ start: at('2026-02-13T20:00'), deadline, now: at('2026-02-20T10:00') }, ctx)).toEqual({
      status: 'on_time',
      remainingWorkingMinutes: 510,
    });
    expect(() => slaStatus({ deadline, now: at('2026-02-20T10:00') }, ctx)).toThrow(RangeError);
  });
});

describe('working time taken (平均办理工作日)', () => {
  it.each([
    // Mon 2025-01-27 10:00 → 17:30 = 450; holiday; Wed 02-05 09:00 → 10:00 = 60; 510 / 510 = 1
    ['2025-01-27T10:00', '2025-02-05T10:00', 510, 1],
    // Fri 2026-02-13 16:30 → 17:30 = 60; make-up Sat 02-14 09:00 → 10:30 = 90; 150
    ['2026-02-13T16:30', '2026-02-14T10:30', 150, 150 / 510],
    // Wed 2026-09-30 09:00 → 17:30 = 510; 国庆; Thu 10-08 full = 510; 1020 = 2 days
    ['2026-09-30T09:00', '2026-10-08T17:30', 1020, 2],
    // evening to the next evening of a weekend: Fri 2025-10-10 18:00 → Sun 10-12 20:00 = make-up Sat 10-11 only
    ['2025-10-10T18:00', '2025-10-12T20:00', 510, 1],
    ['2025-10-10T18:00', '2025-10-10T18:00', 0, 0],
  ] as const)('%s → %s: %i working minutes', (from, to, minutes, days) => {
    expect(workingMinutesBetween(at(from), at(to), ctx)).toBe(minutes);
    expect(workdaysTaken(at(from), at(to), ctx)).toBeCloseTo(days, 10);
  });

  it('is signed for minutes and refuses a reversed span for days', () => {
    expect(workingMinutesBetween(at('2025-02-05T10:00'), at('2025-01-27T10:00'), ctx)).toBe(-510);
    expect(() => workdaysTaken(at('2025-02-05T10:00'), at('2025-01-27T10:00'), ctx)).toThrow(RangeError);
  });
});

describe('windows: reopen (重办) and auto-close', () => {
  it.each([
    // rated Fri 2025-09-26 15:00 → R = 09-26; 5: (1) 09-28 make-up (2) 09-29 (3) 09-30 (4) 10-09 (5) 10-10 17:30
    ['2025-09-26T15:00', '2025-10-08T12:00', true],
    ['2025-09-26T15:00', '2025-10-10T17:30', true],
    ['2025-09-26T15:00', '2025-10-10T17:31', false],
    // rated on 2026-02-16 (holiday) → R = 02-24; 5: (1) 02-25 (2) 02-26 (3) 02-27 (4) 02-28 make-up (5) 03-02
    ['2026-02-16T10:00', '2026-03-02T17:00', true],
    ['2026-02-16T10:00', '2026-03-03T09:00', false],
  ] as const)('rated %s, asking %s → %s', (rated, now, open) => {
    expect(reopenWindowOpen(at(rated), at(now), ctx)).toBe(open);
    expect(isWithinWindow(at(rated), at(now), 5, ctx)).toBe(open);
  });

  it.each([
    // replied Wed 2026-09-30 16:00 → R = 09-30; 5: (1) 10-08 (2) 10-09 (3) 10-10 make-up (4) 10-12 (5) 10-13
    ['2026-09-30T16:00', '2026-10-13T17:30', false],
    ['2026-09-30T16:00', '2026-10-13T17:31', true],
    // replied on the make-up Sun 2025-01-26 at 17:45 (after hours) → R = 01-27; holiday 01-28..02-04;
    // (1) 02-05 (2) 02-06 (3) 02-07 (4) 02-08 make-up Sat (5) 02-10 Mon 17:30
    ['2025-01-26T17:45', '2025-02-10T12:00', false],
    ['2025-01-26T17:45', '2025-02-11T09:00', true],
  ] as const)('replied %s, checking %s → elapsed %s', (replied, now, elapsed) => {
    expect(ratingWindowElapsed(at(replied), at(now), ctx)).toBe(elapsed);
  });
});
