import { z } from 'zod';
import { coded } from './validation';

/**
 * Contracts of the TOTP second factor for staff (SPEC §2.1): enrolment, recovery codes, the two-step login.
 * The rules themselves are in src/server/modules/accounts/totp.ts.
 */

const RECOVERY_ALPHABET = 'abcdefghjkmnpqrstuvwxyz23456789';
const RECOVERY_LENGTH = 12;

/**
 * A recovery code as typed (any case, spaces or hyphens anywhere) in its canonical form, or null when it cannot be
 * one (wrong length, or a character outside the alphabet, which has no 0/o or 1/i/l).
 */
export function normaliseRecoveryCode(input: string): string | null {
  const raw = input.toLowerCase().replace(/[\s-]/g, '');
  if (raw.length !== RECOVERY_LENGTH) return null;
  for (const ch of raw) if (!RECOVERY_ALPHABET.includes(ch)) return null;
  return raw;
}

/** The alphabet and length of recovery codes (the server generates them from these). */
export const RECOVERY_CODE_FORMAT = { alphabet: RECOVERY_ALPHABET, length: RECOVERY_LENGTH } as const;

/** The 6 digits an authenticator app shows (spaces typed between the groups are dropped). */
export const totpCodeSchema = z
  .string()
  .max(20)
  .transform((v) => v.replace(/\s/g, ''))
  .refine((v) => /^\d{6}$/.test(v), coded('TOTP_CODE_MALFORMED', '请输入 6 位数字动态码'));

export const recoveryCodeSchema = z
  .string()
  .max(40)
  .refine(
    (v) => normaliseRecoveryCode(v) !== null,
    coded('RECOVERY_CODE_MALFORMED', '恢复码应为 12 位字母和数字，如 abcd-efgh-jkmn'),
  );

/** Either the current code or one recovery code (disabling, the login's second step). */
function oneProof<T extends { code?: string | undefined; recoveryCode?: string | undefined }>(
  v: T,
  ctx: z.RefinementCtx,
) {
  if ((v.code === undefined) === (v.recoveryCode === undefined))
    ctx.addIssue({
      code: 'custom',
      path: ['code'],
      message: '请输入 6 位动态码或一个恢复码（二者选一）',
      params: { code: 'TOTP_CODE_MALFORMED' },
    });
}

export const totpStatusSchema = z.object({
  enabled: z.boolean(),
  /** When the second factor was confirmed; null when it is off. */
  enabledAt: z.string().nullable(),
  /** Unused recovery codes left (0 when off). */
  recoveryCodesRemaining: z.number(),
});
export type TotpStatus = z.infer<typeof totpStatusSchema>;

/** Start an enrolment: the password again, so a session left open cannot add a factor of someone else's. */
export const totpStartSchema = z.strictObject({
  password: z.string({ message: '请输入当前密码' }).min(1, '请输入当前密码').max(128),
});

/** The pending secret, shown once: as a QR code, as a URI, and in groups of four for typing by hand. */
export const totpEnrolmentSchema = z.object({
  otpauthUri: z.string(),
  /** PNG data URL of the QR code of `otpauthUri`. */
  qrCode: z.string(),
  /** The base32 secret in groups of four. */
  secret: z.string(),
  accountName: z.string(),
  issuer: z.string(),
  /** The enrolment must be confirmed before this instant, or started again. */
  expiresAt: z.string(),
});
export type TotpEnrolment = z.infer<typeof totpEnrolmentSchema>;

export const totpConfirmSchema = z.strictObject({ code: totpCodeSchema });

/** Recovery codes, shown once (at confirmation and regeneration); the server keeps only their hashes. */
export const recoveryCodesSchema = z.object({
  recoveryCodes: z.array(z.string()),
  enabledAt: z.string(),
});
export type RecoveryCodes = z.infer<typeof recoveryCodesSchema>;

export const totpDisableSchema = z
  .strictObject({
    password: z.string({ message: '请输入当前密码' }).min(1, '请输入当前密码').max(128),
    code: totpCodeSchema.optional(),
    recoveryCode: recoveryCodeSchema.optional(),
  })
  .superRefine(oneProof);

export const totpRegenerateSchema = z.strictObject({ code: totpCodeSchema });

/** The password step's answer when the account has a second factor: no session yet, a challenge instead. */
export const loginChallengeSchema = z.object({
  secondFactorRequired: z.literal(true),
  /** Opaque token for the second step; valid until `expiresAt`, for this login only. */
  challenge: z.string(),
  expiresAt: z.string(),
});
export type LoginChallenge = z.infer<typeof loginChallengeSchema>;

export const loginSecondFactorSchema = z
  .strictObject({
    challenge: z
      .string({ message: '缺少登录验证信息，请重新输入账号和密码' })
      .min(1, '缺少登录验证信息，请重新输入账号和密码')
      .max(128),
    code: totpCodeSchema.optional(),
    recoveryCode: recoveryCodeSchema.optional(),
  })
  .superRefine(oneProof);
