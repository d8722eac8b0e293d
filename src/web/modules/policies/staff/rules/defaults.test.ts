import { describe, expect, it } from 'vitest';
import { PROGRAM_FIXTURES } from '../../../../../server/modules/policies/rules/fixtures';
import { validateRuleSet } from '../../../../../server/modules/policies/rules/validate';
import { DEFAULT_FACT_CATALOGUE, LEAF_KINDS, type RuleSet } from '../../../../../shared/policy-rules';
import { AMOUNT_MODES, amountMode, defaultAmount, newLeaf } from './defaults';

describe('what the editor starts with', () => {
  it('makes every new kind of condition a valid rule on its own', () => {
    for (const kind of LEAF_KINDS) {
      const leaf = newLeaf(kind, 'c1', DEFAULT_FACT_CATALOGUE);
      const rules: RuleSet = {
        schemaVersion: 1,
        conditions: { id: 'root', all: [{ ...leaf, label: leaf.label || '说明' }] },
      };
      const r = validateRuleSet(rules, DEFAULT_FACT_CATALOGUE);
      expect(r.ok, `${kind}: ${JSON.stringify(r.ok ? [] : r.errors)}`).toBe(true);
    }
  });

  it('makes every amount mode a valid formula', () => {
    for (const mode of AMOUNT_MODES) {
      const amount = defaultAmount(mode, undefined);
      const rules = {
        schemaVersion: 1,
        conditions: { id: 'root', all: [newLeaf('manual', 'c1', DEFAULT_FACT_CATALOGUE)] },
        amount,
      };
      const r = validateRuleSet(rules, DEFAULT_FACT_CATALOGUE);
      expect(r.ok, `${mode}: ${JSON.stringify(r.ok ? [] : r.errors)}`).toBe(true);
      if (mode !== 'advanced') expect(amountMode(amount)).toBe(mode);
    }
  });

  it('edits the demo programs’ amounts with the form when it can, as data otherwise', () => {
    const modes = Object.fromEntries(PROGRAM_FIXTURES.map((p) => [p.key, amountMode(p.rules.amount)]));
    expect(modes.specialized_sme_award).toBe('fixed');
    expect(modes.little_giant_award).toBe('advanced');
    expect(modes.high_tech_award).toBe('byCategory');
    expect(Object.values(modes)).toContain('rate');
  });

  it('keeps the current formula when switching to the data editor', () => {
    const f = { kind: 'max' as const, of: [{ kind: 'fixed' as const, amount: 1 }] };
    expect(defaultAmount('advanced', f)).toBe(f);
    expect(defaultAmount('none', f)).toBeUndefined();
  });
});
