import { describe, expect, it } from 'vitest';
import type { FieldError } from '../../shared/errors';
import { placeFieldErrors, toNamePath } from './form-errors';

const err = (field: string, message: string): FieldError => ({ field, code: 'VALIDATION_FAILED', message });

describe('toNamePath', () => {
  it('turns dotted API paths into antd name paths with numeric list indexes', () => {
    expect(toNamePath('phone')).toEqual(['phone']);
    expect(toNamePath('holidays.3.date')).toEqual(['holidays', 3, 'date']);
    expect(toNamePath('yearly.2025.revenue')).toEqual(['yearly', 2025, 'revenue']);
  });
});

describe('placeFieldErrors', () => {
  const form = [['phone'], ['smsCode'], ['holidays', 0, 'range'], ['holidays', 0, 'name']];

  it('puts each message beside its field and groups several messages on one field', () => {
    const r = placeFieldErrors(
      [err('phone', '该手机号已注册'), err('smsCode', '验证码错误'), err('phone', '第二条')],
      form,
    );
    expect(r.placed).toEqual([
      { name: ['phone'], errors: ['该手机号已注册', '第二条'] },
      { name: ['smsCode'], errors: ['验证码错误'] },
    ]);
    expect(r.unplaced).toEqual([]);
  });

  it('returns the messages of fields the form does not show, so the page can show them', () => {
    const r = placeFieldErrors([err('(body)', '不允许的字段：x'), err('phone', '手机号有误')], form);
    expect(r.placed).toEqual([{ name: ['phone'], errors: ['手机号有误'] }]);
    expect(r.unplaced).toEqual(['不允许的字段：x']);
  });

  it('lets the page translate API paths into its own fields', () => {
    const r = placeFieldErrors([err('holidays.5.date', '日期无效')], form, () => ['holidays', 0, 'range']);
    expect(r.placed).toEqual([{ name: ['holidays', 0, 'range'], errors: ['日期无效'] }]);
  });
});
