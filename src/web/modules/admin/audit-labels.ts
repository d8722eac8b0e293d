import type { Messages } from '../../locales/zh-CN';

/**
 * The label of an audit action. Most actions are named in `m.audit.actions`; the steps of an appeal
 * (`appeal.<action>`) and of a claim (`policy_claim.<action>`) take the names their own pages use, so the audit page
 * and the timelines never disagree. An action without a label shows its code.
 */
export function auditActionLabel(m: Messages, action: string): string {
  const named = m.audit.actions[action];
  if (named) return named;
  const dot = action.indexOf('.');
  const family = action.slice(0, dot);
  const step = action.slice(dot + 1);
  const steps: Record<string, Record<string, string> | undefined> = {
    appeal: m.appeals.actions as Record<string, string>,
    policy_claim: m.policies.claimActions as Record<string, string>,
  };
  const label = dot > 0 ? steps[family]?.[step] : undefined;
  return label
    ? m.audit.familyStep(m.audit.families[family as keyof Messages['audit']['families']], label)
    : action;
}
