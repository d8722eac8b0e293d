import { YEARLY_METRIC_LABELS } from '../../../../shared/enterprises';
import {
  type CompareCondition,
  type ConditionNode,
  type ConditionOutcome,
  type ConditionStatus,
  type DateCondition,
  type FactKey,
  type FirstCrossingCondition,
  type FlagCondition,
  formatYuan,
  type GapItem,
  type LeafCondition,
  type ManualCondition,
  MEMBERSHIP_FIELD_LABELS,
  type MembershipCondition,
  type QualificationCondition,
  type QualificationFact,
  type YearRef,
} from '../../../../shared/policy-rules';
import {
  describeCondition,
  describeDuration,
  describeMembershipValue,
  describeMembershipValues,
  formatValue,
  OP_WORDS,
  subjectName,
} from './explain';
import {
  anniversaryDay,
  type CatalogueIndex,
  dateOfDay,
  describeFact,
  factKeys,
  figure,
  leafSlot,
  METRIC_INDEX,
  type PreparedFacts,
  type YearResolver,
  yearOfDate,
  yearResolver,
} from './facts';
import { type CompiledQuantity, compileQuantity, interval } from './quantity';

/**
 * Conditions compiled once per rule set into objects with a fast `test` (three-valued status, no strings, no
 * allocation) and slow paths for the few programs a person looks at (`outcome` with reasons, `gaps`).
 *
 * Statuses are small integers. `MANUAL` (a condition only a reviewer can judge) counts as met when combined: it
 * never makes a program ineligible, and the result reports it for review. Combination is Kleene's strong
 * three-valued logic: `all` is unmet if a child is unmet, `any` met if a child is met, `not` swaps met/unmet.
 */
export const UNMET = 0;
export const MET = 1;
export const UNKNOWN = 2;
export const MANUAL = 3;
export type Status = 0 | 1 | 2 | 3;

export const STATUS_NAMES: readonly ConditionStatus[] = ['unmet', 'met', 'unknown', 'manual'];

/**
 * The ranking score of the node last tested, a weighted fraction of its conditions met in [0, 1]: `all` averages
 * its children by weight, `any` takes its best alternative, `not` counts as one condition. Read right after `test`.
 */
export const score = { value: 0 };

export interface CompileContext {
  ruleRewardYear: number | undefined;
  index: CatalogueIndex;
}

export interface CompiledCondition {
  readonly node: ConditionNode;
  readonly id: string;
  /** Weight in the score; 0 for manual conditions and groups made only of them. */
  readonly weight: number;
  /** Three-valued status; sets `score.value`. */
  test(f: PreparedFacts): Status;
  /** Adds the facts that could settle this node; call only when its status is UNKNOWN. */
  missing(f: PreparedFacts, out: Set<FactKey>): void;
  /** Status, reason and children, for display. */
  outcome(f: PreparedFacts): ConditionOutcome;
  /** What the enterprise lacks for this node; call only when it is UNMET or UNKNOWN. */
  gaps(f: PreparedFacts, out: GapItem[]): void;
}

function and(a: Status, b: Status): Status {
  if (a === UNMET || b === UNMET) return UNMET;
  if (a === UNKNOWN || b === UNKNOWN) return UNKNOWN;
  return MET;
}

function missingNames(keys: Iterable<FactKey>, index: CatalogueIndex): string {
  return [...keys].map((k) => describeFact(k, index).name).join('、');
}

// ——— leaves ———

/** A leaf's meaning as a string: its fields except id, label and weight, keys sorted, plus the rule's reward year. */
function canonicalKey(node: LeafCondition, ruleRewardYear: number | undefined): string {
  const { id: _id, label: _label, weight: _weight, ...meaning } = node;
  const stable = (v: unknown): string => {
    if (Array.isArray(v)) return `[${v.map(stable).join(',')}]`;
    if (v !== null && typeof v === 'object') {
      return `{${Object.keys(v)
        .sort()
        .map((k) => `${JSON.stringify(k)}:${stable((v as Record<string, unknown>)[k])}`)
        .join(',')}}`;
    }
    return JSON.stringify(v);
  };
  return `${ruleRewardYear ?? ''}|${stable(meaning)}`;
}

abstract class Leaf<N extends LeafCondition> implements CompiledCondition {
  readonly id: string;
  readonly weight: number;
  /** Shared with every leaf of the same meaning, in any program (see `leafSlot`). */
  readonly slot: number;
  constructor(
    readonly node: N,
    protected readonly ctx: CompileContext,
  ) {
    this.id = node.id;
    this.weight = node.kind === 'manual' ? 0 : (node.weight ?? 1);
    this.slot = leafSlot(canonicalKey(node, ctx.ruleRewardYear));
  }

  abstract status(f: PreparedFacts): Status;
  abstract missing(f: PreparedFacts, out: Set<FactKey>): void;
  /** The reason for a decided or unknown status, with the actual values. */
  protected abstract reason(f: PreparedFacts, s: Status): string;
  /** The gap of an UNMET leaf. */
  protected abstract unmetGap(f: PreparedFacts): Omit<GapItem, 'conditionId' | 'label'>;

  test(f: PreparedFacts): Status {
    const memo = f.leafMemo;
    const slot = this.slot;
    let s: Status;
    if (slot < memo.length) {
      const cached = memo[slot]!;
      if (cached !== 0) {
        s = (cached - 1) as Status;
      } else {
        s = this.status(f);
        memo[slot] = s + 1;
      }
    } else {
      // compiled after these facts were prepared: no slot reserved for it
      s = this.status(f);
    }
    score.value = s === MET ? 1 : 0;
    return s;
  }

  outcome(f: PreparedFacts): ConditionOutcome {
    const s = this.status(f);
    const missing = new Set<FactKey>();
    if (s === UNKNOWN) this.missing(f, missing);
    return {
      id: this.node.id,
      label: this.node.label,
      kind: this.node.kind,
      status: STATUS_NAMES[s]!,
      reason: this.reason(f, s),
      missingFacts: [...missing],
    };
  }

  gaps(f: PreparedFacts, out: GapItem[]): void {
    const s = this.status(f);
    if (s === UNMET) {
      out.push({ conditionId: this.node.id, label: this.node.label, ...this.unmetGap(f) });
    } else if (s === UNKNOWN) {
      const missing = new Set<FactKey>();
      this.missing(f, missing);
      out.push({
        conditionId: this.node.id,
        label: this.node.label,
        message: `需补充：${missingNames(missing, this.ctx.index)}`,
        fixable: true,
        missingFacts: [...missing],
      });
    }
  }

  protected unknownReason(f: PreparedFacts): string {
    const missing = new Set<FactKey>();
    this.missing(f, missing);
    return `缺少${missingNames(missing, this.ctx.index)}，暂无法判断`;
  }
}

/** Operators as small integers: a switch over them is cheaper than over strings in the hot path. */
const OP_CODES: Record<CompareCondition['op'], number> = {
  '>=': 0,
  '>': 1,
  '<=': 2,
  '<': 3,
  '==': 4,
  '!=': 5,
};

class CompareLeaf extends Leaf<CompareCondition> {
  private readonly q: CompiledQuantity;
  private readonly op: CompareCondition['op'];
  private readonly opCode: number;
  private readonly value: number;
  constructor(node: CompareCondition, ctx: CompileContext) {
    super(node, ctx);
    this.q = compileQuantity(node.quantity, ctx.ruleRewardYear, ctx.index);
    this.op = node.op;
    this.opCode = OP_CODES[node.op];
    this.value = node.value;
  }

  status(f: PreparedFacts): Status {
    const lo = this.q.eval(f);
    const hi = interval.hi;
    const v = this.value;
    switch (this.opCode) {
      case 0: // >=
        return lo >= v ? MET : hi < v ? UNMET : UNKNOWN;
      case 1: // >
        return lo > v ? MET : hi <= v ? UNMET : UNKNOWN;
      case 2: // <=
        return hi <= v ? MET : lo > v ? UNMET : UNKNOWN;
      case 3: // <
        return hi < v ? MET : lo >= v ? UNMET : UNKNOWN;
      case 4: // ==
        return lo === v && hi === v ? MET : v < lo || v > hi ? UNMET : UNKNOWN;
      default: // !=
        return v < lo || v > hi ? MET : lo === v && hi === v ? UNMET : UNKNOWN;
    }
  }

  missing(f: PreparedFacts, out: Set<FactKey>): void {
    this.q.missing(f, out);
  }

  /** "（2025年 1,125万元，2024年 1,000万元）" for increments and growth rates. */
  private endpointsText(f: PreparedFacts): string {
    const e = this.q.endpoints?.(f);
    if (!e || e.from === undefined || e.to === undefined) return '';
    return `（${e.toYear}年 ${formatYuan(e.to)}，${e.fromYear}年 ${formatYuan(e.from)}）`;
  }

  protected reason(f: PreparedFacts, s: Status): string {
    if (s === UNKNOWN) return this.unknownReason(f);
    const lo = this.q.eval(f);
    const hi = interval.hi;
    const unit = this.q.unit;
    const words = OP_WORDS[this.op];
    const verdict = `${s === MET ? words.holds : words.fails} ${formatValue(this.value, unit)}`;
    const name = this.q.name(f);
    if (lo === hi) return `${name} ${formatValue(lo, unit)}${this.endpointsText(f)}，${verdict}`;
    // Decided by the known part alone (e.g. the IP kinds known so far already reach the threshold).
    const bound =
      Number.isFinite(lo) && lo > 0 ? `至少 ${formatValue(lo, unit)}` : `至多 ${formatValue(hi, unit)}`;
    return `${name} ${bound}（部分数据未知），${verdict}`;
  }

  protected unmetGap(f: PreparedFacts): Omit<GapItem, 'conditionId' | 'label'> {
    const lo = this.q.eval(f);
    const hi = interval.hi;
    const unit = this.q.unit;
    const v = this.value;
    const name = this.q.name(f);
    const words = OP_WORDS[this.op];
    if (this.op === '>=' || this.op === '>') {
      // Unmet means even the upper bound falls short: the shortfall is measured from it.
      const shortfall = v - hi;
      const q = this.node.quantity;
      const e = this.q.endpoints?.(f);
      const metric = q.of === 'growth' || q.of === 'increment' ? YEARLY_METRIC_LABELS[q.metric] : '';
      if (q.of === 'growth' && e && e.from === 0) {
        return { message: `${e.fromYear}年${metric}为 0，需${e.toYear}年${metric}高于 0`, fixable: true };
      }
      if (q.of === 'growth' && e && e.from !== undefined) {
        const needed = e.from * (1 + v / 100);
        return {
          message: `${metric}增长率还差 ${formatValue(shortfall, 'percent').replace('%', '')} 个百分点（${e.toYear}年${metric}需${this.op === '>' ? '超过' : '达到'} ${formatYuan(needed)}，现为 ${formatYuan(e.to ?? 0)}）`,
          shortfall: e.to === undefined ? undefined : Math.max(0, Math.ceil(needed - e.to)),
          unit: 'yuan',
          fixable: true,
        };
      }
      if (q.of === 'increment' && e && e.from !== undefined && e.to !== undefined) {
        return {
          message: `${metric}增量还差 ${formatYuan(shortfall)}（${e.toYear}年${metric}需${this.op === '>' ? '超过' : '达到'} ${formatYuan(e.from + v)}）`,
          shortfall,
          unit: 'yuan',
          fixable: true,
        };
      }
      if (this.op === '>' && shortfall === 0) {
        return {
          message: `${name}需${words.holds} ${formatValue(v, unit)}（现为 ${formatValue(hi, unit)}）`,
          shortfall: 0,
          unit,
          fixable: true,
        };
      }
      return { message: `${name}还差 ${formatValue(shortfall, unit)}`, shortfall, unit, fixable: true };
    }
    if (this.op === '<=' || this.op === '<') {
      const excess = lo - v;
      return {
        message: `${name} ${formatValue(lo, unit)}，需${words.holds} ${formatValue(v, unit)}`,
        shortfall: excess,
        unit,
        fixable: false,
      };
    }
    return {
      message: `${name}需${words.holds} ${formatValue(v, unit)}（现为 ${formatValue(lo, unit)}）`,
      fixable: false,
    };
  }
}

class MembershipLeaf extends Leaf<MembershipCondition> {
  private readonly prefixes: readonly string[];
  private readonly sections: ReadonlySet<string>;
  private readonly set: ReadonlySet<string>;
  constructor(node: MembershipCondition, ctx: CompileContext) {
    super(node, ctx);
    this.set = new Set(node.values);
    this.prefixes = node.field === 'industryCode' ? node.values.filter((v) => /^\d+$/.test(v)) : [];
    this.sections = new Set(
      node.field === 'industryCode' ? node.values.filter((v) => /^[A-T]$/.test(v)) : [],
    );
  }

  status(f: PreparedFacts): Status {
    const facts = f.facts;
    switch (this.node.field) {
      case 'streetCode': {
        const v = facts.streetCode;
        return v === undefined ? UNKNOWN : this.set.has(v) ? MET : UNMET;
      }
      case 'sizeClass': {
        const v = facts.sizeClass;
        return v === undefined ? UNKNOWN : this.set.has(v) ? MET : UNMET;
      }
      case 'industryCode': {
        const v = facts.industryCode;
        if (v === undefined) return UNKNOWN;
        if (f.industrySection !== undefined && this.sections.has(f.industrySection)) return MET;
        for (let i = 0; i < this.prefixes.length; i++) if (v.startsWith(this.prefixes[i]!)) return MET;
        return UNMET;
      }
    }
  }

  missing(_f: PreparedFacts, out: Set<FactKey>): void {
    out.add(this.node.field);
  }

  protected reason(f: PreparedFacts, s: Status): string {
    const field = this.node.field;
    if (s === UNKNOWN) return `缺少${MEMBERSHIP_FIELD_LABELS[field]}信息，暂无法判断`;
    const actual = describeMembershipValue(field, f.facts[field]!, this.ctx.index);
    return s === MET
      ? `${MEMBERSHIP_FIELD_LABELS[field]}为${actual}，在适用范围内`
      : `${MEMBERSHIP_FIELD_LABELS[field]}为${actual}，不在适用范围（${describeMembershipValues(field, this.node.values, this.ctx.index)}）内`;
  }

  protected unmetGap(): Omit<GapItem, 'conditionId' | 'label'> {
    const field = this.node.field;
    return {
      message: `${MEMBERSHIP_FIELD_LABELS[field]}需为${describeMembershipValues(field, this.node.values, this.ctx.index)}`,
      fixable: false,
    };
  }
}

class DateLeaf extends Leaf<DateCondition> {
  private readonly year: YearResolver | undefined;
  constructor(node: DateCondition, ctx: CompileContext) {
    super(node, ctx);
    this.year = node.test.op === 'inYear' ? yearResolver(node.test.year, ctx.ruleRewardYear) : undefined;
  }

  private date(f: PreparedFacts): string | undefined {
    const s = this.node.subject;
    return s.of === 'established' ? f.facts.establishedOn : f.events[s.event];
  }

  private anniversary(date: string): number {
    const t = this.node.test as { years?: number; months?: number; days?: number };
    return anniversaryDay(date, t.years ?? 0, t.months ?? 0, t.days ?? 0);
  }

  status(f: PreparedFacts): Status {
    const date = this.date(f);
    if (date === undefined) return UNKNOWN;
    const t = this.node.test;
    switch (t.op) {
      case 'ageAtLeast':
      case 'ageLessThan': {
        const ann = this.anniversary(date);
        if (Number.isNaN(ann)) return UNKNOWN;
        return ann <= f.asOfDay === (t.op === 'ageAtLeast') ? MET : UNMET;
      }
      case 'onOrBefore':
        return date <= t.date ? MET : UNMET;
      case 'onOrAfter':
        return date >= t.date ? MET : UNMET;
      case 'inYear':
        return yearOfDate(date) === this.year!(f) ? MET : UNMET;
    }
  }

  missing(_f: PreparedFacts, out: Set<FactKey>): void {
    const s = this.node.subject;
    out.add(s.of === 'established' ? 'establishedOn' : factKeys.event(s.event));
  }

  protected reason(f: PreparedFacts, s: Status): string {
    if (s === UNKNOWN) return this.unknownReason(f);
    const date = this.date(f)!;
    const name = subjectName(this.node.subject, this.ctx.index);
    const t = this.node.test;
    switch (t.op) {
      case 'ageAtLeast':
      case 'ageLessThan': {
        const dur = describeDuration(t);
        const ann = dateOfDay(this.anniversary(date));
        const reached = ann <= f.asOf;
        return reached
          ? `${name}于 ${date}，至 ${f.asOf} 已满${dur}（${ann} 满）`
          : `${name}于 ${date}，至 ${f.asOf} 未满${dur}（${ann} 满）`;
      }
      case 'onOrBefore':
        return `${name}日期 ${date}，${s === MET ? '不晚于' : '晚于'} ${t.date}`;
      case 'onOrAfter':
        return `${name}日期 ${date}，${s === MET ? '不早于' : '早于'} ${t.date}`;
      case 'inYear':
        return `${name}日期 ${date}，${s === MET ? '在' : '不在'} ${this.year!(f)}年内`;
    }
  }

  protected unmetGap(f: PreparedFacts): Omit<GapItem, 'conditionId' | 'label'> {
    const t = this.node.test;
    const name = subjectName(this.node.subject, this.ctx.index);
    if (t.op === 'ageAtLeast') {
      const ann = this.anniversary(this.date(f)!);
      const days = ann - f.asOfDay;
      return {
        message: `${name}满${describeDuration(t)}还差 ${days} 天（${dateOfDay(ann)} 满）`,
        shortfall: days,
        unit: 'day',
        fixable: true,
      };
    }
    if (t.op === 'ageLessThan') {
      const ann = dateOfDay(this.anniversary(this.date(f)!));
      return {
        message: `${name}已满${describeDuration(t)}（${ann} 满），不符合“${this.node.label}”`,
        fixable: false,
      };
    }
    const years = (r: YearRef) => `${yearResolver(r, this.ctx.ruleRewardYear)(f)}年`;
    return {
      message: `需${describeCondition(this.node, this.ctx.index, years)}（现为 ${this.date(f)}）`,
      fixable: false,
    };
  }
}

/** Which parts of a qualification condition hold, for the status and for the reason. */
interface QualificationParts {
  validity: Status;
  held: Status;
  recognition: Status;
}

class QualificationLeaf extends Leaf<QualificationCondition> {
  private readonly year: YearResolver | undefined;
  private readonly key: FactKey;
  constructor(node: QualificationCondition, ctx: CompileContext) {
    super(node, ctx);
    this.year = node.recognizedIn ? yearResolver(node.recognizedIn, ctx.ruleRewardYear) : undefined;
    this.key = factKeys.qualification(node.qualification);
  }

  private validity(q: QualificationFact, f: PreparedFacts): Status {
    if (!this.node.validAtEvaluation) return MET;
    if (q.expiresOn === undefined) return UNKNOWN;
    return q.expiresOn === null || q.expiresOn >= f.asOf ? MET : UNMET;
  }

  private held(q: QualificationFact, f: PreparedFacts): Status {
    const n = this.node.minYearsHeld;
    if (!n) return MET;
    if (q.firstRecognizedOn !== undefined)
      return anniversaryDay(q.firstRecognizedOn, n, 0, 0) <= f.asOfDay ? MET : UNMET;
    // The first recognition is no later than the latest one: if the latest is old enough, so is the first.
    if (q.recognizedOn !== undefined && anniversaryDay(q.recognizedOn, n, 0, 0) <= f.asOfDay) return MET;
    return UNKNOWN;
  }

  /** Recognised (first / again) in year y, from what is known of the recognition history. */
  private recognition(q: QualificationFact, f: PreparedFacts): Status {
    if (!this.year) return MET;
    const y = this.year(f);
    const mode = this.node.recognition;
    const years = q.recognitionYears;
    if (years !== undefined && years.length > 0) {
      let first = years[0]!;
      let found = false;
      for (let i = 0; i < years.length; i++) {
        const yi = years[i]!;
        if (yi < first) first = yi;
        if (yi === y) found = true;
      }
      if (!found) return UNMET;
      if (mode === 'first') return first === y ? MET : UNMET;
      if (mode === 'renewal') return first < y ? MET : UNMET;
      return MET;
    }
    const latest = q.recognizedOn === undefined ? Number.NaN : yearOfDate(q.recognizedOn);
    const first = q.firstRecognizedOn === undefined ? Number.NaN : yearOfDate(q.firstRecognizedOn);
    // Nothing is recognised after the latest recognition nor before the first one.
    if (latest < y || first > y) return UNMET;
    if (mode === 'first') {
      if (!Number.isNaN(first)) return first === y ? MET : UNMET;
      return UNKNOWN;
    }
    if (mode === 'renewal') {
      if (first === y) return UNMET;
      if (first < y && latest === y) return MET;
      return UNKNOWN;
    }
    if (latest === y || first === y) return MET;
    // Known first and latest recognitions in the same year other than y: no recognition in y.
    if (!Number.isNaN(first) && first === latest) return UNMET;
    return UNKNOWN;
  }

  private parts(q: QualificationFact, f: PreparedFacts): QualificationParts {
    return { validity: this.validity(q, f), held: this.held(q, f), recognition: this.recognition(q, f) };
  }

  status(f: PreparedFacts): Status {
    const q = f.qualifications[this.node.qualification];
    if (q === undefined) return UNKNOWN;
    if (!q.recognized) return UNMET;
    return and(and(this.validity(q, f), this.held(q, f)), this.recognition(q, f));
  }

  missing(_f: PreparedFacts, out: Set<FactKey>): void {
    out.add(this.key);
  }

  private recognitionWord(): string {
    return this.node.recognition === 'first' ? '首次' : this.node.recognition === 'renewal' ? '重新' : '新';
  }

  protected reason(f: PreparedFacts, s: Status): string {
    const name = this.ctx.index.qualification(this.node.qualification);
    const q = f.qualifications[this.node.qualification];
    if (q === undefined) return `缺少${name}认定信息，暂无法判断`;
    if (!q.recognized) return `未获得${name}认定`;
    let text = `${name}：认定于 ${q.recognizedOn ?? '（日期未知）'}`;
    if (q.firstRecognizedOn && q.firstRecognizedOn !== q.recognizedOn)
      text += `，首次认定于 ${q.firstRecognizedOn}`;
    if (q.expiresOn) text += `，有效期至 ${q.expiresOn}`;
    else if (q.expiresOn === null) text += '，长期有效';
    if (s === MET) return `${text}，符合要求`;
    const p = this.parts(q, f);
    const problems: string[] = [];
    const unknowns: string[] = [];
    if (p.validity === UNMET) problems.push(`已于 ${q.expiresOn} 过期`);
    if (p.validity === UNKNOWN) unknowns.push('有效期未知');
    if (p.held === UNMET) problems.push(`持有未满${this.node.minYearsHeld}年`);
    if (p.held === UNKNOWN) unknowns.push('首次认定日期未知');
    const y = this.year?.(f);
    if (p.recognition === UNMET) problems.push(`${y}年未${this.recognitionWord()}获认定`);
    if (p.recognition === UNKNOWN) unknowns.push(`无法确定${y}年是否${this.recognitionWord()}获认定`);
    return s === UNMET ? `${text}，但${problems.join('，')}` : `${text}，${unknowns.join('，')}`;
  }

  protected unmetGap(f: PreparedFacts): Omit<GapItem, 'conditionId' | 'label'> {
    const name = this.ctx.index.qualification(this.node.qualification);
    const q = f.qualifications[this.node.qualification]!;
    if (!q.recognized) {
      const y = this.year?.(f);
      const past = y !== undefined && y < f.evaluationYear;
      return {
        message: y === undefined ? `需取得${name}认定` : `需于${y}年${this.recognitionWord()}取得${name}认定`,
        fixable: !past,
      };
    }
    const p = this.parts(q, f);
    if (p.recognition === UNMET) {
      return { message: `需于${this.year!(f)}年${this.recognitionWord()}取得${name}认定`, fixable: false };
    }
    if (p.validity === UNMET) {
      return { message: `${name}认定已于 ${q.expiresOn} 过期，需重新认定`, fixable: true };
    }
    // Only the holding period is left.
    const n = this.node.minYearsHeld!;
    const ann = anniversaryDay(q.firstRecognizedOn ?? q.recognizedOn!, n, 0, 0);
    const days = ann - f.asOfDay;
    return {
      message: `持有${name}满${n}年还差 ${days} 天（${dateOfDay(ann)} 满）`,
      shortfall: days,
      unit: 'day',
      fixable: true,
    };
  }
}

class FirstCrossingLeaf extends Leaf<FirstCrossingCondition> {
  private readonly year: YearResolver;
  private readonly metric: number;
  constructor(node: FirstCrossingCondition, ctx: CompileContext) {
    super(node, ctx);
    this.year = yearResolver(node.year, ctx.ruleRewardYear);
    this.metric = METRIC_INDEX[node.metric];
  }

  status(f: PreparedFacts): Status {
    const y = this.year(f);
    const m = this.metric;
    const t = this.node.threshold;
    const v = figure(f, y, m);
    let s: Status = Number.isNaN(v) ? UNKNOWN : v >= t ? MET : UNMET;
    if (s === UNMET) return UNMET;
    for (let i = 1; i <= this.node.lookbackYears; i++) {
      const p = figure(f, y - i, m);
      if (Number.isNaN(p)) s = UNKNOWN;
      else if (p >= t) return UNMET;
    }
    return s;
  }

  missing(f: PreparedFacts, out: Set<FactKey>): void {
    const y = this.year(f);
    for (let i = 0; i <= this.node.lookbackYears; i++) {
      if (f.yearly[y - i]?.[this.node.metric] === undefined)
        out.add(factKeys.yearly(y - i, this.node.metric));
    }
  }

  private history(f: PreparedFacts): string {
    const y = this.year(f);
    const parts: string[] = [];
    for (let i = 0; i <= this.node.lookbackYears; i++) {
      const v = f.yearly[y - i]?.[this.node.metric];
      parts.push(`${y - i}年 ${v === undefined ? '未知' : formatYuan(v)}`);
    }
    return parts.join('，');
  }

  protected reason(f: PreparedFacts, s: Status): string {
    const metric = YEARLY_METRIC_LABELS[this.node.metric];
    const t = formatYuan(this.node.threshold);
    const verdict =
      s === MET ? `为首次达到 ${t}` : s === UNMET ? `不属于首次达到 ${t}` : `暂无法判断是否首次达到 ${t}`;
    return `${metric}：${this.history(f)}，${verdict}`;
  }

  protected unmetGap(f: PreparedFacts): Omit<GapItem, 'conditionId' | 'label'> {
    const y = this.year(f);
    const metric = this.node.metric;
    const t = this.node.threshold;
    for (let i = 1; i <= this.node.lookbackYears; i++) {
      const p = f.yearly[y - i]?.[metric];
      if (p !== undefined && p >= t) {
        return {
          message: `${y - i}年${YEARLY_METRIC_LABELS[metric]}已达到 ${formatYuan(t)}，不属于首次达到`,
          fixable: false,
        };
      }
    }
    const v = f.yearly[y]?.[metric] ?? 0;
    return {
      message: `${y}年${YEARLY_METRIC_LABELS[metric]}还差 ${formatYuan(t - v)} 达到 ${formatYuan(t)}`,
      shortfall: t - v,
      unit: 'yuan',
      fixable: true,
    };
  }
}

class FlagLeaf extends Leaf<FlagCondition> {
  private readonly expected: boolean;
  constructor(node: FlagCondition, ctx: CompileContext) {
    super(node, ctx);
    this.expected = node.value ?? true;
  }

  status(f: PreparedFacts): Status {
    const v = f.flags[this.node.flag];
    return v === undefined ? UNKNOWN : v === this.expected ? MET : UNMET;
  }

  missing(_f: PreparedFacts, out: Set<FactKey>): void {
    out.add(factKeys.flag(this.node.flag));
  }

  protected reason(f: PreparedFacts, s: Status): string {
    const name = this.ctx.index.flag(this.node.flag);
    if (s === UNKNOWN) return `缺少“${name}”信息，暂无法判断`;
    return f.flags[this.node.flag] ? `是：${name}` : `否：${name}`;
  }

  protected unmetGap(): Omit<GapItem, 'conditionId' | 'label'> {
    const name = this.ctx.index.flag(this.node.flag);
    return { message: this.expected ? `需满足：${name}` : `需不属于：${name}`, fixable: this.expected };
  }
}

class ManualLeaf extends Leaf<ManualCondition> {
  readonly manual = true;
  status(): Status {
    return MANUAL;
  }
  override test(): Status {
    score.value = 1;
    return MANUAL;
  }
  missing(): void {}
  protected reason(): string {
    return this.node.hint ? `由审核人员核实：${this.node.hint}` : '由审核人员核实';
  }
  protected unmetGap(): Omit<GapItem, 'conditionId' | 'label'> {
    return { message: '由审核人员核实', fixable: false };
  }
}

// ——— groups ———

abstract class Group implements CompiledCondition {
  readonly id: string;
  abstract readonly weight: number;
  constructor(
    readonly node: ConditionNode,
    readonly children: readonly CompiledCondition[],
    protected readonly index: CatalogueIndex,
  ) {
    this.id = node.id;
  }
  abstract test(f: PreparedFacts): Status;
  protected abstract kind: 'all' | 'any' | 'not';

  missing(f: PreparedFacts, out: Set<FactKey>): void {
    // Only children still unknown can change an unknown group (a met or unmet child is settled).
    for (const c of this.children) if (c.test(f) === UNKNOWN) c.missing(f, out);
  }

  protected label(): string {
    return this.node.label ?? describeCondition(this.node, this.index);
  }

  outcome(f: PreparedFacts): ConditionOutcome {
    const s = this.test(f);
    const children = this.children.map((c) => c.outcome(f));
    const missing = new Set<FactKey>();
    if (s === UNKNOWN) this.missing(f, missing);
    const count = (st: ConditionStatus) => children.filter((c) => c.status === st).length;
    let reason: string;
    if (this.kind === 'not') {
      reason = s === MET ? '不属于所列情形' : s === UNMET ? '属于所列情形' : '暂无法判断是否属于所列情形';
    } else if (this.kind === 'all') {
      reason =
        s === UNMET
          ? `${count('unmet')} 项不符合`
          : s === UNKNOWN
            ? `${count('unknown')} 项待补充信息`
            : count('manual') > 0
              ? `其余条件均符合，${count('manual')} 项待人工审核`
              : '全部符合';
    } else {
      reason =
        s === MET || s === MANUAL
          ? '至少一项符合'
          : s === UNMET
            ? '各项均不符合'
            : '暂无符合项，部分待补充信息';
    }
    return {
      id: this.node.id,
      label: this.label(),
      kind: this.kind,
      status: STATUS_NAMES[s]!,
      reason,
      missingFacts: [...missing],
      children,
    };
  }

  abstract gaps(f: PreparedFacts, out: GapItem[]): void;
}

class AllGroup extends Group {
  readonly weight: number;
  protected kind = 'all' as const;
  constructor(node: ConditionNode, children: readonly CompiledCondition[], index: CatalogueIndex) {
    super(node, children, index);
    this.weight = children.reduce((w, c) => w + c.weight, 0);
  }

  test(f: PreparedFacts): Status {
    let unmet = false;
    let unknown = false;
    let onlyManual = true;
    let acc = 0;
    const children = this.children;
    // No short-circuit: the score needs every child, and trees are small.
    for (let i = 0; i < children.length; i++) {
      const c = children[i]!;
      const s = c.test(f);
      acc += c.weight * score.value;
      if (s === UNMET) unmet = true;
      else if (s === UNKNOWN) unknown = true;
      if (s !== MANUAL) onlyManual = false;
    }
    score.value = this.weight > 0 ? acc / this.weight : 1;
    return unmet ? UNMET : unknown ? UNKNOWN : onlyManual ? MANUAL : MET;
  }

  gaps(f: PreparedFacts, out: GapItem[]): void {
    for (const c of this.children) {
      const s = c.test(f);
      if (s === UNMET || s === UNKNOWN) c.gaps(f, out);
    }
  }
}

class AnyGroup extends Group {
  readonly weight: number;
  protected kind = 'any' as const;
  constructor(node: ConditionNode, children: readonly CompiledCondition[], index: CatalogueIndex) {
    super(node, children, index);
    this.weight = children.reduce((w, c) => Math.max(w, c.weight), 0);
  }

  test(f: PreparedFacts): Status {
    let met = false;
    let manual = false;
    let unknown = false;
    let best = -1;
    const children = this.children;
    for (let i = 0; i < children.length; i++) {
      const c = children[i]!;
      const s = c.test(f);
      if (c.weight > 0 && score.value > best) best = score.value;
      if (s === MET) met = true;
      else if (s === MANUAL) manual = true;
      else if (s === UNKNOWN) unknown = true;
    }
    score.value = best < 0 ? 1 : best;
    return met ? MET : manual ? MANUAL : unknown ? UNKNOWN : UNMET;
  }

  gaps(f: PreparedFacts, out: GapItem[]): void {
    const alternatives: GapItem[][] = [];
    for (const c of this.children) {
      const items: GapItem[] = [];
      c.gaps(f, items);
      if (items.length > 0) alternatives.push(items);
    }
    if (alternatives.length === 1) {
      out.push(...alternatives[0]!);
      return;
    }
    out.push({
      conditionId: this.node.id,
      label: this.label(),
      message: `满足以下任一项即可：${alternatives.map((a) => a.map((g) => g.message).join('，')).join('；或')}`,
      fixable: alternatives.some((a) => a.every((g) => g.fixable)),
      anyOf: alternatives,
    });
  }
}

class NotGroup extends Group {
  readonly weight: number;
  protected kind = 'not' as const;
  constructor(node: ConditionNode, child: CompiledCondition, index: CatalogueIndex) {
    super(node, [child], index);
    this.weight = child.weight;
  }

  test(f: PreparedFacts): Status {
    const s = this.children[0]!.test(f);
    const r: Status = s === MET ? UNMET : s === UNMET ? MET : s;
    score.value = r === MET || r === MANUAL ? 1 : 0;
    return r;
  }

  gaps(f: PreparedFacts, out: GapItem[]): void {
    const child = this.children[0]!;
    const s = this.test(f);
    const childLabel =
      'label' in child.node && child.node.label
        ? child.node.label
        : describeCondition(child.node, this.index);
    if (s === UNMET) {
      out.push({
        conditionId: this.node.id,
        label: this.label(),
        message: `需不属于：${childLabel}`,
        fixable: false,
      });
    } else if (s === UNKNOWN) {
      const missing = new Set<FactKey>();
      child.missing(f, missing);
      out.push({
        conditionId: this.node.id,
        label: this.label(),
        message: `需补充：${missingNames(missing, this.index)}（以判断是否属于“${childLabel}”）`,
        fixable: true,
        missingFacts: [...missing],
      });
    }
  }
}

// ——— the flat form, for matching ———

const OP_LEAF = 0;
const OP_MANUAL = 1;
const OP_ALL = 2;
const OP_ANY = 3;
const OP_NOT = 4;

/** A condition tree as a post-order program over typed arrays: what `match` runs for every program. */
export interface FlatCondition {
  /** The same status as the tree's `test`, and the same `score.value`. */
  test(f: PreparedFacts): Status;
}

/**
 * Flattens a compiled tree into one loop over typed arrays with an explicit stack. Matching many programs then
 * runs the same small function for every node (instead of a virtual call per node whose target changes with the
 * node's class), and a leaf already evaluated for this enterprise, in any program, costs one array read.
 */
export function flattenCondition(root: CompiledCondition): FlatCondition {
  const ops: number[] = [];
  const args: number[] = [];
  const weights: number[] = [];
  const leaves: Leaf<LeafCondition>[] = [];
  const walk = (c: CompiledCondition): void => {
    if (c instanceof Group) {
      for (const child of c.children) walk(child);
      ops.push(c instanceof AllGroup ? OP_ALL : c instanceof AnyGroup ? OP_ANY : OP_NOT);
      args.push(c.children.length);
    } else if (c instanceof ManualLeaf) {
      ops.push(OP_MANUAL);
      args.push(0);
    } else {
      ops.push(OP_LEAF);
      args.push(leaves.length);
      leaves.push(c as Leaf<LeafCondition>);
    }
    weights.push(c.weight);
  };
  walk(root);
  const op = Uint8Array.from(ops);
  const arg = Int32Array.from(args);
  const weight = Float64Array.from(weights);
  const slots = Int32Array.from(leaves.map((l) => l.slot));
  // The stack never holds more entries than there are nodes. Reused across calls: evaluation is synchronous.
  const stStatus = new Uint8Array(op.length);
  const stScore = new Float64Array(op.length);
  const stWeight = new Float64Array(op.length);

  return {
    test(f) {
      const memo = f.leafMemo;
      let sp = 0;
      for (let i = 0; i < op.length; i++) {
        const o = op[i]!;
        if (o === OP_LEAF) {
          const li = arg[i]!;
          const slot = slots[li]!;
          let s: number;
          if (slot < memo.length) {
            s = memo[slot]!;
            if (s !== 0) s -= 1;
            else {
              s = leaves[li]!.status(f);
              memo[slot] = s + 1;
            }
          } else {
            s = leaves[li]!.status(f);
          }
          stStatus[sp] = s;
          stScore[sp] = s === MET ? 1 : 0;
          stWeight[sp] = weight[i]!;
          sp++;
        } else if (o === OP_MANUAL) {
          stStatus[sp] = MANUAL;
          stScore[sp] = 1;
          stWeight[sp] = 0;
          sp++;
        } else if (o === OP_NOT) {
          const s = stStatus[sp - 1]!;
          const r = s === MET ? UNMET : s === UNMET ? MET : s;
          stStatus[sp - 1] = r;
          stScore[sp - 1] = r === MET || r === MANUAL ? 1 : 0;
        } else {
          const n = arg[i]!;
          const base = sp - n;
          const w = weight[i]!;
          let r: number;
          let sc: number;
          if (o === OP_ALL) {
            let unmet = false;
            let unknown = false;
            let onlyManual = true;
            let acc = 0;
            for (let j = base; j < sp; j++) {
              const s = stStatus[j]!;
              acc += stWeight[j]! * stScore[j]!;
              if (s === UNMET) unmet = true;
              else if (s === UNKNOWN) unknown = true;
              if (s !== MANUAL) onlyManual = false;
            }
            r = unmet ? UNMET : unknown ? UNKNOWN : onlyManual ? MANUAL : MET;
            sc = w > 0 ? acc / w : 1;
          } else {
            let met = false;
            let manual = false;
            let unknown = false;
            let best = -1;
            for (let j = base; j < sp; j++) {
              const s = stStatus[j]!;
              if (stWeight[j]! > 0 && stScore[j]! > best) best = stScore[j]!;
              if (s === MET) met = true;
              else if (s === MANUAL) manual = true;
              else if (s === UNKNOWN) unknown = true;
            }
            r = met ? MET : manual ? MANUAL : unknown ? UNKNOWN : UNMET;
            sc = best < 0 ? 1 : best;
          }
          stStatus[base] = r;
          stScore[base] = sc;
          stWeight[base] = w;
          sp = base + 1;
        }
      }
      score.value = stScore[0]!;
      return stStatus[0] as Status;
    },
  };
}

// ——— compile ———

/** Compiles a (validated) condition tree. */
export function compileCondition(node: ConditionNode, ctx: CompileContext): CompiledCondition {
  if ('all' in node)
    return new AllGroup(
      node,
      node.all.map((c) => compileCondition(c, ctx)),
      ctx.index,
    );
  if ('any' in node)
    return new AnyGroup(
      node,
      node.any.map((c) => compileCondition(c, ctx)),
      ctx.index,
    );
  if ('not' in node) return new NotGroup(node, compileCondition(node.not, ctx), ctx.index);
  switch (node.kind) {
    case 'compare':
      return new CompareLeaf(node, ctx);
    case 'membership':
      return new MembershipLeaf(node, ctx);
    case 'date':
      return new DateLeaf(node, ctx);
    case 'qualification':
      return new QualificationLeaf(node, ctx);
    case 'firstCrossing':
      return new FirstCrossingLeaf(node, ctx);
    case 'flag':
      return new FlagLeaf(node, ctx);
    case 'manual':
      return new ManualLeaf(node, ctx);
  }
}

/** The manual conditions of a tree, in order (for the reviewer's checklist). */
export function manualConditions(node: ConditionNode): ManualCondition[] {
  if ('all' in node) return node.all.flatMap(manualConditions);
  if ('any' in node) return node.any.flatMap(manualConditions);
  if ('not' in node) return manualConditions(node.not);
  return node.kind === 'manual' ? [node] : [];
}
