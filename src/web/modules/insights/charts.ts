// ECharts options of the insights pages (plain objects; the chart itself is the appeals module's lazy EChart).

const PALETTE = ['#1d4ed8', '#0f766e', '#b45309', '#be123c', '#6d28d9', '#0369a1'];

/** Horizontal bars (a distribution): labels down the side, so long names stay readable on a phone. */
export function barOption(
  labels: string[],
  values: (number | null)[],
  name: string,
): Record<string, unknown> {
  return {
    color: PALETTE,
    tooltip: { trigger: 'axis', axisPointer: { type: 'shadow' } },
    grid: { left: 8, right: 24, top: 8, bottom: 8, containLabel: true },
    xAxis: { type: 'value', minInterval: 1 },
    yAxis: {
      type: 'category',
      data: labels,
      inverse: true,
      axisLabel: { width: 110, overflow: 'truncate' },
    },
    series: [{ type: 'bar', name, data: values, barMaxWidth: 18 }],
  };
}

/** Vertical bars over time (growth per year or month). */
export function columnOption(
  labels: string[],
  values: (number | null)[],
  name: string,
): Record<string, unknown> {
  return {
    color: PALETTE,
    tooltip: { trigger: 'axis' },
    grid: { left: 8, right: 16, top: 16, bottom: 8, containLabel: true },
    xAxis: { type: 'category', data: labels },
    yAxis: { type: 'value', minInterval: 1 },
    series: [{ type: 'bar', name, data: values, barMaxWidth: 28 }],
  };
}

/** The four rates per month as lines, in percent. */
export function ratesOption(
  labels: string[],
  series: { name: string; values: (number | null)[] }[],
): Record<string, unknown> {
  return {
    color: PALETTE,
    tooltip: { trigger: 'axis', valueFormatter: (v: number | null) => (v === null ? '—' : `${v}%`) },
    legend: { top: 0, type: 'scroll' },
    grid: { left: 8, right: 16, top: 36, bottom: 8, containLabel: true },
    xAxis: { type: 'category', data: labels },
    yAxis: { type: 'value', min: 0, max: 100, axisLabel: { formatter: '{value}%' } },
    series: series.map((s) => ({
      type: 'line',
      name: s.name,
      connectNulls: false,
      data: s.values.map((v) => (v === null ? null : Math.round(v * 1000) / 10)),
    })),
  };
}
