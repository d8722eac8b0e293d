import type {
  AmountFormula,
  LeafCondition,
  LeafKind,
  Quantity,
  RuleSet,
  YearRef,
} from '../../../../../shared/policy-rules';
import type { CatalogueNames } from './describe';

/**
 * What a new condition or amount formula starts as in the editor: a sensible, valid example of its kind that the
 * officer then adjusts (a blank condition would only produce errors until every field is filled).
 */

export const LAST_YEAR: YearRef = { ref: 'evaluation', offset: -1 };
export const YEAR_BEFORE_LAST: YearRef = { ref: 'evaluation', offset: -2 };
export const REWARD_YEAR: YearRef = { ref: 'reward', offset: 0 };
const WAN = 10_000;

/** The label a manual condition starts with (applicants read it; the officer rewrites it). */
export const MANUAL_DEFAULT_LABEL = '依法合规经营，无严重失信行为';

export function emptyRuleSet(): RuleSet {
  return { schemaVersion: 1, conditions: { id: 'root', all: [] } };
}

export function defaultQuantity(of: Quantity['of'], catalogue: CatalogueNames): Quantity {
  switch (of) {
    case 'profile':
      return { of: 'profile', field: 'employees' };
    case 'yearly':
      return { of: 'yearly', metric: 'revenue', year: LAST_YEAR };
    case 'increment':
      return { of: 'increment', metric: 'revenue', from: YEAR_BEFORE_LAST, to: LAST_YEAR };
    case 'growth':
      return { of: 'growth', metric: 'revenue', from: YEAR_BEFORE_LAST, to: LAST_YEAR };
    case 'ip':
      return { of: 'ip', kinds: ['invention'] };
    case 'measure':
      return { of: 'measure', measure: catalogue.measures[0]?.code ?? 'rented_area' };
  }
}

/** A new leaf of `kind` (its label is filled in by the editor from the condition). */
export function newLeaf(kind: LeafKind, id: string, catalogue: CatalogueNames): LeafCondition {
  switch (kind) {
    case 'compare':
      return {
        id,
        label: '',
        kind,
        quantity: defaultQuantity('yearly', catalogue),
        op: '>=',
        value: 2000 * WAN,
      };
    case 'membership':
      return { id, label: '', kind, field: 'sizeClass', values: ['medium', 'small', 'micro'] };
    case 'date':
      return { id, label: '', kind, subject: { of: 'established' }, test: { op: 'ageAtLeast', years: 1 } };
    case 'qualification':
      return { id, label: '', kind, qualification: catalogue.qualifications[0]?.code ?? 'high_tech' };
    case 'firstCrossing':
      return {
        id,
        label: '',
        kind,
        metric: 'revenue',
        threshold: 10_000 * WAN,
        year: LAST_YEAR,
        lookbackYears: 3,
      };
    case 'flag':
      return { id, label: '', kind, flag: catalogue.flags[0]?.code ?? 'tax_credit_a', value: true };
    case 'manual':
      return { id, label: MANUAL_DEFAULT_LABEL, kind };
  }
}

/** The amount kinds the editor has a form for; anything else is edited as data ("advanced"). */
export type AmountMode =
  | 'none'
  | 'fixed'
  | 'rate'
  | 'perUnit'
  | 'tiers'
  | 'byCategory'
  | 'monthly'
  | 'advanced';
export const AMOUNT_MODES: AmountMode[] = [
  'none',
  'fixed',
  'rate',
  'perUnit',
  'tiers',
  'byCategory',
  'monthly',
  'advanced',
];

const isFixed = (f: AmountFormula | undefined): boolean => !f || f.kind === 'fixed';

/** Which form edits this formula: the simple kinds only when their inner amounts are fixed sums. */
export function amountMode(f: AmountFormula | undefined): AmountMode {
  if (!f) return 'none';
  switch (f.kind) {
    case 'fixed':
    case 'rate':
    case 'perUnit':
      return f.kind;
    case 'tiers':
      return f.tiers.every((t) => isFixed(t.amount)) ? 'tiers' : 'advanced';
    case 'byCategory':
      return f.cases.every((c) => isFixed(c.amount)) && isFixed(f.otherwise) ? 'byCategory' : 'advanced';
    case 'monthly':
      return isFixed(f.perMonth) ? 'monthly' : 'advanced';
    default:
      return 'advanced';
  }
}

/** The formula a mode starts with; `advanced` keeps the current formula (or a fixed sum) to edit as data. */
export function defaultAmount(
  mode: AmountMode,
  current: AmountFormula | undefined,
): AmountFormula | undefined {
  switch (mode) {
    case 'none':
      return undefined;
    case 'fixed':
      return { kind: 'fixed', amount: 10 * WAN };
    case 'rate':
      return {
        kind: 'rate',
        percent: 10,
        base: { of: 'increment', metric: 'rdSpending', from: YEAR_BEFORE_LAST, to: LAST_YEAR },
        cap: 100 * WAN,
      };
    case 'perUnit':
      return {
        kind: 'perUnit',
        quantity: { of: 'increment', metric: 'revenue', from: YEAR_BEFORE_LAST, to: LAST_YEAR },
        unitSize: 10_000 * WAN,
        amountPerUnit: 5 * WAN,
        cap: 50 * WAN,
      };
    case 'tiers':
      return {
        kind: 'tiers',
        quantity: { of: 'yearly', metric: 'revenue', year: LAST_YEAR },
        tiers: [
          { atLeast: 5_000 * WAN, amount: { kind: 'fixed', amount: 10 * WAN } },
          { atLeast: 10_000 * WAN, amount: { kind: 'fixed', amount: 20 * WAN } },
        ],
      };
    case 'byCategory':
      return {
        kind: 'byCategory',
        category: { of: 'recognition', qualification: 'high_tech', year: REWARD_YEAR },
        cases: [
          { value: 'first', amount: { kind: 'fixed', amount: 30 * WAN } },
          { value: 'renewal', amount: { kind: 'fixed', amount: 15 * WAN } },
        ],
      };
    case 'monthly':
      return { kind: 'monthly', perMonth: { kind: 'fixed', amount: 1 * WAN }, months: 12 };
    case 'advanced':
      return current ?? { kind: 'fixed', amount: 10 * WAN };
  }
}

/** The fixed sum inside a simple formula (0 when it is not one). */
export function fixedOf(f: AmountFormula | undefined): number {
  return f?.kind === 'fixed' ? f.amount : 0;
}
