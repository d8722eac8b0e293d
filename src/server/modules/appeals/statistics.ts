// Appeal statistics (SPEC §2.4 and §2.8: 响应率, 按期办结率, 解决率, 满意率, handling working days, overdue and reopen
// counts) per lead department, topic or month, over the appeals CREATED in a window of Shanghai months.
//
// Only the appeal columns are read, never the timeline, in ONE aggregate query (one pass over the window):
//   - every figure but the average counts appeals meeting a condition: each appeal's conditions are packed as bits of
//     one integer and the database counts appeals per (group, bits); the totals are the sums of the rows;
//   - the average handling time sums, per appeal, the working minutes from the dispatch to the reply exactly as
//     sla.ts workdaysTaken() counts them: working time is cumulative from a fixed origin (working days before the
//     day × office minutes + the minutes of the day itself within office hours, if it is a working day), so the
//     working days before the day of an instant (and whether that day is one) are looked up in a search tree of
//     CASE expressions over the instants at which days start, built here from the official calendar.
// The Shanghai month of created_at is a CASE over the month boundaries computed here, identical on both databases;
// the Shanghai minute of the day of a timestamp is the one dialect difference (shanghaiMinuteOfDay below), plus
// switching PostgreSQL's JIT off for the query (see countRows). Cost at 1,000,000 appeals: bench/appeal-stats.ts.

import ExcelJS from 'exceljs';
import { type RawBuilder, sql } from 'kysely';
import {
  APPEAL_STATS_GROUPING_LABELS,
  type AppealRates,
  type AppealStats,
  type AppealStatsGrouping,
  type AppealStatsMetric,
  appealStatsMonthSpan,
  appealStatsQuerySchema,
} from '../../../shared/appeals-api';
import type { DB } from '../../db/database';
import { type Dialect, fromJson } from '../../db/dialect';
import { shanghaiDate, type WorkdayCalendar } from '../../platform/calendar/workdays';
import { safeCell } from '../buildings/normalize';
import { DEFAULT_SLA_SETTINGS } from './sla';

export interface StatsDeps {
  db: DB;
  dialect: Dialect;
  calendar: Pick<WorkdayCalendar, 'isWorkday' | 'workdaysBetween'>;
  /** The instant "still being handled past the deadline" is judged at, and the default window ends in. */
  now: Date;
}

/** The formulas as the product states them (指标口径); the page, the API and the export show these texts. */
export const APPEAL_STATS_FORMULAS: readonly { key: AppealStatsMetric; label: string; formula: string }[] = [
  {
    key: 'submitted',
    label: '诉求量',
    formula: '统计期内（按提交时间，北京时间自然月）提交的全部诉求件数，含不予受理、已并单的诉求',
  },
  {
    key: 'accepted',
    label: '受理量',
    formula: '诉求量中已被受理（有受理时间）的件数',
  },
  {
    key: 'responseRate',
    label: '响应率',
    formula:
      '响应率 = 在受理时限内作出首次响应的件数 ÷ 已作出首次响应的件数；首次响应指受理或不予受理，时间取受理时间（不予受理的取办结时间），不晚于受理时限（提交后第 1 个工作日 17:30，可按主题配置）即为按时；待补充材料期间不计',
  },
  {
    key: 'onTimeReplyRate',
    label: '按期办结率',
    formula:
      '按期办结率 = 在办理时限内答复的件数 ÷ 已答复件数；办理时限自派单起算（延期批准后以延长后的时限为准），重办的以最近一次答复为准',
  },
  {
    key: 'solvedRate',
    label: '解决率',
    formula:
      '解决率 = 企业评价“问题已解决”的件数 ÷ 参评件数；参评件数为企业实际作出评价的件数，自动办结的默认评价不计入',
  },
  {
    key: 'satisfactionRate',
    label: '满意率',
    formula: '满意率 = （满意 + 基本满意）÷ 参评件数；自动办结的默认评价不计入',
  },
  {
    key: 'closed',
    label: '办结量',
    formula: '诉求量中当前状态为“已办结”的件数（含评价后办结和超过评价期限自动办结）',
  },
  {
    key: 'overdue',
    label: '超期量',
    formula: '超期量 = 超过办理时限才答复的件数 + 统计时点仍在办理（已派单、已签收）且已超过办理时限的件数',
  },
  {
    key: 'reopened',
    label: '重办量',
    formula: '诉求量中企业不满意后发起过重办（至少一次）的件数',
  },
  {
    key: 'avgHandlingWorkdays',
    label: '平均办理工作日',
    formula:
      '平均办理工作日 = 各已答复诉求从派单到答复所用工作时间之和 ÷ 已答复件数；按法定工作日历（含调休）计，每个工作日 9:00—17:30 计 1 个工作日，非工作时间不计',
  },
];

// ——— the window ———

const SHANGHAI_OFFSET_MS = 8 * 3_600_000;

const monthIndex = (m: string) => Number(m.slice(0, 4)) * 12 + Number(m.slice(5, 7)) - 1;
const monthOf = (index: number) => `${Math.floor(index / 12)}-${String((index % 12) + 1).padStart(2, '0')}`;
/** The instant a Shanghai month starts. */
const monthStart = (index: number) =>
  new Date(Date.UTC(Math.floor(index / 12), index % 12, 1) - SHANGHAI_OFFSET_MS).toISOString();

export interface StatsWindow {
  from: string;
  to: string;
  by: AppealStatsGrouping;
  /** The months of the window, in order. */
  months: string[];
  /** created_at >= start and < end. */
  start: string;
  end: string;
}

/**
 * The window of a query (validated again here so that a caller other than the route cannot skip the limits).
 * Missing months default to the 12 months ending with the current Shanghai month.
 */
export function statsWindow(query: unknown, now: Date): StatsWindow {
  const q = appealStatsQuerySchema.parse(query);
  const current = shanghaiDate(now).slice(0, 7);
  const to = q.to ?? (q.from && q.from > current ? q.from : current);
  const from = q.from ?? monthOf(Math.max(0, monthIndex(to) - 11));
  const span = appealStatsMonthSpan(from, to);
  if (span < 1 || span > 36) throw new RangeError(`statistics window ${from}..${to} out of bounds`);
  const months = Array.from({ length: span }, (_, i) => monthOf(monthIndex(from) + i));
  return {
    from,
    to,
    by: q.by,
    months,
    start: monthStart(monthIndex(from)),
    end: monthStart(monthIndex(to) + 1),
  };
}

// ——— dialect helpers (to move into db/dialect.ts) ———

/**
 * DIALECT HELPER — belongs in src/server/db/dialect.ts (kept here, clearly marked, until the lead moves it).
 * The minute of the day in Asia/Shanghai (0..1439, seconds truncated; fixed UTC+8 as in calendar/workdays.ts) of a
 * timestamp column. SQLite stores ISO UTC text ('2026-11-26T07:05:00.000Z'): read from the digits; PostgreSQL a
 * timestamptz. NULL in, NULL out.
 */
export function shanghaiMinuteOfDay(d: Dialect, column: string): RawBuilder<number> {
  const col = sql.ref(column);
  if (d.name === 'sqlite')
    return sql<number>`((cast(substr(${col}, 12, 2) as integer) * 60 + cast(substr(${col}, 15, 2) as integer) + 480) % 1440)`;
  const utc = sql`(${col} at time zone 'UTC')`;
  return sql<number>`((cast(extract(hour from ${utc}) * 60 + extract(minute from ${utc}) as integer) + 480) % 1440)`;
}

// ——— the working-day calendar as SQL ———

const MS_PER_DAY = 86_400_000;
const addDays = (date: string, n: number) =>
  new Date(Date.parse(`${date}T00:00:00Z`) + n * MS_PER_DAY).toISOString().slice(0, 10);
/** The instant a Shanghai day starts (00:00 UTC+8 = 16:00 UTC the day before), as stored. */
const dayStart = (date: string) =>
  new Date(Date.parse(`${date}T00:00:00Z`) - SHANGHAI_OFFSET_MS).toISOString();

/**
 * The working-day code of the Shanghai day an instant falls on: `2 · (working days before that day, counted from
 * `first`) + (1 if the day is a working day)`. A nested CASE — a balanced search tree over the instants at which
 * Shanghai days start, compared with the raw column (ISO text on SQLite, timestamptz on PostgreSQL: nothing is
 * parsed per row) — built from the official calendar (holidays and make-up days included) for the days
 * [first, last]; instants before `first` count as `first`, after `last` as `last`, so the range must hold every
 * dispatch and reply of the window (never before it starts, nor after now).
 */
function workdayCode(
  calendar: StatsDeps['calendar'],
  first: string,
  last: string,
  column: string,
): RawBuilder<number> {
  const starts: string[] = [];
  const values: number[] = [];
  let before = 0;
  for (let day = first; day <= last; day = addDays(day, 1)) {
    const working = calendar.isWorkday(day);
    starts.push(dayStart(day));
    values.push(before * 2 + (working ? 1 : 0));
    if (working) before += 1;
  }
  const col = sql.ref(column);
  const node = (lo: number, hi: number): RawBuilder<number> => {
    if (lo === hi) return sql<number>`${sql.lit(values[lo]!)}`;
    const mid = (lo + hi + 1) >> 1;
    return sql<number>`case when ${col} < ${sql.lit(starts[mid]!)} then ${node(lo, mid - 1)} else ${node(mid, hi)} end`;
  };
  return node(0, values.length - 1);
}

/**
 * Working minutes from a fixed origin to an instant, as sla.ts cumulativeWorkingMinutes counts them: every working
 * day before the instant's day in full, plus, if that day is a working day, its minutes from the opening up to the
 * instant, clamped to the office hours. `code` is the instant's workdayCode, `minute` its Shanghai minute of day.
 */
function cumulativeMinutes(code: string, minute: string, open: number, close: number): RawBuilder<number> {
  const c = sql.ref(code);
  const m = sql.ref(minute);
  const perDay = close - open;
  const clamped = sql`(case when ${m} <= ${sql.lit(open)} then 0 when ${m} >= ${sql.lit(close)} then ${sql.lit(perDay)} else ${m} - ${sql.lit(open)} end)`;
  return sql<number>`(${sql.lit(perDay)} * (${c} / 2) + (${c} % 2) * ${clamped})`;
}

// ——— the query ———

function groupKey(w: StatsWindow): RawBuilder<string | number | null> {
  if (w.by === 'department') return sql`lead_department_id`;
  if (w.by === 'topic') return sql`topic_code`;
  // Month index within the window: a CASE over the boundaries (the last month is the ELSE).
  if (w.months.length === 1) return sql`0`;
  const whens = w.months
    .slice(0, -1)
    .map((_, i) => sql`when created_at < ${monthStart(monthIndex(w.from) + i + 1)} then ${sql.lit(i)}`);
  return sql`case ${sql.join(whens, sql` `)} else ${sql.lit(w.months.length - 1)} end`;
}

interface Counts {
  submitted: number;
  accepted: number;
  responded: number;
  respondedOnTime: number;
  replied: number;
  repliedOnTime: number;
  rated: number;
  solved: number;
  satisfied: number;
  closed: number;
  overdue: number;
  reopened: number;
  /** Replied appeals with a dispatch time, and their working minutes from the dispatch to the reply. */
  handled: number;
  workingMinutes: number;
}
type CountRow = Counts & { k: string | number | null };

const ZERO: Counts = {
  submitted: 0,
  accepted: 0,
  responded: 0,
  respondedOnTime: 0,
  replied: 0,
  repliedOnTime: 0,
  rated: 0,
  solved: 0,
  satisfied: 0,
  closed: 0,
  overdue: 0,
  reopened: 0,
  handled: 0,
  workingMinutes: 0,
};
const COUNT_KEYS = Object.keys(ZERO) as (keyof Counts)[];

/** Days after now (or the window's end) the calendar tree still covers; replies are never after now. */
const DAYS_AFTER = 60;

/** The per-appeal conditions, packed as bits of one integer per appeal (see countRows). */
const FLAGS = [
  'accepted',
  'responded',
  'respondedOnTime',
  'replied',
  'repliedOnTime',
  'rated',
  'solved',
  'satisfied',
  'closed',
  'overdue',
  'reopened',
  'handled',
] as const satisfies readonly (keyof Counts)[];

/**
 * One pass over the window. Each appeal becomes its group key, one integer packing its 0/1 conditions (bit i =
 * FLAGS[i]) and, when replied, its working minutes from the dispatch to the reply; the database counts the appeals
 * per (key, bits) — a few dozen combinations per group — and sums the minutes, and the bits are unpacked here. One
 * count per combination instead of a dozen sums per appeal keeps the per-row work of both databases small.
 */
async function countRows(deps: StatsDeps, w: StatsWindow, open: number, close: number): Promise<CountRow[]> {
  const now = deps.now.toISOString();
  const rated = sql`rating is not null and rating_default = 0`;
  const responseAt = sql`coalesce(accepted_at, case when state = 'rejected' then closed_at end)`;
  const handled = sql`replied_at is not null and dispatched_at is not null`;
  const conditions: Record<(typeof FLAGS)[number], RawBuilder<unknown>> = {
    accepted: sql`accepted_at is not null`,
    responded: sql`${responseAt} is not null`,
    respondedOnTime: sql`${responseAt} <= accept_deadline`,
    replied: sql`replied_at is not null`,
    repliedOnTime: sql`replied_at is not null and replied_late = 0`,
    rated,
    solved: sql`${rated} and rating_solved = 1`,
    satisfied: sql`${rated} and rating in ('satisfied', 'basically_satisfied')`,
    closed: sql`state = 'closed'`,
    overdue: sql`replied_late = 1 or (state in ('dispatched', 'signed') and reply_deadline < ${now})`,
    reopened: sql`reopen_count > 0`,
    handled,
  };
  const bits = sql.join(
    FLAGS.map((f, i) => sql`(case when ${conditions[f]} then ${sql.lit(2 ** i)} else 0 end)`),
    sql` + `,
  );
  const first = shanghaiDate(new Date(w.start));
  const end = new Date(Math.max(deps.now.getTime(), Date.parse(w.end)));
  const last = addDays(shanghaiDate(end), DAYS_AFTER);
  const code = (column: string) =>
    sql`case when ${handled} then ${workdayCode(deps.calendar, first, last, column)} end`;
  const minute = (column: string) =>
    sql`case when ${handled} then ${shanghaiMinuteOfDay(deps.dialect, column)} end`;
  // The inner derived table is fenced (LIMIT … OFFSET 0: neither flattened by SQLite nor pulled up by PostgreSQL), so
  // each calendar lookup runs once per appeal although the outer sum reads its result twice.
  const query = sql<{ k: string | number | null; bits: number; n: number; minutes: number | null }>`
    select k, bits, count(*) as n,
      sum(case when r_code is not null then
        ${cumulativeMinutes('r_code', 'r_minute', open, close)} - ${cumulativeMinutes('d_code', 'd_minute', open, close)}
        end) as minutes
    from (
      select ${groupKey(w)} as k, ${bits} as bits,
        ${code('replied_at')} as r_code, ${minute('replied_at')} as r_minute,
        ${code('dispatched_at')} as d_code, ${minute('dispatched_at')} as d_minute
      from appeals
      where created_at >= ${w.start} and created_at < ${w.end}
      limit 9000000000000000000 offset 0
    ) x
    group by k, bits`;
  const result = await deps.db.transaction().execute(async (trx) => {
    // DIALECT NOTE (for db/dialect.ts): PostgreSQL would JIT-compile the big CASE trees of this one-off query for
    // longer than the query runs (minutes at a million rows); SQLite has no JIT.
    if (deps.dialect.name === 'postgres') await sql`set local jit = off`.execute(trx);
    return query.execute(trx);
  });
  const groups = new Map<string | number | null, CountRow>();
  for (const r of result.rows) {
    let g = groups.get(r.k);
    if (!g) {
      g = { ...ZERO, k: r.k };
      groups.set(r.k, g);
    }
    const n = Number(r.n);
    const packed = Number(r.bits);
    g.submitted += n;
    FLAGS.forEach((f, i) => {
      if (packed & (2 ** i)) g[f] += n;
    });
    g.workingMinutes += Number(r.minutes ?? 0);
  }
  return [...groups.values()];
}

/** Office hours from the district SLA settings (appeal_settings 'sla'), else the defaults. */
async function officeHours(db: DB): Promise<{ open: number; close: number }> {
  const row = await db
    .selectFrom('appealSettings')
    .select('value')
    .where('key', '=', 'sla')
    .executeTakeFirst();
  const s = fromJson<{ openingMinute?: unknown; closingMinute?: unknown }>(row?.value, {});
  const open = Number.isInteger(s.openingMinute)
    ? (s.openingMinute as number)
    : DEFAULT_SLA_SETTINGS.openingMinute;
  const close = Number.isInteger(s.closingMinute)
    ? (s.closingMinute as number)
    : DEFAULT_SLA_SETTINGS.closingMinute;
  return open >= 0 && close <= 1440 && open < close
    ? { open, close }
    : { open: DEFAULT_SLA_SETTINGS.openingMinute, close: DEFAULT_SLA_SETTINGS.closingMinute };
}

const ratio = (num: number, den: number) => (den > 0 ? Math.round((num / den) * 10_000) / 10_000 : null);

function toRates(c: Counts, perDay: number): AppealRates {
  return {
    submitted: c.submitted,
    accepted: c.accepted,
    responded: c.responded,
    respondedOnTime: c.respondedOnTime,
    responseRate: ratio(c.respondedOnTime, c.responded),
    replied: c.replied,
    repliedOnTime: c.repliedOnTime,
    onTimeReplyRate: ratio(c.repliedOnTime, c.replied),
    rated: c.rated,
    solved: c.solved,
    solvedRate: ratio(c.solved, c.rated),
    satisfied: c.satisfied,
    satisfactionRate: ratio(c.satisfied, c.rated),
    closed: c.closed,
    overdue: c.overdue,
    reopened: c.reopened,
    avgHandlingWorkdays:
      c.handled > 0 ? Math.max(0, Math.round((c.workingMinutes / c.handled / perDay) * 100) / 100) : null,
  };
}

/** The statistics of a window, grouped as asked. Throws ZodError on a bad query (the route validated it first). */
export async function appealStatistics(deps: StatsDeps, query: unknown): Promise<AppealStats> {
  const w = statsWindow(query, deps.now);
  const { open, close } = await officeHours(deps.db);
  const perDay = close - open;
  const counts = await countRows(deps, w, open, close);

  const groups = new Map<string, Counts>();
  for (const r of counts) {
    const g = { ...ZERO };
    for (const f of COUNT_KEYS) g[f] = Number(r[f] ?? 0);
    groups.set(r.k === null ? '' : String(r.k), g);
  }
  const labels = await groupLabels(deps.db, w, [...groups.keys()]);
  const keys = w.by === 'month' ? w.months.map((_, i) => String(i)) : [...groups.keys()];
  const rows = keys.map((id) => {
    const c = groups.get(id) ?? ZERO;
    const key = w.by === 'month' ? w.months[Number(id)]! : id === '' ? null : id;
    return { key, label: labels.get(id) ?? id, ...toRates(c, perDay) };
  });
  if (w.by !== 'month')
    rows.sort(
      (a, b) =>
        b.submitted - a.submitted ||
        (a.key === null ? 1 : b.key === null ? -1 : a.label.localeCompare(b.label, 'zh')),
    );

  const total = { ...ZERO };
  for (const c of groups.values()) for (const f of COUNT_KEYS) total[f] += c[f];
  return {
    from: w.from,
    to: w.to,
    by: w.by,
    asOf: deps.now.toISOString(),
    formulas: APPEAL_STATS_FORMULAS.map((f) => ({ ...f })),
    totals: toRates(total, perDay),
    rows,
  };
}

async function groupLabels(db: DB, w: StatsWindow, ids: string[]): Promise<Map<string, string>> {
  const labels = new Map<string, string>();
  if (w.by === 'month') {
    for (const [i, m] of w.months.entries())
      labels.set(String(i), `${m.slice(0, 4)}年${Number(m.slice(5, 7))}月`);
    return labels;
  }
  const real = ids.filter((id) => id !== '');
  if (w.by === 'department') {
    labels.set('', '尚未派单');
    if (real.length)
      for (const d of await db
        .selectFrom('departments')
        .select(['id', 'name'])
        .where('id', 'in', real)
        .execute())
        labels.set(d.id, d.name);
  } else {
    labels.set('', '未分类');
    if (real.length)
      for (const t of await db
        .selectFrom('appealTopics')
        .select(['code', 'name'])
        .where('code', 'in', real)
        .execute())
        labels.set(t.code, t.name);
  }
  return labels;
}

// ——— the .xlsx export ———

const PERCENT_FORMAT = '0.0%';
const DAYS_FORMAT = '0.00';

/** Column order of the export: label, then every figure. */
const EXPORT_COLUMNS: readonly { key: keyof AppealRates; header: string; kind: 'count' | 'rate' | 'days' }[] =
  [
    { key: 'submitted', header: '诉求量', kind: 'count' },
    { key: 'accepted', header: '受理量', kind: 'count' },
    { key: 'respondedOnTime', header: '按时响应件数', kind: 'count' },
    { key: 'responded', header: '已响应件数', kind: 'count' },
    { key: 'responseRate', header: '响应率', kind: 'rate' },
    { key: 'repliedOnTime', header: '按期答复件数', kind: 'count' },
    { key: 'replied', header: '已答复件数', kind: 'count' },
    { key: 'onTimeReplyRate', header: '按期办结率', kind: 'rate' },
    { key: 'rated', header: '参评件数', kind: 'count' },
    { key: 'solved', header: '已解决件数', kind: 'count' },
    { key: 'solvedRate', header: '解决率', kind: 'rate' },
    { key: 'satisfied', header: '满意及基本满意件数', kind: 'count' },
    { key: 'satisfactionRate', header: '满意率', kind: 'rate' },
    { key: 'closed', header: '办结量', kind: 'count' },
    { key: 'overdue', header: '超期量', kind: 'count' },
    { key: 'reopened', header: '重办量', kind: 'count' },
    { key: 'avgHandlingWorkdays', header: '平均办理工作日', kind: 'days' },
  ];

function figuresSheet(
  book: ExcelJS.Workbook,
  name: string,
  firstHeader: string,
  rows: { label: string; rates: AppealRates }[],
): void {
  const sheet = book.addWorksheet(name, { views: [{ state: 'frozen', xSplit: 1, ySplit: 1 }] });
  sheet.columns = [
    { header: safeCell(firstHeader), width: 26 },
    ...EXPORT_COLUMNS.map((c) => ({
      header: safeCell(c.header),
      width: Math.max(10, c.header.length * 2 + 2),
    })),
  ];
  sheet.getRow(1).font = { bold: true };
  for (const r of rows) {
    const row = sheet.addRow([safeCell(r.label), ...EXPORT_COLUMNS.map((c) => r.rates[c.key])]);
    EXPORT_COLUMNS.forEach((c, i) => {
      if (c.kind === 'rate') row.getCell(i + 2).numFmt = PERCENT_FORMAT;
      if (c.kind === 'days') row.getCell(i + 2).numFmt = DAYS_FORMAT;
    });
  }
}

/**
 * The workbook of a window: 汇总 (the totals), 按部门, 按主题, 按月份 and 指标口径 (the formulas). Strings go through
 * safeCell (CSV-injection guard), numbers stay numbers, rates are fractions formatted as percentages, a rate
 * without denominator is an empty cell.
 */
export async function appealStatsWorkbook(
  deps: StatsDeps,
  query: unknown,
): Promise<{ buffer: Buffer; filename: string }> {
  const w = statsWindow(query, deps.now);
  const base = { from: w.from, to: w.to };
  const [department, topic, month] = await Promise.all(
    (['department', 'topic', 'month'] as const).map((by) => appealStatistics(deps, { ...base, by })),
  );
  const book = new ExcelJS.Workbook();
  book.creator = '企服平台';
  book.created = deps.now;
  const period = `${w.from} 至 ${w.to}`;

  const summary = book.addWorksheet('汇总');
  summary.columns = [
    { header: safeCell('指标'), width: 20 },
    { header: safeCell('数值'), width: 14 },
  ];
  summary.getRow(1).font = { bold: true };
  summary.addRow([safeCell('统计区间'), safeCell(period)]);
  summary.addRow([safeCell('统计时点'), safeCell(deps.now.toISOString())]);
  for (const c of EXPORT_COLUMNS) {
    const row = summary.addRow([safeCell(c.header), month!.totals[c.key]]);
    if (c.kind === 'rate') row.getCell(2).numFmt = PERCENT_FORMAT;
    if (c.kind === 'days') row.getCell(2).numFmt = DAYS_FORMAT;
  }

  const rowsOf = (s: AppealStats) => s.rows.map((r) => ({ label: r.label, rates: r }));
  figuresSheet(book, APPEAL_STATS_GROUPING_LABELS.department, '主办部门', rowsOf(department!));
  figuresSheet(book, APPEAL_STATS_GROUPING_LABELS.topic, '诉求主题', rowsOf(topic!));
  figuresSheet(book, APPEAL_STATS_GROUPING_LABELS.month, '月份', rowsOf(month!));

  const formulas = book.addWorksheet('指标口径');
  formulas.columns = [
    { header: safeCell('指标'), width: 16 },
    { header: safeCell('口径'), width: 100 },
  ];
  formulas.getRow(1).font = { bold: true };
  for (const f of APPEAL_STATS_FORMULAS) {
    const row = formulas.addRow([safeCell(f.label), safeCell(f.formula)]);
    row.getCell(2).alignment = { wrapText: true, vertical: 'top' };
  }
  formulas.addRow([safeCell('统计范围'), safeCell(`按诉求提交时间（北京时间）统计 ${period} 提交的诉求`)]);

  const buffer = Buffer.from(await book.xlsx.writeBuffer());
  return { buffer, filename: `诉求统计_${w.from}_${w.to}.xlsx` };
}
