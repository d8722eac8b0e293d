import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import * as shared from '../../../shared/policy-rules';
import {
  budgetPercent,
  exceedsBudget,
  formatAmountEstimate,
  formatBytes,
  formatYuan,
  isExact,
  wanFromYuan,
  yuanFromWan,
} from './money';

describe('money for people', () => {
  it.each([
    [0, '0元'],
    [3000, '3,000元'],
    [9999.5, '9,999.5元'],
    [10_000, '1万元'],
    [18_500_000, '1,850万元'],
    [1_234_567, '123.46万元'],
    [250_000_000, '2.5亿元'],
    [-50_000, '-5万元'],
    [Number.POSITIVE_INFINITY, '不设上限'],
  ])('formatYuan(%d) = %s', (v, expected) => {
    expect(formatYuan(v)).toBe(expected);
  });

  it('says the same as the rules engine for every amount (one wording, two bundles)', () => {
    fc.assert(
      fc.property(fc.double({ min: -1e12, max: 1e12, noNaN: true }), (v) => {
        expect(formatYuan(v)).toBe(shared.formatYuan(v));
      }),
    );
    fc.assert(
      fc.property(
        fc.integer({ min: 0, max: 1e10 }),
        fc.option(fc.integer({ min: 0, max: 1e10 })),
        (min, max) => {
          const a = { min, max: max === null ? null : Math.max(min, max) };
          expect(formatAmountEstimate(a)).toBe(shared.formatAmountEstimate(a));
        },
      ),
    );
  });

  it('writes an estimate as one sum, a range or an open range', () => {
    expect(formatAmountEstimate({ min: 300_000, max: 300_000 })).toBe('30万元');
    expect(formatAmountEstimate({ min: 0, max: 1_500_000 })).toBe('0元–150万元');
    expect(formatAmountEstimate({ min: 100_000, max: null })).toBe('10万元起');
    expect(isExact({ min: 1, max: 1 })).toBe(true);
    expect(isExact({ min: 0, max: 1 })).toBe(false);
    expect(isExact({ min: 0, max: null })).toBe(false);
  });

  it('converts 万元 and 元 without losing whole 元', () => {
    expect(yuanFromWan(12.3456)).toBe(123_456);
    expect(yuanFromWan(0.00004)).toBe(0);
    expect(wanFromYuan(123_456)).toBe(12.3456);
    fc.assert(
      fc.property(fc.integer({ min: 0, max: 1e11 }), (yuan) => {
        expect(yuanFromWan(wanFromYuan(yuan))).toBe(yuan);
      }),
    );
  });

  it('measures the budget, and has no share without a cap', () => {
    expect(budgetPercent({ total: 1_000_000, used: 250_000 })).toBe(25);
    expect(budgetPercent({ total: 3, used: 1 })).toBe(33.3);
    expect(budgetPercent({ total: 100, used: 150 })).toBe(100);
    expect(budgetPercent({ total: null, used: 150 })).toBeNull();
    expect(exceedsBudget({ remaining: 100 }, 101)).toBe(true);
    expect(exceedsBudget({ remaining: 100 }, 100)).toBe(false);
    expect(exceedsBudget({ remaining: null }, 1e9)).toBe(false);
  });

  it('writes file sizes', () => {
    expect(formatBytes(980)).toBe('980 B');
    expect(formatBytes(12_800)).toBe('12.5 KB');
    expect(formatBytes(10 * 1024 * 1024)).toBe('10 MB');
  });
});
