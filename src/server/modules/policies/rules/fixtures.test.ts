import { describe, expect, it } from 'vitest';
import type { EligibilityStatus, EnterpriseFacts, QualificationFact } from '../../../../shared/policy-rules';
import {
  type CompiledProgram,
  compareMatches,
  compileRule,
  matchPrograms,
  prepareFacts,
  questionsFor,
} from './evaluate';
import { PROGRAM_FIXTURES, programFixture } from './fixtures';

/**
 * The fixture programs against realistic enterprises, evaluated on 2026-03-15 for the 2025 round (reward year
 * 2025, last completed year 2025). Each program is shown eligible with its amount, and not eligible with its gap.
 */

const AS_OF = '2026-03-15';
const W = 10_000;
const q = (
  recognizedOn: string,
  firstRecognizedOn = recognizedOn,
  expiresOn: string | null = null,
): QualificationFact => ({
  recognized: true,
  recognizedOn,
  firstRecognizedOn,
  expiresOn,
});
const NO: QualificationFact = { recognized: false };

function run(key: string, facts: EnterpriseFacts) {
  return compileRule(programFixture(key).rules).evaluate(prepareFacts(facts, { asOf: AS_OF }));
}

/** A mid-sized software company of the district, 2025 figures in 元. */
const software: EnterpriseFacts = {
  employees: 180,
  insuredEmployees: 150,
  establishedOn: '2016-05-20',
  industryCode: '6511',
  streetCode: '370202007',
  sizeClass: 'medium',
  yearly: {
    '2022': { revenue: 6_000 * W, rdSpending: 500 * W, taxPaid: 200 * W },
    '2023': { revenue: 7_500 * W, rdSpending: 560 * W, taxPaid: 260 * W },
    '2024': { revenue: 9_000 * W, rdSpending: 800 * W, taxPaid: 300 * W },
    '2025': { revenue: 13_500 * W, rdSpending: 1_000 * W, taxPaid: 480 * W },
  },
  ip: { invention: 9, utility_model: 14, software_copyright: 60 },
  qualifications: {
    high_tech: { ...q('2025-12-01', '2019-11-28', '2028-11-30'), recognitionYears: [2019, 2022, 2025] },
    tech_sme: q('2025-04-01', '2021-04-01', '2025-12-31'),
    specialized_sme: q('2025-09-15', '2025-09-15', '2028-09-14'),
    little_giant: NO,
    above_scale: q('2021-06-30'),
    listed: NO,
    headquarters: NO,
  },
};

describe('the fixture programs', () => {
  it.each<[string, EligibilityStatus, { min: number; max: number | null } | null]>([
    ['specialized_sme_award', 'eligible', { min: 10 * W, max: 10 * W }],
    ['high_tech_award', 'eligible', { min: 15 * W, max: 15 * W }], // 重新认定
    ['rd_subsidy', 'eligible', { min: 20 * W, max: 20 * W }], // 10% × (1000万 − 800万)
    ['revenue_leap_award', 'eligible', { min: 20 * W, max: 20 * W }], // first over 1亿: 20万 beats 5万 per 1亿 of increment
    ['ip_award', 'eligible', { min: 9 * W, max: 9 * W }],
    ['above_scale_award', 'ineligible', null], // entered the statistics in 2021
    ['little_giant_award', 'ineligible', null],
    ['listing_award', 'undetermined', { min: 0, max: 200 * W }], // not listed: at most 辅导备案 + 申请受理
  ])('%s for a software company → %s %j', (key, status, amount) => {
    const r = run(key, software);
    expect(r.status).toBe(status);
    expect(r.amount).toEqual(amount);
    expect(r.manualCount).toBeGreaterThan(0);
  });

  it('高新技术企业: 首次认定 30万 / 重新认定 15万', () => {
    const first = { ...software, qualifications: { high_tech: q('2025-12-01', '2025-12-01', '2028-11-30') } };
    expect(run('high_tech_award', first).amount).toEqual({ min: 30 * W, max: 30 * W });
    const finance = { ...first, industryCode: '6620' };
    const r = run('high_tech_award', finance);
    expect(r.status).toBe('ineligible');
    expect(r.gaps[0]?.message).toBe('需不属于：房地产业或金融业');
  });

  it('研发投入补助: 10% of the increment, at most 150万, and the gap when growth is short', () => {
    const big = { ...software, yearly: { ...software.yearly, '2025': { rdSpending: 3_000 * W } } };
    expect(run('rd_subsidy', big).amount).toEqual({ min: 150 * W, max: 150 * W });
    const flat = { ...software, yearly: { ...software.yearly, '2025': { rdSpending: 850 * W } } };
    const r = run('rd_subsidy', flat);
    expect(r.status).toBe('ineligible');
    expect(r.gaps.map((g) => g.message)).toEqual([
      '研发投入增长率还差 3.75 个百分点（2025年研发投入需达到 880万元，现为 850万元）',
    ]);
    const unknown = { ...software, yearly: { '2024': { rdSpending: 800 * W } } };
    const u = run('rd_subsidy', unknown);
    expect(u.status).toBe('undetermined');
    expect(u.missingFacts).toEqual(['yearly.2025.rdSpending']);
    expect(u.amount).toEqual({ min: 0, max: 150 * W });
  });

  it('首次入统: tiers by the reward year’s revenue', () => {
    const newcomer: EnterpriseFacts = {
      streetCode: '370202003',
      yearly: { '2025': { revenue: 5_200 * W } },
      qualifications: { above_scale: q('2025-07-15') },
    };
    expect(run('above_scale_award', newcomer)).toMatchObject({
      status: 'eligible',
      amount: { min: 15 * W, max: 15 * W },
    });
    const elsewhere = { ...newcomer, streetCode: '370203001' };
    expect(run('above_scale_award', elsewhere).gaps[0]).toMatchObject({
      conditionId: 'in_district',
      fixable: false,
    });
  });

  it('小巨人: 市区合计不超过80万', () => {
    const giant = {
      ...software,
      qualifications: { little_giant: q('2025-07-20', '2025-07-20', '2028-07-19') },
    };
    expect(run('little_giant_award', giant).amount).toEqual({ min: 0, max: 50 * W });
    expect(
      run('little_giant_award', { ...giant, otherPayments: { city_little_giant: 50 * W } }).amount,
    ).toEqual({
      min: 30 * W,
      max: 30 * W,
    });
  });

  it('上市奖励: components add up, shared cap with the city', () => {
    const listing: EnterpriseFacts = {
      ...software,
      flags: { listing_tutoring_filed: true, listing_application_accepted: true },
      qualifications: { listed: NO },
      otherPayments: { city_listing: 200 * W },
    };
    expect(run('listing_award', listing)).toMatchObject({
      status: 'eligible',
      amount: { min: 200 * W, max: 200 * W },
    });
    const listed = {
      ...listing,
      qualifications: { listed: q('2025-10-10') },
      otherPayments: { city_listing: 300 * W },
    };
    expect(run('listing_award', listed).amount).toEqual({ min: 300 * W, max: 300 * W });
  });

  it('人才住房补贴: monthly, at most 36 months and 50万', () => {
    const talents: EnterpriseFacts = {
      insuredEmployees: 40,
      flags: { talent_no_housing: true },
      measures: { talent_count: 4, talent_months: 12 },
    };
    expect(run('talent_housing', talents)).toMatchObject({
      status: 'eligible',
      amount: { min: 96_000, max: 96_000 },
    });
    const many = { ...talents, measures: { talent_count: 10, talent_months: 40 } };
    expect(run('talent_housing', many).amount).toEqual({ min: 50 * W, max: 50 * W });
    const few = { ...talents, insuredEmployees: 8 };
    expect(run('talent_housing', few).gaps.map((g) => g.message)).toEqual(['参保人数还差 2人']);
  });

  it('楼宇租金补贴: per ㎡ per month, 1.5× for headquarters, capped', () => {
    const tenant: EnterpriseFacts = {
      industryCode: '6720',
      events: { settled: '2025-04-01' },
      flags: { key_industry_building: true, rent_paid: true },
      measures: { rented_area: 800, lease_months: 24 },
      qualifications: { headquarters: NO },
    };
    expect(run('building_rent_subsidy', tenant)).toMatchObject({
      status: 'eligible',
      amount: { min: 288_000, max: 288_000 },
    });
    const hq = { ...tenant, qualifications: { headquarters: q('2025-08-01') } };
    expect(run('building_rent_subsidy', hq).amount).toEqual({ min: 432_000, max: 432_000 });
    const huge = { ...hq, measures: { rented_area: 5_000, lease_months: 12 } };
    expect(run('building_rent_subsidy', huge).amount).toEqual({ min: 100 * W, max: 100 * W });
  });

  it('创业担保贷款贴息: young small firms only', () => {
    const startup: EnterpriseFacts = {
      establishedOn: '2024-06-01',
      sizeClass: 'micro',
      flags: { startup_guarantee_loan: true, loan_repaid_on_time: true },
      measures: { loan_amount: 200 * W, loan_interest_paid: 7 * W },
    };
    expect(run('startup_loan_interest', startup)).toMatchObject({
      status: 'eligible',
      amount: { min: 35_000, max: 35_000 },
    });
    const old = run('startup_loan_interest', { ...startup, establishedOn: '2023-03-15' });
    expect(old.status).toBe('ineligible');
    expect(old.gaps[0]?.message).toBe('成立已满3年（2026-03-15 满），不符合“成立不满3年”');
  });
});

describe('matching many programs', () => {
  const programs: CompiledProgram[] = PROGRAM_FIXTURES.map((p) => ({
    id: p.key,
    rule: compileRule(p.rules),
  }));

  it('ranks eligible programs first, then undetermined, then ineligible', () => {
    const matches = matchPrograms(programs, software, { asOf: AS_OF });
    expect(matches).toHaveLength(PROGRAM_FIXTURES.length);
    const ranks = matches.map((m) => ({ eligible: 0, undetermined: 1, ineligible: 2 })[m.status]);
    expect(ranks).toEqual([...ranks].sort((a, b) => a - b));
    for (let i = 1; i < matches.length; i++)
      expect(compareMatches(matches[i - 1]!, matches[i]!)).toBeLessThanOrEqual(0);
    expect(
      matches
        .filter((m) => m.status === 'eligible')
        .map((m) => m.programId)
        .sort(),
    ).toEqual(['high_tech_award', 'ip_award', 'rd_subsidy', 'revenue_leap_award', 'specialized_sme_award']);
  });

  it('asks first the question that settles the most programs', () => {
    const questions = questionsFor(programs, { industryCode: '6511' }, { asOf: AS_OF });
    expect(questions[0]).toMatchObject({
      fact: 'qualification.high_tech',
      answer: 'qualification',
      question: '企业是否获得过高新技术企业认定？如有，认定日期是？',
    });
    expect(questions[0]!.programs.sort()).toEqual(['high_tech_award', 'ip_award', 'rd_subsidy']);
    for (let i = 1; i < questions.length; i++)
      expect(questions[i - 1]!.weight).toBeGreaterThanOrEqual(questions[i]!.weight);
    // answering it removes it from the list and settles the program that depended on it alone
    const answered = questionsFor(
      programs,
      { industryCode: '6511', qualifications: { high_tech: { recognized: false } } },
      { asOf: AS_OF },
    );
    expect(answered.map((x) => x.fact)).not.toContain('qualification.high_tech');
    expect(answered.flatMap((x) => x.programs)).not.toContain('high_tech_award');
  });

  it('shares condition results between programs without changing any result', () => {
    for (const facts of [software, {}, { industryCode: '6511', qualifications: { high_tech: NO } }]) {
      expect(matchPrograms(programs, facts, { asOf: AS_OF })).toEqual(
        matchPrograms(programs, facts, { asOf: AS_OF }, { shareResults: false }),
      );
    }
  });

  it('keeps apart conditions that read different reward years, and rules compiled after the facts', () => {
    const f = prepareFacts({ yearly: { '2024': { revenue: 100 }, '2025': { revenue: 1 } } }, { asOf: AS_OF });
    const leaf = {
      id: 'r',
      label: '奖励年度营业收入不低于10元',
      kind: 'compare',
      quantity: { of: 'yearly', metric: 'revenue', year: { ref: 'reward', offset: 0 } },
      op: '>=',
      value: 10,
    } as const;
    const r2025 = compileRule({ schemaVersion: 1, conditions: leaf });
    const r2024 = compileRule({ schemaVersion: 1, rewardYear: 2024, conditions: leaf });
    expect(r2025.match(f).status).toBe('ineligible');
    expect(r2024.match(f).status).toBe('eligible');
    expect(r2025.match(f).status).toBe('ineligible');
    // a condition never seen before `f` was prepared has no slot in its cache and is simply evaluated
    const fresh = compileRule({ schemaVersion: 1, conditions: { ...leaf, value: 12_345 } });
    expect(fresh.match(f).status).toBe('ineligible');
  });

  it('asks nothing when everything is settled', () => {
    expect(questionsFor(programs.slice(0, 1), software, { asOf: AS_OF })).toEqual([]);
  });
});
