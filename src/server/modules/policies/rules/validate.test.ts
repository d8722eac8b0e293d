import { describe, expect, it } from 'vitest';
import { DEFAULT_FACT_CATALOGUE, ruleSetSchema } from '../../../../shared/policy-rules';
import { PROGRAM_FIXTURES } from './fixtures';
import { MAX_DEPTH, ruleFieldErrors, validateRuleSet } from './validate';

const rev = { of: 'yearly', metric: 'revenue', year: { ref: 'evaluation', offset: -1 } };
const okLeaf = {
  id: 'rev',
  label: '上年度营业收入不低于2000万元',
  kind: 'compare',
  quantity: rev,
  op: '>=',
  value: 20_000_000,
};
const rules = (conditions: unknown, amount?: unknown) => ({
  schemaVersion: 1,
  conditions,
  ...(amount ? { amount } : {}),
});

describe('validateRuleSet', () => {
  it.each(PROGRAM_FIXTURES.map((p) => [p.key, p.rules] as const))('accepts the fixture %s', (_key, r) => {
    const v = validateRuleSet(r);
    expect(v.ok ? [] : v.errors).toEqual([]);
    // and the shared zod schema agrees (the UI validates with it)
    expect(ruleSetSchema.safeParse(r).success).toBe(true);
  });

  it('returns the rules typed and trimmed', () => {
    const v = validateRuleSet(
      rules({ id: 'root', label: ' 条件 ', all: [{ ...okLeaf, label: '  营收  ' }] }),
    );
    expect(v).toEqual({
      ok: true,
      rules: {
        schemaVersion: 1,
        conditions: { id: 'root', label: '条件', all: [{ ...okLeaf, label: '营收' }] },
      },
    });
  });

  it.each<[string, unknown, { path: string; message: RegExp }[]]>([
    ['not an object', 'x', [{ path: '', message: /规则应为对象/ }]],
    [
      'unknown version',
      { ...rules(okLeaf), schemaVersion: 2 },
      [{ path: 'schemaVersion', message: /不支持的规则版本/ }],
    ],
    ['missing conditions', { schemaVersion: 1 }, [{ path: 'conditions', message: /请设置申报条件/ }]],
    ['unknown top-level field', { ...rules(okLeaf), extra: 1 }, [{ path: 'extra', message: /不允许的字段/ }]],
    [
      'bad reward year',
      { ...rules(okLeaf), rewardYear: 1800 },
      [{ path: 'rewardYear', message: /奖励年度/ }],
    ],
    ['empty group', rules({ id: 'root', all: [] }), [{ path: 'conditions.all', message: /条件组不能为空/ }]],
    [
      'empty nested group',
      rules({ id: 'root', all: [okLeaf, { ...okLeaf, id: 'b' }, { id: 'g', any: [{ id: 'h', all: [] }] }] }),
      [{ path: 'conditions.all[2].any[0].all', message: /条件组不能为空/ }],
    ],
    [
      'two connectives in one group',
      rules({ id: 'root', all: [okLeaf], any: [okLeaf] }),
      [{ path: 'conditions', message: /只能是 all/ }],
    ],
    [
      'neither group nor leaf',
      rules({ id: 'root', foo: 1 }),
      [{ path: 'conditions', message: /无法识别的条件/ }],
    ],
    [
      'unknown leaf kind',
      rules({ id: 'root', all: [{ id: 'x', label: 'x', kind: 'magic' }] }),
      [{ path: 'conditions.all[0].kind', message: /未知的条件类型/ }],
    ],
    [
      'duplicate ids',
      rules({ id: 'root', all: [okLeaf, { id: 'g', any: [okLeaf] }] }),
      [{ path: 'conditions.all[1].any[0].id', message: /与 conditions.all\[0\] 重复/ }],
    ],
    ['bad id', rules({ id: 'root!', all: [okLeaf] }), [{ path: 'conditions.id', message: /编号/ }]],
    [
      'missing label',
      rules({ id: 'root', all: [{ ...okLeaf, label: '' }] }),
      [{ path: 'conditions.all[0].label', message: /白话说明/ }],
    ],
    [
      'value of the wrong type',
      rules({ id: 'root', all: [{ ...okLeaf, value: '2000万' }] }),
      [{ path: 'conditions.all[0].value', message: /比较值应为数字/ }],
    ],
    [
      'unknown operator',
      rules({ id: 'root', all: [{ ...okLeaf, op: '=>' }] }),
      [{ path: 'conditions.all[0].op', message: /.+/ }],
    ],
    [
      'unknown field in a leaf',
      rules({ id: 'root', all: [{ ...okLeaf, unit: '万元' }] }),
      [{ path: 'conditions.all[0].unit', message: /不允许的字段/ }],
    ],
    [
      'unknown metric',
      rules({ id: 'root', all: [{ ...okLeaf, quantity: { ...rev, metric: 'profit' } }] }),
      [{ path: 'conditions.all[0].quantity.metric', message: /.+/ }],
    ],
    [
      'unknown quantity',
      rules({ id: 'root', all: [{ ...okLeaf, quantity: { of: 'profit' } }] }),
      [{ path: 'conditions.all[0].quantity.of', message: /取值无效/ }],
    ],
    [
      'future relative year',
      rules({
        id: 'root',
        all: [{ ...okLeaf, quantity: { ...rev, year: { ref: 'evaluation', offset: 1 } } }],
      }),
      [{ path: 'conditions.all[0].quantity.year.offset', message: /.+/ }],
    ],
    [
      'absurd absolute year',
      rules({
        id: 'root',
        all: [{ ...okLeaf, quantity: { ...rev, year: { ref: 'absolute', year: 1850 } } }],
      }),
      [{ path: 'conditions.all[0].quantity.year.year', message: /.+/ }],
    ],
    [
      'growth from a later year',
      rules({
        id: 'root',
        all: [
          {
            ...okLeaf,
            quantity: {
              of: 'growth',
              metric: 'rdSpending',
              from: { ref: 'evaluation', offset: -1 },
              to: { ref: 'evaluation', offset: -2 },
            },
            value: 10,
          },
        ],
      }),
      [{ path: 'conditions.all[0].quantity.from', message: /起始年度应早于结束年度/ }],
    ],
    [
      'negative threshold on a figure',
      rules({ id: 'root', all: [{ ...okLeaf, value: -1 }] }),
      [{ path: 'conditions.all[0].value', message: /不能为负数/ }],
    ],
    [
      'fractional head count',
      rules({
        id: 'root',
        all: [{ ...okLeaf, quantity: { of: 'profile', field: 'employees' }, value: 10.5 }],
      }),
      [{ path: 'conditions.all[0].value', message: /整数/ }],
    ],
    [
      'unknown industry code',
      rules({
        id: 'root',
        all: [{ id: 'i', label: '行业', kind: 'membership', field: 'industryCode', values: ['65', '99'] }],
      }),
      [{ path: 'conditions.all[0].values[1]', message: /GB\/T 4754-2017/ }],
    ],
    [
      'unknown size class',
      rules({
        id: 'root',
        all: [{ id: 'i', label: '规模', kind: 'membership', field: 'sizeClass', values: ['tiny'] }],
      }),
      [{ path: 'conditions.all[0].values[0]', message: /企业规模/ }],
    ],
    [
      'unknown qualification',
      rules({
        id: 'root',
        all: [{ id: 'q', label: '资质', kind: 'qualification', qualification: 'unicorn_plus' }],
      }),
      [{ path: 'conditions.all[0].qualification', message: /未知的资质/ }],
    ],
    [
      'first recognition without a year',
      rules({
        id: 'root',
        all: [
          { id: 'q', label: '资质', kind: 'qualification', qualification: 'high_tech', recognition: 'first' },
        ],
      }),
      [{ path: 'conditions.all[0].recognition', message: /认定年度/ }],
    ],
    [
      'unknown flag',
      rules({ id: 'root', all: [{ id: 'f', label: '事项', kind: 'flag', flag: 'is_nice' }] }),
      [{ path: 'conditions.all[0].flag', message: /未知的事项/ }],
    ],
    [
      'age without a duration',
      rules({
        id: 'root',
        all: [
          {
            id: 'd',
            label: '成立',
            kind: 'date',
            subject: { of: 'established' },
            test: { op: 'ageAtLeast' },
          },
        ],
      }),
      [{ path: 'conditions.all[0].test', message: /年限/ }],
    ],
    [
      'date that does not exist',
      rules({
        id: 'root',
        all: [
          {
            id: 'd',
            label: '成立',
            kind: 'date',
            subject: { of: 'established' },
            test: { op: 'onOrBefore', date: '2025-02-29' },
          },
        ],
      }),
      [{ path: 'conditions.all[0].test.date', message: /日期不存在/ }],
    ],
    [
      'manual under not',
      rules({ id: 'root', all: [okLeaf, { id: 'n', not: { id: 'm', label: '合法合规', kind: 'manual' } }] }),
      [{ path: 'conditions.all[1].not', message: /人工审核条件不能放在/ }],
    ],
    // amounts
    [
      'unknown amount kind',
      rules(okLeaf, { kind: 'bonus' }),
      [{ path: 'amount.kind', message: /未知的金额公式/ }],
    ],
    [
      'fractional yuan',
      rules(okLeaf, { kind: 'fixed', amount: 100.5 }),
      [{ path: 'amount.amount', message: /整数/ }],
    ],
    [
      'negative amount',
      rules(okLeaf, { kind: 'fixed', amount: -1 }),
      [{ path: 'amount.amount', message: /负数/ }],
    ],
    [
      'floor above cap',
      rules(okLeaf, { kind: 'rate', percent: 10, base: rev, floor: 200, cap: 100 }),
      [{ path: 'amount.floor', message: /下限不能高于上限/ }],
    ],
    [
      'rate above 100%',
      rules(okLeaf, { kind: 'rate', percent: 120, base: rev }),
      [{ path: 'amount.percent', message: /100%/ }],
    ],
    [
      'tiers out of order',
      rules(okLeaf, {
        kind: 'tiers',
        quantity: rev,
        tiers: [
          { atLeast: 100, amount: { kind: 'fixed', amount: 1 } },
          { atLeast: 50, amount: { kind: 'fixed', amount: 2 } },
        ],
      }),
      [{ path: 'amount.tiers[1].atLeast', message: /从低到高/ }],
    ],
    [
      'bad nested amount',
      rules(okLeaf, {
        kind: 'max',
        of: [
          { kind: 'fixed', amount: 1 },
          { kind: 'sum', of: [{ amount: { kind: 'fixed' } }] },
        ],
      }),
      [{ path: 'amount.of[1].of[0].amount.amount', message: /.+/ }],
    ],
    [
      'condition inside an amount checked too, ids shared',
      rules(okLeaf, { kind: 'sum', of: [{ when: { ...okLeaf }, amount: { kind: 'fixed', amount: 1 } }] }),
      [{ path: 'amount.of[0].when.id', message: /重复/ }],
    ],
    [
      'unknown category value',
      rules(okLeaf, {
        kind: 'byCategory',
        category: { of: 'recognition', qualification: 'high_tech', year: { ref: 'reward', offset: 0 } },
        cases: [{ value: 'second', amount: { kind: 'fixed', amount: 1 } }],
      }),
      [{ path: 'amount.cases[0].value', message: /认定类型/ }],
    ],
    [
      'unknown other-level payment',
      rules(okLeaf, {
        kind: 'sharedCap',
        amount: { kind: 'fixed', amount: 1 },
        total: 10,
        otherPayment: 'province',
      }),
      [{ path: 'amount.otherPayment', message: /他级拨付/ }],
    ],
  ])('%s', (_name, input, expected) => {
    const v = validateRuleSet(input);
    expect(v.ok).toBe(false);
    if (v.ok) return;
    for (const e of expected) {
      expect(v.errors, JSON.stringify(v.errors)).toContainEqual({
        path: e.path,
        message: expect.stringMatching(e.message),
      });
    }
  });

  it('reports several errors at once, each with its path', () => {
    const v = validateRuleSet(
      rules({
        id: 'root',
        all: [
          { ...okLeaf, value: 'x' },
          { id: 'f', label: '事项', kind: 'flag', flag: 'nope' },
          { id: 'g', any: [] },
        ],
      }),
    );
    expect(v.ok).toBe(false);
    if (!v.ok) {
      expect(v.errors.map((e) => e.path)).toEqual([
        'conditions.all[0].value',
        'conditions.all[1].flag',
        'conditions.all[2].any',
      ]);
    }
  });

  it('limits the depth', () => {
    let node: unknown = okLeaf;
    for (let i = 0; i < MAX_DEPTH + 1; i++) node = { id: `g${i}`, all: [node] };
    const v = validateRuleSet(rules(node));
    expect(v.ok).toBe(false);
    if (!v.ok) expect(v.errors[0]?.message).toMatch(/层级过深/);
  });

  it('checks streets only when the catalogue lists them', () => {
    const street = rules({
      id: 's',
      label: '街道',
      kind: 'membership',
      field: 'streetCode',
      values: ['370202099'],
    });
    expect(validateRuleSet(street).ok).toBe(true);
    const v = validateRuleSet(street, {
      ...DEFAULT_FACT_CATALOGUE,
      streets: [{ code: '370202001', name: '八大峡街道' }],
    });
    expect(v.ok ? [] : v.errors).toEqual([
      { path: 'conditions.values[0]', message: '街道“370202099”不在本区街道列表中' },
    ]);
  });

  it('turns errors into the API field errors', () => {
    expect(ruleFieldErrors([{ path: 'conditions.all[0].value', message: '比较值应为数字' }])).toEqual([
      { field: 'rules.conditions.all[0].value', code: 'VALIDATION_FAILED', message: '比较值应为数字' },
    ]);
  });
});
