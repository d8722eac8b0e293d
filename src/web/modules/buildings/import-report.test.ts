import { describe, expect, it } from 'vitest';
import type { ImportRow } from '../../../shared/buildings-api';
import { importRowClass, importRowsShown, issuesByColumn, rowCells } from './import-report';

const row = (over: Partial<ImportRow>): ImportRow => ({
  sheet: 'spaces',
  row: 2,
  status: 'ok',
  action: 'create',
  label: '浮山湾金融中心 12层 1201',
  issues: [],
  ...over,
});

describe('import preview', () => {
  const ok = row({ row: 2 });
  const warn = row({
    row: 3,
    status: 'warning',
    issues: [{ column: '面积', level: 'warning', message: '面积为区间，取下限' }],
  });
  const err = row({
    row: 4,
    status: 'error',
    issues: [{ column: '租金', level: 'error', message: '租金缺少单位' }],
  });
  const dup = row({
    row: 5,
    duplicates: [{ id: 'b1', label: '浮山湾金融中心', score: 0.9, reasons: ['名称相同'] }],
  });

  it('shows all rows, or only the ones with something to look at', () => {
    expect(importRowsShown([ok, warn, err, dup], false)).toHaveLength(4);
    expect(importRowsShown([ok, warn, err, dup], true).map((r) => r.row)).toEqual([3, 4, 5]);
  });

  it('colours rows by status', () => {
    expect(importRowClass(err)).toBe('qifu-bld-row-error');
    expect(importRowClass(warn)).toBe('qifu-bld-row-warning');
    expect(importRowClass(ok)).toBe('');
  });

  it('puts each column’s normalised value, raw value and messages together', () => {
    const r = {
      ...row({
        status: 'error',
        values: { 面积: '1200 ㎡', 租金: '3.5 元/㎡·天（折合 106.46 元/㎡·月）' },
        issues: [
          { column: '面积', level: 'warning', message: '约数' },
          { column: '楼层', level: 'error', message: '楼层不能为 0' },
          { column: null, level: 'info', message: '将合并到已有楼宇' },
        ],
      }),
      raw: { 面积: '约1,200平米', 楼层: '0' },
    };
    const cells = rowCells(r);
    expect(cells.map((c) => c.column)).toEqual(['面积', '租金', '楼层']);
    expect(cells[0]).toMatchObject({ raw: '约1,200平米', normalized: '1200 ㎡' });
    expect(cells[0]!.issues.map((i) => i.message)).toEqual(['约数']);
    expect(cells[2]).toMatchObject({ raw: '0', normalized: undefined });
    expect(
      issuesByColumn(r)
        .get(null)
        ?.map((i) => i.message),
    ).toEqual(['将合并到已有楼宇']);
  });
});
