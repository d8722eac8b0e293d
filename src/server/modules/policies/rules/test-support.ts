import type {
  AmountFormula,
  ConditionNode,
  ConditionStatus,
  EnterpriseFacts,
  LeafCondition,
  ProgramEvaluation,
  RuleSet,
} from '../../../../shared/policy-rules';
import { compileRule, prepareFacts } from './evaluate';
import { validateRuleSet } from './validate';

/** Helpers shared by the rule tests: 万元, the default evaluation date, one-call evaluation. */

export const WAN = 10_000;
/** The evaluation date of most tests: the reward year defaults to 2025, the last completed year is 2025. */
export const AS_OF = '2026-03-15';

/** A rule set around one condition tree (and an optional amount); validated, so tests exercise valid rules only. */
export function ruleSet(conditions: ConditionNode, amount?: AmountFormula, rewardYear?: number): RuleSet {
  const raw: RuleSet = {
    schemaVersion: 1,
    conditions,
    ...(amount ? { amount } : {}),
    ...(rewardYear ? { rewardYear } : {}),
  };
  const v = validateRuleSet(raw);
  if (!v.ok) throw new Error(`invalid test rule: ${JSON.stringify(v.errors)}`);
  return v.rules;
}

export function evaluate(
  conditions: ConditionNode,
  facts: EnterpriseFacts,
  options: { asOf?: string; rewardYear?: number; amount?: AmountFormula; ruleRewardYear?: number } = {},
): ProgramEvaluation {
  const rules = ruleSet(conditions, options.amount, options.ruleRewardYear);
  const f = prepareFacts(facts, { asOf: options.asOf ?? AS_OF, rewardYear: options.rewardYear });
  return compileRule(rules).evaluate(f);
}

/** The status of a single condition evaluated alone. */
export function statusOf(leaf: ConditionNode, facts: EnterpriseFacts, asOf = AS_OF): ConditionStatus {
  return evaluate(leaf, facts, { asOf }).conditions.status;
}

/** A flag leaf whose status the test controls through facts.flags[code]. */
export function flagLeaf(id: string, flag = id): LeafCondition {
  return { id, label: `事项 ${id}`, kind: 'flag', flag };
}

/** Flags facts: true → met, false → unmet, undefined → unknown (for the catalogue flags used as switches). */
export const SWITCHES = ['tax_credit_a', 'rent_paid', 'loan_repaid_on_time'] as const;
