/** Formatting shared by server and web: masking personal data, money in 万元, dates in Asia/Shanghai. */

/** `13812341234` → `138****1234` */
export function maskPhone(phone: string | null | undefined): string | null {
  if (!phone) return null;
  // A mobile (138****1234) and a landline alike (053****1234: area code start and last four); too short to keep any.
  if (phone.length < 8) return '****';
  return `${phone.slice(0, 3)}****${phone.slice(-4)}`;
}

/** ID number: first 1 + last 2 characters visible. */
export function maskIdNumber(id: string | null | undefined): string | null {
  if (!id) return null;
  return `${id.slice(0, 1)}${'*'.repeat(Math.max(0, id.length - 3))}${id.slice(-2)}`;
}

/** Personal names: keep the family name. 张三丰 → 张** */
export function maskName(name: string | null | undefined): string | null {
  if (!name) return null;
  return name.length <= 1 ? name : `${name.slice(0, 1)}${'*'.repeat(name.length - 1)}`;
}

/** A figure in 万元 for display: 1234.5 → "1,234.5 万元". */
export function formatWan(v: number | null | undefined): string {
  if (v === null || v === undefined) return '—';
  return `${v.toLocaleString('zh-CN', { maximumFractionDigits: 2 })} 万元`;
}

/** An instant shown in Asia/Shanghai: 2026-11-26 15:05. */
export function formatShanghai(iso: string | null | undefined, withTime = true): string {
  if (!iso) return '—';
  const d = new Date(new Date(iso).getTime() + 8 * 3600_000);
  const s = d.toISOString();
  return withTime ? `${s.slice(0, 10)} ${s.slice(11, 16)}` : s.slice(0, 10);
}
