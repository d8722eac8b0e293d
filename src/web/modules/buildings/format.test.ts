import { describe, expect, it } from 'vitest';
import { monthlyRent } from '../../../shared/buildings';
import {
  formatArea,
  formatPercent,
  formatRange,
  formatRent,
  hashName,
  illustrationPalette,
  rentIn,
  rentRange,
  staleState,
} from './format';

describe('rent display', () => {
  it('turns a monthly rent back into the day rate landlords quote (× 12 / 365)', () => {
    expect(rentIn(106.4583, 'yuan_per_sqm_day')).toBeCloseTo(3.5, 4);
    expect(rentIn(106.46, 'yuan_per_sqm_month')).toBe(106.46);
    // Round trip with the shared conversion the server uses.
    expect(rentIn(monthlyRent(4.2, 'yuan_per_sqm_day'), 'yuan_per_sqm_day')).toBeCloseTo(4.2, 10);
  });

  it.each([
    [3.5, 'yuan_per_sqm_day', '3.50'],
    [3, 'yuan_per_sqm_day', '3.00'],
    [106.4583, 'yuan_per_sqm_month', '106.5'],
    [120, 'yuan_per_sqm_month', '120'],
    [1234.5, 'yuan_per_sqm_month', '1,234.5'],
  ] as const)('formats %s %s as %s', (v, unit, out) => {
    expect(formatRent(v, unit)).toBe(out);
  });

  it('shows a range in either unit, one figure when both ends agree, nothing when unknown', () => {
    const min = monthlyRent(3.5, 'yuan_per_sqm_day');
    const max = monthlyRent(4.8, 'yuan_per_sqm_day');
    expect(rentRange(min, max, 'yuan_per_sqm_day')).toBe('3.50–4.80');
    expect(rentRange(min, max, 'yuan_per_sqm_month')).toBe('106.5–146');
    expect(rentRange(min, min, 'yuan_per_sqm_day')).toBe('3.50');
    expect(rentRange(null, null, 'yuan_per_sqm_day')).toBeNull();
    expect(rentRange(undefined, 90, 'yuan_per_sqm_month')).toBe('90');
  });
});

describe('ranges, areas and rates', () => {
  it('formats areas with separators and ranges with an en dash', () => {
    expect(formatArea(1200)).toBe('1,200');
    expect(formatArea(85.25)).toBe('85.3');
    expect(formatRange(120, 560, formatArea)).toBe('120–560');
    expect(formatRange(120, 120, formatArea)).toBe('120');
    expect(formatRange(null, undefined, formatArea)).toBeNull();
  });

  it('gives a rate as a percentage with at most one decimal', () => {
    expect(formatPercent(0.125)).toBe('12.5');
    expect(formatPercent(0)).toBe('0');
    expect(formatPercent(1)).toBe('100');
    expect(formatPercent(0.33333)).toBe('33.3');
    expect(formatPercent(null)).toBeNull();
    expect(formatPercent(Number.NaN)).toBeNull();
  });
});

describe('stale badge', () => {
  it('follows the server flag when the record has a verification date', () => {
    expect(staleState(false, '2026-10-01')).toEqual({ kind: 'fresh', verifiedOn: '2026-10-01' });
    expect(staleState(true, '2025-01-01')).toEqual({ kind: 'stale', verifiedOn: '2025-01-01' });
  });

  it('calls a record nobody ever verified stale, whatever the flag says', () => {
    expect(staleState(false, null)).toEqual({ kind: 'stale', verifiedOn: null });
    expect(staleState(true, undefined)).toEqual({ kind: 'stale', verifiedOn: null });
  });
});

describe('illustration', () => {
  it('gives the same name the same picture (surrounding spaces ignored)', () => {
    expect(illustrationPalette('浮山湾金融中心')).toEqual(illustrationPalette(' 浮山湾金融中心 '));
    expect(hashName('abc')).toBe(hashName('abc'));
  });

  it('spreads names over several colours', () => {
    const names = [
      '团岛海洋科技园',
      '云南路文创大厦',
      '中山路金融街大厦',
      '栈桥商务中心',
      '江苏路科创大厦',
      '太平角商务中心',
      '湛山国际大厦',
      '浮山湾金融中心',
      '海岸国际大厦',
      '闽江路商务大厦',
    ];
    const towers = new Set(names.map((n) => illustrationPalette(n).tower));
    expect(towers.size).toBeGreaterThanOrEqual(4);
  });

  it('keeps tower heights inside the drawing, the middle one the tallest-looking', () => {
    for (const n of ['A', '丙', '浮山湾金融中心', '']) {
      const { heights } = illustrationPalette(n);
      for (const h of heights) {
        expect(h).toBeGreaterThanOrEqual(0.35);
        expect(h).toBeLessThanOrEqual(1);
      }
      expect(heights[1]).toBeGreaterThanOrEqual(0.7);
    }
  });

  it('writes valid CSS colours', () => {
    const p = illustrationPalette('湛山国际大厦');
    for (const c of [p.skyTop, p.skyBottom, p.tower, p.towerShade, p.window, p.ground]) {
      expect(c).toMatch(/^hsl\(\d{1,3}, \d{1,2}%, \d{1,2}%\)$/);
    }
  });
});
