import { describe, expect, it } from 'vitest';
import { daysBetween, foldRuns, nextDay, todayInShanghai } from './dates';

describe('dates in Asia/Shanghai', () => {
  it('gives the Shanghai date even when UTC is still on the previous day', () => {
    expect(todayInShanghai(new Date('2026-02-16T17:30:00Z'))).toBe('2026-02-17');
    expect(todayInShanghai(new Date('2026-02-16T15:59:59Z'))).toBe('2026-02-16');
  });

  it('steps over month and leap-year ends', () => {
    expect(nextDay('2028-02-28')).toBe('2028-02-29');
    expect(nextDay('2026-12-31')).toBe('2027-01-01');
  });

  it('lists the days of a range inclusively, and nothing for a reversed range', () => {
    expect(daysBetween('2026-09-30', '2026-10-02')).toEqual(['2026-09-30', '2026-10-01', '2026-10-02']);
    expect(daysBetween('2026-10-02', '2026-10-01')).toEqual([]);
  });

  it('folds consecutive days of one holiday into runs, and splits by name or gap', () => {
    const runs = foldRuns([
      { date: '2026-10-02', name: '国庆节' },
      { date: '2026-10-01', name: '国庆节' },
      { date: '2026-10-03', name: '国庆节' },
      { date: '2026-10-05', name: '国庆节' },
      { date: '2026-09-25', name: '中秋节' },
    ]);
    expect(runs).toEqual([
      { name: '中秋节', from: '2026-09-25', to: '2026-09-25', count: 1 },
      { name: '国庆节', from: '2026-10-01', to: '2026-10-03', count: 3 },
      { name: '国庆节', from: '2026-10-05', to: '2026-10-05', count: 1 },
    ]);
  });
});
