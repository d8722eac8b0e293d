import {
  DEFAULT_FACT_CATALOGUE,
  type EligibilityStatus,
  type EnterpriseFacts,
  type FactCatalogue,
  type FactKey,
  type FactQuestion,
  formatAmountEstimate,
  type GapItem,
  type ManualCondition,
  type MatchSummary,
  type ProgramEvaluation,
  type RuleSet,
} from '../../../../shared/policy-rules';
import { type CompiledAmount, compileAmount, range } from './amount';
import {
  type CompileContext,
  type CompiledCondition,
  compileCondition,
  flattenCondition,
  manualConditions,
  score,
  UNKNOWN,
  UNMET,
} from './conditions';
import { describeFormula } from './explain';
import {
  type CatalogueIndex,
  describeFact,
  type EvaluationContext,
  indexCatalogue,
  type PreparedFacts,
  type PrepareOptions,
  prepareFacts,
} from './facts';
import { resolvedYearText } from './quantity';

/**
 * The eligibility engine's entry points. Pure: no I/O, no clock (the evaluation date comes in the context).
 *
 *   const rule = compileRule(program.rules);            // once per program version
 *   const facts = prepareFacts(snapshot, { asOf });     // once per enterprise
 *   rule.match(facts)     → status, score, amount range, missing facts   (fast: lists, 政策找企业, 免申即享)
 *   rule.evaluate(facts)  → the same plus every condition's reason and the gap analysis (one program's page)
 *
 * Rule sets must have passed `validateRuleSet`; compiling an invalid one may throw.
 */

export interface CompileOptions {
  /** Names of qualifications, flags, measures … for reasons; default DEFAULT_FACT_CATALOGUE. */
  catalogue?: FactCatalogue;
}

export interface CompiledRule {
  readonly rules: RuleSet;
  readonly manual: readonly ManualCondition[];
  match(f: PreparedFacts): MatchSummary;
  /** The same, labelled with the program's id (what `matchPrograms` lists). */
  matchAs(f: PreparedFacts, programId: string): ProgramMatch;
  evaluate(f: PreparedFacts): ProgramEvaluation;
}

const STATUS: readonly EligibilityStatus[] = ['ineligible', 'eligible', 'undetermined', 'eligible'];

/**
 * Most programs miss no fact: they all share this empty, frozen list instead of allocating two arrays each
 * (read-only by contract; pushing to it throws).
 */
const NONE = Object.freeze([]) as unknown as FactKey[];

export function compileRule(rules: RuleSet, options: CompileOptions = {}): CompiledRule {
  const index: CatalogueIndex = indexCatalogue(options.catalogue ?? DEFAULT_FACT_CATALOGUE);
  const ctx: CompileContext = { ruleRewardYear: rules.rewardYear, index };
  const root: CompiledCondition = compileCondition(rules.conditions, ctx);
  const flat = flattenCondition(root);
  const amount: CompiledAmount | undefined = rules.amount ? compileAmount(rules.amount, ctx) : undefined;
  const manual = manualConditions(rules.conditions);
  const manualCount = manual.length;

  // The fields of the last match, so that match and matchAs build their objects in one literal each.
  let status: EligibilityStatus = 'ineligible';
  let fraction = 0;
  let estimate: MatchSummary['amount'] = null;
  let missingFacts: FactKey[] = NONE;
  let amountMissingFacts: FactKey[] = NONE;

  function run(f: PreparedFacts): void {
    const s = flat.test(f);
    fraction = score.value;
    status = STATUS[s]!;
    estimate = null;
    amountMissingFacts = NONE;
    if (amount !== undefined && s !== UNMET) {
      const lo = amount.eval(f);
      const hi = range.hi;
      estimate = { min: lo, max: Number.isFinite(hi) ? hi : null };
      if (lo !== hi) {
        const keys = new Set<FactKey>();
        amount.missing(f, keys);
        amountMissingFacts = [...keys];
      }
    }
    missingFacts = NONE;
    if (s === UNKNOWN) {
      const keys = new Set<FactKey>();
      root.missing(f, keys);
      missingFacts = [...keys];
    }
  }

  function match(f: PreparedFacts): MatchSummary {
    run(f);
    return { status, score: fraction, amount: estimate, missingFacts, amountMissingFacts, manualCount };
  }

  function matchAs(f: PreparedFacts, programId: string): ProgramMatch {
    run(f);
    return {
      programId,
      status,
      score: fraction,
      amount: estimate,
      missingFacts,
      amountMissingFacts,
      manualCount,
    };
  }

  function evaluate(f: PreparedFacts): ProgramEvaluation {
    const summary = match(f);
    const gaps: GapItem[] = [];
    if (summary.status !== 'eligible') root.gaps(f, gaps);
    let amountExplanation: string | null = null;
    if (amount !== undefined) {
      const years = resolvedYearText(f, rules.rewardYear);
      const rule = describeFormula(rules.amount!, index, years);
      amountExplanation =
        summary.amount === null
          ? rule
          : `${rule}。测算：${amount.explain(f)}，预计 ${formatAmountEstimate(summary.amount)}`;
    }
    return {
      ...summary,
      conditions: root.outcome(f),
      gaps,
      manualConditions: manual.map((m) => ({
        id: m.id,
        label: m.label,
        ...(m.hint ? { hint: m.hint } : {}),
      })),
      amountExplanation,
      rewardYear: rules.rewardYear ?? f.rewardYear,
      asOf: f.asOf,
    };
  }

  return { rules, manual, match, matchAs, evaluate };
}

/** One-shot evaluation of one rule set (claim review, a program's page). */
export function evaluateRules(
  rules: RuleSet,
  facts: EnterpriseFacts,
  ctx: EvaluationContext,
  options: CompileOptions = {},
): ProgramEvaluation {
  return compileRule(rules, options).evaluate(prepareFacts(facts, ctx));
}

// ——— many programs ———

export interface CompiledProgram {
  id: string;
  rule: CompiledRule;
}

export interface ProgramMatch extends MatchSummary {
  programId: string;
}

const STATUS_RANK: Record<EligibilityStatus, number> = { eligible: 0, undetermined: 1, ineligible: 2 };

/** Ranking: eligible first, then undetermined, then ineligible; within each, higher score, then higher amount. */
export function compareMatches(a: MatchSummary, b: MatchSummary): number {
  const byStatus = STATUS_RANK[a.status] - STATUS_RANK[b.status];
  if (byStatus !== 0) return byStatus;
  if (a.score !== b.score) return b.score - a.score;
  const am = a.amount ? (a.amount.max ?? Number.MAX_VALUE) : 0;
  const bm = b.amount ? (b.amount.max ?? Number.MAX_VALUE) : 0;
  return bm - am;
}

/** Matches one enterprise (or self-test answers) against every program, ranked as `compareMatches` says. */
export function matchPrograms(
  programs: readonly CompiledProgram[],
  facts: EnterpriseFacts,
  ctx: EvaluationContext,
  options?: PrepareOptions,
): ProgramMatch[] {
  const f = prepareFacts(facts, ctx, options);
  const n = programs.length;
  const matches: ProgramMatch[] = new Array(n);
  // Ranking keys in typed arrays: sorting indices over them is several times cheaper than comparing objects.
  // `primary` = 2 × status rank − score orders by status, then by score descending (score ∈ [0, 1]).
  const primary = new Float64Array(n);
  const amounts = new Float64Array(n);
  const order = new Uint32Array(n);
  for (let i = 0; i < n; i++) {
    const p = programs[i]!;
    const m = p.rule.matchAs(f, p.id);
    matches[i] = m;
    primary[i] = 2 * STATUS_RANK[m.status] - m.score;
    amounts[i] = m.amount === null ? 0 : (m.amount.max ?? Number.MAX_VALUE);
    order[i] = i;
  }
  order.sort((a, b) => primary[a]! - primary[b]! || amounts[b]! - amounts[a]! || a - b);
  const out: ProgramMatch[] = new Array(n);
  for (let i = 0; i < n; i++) out[i] = matches[order[i]!]!;
  return out;
}

/**
 * The self-test's next questions: the facts missing from undetermined programs, ranked by the programs they would
 * settle. `weight` sums 1/|missing facts| per program (a fact that is a program's only gap settles it alone; one
 * of four settles a quarter of it, in expectation), then `settles` (programs it alone would settle), then the
 * number of programs it bears on.
 */
export function questionsFor(
  programs: readonly CompiledProgram[],
  knownFacts: EnterpriseFacts,
  ctx: EvaluationContext,
  options: { catalogue?: FactCatalogue; limit?: number } = {},
): FactQuestion[] {
  const index = indexCatalogue(options.catalogue ?? DEFAULT_FACT_CATALOGUE);
  const f = prepareFacts(knownFacts, ctx);
  const byFact = new Map<FactKey, { programs: string[]; settles: number; weight: number }>();
  for (const p of programs) {
    const m = p.rule.match(f);
    if (m.status !== 'undetermined') continue;
    const share = 1 / m.missingFacts.length;
    for (const key of m.missingFacts) {
      let q = byFact.get(key);
      if (!q) {
        q = { programs: [], settles: 0, weight: 0 };
        byFact.set(key, q);
      }
      q.programs.push(p.id);
      q.weight += share;
      if (m.missingFacts.length === 1) q.settles++;
    }
  }
  const questions: FactQuestion[] = [...byFact].map(([fact, q]) => {
    const d = describeFact(fact, index);
    return {
      fact,
      question: d.question,
      answer: d.answer,
      ...(d.unit ? { unit: d.unit } : {}),
      programs: q.programs,
      settles: q.settles,
      weight: q.weight,
    };
  });
  questions.sort(
    (a, b) =>
      b.weight - a.weight ||
      b.settles - a.settles ||
      b.programs.length - a.programs.length ||
      a.fact.localeCompare(b.fact),
  );
  return options.limit === undefined ? questions : questions.slice(0, options.limit);
}

export { type EvaluationContext, type PreparedFacts, type PrepareOptions, prepareFacts } from './facts';
