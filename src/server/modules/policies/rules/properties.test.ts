import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { IP_KINDS, SIZE_CLASSES } from '../../../../shared/enterprises';
import {
  type AmountFormula,
  type ConditionNode,
  type ConditionOutcome,
  DEFAULT_FACT_CATALOGUE,
  type EnterpriseFacts,
  type LeafCondition,
  type QualificationFact,
  type Quantity,
  type RuleSet,
  type YearRef,
} from '../../../../shared/policy-rules';
import { compileRule, prepareFacts } from './evaluate';
import { dateOfDay, dayNumber } from './facts';
import { PROGRAM_FIXTURES } from './fixtures';
import { validateRuleSet } from './validate';

/**
 * Properties of three-valued evaluation over random rule trees and random enterprises, with facts removed at
 * random. "Partial" facts are the full facts with some removed, so they describe the same enterprise with less
 * known: whatever partial facts decide must stay decided the same way when the rest becomes known.
 */

const AS_OF = '2026-03-15';
const W = 10_000;
const RUNS = Number(process.env.RULES_PROPERTY_RUNS ?? 400);

// ——— rule trees ———

const yearRef: fc.Arbitrary<YearRef> = fc.constantFrom<YearRef>(
  { ref: 'evaluation', offset: -1 },
  { ref: 'evaluation', offset: -2 },
  { ref: 'reward', offset: 0 },
  { ref: 'reward', offset: -1 },
  { ref: 'absolute', year: 2023 },
);
const metric = fc.constantFrom('revenue', 'rdSpending', 'taxPaid' as const);
const money = fc.constantFrom(0, 100 * W, 500 * W, 1000 * W, 2000 * W, 10_000 * W);
const op = fc.constantFrom('>=', '>', '<=', '<', '==', '!=' as const);

const quantity: fc.Arbitrary<Quantity> = fc.oneof(
  fc.record({
    of: fc.constant('profile' as const),
    field: fc.constantFrom('employees', 'insuredEmployees' as const),
  }),
  fc.record({ of: fc.constant('yearly' as const), metric, year: yearRef }),
  fc.record({
    of: fc.constantFrom('increment', 'growth' as const),
    metric,
    from: fc.constant<YearRef>({ ref: 'evaluation', offset: -2 }),
    to: fc.constant<YearRef>({ ref: 'evaluation', offset: -1 }),
  }),
  fc.record({ of: fc.constant('ip' as const), kinds: fc.subarray([...IP_KINDS], { minLength: 1 }) }),
  fc.record({ of: fc.constant('measure' as const), measure: fc.constantFrom('rented_area', 'talent_count') }),
);

const valueFor = (q: Quantity): fc.Arbitrary<number> =>
  q.of === 'growth'
    ? fc.constantFrom(-50, 0, 10, 20, 100)
    : q.of === 'increment'
      ? fc.constantFrom(-100 * W, 0, 100 * W, 500 * W)
      : q.of === 'yearly'
        ? money
        : fc.constantFrom(0, 1, 5, 10, 20, 100, 300);

type LeafDraft = Omit<LeafCondition, 'id' | 'label'> & { kind: LeafCondition['kind'] };

const leaf: fc.Arbitrary<LeafDraft> = fc.oneof(
  quantity.chain((q) =>
    fc.record({ kind: fc.constant('compare' as const), quantity: fc.constant(q), op, value: valueFor(q) }),
  ),
  fc.oneof(
    fc.record({
      kind: fc.constant('membership' as const),
      field: fc.constant('industryCode' as const),
      values: fc.constantFrom(['65'], ['C'], ['I', 'J'], ['6511']),
    }),
    fc.record({
      kind: fc.constant('membership' as const),
      field: fc.constant('sizeClass' as const),
      values: fc.subarray([...SIZE_CLASSES], { minLength: 1 }),
    }),
    fc.record({
      kind: fc.constant('membership' as const),
      field: fc.constant('streetCode' as const),
      values: fc.constantFrom(['370202001'], ['370202001', '370202007']),
    }),
  ),
  fc.record({
    kind: fc.constant('date' as const),
    subject: fc.constantFrom({ of: 'established' as const }, { of: 'event' as const, event: 'settled' }),
    test: fc.oneof(
      fc.record({
        op: fc.constantFrom('ageAtLeast', 'ageLessThan' as const),
        years: fc.integer({ min: 1, max: 5 }),
      }),
      fc.record({ op: fc.constantFrom('ageAtLeast' as const), months: fc.integer({ min: 1, max: 18 }) }),
      fc.record({
        op: fc.constantFrom('onOrBefore', 'onOrAfter' as const),
        date: fc.constantFrom('2020-01-01', '2024-02-29'),
      }),
      fc.record({ op: fc.constant('inYear' as const), year: yearRef }),
    ),
  }),
  fc
    .record(
      {
        kind: fc.constant('qualification' as const),
        qualification: fc.constantFrom('high_tech', 'tech_sme', 'above_scale'),
        validAtEvaluation: fc.boolean(),
        minYearsHeld: fc.integer({ min: 1, max: 5 }),
        recognizedIn: yearRef,
        recognition: fc.constantFrom('first', 'renewal' as const),
      },
      { requiredKeys: ['kind', 'qualification'] },
    )
    .map((q) =>
      q.recognition && !q.recognizedIn ? { ...q, recognizedIn: { ref: 'reward' as const, offset: 0 } } : q,
    ),
  fc.record({
    kind: fc.constant('firstCrossing' as const),
    metric: fc.constant('revenue' as const),
    threshold: fc.constantFrom(1000 * W, 10_000 * W),
    year: fc.constantFrom<YearRef>({ ref: 'reward', offset: 0 }, { ref: 'evaluation', offset: -1 }),
    lookbackYears: fc.integer({ min: 1, max: 3 }),
  }),
  fc.record(
    {
      kind: fc.constant('flag' as const),
      flag: fc.constantFrom('tax_credit_a', 'rent_paid', 'loan_repaid_on_time'),
      value: fc.boolean(),
    },
    { requiredKeys: ['kind', 'flag'] },
  ),
  fc.constant({ kind: 'manual' as const }),
);

type Draft = LeafDraft | { all: Draft[] } | { any: Draft[] } | { not: Draft };

const tree = fc.letrec<{ node: Draft }>((tie) => ({
  node: fc.oneof(
    { depthSize: 'small', maxDepth: 6, withCrossShrink: true },
    leaf,
    fc.record({ all: fc.array(tie('node'), { minLength: 1, maxLength: 4 }) }),
    fc.record({ any: fc.array(tie('node'), { minLength: 1, maxLength: 4 }) }),
    fc.record({ not: tie('node') }),
  ),
})).node;

/** Gives every node a unique id and a label; a manual condition under `not` (invalid) becomes a flag. */
function finish(d: Draft, counter = { n: 0 }, underNot = false): ConditionNode {
  const id = `n${counter.n++}`;
  if ('all' in d) return { id, all: d.all.map((c) => finish(c, counter, underNot)) };
  if ('any' in d) return { id, any: d.any.map((c) => finish(c, counter, underNot)) };
  if ('not' in d) return { id, not: finish(d.not, counter, true) };
  if (d.kind === 'manual' && underNot) return { id, label: `条件${id}`, kind: 'flag', flag: 'rent_paid' };
  return { ...d, id, label: `条件${id}` } as LeafCondition;
}

const amount: fc.Arbitrary<AmountFormula> = fc.oneof(
  fc.constant<AmountFormula>({ kind: 'fixed', amount: 10 * W }),
  fc.constant<AmountFormula>({
    kind: 'rate',
    percent: 10,
    base: {
      of: 'increment',
      metric: 'rdSpending',
      from: { ref: 'evaluation', offset: -2 },
      to: { ref: 'evaluation', offset: -1 },
    },
    cap: 150 * W,
  }),
  fc.constant<AmountFormula>({ kind: 'rate', percent: 5, base: { of: 'measure', measure: 'rented_area' } }),
  ...PROGRAM_FIXTURES.map((p) => fc.constant(p.rules.amount!)),
);

const ruleSet: fc.Arbitrary<RuleSet> = fc.tuple(tree, fc.option(amount, { nil: undefined })).map(([t, a]) => {
  const conditions = finish(t);
  const r: RuleSet = { schemaVersion: 1, conditions, ...(a ? { amount: a } : {}) };
  const v = validateRuleSet(r);
  if (!v.ok) throw new Error(`generator made an invalid rule: ${JSON.stringify(v.errors)}`);
  return v.rules;
});

// ——— enterprises ———

const day = (from: string, to: string) =>
  fc.integer({ min: dayNumber(from), max: dayNumber(to) }).map(dateOfDay);
const figure = fc.oneof(money, fc.integer({ min: 0, max: 20_000 * W }));

const qualification: fc.Arbitrary<QualificationFact> = fc.oneof(
  fc.constant<QualificationFact>({ recognized: false }),
  fc
    .tuple(
      fc.uniqueArray(fc.integer({ min: 2016, max: 2026 }), { minLength: 1, maxLength: 3 }),
      fc.boolean(),
      fc.integer({ min: 1, max: 28 }),
    )
    .map(([years, expires, d]) => {
      const sorted = [...years].sort((a, b) => a - b);
      const first = sorted[0]!;
      const last = sorted.at(-1)!;
      const date = (y: number) => `${y}-${y === 2026 ? '02' : '11'}-${String(d).padStart(2, '0')}`;
      return {
        recognized: true,
        recognizedOn: date(last),
        firstRecognizedOn: date(first),
        expiresOn: expires ? `${last + 3}-${'11'}-${String(d).padStart(2, '0')}` : null,
        recognitionYears: sorted,
      };
    }),
);

const fullFacts: fc.Arbitrary<EnterpriseFacts> = fc.record({
  employees: fc.integer({ min: 0, max: 500 }),
  insuredEmployees: fc.integer({ min: 0, max: 500 }),
  registeredCapital: money,
  establishedOn: day('2015-01-01', AS_OF),
  industryCode: fc.constantFrom('6511', '3911', '6610', '7010', '5211'),
  streetCode: fc.constantFrom('370202001', '370202007', '370202010'),
  sizeClass: fc.constantFrom(...SIZE_CLASSES),
  yearly: fc.record({
    '2021': fc.record({ revenue: figure, rdSpending: figure, taxPaid: figure }),
    '2022': fc.record({ revenue: figure, rdSpending: figure, taxPaid: figure }),
    '2023': fc.record({ revenue: figure, rdSpending: figure, taxPaid: figure }),
    '2024': fc.record({ revenue: figure, rdSpending: figure, taxPaid: figure }),
    '2025': fc.record({ revenue: figure, rdSpending: figure, taxPaid: figure }),
  }),
  ip: fc.record(Object.fromEntries(IP_KINDS.map((k) => [k, fc.integer({ min: 0, max: 30 })]))),
  qualifications: fc.record(
    Object.fromEntries(DEFAULT_FACT_CATALOGUE.qualifications.map((q) => [q.code, qualification])) as Record<
      string,
      fc.Arbitrary<QualificationFact>
    >,
  ),
  flags: fc.record(Object.fromEntries(DEFAULT_FACT_CATALOGUE.flags.map((f) => [f.code, fc.boolean()]))),
  measures: fc.record(
    Object.fromEntries(
      DEFAULT_FACT_CATALOGUE.measures.map((m) => [m.code, fc.integer({ min: 0, max: 500 })]),
    ),
  ),
  events: fc.record(
    Object.fromEntries(DEFAULT_FACT_CATALOGUE.events.map((e) => [e.code, day('2020-01-01', AS_OF)])),
  ),
  otherPayments: fc.record(
    Object.fromEntries(DEFAULT_FACT_CATALOGUE.otherPayments.map((o) => [o.code, money])),
  ),
});

/** The facts as a list of removable atoms: a profile field, one yearly figure, one qualification or one of its dates … */
function atoms(f: EnterpriseFacts): string[] {
  const out: string[] = [];
  for (const key of [
    'employees',
    'insuredEmployees',
    'registeredCapital',
    'establishedOn',
    'industryCode',
    'streetCode',
    'sizeClass',
  ] as const) {
    if (f[key] !== undefined) out.push(key);
  }
  for (const [y, row] of Object.entries(f.yearly ?? {}))
    for (const m of Object.keys(row)) out.push(`yearly.${y}.${m}`);
  for (const group of ['ip', 'flags', 'measures', 'events', 'otherPayments'] as const) {
    for (const k of Object.keys(f[group] ?? {})) out.push(`${group}.${k}`);
  }
  for (const [k, q] of Object.entries(f.qualifications ?? {})) {
    out.push(`qualifications.${k}`);
    for (const part of ['recognizedOn', 'firstRecognizedOn', 'expiresOn', 'recognitionYears'] as const) {
      if (q[part] !== undefined) out.push(`qualifications.${k}.${part}`);
    }
  }
  return out;
}

/** A deep copy without the given atoms. */
function without(f: EnterpriseFacts, drop: ReadonlySet<string>): EnterpriseFacts {
  const c = structuredClone(f) as EnterpriseFacts & Record<string, unknown>;
  for (const atom of drop) {
    const parts = atom.split('.');
    if (parts.length === 1) delete c[parts[0]!];
    else if (parts[0] === 'yearly') delete c.yearly?.[parts[1]!]?.[parts[2] as 'revenue'];
    else if (parts[0] === 'qualifications' && parts.length === 3) {
      const q = c.qualifications?.[parts[1]!];
      if (q) delete q[parts[2] as 'recognizedOn'];
    } else delete (c[parts[0]!] as Record<string, unknown> | undefined)?.[parts[1]!];
  }
  return c;
}

const enterprise = fullFacts.chain((full) =>
  fc.subarray(atoms(full)).map((dropped) => ({ full, partial: without(full, new Set(dropped)) })),
);

const run = (r: RuleSet, facts: EnterpriseFacts) =>
  compileRule(r).evaluate(prepareFacts(facts, { asOf: AS_OF }));

/** Every node decided with partial facts is decided the same way with full facts. */
function sameWhereDecided(partial: ConditionOutcome, full: ConditionOutcome): void {
  if (partial.status === 'met' || partial.status === 'unmet')
    expect(full.status, `${partial.id}: ${partial.reason}`).toBe(partial.status);
  for (const [i, c] of (partial.children ?? []).entries()) sameWhereDecided(c, full.children![i]!);
}

describe('three-valued evaluation properties', () => {
  it('adding facts never turns ineligible into anything else, nor eligible', () => {
    fc.assert(
      fc.property(ruleSet, enterprise, (r, { full, partial }) => {
        const p = run(r, partial);
        const f = run(r, full);
        if (p.status === 'ineligible') expect(f.status).toBe('ineligible');
        if (p.status === 'eligible') expect(f.status).toBe('eligible');
        sameWhereDecided(p.conditions, f.conditions);
      }),
      { numRuns: RUNS },
    );
  });

  it('removing facts never turns undetermined (or ineligible) into eligible', () => {
    fc.assert(
      fc.property(ruleSet, enterprise, (r, { full, partial }) => {
        const f = run(r, full);
        const p = run(r, partial);
        if (f.status !== 'eligible') expect(p.status).not.toBe('eligible');
      }),
      { numRuns: RUNS },
    );
  });

  it('a range estimate contains the amount once more is known', () => {
    fc.assert(
      fc.property(ruleSet, enterprise, (r, { full, partial }) => {
        const p = run(r, partial).amount;
        const f = run(r, full).amount;
        if (!p || !f) return;
        expect(p.min).toBeLessThanOrEqual(f.min);
        if (p.max !== null) {
          expect(f.max).not.toBeNull();
          expect(f.max!).toBeLessThanOrEqual(p.max);
        }
        expect(f.max === null || f.min <= f.max).toBe(true);
      }),
      { numRuns: RUNS },
    );
  });

  it('an undetermined program names missing facts that are indeed missing', () => {
    fc.assert(
      fc.property(ruleSet, enterprise, (r, { partial }) => {
        const p = run(r, partial);
        if (p.status !== 'undetermined') {
          expect(p.missingFacts).toEqual([]);
          return;
        }
        expect(p.missingFacts.length).toBeGreaterThan(0);
        const present = new Set(
          atoms(partial).map((a) =>
            a.replace(
              /^(flags|measures|events|otherPayments)\./,
              (_m, g: string) => `${g.replace(/s$/, '')}.`,
            ),
          ),
        );
        for (const key of p.missingFacts) {
          if (key.startsWith('qualification.')) {
            // One key stands for the whole answer about a qualification: missing if it or one of its dates is.
            const q = partial.qualifications?.[key.slice('qualification.'.length)];
            const complete =
              q !== undefined &&
              (!q.recognized ||
                (q.recognizedOn && q.firstRecognizedOn && q.expiresOn !== undefined && q.recognitionYears));
            expect(complete, key).toBeFalsy();
          } else {
            expect(present.has(key), key).toBe(false);
          }
        }
      }),
      { numRuns: RUNS },
    );
  });

  it('is deterministic, and the fast match agrees with the full evaluation', () => {
    fc.assert(
      fc.property(ruleSet, enterprise, (r, { partial }) => {
        const a = run(r, partial);
        const b = run(structuredClone(r), structuredClone(partial));
        expect(b).toEqual(a);
        const rule = compileRule(r);
        const f = prepareFacts(partial, { asOf: AS_OF });
        const m1 = rule.match(f);
        rule.evaluate(f);
        const m2 = rule.match(f);
        expect(m2).toEqual(m1);
        // the flat program (match) and the tree (reasons) agree on the root
        const tree = a.conditions.status;
        expect(a.status).toBe(
          tree === 'unmet' ? 'ineligible' : tree === 'unknown' ? 'undetermined' : 'eligible',
        );
        const { status, score, amount: est, missingFacts, amountMissingFacts, manualCount } = a;
        expect(m1).toEqual({ status, score, amount: est, missingFacts, amountMissingFacts, manualCount });
        expect(score).toBeGreaterThanOrEqual(0);
        expect(score).toBeLessThanOrEqual(1);
      }),
      { numRuns: RUNS },
    );
  });
});
