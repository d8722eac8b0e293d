import { createHash, randomBytes, timingSafeEqual } from 'node:crypto';
import { Secret, TOTP } from 'otpauth';
import { normaliseRecoveryCode, RECOVERY_CODE_FORMAT } from '../../../shared/totp';

export { normaliseRecoveryCode };

/**
 * The rules of the TOTP second factor (RFC 6238), as pure functions: codes, the drift window, the replay guard,
 * recovery codes. The service keeps the state (user_totp, user_recovery_codes); nothing here reads a clock.
 */

/** Seconds per time step, digits per code, SHA-1: what every authenticator app understands by default. */
export const TOTP_PERIOD_SECONDS = 30;
export const TOTP_DIGITS = 6;
/** Steps of clock drift accepted either side of the current one (±30 s). */
export const TOTP_DRIFT_STEPS = 1;
/** The name authenticator apps show above the code. */
export const TOTP_ISSUER = '企服';
/** Recovery codes issued at confirmation and at each regeneration. */
export const RECOVERY_CODE_COUNT = 10;

// No 0/o, 1/i/l: codes are read off paper and typed by hand. 12 × log2(31) ≈ 59 bits each: out of reach of a
// guess even offline, so a plain salted SHA-256 suffices where a password needs scrypt.
const { alphabet: RECOVERY_ALPHABET, length: RECOVERY_LENGTH } = RECOVERY_CODE_FORMAT;

/** A new random secret (160 bits, the RFC 4226 recommendation), base32 as apps expect it. */
export function newTotpSecret(): string {
  return new Secret({ size: 20 }).base32;
}

/** The secret in groups of four for typing it into an app by hand. */
export function groupSecret(secret: string): string {
  return secret.match(/.{1,4}/g)?.join(' ') ?? secret;
}

/** The otpauth:// URI an app reads from the QR code. */
export function totpUri(secret: string, accountName: string): string {
  return new TOTP({
    issuer: TOTP_ISSUER,
    label: accountName,
    secret: Secret.fromBase32(secret),
    digits: TOTP_DIGITS,
    period: TOTP_PERIOD_SECONDS,
    algorithm: 'SHA1',
  }).toString();
}

/** The RFC 6238 time step an instant falls in. */
export function timeStep(at: Date): number {
  return Math.floor(at.getTime() / 1000 / TOTP_PERIOD_SECONDS);
}

/** The code of one time step (tests and the enrolment page's own check use it). */
export function totpCodeAt(secret: string, step: number): string {
  return TOTP.generate({
    secret: Secret.fromBase32(secret),
    digits: TOTP_DIGITS,
    period: TOTP_PERIOD_SECONDS,
    timestamp: step * TOTP_PERIOD_SECONDS * 1000,
  });
}

export type TotpCheck = { ok: true; step: number } | { ok: false; reason: 'mismatch' | 'replayed' };

/**
 * Check a 6-digit code at `at`: it must be the code of the current step or of one step either side (clock drift),
 * and of a step later than the last one accepted, so a code seen over a shoulder or in a log cannot be used again.
 * The caller stores the returned step as the new `lastUsedStep`.
 */
export function checkTotpCode(
  secret: string,
  code: string,
  at: Date,
  lastUsedStep: number | null,
): TotpCheck {
  if (!/^\d{6}$/.test(code)) return { ok: false, reason: 'mismatch' };
  const now = timeStep(at);
  let replayed = false;
  // Newest first: should two steps of the window share a code, the one not yet used wins.
  for (let step = now + TOTP_DRIFT_STEPS; step >= now - TOTP_DRIFT_STEPS; step--) {
    if (!sameCode(totpCodeAt(secret, step), code)) continue;
    if (lastUsedStep !== null && step <= lastUsedStep) {
      replayed = true;
      continue;
    }
    return { ok: true, step };
  }
  return { ok: false, reason: replayed ? 'replayed' : 'mismatch' };
}

function sameCode(a: string, b: string): boolean {
  const x = Buffer.from(a);
  const y = Buffer.from(b);
  return x.length === y.length && timingSafeEqual(x, y);
}

/** A fresh set of recovery codes, written `xxxx-xxxx-xxxx`. */
export function newRecoveryCodes(count = RECOVERY_CODE_COUNT): string[] {
  const codes = new Set<string>();
  while (codes.size < count) {
    const bytes = randomBytes(RECOVERY_LENGTH * 2);
    let raw = '';
    // Rejection sampling keeps every character equally likely (256 is not a multiple of 31).
    for (const b of bytes) {
      if (b >= 248) continue;
      raw += RECOVERY_ALPHABET[b % RECOVERY_ALPHABET.length];
      if (raw.length === RECOVERY_LENGTH) break;
    }
    if (raw.length === RECOVERY_LENGTH) codes.add(raw.match(/.{4}/g)!.join('-'));
  }
  return [...codes];
}

/** What is stored for a recovery code: its hash, salted with the user id so equal codes of two users differ. */
export function hashRecoveryCode(userId: string, code: string): string {
  const canonical = normaliseRecoveryCode(code) ?? code;
  return createHash('sha256').update(`${userId}:${canonical}`).digest('hex');
}
