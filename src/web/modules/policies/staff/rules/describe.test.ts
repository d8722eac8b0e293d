import { describe, expect, it } from 'vitest';
import * as engine from '../../../../../server/modules/policies/rules/explain';
import { indexCatalogue } from '../../../../../server/modules/policies/rules/facts';
import { PROGRAM_FIXTURES } from '../../../../../server/modules/policies/rules/fixtures';
import { type ConditionNode, DEFAULT_FACT_CATALOGUE } from '../../../../../shared/policy-rules';
import { describeCondition, describeFormula, nameIndex } from './describe';
import { childrenOf } from './rule-tree';

function allNodes(n: ConditionNode): ConditionNode[] {
  return [n, ...childrenOf(n).flatMap(allNodes)];
}

const catalogue = {
  ...DEFAULT_FACT_CATALOGUE,
  streets: [{ code: 'badaxia', name: '八大峡街道' }],
};

describe('the editor speaks like the rules engine', () => {
  const web = nameIndex(catalogue);
  const server = indexCatalogue(catalogue);

  it.each(PROGRAM_FIXTURES.map((p) => [p.title, p] as const))(
    '%s: every condition and the amount',
    (_, p) => {
      for (const node of allNodes(p.rules.conditions)) {
        expect(describeCondition(node, web)).toBe(engine.describeCondition(node, server));
      }
      if (p.rules.amount)
        expect(describeFormula(p.rules.amount, web)).toBe(engine.describeFormula(p.rules.amount, server));
    },
  );

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
  ])('suggests a label: %j', (node, expected) => {
    expect(describeCondition(node, web)).toBe(expected);
    expect(engine.describeCondition(node, server)).toBe(expected);
  });
});
