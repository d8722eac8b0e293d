import { z } from 'zod';
import {
  DEFAULT_QUALIFICATION_KINDS,
  IP_KINDS,
  type IpKind,
  SIZE_CLASSES,
  type SizeClassCode,
  YEARLY_METRICS,
  type YearlyMetric,
} from './enterprises';

/**
 * The data model of eligibility rules and amount formulas of benefit programs (SPEC §2.3), shared by the API
 * (validation, OpenAPI), the evaluator (src/server/modules/policies/rules) and the rule editor UI.
 *
 * A program version stores one `RuleSet` as JSON:
 *
 * ```json
 * { "schemaVersion": 1, "rewardYear": 2025,
 *   "conditions": { "id": "root", "all": [
 *     { "id": "rev", "label": "上年度营业收入不低于2000万元", "kind": "compare",
 *       "quantity": { "of": "yearly", "metric": "revenue", "year": { "ref": "evaluation", "offset": -1 } },
 *       "op": ">=", "value": 20000000 },
 *     { "id": "legal", "label": "合法合规经营", "kind": "manual" } ] },
 *   "amount": { "kind": "rate", "percent": 10, "cap": 1500000,
 *     "base": { "of": "increment", "metric": "rdSpending",
 *               "from": { "ref": "evaluation", "offset": -2 }, "to": { "ref": "evaluation", "offset": -1 } } } }
 * ```
 *
 * Conventions (read these before writing a rule or an editor for one):
 * - **Money is in 元**, integers in rules and amounts; facts may carry fractions of 元 after conversion from 万元.
 *   The UI shows 万元 and converts on input (`yuanFromWan`). Growth rates and rate formulas are in **percent**
 *   (`10` = 10 %), never fractions, so that an editor shows exactly what is stored.
 * - **Years are references** (`YearRef`), never hard-coded in a reusable rule: `{ref:'evaluation', offset:-1}` is
 *   the last completed year (上年度) of the evaluation date, `{ref:'reward', offset:0}` the reward year (奖励年度) —
 *   the year whose achievements the program rewards, set on the rule set or by the caller. `absolute` years exist
 *   for one-off programs.
 * - **Every node has an `id`** (unique within the rule set; reasons, gaps and claim reviews refer to it) and leaves
 *   a plain-language Chinese `label`, which is what applicants read. Groups may omit the label.
 * - **Missing facts are never zero**: every fact of `EnterpriseFacts` may be absent, and a condition that depends on
 *   an absent fact is `unknown` unless the known facts already decide it (three-valued, Kleene logic).
 * - `manual` conditions ("合法合规经营") are shown and left to the reviewer; they never make a program ineligible and
 *   may not appear under `not`.
 * - The shape is versioned by `schemaVersion`. A change that old JSON cannot satisfy bumps the version and adds an
 *   upgrade step where rule sets are read; never reinterpret stored fields silently.
 */

export const RULES_SCHEMA_VERSION = 1 as const;

// ——— building blocks ———

/** Oldest and newest absolute year a rule may name. */
export const RULE_YEAR_MIN = 1990;
export const RULE_YEAR_MAX = 2100;

/** A year relative to the evaluation date, relative to the reward year, or absolute. */
export type YearRef =
  | { ref: 'evaluation'; offset: number }
  | { ref: 'reward'; offset: number }
  | { ref: 'absolute'; year: number };

const yearOffset = (max: number, message: string) =>
  z
    .number({ message: '年度偏移应为整数' })
    .int('年度偏移应为整数')
    .min(-10, '最多回溯 10 年')
    .max(max, message);

export const yearRefSchema: z.ZodType<YearRef> = z.discriminatedUnion('ref', [
  z.strictObject({
    ref: z.literal('evaluation'),
    offset: yearOffset(0, '只能引用评价日所在年度或之前的年度'),
  }),
  z.strictObject({ ref: z.literal('reward'), offset: yearOffset(1, '最多引用奖励年度的后一年') }),
  z.strictObject({
    ref: z.literal('absolute'),
    year: z
      .number({ message: '年度应为整数' })
      .int('年度应为整数')
      .min(RULE_YEAR_MIN, `年度不能早于 ${RULE_YEAR_MIN}`)
      .max(RULE_YEAR_MAX, `年度不能晚于 ${RULE_YEAR_MAX}`),
  }),
]);

/** Numeric profile fields a condition may compare. registeredCapital is in 元 here (the profile keeps 万元). */
export const PROFILE_NUMBER_FIELDS = ['employees', 'insuredEmployees', 'registeredCapital'] as const;
export type ProfileNumberField = (typeof PROFILE_NUMBER_FIELDS)[number];
export const PROFILE_NUMBER_FIELD_LABELS: Record<ProfileNumberField, string> = {
  employees: '从业人员',
  insuredEmployees: '参保人数',
  registeredCapital: '注册资本',
};

/** Units in which quantities are counted; money is always `yuan`. */
export const QUANTITY_UNITS = [
  'yuan',
  'person',
  'piece',
  'percent',
  'sqm',
  'month',
  'yuanPerSqmMonth',
  'count',
] as const;
export type QuantityUnit = (typeof QUANTITY_UNITS)[number];
export const QUANTITY_UNIT_LABELS: Record<QuantityUnit, string> = {
  yuan: '元',
  person: '人',
  piece: '件',
  percent: '%',
  sqm: '㎡',
  month: '个月',
  yuanPerSqmMonth: '元/㎡·月',
  count: '个',
};

/**
 * A number read from the facts, shared by conditions (`compare`) and amount formulas (`rate`, `perUnit`, `tiers`).
 * - `yearly`: one yearly figure (元) of one year;
 * - `increment`: to − from (元), e.g. 营收增量, may be negative;
 * - `growth`: (to − from) / from in percent, e.g. 研发投入增长率; undefined growth (from = 0) is +∞ when to > 0;
 * - `ip`: the sum of the IP counts of the listed kinds (件);
 * - `measure`: a number the profile does not hold (rented area, loan interest …), listed in the fact catalogue.
 */
export type Quantity =
  | { of: 'profile'; field: ProfileNumberField }
  | { of: 'yearly'; metric: YearlyMetric; year: YearRef }
  | { of: 'increment'; metric: YearlyMetric; from: YearRef; to: YearRef }
  | { of: 'growth'; metric: YearlyMetric; from: YearRef; to: YearRef }
  | { of: 'ip'; kinds: IpKind[] }
  | { of: 'measure'; measure: string };

const metricSchema = z.enum(YEARLY_METRICS);
const codeSchema = z.string().regex(/^[a-z][a-z0-9_]{0,63}$/, '编码应为小写字母开头的字母、数字或下划线');

export const quantitySchema: z.ZodType<Quantity> = z.discriminatedUnion('of', [
  z.strictObject({ of: z.literal('profile'), field: z.enum(PROFILE_NUMBER_FIELDS) }),
  z.strictObject({ of: z.literal('yearly'), metric: metricSchema, year: yearRefSchema }),
  z.strictObject({
    of: z.literal('increment'),
    metric: metricSchema,
    from: yearRefSchema,
    to: yearRefSchema,
  }),
  z.strictObject({ of: z.literal('growth'), metric: metricSchema, from: yearRefSchema, to: yearRefSchema }),
  z.strictObject({ of: z.literal('ip'), kinds: z.array(z.enum(IP_KINDS)).min(1, '请至少选择一种知识产权') }),
  z.strictObject({ of: z.literal('measure'), measure: codeSchema }),
]);

export const COMPARE_OPS = ['>=', '>', '<=', '<', '==', '!='] as const;
export type CompareOp = (typeof COMPARE_OPS)[number];

// ——— conditions ———

const idSchema = z
  .string({ message: '条件编号应为文字' })
  .regex(/^[A-Za-z0-9_-]{1,64}$/, '编号应为 1–64 位字母、数字、下划线或连字符');
const labelSchema = z
  .string({ message: '说明应为文字' })
  .trim()
  .min(1, '请填写条件的白话说明')
  .max(200, '说明不能超过 200 个字');
const weightSchema = z.number().positive('权重应大于 0').max(100, '权重不能超过 100');
const isoDate = z.string().regex(/^\d{4}-\d{2}-\d{2}$/, '日期应为 YYYY-MM-DD');

interface LeafBase {
  id: string;
  /** Plain-language Chinese, e.g. "上年度营业收入不低于2000万元". */
  label: string;
  /** Weight in the ranking score (fraction of conditions met); default 1. */
  weight?: number;
}

/** quantity op value, e.g. 上年度研发投入增长率 ≥ 10 (%). */
export interface CompareCondition extends LeafBase {
  kind: 'compare';
  quantity: Quantity;
  op: CompareOp;
  value: number;
}

export const MEMBERSHIP_FIELDS = ['industryCode', 'streetCode', 'sizeClass'] as const;
export type MembershipField = (typeof MEMBERSHIP_FIELDS)[number];
export const MEMBERSHIP_FIELD_LABELS: Record<MembershipField, string> = {
  industryCode: '所属行业',
  streetCode: '所属街道',
  sizeClass: '企业规模',
};

/**
 * The field is one of `values`. Industry values are GB/T 4754-2017 codes matched as prefixes ('65' matches 6511)
 * or 门类 letters ('C' = 制造业, any 大类 13–43); street values are street codes; size classes are
 * large/medium/small/micro.
 */
export interface MembershipCondition extends LeafBase {
  kind: 'membership';
  field: MembershipField;
  values: string[];
}

/** Whose date: the establishment date, or an event date from the catalogue (落户本区, 上市 …). */
export type DateSubject = { of: 'established' } | { of: 'event'; event: string };

/**
 * - `ageAtLeast`: the anniversary (date + years + months + days, month-end clamped: 2024-02-29 + 1 year =
 *   2025-02-28, as 民法典 §202 counts periods) is on or before the evaluation date — "成立满1年";
 * - `ageLessThan`: the anniversary is after the evaluation date — "成立不满3年";
 * - `onOrBefore` / `onOrAfter` an absolute date; `inYear`: the date falls in that year ("2025年内迁入").
 */
export type DateTest =
  | { op: 'ageAtLeast' | 'ageLessThan'; years?: number; months?: number; days?: number }
  | { op: 'onOrBefore' | 'onOrAfter'; date: string }
  | { op: 'inYear'; year: YearRef };

export interface DateCondition extends LeafBase {
  kind: 'date';
  subject: DateSubject;
  test: DateTest;
}

/**
 * The enterprise has been recognised with a qualification (资质), optionally:
 * - `validAtEvaluation`: still valid on the evaluation date (not expired);
 * - `minYearsHeld`: first recognised at least N years before the evaluation date (held since, by assumption);
 * - `recognizedIn`: (re)recognised in that year — 新认定 is `{ref:'reward', offset:0}`;
 * - `recognition` (with `recognizedIn`): `first` = first recognition ever (首次认定, also 首次入统 with the
 *   `above_scale` qualification), `renewal` = recognised again after an earlier recognition (重新认定).
 */
export interface QualificationCondition extends LeafBase {
  kind: 'qualification';
  qualification: string;
  validAtEvaluation?: boolean;
  minYearsHeld?: number;
  recognizedIn?: YearRef;
  recognition?: 'first' | 'renewal';
}

/** A yearly figure first reaches `threshold` in `year`: that year ≥ threshold, each of the `lookbackYears` before below. */
export interface FirstCrossingCondition extends LeafBase {
  kind: 'firstCrossing';
  metric: YearlyMetric;
  threshold: number;
  year: YearRef;
  lookbackYears: number;
}

/** A yes/no fact from the catalogue (纳税信用A级, 已获创业担保贷款 …) equals `value` (default true). */
export interface FlagCondition extends LeafBase {
  kind: 'flag';
  flag: string;
  value?: boolean;
}

/** Shown, never evaluated; settled by the reviewer ("合法合规经营", "近三年无重大安全事故"). */
export interface ManualCondition extends LeafBase {
  kind: 'manual';
  /** What the reviewer should look at, e.g. "查验信用中国记录". */
  hint?: string;
}

export type LeafCondition =
  | CompareCondition
  | MembershipCondition
  | DateCondition
  | QualificationCondition
  | FirstCrossingCondition
  | FlagCondition
  | ManualCondition;
export type LeafKind = LeafCondition['kind'];
export const LEAF_KINDS = [
  'compare',
  'membership',
  'date',
  'qualification',
  'firstCrossing',
  'flag',
  'manual',
] as const satisfies readonly LeafKind[];
export const LEAF_KIND_LABELS: Record<LeafKind, string> = {
  compare: '数值比较',
  membership: '行业/街道/规模',
  date: '日期',
  qualification: '资质',
  firstCrossing: '首次达到',
  flag: '是/否事项',
  manual: '人工审核',
};

/** All children hold (同时满足). */
export interface AllNode {
  id: string;
  label?: string;
  all: ConditionNode[];
}
/** At least one child holds (满足其一). */
export interface AnyNode {
  id: string;
  label?: string;
  any: ConditionNode[];
}
/** The child does not hold (不属于 / 不得). */
export interface NotNode {
  id: string;
  label?: string;
  not: ConditionNode;
}
export type GroupNode = AllNode | AnyNode | NotNode;
export type ConditionNode = GroupNode | LeafCondition;

export const compareConditionSchema = z.strictObject({
  id: idSchema,
  label: labelSchema,
  weight: weightSchema.optional(),
  kind: z.literal('compare'),
  quantity: quantitySchema,
  op: z.enum(COMPARE_OPS),
  value: z.number({ message: '比较值应为数字' }).refine(Number.isFinite, '比较值应为有限数字'),
});
export const membershipConditionSchema = z.strictObject({
  id: idSchema,
  label: labelSchema,
  weight: weightSchema.optional(),
  kind: z.literal('membership'),
  field: z.enum(MEMBERSHIP_FIELDS),
  values: z.array(z.string().trim().min(1, '取值不能为空').max(32)).min(1, '请至少选择一个取值').max(500),
});
const durationPart = z.number().int().min(0).max(200).optional();
export const dateTestSchema: z.ZodType<DateTest> = z.union([
  z.strictObject({
    op: z.enum(['ageAtLeast', 'ageLessThan']),
    years: durationPart,
    months: durationPart,
    days: durationPart,
  }),
  z.strictObject({ op: z.enum(['onOrBefore', 'onOrAfter']), date: isoDate }),
  z.strictObject({ op: z.literal('inYear'), year: yearRefSchema }),
]);
export const dateConditionSchema = z.strictObject({
  id: idSchema,
  label: labelSchema,
  weight: weightSchema.optional(),
  kind: z.literal('date'),
  subject: z.discriminatedUnion('of', [
    z.strictObject({ of: z.literal('established') }),
    z.strictObject({ of: z.literal('event'), event: codeSchema }),
  ]),
  test: dateTestSchema,
});
export const qualificationConditionSchema = z.strictObject({
  id: idSchema,
  label: labelSchema,
  weight: weightSchema.optional(),
  kind: z.literal('qualification'),
  qualification: codeSchema,
  validAtEvaluation: z.boolean().optional(),
  minYearsHeld: z.number().int().min(1).max(50).optional(),
  recognizedIn: yearRefSchema.optional(),
  recognition: z.enum(['first', 'renewal']).optional(),
});
export const firstCrossingConditionSchema = z.strictObject({
  id: idSchema,
  label: labelSchema,
  weight: weightSchema.optional(),
  kind: z.literal('firstCrossing'),
  metric: metricSchema,
  threshold: z.number().positive('门槛应大于 0'),
  year: yearRefSchema,
  lookbackYears: z.number().int().min(1, '回溯年数至少为 1').max(10, '回溯年数不能超过 10'),
});
export const flagConditionSchema = z.strictObject({
  id: idSchema,
  label: labelSchema,
  weight: weightSchema.optional(),
  kind: z.literal('flag'),
  flag: codeSchema,
  value: z.boolean().optional(),
});
export const manualConditionSchema = z.strictObject({
  id: idSchema,
  label: labelSchema,
  weight: weightSchema.optional(),
  kind: z.literal('manual'),
  hint: z.string().trim().max(200).optional(),
});

/** One schema per leaf kind, so a validator can check a node against the schema its `kind` names. */
export const LEAF_SCHEMAS = {
  compare: compareConditionSchema,
  membership: membershipConditionSchema,
  date: dateConditionSchema,
  qualification: qualificationConditionSchema,
  firstCrossing: firstCrossingConditionSchema,
  flag: flagConditionSchema,
  manual: manualConditionSchema,
} as const satisfies Record<LeafKind, z.ZodType>;

export const leafConditionSchema: z.ZodType<LeafCondition> = z.discriminatedUnion('kind', [
  compareConditionSchema,
  membershipConditionSchema,
  dateConditionSchema,
  qualificationConditionSchema,
  firstCrossingConditionSchema,
  flagConditionSchema,
  manualConditionSchema,
]);

export const conditionNodeSchema: z.ZodType<ConditionNode> = z.lazy(() =>
  z.union([
    z.strictObject({ id: idSchema, label: labelSchema.optional(), all: z.array(conditionNodeSchema).min(1) }),
    z.strictObject({ id: idSchema, label: labelSchema.optional(), any: z.array(conditionNodeSchema).min(1) }),
    z.strictObject({ id: idSchema, label: labelSchema.optional(), not: conditionNodeSchema }),
    leafConditionSchema,
  ]),
);

// ——— amounts ———

/** What a `byCategory` table is keyed by. `recognition` yields 'first' | 'renewal' | 'none' for that year. */
export type CategorySource =
  | { of: 'sizeClass' }
  | { of: 'streetCode' }
  | { of: 'recognition'; qualification: string; year: YearRef };

/**
 * Amount formulas, in 元. Each yields an exact amount when the facts decide it, else a range {min, max}.
 * - `fixed`: a sum;
 * - `rate`: percent × a quantity (a figure, an increment …), clamped to [floor, cap]; negative bases give 0;
 * - `perUnit`: amountPerUnit for every unitSize of a quantity ("每增加1亿元奖励5万元"); whole units only unless
 *   `prorate`; capped;
 * - `tiers`: the amount of the highest tier whose `atLeast` ≤ the quantity (ascending); below the first tier 0;
 * - `byCategory`: the amount of the case matching a category (首次认定 30万 / 重新认定 15万), else `otherwise` (0);
 * - `max`: the highest of several (就高不重复); `sum`: components, each optionally only `when` a condition holds;
 * - `multiplier`: base × factor when a condition holds (e.g. 小巨人 × 1.5);
 * - `monthly`: perMonth × months (a number or a quantity), at most maxMonths;
 * - `clamp`: bounds a sub-formula; `sharedCap`: min(amount, total − what another level already paid) for
 *   "市区合计不超过 X", the other level's payment being the fact `otherPayments[otherPayment]`.
 */
export type AmountFormula =
  | { kind: 'fixed'; amount: number }
  | { kind: 'rate'; percent: number; base: Quantity; floor?: number; cap?: number }
  | {
      kind: 'perUnit';
      quantity: Quantity;
      unitSize: number;
      amountPerUnit: number;
      prorate?: boolean;
      cap?: number;
    }
  | { kind: 'tiers'; quantity: Quantity; tiers: { atLeast: number; amount: AmountFormula; label?: string }[] }
  | {
      kind: 'byCategory';
      category: CategorySource;
      cases: { value: string; amount: AmountFormula; label?: string }[];
      otherwise?: AmountFormula;
    }
  | { kind: 'max'; of: AmountFormula[] }
  | { kind: 'sum'; of: AmountComponent[] }
  | { kind: 'multiplier'; base: AmountFormula; factor: number; when: ConditionNode }
  | { kind: 'monthly'; perMonth: AmountFormula; months: number | Quantity; maxMonths?: number }
  | { kind: 'clamp'; amount: AmountFormula; min?: number; max?: number }
  | { kind: 'sharedCap'; amount: AmountFormula; total: number; otherPayment: string };
export type AmountKind = AmountFormula['kind'];
export const AMOUNT_KINDS = [
  'fixed',
  'rate',
  'perUnit',
  'tiers',
  'byCategory',
  'max',
  'sum',
  'multiplier',
  'monthly',
  'clamp',
  'sharedCap',
] as const satisfies readonly AmountKind[];

export interface AmountComponent {
  /** e.g. "基础奖励", "首次认定加奖". */
  label?: string;
  /** The component counts only when this holds. */
  when?: ConditionNode;
  amount: AmountFormula;
}

/** A whole number of 元, ≥ 0. */
const yuanSchema = z
  .number({ message: '金额应为数字（元）' })
  .int('金额应为以元为单位的整数')
  .min(0, '金额不能为负数')
  .max(1e12, '金额过大');

const categorySourceSchema: z.ZodType<CategorySource> = z.discriminatedUnion('of', [
  z.strictObject({ of: z.literal('sizeClass') }),
  z.strictObject({ of: z.literal('streetCode') }),
  z.strictObject({ of: z.literal('recognition'), qualification: codeSchema, year: yearRefSchema }),
]);

/**
 * The per-kind schemas, built over the schemas of their sub-formulas and sub-conditions: once shallow (children
 * `unknown`, so that the server's validator can walk the children itself and report precise paths) and once deep
 * (the full recursive schema for OpenAPI and the UI's types).
 */
function amountSchemas(formula: z.ZodType, condition: z.ZodType) {
  return {
    fixed: z.strictObject({ kind: z.literal('fixed'), amount: yuanSchema }),
    rate: z.strictObject({
      kind: z.literal('rate'),
      percent: z.number().positive('比例应大于 0').max(100, '比例不能超过 100%'),
      base: quantitySchema,
      floor: yuanSchema.optional(),
      cap: yuanSchema.optional(),
    }),
    perUnit: z.strictObject({
      kind: z.literal('perUnit'),
      quantity: quantitySchema,
      unitSize: z.number().positive('计量单位应大于 0'),
      amountPerUnit: z.number().positive('单位金额应大于 0').max(1e10, '单位金额过大'),
      prorate: z.boolean().optional(),
      cap: yuanSchema.optional(),
    }),
    tiers: z.strictObject({
      kind: z.literal('tiers'),
      quantity: quantitySchema,
      tiers: z
        .array(
          z.strictObject({ atLeast: z.number(), amount: formula, label: z.string().max(100).optional() }),
        )
        .min(1, '档位表不能为空')
        .max(50, '档位不能超过 50 个'),
    }),
    byCategory: z.strictObject({
      kind: z.literal('byCategory'),
      category: categorySourceSchema,
      cases: z
        .array(
          z.strictObject({
            value: z.string().min(1).max(32),
            amount: formula,
            label: z.string().max(100).optional(),
          }),
        )
        .min(1, '分类表不能为空')
        .max(50, '分类不能超过 50 个'),
      otherwise: formula.optional(),
    }),
    max: z.strictObject({ kind: z.literal('max'), of: z.array(formula).min(1, '请至少给出一项').max(20) }),
    sum: z.strictObject({
      kind: z.literal('sum'),
      of: z
        .array(
          z.strictObject({
            label: z.string().max(100).optional(),
            when: condition.optional(),
            amount: formula,
          }),
        )
        .min(1, '请至少给出一项')
        .max(20),
    }),
    multiplier: z.strictObject({
      kind: z.literal('multiplier'),
      base: formula,
      factor: z.number().positive('倍数应大于 0').max(100, '倍数不能超过 100'),
      when: condition,
    }),
    monthly: z.strictObject({
      kind: z.literal('monthly'),
      perMonth: formula,
      months: z.union([z.number().int().min(1).max(600), quantitySchema]),
      maxMonths: z.number().int().min(1).max(600).optional(),
    }),
    clamp: z.strictObject({
      kind: z.literal('clamp'),
      amount: formula,
      min: yuanSchema.optional(),
      max: yuanSchema.optional(),
    }),
    sharedCap: z.strictObject({
      kind: z.literal('sharedCap'),
      amount: formula,
      total: yuanSchema,
      otherPayment: codeSchema,
    }),
  } as const satisfies Record<AmountKind, z.ZodType>;
}

/** Shallow per-kind schemas: sub-formulas and sub-conditions are `unknown` (the validator walks them). */
export const AMOUNT_SCHEMAS = amountSchemas(z.unknown(), z.unknown());

export const amountFormulaSchema: z.ZodType<AmountFormula> = z.lazy(() => {
  const deep = amountSchemas(amountFormulaSchema, conditionNodeSchema);
  return z.discriminatedUnion('kind', [
    deep.fixed,
    deep.rate,
    deep.perUnit,
    deep.tiers,
    deep.byCategory,
    deep.max,
    deep.sum,
    deep.multiplier,
    deep.monthly,
    deep.clamp,
    deep.sharedCap,
  ]);
}) as z.ZodType<AmountFormula>;

// ——— the rule set stored with a program version ———

export interface RuleSet {
  schemaVersion: typeof RULES_SCHEMA_VERSION;
  /** The year whose achievements this round rewards (奖励年度); else the caller's (default: evaluation year − 1). */
  rewardYear?: number;
  conditions: ConditionNode;
  /** Absent when the program grants no money (a qualification, a service). */
  amount?: AmountFormula;
}

/**
 * The shape only. Semantic checks (known codes, unique ids, sane years, manual under `not` …) and precise error
 * paths come from `validateRuleSet` on the server, which the API runs on every write.
 */
export const ruleSetSchema: z.ZodType<RuleSet> = z.strictObject({
  schemaVersion: z.literal(RULES_SCHEMA_VERSION),
  rewardYear: z.number().int().min(RULE_YEAR_MIN).max(RULE_YEAR_MAX).optional(),
  conditions: conditionNodeSchema,
  amount: amountFormulaSchema.optional(),
});

// ——— facts ———

/**
 * What is known of one qualification kind. `recognized: false` = known never recognised; the entry absent =
 * unknown. Dates: `recognizedOn` is the latest recognition on or before the evaluation date, `firstRecognizedOn`
 * the first ever (equal for a first recognition), `expiresOn` the end of the latest (null = no expiry); each may
 * be unknown. `recognitionYears`, when present, is the complete list of years with a recognition (the profile
 * knows it; a self-test answer does not), which settles "recognised in year Y" between the first and the latest.
 */
export interface QualificationFact {
  recognized: boolean;
  recognizedOn?: string;
  firstRecognizedOn?: string;
  expiresOn?: string | null;
  recognitionYears?: number[];
}

/**
 * A snapshot of what is known about one enterprise (or the self-test's ad-hoc answers — the same type, partial).
 * Every fact may be absent and an absent fact is unknown, never zero. Money in 元.
 */
export interface EnterpriseFacts {
  employees?: number;
  insuredEmployees?: number;
  /** 元 */
  registeredCapital?: number;
  establishedOn?: string;
  /** GB/T 4754-2017 digits ('6511'). */
  industryCode?: string;
  streetCode?: string;
  sizeClass?: SizeClassCode;
  /** Keyed by year ('2025'); figures in 元. */
  yearly?: Record<string, Partial<Record<YearlyMetric, number>>>;
  ip?: Partial<Record<IpKind, number>>;
  /** Keyed by qualification kind code. */
  qualifications?: Record<string, QualificationFact>;
  /** Yes/no facts keyed by catalogue code. */
  flags?: Record<string, boolean>;
  /** Other numbers keyed by catalogue code, in the catalogue's unit. */
  measures?: Record<string, number>;
  /** Event dates (YYYY-MM-DD) keyed by catalogue code. */
  events?: Record<string, string>;
  /** What another level (市级 …) already paid for the same item, 元, keyed by catalogue code. */
  otherPayments?: Record<string, number>;
}

const factNumber = z
  .number()
  .refine(Number.isFinite, '应为有限数字')
  .refine((v) => v >= 0, '不能为负数');
const factDate = z.string().regex(/^\d{4}-\d{2}-\d{2}$/, '日期应为 YYYY-MM-DD');
const factRecord = <T extends z.ZodType>(value: T) =>
  z.record(z.string().regex(/^[a-z][a-z0-9_]{0,63}$/), value);

export const qualificationFactSchema: z.ZodType<QualificationFact> = z.strictObject({
  recognized: z.boolean(),
  recognizedOn: factDate.optional(),
  firstRecognizedOn: factDate.optional(),
  expiresOn: factDate.nullable().optional(),
  recognitionYears: z.array(z.number().int().min(1900).max(2100)).max(100).optional(),
});

/** Facts as the self-test posts them (every field optional). */
export const enterpriseFactsSchema: z.ZodType<EnterpriseFacts> = z.strictObject({
  employees: factNumber.optional(),
  insuredEmployees: factNumber.optional(),
  registeredCapital: factNumber.optional(),
  establishedOn: factDate.optional(),
  industryCode: z
    .string()
    .regex(/^\d{2,4}$/, '行业代码应为 2–4 位数字')
    .optional(),
  streetCode: z.string().min(1).max(32).optional(),
  sizeClass: z.enum(SIZE_CLASSES).optional(),
  yearly: z
    .record(z.string().regex(/^\d{4}$/, '年度应为四位数字'), z.partialRecord(metricSchema, factNumber))
    .optional(),
  ip: z.partialRecord(z.enum(IP_KINDS), factNumber).optional(),
  qualifications: factRecord(qualificationFactSchema).optional(),
  flags: factRecord(z.boolean()).optional(),
  measures: factRecord(factNumber).optional(),
  events: factRecord(factDate).optional(),
  otherPayments: factRecord(factNumber).optional(),
});

/**
 * Fact keys name one missing fact, for "missing facts" lists and the self-test's next question:
 * `employees`, `insuredEmployees`, `registeredCapital`, `establishedOn`, `industryCode`, `streetCode`, `sizeClass`,
 * `yearly.2025.revenue`, `ip.invention`, `qualification.high_tech`, `flag.<code>`, `measure.<code>`,
 * `event.<code>`, `otherPayment.<code>`. Years are resolved (never relative) in keys.
 */
export type FactKey = string;

// ——— the catalogue of facts rules may refer to ———

export interface CatalogueEntry {
  code: string;
  name: string;
}
export interface MeasureEntry extends CatalogueEntry {
  unit: QuantityUnit;
}

/**
 * The codes rules may use beyond the fixed profile fields. The server builds it from the qualification kinds
 * table and these defaults; validation refuses codes that are not in it.
 */
export interface FactCatalogue {
  qualifications: readonly CatalogueEntry[];
  flags: readonly CatalogueEntry[];
  measures: readonly MeasureEntry[];
  events: readonly CatalogueEntry[];
  otherPayments: readonly CatalogueEntry[];
  /** When given, street codes in rules must be among them. */
  streets?: readonly CatalogueEntry[];
}

/** Qualification kinds district policies reward beyond the profile's defaults (same codes as the demo data). */
export const POLICY_QUALIFICATION_KINDS: readonly CatalogueEntry[] = [
  ...DEFAULT_QUALIFICATION_KINDS,
  { code: 'innovative_sme', name: '创新型中小企业' },
  { code: 'above_scale', name: '规上企业（首次入统）' },
  { code: 'headquarters', name: '总部企业' },
];

export const DEFAULT_FACT_CATALOGUE: FactCatalogue = {
  qualifications: POLICY_QUALIFICATION_KINDS,
  flags: [
    { code: 'tax_credit_a', name: '纳税信用等级为A级' },
    { code: 'listing_tutoring_filed', name: '已在证监局完成上市辅导备案' },
    { code: 'listing_application_accepted', name: '上市申请已获受理' },
    { code: 'startup_guarantee_loan', name: '已获得创业担保贷款' },
    { code: 'loan_repaid_on_time', name: '按期还本付息' },
    { code: 'key_industry_building', name: '入驻重点产业楼宇' },
    { code: 'rent_paid', name: '已按合同支付租金' },
    { code: 'talent_no_housing', name: '引进人才在本区无自有住房' },
  ],
  measures: [
    { code: 'rented_area', name: '租用办公面积', unit: 'sqm' },
    { code: 'rent_per_sqm_month', name: '实际租金单价', unit: 'yuanPerSqmMonth' },
    { code: 'lease_months', name: '租期', unit: 'month' },
    { code: 'loan_amount', name: '贷款金额', unit: 'yuan' },
    { code: 'loan_interest_paid', name: '已付贷款利息', unit: 'yuan' },
    { code: 'talent_count', name: '引进符合条件人才数', unit: 'person' },
    { code: 'talent_months', name: '人才在本区工作月数', unit: 'month' },
    { code: 'ipo_funds_raised', name: '首发募集资金', unit: 'yuan' },
  ],
  events: [
    { code: 'settled', name: '落户本区日期' },
    { code: 'listed', name: '上市日期' },
    { code: 'listing_tutoring', name: '上市辅导备案日期' },
    { code: 'loan_issued', name: '贷款发放日期' },
  ],
  otherPayments: [
    { code: 'city_little_giant', name: '市级“小巨人”奖励已拨付金额' },
    { code: 'city_listing', name: '市级上市奖励已拨付金额' },
    { code: 'city_high_tech', name: '市级高新技术企业奖励已拨付金额' },
  ],
};

// ——— evaluation results (the API answers these; the UI renders them) ———

export const CONDITION_STATUSES = ['met', 'unmet', 'unknown', 'manual'] as const;
export type ConditionStatus = (typeof CONDITION_STATUSES)[number];
export const CONDITION_STATUS_LABELS: Record<ConditionStatus, string> = {
  met: '符合',
  unmet: '不符合',
  unknown: '待补充',
  manual: '人工审核',
};

export const ELIGIBILITY_STATUSES = ['eligible', 'undetermined', 'ineligible'] as const;
export type EligibilityStatus = (typeof ELIGIBILITY_STATUSES)[number];
export const ELIGIBILITY_STATUS_LABELS: Record<EligibilityStatus, string> = {
  eligible: '符合条件',
  undetermined: '待补充信息',
  ineligible: '暂不符合',
};

/** 元; `max: null` = no upper bound known (a formula without a cap over a missing fact). */
export const amountEstimateSchema = z.object({ min: z.number(), max: z.number().nullable() });
export type AmountEstimate = z.infer<typeof amountEstimateSchema>;

export interface ConditionOutcome {
  id: string;
  label: string;
  /** 'all' | 'any' | 'not' or the leaf kind. */
  kind: string;
  status: ConditionStatus;
  /** Chinese, with the actual values: "2025年营业收入 1,850万元，低于 2,000万元". */
  reason: string;
  /** Facts that would settle this node (only when unknown). */
  missingFacts: FactKey[];
  children?: ConditionOutcome[];
}
export const conditionOutcomeSchema: z.ZodType<ConditionOutcome> = z.lazy(() =>
  z.object({
    id: z.string(),
    label: z.string(),
    kind: z.string(),
    status: z.enum(CONDITION_STATUSES),
    reason: z.string(),
    missingFacts: z.array(z.string()),
    children: z.array(conditionOutcomeSchema).optional(),
  }),
);

/** One thing the enterprise lacks: "研发投入还差 120万元", "需取得高新技术企业认定", "成立满1年还差 45 天". */
export interface GapItem {
  conditionId: string;
  label: string;
  message: string;
  /** How much is lacking, in `unit` (元 for money, days for dates …), when it is a number. */
  shortfall?: number;
  unit?: QuantityUnit | 'day';
  /** False when no effort can change it (wrong street, already crossed the line before). */
  fixable: boolean;
  /** Facts to supply (for unknown conditions). */
  missingFacts?: FactKey[];
  /** For an unmet "any" group: any one of these alternatives (each a list of items) would do. */
  anyOf?: GapItem[][];
}
export const gapItemSchema: z.ZodType<GapItem> = z.lazy(() =>
  z.object({
    conditionId: z.string(),
    label: z.string(),
    message: z.string(),
    shortfall: z.number().optional(),
    unit: z.enum([...QUANTITY_UNITS, 'day']).optional(),
    fixable: z.boolean(),
    missingFacts: z.array(z.string()).optional(),
    anyOf: z.array(z.array(gapItemSchema)).optional(),
  }),
);

/** The fast result of matching one program (what lists and 政策找企业 need). */
export const matchSummarySchema = z.object({
  status: z.enum(ELIGIBILITY_STATUSES),
  /** Weighted fraction of evaluable conditions met, 0–1 (manual conditions excluded). */
  score: z.number(),
  /** Null when ineligible or when the program grants no money. */
  amount: amountEstimateSchema.nullable(),
  /** Facts that would settle the status (empty unless undetermined). */
  missingFacts: z.array(z.string()),
  /** Facts that would narrow the amount range. */
  amountMissingFacts: z.array(z.string()),
  /** Number of manual conditions the reviewer must settle. */
  manualCount: z.number().int(),
});
export type MatchSummary = z.infer<typeof matchSummarySchema>;

export const programEvaluationSchema = matchSummarySchema.extend({
  conditions: conditionOutcomeSchema,
  gaps: z.array(gapItemSchema),
  manualConditions: z.array(z.object({ id: z.string(), label: z.string(), hint: z.string().optional() })),
  /** How the amount was computed, in Chinese ("按研发投入增量的10%计算，最高150万元：…"). */
  amountExplanation: z.string().nullable(),
  rewardYear: z.number().int(),
  asOf: z.string(),
});
export type ProgramEvaluation = z.infer<typeof programEvaluationSchema>;

export const ANSWER_TYPES = [
  'number',
  'money',
  'date',
  'boolean',
  'qualification',
  'industry',
  'street',
  'sizeClass',
] as const;
export type AnswerType = (typeof ANSWER_TYPES)[number];

/** A self-test question: the fact to ask for and how many undetermined programs it bears on. */
export const factQuestionSchema = z.object({
  fact: z.string(),
  /** "2025年营业收入是多少？" */
  question: z.string(),
  answer: z.enum(ANSWER_TYPES),
  unit: z.enum(QUANTITY_UNITS).optional(),
  /** Programs whose status this fact bears on. */
  programs: z.array(z.string()),
  /** Programs this fact alone would settle (it is their only missing fact). */
  settles: z.number().int(),
  /** Σ 1/|missing facts| over the programs: the expected share of a program settled by answering. */
  weight: z.number(),
});
export type FactQuestion = z.infer<typeof factQuestionSchema>;

// ——— small helpers shared with the UI ———

/** 万元 typed in a form → 元 stored in a rule (rounded to whole 元). */
export function yuanFromWan(wan: number): number {
  return Math.round(wan * 10_000);
}

function groupDigits(intPart: string): string {
  let out = '';
  for (let i = 0; i < intPart.length; i++) {
    if (i > 0 && (intPart.length - i) % 3 === 0) out += ',';
    out += intPart[i];
  }
  return out;
}

/** A plain number with thousands separators and at most `decimals` decimals: 1234.5 → "1,234.5". */
export function formatNumber(v: number, decimals = 2): string {
  if (!Number.isFinite(v)) return v > 0 ? '∞' : v < 0 ? '-∞' : '—';
  const neg = v < 0;
  const fixed = Math.abs(v).toFixed(decimals);
  const [i, f] = fixed.split('.') as [string, string | undefined];
  const frac = f ? f.replace(/0+$/, '') : '';
  return `${neg ? '-' : ''}${groupDigits(i)}${frac ? `.${frac}` : ''}`;
}

/** Money for people: 18,500,000 → "1,850万元"; 250,000,000 → "2.5亿元"; under 1万 in 元 ("3,000元"). */
export function formatYuan(yuan: number): string {
  if (!Number.isFinite(yuan)) return '不设上限';
  const abs = Math.abs(yuan);
  if (abs < 10_000) return `${formatNumber(yuan, 2)}元`;
  if (abs < 100_000_000) return `${formatNumber(yuan / 10_000, 2)}万元`;
  return `${formatNumber(yuan / 100_000_000, 4)}亿元`;
}

/** An amount estimate for people: "30万元" or "0–150万元". */
export function formatAmountEstimate(a: AmountEstimate): string {
  if (a.max === null) return `${formatYuan(a.min)}起`;
  if (a.min === a.max) return formatYuan(a.min);
  return `${formatYuan(a.min)}–${formatYuan(a.max)}`;
}
