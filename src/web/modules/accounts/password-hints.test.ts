import { describe, expect, it } from 'vitest';
import { passwordClasses, passwordHints, passwordLooksAcceptable } from './password-hints';

const hint = (password: string, key: string, phone?: string) =>
  passwordHints(password, phone).find((h) => h.key === key)?.ok;

describe('password hints', () => {
  it('counts length and character classes like the default policy (8 characters, 3 of 4 classes)', () => {
    expect(hint('Ab1!', 'length')).toBe(false);
    expect(hint('Ab1!Ab1!', 'length')).toBe(true);
    expect(hint('abcdefgh1', 'classes')).toBe(false);
    expect(hint('abcdefG1', 'classes')).toBe(true);
    expect(hint('abcdefg!1', 'classes')).toBe(true);
  });

  it('knows symbols and non-ASCII characters as a class', () => {
    expect(passwordClasses('密码abc1')).toEqual({ lower: true, upper: false, digit: true, symbol: true });
  });

  it('checks the phone only when a whole phone number is known', () => {
    expect(passwordHints('Xyz12345!', '1380013')).toHaveLength(2);
    expect(hint('Ab!38001380', 'phone', '13800138001')).toBe(true);
    expect(hint('Ab!8001380011', 'phone', '13800138001')).toBe(false);
    expect(hint('', 'phone', '13800138001')).toBe(false);
  });

  it('accepts a password only when every hint is met', () => {
    expect(passwordLooksAcceptable('Qifu!Test2026')).toBe(true);
    expect(passwordLooksAcceptable('qifutest2026')).toBe(false);
  });
});
