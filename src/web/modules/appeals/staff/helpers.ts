import type { AppealAction, AppealState } from '../../../../shared/appeals';
import type { Role } from '../../../../shared/roles';
import type { Query } from '../../../app/api';
import type { AppealSummary, Rates, SlaView, StatsRow } from './types';

// Pure helpers of the appeals workbench pages (unit-tested in helpers.test.ts).

// ——— the action panel ———

/** The actions the workbench offers, in the order of the panel; the first group is the main path. */
export const PRIMARY_ACTIONS: readonly AppealAction[] = [
  'accept',
  'dispatch',
  'sign',
  'reply',
  'redispatch',
  'insist',
  'approve_extension',
  'close',
  'supply_info',
];
export const SECONDARY_ACTIONS: readonly AppealAction[] = [
  'ask_info',
  'merge_into',
  'reject',
  'return',
  'request_extension',
  'deny_extension',
  'urge',
  'supervise',
  'reopen',
];
/** Actions that change nothing but the state and need no input: a confirmation is enough. */
export const CONFIRM_ONLY_ACTIONS: readonly AppealAction[] = ['accept', 'sign'];
/** Actions shown as danger buttons. */
export const DANGER_ACTIONS: readonly AppealAction[] = ['reject', 'return', 'deny_extension'];

export interface PanelActions {
  primary: AppealAction[];
  secondary: AppealAction[];
}

/** Which buttons the panel shows: exactly the allowed actions the workbench has a form for, in panel order. */
export function panelActions(allowed: readonly string[]): PanelActions {
  const set = new Set(allowed);
  return {
    primary: PRIMARY_ACTIONS.filter((a) => set.has(a)),
    secondary: SECONDARY_ACTIONS.filter((a) => set.has(a)),
  };
}

/** The request body of an action: the form's values (blank optional text left out) and the version read. */
export function actionBody(
  values: Record<string, unknown>,
  expectedVersion: number | undefined,
): Record<string, unknown> {
  const body: Record<string, unknown> = {};
  for (const [k, v] of Object.entries(values)) {
    if (v === undefined || v === null) continue;
    if (typeof v === 'string') {
      const s = v.trim();
      if (s === '') continue;
      body[k] = s;
    } else {
      body[k] = v;
    }
  }
  if (expectedVersion !== undefined) body.expectedVersion = expectedVersion;
  return body;
}

/** Uploaded files (as the upload control holds them) become their ids, as the API takes them; none → left out. */
export function withAttachmentIds(values: Record<string, unknown>): Record<string, unknown> {
  const { attachments, ...rest } = values;
  if (!Array.isArray(attachments) || attachments.length === 0) return rest;
  return {
    ...rest,
    attachments: attachments.map((f) => (typeof f === 'string' ? f : (f as { id: string }).id)),
  };
}

// ——— the clock ———

/** Working hours of a remaining time, one decimal below 10 hours, whole hours above. */
export function workingHours(minutes: number): number {
  const h = Math.abs(minutes) / 60;
  return h < 10 ? Math.round(h * 10) / 10 : Math.round(h);
}

/** The clock that ticks now (reply once dispatched, accept before), or null when none runs. */
export function runningSla(sla: { accept: SlaView; reply: SlaView | null }): SlaView | null {
  if (sla.reply?.running) return sla.reply;
  return sla.accept.running ? sla.accept : null;
}

const OPEN_STATES: readonly AppealState[] = [
  'submitted',
  'accepted',
  'needs_info',
  'dispatched',
  'signed',
  'returned',
];

/** Whether the clock of this appeal still means something (replied, rated and closed appeals have met it). */
export function clockRuns(state: AppealState): boolean {
  return OPEN_STATES.includes(state);
}

// ——— the queue ———

export type QueueTabKey =
  | 'toAccept'
  | 'toDispatch'
  | 'needsInfo'
  | 'returned'
  | 'extensions'
  | 'toSign'
  | 'inProgress'
  | 'mine'
  | 'overdue'
  | 'all';

export interface QueueTab {
  key: QueueTabKey;
  query: Query;
}

const TAB_QUERIES: Record<QueueTabKey, Query> = {
  toAccept: { view: 'queue', state: 'submitted' },
  toDispatch: { view: 'queue', state: 'accepted' },
  needsInfo: { view: 'queue', state: 'needs_info' },
  returned: { view: 'queue', state: 'returned' },
  // Dispatched or signed appeals whose extension request waits for the dispatcher.
  extensions: { view: 'queue', state: 'dispatched,signed', extension: 'requested' },
  toSign: { view: 'queue', state: 'dispatched' },
  inProgress: { view: 'queue', state: 'signed' },
  mine: { view: 'mine' },
  overdue: { view: 'all', sla: 'overdue' },
  all: { view: 'all' },
};

const ROLE_TABS: [Role, QueueTabKey[]][] = [
  ['dispatcher', ['toAccept', 'toDispatch', 'needsInfo', 'returned', 'extensions', 'all']],
  ['handler', ['toSign', 'inProgress', 'all']],
  ['leader', ['overdue', 'all']],
  ['liaison', ['mine']],
];

/** The queue's tabs for a user's roles, in role order, each once; 全部 last. */
export function queueTabs(roles: readonly Role[]): QueueTab[] {
  const keys: QueueTabKey[] = [];
  for (const [role, tabs] of ROLE_TABS) {
    if (!roles.includes(role)) continue;
    for (const t of tabs) if (!keys.includes(t)) keys.push(t);
  }
  // 全部 goes last; the liaison's own list stands for it when he has no other queue role.
  const ordered = [...keys.filter((k) => k !== 'all'), ...(keys.includes('all') ? (['all'] as const) : [])];
  return ordered.map((key) => ({ key, query: TAB_QUERIES[key] }));
}

export interface QueueFilters {
  state?: string | undefined;
  type?: string | undefined;
  topicCode?: string | undefined;
  departmentId?: string | undefined;
  sla?: string | undefined;
  q?: string | undefined;
}

/** The list query of a tab with the user's filters on top (a filter the user set wins over the tab's). */
export function queueQuery(
  tab: QueueTab,
  filters: QueueFilters,
  paging: { page: number; pageSize: number },
): Query {
  const q: Query = { ...tab.query, sort: 'deadline', ...paging };
  for (const [k, v] of Object.entries(filters)) if (v) q[k] = v;
  return q;
}

// ——— statistics ———

export const RATE_KEYS = ['responseRate', 'onTimeReplyRate', 'solvedRate', 'satisfactionRate'] as const;
export type RateKey = (typeof RATE_KEYS)[number];

/** A rate (0..1) in percent with one decimal; '—' when there is nothing to divide. */
export function formatRate(v: number | null | undefined): string {
  if (v === null || v === undefined || !Number.isFinite(v)) return '—';
  return `${(Math.round(v * 1000) / 10).toFixed(1)}%`;
}

/** The default statistics window: the last 12 months up to this one, as YYYY-MM. */
export function defaultMonthRange(today: string): { from: string; to: string } {
  const y = Number(today.slice(0, 4));
  const mo = Number(today.slice(5, 7));
  const start = y * 12 + (mo - 1) - 11;
  const from = `${Math.floor(start / 12)}-${String((start % 12) + 1).padStart(2, '0')}`;
  return { from, to: today.slice(0, 7) };
}

/** The ECharts option of a grouped bar chart (per department or topic) or a line chart (per month). */
export function statsChartOption(
  rows: readonly StatsRow[],
  labels: Record<RateKey, string>,
  kind: 'bar' | 'line',
): Record<string, unknown> {
  const pct = (v: number | null | undefined) =>
    v === null || v === undefined ? null : Math.round(v * 1000) / 10;
  return {
    tooltip: { trigger: 'axis', valueFormatter: (v: unknown) => (typeof v === 'number' ? `${v}%` : '—') },
    legend: { top: 0, type: 'scroll' },
    grid: { left: 8, right: 16, top: 40, bottom: 8, containLabel: true },
    xAxis: {
      type: 'category',
      data: rows.map((r) => r.label),
      axisLabel: { interval: 0, rotate: rows.length > 6 ? 30 : 0, hideOverlap: true },
    },
    yAxis: { type: 'value', min: 0, max: 100, axisLabel: { formatter: '{value}%' } },
    series: RATE_KEYS.map((k) => ({
      name: labels[k],
      type: kind,
      data: rows.map((r) => pct(r[k])),
      ...(kind === 'line' ? { connectNulls: false, smooth: false } : { barMaxWidth: 18 }),
    })),
  };
}

/** The rows of a statistic with the totals last, for the table (row keys made unique: a null key is a group too). */
export function tableRows(
  rows: readonly StatsRow[],
  totals: Rates,
  totalLabel: string,
): (StatsRow & { rowKey: string })[] {
  return [
    ...rows.map((r, i) => ({ ...r, rowKey: r.key ?? `none-${i}` })),
    { ...totals, key: null, label: totalLabel, rowKey: '__total' },
  ];
}

// ——— misc ———

/** A fresh idempotency key for one submission (8–64 chars of [A-Za-z0-9_-]). */
export function newIdempotencyKey(random: () => number = Math.random): string {
  const alphabet = 'ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789';
  let s = 'web-';
  for (let i = 0; i < 24; i++) s += alphabet[Math.floor(random() * alphabet.length)];
  return s;
}

/** The topic's name of a list row (its code when the catalogue lost it). */
export function topicName(a: Pick<AppealSummary, 'topicName' | 'topicCode'>): string | null {
  return a.topicName ?? a.topicCode ?? null;
}

/** Topics sorted by category (then sort order), each row with the row span of its category cell. */
export function groupByCategory<T extends { category: string; sortOrder: number; code: string }>(
  topics: readonly T[],
): (T & { span: number })[] {
  const order = [...new Set(topics.map((t) => t.category))];
  const sorted = [...topics].sort(
    (a, b) =>
      order.indexOf(a.category) - order.indexOf(b.category) ||
      a.sortOrder - b.sortOrder ||
      a.code.localeCompare(b.code),
  );
  return sorted.map((t, i) => {
    if (i > 0 && sorted[i - 1]?.category === t.category) return { ...t, span: 0 };
    let n = 1;
    while (sorted[i + n]?.category === t.category) n++;
    return { ...t, span: n };
  });
}
