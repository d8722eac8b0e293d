import type { Budget } from '../../../shared/policies';
import type { AmountEstimate } from '../../../shared/policy-rules';

/**
 * Money for the policy pages. The rules engine keeps 元 and shows 万元 (src/shared/policy-rules.ts formatYuan); these
 * are the same functions without the zod schemas that module carries, so the public pages stay light. A unit test
 * holds them equal to the shared ones.
 */

function groupDigits(intPart: string): string {
  let out = '';
  for (let i = 0; i < intPart.length; i++) {
    if (i > 0 && (intPart.length - i) % 3 === 0) out += ',';
    out += intPart[i];
  }
  return out;
}

/** 1234.5 → "1,234.5": thousands separators, at most `decimals` decimals, no trailing zeros. */
export function formatNumber(v: number, decimals = 2): string {
  if (!Number.isFinite(v)) return v > 0 ? '∞' : v < 0 ? '-∞' : '—';
  const neg = v < 0;
  const fixed = Math.abs(v).toFixed(decimals);
  const [i, f] = fixed.split('.') as [string, string | undefined];
  const frac = f ? f.replace(/0+$/, '') : '';
  return `${neg ? '-' : ''}${groupDigits(i)}${frac ? `.${frac}` : ''}`;
}

/** 18,500,000 元 → "1,850万元"; 250,000,000 → "2.5亿元"; under 1万 in 元 ("3,000元"). */
export function formatYuan(yuan: number): string {
  if (!Number.isFinite(yuan)) return '不设上限';
  const abs = Math.abs(yuan);
  if (abs < 10_000) return `${formatNumber(yuan, 2)}元`;
  if (abs < 100_000_000) return `${formatNumber(yuan / 10_000, 2)}万元`;
  return `${formatNumber(yuan / 100_000_000, 4)}亿元`;
}

/** "30万元", "0–150万元", or "10万元起" when there is no upper bound. */
export function formatAmountEstimate(a: AmountEstimate): string {
  if (a.max === null) return `${formatYuan(a.min)}起`;
  if (a.min === a.max) return formatYuan(a.min);
  return `${formatYuan(a.min)}–${formatYuan(a.max)}`;
}

/** Is the estimate one sum (an exact amount) rather than a range? */
export function isExact(a: AmountEstimate): boolean {
  return a.max !== null && a.min === a.max;
}

/** 万元 typed in a form → 元 (whole 元). */
export function yuanFromWan(wan: number): number {
  return Math.round(wan * 10_000);
}

/** 元 → 万元 for a form field (up to 4 decimals, i.e. whole 元). */
export function wanFromYuan(yuan: number): number {
  return Math.round(yuan) / 10_000;
}

/** Share of the budget committed, 0–100, or null when the program has no cap. */
export function budgetPercent(b: Pick<Budget, 'total' | 'used'>): number | null {
  if (b.total === null || b.total <= 0) return null;
  return Math.min(100, Math.round((b.used / b.total) * 1000) / 10);
}

/** Would approving `amount` overrun the budget? False when there is no cap. */
export function exceedsBudget(b: Pick<Budget, 'remaining'>, amount: number): boolean {
  return b.remaining !== null && amount > b.remaining;
}

/** A file size for people: "980 B", "12.5 KB", "10 MB". */
export function formatBytes(bytes: number): string {
  if (bytes < 1024) return `${bytes} B`;
  if (bytes < 1024 * 1024) return `${formatNumber(bytes / 1024, 1)} KB`;
  return `${formatNumber(bytes / (1024 * 1024), 1)} MB`;
}
