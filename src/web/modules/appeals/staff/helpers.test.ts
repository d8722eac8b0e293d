import { describe, expect, it } from 'vitest';
import {
  actionBody,
  defaultMonthRange,
  formatRate,
  groupByCategory,
  newIdempotencyKey,
  panelActions,
  queueQuery,
  queueTabs,
  runningSla,
  statsChartOption,
  tableRows,
  withAttachmentIds,
  workingHours,
} from './helpers';
import type { Rates, SlaView, StatsRow } from './types';

const rates = (over: Partial<Rates> = {}): Rates => ({
  submitted: 10,
  accepted: 9,
  responded: 9,
  respondedOnTime: 8,
  responseRate: 0.8889,
  replied: 6,
  repliedOnTime: 5,
  onTimeReplyRate: 0.8333,
  rated: 4,
  solved: 3,
  solvedRate: 0.75,
  satisfied: 4,
  satisfactionRate: 1,
  closed: 3,
  overdue: 1,
  reopened: 0,
  avgHandlingWorkdays: 2.5,
  ...over,
});

describe('panelActions', () => {
  it('shows exactly the allowed actions, main path first', () => {
    expect(panelActions(['reject', 'accept', 'ask_info', 'merge_into'])).toEqual({
      primary: ['accept'],
      secondary: ['ask_info', 'merge_into', 'reject'],
    });
  });
  it('shows the handler his buttons and nothing of the dispatcher', () => {
    const p = panelActions(['sign', 'return', 'request_extension']);
    expect(p.primary).toEqual(['sign']);
    expect(p.secondary).toEqual(['return', 'request_extension']);
  });
  it('never offers the scheduler’s or the enterprise’s own actions', () => {
    expect(panelActions(['auto_close', 'rate'])).toEqual({ primary: [], secondary: [] });
  });
  it('shows nothing without allowed actions', () => {
    expect(panelActions([])).toEqual({ primary: [], secondary: [] });
  });
});

describe('actionBody', () => {
  it('trims text, leaves blanks out and adds the version read', () => {
    expect(actionBody({ reason: '  不属于本部门  ', note: '  ', days: 3, solved: false }, 7)).toEqual({
      reason: '不属于本部门',
      days: 3,
      solved: false,
      expectedVersion: 7,
    });
  });
  it('keeps lists', () => {
    expect(actionBody({ leadDepartmentId: 'd1', assistingDepartmentIds: [] }, 1)).toEqual({
      leadDepartmentId: 'd1',
      assistingDepartmentIds: [],
      expectedVersion: 1,
    });
  });
});

describe('withAttachmentIds', () => {
  it('sends the uploaded files by id and leaves an empty list out', () => {
    const file = {
      id: 'f1',
      name: 'a.pdf',
      size: 1,
      mime: 'application/pdf',
      ext: 'pdf',
      sha256: 'x',
      createdAt: '',
    };
    expect(withAttachmentIds({ content: '补充', attachments: [file, { ...file, id: 'f2' }] })).toEqual({
      content: '补充',
      attachments: ['f1', 'f2'],
    });
    expect(withAttachmentIds({ content: '补充', attachments: [] })).toEqual({ content: '补充' });
    expect(withAttachmentIds({ content: '补充' })).toEqual({ content: '补充' });
  });
});

describe('working hours', () => {
  it('shows one decimal below ten hours and whole hours above', () => {
    expect(workingHours(90)).toBe(1.5);
    expect(workingHours(25)).toBe(0.4);
    expect(workingHours(510 * 3)).toBe(26);
    expect(workingHours(-45)).toBe(0.8);
  });
  it('picks the clock that runs', () => {
    const accept: SlaView = { deadline: 'a', status: 'on_time', remainingMinutes: 100, running: false };
    const reply: SlaView = { deadline: 'r', status: 'overdue', remainingMinutes: -20, running: true };
    expect(runningSla({ accept, reply })).toBe(reply);
    expect(runningSla({ accept: { ...accept, running: true }, reply: null })?.deadline).toBe('a');
    expect(runningSla({ accept, reply: { ...reply, running: false } })).toBeNull();
  });
});

describe('queueTabs', () => {
  it('gives the dispatcher his queue and 全部 last', () => {
    expect(queueTabs(['dispatcher']).map((t) => t.key)).toEqual([
      'toAccept',
      'toDispatch',
      'needsInfo',
      'returned',
      'extensions',
      'all',
    ]);
  });
  it('lists under 延期待审批 only the appeals whose extension request waits', () => {
    const tab = queueTabs(['dispatcher']).find((t) => t.key === 'extensions')!;
    expect(tab.query).toEqual({ view: 'queue', state: 'dispatched,signed', extension: 'requested' });
    expect(queueQuery(tab, { q: '延期' }, { page: 1, pageSize: 20 })).toEqual({
      view: 'queue',
      state: 'dispatched,signed',
      extension: 'requested',
      q: '延期',
      sort: 'deadline',
      page: 1,
      pageSize: 20,
    });
  });
  it('gives the handler 待签收, 办理中, 全部', () => {
    expect(queueTabs(['handler']).map((t) => t.key)).toEqual(['toSign', 'inProgress', 'all']);
  });
  it('gives the liaison his enterprises only', () => {
    expect(queueTabs(['liaison']).map((t) => t.key)).toEqual(['mine']);
  });
  it('merges the tabs of several roles once each', () => {
    const keys = queueTabs(['leader', 'handler']).map((t) => t.key);
    expect(keys).toEqual(['toSign', 'inProgress', 'overdue', 'all']);
  });
  it('gives other roles nothing', () => {
    expect(queueTabs(['admin'])).toEqual([]);
  });
  it('puts the user’s filters over the tab’s', () => {
    const tab = queueTabs(['handler'])[0]!;
    expect(
      queueQuery(tab, { state: 'signed', q: 'SQ2026', type: undefined }, { page: 2, pageSize: 20 }),
    ).toEqual({
      view: 'queue',
      state: 'signed',
      q: 'SQ2026',
      sort: 'deadline',
      page: 2,
      pageSize: 20,
    });
  });
});

describe('statistics', () => {
  it('formats rates in percent, — for nothing to divide', () => {
    expect(formatRate(0.8889)).toBe('88.9%');
    expect(formatRate(1)).toBe('100.0%');
    expect(formatRate(null)).toBe('—');
    expect(formatRate(Number.NaN)).toBe('—');
  });
  it('defaults to the last 12 months, across a year boundary', () => {
    expect(defaultMonthRange('2026-11-26')).toEqual({ from: '2025-12', to: '2026-11' });
    expect(defaultMonthRange('2026-01-05')).toEqual({ from: '2025-02', to: '2026-01' });
    expect(defaultMonthRange('2026-12-31')).toEqual({ from: '2026-01', to: '2026-12' });
  });
  const rows: StatsRow[] = [
    { ...rates(), key: 'd1', label: '区市场监管局' },
    { ...rates({ responseRate: null, satisfactionRate: 0.5 }), key: null, label: '未派单' },
  ];
  const labels = {
    responseRate: '响应率',
    onTimeReplyRate: '按期办结率',
    solvedRate: '解决率',
    satisfactionRate: '满意率',
  };
  it('builds one series per rate, in percent, null kept as a gap', () => {
    const o = statsChartOption(rows, labels, 'bar') as {
      xAxis: { data: string[] };
      series: { name: string; type: string; data: (number | null)[] }[];
    };
    expect(o.xAxis.data).toEqual(['区市场监管局', '未派单']);
    expect(o.series.map((s) => s.name)).toEqual(['响应率', '按期办结率', '解决率', '满意率']);
    expect(o.series[0]?.data).toEqual([88.9, null]);
    expect(o.series[3]?.data).toEqual([100, 50]);
    expect(o.series.every((s) => s.type === 'bar')).toBe(true);
  });
  it('draws months as lines', () => {
    const o = statsChartOption(rows, labels, 'line') as { series: { type: string }[] };
    expect(o.series.every((s) => s.type === 'line')).toBe(true);
  });
  it('puts the totals last with unique row keys', () => {
    const t = tableRows(rows, rates(), '合计');
    expect(t.map((r) => r.rowKey)).toEqual(['d1', 'none-1', '__total']);
    expect(t[2]?.label).toBe('合计');
  });
});

describe('groupByCategory', () => {
  it('groups topics by category with the span of each group', () => {
    const rows = groupByCategory([
      { code: 'b', category: '人社', sortOrder: 1 },
      { code: 'a', category: '市场监管', sortOrder: 2 },
      { code: 'c', category: '人社', sortOrder: 0 },
    ]);
    expect(rows.map((r) => [r.code, r.span])).toEqual([
      ['c', 2],
      ['b', 0],
      ['a', 1],
    ]);
  });
});

describe('newIdempotencyKey', () => {
  it('fits the server’s pattern and differs each time', () => {
    const a = newIdempotencyKey();
    expect(a).toMatch(/^[A-Za-z0-9_-]{8,64}$/);
    expect(newIdempotencyKey()).not.toBe(a);
  });
});
