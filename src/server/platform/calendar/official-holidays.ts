// Official public-holiday calendars published by the General Office of the State Council (国务院办公厅).
// Every off-day is listed individually, including the Saturdays and Sundays that fall inside a holiday block,
// so that the data reads exactly like the notice and a reviewer can compare it line by line. Make-up working days
// (调休上班日) are the weekend days the notice turns into working days; their name is the holiday they pay for.
// Admins add later years in the same shape (SPEC §2.4); validateCalendarYear in ./workdays checks them.

export interface CalendarDay {
  /** Calendar date in Asia/Shanghai, strict YYYY-MM-DD. */
  date: string;
  /** Holiday name in Chinese, e.g. 春节. */
  name: string;
}

export interface CalendarYearData {
  year: number;
  /** Title of the notice and its document number (文号). */
  source: string;
  /** Every day off, one entry per date. */
  holidays: CalendarDay[];
  /** Weekend days that are working days (调休上班). */
  makeupWorkdays: CalendarDay[];
}

export const OFFICIAL_CALENDAR: CalendarYearData[] = [
  {
    year: 2024,
    source: '国务院办公厅关于2024年部分节假日安排的通知（国办发明电〔2023〕7号）',
    holidays: [
      { date: '2024-01-01', name: '元旦' },
      { date: '2024-02-10', name: '春节' },
      { date: '2024-02-11', name: '春节' },
      { date: '2024-02-12', name: '春节' },
      { date: '2024-02-13', name: '春节' },
      { date: '2024-02-14', name: '春节' },
      { date: '2024-02-15', name: '春节' },
      { date: '2024-02-16', name: '春节' },
      { date: '2024-02-17', name: '春节' },
      { date: '2024-04-04', name: '清明节' },
      { date: '2024-04-05', name: '清明节' },
      { date: '2024-04-06', name: '清明节' },
      { date: '2024-05-01', name: '劳动节' },
      { date: '2024-05-02', name: '劳动节' },
      { date: '2024-05-03', name: '劳动节' },
      { date: '2024-05-04', name: '劳动节' },
      { date: '2024-05-05', name: '劳动节' },
      { date: '2024-06-08', name: '端午节' },
      { date: '2024-06-09', name: '端午节' },
      { date: '2024-06-10', name: '端午节' },
      { date: '2024-09-15', name: '中秋节' },
      { date: '2024-09-16', name: '中秋节' },
      { date: '2024-09-17', name: '中秋节' },
      { date: '2024-10-01', name: '国庆节' },
      { date: '2024-10-02', name: '国庆节' },
      { date: '2024-10-03', name: '国庆节' },
      { date: '2024-10-04', name: '国庆节' },
      { date: '2024-10-05', name: '国庆节' },
      { date: '2024-10-06', name: '国庆节' },
      { date: '2024-10-07', name: '国庆节' },
    ],
    makeupWorkdays: [
      { date: '2024-02-04', name: '春节' },
      { date: '2024-02-18', name: '春节' },
      { date: '2024-04-07', name: '清明节' },
      { date: '2024-04-28', name: '劳动节' },
      { date: '2024-05-11', name: '劳动节' },
      { date: '2024-09-14', name: '中秋节' },
      { date: '2024-09-29', name: '国庆节' },
      { date: '2024-10-12', name: '国庆节' },
    ],
  },
  {
    year: 2025,
    source: '国务院办公厅关于2025年部分节假日安排的通知（国办发明电〔2024〕12号）',
    holidays: [
      { date: '2025-01-01', name: '元旦' },
      { date: '2025-01-28', name: '春节' },
      { date: '2025-01-29', name: '春节' },
      { date: '2025-01-30', name: '春节' },
      { date: '2025-01-31', name: '春节' },
      { date: '2025-02-01', name: '春节' },
      { date: '2025-02-02', name: '春节' },
      { date: '2025-02-03', name: '春节' },
      { date: '2025-02-04', name: '春节' },
      { date: '2025-04-04', name: '清明节' },
      { date: '2025-04-05', name: '清明节' },
      { date: '2025-04-06', name: '清明节' },
      { date: '2025-05-01', name: '劳动节' },
      { date: '2025-05-02', name: '劳动节' },
      { date: '2025-05-03', name: '劳动节' },
      { date: '2025-05-04', name: '劳动节' },
      { date: '2025-05-05', name: '劳动节' },
      { date: '2025-05-31', name: '端午节' },
      { date: '2025-06-01', name: '端午节' },
      { date: '2025-06-02', name: '端午节' },
      { date: '2025-10-01', name: '国庆节、中秋节' },
      { date: '2025-10-02', name: '国庆节、中秋节' },
      { date: '2025-10-03', name: '国庆节、中秋节' },
      { date: '2025-10-04', name: '国庆节、中秋节' },
      { date: '2025-10-05', name: '国庆节、中秋节' },
      { date: '2025-10-06', name: '国庆节、中秋节' },
      { date: '2025-10-07', name: '国庆节、中秋节' },
      { date: '2025-10-08', name: '国庆节、中秋节' },
    ],
    makeupWorkdays: [
      { date: '2025-01-26', name: '春节' },
      { date: '2025-02-08', name: '春节' },
      { date: '2025-04-27', name: '劳动节' },
      { date: '2025-09-28', name: '国庆节、中秋节' },
      { date: '2025-10-11', name: '国庆节、中秋节' },
    ],
  },
  {
    year: 2026,
    source: '国务院办公厅关于2026年部分节假日安排的通知（国办发明电〔2025〕7号）',
    holidays: [
      { date: '2026-01-01', name: '元旦' },
      { date: '2026-01-02', name: '元旦' },
      { date: '2026-01-03', name: '元旦' },
      { date: '2026-02-15', name: '春节' },
      { date: '2026-02-16', name: '春节' },
      { date: '2026-02-17', name: '春节' },
      { date: '2026-02-18', name: '春节' },
      { date: '2026-02-19', name: '春节' },
      { date: '2026-02-20', name: '春节' },
      { date: '2026-02-21', name: '春节' },
      { date: '2026-02-22', name: '春节' },
      { date: '2026-02-23', name: '春节' },
      { date: '2026-04-04', name: '清明节' },
      { date: '2026-04-05', name: '清明节' },
      { date: '2026-04-06', name: '清明节' },
      { date: '2026-05-01', name: '劳动节' },
      { date: '2026-05-02', name: '劳动节' },
      { date: '2026-05-03', name: '劳动节' },
      { date: '2026-05-04', name: '劳动节' },
      { date: '2026-05-05', name: '劳动节' },
      { date: '2026-06-19', name: '端午节' },
      { date: '2026-06-20', name: '端午节' },
      { date: '2026-06-21', name: '端午节' },
      { date: '2026-09-25', name: '中秋节' },
      { date: '2026-09-26', name: '中秋节' },
      { date: '2026-09-27', name: '中秋节' },
      { date: '2026-10-01', name: '国庆节' },
      { date: '2026-10-02', name: '国庆节' },
      { date: '2026-10-03', name: '国庆节' },
      { date: '2026-10-04', name: '国庆节' },
      { date: '2026-10-05', name: '国庆节' },
      { date: '2026-10-06', name: '国庆节' },
      { date: '2026-10-07', name: '国庆节' },
    ],
    makeupWorkdays: [
      { date: '2026-01-04', name: '元旦' },
      { date: '2026-02-14', name: '春节' },
      { date: '2026-02-28', name: '春节' },
      { date: '2026-05-09', name: '劳动节' },
      { date: '2026-09-20', name: '国庆节' },
      { date: '2026-10-10', name: '国庆节' },
    ],
  },
];
