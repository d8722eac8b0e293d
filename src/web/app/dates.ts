/** Dates as the district lives them: Asia/Shanghai, whatever the browser's own time zone. */

const SHANGHAI_DAY = new Intl.DateTimeFormat('en-CA', {
  timeZone: 'Asia/Shanghai',
  year: 'numeric',
  month: '2-digit',
  day: '2-digit',
});

/** Today's date in Asia/Shanghai as YYYY-MM-DD. */
export function todayInShanghai(now: Date = new Date()): string {
  return SHANGHAI_DAY.format(now);
}

export interface DayEntry {
  date: string;
  name: string;
}

/** Consecutive days with the same name folded into runs: 春节 2026-02-15 … 2026-02-23. */
export function foldRuns(
  days: readonly DayEntry[],
): { name: string; from: string; to: string; count: number }[] {
  const sorted = [...days].sort((a, b) => a.date.localeCompare(b.date));
  const runs: { name: string; from: string; to: string; count: number }[] = [];
  for (const d of sorted) {
    const last = runs[runs.length - 1];
    if (last && last.name === d.name && nextDay(last.to) === d.date) {
      last.to = d.date;
      last.count++;
    } else {
      runs.push({ name: d.name, from: d.date, to: d.date, count: 1 });
    }
  }
  return runs;
}

/** The calendar day after a YYYY-MM-DD date. */
export function nextDay(date: string): string {
  const [y, m, d] = date.split('-').map(Number) as [number, number, number];
  const t = new Date(Date.UTC(y, m - 1, d + 1));
  return t.toISOString().slice(0, 10);
}

/** Every date from `from` to `to` inclusive (YYYY-MM-DD); empty when `to` precedes `from`. */
export function daysBetween(from: string, to: string, max = 400): string[] {
  const out: string[] = [];
  for (let d = from; d <= to && out.length < max; d = nextDay(d)) out.push(d);
  return out;
}
