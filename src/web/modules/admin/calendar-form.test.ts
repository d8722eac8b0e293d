import { describe, expect, it } from 'vitest';
import { expandHolidayRanges, placeCalendarProblems, yearFormField } from './calendar-form';

describe('year form', () => {
  const rows = [
    { name: '元旦', from: '2027-01-01', to: '2027-01-01' },
    { name: '', from: null, to: null },
    { name: ' 春节 ', from: '2027-02-05', to: '2027-02-08' },
  ];

  it('expands each named range into one entry per day and remembers the row of each day', () => {
    const { days, rowOfDay } = expandHolidayRanges(rows);
    expect(days.map((d) => d.date)).toEqual([
      '2027-01-01',
      '2027-02-05',
      '2027-02-06',
      '2027-02-07',
      '2027-02-08',
    ]);
    expect(days[1]!.name).toBe('春节');
    expect(rowOfDay).toEqual([0, 2, 2, 2, 2]);
  });

  it('traces an API error on a day back to the range row that produced it', () => {
    const { rowOfDay } = expandHolidayRanges(rows);
    expect(yearFormField('holidays.3.date', rowOfDay)).toEqual(['holidays', 2, 'range']);
    expect(yearFormField('holidays.0.name', rowOfDay)).toEqual(['holidays', 0, 'name']);
    expect(yearFormField('holidays.99.date', rowOfDay)).toEqual(['holidays']);
    expect(yearFormField('makeupWorkdays.1.date', rowOfDay)).toEqual(['makeupWorkdays', 1, 'date']);
    expect(yearFormField('source', rowOfDay)).toEqual(['source']);
  });
});

describe('placeCalendarProblems', () => {
  it('puts a sentence that names a date beside that date, and keeps the rest for the summary', () => {
    const { days, rowOfDay } = expandHolidayRanges([
      { name: '元旦', from: '2027-01-01', to: '2027-01-03' },
      { name: '春节', from: '2027-02-05', to: '2027-02-11' },
    ]);
    const r = placeCalendarProblems(
      [
        '调休上班日 2027-01-05 是星期二，调休上班日只能是周六或周日',
        '节假日 2027-02-07 重复',
        '2027-01-02 既是节假日又是调休上班日',
        '来源不能为空，请填写通知标题及文号',
      ],
      days,
      rowOfDay,
      ['2027-01-05', null, '2027-01-02'],
    );
    expect(r.placed).toEqual([
      {
        name: ['makeupWorkdays', 0, 'date'],
        errors: ['调休上班日 2027-01-05 是星期二，调休上班日只能是周六或周日'],
      },
      { name: ['holidays', 1, 'range'], errors: ['节假日 2027-02-07 重复'] },
      { name: ['makeupWorkdays', 2, 'date'], errors: ['2027-01-02 既是节假日又是调休上班日'] },
    ]);
    expect(r.unplaced).toEqual(['来源不能为空，请填写通知标题及文号']);
  });
});
