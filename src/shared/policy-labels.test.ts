import { describe, expect, it } from 'vitest';
import { describeCondition, describeFormula, nameIndex } from './policy-labels';
import { type AmountFormula, type ConditionNode, DEFAULT_FACT_CATALOGUE } from './policy-rules';

const names = nameIndex({
  ...DEFAULT_FACT_CATALOGUE,
  streets: [{ code: 'badaxia', name: '八大峡街道' }],
});

describe('plain-language wording of rules', () => {
  it.each<[ConditionNode, string]>([
    [
      {
        id: 'x',
        label: '',
        kind: 'compare',
        quantity: { of: 'yearly', metric: 'revenue', year: { ref: 'evaluation', offset: -1 } },
        op: '>=',
        value: 20_000_000,
      },
      '上年度营业收入不低于2,000万元',
    ],
    [
      {
        id: 'x',
        label: '',
        kind: 'compare',
        quantity: {
          of: 'growth',
          metric: 'rdSpending',
          from: { ref: 'evaluation', offset: -2 },
          to: { ref: 'evaluation', offset: -1 },
        },
        op: '>=',
        value: 10,
      },
      '研发投入增长率（上年度较前年度）不低于10%',
    ],
    [
      {
        id: 'x',
        label: '',
        kind: 'date',
        subject: { of: 'established' },
        test: { op: 'ageAtLeast', years: 1 },
      },
      '成立满1年',
    ],
    [
      { id: 'x', label: '', kind: 'membership', field: 'streetCode', values: ['badaxia'] },
      '所属街道为八大峡街道',
    ],
    [{ id: 'x', label: '', kind: 'flag', flag: 'tax_credit_a', value: false }, '非“纳税信用等级为A级”'],
  ])('describes a condition: %j', (node, expected) => {
    expect(describeCondition(node, names)).toBe(expected);
  });

  it('describes an amount rule', () => {
    const formula: AmountFormula = {
      kind: 'rate',
      percent: 10,
      cap: 1_500_000,
      base: {
        of: 'increment',
        metric: 'rdSpending',
        from: { ref: 'evaluation', offset: -2 },
        to: { ref: 'evaluation', offset: -1 },
      },
    };
    expect(describeFormula(formula, names)).toBe('按研发投入增量（上年度较前年度）的10%计算，最高150万元');
  });
});
