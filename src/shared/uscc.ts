/**
 * 统一社会信用代码 (unified social credit code), GB 32100-2015.
 *
 * 18 characters from a 31-symbol set:
 *   1      登记管理部门码 (1 机构编制, 5 民政, 9 工商/市场监管, Y 其他, …)
 *   2      机构类别码 (e.g. 91 企业, 92 个体工商户, 93 农民专业合作社)
 *   3–8    登记管理机关行政区划码 (GB/T 2260, six digits)
 *   9–17   主体标识码 (组织机构代码)
 *   18     校验码
 * Positions 1 and 2 are not checked against a table: registration authorities have been added since 2015
 * (e.g. A, N) and a stale table would refuse real codes; the check character already catches typos there.
 *
 * Shared with the browser: no Node or DOM APIs here.
 */

/** The 31 symbols, in value order: digits 0–9, then upper-case letters without I, O, Z, S, V. */
export const USCC_CHARSET = '0123456789ABCDEFGHJKLMNPQRTUWXY';

/** Weight of position i is 3^i mod 31. */
export const USCC_WEIGHTS: readonly number[] = [
  1, 3, 9, 27, 19, 26, 16, 17, 20, 29, 25, 13, 8, 24, 10, 30, 28,
];

export const USCC_LENGTH = 18;

export type UsccInvalidReason = 'length' | 'charset' | 'division' | 'check';

export type UsccValidation =
  | { ok: true; value: string }
  | { ok: false; reason: UsccInvalidReason; message: string };

// First two digits of the division code: the provinces of GB/T 2260 (incl. 71 台湾, 81 香港, 82 澳门), plus 10:
// registrations made at the national level use 100000 (e.g. 中国银行 911000001000013428).
const PROVINCE_PREFIXES = new Set([
  ...'10 11 12 13 14 15 21 22 23 31 32 33 34 35 36 37 41 42 43 44 45 46'.split(' '),
  ...'50 51 52 53 54 61 62 63 64 65 71 81 82'.split(' '),
]);
/**
 * Trim, fold full-width characters typed with a Chinese IME to ASCII (NFKC), and upper-case — the forms a
 * person would consider "the same code".
 */
export function normalizeUscc(input: string): string {
  return input.normalize('NFKC').trim().toUpperCase();
}

function describeChar(ch: string): string {
  if (/\s/.test(ch)) return '空格';
  return `“${ch}”`;
}

function weightedCheck(first17: string): string {
  let sum = 0;
  for (let i = 0; i < 17; i++) {
    sum += USCC_CHARSET.indexOf(first17[i]!) * USCC_WEIGHTS[i]!;
  }
  const check = 31 - (sum % 31);
  return USCC_CHARSET[check === 31 ? 0 : check]!;
}

function firstCharsetError(chars: readonly string[]): { position: number; char: string } | null {
  for (let i = 0; i < chars.length; i++) {
    const ch = chars[i]!;
    if (!USCC_CHARSET.includes(ch)) return { position: i + 1, char: ch };
  }
  return null;
}

export function validateUscc(input: string): UsccValidation {
  const value = normalizeUscc(input);
  // Count code points, not UTF-16 units, so a pasted Chinese character counts as one position.
  const chars = [...value];
  if (chars.length === 0) {
    return { ok: false, reason: 'length', message: '请填写统一社会信用代码（18位）' };
  }
  if (chars.length !== USCC_LENGTH) {
    return {
      ok: false,
      reason: 'length',
      message: `统一社会信用代码应为18位，当前为${chars.length}位`,
    };
  }
  const bad = firstCharsetError(chars);
  if (bad) {
    const hint = 'IOZSV'.includes(bad.char)
      ? '（代码不使用字母 I、O、Z、S、V，可能是数字 1、0、2、5 的误写）'
      : '（只能包含数字和除 I、O、Z、S、V 以外的大写字母）';
    return {
      ok: false,
      reason: 'charset',
      message: `第${bad.position}位${describeChar(bad.char)}不是统一社会信用代码允许的字符${hint}`,
    };
  }
  const division = value.slice(2, 8);
  if (!/^\d{6}$/.test(division)) {
    return {
      ok: false,
      reason: 'division',
      message: `第3–8位应为6位数字的行政区划码，当前为“${division}”`,
    };
  }
  if (!PROVINCE_PREFIXES.has(division.slice(0, 2))) {
    return {
      ok: false,
      reason: 'division',
      message: `第3–8位行政区划码“${division}”不属于任何省级行政区`,
    };
  }
  if (weightedCheck(value.slice(0, 17)) !== value[17]) {
    // Deliberately not revealing the expected character: the mistake is as likely to be in positions 1–17,
    // and "fixing" position 18 would turn a typo into a different, valid-looking code.
    return { ok: false, reason: 'check', message: '第18位校验码不正确，请核对代码是否抄写有误' };
  }
  return { ok: true, value };
}

export function isValidUscc(s: string): boolean {
  return validateUscc(s).ok;
}

/** The check character (position 18) for the first 17 characters; throws on input that has no check character. */
export function usccCheckChar(first17: string): string {
  const value = normalizeUscc(first17);
  const chars = [...value];
  if (chars.length !== 17) {
    throw new RangeError(`usccCheckChar needs 17 characters, got ${chars.length}`);
  }
  const bad = firstCharsetError(chars);
  if (bad) {
    throw new RangeError(`usccCheckChar: character ${bad.position} (${bad.char}) is not in the USCC charset`);
  }
  return weightedCheck(value);
}

/** Complete 17 characters into a valid-checksum 18-character code (demo data, tests). */
export function makeUscc(first17: string): string {
  return normalizeUscc(first17) + usccCheckChar(first17);
}
