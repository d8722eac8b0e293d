import {
  checkPassword,
  DEFAULT_PASSWORD_POLICY,
  type PasswordPolicy,
  type PolicyViolation,
} from '../../../shared/password-policy';
import type { Messages } from '../../locales/zh-CN';

/**
 * Live hints for a new password, computed by the same checker the server runs (src/shared/password-policy.ts)
 * with the thresholds the server publishes, so what the form ticks off is what the server will accept. The
 * server still has the last word: its message is shown beside the field when it refuses.
 */

export type HintKey = 'length' | 'tooLong' | 'classes' | 'common' | 'phone';

export interface PasswordHint {
  key: HintKey;
  ok: boolean;
  /** Broken in a way typing more will not mend (a blocklisted password, the phone inside): shown as an error. */
  warn: boolean;
}

/** Mirrors the checker's hard upper bound (src/shared/password-policy.ts refuses anything longer). */
export const PASSWORD_MAX_LENGTH = 128;

/** Which hint each violation of the shared checker crosses out; a new violation code fails to compile here. */
const HINT_OF: Record<PolicyViolation['code'], HintKey> = {
  too_short: 'length',
  too_long: 'tooLong',
  too_few_classes: 'classes',
  common: 'common',
  contains_phone: 'phone',
};

/** The phone is compared only once it is a whole mobile number: a half-typed one would raise false alarms. */
function wholePhone(phone: string | null | undefined): string | null {
  const digits = phone?.trim() ?? '';
  return /^1\d{10}$/.test(digits) ? digits : null;
}

/**
 * The hints to show for `password` under `policy`: length, classes and the blocklist always; the phone only when a
 * whole number is known; the upper bound only once it is crossed. An empty password meets nothing yet.
 */
export function passwordHints(
  password: string,
  policy: PasswordPolicy = DEFAULT_PASSWORD_POLICY,
  phone?: string | null,
): PasswordHint[] {
  const knownPhone = wholePhone(phone);
  const broken = new Set(checkPassword(password, policy, { phone: knownPhone }).map((v) => HINT_OF[v.code]));
  const keys: HintKey[] = ['length', 'classes', 'common'];
  if (knownPhone) keys.push('phone');
  if (broken.has('tooLong')) keys.push('tooLong');
  return keys.map((key) => {
    const ok = password.length > 0 && !broken.has(key);
    return { key, ok, warn: !ok && password.length > 0 && key !== 'length' && key !== 'classes' };
  });
}

/** True when every hint is met (the form still lets the server have the last word). */
export function passwordLooksAcceptable(
  password: string,
  policy: PasswordPolicy = DEFAULT_PASSWORD_POLICY,
  phone?: string | null,
): boolean {
  return passwordHints(password, policy, phone).every((h) => h.ok);
}

/** The wording of one hint in the user's language, with the policy's numbers in it. */
export function hintText(m: Messages, key: HintKey, policy: PasswordPolicy): string {
  const h = m.password.hints;
  switch (key) {
    case 'length':
      return h.length(policy.minLength);
    case 'tooLong':
      return h.tooLong(PASSWORD_MAX_LENGTH);
    case 'classes':
      return h.classes(policy.minClasses);
    case 'common':
      return h.common;
    case 'phone':
      return h.phone;
  }
}

export interface PasswordClasses {
  lower: boolean;
  upper: boolean;
  digit: boolean;
  symbol: boolean;
}

/** Which of the four classes the password uses, for the "已包含" line (the tests hold it to the shared count). */
export function passwordClasses(password: string): PasswordClasses {
  return {
    lower: /[a-z]/.test(password),
    upper: /[A-Z]/.test(password),
    digit: /\d/.test(password),
    symbol: /[^A-Za-z0-9]/.test(password),
  };
}
