import { describe, expect, it } from 'vitest';
import { BUILDING_SORTS as SHARED_SORTS, TAX_FLAGS as SHARED_TAX_FLAGS } from '../../../shared/buildings-api';
import {
  apiQuery,
  BUILDING_SORTS,
  clearFilters,
  EMPTY_FILTERS,
  filtersFromParams,
  filtersToQuery,
  hasFilters,
  switchRentUnit,
  TAX_FLAGS,
} from './filters';

const parse = (qs: string) => filtersFromParams(new URLSearchParams(qs));

describe('filters ↔ query string', () => {
  it('mirror the API enums (kept apart so the portal bundle carries no zod)', () => {
    expect([...BUILDING_SORTS]).toEqual([...SHARED_SORTS]);
    expect([...TAX_FLAGS]).toEqual([...SHARED_TAX_FLAGS]);
  });

  it('reads an empty address as no filter, rents per day, page 1', () => {
    expect(parse('')).toEqual(EMPTY_FILTERS);
    expect(filtersToQuery(EMPTY_FILTERS)).toEqual({});
    expect(hasFilters(EMPTY_FILTERS)).toBe(false);
  });

  it('round-trips every filter', () => {
    const qs =
      'q=金融&street=370202007,370202003&grade=a&use=office&areaMin=100&areaMax=500&rentMin=3&rentMax=4.5' +
      '&rentUnit=yuan_per_sqm_day&vacantNow=1&tags=金融楼宇,总部楼宇&taxFlag=yi_yuan&sort=rent_asc&stale=1&status=archived&page=3';
    const f = parse(qs);
    expect(f).toMatchObject({
      q: '金融',
      streets: ['370202007', '370202003'],
      grade: 'a',
      use: 'office',
      areaMin: 100,
      areaMax: 500,
      rentMin: 3,
      rentMax: 4.5,
      rentUnit: 'yuan_per_sqm_day',
      vacantNow: true,
      tags: ['金融楼宇', '总部楼宇'],
      taxFlag: 'yi_yuan',
      sort: 'rent_asc',
      stale: true,
      status: 'archived',
      page: 3,
    });
    expect(parse(new URLSearchParams(filtersToQuery(f)).toString())).toEqual(f);
  });

  it('ignores what a hand-edited link gets wrong instead of failing', () => {
    const f = parse(
      'grade=z&use=castle&areaMin=-5&rentMax=abc&sort=cheapest&taxFlag=x&page=0&rentUnit=week&status=gone',
    );
    expect(f).toEqual(EMPTY_FILTERS);
  });

  it('sends the rent unit only with a rent bound or a non-default unit', () => {
    expect(filtersToQuery({ ...EMPTY_FILTERS, areaMin: 100 })).toEqual({ areaMin: '100' });
    expect(filtersToQuery({ ...EMPTY_FILTERS, rentMax: 4 })).toEqual({
      rentMax: '4',
      rentUnit: 'yuan_per_sqm_day',
    });
    expect(filtersToQuery({ ...EMPTY_FILTERS, rentUnit: 'yuan_per_sqm_month' })).toEqual({
      rentUnit: 'yuan_per_sqm_month',
    });
  });

  it('keeps the workbench-only flags out of the public search', () => {
    const f = { ...EMPTY_FILTERS, stale: true, status: 'archived' as const, page: 2 };
    expect(apiQuery(f, 12, 'public')).toEqual({ page: 2, pageSize: 12 });
    expect(apiQuery(f, 20, 'manage')).toEqual({ stale: '1', status: 'archived', page: 2, pageSize: 20 });
  });

  it('clears the narrowing filters but keeps the keyword, sort and unit', () => {
    const f = parse('q=海景&grade=a&vacantNow=1&sort=heat&rentUnit=yuan_per_sqm_month&rentMin=90&page=4');
    expect(hasFilters(f)).toBe(true);
    const c = clearFilters(f);
    expect(c).toEqual({ ...EMPTY_FILTERS, q: '海景', sort: 'heat', rentUnit: 'yuan_per_sqm_month' });
    expect(hasFilters(c)).toBe(false);
  });
});

describe('switching the rent unit', () => {
  it('converts the bounds so they mean the same rent', () => {
    const day = { ...EMPTY_FILTERS, rentMin: 3.5, rentMax: 5, page: 3 };
    const month = switchRentUnit(day, 'yuan_per_sqm_month');
    expect(month).toMatchObject({
      rentUnit: 'yuan_per_sqm_month',
      rentMin: 106.46,
      rentMax: 152.08,
      page: 1,
    });
    const back = switchRentUnit(month, 'yuan_per_sqm_day');
    expect(back).toMatchObject({ rentUnit: 'yuan_per_sqm_day', rentMin: 3.5, rentMax: 5 });
  });

  it('leaves empty bounds empty and a same-unit switch untouched', () => {
    const f = { ...EMPTY_FILTERS, rentMax: 4 };
    expect(switchRentUnit(f, 'yuan_per_sqm_day')).toBe(f);
    expect(switchRentUnit(f, 'yuan_per_sqm_month').rentMin).toBeUndefined();
  });
});
