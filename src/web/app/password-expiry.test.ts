import { describe, expect, it } from 'vitest';
import { safeNext } from './access';
import { changePasswordPath, PASSWORD_EXPIRY_WARNING_DAYS, passwordExpiry } from './password-expiry';

const NOW = Date.parse('2026-11-26T08:00:00.000Z');
const at = (ms: number) => new Date(NOW + ms).toISOString();
const DAY = 86_400_000;

describe('password expiry', () => {
  it.each([
    ['no expiry (enterprise users by default)', null, { state: 'none' }],
    ['an unreadable date', 'soon', { state: 'none' }],
    ['far away', at(30 * DAY), { state: 'none' }],
    ['just outside the window', at(PASSWORD_EXPIRY_WARNING_DAYS * DAY + 1000), { state: 'none' }],
    ['exactly 7 days ahead', at(7 * DAY), { state: 'soon', expiresAt: at(7 * DAY), daysLeft: 7 }],
    ['six and a half days ahead', at(6.5 * DAY), { state: 'soon', expiresAt: at(6.5 * DAY), daysLeft: 7 }],
    ['a few hours ahead', at(6 * 3600_000), { state: 'soon', expiresAt: at(6 * 3600_000), daysLeft: 1 }],
    ['this very instant', at(0), { state: 'expired', expiresAt: at(0) }],
    ['yesterday', at(-DAY), { state: 'expired', expiresAt: at(-DAY) }],
  ])('%s', (_label, expiresAt, expected) => {
    expect(passwordExpiry(expiresAt, NOW)).toEqual(expected);
  });

  it('sends the user back where he was, through the login page’s own open-redirect check', () => {
    expect(changePasswordPath()).toBe('/account/password');
    const path = changePasswordPath('/workbench/users?page=2');
    expect(path).toBe('/account/password?next=%2Fworkbench%2Fusers%3Fpage%3D2');
    const next = new URL(path, 'http://x').searchParams.get('next');
    expect(safeNext(next)).toBe('/workbench/users?page=2');
  });
});
