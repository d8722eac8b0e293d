import type { IpKind, YearlyMetric } from '../../../../shared/enterprises';
import type { FactKey, Quantity, QuantityUnit } from '../../../../shared/policy-rules';
import { describeQuantity, quantityUnit, type YearText } from './explain';
import {
  type CatalogueIndex,
  factKeys,
  figure,
  METRIC_INDEX,
  type PreparedFacts,
  yearResolver,
} from './facts';

/**
 * Quantities evaluate to an interval [lo, hi] of the values the facts allow: a known figure is [v, v]; a missing
 * one is [0, ∞) (figures, counts and measures are never negative), so a missing fact widens the interval instead
 * of becoming 0, and a condition is decided only when the whole interval lies on one side of its threshold.
 *
 * To avoid allocating a pair per evaluation, `eval` returns the lower bound and leaves the upper bound in
 * `interval.hi`, which the caller reads immediately after the call.
 */
export const interval = { hi: 0 };

export interface CompiledQuantity {
  readonly quantity: Quantity;
  readonly unit: QuantityUnit;
  /** Lower bound; the upper bound is left in `interval.hi`. */
  eval(f: PreparedFacts): number;
  /** Adds the keys of the facts this quantity lacks. */
  missing(f: PreparedFacts, out: Set<FactKey>): void;
  /** Its name with resolved years: "2025年营业收入". */
  name(f: PreparedFacts): string;
  /** For increments and growth rates: the two years and their figures (undefined when missing). */
  endpoints?(f: PreparedFacts): { fromYear: number; toYear: number; from?: number; to?: number };
}

/** Writes years as "2025年" for one evaluation, honouring the rule set's own reward year. */
export function resolvedYearText(f: PreparedFacts, ruleRewardYear: number | undefined): YearText {
  return (ref) => `${yearResolver(ref, ruleRewardYear)(f)}年`;
}

function growthInterval(fromLo: number, fromHi: number, toLo: number, toHi: number): number {
  // g(from, to) = (to / from − 1) × 100 for from > 0; from = 0 gives +∞ when to > 0 and 0 when to = 0 (no change).
  // g rises with `to` and falls with `from`, so the bounds sit at the corners (fromHi, toLo) and (fromLo, toHi).
  const lo =
    fromHi === 0
      ? toLo > 0
        ? Number.POSITIVE_INFINITY
        : 0
      : fromHi === Number.POSITIVE_INFINITY
        ? -100
        : (toLo / fromHi - 1) * 100;
  interval.hi =
    fromLo === 0
      ? toHi > 0
        ? Number.POSITIVE_INFINITY
        : 0
      : toHi === Number.POSITIVE_INFINITY
        ? toHi
        : (toHi / fromLo - 1) * 100;
  return lo;
}

export function compileQuantity(
  q: Quantity,
  ruleRewardYear: number | undefined,
  index: CatalogueIndex,
): CompiledQuantity {
  const unit = quantityUnit(q, index);
  const name = (f: PreparedFacts) => describeQuantity(q, index, resolvedYearText(f, ruleRewardYear));
  switch (q.of) {
    case 'profile': {
      const field = q.field;
      return {
        quantity: q,
        unit,
        name,
        eval(f) {
          const v = f.facts[field];
          if (v === undefined) {
            interval.hi = Number.POSITIVE_INFINITY;
            return 0;
          }
          interval.hi = v;
          return v;
        },
        missing(f, out) {
          if (f.facts[field] === undefined) out.add(field);
        },
      };
    }
    case 'yearly': {
      const year = yearResolver(q.year, ruleRewardYear);
      const metric = q.metric;
      const m = METRIC_INDEX[metric];
      return {
        quantity: q,
        unit,
        name,
        eval(f) {
          const v = figure(f, year(f), m);
          if (Number.isNaN(v)) {
            // NaN: missing
            interval.hi = Number.POSITIVE_INFINITY;
            return 0;
          }
          interval.hi = v;
          return v;
        },
        missing(f, out) {
          const y = year(f);
          if (f.yearly[y]?.[metric] === undefined) out.add(factKeys.yearly(y, metric));
        },
      };
    }
    case 'increment':
    case 'growth': {
      const from = yearResolver(q.from, ruleRewardYear);
      const to = yearResolver(q.to, ruleRewardYear);
      const metric: YearlyMetric = q.metric;
      const m = METRIC_INDEX[metric];
      const growth = q.of === 'growth';
      return {
        quantity: q,
        unit,
        name,
        eval(f) {
          const a = figure(f, from(f), m);
          const b = figure(f, to(f), m);
          // NaN (missing) widens to [0, ∞).
          const aLo = !Number.isNaN(a) ? a : 0;
          const aHi = !Number.isNaN(a) ? a : Number.POSITIVE_INFINITY;
          const bLo = !Number.isNaN(b) ? b : 0;
          const bHi = !Number.isNaN(b) ? b : Number.POSITIVE_INFINITY;
          if (growth) return growthInterval(aLo, aHi, bLo, bHi);
          interval.hi = bHi - aLo;
          return bLo - aHi;
        },
        missing(f, out) {
          const ya = from(f);
          const yb = to(f);
          if (f.yearly[ya]?.[metric] === undefined) out.add(factKeys.yearly(ya, metric));
          if (f.yearly[yb]?.[metric] === undefined) out.add(factKeys.yearly(yb, metric));
        },
        endpoints(f) {
          const fromYear = from(f);
          const toYear = to(f);
          return { fromYear, toYear, from: f.yearly[fromYear]?.[metric], to: f.yearly[toYear]?.[metric] };
        },
      };
    }
    case 'ip': {
      const kinds: readonly IpKind[] = q.kinds;
      return {
        quantity: q,
        unit,
        name,
        eval(f) {
          let lo = 0;
          let unknown = false;
          for (let i = 0; i < kinds.length; i++) {
            const v = f.ip[kinds[i]!];
            if (v === undefined) unknown = true;
            else lo += v;
          }
          interval.hi = unknown ? Number.POSITIVE_INFINITY : lo;
          return lo;
        },
        missing(f, out) {
          for (const k of kinds) if (f.ip[k] === undefined) out.add(factKeys.ip(k));
        },
      };
    }
    case 'measure': {
      const code = q.measure;
      return {
        quantity: q,
        unit,
        name,
        eval(f) {
          const v = f.measures[code];
          if (v === undefined) {
            interval.hi = Number.POSITIVE_INFINITY;
            return 0;
          }
          interval.hi = v;
          return v;
        },
        missing(f, out) {
          if (f.measures[code] === undefined) out.add(factKeys.measure(code));
        },
      };
    }
  }
}

/** Convenience for the slow paths: the interval as a pair. */
export function quantityInterval(c: CompiledQuantity, f: PreparedFacts): [number, number] {
  const lo = c.eval(f);
  return [lo, interval.hi];
}
