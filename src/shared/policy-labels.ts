import { IP_KIND_LABELS, SIZE_CLASS_NAMES, type SizeClassCode, YEARLY_METRIC_LABELS } from './enterprises';
import { findIndustry, findIndustrySection } from './industries';
import {
  type AmountFormula,
  type CategorySource,
  type CompareOp,
  type ConditionNode,
  type DateSubject,
  type DateTest,
  formatNumber,
  formatYuan,
  MEMBERSHIP_FIELD_LABELS,
  type MembershipField,
  PROFILE_NUMBER_FIELD_LABELS,
  QUANTITY_UNIT_LABELS,
  type Quantity,
  type QuantityUnit,
  type YearRef,
} from './policy-rules';

/**
 * Plain-language Chinese for rules, formulas and values — the one wording shared by the server and the web: the
 * evaluator's reasons use it with resolved years ("2025年营业收入"), the rule editor with relative ones
 * ("上年度营业收入") to suggest a label. Labels are stored data that applicants read, so they are Chinese whatever
 * the UI language. No Node or DOM imports, so both sides can use it.
 */

/** The names a catalogue gives to codes; the server's catalogue index and the editor's name index both fit. */
export interface LabelIndex {
  qualification(code: string): string;
  flag(code: string): string;
  measure(code: string): { name: string; unit: QuantityUnit } | undefined;
  event(code: string): string;
  otherPayment(code: string): string;
  street(code: string): string | undefined;
}

/** The names the catalogue gives to codes, as the editor receives them (GET rules catalogue). */
export interface CatalogueNames {
  qualifications: readonly { code: string; name: string }[];
  flags: readonly { code: string; name: string }[];
  measures: readonly { code: string; name: string; unit: string }[];
  events: readonly { code: string; name: string }[];
  otherPayments: readonly { code: string; name: string }[];
  streets?: readonly { code: string; name: string }[];
}

/** A LabelIndex over catalogue names; unknown codes read as themselves. */
export function nameIndex(c: CatalogueNames): LabelIndex {
  const map = (list: readonly { code: string; name: string }[] | undefined) =>
    new Map((list ?? []).map((e) => [e.code, e.name]));
  const q = map(c.qualifications);
  const f = map(c.flags);
  const e = map(c.events);
  const o = map(c.otherPayments);
  const s = map(c.streets);
  const m = new Map(c.measures.map((x) => [x.code, { name: x.name, unit: x.unit as QuantityUnit }]));
  return {
    qualification: (code) => q.get(code) ?? code,
    flag: (code) => f.get(code) ?? code,
    measure: (code) => m.get(code),
    event: (code) => e.get(code) ?? code,
    otherPayment: (code) => o.get(code) ?? code,
    street: (code) => s.get(code),
  };
}

/** How a year is written: relative words for a rule, "2025年" once resolved. */
export type YearText = (ref: YearRef) => string;

/** "上年度", "前年度", "奖励年度", "2024年" — for a rule read before any evaluation date is known. */
export const relativeYearText: YearText = (ref) => {
  switch (ref.ref) {
    case 'absolute':
      return `${ref.year}年`;
    case 'evaluation':
      if (ref.offset === 0) return '本年度';
      if (ref.offset === -1) return '上年度';
      if (ref.offset === -2) return '前年度';
      return `${-ref.offset}年前`;
    case 'reward':
      if (ref.offset === 0) return '奖励年度';
      return ref.offset < 0 ? `奖励年度前${-ref.offset}年` : `奖励年度后${ref.offset}年`;
  }
};

// ——— values ———

export function quantityUnit(q: Quantity, index: LabelIndex): QuantityUnit {
  switch (q.of) {
    case 'profile':
      return q.field === 'registeredCapital' ? 'yuan' : 'person';
    case 'yearly':
    case 'increment':
      return 'yuan';
    case 'growth':
      return 'percent';
    case 'ip':
      return 'piece';
    case 'measure':
      return index.measure(q.measure)?.unit ?? 'count';
  }
}

/** A value in its unit: money via formatYuan, "12.5%", "120人", "350㎡", "36个月". */
export function formatValue(v: number, unit: QuantityUnit | 'day'): string {
  if (unit === 'yuan') return formatYuan(v);
  if (unit === 'percent') return Number.isFinite(v) ? `${formatNumber(v, 2)}%` : '无法计算（基期为0）';
  if (unit === 'day') return `${formatNumber(v, 0)}天`;
  return `${formatNumber(v, 2)}${QUANTITY_UNIT_LABELS[unit]}`;
}

/** "上年度营业收入", "研发投入增长率（2025年较2024年）", "发明专利与实用新型合计数量". */
export function describeQuantity(q: Quantity, index: LabelIndex, year: YearText = relativeYearText): string {
  switch (q.of) {
    case 'profile':
      return PROFILE_NUMBER_FIELD_LABELS[q.field];
    case 'yearly':
      return `${year(q.year)}${YEARLY_METRIC_LABELS[q.metric]}`;
    case 'increment':
      return `${YEARLY_METRIC_LABELS[q.metric]}增量（${year(q.to)}较${year(q.from)}）`;
    case 'growth':
      return `${YEARLY_METRIC_LABELS[q.metric]}增长率（${year(q.to)}较${year(q.from)}）`;
    case 'ip':
      return q.kinds.length === 1
        ? `${IP_KIND_LABELS[q.kinds[0]!]}数量`
        : `${q.kinds.map((k) => IP_KIND_LABELS[k]).join('、')}合计数量`;
    case 'measure':
      return index.measure(q.measure)?.name ?? q.measure;
  }
}

/** The wording of an operator when it holds, when it fails, and as a requirement. */
export const OP_WORDS: Record<CompareOp, { holds: string; fails: string }> = {
  '>=': { holds: '不低于', fails: '低于' },
  '>': { holds: '高于', fails: '未超过' },
  '<=': { holds: '不超过', fails: '超过' },
  '<': { holds: '低于', fails: '不低于' },
  '==': { holds: '等于', fails: '不等于' },
  '!=': { holds: '不等于', fails: '等于' },
};

export function describeDuration(t: { years?: number; months?: number; days?: number }): string {
  let s = '';
  if (t.years) s += `${t.years}年`;
  if (t.months) s += `${t.months}个月`;
  if (t.days) s += `${t.days}天`;
  return s || '0天';
}

/** "成立", "落户本区" — the event's name without its trailing 日期, for "…满1年". */
export function subjectName(subject: DateSubject, index: LabelIndex): string {
  if (subject.of === 'established') return '成立';
  return index.event(subject.event).replace(/日期$/, '');
}

export function describeMembershipValue(field: MembershipField, value: string, index: LabelIndex): string {
  switch (field) {
    case 'industryCode': {
      if (/^[A-T]$/.test(value)) return findIndustrySection(value)?.name ?? value;
      const ind = findIndustry(value);
      return ind ? `${value} ${ind.name}` : value;
    }
    case 'streetCode':
      return index.street(value) ?? value;
    case 'sizeClass':
      return SIZE_CLASS_NAMES[value as SizeClassCode]
        ? `${SIZE_CLASS_NAMES[value as SizeClassCode]}企业`
        : value;
  }
}

export function describeMembershipValues(
  field: MembershipField,
  values: readonly string[],
  index: LabelIndex,
): string {
  const shown = values.slice(0, 6).map((v) => describeMembershipValue(field, v, index));
  return values.length > 6 ? `${shown.join('、')}等${values.length}项` : shown.join('、');
}

// ——— conditions ———

function describeDateTest(subject: DateSubject, test: DateTest, index: LabelIndex, year: YearText): string {
  const name = subjectName(subject, index);
  switch (test.op) {
    case 'ageAtLeast':
      return `${name}满${describeDuration(test)}`;
    case 'ageLessThan':
      return `${name}不满${describeDuration(test)}`;
    case 'onOrBefore':
      return `${name}日期不晚于${test.date}`;
    case 'onOrAfter':
      return `${name}日期不早于${test.date}`;
    case 'inYear':
      return `${year(test.year)}内${name}`;
  }
}

/**
 * A plain-language description of a condition, which the rule editor offers as its label. Groups describe their
 * connective only; their children carry their own labels.
 */
export function describeCondition(
  node: ConditionNode,
  index: LabelIndex,
  year: YearText = relativeYearText,
): string {
  if ('all' in node) return '同时满足以下条件';
  if ('any' in node) return '满足以下任一条件';
  if ('not' in node) return '不属于以下情形';
  switch (node.kind) {
    case 'compare': {
      const unit = quantityUnit(node.quantity, index);
      return `${describeQuantity(node.quantity, index, year)}${OP_WORDS[node.op].holds}${formatValue(node.value, unit)}`;
    }
    case 'membership':
      return `${MEMBERSHIP_FIELD_LABELS[node.field]}为${describeMembershipValues(node.field, node.values, index)}`;
    case 'date':
      return describeDateTest(node.subject, node.test, index, year);
    case 'qualification': {
      const name = index.qualification(node.qualification);
      let s: string;
      if (node.recognizedIn) {
        const when = year(node.recognizedIn);
        s =
          node.recognition === 'first'
            ? `${when}首次获得${name}认定`
            : node.recognition === 'renewal'
              ? `${when}重新获得${name}认定`
              : `${when}新获得${name}认定`;
      } else {
        s = `已获得${name}认定`;
      }
      if (node.minYearsHeld) s += `，且持有满${node.minYearsHeld}年`;
      if (node.validAtEvaluation) s += '，且在有效期内';
      return s;
    }
    case 'firstCrossing':
      return `${year(node.year)}${YEARLY_METRIC_LABELS[node.metric]}首次达到${formatYuan(node.threshold)}（此前${node.lookbackYears}年均未达到）`;
    case 'flag':
      return node.value === false ? `非“${index.flag(node.flag)}”` : index.flag(node.flag);
    case 'manual':
      return node.label;
  }
}

// ——— amounts ———

function describeCategoryValue(source: CategorySource, value: string, index: LabelIndex): string {
  switch (source.of) {
    case 'sizeClass':
      return describeMembershipValue('sizeClass', value, index);
    case 'streetCode':
      return index.street(value) ?? value;
    case 'recognition':
      return value === 'first'
        ? '首次认定'
        : value === 'renewal'
          ? '重新认定'
          : value === 'none'
            ? '当年未认定'
            : value;
  }
}

function describeCategorySource(source: CategorySource, index: LabelIndex, year: YearText): string {
  switch (source.of) {
    case 'sizeClass':
      return '企业规模';
    case 'streetCode':
      return '所属街道';
    case 'recognition':
      return `${year(source.year)}${index.qualification(source.qualification)}认定类型`;
  }
}

/** "按上年度研发投入增量（…）的10%计算，最高150万元" — what an applicant reads under "补助标准". */
export function describeFormula(
  formula: AmountFormula,
  index: LabelIndex,
  year: YearText = relativeYearText,
): string {
  const sub = (f: AmountFormula) => describeFormula(f, index, year);
  switch (formula.kind) {
    case 'fixed':
      return formatYuan(formula.amount);
    case 'rate': {
      let s = `按${describeQuantity(formula.base, index, year)}的${formatNumber(formula.percent, 4)}%计算`;
      if (formula.floor !== undefined) s += `，最低${formatYuan(formula.floor)}`;
      if (formula.cap !== undefined) s += `，最高${formatYuan(formula.cap)}`;
      return s;
    }
    case 'perUnit': {
      const unit = quantityUnit(formula.quantity, index);
      let s = `${describeQuantity(formula.quantity, index, year)}每${formatValue(formula.unitSize, unit)}${formatYuan(formula.amountPerUnit)}`;
      if (!formula.prorate) s += `（不足${formatValue(formula.unitSize, unit)}的部分不计）`;
      if (formula.cap !== undefined) s += `，最高${formatYuan(formula.cap)}`;
      return s;
    }
    case 'tiers': {
      const unit = quantityUnit(formula.quantity, index);
      const rows = formula.tiers.map(
        (t) => `${t.label ?? `达到${formatValue(t.atLeast, unit)}`}：${sub(t.amount)}`,
      );
      return `按${describeQuantity(formula.quantity, index, year)}分档（${rows.join('；')}）`;
    }
    case 'byCategory': {
      const rows = formula.cases.map(
        (c) => `${c.label ?? describeCategoryValue(formula.category, c.value, index)}：${sub(c.amount)}`,
      );
      if (formula.otherwise) rows.push(`其他：${sub(formula.otherwise)}`);
      return `按${describeCategorySource(formula.category, index, year)}（${rows.join('；')}）`;
    }
    case 'max':
      return `以下就高不重复：${formula.of.map(sub).join('；')}`;
    case 'sum':
      return `以下各项合计：${formula.of
        .map((c) => {
          const when = c.when ? `（${c.when.label ?? describeCondition(c.when, index, year)}时）` : '';
          return `${c.label ?? ''}${when}${sub(c.amount)}`;
        })
        .join('；')}`;
    case 'multiplier':
      return `${sub(formula.base)}；${formula.when.label ?? describeCondition(formula.when, index, year)}的，按${formatNumber(formula.factor, 2)}倍计`;
    case 'monthly': {
      const months =
        typeof formula.months === 'number'
          ? `${formula.months}个月`
          : `${describeQuantity(formula.months, index, year)}`;
      const max = formula.maxMonths !== undefined ? `，最长${formula.maxMonths}个月` : '';
      return `每月${sub(formula.perMonth)}，按${months}计${max}`;
    }
    case 'clamp': {
      let s = sub(formula.amount);
      if (formula.min !== undefined) s += `，最低${formatYuan(formula.min)}`;
      if (formula.max !== undefined) s += `，最高${formatYuan(formula.max)}`;
      return s;
    }
    case 'sharedCap':
      return `${sub(formula.amount)}，与${index.otherPayment(formula.otherPayment).replace(/已拨付金额$/, '')}合计不超过${formatYuan(formula.total)}`;
  }
}
