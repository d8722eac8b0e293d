import { SIZE_CLASSES } from '../../../../shared/enterprises';
import {
  type AmountEstimate,
  type AmountFormula,
  type CategorySource,
  type FactKey,
  formatAmountEstimate,
  formatNumber,
  formatYuan,
} from '../../../../shared/policy-rules';
import {
  type CompileContext,
  type CompiledCondition,
  compileCondition,
  MANUAL,
  MET,
  type Status,
  UNKNOWN,
  UNMET,
} from './conditions';
import { describeMembershipValue, formatValue } from './explain';
import { factKeys, type PreparedFacts } from './facts';
import { type CompiledQuantity, compileQuantity, interval } from './quantity';

/**
 * Amount formulas compiled into interval arithmetic over 元: every formula yields [lo, hi], exact when the facts
 * decide it and a range when a missing fact does (unknown R&D under "10%, at most 150万" → 0..150万). An upper
 * bound may be +∞ when nothing caps a formula over a missing figure.
 *
 * As with quantities, `eval` returns the lower bound and leaves the upper one in `range.hi`, so the fast path
 * allocates nothing. Products are rounded to whole 元 where they are formed.
 */
export const range = { hi: 0 };

const INF = Number.POSITIVE_INFINITY;

export interface CompiledAmount {
  readonly formula: AmountFormula;
  /** Lower bound in 元; the upper bound is left in `range.hi`. */
  eval(f: PreparedFacts): number;
  /** Adds the facts that would narrow the range; call only when it is not exact. */
  missing(f: PreparedFacts, out: Set<FactKey>): void;
  /** The computation with the actual figures, in Chinese. */
  explain(f: PreparedFacts): string;
}

const round = (x: number): number => (Number.isFinite(x) ? Math.round(x) : x);
/** A product where 0 × ∞ is 0 (no months means no money, however large the monthly amount could be). */
const mul = (a: number, b: number): number => (a === 0 || b === 0 ? 0 : a * b);

function rangeText(lo: number, hi: number): string {
  return formatAmountEstimate({ min: lo, max: Number.isFinite(hi) ? hi : null });
}

/** Evaluates a sub-formula as a pair (slow paths only). */
function pair(c: CompiledAmount, f: PreparedFacts): [number, number] {
  const lo = c.eval(f);
  return [lo, range.hi];
}

function quantityPair(q: CompiledQuantity, f: PreparedFacts): [number, number] {
  const lo = q.eval(f);
  return [lo, interval.hi];
}

function conditionText(c: CompiledCondition, s: Status): string {
  const label = c.node.label ?? '条件';
  return s === MET || s === MANUAL ? `符合“${label}”` : s === UNMET ? `不符合“${label}”` : `“${label}”待确定`;
}

/** Category values a `byCategory` source may take for these facts; null = unknown (any value possible). */
interface CategoryReader {
  /** The known value, or undefined when unknown. */
  value(f: PreparedFacts): string | undefined;
  /** For unknown values: may the category be `v`? (Narrower than "anything" where the facts allow.) */
  possible(f: PreparedFacts, v: string): boolean;
  missing(f: PreparedFacts, out: Set<FactKey>): void;
  describe(v: string): string;
  /** Every value the category can take, when the set is closed (size classes, recognition types). */
  domain?: readonly string[];
}

function categoryReader(source: CategorySource, ctx: CompileContext): CategoryReader {
  switch (source.of) {
    case 'sizeClass':
    case 'streetCode': {
      const field = source.of;
      const membership = field === 'sizeClass' ? 'sizeClass' : 'streetCode';
      return {
        value: (f) => f.facts[field],
        possible: () => true,
        missing: (_f, out) => out.add(field),
        describe: (v) => describeMembershipValue(membership, v, ctx.index),
        ...(field === 'sizeClass' ? { domain: SIZE_CLASSES } : {}),
      };
    }
    case 'recognition': {
      // 'first' / 'renewal' are exactly the qualification conditions of those modes for the year; 'none' is neither.
      const base = {
        id: '_',
        label: '_',
        kind: 'qualification' as const,
        qualification: source.qualification,
        recognizedIn: source.year,
      };
      const first = compileCondition({ ...base, recognition: 'first' }, ctx);
      const renewal = compileCondition({ ...base, recognition: 'renewal' }, ctx);
      const any = compileCondition(base, ctx);
      return {
        value(f) {
          const a = first.test(f);
          if (a === MET) return 'first';
          const b = renewal.test(f);
          if (b === MET) return 'renewal';
          return a === UNMET && b === UNMET ? 'none' : undefined;
        },
        possible(f, v) {
          if (v === 'first') return first.test(f) !== UNMET;
          if (v === 'renewal') return renewal.test(f) !== UNMET;
          if (v === 'none') return any.test(f) !== MET;
          return false;
        },
        missing: (_f, out) => out.add(factKeys.qualification(source.qualification)),
        describe: (v) => (v === 'first' ? '首次认定' : v === 'renewal' ? '重新认定' : '当年未认定'),
        domain: RECOGNITION_VALUES,
      };
    }
  }
}

const RECOGNITION_VALUES = ['first', 'renewal', 'none'] as const;

export function compileAmount(formula: AmountFormula, ctx: CompileContext): CompiledAmount {
  const sub = (f: AmountFormula) => compileAmount(f, ctx);
  switch (formula.kind) {
    case 'fixed': {
      const a = formula.amount;
      return {
        formula,
        eval() {
          range.hi = a;
          return a;
        },
        missing() {},
        explain: () => formatYuan(a),
      };
    }
    case 'rate': {
      const q = compileQuantity(formula.base, ctx.ruleRewardYear, ctx.index);
      const p = formula.percent / 100;
      const floor = formula.floor ?? 0;
      const cap = formula.cap ?? INF;
      const g = (x: number) => Math.min(cap, Math.max(floor, x <= 0 ? 0 : round(x * p)));
      return {
        formula,
        eval(f) {
          const lo = q.eval(f);
          const hi = interval.hi;
          range.hi = g(hi);
          return g(lo);
        },
        missing(f, out) {
          q.missing(f, out);
        },
        explain(f) {
          const [lo, hi] = quantityPair(q, f);
          const name = q.name(f);
          if (lo !== hi)
            return `${name}未知，按${formatNumber(formula.percent, 4)}%测算为 ${rangeText(g(lo), g(hi))}`;
          const raw = lo <= 0 ? 0 : round(lo * p);
          const v = g(lo);
          const note = v < raw ? '（按上限）' : v > raw ? '（按下限）' : '';
          return `${name} ${formatValue(lo, q.unit)} × ${formatNumber(formula.percent, 4)}% = ${formatYuan(raw)}${note ? `，${formatYuan(v)}${note}` : ''}`;
        },
      };
    }
    case 'perUnit': {
      const q = compileQuantity(formula.quantity, ctx.ruleRewardYear, ctx.index);
      const size = formula.unitSize;
      const per = formula.amountPerUnit;
      const prorate = formula.prorate === true;
      const cap = formula.cap ?? INF;
      const units = (x: number) => (x <= 0 ? 0 : prorate ? x / size : Math.floor(x / size));
      const g = (x: number) => Math.min(cap, round(mul(units(x), per)));
      return {
        formula,
        eval(f) {
          const lo = q.eval(f);
          const hi = interval.hi;
          range.hi = g(hi);
          return g(lo);
        },
        missing(f, out) {
          q.missing(f, out);
        },
        explain(f) {
          const [lo, hi] = quantityPair(q, f);
          const name = q.name(f);
          if (lo !== hi) return `${name}未知，测算为 ${rangeText(g(lo), g(hi))}`;
          const u = units(lo);
          const raw = round(u * per);
          const v = g(lo);
          return `${name} ${formatValue(lo, q.unit)}，计 ${formatNumber(u, 2)} 个单位 × ${formatYuan(per)} = ${formatYuan(raw)}${v < raw ? `，按上限 ${formatYuan(v)}` : ''}`;
        },
      };
    }
    case 'tiers': {
      const q = compileQuantity(formula.quantity, ctx.ruleRewardYear, ctx.index);
      const bounds = formula.tiers.map((t) => t.atLeast);
      const amounts = formula.tiers.map((t) => sub(t.amount));
      const tierOf = (x: number) => {
        let i = -1;
        while (i + 1 < bounds.length && bounds[i + 1]! <= x) i++;
        return i;
      };
      return {
        formula,
        eval(f) {
          const a = tierOf(q.eval(f));
          const b = tierOf(interval.hi);
          let lo = INF;
          let hi = 0;
          for (let i = a; i <= b; i++) {
            let l = 0;
            let h = 0;
            if (i >= 0) {
              l = amounts[i]!.eval(f);
              h = range.hi;
            }
            if (l < lo) lo = l;
            if (h > hi) hi = h;
          }
          // Inconsistent facts could rule every value out; an empty range would be meaningless, so report 0.
          if (lo === INF) lo = 0;
          range.hi = hi;
          return lo;
        },
        missing(f, out) {
          const a = tierOf(q.eval(f));
          const b = tierOf(interval.hi);
          if (a !== b) q.missing(f, out);
          for (let i = Math.max(0, a); i <= b; i++) {
            const [l, h] = pair(amounts[i]!, f);
            if (l !== h) amounts[i]!.missing(f, out);
          }
        },
        explain(f) {
          const [lo, hi] = quantityPair(q, f);
          const name = q.name(f);
          if (lo !== hi) {
            const [l, h] = pair(this as CompiledAmount, f);
            return `${name}未知，测算为 ${rangeText(l, h)}`;
          }
          const i = tierOf(lo);
          if (i < 0) return `${name} ${formatValue(lo, q.unit)}，未达到最低档，0元`;
          const t = formula.tiers[i]!;
          return `${name} ${formatValue(lo, q.unit)}，适用“${t.label ?? `达到${formatValue(t.atLeast, q.unit)}`}”档：${amounts[i]!.explain(f)}`;
        },
      };
    }
    case 'byCategory': {
      const reader = categoryReader(formula.category, ctx);
      const values = formula.cases.map((c) => c.value);
      const cases = formula.cases.map((c) => sub(c.amount));
      const otherwise = formula.otherwise ? sub(formula.otherwise) : undefined;
      const domain = reader.domain;
      // Values of a closed domain that the table does not list: they fall to `otherwise` (or 0).
      const unlisted = domain ? domain.filter((v) => !values.includes(v)) : undefined;
      const pick = (v: string) => {
        const i = values.indexOf(v);
        return i >= 0 ? cases[i] : otherwise;
      };
      return {
        formula,
        eval(f) {
          const v = reader.value(f);
          if (v !== undefined) {
            const c = pick(v);
            if (!c) {
              range.hi = 0;
              return 0;
            }
            return c.eval(f);
          }
          let lo = INF;
          let hi = 0;
          for (let i = 0; i < cases.length; i++) {
            if (!reader.possible(f, values[i]!)) continue;
            const l = cases[i]!.eval(f);
            if (l < lo) lo = l;
            if (range.hi > hi) hi = range.hi;
          }
          let outside = unlisted === undefined;
          if (unlisted)
            for (let i = 0; i < unlisted.length && !outside; i++) outside = reader.possible(f, unlisted[i]!);
          if (outside) {
            const l = otherwise ? otherwise.eval(f) : 0;
            const h = otherwise ? range.hi : 0;
            if (l < lo) lo = l;
            if (h > hi) hi = h;
          }
          // Inconsistent facts could rule every value out; an empty range would be meaningless, so report 0.
          if (lo === INF) lo = 0;
          range.hi = hi;
          return lo;
        },
        missing(f, out) {
          const v = reader.value(f);
          if (v === undefined) {
            reader.missing(f, out);
            return;
          }
          const c = pick(v);
          if (c) c.missing(f, out);
        },
        explain(f) {
          const v = reader.value(f);
          if (v === undefined) {
            const [l, h] = pair(this as CompiledAmount, f);
            return `类别待确定，测算为 ${rangeText(l, h)}`;
          }
          const c = pick(v);
          return `${reader.describe(v)}：${c ? c.explain(f) : '0元'}`;
        },
      };
    }
    case 'max': {
      const parts = formula.of.map(sub);
      return {
        formula,
        eval(f) {
          let lo = 0;
          let hi = 0;
          for (let i = 0; i < parts.length; i++) {
            const l = parts[i]!.eval(f);
            if (l > lo) lo = l;
            if (range.hi > hi) hi = range.hi;
          }
          range.hi = hi;
          return lo;
        },
        missing(f, out) {
          for (const p of parts) {
            const [l, h] = pair(p, f);
            if (l !== h) p.missing(f, out);
          }
        },
        explain: (f) => `取最高：${parts.map((p) => p.explain(f)).join('；')}`,
      };
    }
    case 'sum': {
      const parts = formula.of.map((c) => ({
        label: c.label,
        when: c.when ? compileCondition(c.when, ctx) : undefined,
        amount: sub(c.amount),
      }));
      return {
        formula,
        eval(f) {
          let lo = 0;
          let hi = 0;
          for (let i = 0; i < parts.length; i++) {
            const p = parts[i]!;
            const s = p.when ? p.when.test(f) : MET;
            if (s === UNMET) continue;
            const l = p.amount.eval(f);
            if (s !== UNKNOWN) lo += l;
            hi += range.hi;
          }
          range.hi = hi;
          return lo;
        },
        missing(f, out) {
          for (const p of parts) {
            const s = p.when ? p.when.test(f) : MET;
            if (s === UNMET) continue;
            if (s === UNKNOWN) p.when!.missing(f, out);
            const [l, h] = pair(p.amount, f);
            if (l !== h) p.amount.missing(f, out);
          }
        },
        explain(f) {
          return parts
            .map((p) => {
              const s = p.when ? p.when.test(f) : MET;
              const head = `${p.label ?? ''}${p.when ? `（${conditionText(p.when, s)}）` : ''}`;
              if (s === UNMET) return `${head}0元`;
              return `${head}${p.amount.explain(f)}`;
            })
            .join(' + ');
        },
      };
    }
    case 'multiplier': {
      const base = sub(formula.base);
      const when = compileCondition(formula.when, ctx);
      const k = formula.factor;
      return {
        formula,
        eval(f) {
          const s = when.test(f);
          const lo = base.eval(f);
          const hi = range.hi;
          if (s === UNMET) {
            range.hi = hi;
            return lo;
          }
          const klo = round(lo * k);
          const khi = round(hi * k);
          if (s === UNKNOWN) {
            range.hi = Math.max(hi, khi);
            return Math.min(lo, klo);
          }
          range.hi = khi;
          return klo;
        },
        missing(f, out) {
          if (when.test(f) === UNKNOWN) when.missing(f, out);
          const [l, h] = pair(base, f);
          if (l !== h) base.missing(f, out);
        },
        explain(f) {
          const s = when.test(f);
          const b = base.explain(f);
          if (s === UNMET) return `${b}（${conditionText(when, s)}，不加倍）`;
          if (s === UNKNOWN) return `${b}（${conditionText(when, s)}，可能按 ${formatNumber(k, 2)} 倍计）`;
          return `${b} × ${formatNumber(k, 2)}（${conditionText(when, s)}）`;
        },
      };
    }
    case 'monthly': {
      const per = sub(formula.perMonth);
      const months =
        typeof formula.months === 'number'
          ? formula.months
          : compileQuantity(formula.months, ctx.ruleRewardYear, ctx.index);
      const maxMonths = formula.maxMonths ?? INF;
      const monthsLo = (f: PreparedFacts) => {
        if (typeof months === 'number') {
          interval.hi = Math.min(months, maxMonths);
          return interval.hi;
        }
        const lo = months.eval(f);
        interval.hi = Math.min(maxMonths, Math.max(0, interval.hi));
        return Math.min(maxMonths, Math.max(0, lo));
      };
      return {
        formula,
        eval(f) {
          const ml = monthsLo(f);
          const mh = interval.hi;
          const pl = per.eval(f);
          const ph = range.hi;
          range.hi = round(mul(ph, mh));
          return round(mul(pl, ml));
        },
        missing(f, out) {
          const ml = monthsLo(f);
          if (ml !== interval.hi && typeof months !== 'number') months.missing(f, out);
          const [l, h] = pair(per, f);
          if (l !== h) per.missing(f, out);
        },
        explain(f) {
          const ml = monthsLo(f);
          const mh = interval.hi;
          const monthsText = ml === mh ? `${formatNumber(ml, 2)}个月` : '月数待确定';
          return `每月 ${per.explain(f)} × ${monthsText}`;
        },
      };
    }
    case 'clamp': {
      const inner = sub(formula.amount);
      const min = formula.min ?? 0;
      const max = formula.max ?? INF;
      const c = (x: number) => Math.min(max, Math.max(min, x));
      return {
        formula,
        eval(f) {
          const lo = inner.eval(f);
          range.hi = c(range.hi);
          return c(lo);
        },
        missing(f, out) {
          inner.missing(f, out);
        },
        explain(f) {
          const [lo, hi] = pair(inner, f);
          const text = inner.explain(f);
          if (lo === hi && c(lo) !== lo)
            return `${text}，${c(lo) < lo ? '按上限' : '按下限'} ${formatYuan(c(lo))}`;
          return text;
        },
      };
    }
    case 'sharedCap': {
      const inner = sub(formula.amount);
      const total = formula.total;
      const code = formula.otherPayment;
      const name = ctx.index.otherPayment(code);
      return {
        formula,
        eval(f) {
          const lo = inner.eval(f);
          const hi = range.hi;
          const paid = f.otherPayments[code];
          if (paid === undefined) {
            // Whatever the other level paid, at most the whole cap remains, and possibly nothing.
            range.hi = Math.min(hi, total);
            return 0;
          }
          const room = Math.max(0, total - paid);
          range.hi = Math.min(hi, room);
          return Math.min(lo, room);
        },
        missing(f, out) {
          if (f.otherPayments[code] === undefined) out.add(factKeys.otherPayment(code));
          const [l, h] = pair(inner, f);
          if (l !== h) inner.missing(f, out);
        },
        explain(f) {
          const text = inner.explain(f);
          const paid = f.otherPayments[code];
          if (paid === undefined) return `${text}；${name}未知，合计不超过 ${formatYuan(total)}`;
          const room = Math.max(0, total - paid);
          return `${text}；${name} ${formatYuan(paid)}，合计上限 ${formatYuan(total)}，本级至多 ${formatYuan(room)}`;
        },
      };
    }
  }
}

/** The estimate of a compiled formula as a plain object (max null when unbounded). */
export function estimate(c: CompiledAmount, f: PreparedFacts): AmountEstimate {
  const min = c.eval(f);
  const hi = range.hi;
  return { min, max: Number.isFinite(hi) ? hi : null };
}
