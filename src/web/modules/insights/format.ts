import type { Cell } from '../../../shared/insights-api';

// Pure display helpers of the insights pages (unit-tested in format.test.ts).

/** The text of a published cell: the number, or "<5" when it is suppressed. */
export function cellText(c: Cell | null | undefined): string {
  if (!c) return '—';
  if (c.suppressed) return '<5';
  return c.value === null ? '—' : c.value.toLocaleString('zh-CN');
}

/** A chart value of a cell: suppressed cells are left out of the chart (null), not drawn as zero. */
export const cellValue = (c: Cell): number | null => (c.suppressed ? null : c.value);

/** A fraction 0..1 as a percentage with one decimal; null → "—". */
export function percent(v: number | null | undefined): string {
  if (v === null || v === undefined || !Number.isFinite(v)) return '—';
  return `${(Math.round(v * 1000) / 10).toFixed(1)}%`;
}

/** 万元 with two decimals and thousands separators. */
export function wan(v: number | null | undefined): string {
  if (v === null || v === undefined) return '<5';
  return v.toLocaleString('zh-CN', { minimumFractionDigits: 2, maximumFractionDigits: 2 });
}

export const area = (v: number) => v.toLocaleString('zh-CN', { maximumFractionDigits: 2 });

/** The Shanghai wall time of an instant: 2026-11-26 10:00. */
export function shanghaiTime(iso: string): string {
  return new Date(Date.parse(iso) + 8 * 3_600_000).toISOString().slice(0, 16).replace('T', ' ');
}

/** The default dashboard period: from the 1st of the month 11 months back to today (YYYY-MM-DD). */
export function defaultPeriod(today: string): { from: string; to: string } {
  const index = Number(today.slice(0, 4)) * 12 + Number(today.slice(5, 7)) - 1 - 11;
  const from = `${Math.floor(index / 12)}-${String((index % 12) + 1).padStart(2, '0')}-01`;
  return { from, to: today };
}

/** The export URL path of a table. */
export const exportPath = (table: string) => `/insights/export/${table}.xlsx`;
