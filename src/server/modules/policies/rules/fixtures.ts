import type { RuleSet, YearRef } from '../../../../shared/policy-rules';

/**
 * Realistic benefit programs of a coastal city district, written as rule data. The tests use them, and the demo
 * data reuses them as its programs, so they must stay valid under `validateRuleSet` (a test checks that).
 *
 * Amounts are in 元. Years are relative: the reward year (奖励年度, the year whose achievements are rewarded)
 * for awards, the last completed year (上年度) for subsidies on yearly figures.
 */

export type ProgramMode = 'no_application' | 'quick_application' | 'standard_application';

export interface ProgramFixture {
  /** Stable key for the demo data. */
  key: string;
  title: string;
  /** Plain-language summary shown in lists. */
  summary: string;
  /** 免申即享 / 快申快享 / 一般申报 */
  mode: ProgramMode;
  /** Code of the reviewing department in the demo data (src/server/db/seed/reference.ts DEPT). */
  department: string;
  rules: RuleSet;
}

const WAN = 10_000;
const REWARD: YearRef = { ref: 'reward', offset: 0 };
const REWARD_PREV: YearRef = { ref: 'reward', offset: -1 };
const LAST_YEAR: YearRef = { ref: 'evaluation', offset: -1 };
const YEAR_BEFORE_LAST: YearRef = { ref: 'evaluation', offset: -2 };

const LAWFUL = {
  id: 'lawful',
  label: '依法合规经营，无严重失信行为',
  kind: 'manual',
  hint: '查验信用中国、国家企业信用信息公示系统',
} as const;
const NO_ACCIDENT = {
  id: 'no_accident',
  label: '近三年未发生重大安全生产和环境污染事故',
  kind: 'manual',
  hint: '征求应急管理、生态环境部门意见',
} as const;

export const PROGRAM_FIXTURES: readonly ProgramFixture[] = [
  {
    key: 'specialized_sme_award',
    title: '专精特新中小企业认定奖励',
    summary: '对奖励年度新认定的省级专精特新中小企业，一次性奖励10万元。',
    mode: 'no_application',
    department: 'industry_it',
    rules: {
      schemaVersion: 1,
      conditions: {
        id: 'root',
        all: [
          {
            id: 'sme_new',
            label: '奖励年度首次认定为专精特新中小企业',
            kind: 'qualification',
            qualification: 'specialized_sme',
            recognizedIn: REWARD,
            recognition: 'first',
          },
          {
            id: 'sme_size',
            label: '属于中小微企业',
            kind: 'membership',
            field: 'sizeClass',
            values: ['medium', 'small', 'micro'],
          },
          {
            id: 'established_2y',
            label: '成立满2年',
            kind: 'date',
            subject: { of: 'established' },
            test: { op: 'ageAtLeast', years: 2 },
          },
          LAWFUL,
          NO_ACCIDENT,
        ],
      },
      amount: { kind: 'fixed', amount: 10 * WAN },
    },
  },
  {
    key: 'little_giant_award',
    title: '专精特新“小巨人”企业奖励',
    summary: '对奖励年度新认定的国家级专精特新“小巨人”企业奖励50万元，与市级奖励合计不超过80万元。',
    mode: 'no_application',
    department: 'industry_it',
    rules: {
      schemaVersion: 1,
      conditions: {
        id: 'root',
        all: [
          {
            id: 'giant_new',
            label: '奖励年度新认定为专精特新“小巨人”企业',
            kind: 'qualification',
            qualification: 'little_giant',
            recognizedIn: REWARD,
            validAtEvaluation: true,
          },
          {
            id: 'rd_share',
            label: '奖励年度研发投入不低于500万元',
            kind: 'compare',
            quantity: { of: 'yearly', metric: 'rdSpending', year: REWARD },
            op: '>=',
            value: 500 * WAN,
          },
          LAWFUL,
        ],
      },
      amount: {
        kind: 'sharedCap',
        amount: { kind: 'fixed', amount: 50 * WAN },
        total: 80 * WAN,
        otherPayment: 'city_little_giant',
      },
    },
  },
  {
    key: 'high_tech_award',
    title: '高新技术企业认定奖励',
    summary: '奖励年度首次认定的高新技术企业奖励30万元，重新认定的奖励15万元。',
    mode: 'no_application',
    department: 'sci_tech',
    rules: {
      schemaVersion: 1,
      conditions: {
        id: 'root',
        all: [
          {
            id: 'ht_recognized',
            label: '奖励年度通过高新技术企业认定（含重新认定）且证书在有效期内',
            kind: 'qualification',
            qualification: 'high_tech',
            recognizedIn: REWARD,
            validAtEvaluation: true,
          },
          {
            id: 'not_real_estate',
            label: '不属于房地产业、金融业',
            not: {
              id: 'excluded_industries',
              label: '房地产业或金融业',
              kind: 'membership',
              field: 'industryCode',
              values: ['K', 'J'],
            },
          },
          LAWFUL,
        ],
      },
      amount: {
        kind: 'byCategory',
        category: { of: 'recognition', qualification: 'high_tech', year: REWARD },
        cases: [
          { value: 'first', amount: { kind: 'fixed', amount: 30 * WAN }, label: '首次认定' },
          { value: 'renewal', amount: { kind: 'fixed', amount: 15 * WAN }, label: '重新认定' },
        ],
      },
    },
  },
  {
    key: 'rd_subsidy',
    title: '企业研发投入补助',
    summary: '高新技术企业、科技型中小企业上年度研发投入比前年增长的，按增量的10%给予补助，最高150万元。',
    mode: 'quick_application',
    department: 'sci_tech',
    rules: {
      schemaVersion: 1,
      conditions: {
        id: 'root',
        all: [
          {
            id: 'tech_status',
            label: '为有效期内的高新技术企业或科技型中小企业',
            any: [
              {
                id: 'is_high_tech',
                label: '高新技术企业（有效期内）',
                kind: 'qualification',
                qualification: 'high_tech',
                validAtEvaluation: true,
              },
              {
                id: 'is_tech_sme',
                label: '科技型中小企业（有效期内）',
                kind: 'qualification',
                qualification: 'tech_sme',
                validAtEvaluation: true,
              },
            ],
          },
          {
            id: 'rd_base',
            label: '上年度研发投入不低于100万元',
            kind: 'compare',
            quantity: { of: 'yearly', metric: 'rdSpending', year: LAST_YEAR },
            op: '>=',
            value: 100 * WAN,
          },
          {
            id: 'rd_growth',
            label: '上年度研发投入增长率不低于10%',
            kind: 'compare',
            quantity: { of: 'growth', metric: 'rdSpending', from: YEAR_BEFORE_LAST, to: LAST_YEAR },
            op: '>=',
            value: 10,
          },
          LAWFUL,
        ],
      },
      amount: {
        kind: 'rate',
        percent: 10,
        base: { of: 'increment', metric: 'rdSpending', from: YEAR_BEFORE_LAST, to: LAST_YEAR },
        cap: 150 * WAN,
      },
    },
  },
  {
    key: 'above_scale_award',
    title: '首次入统（升规纳统）奖励',
    summary:
      '奖励年度首次纳入规模以上统计的企业奖励10万元；营业收入达到5000万元、1亿元的分别奖励15万元、20万元。',
    mode: 'no_application',
    department: 'drc',
    rules: {
      schemaVersion: 1,
      conditions: {
        id: 'root',
        all: [
          {
            id: 'first_in_stats',
            label: '奖励年度首次纳入规模以上统计（首次入统）',
            kind: 'qualification',
            qualification: 'above_scale',
            recognizedIn: REWARD,
            recognition: 'first',
          },
          {
            id: 'in_district',
            label: '统计关系在本区',
            kind: 'membership',
            field: 'streetCode',
            values: [
              '370202001',
              '370202002',
              '370202003',
              '370202004',
              '370202005',
              '370202006',
              '370202007',
              '370202008',
              '370202009',
              '370202010',
            ],
          },
          LAWFUL,
        ],
      },
      amount: {
        kind: 'tiers',
        quantity: { of: 'yearly', metric: 'revenue', year: REWARD },
        tiers: [
          { atLeast: 0, amount: { kind: 'fixed', amount: 10 * WAN }, label: '首次入统' },
          {
            atLeast: 5_000 * WAN,
            amount: { kind: 'fixed', amount: 15 * WAN },
            label: '营业收入5000万元以上',
          },
          { atLeast: 10_000 * WAN, amount: { kind: 'fixed', amount: 20 * WAN }, label: '营业收入1亿元以上' },
        ],
      },
    },
  },
  {
    key: 'revenue_leap_award',
    title: '营业收入跃升奖励',
    summary:
      '奖励年度营业收入首次突破1亿元的奖励20万元；营业收入增量每增加1亿元奖励5万元，最高50万元；两项就高不重复。',
    mode: 'quick_application',
    department: 'drc',
    rules: {
      schemaVersion: 1,
      conditions: {
        id: 'root',
        all: [
          {
            id: 'leap',
            label: '营业收入首次突破1亿元，或比上年增加1亿元以上',
            any: [
              {
                id: 'first_100m',
                label: '奖励年度营业收入首次突破1亿元',
                kind: 'firstCrossing',
                metric: 'revenue',
                threshold: 10_000 * WAN,
                year: REWARD,
                lookbackYears: 3,
              },
              {
                id: 'increment_100m',
                label: '奖励年度营业收入比上年增加1亿元以上',
                kind: 'compare',
                quantity: { of: 'increment', metric: 'revenue', from: REWARD_PREV, to: REWARD },
                op: '>=',
                value: 10_000 * WAN,
              },
            ],
          },
          {
            id: 'tax_paid',
            label: '奖励年度在本区纳税不低于100万元',
            kind: 'compare',
            quantity: { of: 'yearly', metric: 'taxPaid', year: REWARD },
            op: '>=',
            value: 100 * WAN,
          },
          LAWFUL,
        ],
      },
      amount: {
        kind: 'max',
        of: [
          {
            kind: 'sum',
            of: [
              {
                label: '首次突破1亿元',
                when: {
                  id: 'bonus_first_100m',
                  label: '营业收入首次突破1亿元',
                  kind: 'firstCrossing',
                  metric: 'revenue',
                  threshold: 10_000 * WAN,
                  year: REWARD,
                  lookbackYears: 3,
                },
                amount: { kind: 'fixed', amount: 20 * WAN },
              },
            ],
          },
          {
            kind: 'perUnit',
            quantity: { of: 'increment', metric: 'revenue', from: REWARD_PREV, to: REWARD },
            unitSize: 10_000 * WAN,
            amountPerUnit: 5 * WAN,
            cap: 50 * WAN,
          },
        ],
      },
    },
  },
  {
    key: 'listing_award',
    title: '企业上市挂牌奖励',
    summary:
      '完成上市辅导备案奖励100万元，上市申请获受理奖励100万元，成功上市奖励300万元；与市级奖励合计不超过600万元。',
    mode: 'standard_application',
    department: 'financial_services',
    rules: {
      schemaVersion: 1,
      conditions: {
        id: 'root',
        all: [
          {
            id: 'listing_progress',
            label: '奖励年度取得上市进展（辅导备案、申请受理或成功上市）',
            any: [
              { id: 'tutoring', label: '已完成上市辅导备案', kind: 'flag', flag: 'listing_tutoring_filed' },
              {
                id: 'accepted',
                label: '上市申请已获受理',
                kind: 'flag',
                flag: 'listing_application_accepted',
              },
              {
                id: 'listed_new',
                label: '奖励年度成功上市',
                kind: 'qualification',
                qualification: 'listed',
                recognizedIn: REWARD,
                recognition: 'first',
              },
            ],
          },
          {
            id: 'registered_here',
            label: '注册地在本区且成立满1年',
            kind: 'date',
            subject: { of: 'established' },
            test: { op: 'ageAtLeast', years: 1 },
          },
          LAWFUL,
        ],
      },
      amount: {
        kind: 'sharedCap',
        total: 600 * WAN,
        otherPayment: 'city_listing',
        amount: {
          kind: 'sum',
          of: [
            {
              label: '辅导备案',
              when: {
                id: 'pay_tutoring',
                label: '已完成上市辅导备案',
                kind: 'flag',
                flag: 'listing_tutoring_filed',
              },
              amount: { kind: 'fixed', amount: 100 * WAN },
            },
            {
              label: '申请受理',
              when: {
                id: 'pay_accepted',
                label: '上市申请已获受理',
                kind: 'flag',
                flag: 'listing_application_accepted',
              },
              amount: { kind: 'fixed', amount: 100 * WAN },
            },
            {
              label: '成功上市',
              when: {
                id: 'pay_listed',
                label: '奖励年度成功上市',
                kind: 'qualification',
                qualification: 'listed',
                recognizedIn: REWARD,
                recognition: 'first',
              },
              amount: { kind: 'fixed', amount: 300 * WAN },
            },
          ],
        },
      },
    },
  },
  {
    key: 'talent_housing',
    title: '企业引进人才住房补贴',
    summary: '企业引进的在本区无自有住房的人才，每人每月补贴2000元，最长36个月，每家企业每年最高50万元。',
    mode: 'standard_application',
    department: 'hrss',
    rules: {
      schemaVersion: 1,
      conditions: {
        id: 'root',
        all: [
          {
            id: 'has_talent',
            label: '引进符合条件的人才至少1人',
            kind: 'compare',
            quantity: { of: 'measure', measure: 'talent_count' },
            op: '>=',
            value: 1,
          },
          { id: 'no_housing', label: '引进人才在本区无自有住房', kind: 'flag', flag: 'talent_no_housing' },
          {
            id: 'insured_10',
            label: '企业参保人数不少于10人',
            kind: 'compare',
            quantity: { of: 'profile', field: 'insuredEmployees' },
            op: '>=',
            value: 10,
          },
          LAWFUL,
        ],
      },
      amount: {
        kind: 'clamp',
        max: 50 * WAN,
        amount: {
          kind: 'monthly',
          perMonth: {
            kind: 'perUnit',
            quantity: { of: 'measure', measure: 'talent_count' },
            unitSize: 1,
            amountPerUnit: 2_000,
          },
          months: { of: 'measure', measure: 'talent_months' },
          maxMonths: 36,
        },
      },
    },
  },
  {
    key: 'building_rent_subsidy',
    title: '楼宇经济新落户企业租金补贴',
    summary:
      '奖励年度新落户重点产业楼宇的金融、信息技术、科技服务、商务服务企业，按租用面积每平方米每月30元补贴租金，最长12个月，最高100万元；总部企业按1.5倍补贴。',
    mode: 'quick_application',
    department: 'investment',
    rules: {
      schemaVersion: 1,
      conditions: {
        id: 'root',
        all: [
          {
            id: 'settled_new',
            label: '奖励年度新落户本区',
            kind: 'date',
            subject: { of: 'event', event: 'settled' },
            test: { op: 'inYear', year: REWARD },
          },
          { id: 'key_building', label: '入驻重点产业楼宇', kind: 'flag', flag: 'key_industry_building' },
          {
            id: 'industry',
            label: '属于金融、信息技术、科技服务或商务服务业',
            kind: 'membership',
            field: 'industryCode',
            values: ['J', 'I', 'M', 'L'],
          },
          {
            id: 'area_100',
            label: '租用办公面积不少于100平方米',
            kind: 'compare',
            quantity: { of: 'measure', measure: 'rented_area' },
            op: '>=',
            value: 100,
          },
          { id: 'rent_paid', label: '已按合同支付租金', kind: 'flag', flag: 'rent_paid' },
          LAWFUL,
        ],
      },
      amount: {
        kind: 'clamp',
        max: 100 * WAN,
        amount: {
          kind: 'multiplier',
          factor: 1.5,
          when: {
            id: 'hq_bonus',
            label: '总部企业',
            kind: 'qualification',
            qualification: 'headquarters',
            validAtEvaluation: true,
          },
          base: {
            kind: 'monthly',
            perMonth: {
              kind: 'perUnit',
              quantity: { of: 'measure', measure: 'rented_area' },
              unitSize: 1,
              amountPerUnit: 30,
              prorate: true,
            },
            months: { of: 'measure', measure: 'lease_months' },
            maxMonths: 12,
          },
        },
      },
    },
  },
  {
    key: 'startup_loan_interest',
    title: '创业担保贷款贴息',
    summary:
      '成立不满3年的小微企业获得创业担保贷款并按期还本付息的，按实际支付利息的50%给予贴息，最高15万元。',
    mode: 'quick_application',
    department: 'hrss',
    rules: {
      schemaVersion: 1,
      conditions: {
        id: 'root',
        all: [
          { id: 'has_loan', label: '已获得创业担保贷款', kind: 'flag', flag: 'startup_guarantee_loan' },
          { id: 'repaid', label: '按期还本付息', kind: 'flag', flag: 'loan_repaid_on_time' },
          {
            id: 'young',
            label: '成立不满3年',
            kind: 'date',
            subject: { of: 'established' },
            test: { op: 'ageLessThan', years: 3 },
          },
          {
            id: 'small',
            label: '属于小型或微型企业',
            kind: 'membership',
            field: 'sizeClass',
            values: ['small', 'micro'],
          },
          {
            id: 'loan_cap',
            label: '贷款金额不超过300万元',
            kind: 'compare',
            quantity: { of: 'measure', measure: 'loan_amount' },
            op: '<=',
            value: 300 * WAN,
          },
          LAWFUL,
        ],
      },
      amount: {
        kind: 'rate',
        percent: 50,
        base: { of: 'measure', measure: 'loan_interest_paid' },
        cap: 15 * WAN,
      },
    },
  },
  {
    key: 'ip_award',
    title: '知识产权创造奖励',
    summary:
      '拥有发明专利5件以上，或发明专利与实用新型合计20件以上的高新技术企业，按发明专利每件1万元奖励，最高20万元。',
    mode: 'quick_application',
    department: 'market_regulation',
    rules: {
      schemaVersion: 1,
      conditions: {
        id: 'root',
        all: [
          {
            id: 'ip_count',
            label: '发明专利5件以上，或发明专利与实用新型合计20件以上',
            any: [
              {
                id: 'inventions_5',
                label: '发明专利不少于5件',
                kind: 'compare',
                quantity: { of: 'ip', kinds: ['invention'] },
                op: '>=',
                value: 5,
              },
              {
                id: 'patents_20',
                label: '发明专利与实用新型合计不少于20件',
                kind: 'compare',
                quantity: { of: 'ip', kinds: ['invention', 'utility_model'] },
                op: '>=',
                value: 20,
              },
            ],
          },
          {
            id: 'ht_3y',
            label: '高新技术企业，首次认定满3年且在有效期内',
            kind: 'qualification',
            qualification: 'high_tech',
            minYearsHeld: 3,
            validAtEvaluation: true,
          },
          LAWFUL,
        ],
      },
      amount: {
        kind: 'perUnit',
        quantity: { of: 'ip', kinds: ['invention'] },
        unitSize: 1,
        amountPerUnit: 1 * WAN,
        cap: 20 * WAN,
      },
    },
  },
];

/** A fixture by key (throws for an unknown key: a typo in a test or the demo data should fail loudly). */
export function programFixture(key: string): ProgramFixture {
  const p = PROGRAM_FIXTURES.find((x) => x.key === key);
  if (!p) throw new Error(`unknown program fixture ${key}`);
  return p;
}
