import { describe, expect, it } from 'vitest';
import type {
  AmountEstimate,
  AmountFormula,
  ConditionNode,
  EnterpriseFacts,
  Quantity,
} from '../../../../shared/policy-rules';
import { evaluate, WAN } from './test-support';

/** Every amount kind, with caps, floors and ranges. The condition tree is trivially met so the amount is computed. */

const ALWAYS: ConditionNode = { id: 'root', all: [{ id: 'm', label: '合法合规经营', kind: 'manual' }] };
const amountOf = (amount: AmountFormula, facts: EnterpriseFacts, rewardYear?: number) =>
  evaluate(ALWAYS, facts, { amount, ...(rewardYear ? { rewardYear } : {}) });
const est = (min: number, max: number | null): AmountEstimate => ({ min, max });

const rdIncrement: Quantity = {
  of: 'increment',
  metric: 'rdSpending',
  from: { ref: 'evaluation', offset: -2 },
  to: { ref: 'evaluation', offset: -1 },
};
const rd = (y2024?: number, y2025?: number): EnterpriseFacts => ({
  yearly: {
    ...(y2024 === undefined ? {} : { '2024': { rdSpending: y2024 * WAN } }),
    ...(y2025 === undefined ? {} : { '2025': { rdSpending: y2025 * WAN } }),
  },
});

describe('fixed and rate', () => {
  it('a fixed amount', () => {
    expect(amountOf({ kind: 'fixed', amount: 30 * WAN }, {}).amount).toEqual(est(300_000, 300_000));
  });

  const rate: AmountFormula = { kind: 'rate', percent: 10, base: rdIncrement, cap: 150 * WAN };
  it.each<[string, EnterpriseFacts, AmountEstimate]>([
    ['10% of the increment', rd(1000, 2200), est(120 * WAN, 120 * WAN)],
    ['capped at 150万', rd(1000, 3000), est(150 * WAN, 150 * WAN)],
    ['exactly at the cap', rd(1000, 2500), est(150 * WAN, 150 * WAN)],
    ['a decrease gives 0', rd(1000, 900), est(0, 0)],
    ['unknown R&D → 0..cap', rd(1000), est(0, 150 * WAN)],
    ['nothing known → 0..cap', {}, est(0, 150 * WAN)],
  ])('%s', (_name, facts, expected) => {
    const r = amountOf(rate, facts);
    expect(r.amount).toEqual(expected);
    expect(r.amountMissingFacts.length > 0).toBe(expected.min !== expected.max);
  });

  it('applies a floor, and an uncapped rate over a missing figure has no upper bound', () => {
    const floored: AmountFormula = {
      kind: 'rate',
      percent: 5,
      base: rdIncrement,
      floor: 10 * WAN,
      cap: 100 * WAN,
    };
    expect(amountOf(floored, rd(1000, 1100)).amount).toEqual(est(10 * WAN, 10 * WAN));
    expect(amountOf(floored, rd(1000, 1500)).amount).toEqual(est(25 * WAN, 25 * WAN));
    const uncapped: AmountFormula = {
      kind: 'rate',
      percent: 5,
      base: { of: 'measure', measure: 'loan_interest_paid' },
    };
    const r = amountOf(uncapped, {});
    expect(r.amount).toEqual(est(0, null));
    expect(r.amountMissingFacts).toEqual(['measure.loan_interest_paid']);
  });

  it('rounds to whole 元', () => {
    const r = amountOf(
      { kind: 'rate', percent: 50, base: { of: 'measure', measure: 'loan_interest_paid' } },
      { measures: { loan_interest_paid: 12_345.67 } },
    );
    expect(r.amount).toEqual(est(6_173, 6_173));
  });

  it('explains the computation with the figures', () => {
    const r = amountOf(rate, rd(1000, 2200));
    expect(r.amountExplanation).toBe(
      '按研发投入增量（2025年较2024年）的10%计算，最高150万元。测算：研发投入增量（2025年较2024年） 1,200万元 × 10% = 120万元，预计 120万元',
    );
  });
});

describe('per unit', () => {
  const revenueIncrement: Quantity = { ...rdIncrement, metric: 'revenue' };
  const perUnit: AmountFormula = {
    kind: 'perUnit',
    quantity: revenueIncrement,
    unitSize: 10_000 * WAN,
    amountPerUnit: 5 * WAN,
    cap: 50 * WAN,
  };
  const rev = (a: number, b?: number): EnterpriseFacts => ({
    yearly: { '2024': { revenue: a * WAN }, ...(b === undefined ? {} : { '2025': { revenue: b * WAN } }) },
  });
  it.each<[string, EnterpriseFacts, AmountEstimate]>([
    ['每增加1亿元奖励5万元: 2.5亿 → 2 units', rev(10_000, 35_000), est(10 * WAN, 10 * WAN)],
    ['just under one unit', rev(10_000, 19_999), est(0, 0)],
    ['exactly one unit', rev(10_000, 20_000), est(5 * WAN, 5 * WAN)],
    ['capped at 50万', rev(10_000, 200_000), est(50 * WAN, 50 * WAN)],
    ['unknown → 0..cap', rev(10_000), est(0, 50 * WAN)],
  ])('%s', (_name, facts, expected) => {
    expect(amountOf(perUnit, facts).amount).toEqual(expected);
  });

  it('prorates when asked (rent per ㎡)', () => {
    const rent: AmountFormula = {
      kind: 'perUnit',
      quantity: { of: 'measure', measure: 'rented_area' },
      unitSize: 1,
      amountPerUnit: 30,
      prorate: true,
    };
    expect(amountOf(rent, { measures: { rented_area: 350.5 } }).amount).toEqual(est(10_515, 10_515));
  });
});

describe('tiers', () => {
  const tiers: AmountFormula = {
    kind: 'tiers',
    quantity: { of: 'yearly', metric: 'revenue', year: { ref: 'reward', offset: 0 } },
    tiers: [
      { atLeast: 2000 * WAN, amount: { kind: 'fixed', amount: 10 * WAN } },
      { atLeast: 5000 * WAN, amount: { kind: 'fixed', amount: 15 * WAN } },
      { atLeast: 10_000 * WAN, amount: { kind: 'fixed', amount: 20 * WAN } },
    ],
  };
  const rev = (v?: number): EnterpriseFacts => ({
    yearly: v === undefined ? {} : { '2025': { revenue: v * WAN } },
  });
  it.each<[number | undefined, AmountEstimate]>([
    [1999, est(0, 0)],
    [2000, est(10 * WAN, 10 * WAN)],
    [4999, est(10 * WAN, 10 * WAN)],
    [5000, est(15 * WAN, 15 * WAN)],
    [10_000, est(20 * WAN, 20 * WAN)],
    [undefined, est(0, 20 * WAN)],
  ])('revenue %s万 → %j', (v, expected) => {
    expect(amountOf(tiers, rev(v)).amount).toEqual(expected);
  });
});

describe('by category', () => {
  const bySize: AmountFormula = {
    kind: 'byCategory',
    category: { of: 'sizeClass' },
    cases: [
      { value: 'medium', amount: { kind: 'fixed', amount: 20 * WAN } },
      { value: 'small', amount: { kind: 'fixed', amount: 10 * WAN } },
    ],
    otherwise: { kind: 'fixed', amount: 5 * WAN },
  };
  it.each<[EnterpriseFacts, AmountEstimate]>([
    [{ sizeClass: 'medium' }, est(20 * WAN, 20 * WAN)],
    [{ sizeClass: 'small' }, est(10 * WAN, 10 * WAN)],
    [{ sizeClass: 'micro' }, est(5 * WAN, 5 * WAN)],
    [{}, est(5 * WAN, 20 * WAN)],
  ])('size %j → %j', (facts, expected) => {
    expect(amountOf(bySize, facts).amount).toEqual(expected);
  });

  const highTech: AmountFormula = {
    kind: 'byCategory',
    category: { of: 'recognition', qualification: 'high_tech', year: { ref: 'reward', offset: 0 } },
    cases: [
      { value: 'first', amount: { kind: 'fixed', amount: 30 * WAN } },
      { value: 'renewal', amount: { kind: 'fixed', amount: 15 * WAN } },
    ],
  };
  const ht = (fact?: object): EnterpriseFacts =>
    fact ? { qualifications: { high_tech: { recognized: true, ...fact } } } : {};
  it.each<[string, EnterpriseFacts, AmountEstimate]>([
    [
      '首次认定 30万',
      ht({ recognizedOn: '2025-11-20', firstRecognizedOn: '2025-11-20' }),
      est(30 * WAN, 30 * WAN),
    ],
    [
      '重新认定 15万',
      ht({ recognizedOn: '2025-11-20', firstRecognizedOn: '2019-11-20' }),
      est(15 * WAN, 15 * WAN),
    ],
    ['not recognised in 2025', ht({ recognizedOn: '2023-11-20' }), est(0, 0)],
    [
      'recognised in 2025, first or renewal unknown',
      ht({ recognizedOn: '2025-11-20' }),
      est(15 * WAN, 30 * WAN),
    ],
    ['nothing known', {}, est(0, 30 * WAN)],
  ])('%s', (_name, facts, expected) => {
    expect(amountOf(highTech, facts).amount).toEqual(expected);
  });
});

describe('max, sum, multiplier', () => {
  const flag = (id: string, flag: string): ConditionNode => ({ id, label: id, kind: 'flag', flag });
  it('takes the highest of several (就高不重复)', () => {
    const max: AmountFormula = {
      kind: 'max',
      of: [
        { kind: 'fixed', amount: 20 * WAN },
        { kind: 'rate', percent: 10, base: rdIncrement, cap: 50 * WAN },
      ],
    };
    expect(amountOf(max, rd(1000, 1100)).amount).toEqual(est(20 * WAN, 20 * WAN));
    expect(amountOf(max, rd(1000, 1400)).amount).toEqual(est(40 * WAN, 40 * WAN));
    expect(amountOf(max, {}).amount).toEqual(est(20 * WAN, 50 * WAN));
  });

  it('adds components, each only when its condition holds', () => {
    const sum: AmountFormula = {
      kind: 'sum',
      of: [
        { label: '基础奖励', amount: { kind: 'fixed', amount: 10 * WAN } },
        {
          label: '纳税信用A级加奖',
          when: flag('w1', 'tax_credit_a'),
          amount: { kind: 'fixed', amount: 5 * WAN },
        },
      ],
    };
    expect(amountOf(sum, { flags: { tax_credit_a: true } }).amount).toEqual(est(15 * WAN, 15 * WAN));
    expect(amountOf(sum, { flags: { tax_credit_a: false } }).amount).toEqual(est(10 * WAN, 10 * WAN));
    const unknown = amountOf(sum, {});
    expect(unknown.amount).toEqual(est(10 * WAN, 15 * WAN));
    expect(unknown.amountMissingFacts).toEqual(['flag.tax_credit_a']);
  });

  it('multiplies by a factor for a qualification', () => {
    const mult: AmountFormula = {
      kind: 'multiplier',
      base: { kind: 'fixed', amount: 10 * WAN },
      factor: 1.5,
      when: { id: 'hq', label: '总部企业', kind: 'qualification', qualification: 'headquarters' },
    };
    expect(amountOf(mult, { qualifications: { headquarters: { recognized: true } } }).amount).toEqual(
      est(15 * WAN, 15 * WAN),
    );
    expect(amountOf(mult, { qualifications: { headquarters: { recognized: false } } }).amount).toEqual(
      est(10 * WAN, 10 * WAN),
    );
    expect(amountOf(mult, {}).amount).toEqual(est(10 * WAN, 15 * WAN));
  });
});

describe('monthly, clamp, shared cap', () => {
  const monthly: AmountFormula = {
    kind: 'monthly',
    perMonth: {
      kind: 'perUnit',
      quantity: { of: 'measure', measure: 'talent_count' },
      unitSize: 1,
      amountPerUnit: 2000,
    },
    months: { of: 'measure', measure: 'talent_months' },
    maxMonths: 36,
  };
  it.each<[EnterpriseFacts['measures'], AmountEstimate]>([
    [{ talent_count: 3, talent_months: 12 }, est(72_000, 72_000)],
    [{ talent_count: 3, talent_months: 48 }, est(216_000, 216_000)], // at most 36 months
    [{ talent_count: 3 }, est(0, 216_000)],
    [{ talent_months: 12 }, est(0, null)],
    [{ talent_count: 0 }, est(0, 0)],
  ])('talents × 2000元 × months: %j → %j', (measures, expected) => {
    expect(amountOf(monthly, { measures }).amount).toEqual(expected);
  });

  it('a fixed number of months', () => {
    expect(
      amountOf({ kind: 'monthly', perMonth: { kind: 'fixed', amount: 3000 }, months: 6 }, {}).amount,
    ).toEqual(est(18_000, 18_000));
  });

  it('clamps', () => {
    const clamp: AmountFormula = { kind: 'clamp', amount: monthly, max: 50 * WAN, min: 1 * WAN };
    expect(amountOf(clamp, { measures: { talent_count: 10, talent_months: 36 } }).amount).toEqual(
      est(50 * WAN, 50 * WAN),
    );
    expect(amountOf(clamp, { measures: { talent_months: 12 } }).amount).toEqual(est(1 * WAN, 50 * WAN));
  });

  const shared: AmountFormula = {
    kind: 'sharedCap',
    amount: { kind: 'fixed', amount: 50 * WAN },
    total: 80 * WAN,
    otherPayment: 'city_little_giant',
  };
  it.each<[number | undefined, AmountEstimate]>([
    [0, est(50 * WAN, 50 * WAN)],
    [30 * WAN, est(50 * WAN, 50 * WAN)],
    [50 * WAN, est(30 * WAN, 30 * WAN)],
    [100 * WAN, est(0, 0)],
    [undefined, est(0, 50 * WAN)],
  ])('市区合计不超过80万, the city paid %s → %j', (paid, expected) => {
    const r = amountOf(shared, paid === undefined ? {} : { otherPayments: { city_little_giant: paid } });
    expect(r.amount).toEqual(expected);
    if (paid === undefined) expect(r.amountMissingFacts).toEqual(['otherPayment.city_little_giant']);
  });
});

describe('amounts and eligibility', () => {
  it('gives no amount to an ineligible program, and an estimate to an undetermined one', () => {
    const tree: ConditionNode = {
      id: 'root',
      all: [{ id: 'f', label: '纳税信用A级', kind: 'flag', flag: 'tax_credit_a' }],
    };
    const amount: AmountFormula = { kind: 'fixed', amount: 10 * WAN };
    expect(evaluate(tree, { flags: { tax_credit_a: false } }, { amount }).amount).toBeNull();
    expect(evaluate(tree, {}, { amount }).amount).toEqual(est(10 * WAN, 10 * WAN));
    expect(evaluate(tree, { flags: { tax_credit_a: true } }).amount).toBeNull();
  });
});
