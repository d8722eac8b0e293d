import fs from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { APPEAL_ACTIONS } from '../../../shared/appeals';
import { CLAIM_ACTIONS } from '../../../shared/policies';
import { en } from '../../locales/en';
import { zhCN } from '../../locales/zh-CN';
import { auditActionLabel } from './audit-labels';

/** Every `action: '…'` the server writes to the audit log, read from its sources (tests left out). */
function serverActions(): string[] {
  const found = new Set<string>();
  const walk = (dir: string) => {
    for (const entry of fs.readdirSync(dir, { withFileTypes: true })) {
      const file = path.join(dir, entry.name);
      if (entry.isDirectory()) walk(file);
      else if (/\.ts$/.test(entry.name) && !/\.test\.ts$/.test(entry.name)) {
        // `action: 'x.y'`, and both names of `action: cond ? 'x.y' : 'x.z'`.
        for (const m of fs.readFileSync(file, 'utf8').matchAll(/action: ([^,\n]+)/g))
          for (const name of m[1]!.matchAll(/'([a-z_]+(?:\.[a-z_]+)+)'/g)) found.add(name[1]!);
      }
    }
  };
  walk(path.resolve(__dirname, '../../../server'));
  return [...found].sort();
}

describe('audit action labels', () => {
  const actions = serverActions();

  it('finds the actions the server writes', () => {
    // A guard on the scan itself: an empty list would make the checks below pass without checking anything.
    expect(actions).toEqual(
      expect.arrayContaining(['auth.login', 'appeal.submit', 'building.import_commit']),
    );
    expect(actions.length).toBeGreaterThan(60);
  });

  it.each([
    ['zh-CN', zhCN],
    ['en', en],
  ])('names every action in %s, the steps of appeals and claims included', (_, m) => {
    const written = [
      ...actions,
      ...APPEAL_ACTIONS.map((a) => `appeal.${a}`),
      ...CLAIM_ACTIONS.map((a) => `policy_claim.${a}`),
      // Written with a computed name: building status changes and document lapses.
      'building.archive',
      'building.verify',
      'policy_document.repeal',
      'policy_document.expire',
    ];
    const unnamed = written.filter((a) => auditActionLabel(m as typeof zhCN, a) === a);
    expect(unnamed).toEqual([]);
  });

  it('takes the step names of the appeal and claim pages', () => {
    expect(auditActionLabel(zhCN, 'appeal.sign')).toBe(`诉求：${zhCN.appeals.actions.sign}`);
    expect(auditActionLabel(en, 'policy_claim.pay')).toBe(`Claim: ${en.policies.claimActions.pay}`);
    expect(auditActionLabel(zhCN, 'appeal.no_such_step')).toBe('appeal.no_such_step');
  });
});
