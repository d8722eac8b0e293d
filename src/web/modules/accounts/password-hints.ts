/**
 * Live hints for a new password. They mirror the platform's default policy (SPEC §2.1: at least 8 characters,
 * 3 of 4 character classes, not the phone number); the server remains the judge — it also refuses common
 * passwords and may be configured stricter — and its message is shown beside the field when it refuses.
 */
export const HINT_POLICY = { minLength: 8, minClasses: 3 } as const;

export type HintKey = 'length' | 'classes' | 'phone';

export interface PasswordHint {
  key: HintKey;
  ok: boolean;
}

export interface PasswordClasses {
  lower: boolean;
  upper: boolean;
  digit: boolean;
  symbol: boolean;
}

export function passwordClasses(password: string): PasswordClasses {
  return {
    lower: /[a-z]/.test(password),
    upper: /[A-Z]/.test(password),
    digit: /\d/.test(password),
    symbol: /[^A-Za-z0-9]/.test(password),
  };
}

export function passwordHints(password: string, phone?: string | null): PasswordHint[] {
  const classes = Object.values(passwordClasses(password)).filter(Boolean).length;
  const hints: PasswordHint[] = [
    { key: 'length', ok: password.length >= HINT_POLICY.minLength },
    { key: 'classes', ok: classes >= HINT_POLICY.minClasses },
  ];
  const digits = phone?.trim() ?? '';
  if (/^\d{11}$/.test(digits))
    hints.push({ key: 'phone', ok: password.length > 0 && !password.includes(digits.slice(-7)) });
  return hints;
}

/** True when every hint is met (the form still lets the server have the last word). */
export function passwordLooksAcceptable(password: string, phone?: string | null): boolean {
  return passwordHints(password, phone).every((h) => h.ok);
}
