import { z } from 'zod';
import type { ErrorCode, FieldError } from './errors';
import { normalizeUscc, validateUscc } from './uscc';

/** Attach a catalogue code to a refinement so the API and the UI show the same specific error. */
export function coded(code: ErrorCode, message: string) {
  return { message, params: { code } } as const;
}

const PHONE_RE = /^1[3-9]\d{9}$/;

/** Mainland mobile number, 11 digits starting with 1[3-9]. */
export const phoneSchema = z
  .string()
  .trim()
  .refine((v) => PHONE_RE.test(v), coded('INVALID_PHONE', '请输入有效的 11 位手机号码'));

/** A real calendar date written YYYY-MM-DD. */
export const isoDateSchema = z
  .string()
  .refine((v) => isRealIsoDate(v), coded('INVALID_DATE', '日期不存在或格式不正确（应为 YYYY-MM-DD）'));

/** USCC normalised (trimmed, full-width folded, upper case); the message says which part is wrong. */
export const usccSchema = z
  .string()
  .trim()
  // normalizeUscc, not just toUpperCase: validateUscc accepts full-width input, so the stored form must be ASCII.
  .transform((v) => normalizeUscc(v))
  .superRefine((v, ctx) => {
    const r = validateUscc(v);
    if (!r.ok) ctx.addIssue({ code: 'custom', message: r.message, params: { code: 'INVALID_USCC' } });
  });

/** A count or amount that may not be negative (employees, 万元 figures). */
export function nonNegative(label: string) {
  return z
    .number({ message: `${label}应为数字` })
    .refine((v) => Number.isFinite(v) && v >= 0, coded('NEGATIVE_NUMBER', `${label}不能为负数`));
}

export function nonNegativeInt(label: string) {
  return nonNegative(label).refine(
    (v) => Number.isInteger(v),
    coded('VALIDATION_FAILED', `${label}应为整数`),
  );
}

export function isRealIsoDate(v: string): boolean {
  if (!/^\d{4}-\d{2}-\d{2}$/.test(v)) return false;
  const [y, m, d] = v.split('-').map(Number) as [number, number, number];
  const t = new Date(Date.UTC(y, m - 1, d));
  return t.getUTCFullYear() === y && t.getUTCMonth() === m - 1 && t.getUTCDate() === d;
}

/** Turn zod issues into field errors with catalogue codes, for the API error body and for forms. */
export function toFieldErrors(issues: readonly z.core.$ZodIssue[], prefix: string[] = []): FieldError[] {
  const out: FieldError[] = [];
  for (const issue of issues) {
    const path = [...prefix, ...issue.path.map(String)];
    if (issue.code === 'unrecognized_keys') {
      for (const key of issue.keys) {
        out.push({ field: [...path, key].join('.'), code: 'UNKNOWN_FIELD', message: `不允许的字段：${key}` });
      }
      continue;
    }
    let code: ErrorCode = 'VALIDATION_FAILED';
    const params = (issue as { params?: { code?: ErrorCode } }).params;
    if (issue.code === 'custom' && params?.code) code = params.code;
    else if (issue.code === 'invalid_format' && issue.format === 'date') code = 'INVALID_DATE';
    out.push({ field: path.join('.') || '(body)', code, message: issue.message });
  }
  return out;
}

/** The top-level code of a failed validation: the fields' code when they agree, else VALIDATION_FAILED. */
export function summaryCode(fields: FieldError[]): ErrorCode {
  const codes = new Set(fields.map((f) => f.code));
  return codes.size === 1 ? [...codes][0]! : 'VALIDATION_FAILED';
}
