import { describe, expect, it } from 'vitest';
import type {
  CompareOp,
  ConditionNode,
  ConditionStatus,
  EnterpriseFacts,
  LeafCondition,
  QualificationFact,
  Quantity,
} from '../../../../shared/policy-rules';
import { evaluationDate } from './facts';
import { AS_OF, evaluate, statusOf, WAN } from './test-support';

/** Every leaf kind, table-driven, at its boundaries. Default evaluation date 2026-03-15, reward year 2025. */

const compare = (quantity: Quantity, op: CompareOp, value: number): LeafCondition => ({
  id: 'c',
  label: '比较',
  kind: 'compare',
  quantity,
  op,
  value,
});
const revenue2025: Quantity = { of: 'yearly', metric: 'revenue', year: { ref: 'evaluation', offset: -1 } };

describe('compare', () => {
  const facts: EnterpriseFacts = { yearly: { '2025': { revenue: 2000 * WAN } } };
  it.each<[CompareOp, number, ConditionStatus]>([
    ['>=', 2000 * WAN, 'met'],
    ['>=', 2000 * WAN + 1, 'unmet'],
    ['>', 2000 * WAN, 'unmet'],
    ['>', 2000 * WAN - 1, 'met'],
    ['<=', 2000 * WAN, 'met'],
    ['<=', 2000 * WAN - 1, 'unmet'],
    ['<', 2000 * WAN, 'unmet'],
    ['<', 2000 * WAN + 1, 'met'],
    ['==', 2000 * WAN, 'met'],
    ['==', 1999 * WAN, 'unmet'],
    ['!=', 2000 * WAN, 'unmet'],
    ['!=', 1999 * WAN, 'met'],
  ])('revenue 2000万 %s %d → %s', (op, value, expected) => {
    expect(statusOf(compare(revenue2025, op, value), facts)).toBe(expected);
  });

  it.each<[CompareOp, ConditionStatus]>([
    ['>=', 'unknown'],
    ['>', 'unknown'],
    ['<=', 'unknown'],
    ['<', 'unknown'],
    ['==', 'unknown'],
    ['!=', 'unknown'],
  ])('a missing figure is unknown for %s, never 0', (op, expected) => {
    expect(statusOf(compare(revenue2025, op, 0), {})).toBe(
      op === '>=' ? 'met' : op === '<' ? 'unmet' : expected,
    );
    expect(statusOf(compare(revenue2025, op, 500 * WAN), { yearly: { '2024': { revenue: 1 } } })).toBe(
      expected,
    );
  });

  it('says the actual value and the threshold in the reason', () => {
    const r = evaluate(compare(revenue2025, '>=', 2000 * WAN), {
      yearly: { '2025': { revenue: 1850 * WAN } },
    });
    expect(r.conditions.reason).toBe('2025年营业收入 1,850万元，低于 2,000万元');
    const missing = evaluate(compare(revenue2025, '>=', 2000 * WAN), {});
    expect(missing.conditions.reason).toBe('缺少2025年营业收入，暂无法判断');
    expect(missing.missingFacts).toEqual(['yearly.2025.revenue']);
  });

  it.each<[Quantity, EnterpriseFacts, CompareOp, number, ConditionStatus]>([
    [{ of: 'profile', field: 'employees' }, { employees: 50 }, '>=', 50, 'met'],
    [{ of: 'profile', field: 'insuredEmployees' }, { insuredEmployees: 9 }, '>=', 10, 'unmet'],
    [
      { of: 'profile', field: 'registeredCapital' },
      { registeredCapital: 100 * WAN },
      '<',
      100 * WAN,
      'unmet',
    ],
    [{ of: 'profile', field: 'employees' }, {}, '<=', 300, 'unknown'],
    // a named year and the year before last
    [
      { of: 'yearly', metric: 'taxPaid', year: { ref: 'absolute', year: 2023 } },
      { yearly: { '2023': { taxPaid: 5 } } },
      '>',
      4,
      'met',
    ],
    [
      { of: 'yearly', metric: 'exports', year: { ref: 'evaluation', offset: -2 } },
      { yearly: { '2024': { exports: 0 } } },
      '>',
      0,
      'unmet',
    ],
    // increments may be negative
    [
      {
        of: 'increment',
        metric: 'revenue',
        from: { ref: 'evaluation', offset: -2 },
        to: { ref: 'evaluation', offset: -1 },
      },
      { yearly: { '2024': { revenue: 1000 * WAN }, '2025': { revenue: 1500 * WAN } } },
      '>=',
      500 * WAN,
      'met',
    ],
    [
      {
        of: 'increment',
        metric: 'revenue',
        from: { ref: 'evaluation', offset: -2 },
        to: { ref: 'evaluation', offset: -1 },
      },
      { yearly: { '2024': { revenue: 1000 * WAN }, '2025': { revenue: 900 * WAN } } },
      '<',
      0,
      'met',
    ],
    // the later figure alone cannot decide an increment of 500万 … unless it is below 500万 itself
    [
      {
        of: 'increment',
        metric: 'revenue',
        from: { ref: 'evaluation', offset: -2 },
        to: { ref: 'evaluation', offset: -1 },
      },
      { yearly: { '2025': { revenue: 1500 * WAN } } },
      '>=',
      500 * WAN,
      'unknown',
    ],
    [
      {
        of: 'increment',
        metric: 'revenue',
        from: { ref: 'evaluation', offset: -2 },
        to: { ref: 'evaluation', offset: -1 },
      },
      { yearly: { '2025': { revenue: 400 * WAN } } },
      '>=',
      500 * WAN,
      'unmet',
    ],
    // growth in percent
    [
      {
        of: 'growth',
        metric: 'rdSpending',
        from: { ref: 'evaluation', offset: -2 },
        to: { ref: 'evaluation', offset: -1 },
      },
      { yearly: { '2024': { rdSpending: 1000 * WAN }, '2025': { rdSpending: 1100 * WAN } } },
      '>=',
      10,
      'met',
    ],
    [
      {
        of: 'growth',
        metric: 'rdSpending',
        from: { ref: 'evaluation', offset: -2 },
        to: { ref: 'evaluation', offset: -1 },
      },
      { yearly: { '2024': { rdSpending: 1000 * WAN }, '2025': { rdSpending: 1099 * WAN } } },
      '>=',
      10,
      'unmet',
    ],
    [
      {
        of: 'growth',
        metric: 'rdSpending',
        from: { ref: 'evaluation', offset: -2 },
        to: { ref: 'evaluation', offset: -1 },
      },
      { yearly: { '2024': { rdSpending: 0 }, '2025': { rdSpending: 1 } } },
      '>=',
      10,
      'met',
    ],
    [
      {
        of: 'growth',
        metric: 'rdSpending',
        from: { ref: 'evaluation', offset: -2 },
        to: { ref: 'evaluation', offset: -1 },
      },
      { yearly: { '2024': { rdSpending: 0 }, '2025': { rdSpending: 0 } } },
      '>=',
      10,
      'unmet',
    ],
    [
      {
        of: 'growth',
        metric: 'rdSpending',
        from: { ref: 'evaluation', offset: -2 },
        to: { ref: 'evaluation', offset: -1 },
      },
      { yearly: { '2024': { rdSpending: 500 } } },
      '>=',
      10,
      'unknown',
    ],
    // IP: a sum of kinds; the known kinds alone may already decide it
    [{ of: 'ip', kinds: ['invention'] }, { ip: { invention: 5 } }, '>=', 5, 'met'],
    [
      { of: 'ip', kinds: ['invention', 'utility_model'] },
      { ip: { invention: 12, utility_model: 8 } },
      '>=',
      20,
      'met',
    ],
    [
      { of: 'ip', kinds: ['invention', 'utility_model'] },
      { ip: { invention: 12, utility_model: 7 } },
      '>=',
      20,
      'unmet',
    ],
    [{ of: 'ip', kinds: ['invention', 'utility_model'] }, { ip: { invention: 21 } }, '>=', 20, 'met'],
    [{ of: 'ip', kinds: ['invention', 'utility_model'] }, { ip: { invention: 12 } }, '>=', 20, 'unknown'],
    [{ of: 'ip', kinds: ['invention', 'utility_model'] }, { ip: { invention: 12 } }, '<=', 10, 'unmet'],
    [{ of: 'measure', measure: 'rented_area' }, { measures: { rented_area: 100 } }, '>=', 100, 'met'],
    [{ of: 'measure', measure: 'rented_area' }, {}, '>=', 100, 'unknown'],
  ])('%j with %j %s %d → %s', (quantity, facts, op, value, expected) => {
    expect(statusOf(compare(quantity, op, value), facts)).toBe(expected);
  });

  it('resolves reward-relative years from the rule set, else from the caller', () => {
    const leaf = compare({ of: 'yearly', metric: 'revenue', year: { ref: 'reward', offset: 0 } }, '>=', 10);
    const facts = { yearly: { '2023': { revenue: 100 }, '2025': { revenue: 1 } } };
    expect(evaluate(leaf, facts).conditions.status).toBe('unmet');
    expect(evaluate(leaf, facts, { rewardYear: 2023 }).conditions.status).toBe('met');
    expect(evaluate(leaf, facts, { ruleRewardYear: 2023 }).conditions.status).toBe('met');
    expect(evaluate(leaf, facts, { ruleRewardYear: 2023, rewardYear: 2025 }).conditions.status).toBe('met');
  });
});

describe('membership', () => {
  const industry = (values: string[]): LeafCondition => ({
    id: 'm',
    label: '行业',
    kind: 'membership',
    field: 'industryCode',
    values,
  });
  it.each<[string[], EnterpriseFacts, ConditionStatus]>([
    [['65'], { industryCode: '6511' }, 'met'],
    [['651'], { industryCode: '6511' }, 'met'],
    [['6512'], { industryCode: '6511' }, 'unmet'],
    [['65'], { industryCode: '64' }, 'unmet'],
    [['C'], { industryCode: '3911' }, 'met'],
    [['C'], { industryCode: '6511' }, 'unmet'],
    [['C', '65'], { industryCode: '6511' }, 'met'],
    [['65'], {}, 'unknown'],
  ])('industry %j with %j → %s', (values, facts, expected) => {
    expect(statusOf(industry(values), facts)).toBe(expected);
  });

  it.each<[LeafCondition, EnterpriseFacts, ConditionStatus]>([
    [
      { id: 's', label: '街道', kind: 'membership', field: 'streetCode', values: ['370202007'] },
      { streetCode: '370202007' },
      'met',
    ],
    [
      { id: 's', label: '街道', kind: 'membership', field: 'streetCode', values: ['370202007'] },
      { streetCode: '370202001' },
      'unmet',
    ],
    [
      { id: 'z', label: '规模', kind: 'membership', field: 'sizeClass', values: ['small', 'micro'] },
      { sizeClass: 'micro' },
      'met',
    ],
    [
      { id: 'z', label: '规模', kind: 'membership', field: 'sizeClass', values: ['small', 'micro'] },
      { sizeClass: 'medium' },
      'unmet',
    ],
    [
      { id: 'z', label: '规模', kind: 'membership', field: 'sizeClass', values: ['small', 'micro'] },
      {},
      'unknown',
    ],
  ])('%j with %j → %s', (leaf, facts, expected) => {
    expect(statusOf(leaf, facts)).toBe(expected);
  });
});

describe('dates', () => {
  const established = (test: Extract<LeafCondition, { kind: 'date' }>['test']): LeafCondition => ({
    id: 'd',
    label: '成立',
    kind: 'date',
    subject: { of: 'established' },
    test,
  });
  const oneYear = established({ op: 'ageAtLeast', years: 1 });

  it.each<[string, string, ConditionStatus]>([
    ['2025-03-15', '2026-03-15', 'met'], // exactly one year ago
    ['2025-03-16', '2026-03-15', 'unmet'], // one day short
    ['2024-02-29', '2025-02-28', 'met'], // leap day + 1 year = 28 February
    ['2024-02-29', '2025-02-27', 'unmet'],
    ['2024-02-29', '2025-03-01', 'met'],
  ])('established %s, evaluated %s: 成立满1年 → %s', (on, asOf, expected) => {
    expect(statusOf(oneYear, { establishedOn: on }, asOf)).toBe(expected);
  });

  it('uses the Shanghai calendar date of the evaluation instant', () => {
    const facts = { establishedOn: '2025-03-15' };
    expect(statusOf(oneYear, facts, evaluationDate(new Date('2026-03-14T15:59:59Z')))).toBe('unmet');
    expect(statusOf(oneYear, facts, evaluationDate(new Date('2026-03-14T16:00:00Z')))).toBe('met');
  });

  it.each<[LeafCondition, EnterpriseFacts, ConditionStatus]>([
    [established({ op: 'ageLessThan', years: 3 }), { establishedOn: '2023-03-16' }, 'met'],
    [established({ op: 'ageLessThan', years: 3 }), { establishedOn: '2023-03-15' }, 'unmet'],
    [established({ op: 'ageAtLeast', months: 6 }), { establishedOn: '2025-09-15' }, 'met'],
    [established({ op: 'ageAtLeast', months: 6 }), { establishedOn: '2025-09-16' }, 'unmet'],
    [established({ op: 'ageAtLeast', years: 1, months: 6 }), { establishedOn: '2024-09-15' }, 'met'],
    [established({ op: 'ageAtLeast', days: 30 }), { establishedOn: '2026-02-13' }, 'met'],
    [established({ op: 'ageAtLeast', days: 30 }), { establishedOn: '2026-02-14' }, 'unmet'],
    [established({ op: 'onOrBefore', date: '2024-12-31' }), { establishedOn: '2024-12-31' }, 'met'],
    [established({ op: 'onOrBefore', date: '2024-12-31' }), { establishedOn: '2025-01-01' }, 'unmet'],
    [established({ op: 'onOrAfter', date: '2025-01-01' }), { establishedOn: '2025-01-01' }, 'met'],
    [established({ op: 'onOrAfter', date: '2025-01-01' }), { establishedOn: '2024-12-31' }, 'unmet'],
    [
      established({ op: 'inYear', year: { ref: 'reward', offset: 0 } }),
      { establishedOn: '2025-12-31' },
      'met',
    ],
    [
      established({ op: 'inYear', year: { ref: 'reward', offset: 0 } }),
      { establishedOn: '2026-01-01' },
      'unmet',
    ],
    [established({ op: 'ageAtLeast', years: 1 }), {}, 'unknown'],
  ])('%j with %j → %s', (leaf, facts, expected) => {
    expect(statusOf(leaf, facts)).toBe(expected);
  });

  it('reads event dates from the catalogue', () => {
    const leaf: LeafCondition = {
      id: 'e',
      label: '落户满1年',
      kind: 'date',
      subject: { of: 'event', event: 'settled' },
      test: { op: 'ageAtLeast', years: 1 },
    };
    expect(statusOf(leaf, { events: { settled: '2025-03-15' } })).toBe('met');
    const r = evaluate(leaf, { establishedOn: '2000-01-01' });
    expect(r.conditions.status).toBe('unknown');
    expect(r.missingFacts).toEqual(['event.settled']);
  });

  it('counts the days still missing', () => {
    const r = evaluate({ ...oneYear, label: '成立满1年' }, { establishedOn: '2025-04-29' });
    expect(r.status).toBe('ineligible');
    expect(r.gaps).toEqual([
      expect.objectContaining({
        conditionId: 'd',
        message: '成立满1年还差 45 天（2026-04-29 满）',
        shortfall: 45,
        unit: 'day',
        fixable: true,
      }),
    ]);
  });
});

describe('qualifications', () => {
  const q = (extra: Partial<Extract<LeafCondition, { kind: 'qualification' }>> = {}): LeafCondition => ({
    id: 'q',
    label: '高新技术企业',
    kind: 'qualification',
    qualification: 'high_tech',
    ...extra,
  });
  const held = (fact: QualificationFact): EnterpriseFacts => ({ qualifications: { high_tech: fact } });
  const reward = { ref: 'reward', offset: 0 } as const;

  it.each<[string, LeafCondition, EnterpriseFacts, ConditionStatus]>([
    ['unknown', q(), {}, 'unknown'],
    ['never recognised', q(), held({ recognized: false }), 'unmet'],
    ['recognised, no dates', q(), held({ recognized: true }), 'met'],
    [
      'valid: expiry unknown',
      q({ validAtEvaluation: true }),
      held({ recognized: true, recognizedOn: '2024-01-01' }),
      'unknown',
    ],
    ['valid: no expiry', q({ validAtEvaluation: true }), held({ recognized: true, expiresOn: null }), 'met'],
    [
      'valid: expires today',
      q({ validAtEvaluation: true }),
      held({ recognized: true, expiresOn: AS_OF }),
      'met',
    ],
    [
      'valid: expired yesterday',
      q({ validAtEvaluation: true }),
      held({ recognized: true, expiresOn: '2026-03-14' }),
      'unmet',
    ],
    [
      'held 3y: first exactly 3 years ago',
      q({ minYearsHeld: 3 }),
      held({ recognized: true, firstRecognizedOn: '2023-03-15' }),
      'met',
    ],
    [
      'held 3y: one day short',
      q({ minYearsHeld: 3 }),
      held({ recognized: true, firstRecognizedOn: '2023-03-16' }),
      'unmet',
    ],
    [
      'held 3y: latest already old enough',
      q({ minYearsHeld: 3 }),
      held({ recognized: true, recognizedOn: '2022-01-01' }),
      'met',
    ],
    [
      'held 3y: only a recent latest',
      q({ minYearsHeld: 3 }),
      held({ recognized: true, recognizedOn: '2025-01-01' }),
      'unknown',
    ],
    [
      '新认定 in reward year',
      q({ recognizedIn: reward }),
      held({ recognized: true, recognizedOn: '2025-11-20' }),
      'met',
    ],
    [
      'latest before the reward year',
      q({ recognizedIn: reward }),
      held({ recognized: true, recognizedOn: '2024-11-20' }),
      'unmet',
    ],
    ['recognised, year unknown', q({ recognizedIn: reward }), held({ recognized: true }), 'unknown'],
    [
      'first recognised after',
      q({ recognizedIn: reward }),
      held({ recognized: true, firstRecognizedOn: '2026-01-05' }),
      'unmet',
    ],
    [
      'between first and latest: unknowable',
      q({ recognizedIn: reward }),
      held({ recognized: true, firstRecognizedOn: '2023-01-01', recognizedOn: '2026-01-05' }),
      'unknown',
    ],
    [
      'with the full history',
      q({ recognizedIn: reward }),
      held({
        recognized: true,
        firstRecognizedOn: '2022-01-01',
        recognizedOn: '2026-01-05',
        recognitionYears: [2022, 2025, 2026],
      }),
      'met',
    ],
    [
      '首次认定',
      q({ recognizedIn: reward, recognition: 'first' }),
      held({ recognized: true, recognizedOn: '2025-11-20', firstRecognizedOn: '2025-11-20' }),
      'met',
    ],
    [
      '首次认定, but renewed',
      q({ recognizedIn: reward, recognition: 'first' }),
      held({ recognized: true, recognizedOn: '2025-11-20', firstRecognizedOn: '2019-11-20' }),
      'unmet',
    ],
    [
      '首次认定, first unknown',
      q({ recognizedIn: reward, recognition: 'first' }),
      held({ recognized: true, recognizedOn: '2025-11-20' }),
      'unknown',
    ],
    [
      '重新认定',
      q({ recognizedIn: reward, recognition: 'renewal' }),
      held({ recognized: true, recognizedOn: '2025-11-20', firstRecognizedOn: '2019-11-20' }),
      'met',
    ],
    [
      '重新认定, but first',
      q({ recognizedIn: reward, recognition: 'renewal' }),
      held({ recognized: true, recognizedOn: '2025-11-20', firstRecognizedOn: '2025-11-20' }),
      'unmet',
    ],
    [
      '重新认定, full history without the reward year',
      q({ recognizedIn: reward, recognition: 'renewal' }),
      held({ recognized: true, recognitionYears: [2019, 2022] }),
      'unmet',
    ],
    [
      'all options together',
      q({ recognizedIn: reward, recognition: 'renewal', validAtEvaluation: true, minYearsHeld: 5 }),
      held({
        recognized: true,
        recognizedOn: '2025-11-20',
        firstRecognizedOn: '2019-11-20',
        expiresOn: '2028-11-19',
      }),
      'met',
    ],
  ])('%s → %s', (_name, leaf, facts, expected) => {
    expect(statusOf(leaf, facts)).toBe(expected);
  });

  it('首次入统 is the above_scale qualification first recognised in the reward year', () => {
    const leaf: LeafCondition = {
      id: 'stat',
      label: '首次入统',
      kind: 'qualification',
      qualification: 'above_scale',
      recognizedIn: reward,
      recognition: 'first',
    };
    const fact = (on: string) => ({
      qualifications: { above_scale: { recognized: true, recognizedOn: on, firstRecognizedOn: on } },
    });
    expect(statusOf(leaf, fact('2025-06-30'))).toBe('met');
    expect(statusOf(leaf, fact('2024-06-30'))).toBe('unmet');
  });

  it('asks for the qualification when it is not held', () => {
    const r = evaluate(q({ label: '高新技术企业' } as never), held({ recognized: false }));
    expect(r.gaps.map((g) => g.message)).toEqual(['需取得高新技术企业认定']);
    expect(r.conditions.reason).toBe('未获得高新技术企业认定');
  });

  it('explains an expired certificate', () => {
    const r = evaluate(
      q({ validAtEvaluation: true }),
      held({ recognized: true, recognizedOn: '2022-12-05', expiresOn: '2025-12-04' }),
    );
    expect(r.conditions.reason).toBe(
      '高新技术企业：认定于 2022-12-05，有效期至 2025-12-04，但已于 2025-12-04 过期',
    );
    expect(r.gaps[0]?.message).toBe('高新技术企业认定已于 2025-12-04 过期，需重新认定');
  });
});

describe('first crossing', () => {
  const leaf: LeafCondition = {
    id: 'x',
    label: '营收首次突破1亿元',
    kind: 'firstCrossing',
    metric: 'revenue',
    threshold: 10_000 * WAN,
    year: { ref: 'reward', offset: 0 },
    lookbackYears: 2,
  };
  const y = (r2025?: number, r2024?: number, r2023?: number): EnterpriseFacts => ({
    yearly: {
      ...(r2025 === undefined ? {} : { '2025': { revenue: r2025 * WAN } }),
      ...(r2024 === undefined ? {} : { '2024': { revenue: r2024 * WAN } }),
      ...(r2023 === undefined ? {} : { '2023': { revenue: r2023 * WAN } }),
    },
  });
  it.each<[EnterpriseFacts, ConditionStatus]>([
    [y(10_000, 9_999, 8_000), 'met'],
    [y(12_000, 10_000, 8_000), 'unmet'], // crossed the year before
    [y(12_000, 8_000, 11_000), 'unmet'], // crossed earlier within the look-back
    [y(9_999, 8_000, 7_000), 'unmet'],
    [y(12_000, 8_000), 'unknown'], // 2023 missing
    [y(9_000), 'unmet'], // below the line whatever the past
    [y(undefined, 11_000), 'unmet'], // already crossed before: never a first time in 2025
    [y(undefined, 8_000, 7_000), 'unknown'],
  ])('%j → %s', (facts, expected) => {
    expect(statusOf(leaf, facts)).toBe(expected);
  });

  it('reports the missing years only', () => {
    expect(evaluate(leaf, y(12_000, 8_000)).missingFacts).toEqual(['yearly.2023.revenue']);
  });
});

describe('flags and manual conditions', () => {
  const flag = (value?: boolean): LeafCondition => ({
    id: 'f',
    label: '纳税信用A级',
    kind: 'flag',
    flag: 'tax_credit_a',
    ...(value === undefined ? {} : { value }),
  });
  it.each<[LeafCondition, EnterpriseFacts, ConditionStatus]>([
    [flag(), { flags: { tax_credit_a: true } }, 'met'],
    [flag(), { flags: { tax_credit_a: false } }, 'unmet'],
    [flag(), {}, 'unknown'],
    [flag(false), { flags: { tax_credit_a: false } }, 'met'],
    [flag(false), { flags: { tax_credit_a: true } }, 'unmet'],
  ])('%j with %j → %s', (leaf, facts, expected) => {
    expect(statusOf(leaf, facts)).toBe(expected);
  });

  it('shows manual conditions without judging them, and they never make a program ineligible', () => {
    const tree: ConditionNode = {
      id: 'root',
      all: [
        { id: 'lawful', label: '合法合规经营', kind: 'manual', hint: '查验信用记录' },
        { id: 'f', label: '纳税信用A级', kind: 'flag', flag: 'tax_credit_a' },
      ],
    };
    const r = evaluate(tree, { flags: { tax_credit_a: true } });
    expect(r.status).toBe('eligible');
    expect(r.manualCount).toBe(1);
    expect(r.manualConditions).toEqual([{ id: 'lawful', label: '合法合规经营', hint: '查验信用记录' }]);
    expect(r.conditions.children?.[0]).toMatchObject({
      status: 'manual',
      reason: '由审核人员核实：查验信用记录',
    });
    expect(r.score).toBe(1);
    expect(evaluate(tree, { flags: { tax_credit_a: false } }).status).toBe('ineligible');
    expect(evaluate(tree, {}).status).toBe('undetermined');
  });

  it('a tree of manual conditions only is eligible pending review', () => {
    const r = evaluate({ id: 'root', all: [{ id: 'm', label: '无重大安全事故', kind: 'manual' }] }, {});
    expect(r).toMatchObject({ status: 'eligible', manualCount: 1, missingFacts: [] });
    expect(r.conditions.status).toBe('manual');
  });
});

describe('three-valued logic (Kleene)', () => {
  // Three switches: facts.flags decide each leaf's status.
  const A = { id: 'a', label: 'A', kind: 'flag', flag: 'tax_credit_a' } as const;
  const B = { id: 'b', label: 'B', kind: 'flag', flag: 'rent_paid' } as const;
  const V: Record<ConditionStatus & ('met' | 'unmet' | 'unknown'), boolean | undefined> = {
    met: true,
    unmet: false,
    unknown: undefined,
  };
  const facts = (a: keyof typeof V, b: keyof typeof V): EnterpriseFacts => {
    const flags: Record<string, boolean> = {};
    if (V[a] !== undefined) flags.tax_credit_a = V[a];
    if (V[b] !== undefined) flags.rent_paid = V[b];
    return { flags };
  };
  type S = keyof typeof V;
  const table: [S, S, S, S][] = [
    // a, b, all, any
    ['met', 'met', 'met', 'met'],
    ['met', 'unmet', 'unmet', 'met'],
    ['met', 'unknown', 'unknown', 'met'],
    ['unmet', 'unmet', 'unmet', 'unmet'],
    ['unmet', 'unknown', 'unmet', 'unknown'],
    ['unknown', 'unknown', 'unknown', 'unknown'],
    ['unknown', 'met', 'unknown', 'met'],
    ['unknown', 'unmet', 'unmet', 'unknown'],
  ];
  it.each(table)('a=%s b=%s: all → %s, any → %s', (a, b, all, any) => {
    expect(statusOf({ id: 'g', all: [A, B] }, facts(a, b))).toBe(all);
    expect(statusOf({ id: 'g', any: [A, B] }, facts(a, b))).toBe(any);
  });

  it.each<[S, S]>([
    ['met', 'unmet'],
    ['unmet', 'met'],
    ['unknown', 'unknown'],
  ])('not(%s) → %s', (a, expected) => {
    expect(statusOf({ id: 'n', not: A }, facts(a, 'unknown'))).toBe(expected);
  });

  it('propagates through nesting: not(any(all(A, B), B))', () => {
    const tree: ConditionNode = {
      id: 'n',
      not: {
        id: 'o',
        any: [
          { id: 'i', all: [A, B] },
          { ...B, id: 'b2' },
        ],
      },
    };
    expect(statusOf(tree, facts('unknown', 'unmet'))).toBe('met');
    expect(statusOf(tree, facts('unknown', 'met'))).toBe('unmet');
    expect(statusOf(tree, facts('unknown', 'unknown'))).toBe('unknown');
  });

  it('lists only the missing facts that could still change the result', () => {
    const C = { id: 'c', label: 'C', kind: 'flag', flag: 'loan_repaid_on_time' } as const;
    // any(A met, C unknown) is met: C does not matter.
    const r = evaluate({ id: 'root', all: [{ id: 'g', any: [A, C] }, B] }, { flags: { tax_credit_a: true } });
    expect(r.status).toBe('undetermined');
    expect(r.missingFacts).toEqual(['flag.rent_paid']);
    // Once something is unmet, nothing missing matters.
    const r2 = evaluate({ id: 'root', all: [A, B, C] }, { flags: { tax_credit_a: false } });
    expect(r2.status).toBe('ineligible');
    expect(r2.missingFacts).toEqual([]);
  });
});

describe('results', () => {
  const rd: LeafCondition = {
    id: 'rd',
    label: '上年度研发投入不低于500万元',
    kind: 'compare',
    quantity: { of: 'yearly', metric: 'rdSpending', year: { ref: 'evaluation', offset: -1 } },
    op: '>=',
    value: 500 * WAN,
  };
  const ht: LeafCondition = {
    id: 'ht',
    label: '高新技术企业',
    kind: 'qualification',
    qualification: 'high_tech',
    validAtEvaluation: true,
  };
  const tree: ConditionNode = { id: 'root', all: [rd, ht] };

  it('gives the gap of an ineligible enterprise in plain words', () => {
    const r = evaluate(tree, {
      yearly: { '2025': { rdSpending: 380 * WAN } },
      qualifications: { high_tech: { recognized: false } },
    });
    expect(r.status).toBe('ineligible');
    expect(r.gaps.map((g) => [g.message, g.shortfall, g.fixable])).toEqual([
      ['2025年研发投入还差 120万元', 120 * WAN, true],
      ['需取得高新技术企业认定', undefined, true],
    ]);
    expect(r.score).toBe(0);
  });

  it('scores by the weighted fraction of conditions met', () => {
    const facts = {
      yearly: { '2025': { rdSpending: 600 * WAN } },
      qualifications: { high_tech: { recognized: false } },
    };
    expect(evaluate(tree, facts).score).toBe(0.5);
    const weighted: ConditionNode = { id: 'root', all: [{ ...rd, weight: 3 }, ht] };
    expect(evaluate(weighted, facts).score).toBe(0.75);
    // an "any" counts its best alternative, not the sum of them
    const any: ConditionNode = {
      id: 'root',
      all: [
        { id: 'g', any: [rd, ht] },
        { ...rd, id: 'rd2' },
      ],
    };
    expect(evaluate(any, facts).score).toBe(1);
  });

  it('gives the gap of a growth rate as the figure to reach', () => {
    const growth: LeafCondition = {
      id: 'g',
      label: '研发投入增长率不低于10%',
      kind: 'compare',
      quantity: {
        of: 'growth',
        metric: 'rdSpending',
        from: { ref: 'evaluation', offset: -2 },
        to: { ref: 'evaluation', offset: -1 },
      },
      op: '>=',
      value: 10,
    };
    const r = evaluate(growth, {
      yearly: { '2024': { rdSpending: 1000 * WAN }, '2025': { rdSpending: 1050 * WAN } },
    });
    expect(r.conditions.reason).toBe(
      '研发投入增长率（2025年较2024年） 5%（2025年 1,050万元，2024年 1,000万元），低于 10%',
    );
    expect(r.gaps[0]).toMatchObject({
      message: '研发投入增长率还差 5 个百分点（2025年研发投入需达到 1,100万元，现为 1,050万元）',
      shortfall: 50 * WAN,
    });
  });

  it('offers the alternatives of an unmet "any"', () => {
    const r = evaluate(
      { id: 'root', any: [rd, ht] },
      { yearly: { '2025': { rdSpending: 400 * WAN } }, qualifications: { high_tech: { recognized: false } } },
    );
    expect(r.gaps).toHaveLength(1);
    expect(r.gaps[0]?.anyOf?.map((alt) => alt.map((g) => g.message))).toEqual([
      ['2025年研发投入还差 100万元'],
      ['需取得高新技术企业认定'],
    ]);
  });

  it('asks for the missing facts of an undetermined program', () => {
    const r = evaluate(tree, { qualifications: { high_tech: { recognized: true, expiresOn: null } } });
    expect(r.status).toBe('undetermined');
    expect(r.missingFacts).toEqual(['yearly.2025.rdSpending']);
    expect(r.gaps).toEqual([
      expect.objectContaining({
        message: '需补充：2025年研发投入',
        missingFacts: ['yearly.2025.rdSpending'],
      }),
    ]);
  });
});
