import { describe, expect, it } from 'vitest';
import { characterClasses, checkPassword, DEFAULT_PASSWORD_POLICY } from './password-policy';

const codes = (pw: string, phone?: string) =>
  checkPassword(pw, DEFAULT_PASSWORD_POLICY, { phone }).map((v) => v.code);

describe('password policy', () => {
  it.each([
    ['Qf!2026abc', []],
    ['qifu-2026-Z', []],
    ['Short1!', ['too_short']],
    ['alllowercase', ['too_few_classes']],
    ['lowercase123', ['too_few_classes']],
    ['lower123!', []],
    ['UPPER123!', []],
    ['Aa123456', ['common']],
    ['aa123456', ['too_few_classes', 'common']],
    ['P@ssw0rd', ['common']],
    ['WOAINI1314!', []],
    ['Woaini1314', ['common']],
  ])('%s → %j', (pw, expected) => {
    expect(codes(pw)).toEqual(expected);
  });

  it('refuses a password that contains the last seven digits of the phone', () => {
    expect(codes('Xy!3801234', '13913801234')).toEqual(['contains_phone']);
    expect(codes('Xy!3801234', '13900000000')).toEqual([]);
  });

  it('honours a stricter configured policy', () => {
    const strict = { minLength: 12, minClasses: 4 };
    expect(checkPassword('Abc123!xyz', strict).map((v) => v.code)).toEqual(['too_short']);
    expect(checkPassword('abc123xyzabc', strict).map((v) => v.code)).toEqual(['too_few_classes']);
    expect(checkPassword('Abc123!xyzabc', strict)).toEqual([]);
  });

  it.each([
    ['abc', 1],
    ['aB', 2],
    ['aB3', 3],
    ['aB3$', 4],
    ['中文密码', 1],
  ])('counts classes of %s as %i', (pw, n) => {
    expect(characterClasses(pw)).toBe(n);
  });
});
