import { type DayEntry, daysBetween } from '../../app/dates';
import { type NamePath, toNamePath } from '../../app/form-errors';

/** One row of the year form: a named holiday from one date to another (YYYY-MM-DD), as the notice states it. */
export interface HolidayRange {
  name: string;
  from: string | null;
  to: string | null;
}

/**
 * The API takes one entry per holiday day; the form takes ranges (春节 2/15–2/23). `rowOfDay[i]` is the form row
 * that produced API entry i, so an error about `holidays.7.date` is shown on the range it came from.
 */
export function expandHolidayRanges(rows: readonly HolidayRange[]): { days: DayEntry[]; rowOfDay: number[] } {
  const days: DayEntry[] = [];
  const rowOfDay: number[] = [];
  rows.forEach((row, i) => {
    if (!row?.from || !row.to) return;
    for (const date of daysBetween(row.from, row.to)) {
      days.push({ date, name: row.name?.trim() ?? '' });
      rowOfDay.push(i);
    }
  });
  return { days, rowOfDay };
}

/** Where an API field error of the year form belongs in the form. */
export function yearFormField(field: string, rowOfDay: readonly number[]): NamePath | null {
  const path = toNamePath(field);
  if (path[0] === 'holidays' && typeof path[1] === 'number') {
    const row = rowOfDay[path[1]];
    if (row === undefined) return ['holidays'];
    return ['holidays', row, path[2] === 'name' ? 'name' : 'range'];
  }
  return path;
}

/**
 * The calendar check answers with sentences ("调休上班日 2027-01-05 是星期二…"), not field paths. A sentence that
 * names a date the form holds is shown beside that date's field; the others stay in the summary above the form.
 */
export function placeCalendarProblems(
  problems: readonly string[],
  holidayDays: readonly { date: string }[],
  rowOfDay: readonly number[],
  makeupDates: readonly (string | null)[],
): { placed: { name: NamePath; errors: string[] }[]; unplaced: string[] } {
  const placed: { name: NamePath; errors: string[] }[] = [];
  const unplaced: string[] = [];
  const put = (name: NamePath, message: string) => {
    const hit = placed.find((p) => p.name.join('.') === name.join('.'));
    if (hit) hit.errors.push(message);
    else placed.push({ name, errors: [message] });
  };
  for (const problem of problems) {
    const date = problem.match(/\d{4}-\d{2}-\d{2}/)?.[0];
    const makeupRow = date ? makeupDates.indexOf(date) : -1;
    const holidayIndex = date ? holidayDays.findIndex((d) => d.date === date) : -1;
    // A date that is both (a holiday and a make-up day) is a problem of the make-up entry.
    if (makeupRow >= 0) put(['makeupWorkdays', makeupRow, 'date'], problem);
    else if (holidayIndex >= 0 && rowOfDay[holidayIndex] !== undefined)
      put(['holidays', rowOfDay[holidayIndex]!, 'range'], problem);
    else unplaced.push(problem);
  }
  return { placed, unplaced };
}
