import { describe, expect, it } from 'vitest';
import { cellText, cellValue, defaultPeriod, percent, shanghaiTime, wan } from './format';

describe('insights format', () => {
  it('shows suppressed cells as <5 and keeps them out of charts', () => {
    expect(cellText({ value: null, suppressed: true })).toBe('<5');
    expect(cellText({ value: 1234, suppressed: false })).toBe('1,234');
    expect(cellText({ value: 0, suppressed: false })).toBe('0');
    expect(cellValue({ value: null, suppressed: true })).toBeNull();
    expect(cellValue({ value: 7, suppressed: false })).toBe(7);
  });
  it('formats rates, 万元 and times', () => {
    expect(percent(0.875)).toBe('87.5%');
    expect(percent(null)).toBe('—');
    expect(wan(56)).toBe('56.00');
    expect(wan(null)).toBe('<5');
    expect(shanghaiTime('2026-11-26T02:00:00.000Z')).toBe('2026-11-26 10:00');
  });
  it('defaults to the 12 months ending today', () => {
    expect(defaultPeriod('2026-11-27')).toEqual({ from: '2025-12-01', to: '2026-11-27' });
    expect(defaultPeriod('2026-01-05')).toEqual({ from: '2025-02-01', to: '2026-01-05' });
  });
});
