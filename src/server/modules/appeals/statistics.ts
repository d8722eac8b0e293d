// Appeal statistics (SPEC §2.4 and §2.8: 响应率, 按期办结率, 解决率, 满意率, handling working days, overdue and reopen
// counts) per lead department, topic or month, over the appeals CREATED in a window of Shanghai months.
//
// Only the appeal columns are read, never the timeline, in ONE aggregate pass per grouping (the export makes three):
// every figure but the average counts the appeals meeting a condition (a sum of 0/1 CASEs over plain columns), and
// 平均办理工作日 averages handling_minutes, the working minutes from the dispatch to the reply that the reply action
// stores (sla.ts workingMinutesBetween, over the official calendar). Months are Shanghai months, their boundaries
// computed here, identical on both databases. Every column read is in the covering indexes of migration 006, so
// neither database reads the wide rows nor sorts them (see countRows). Cost at 1,000,000 appeals:
// bench/appeal-stats.ts.

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
import { analyticRead, type Dialect, fromJson, unrangedColumn } from '../../db/dialect';
import { shanghaiDate } from '../../platform/calendar/workdays';
import { safeCell } from '../buildings/normalize';
import { DEFAULT_SLA_SETTINGS } from './sla';

export interface StatsDeps {
  db: DB;
  dialect: Dialect;
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

// ——— the query ———

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
  /** Replied appeals with their handling time (handling_minutes), and the sum of those working minutes. */
  handled: number;
  workingMinutes: number;
}

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

/**
 * ONE pass over the window: a sum of 0/1 CASEs per figure over plain columns, all read from a covering index, and
 * no sort (SQLite sorts the rows of a GROUP BY that no index orders: 2–3 s at a million appeals, more than the
 * figures themselves):
 *   - by department / topic: GROUP BY the key, streamed in the order of the index that starts with it
 *     (appeals_stats_lead_idx / appeals_stats_topic_idx); the window is a filter on that scan (on SQLite a range on
 *     created_at would make the planner pick appeals_stats_idx and sort, see unrangedColumn). PostgreSQL
 *     hash-aggregates either way;
 *   - by month: one aggregate per month of the window over its range of appeals_stats_idx (created_at first),
 *     UNION ALL: no per-row month computation, no grouping.
 * The average is computed here from the sum of handling_minutes and the count of appeals that have it (exact
 * integers on both databases).
 */
async function countRows(deps: StatsDeps, w: StatsWindow): Promise<Map<string, Counts>> {
  const now = deps.now.toISOString();
  const one = (condition: RawBuilder<unknown>) => sql<number>`sum(case when ${condition} then 1 else 0 end)`;
  const rated = sql`rating is not null and rating_default = 0`;
  const responseAt = sql`coalesce(accepted_at, case when state = 'rejected' then closed_at end)`;
  const figures: Record<keyof Counts, RawBuilder<number>> = {
    submitted: sql`count(*)`,
    accepted: sql`count(accepted_at)`,
    responded: sql`count(${responseAt})`,
    respondedOnTime: one(sql`${responseAt} <= accept_deadline`),
    replied: sql`count(replied_at)`,
    repliedOnTime: one(sql`replied_late = 0 and replied_at is not null`),
    rated: one(rated),
    solved: one(sql`rating_solved = 1 and ${rated}`),
    satisfied: one(sql`rating in ('satisfied', 'basically_satisfied') and rating_default = 0`),
    closed: one(sql`state = 'closed'`),
    overdue: one(sql`replied_late = 1 or (state in ('dispatched', 'signed') and reply_deadline < ${now})`),
    reopened: one(sql`reopen_count > 0`),
    handled: sql`count(handling_minutes)`,
    workingMinutes: sql`sum(handling_minutes)`,
  };
  // Aliases through sql.ref: the CamelCasePlugin writes them snake_case and hands the rows back camelCase.
  const select = sql.join(COUNT_KEYS.map((f) => sql`${figures[f]} as ${sql.ref(f)}`));
  let query: RawBuilder<Record<string, string | number | null>>;
  if (w.by === 'month') {
    const parts = w.months.map((_, i) => {
      const from = monthStart(monthIndex(w.from) + i);
      const to = monthStart(monthIndex(w.from) + i + 1);
      return sql`select ${sql.lit(i)} as k, ${select} from appeals where created_at >= ${from} and created_at < ${to}`;
    });
    query = sql`${sql.join(parts, sql` union all `)}`;
  } else {
    const key = sql.ref(w.by === 'department' ? 'lead_department_id' : 'topic_code');
    const created = unrangedColumn(deps.dialect, 'created_at');
    query = sql`select ${key} as k, ${select} from appeals
      where ${created} >= ${w.start} and ${created} < ${w.end}
      group by ${key}`;
  }
  const result = await analyticRead(deps.db, deps.dialect, (trx) => query.execute(trx));
  const out = new Map<string, Counts>();
  for (const r of result.rows) {
    const g = { ...ZERO };
    for (const f of COUNT_KEYS) g[f] = Number(r[f] ?? 0);
    if (w.by !== 'month' || g.submitted > 0) out.set(r.k === null ? '' : String(r.k), g);
  }
  return out;
}

/** Office hours from the district SLA settings (appeal_settings 'sla'), else the defaults: minutes per day. */
async function minutesPerDay(db: DB): Promise<number> {
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
    ? close - open
    : DEFAULT_SLA_SETTINGS.closingMinute - DEFAULT_SLA_SETTINGS.openingMinute;
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
  const [perDay, counts] = await Promise.all([minutesPerDay(deps.db), countRows(deps, w)]);
  return present(deps, w, counts, perDay);
}

async function present(
  deps: StatsDeps,
  w: StatsWindow,
  groups: Map<string, Counts>,
  perDay: number,
): Promise<AppealStats> {
  const by = w.by;
  const labels = await groupLabels(deps.db, w, [...groups.keys()]);
  const keys = by === 'month' ? w.months.map((_, i) => String(i)) : [...groups.keys()];
  const rows = keys.map((id) => {
    const c = groups.get(id) ?? ZERO;
    const key = by === 'month' ? w.months[Number(id)]! : id === '' ? null : id;
    return { key, label: labels.get(id) ?? id, ...toRates(c, perDay) };
  });
  if (by !== 'month')
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
    by,
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
  // One pass per grouping, one after the other (each sort-free, see countRows).
  const department = await appealStatistics(deps, { ...base, by: 'department' });
  const topic = await appealStatistics(deps, { ...base, by: 'topic' });
  const month = await appealStatistics(deps, { ...base, by: 'month' });
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
    const row = summary.addRow([safeCell(c.header), month.totals[c.key]]);
    if (c.kind === 'rate') row.getCell(2).numFmt = PERCENT_FORMAT;
    if (c.kind === 'days') row.getCell(2).numFmt = DAYS_FORMAT;
  }

  const rowsOf = (s: AppealStats) => s.rows.map((r) => ({ label: r.label, rates: r }));
  figuresSheet(book, APPEAL_STATS_GROUPING_LABELS.department, '主办部门', rowsOf(department));
  figuresSheet(book, APPEAL_STATS_GROUPING_LABELS.topic, '诉求主题', rowsOf(topic));
  figuresSheet(book, APPEAL_STATS_GROUPING_LABELS.month, '月份', rowsOf(month));

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
