/**
 * Where a user stands with the password expiry the server reports (`passwordExpiresAt` of GET /auth/me; staff:
 * 90 days after the last change by default, enterprise users: none). Pure, with the instant passed in, so the
 * boundaries are tested; the server remains the source of the date.
 */

const DAY_MS = 86_400_000;

/** How early the workbench starts reminding. */
export const PASSWORD_EXPIRY_WARNING_DAYS = 7;

export type PasswordExpiry =
  | { state: 'none' }
  /** Expires within the warning window; `daysLeft` counts started days (6 h left → 1). */
  | { state: 'soon'; expiresAt: string; daysLeft: number }
  | { state: 'expired'; expiresAt: string };

export function passwordExpiry(expiresAt: string | null | undefined, now: number): PasswordExpiry {
  if (!expiresAt) return { state: 'none' };
  const at = Date.parse(expiresAt);
  // An unreadable date must not lock anyone out of the workbench.
  if (Number.isNaN(at)) return { state: 'none' };
  const left = at - now;
  if (left <= 0) return { state: 'expired', expiresAt };
  if (left <= PASSWORD_EXPIRY_WARNING_DAYS * DAY_MS) {
    return { state: 'soon', expiresAt, daysLeft: Math.ceil(left / DAY_MS) };
  }
  return { state: 'none' };
}

/** The change-password page, told where to go back to once the password is changed. */
export function changePasswordPath(back?: string | null): string {
  return back ? `/account/password?next=${encodeURIComponent(back)}` : '/account/password';
}
