import { renderToStaticMarkup } from 'react-dom/server';
import { describe, expect, it } from 'vitest';
import { characterClasses, checkPassword, DEFAULT_PASSWORD_POLICY } from '../../../shared/password-policy';
import { PrefsProvider } from '../../app/prefs';
import { en } from '../../locales/en';
import { zhCN } from '../../locales/zh-CN';
import { PasswordHintList } from './PasswordHints';
import {
  type HintKey,
  hintText,
  PASSWORD_MAX_LENGTH,
  passwordClasses,
  passwordHints,
  passwordLooksAcceptable,
} from './password-hints';

const STRICT = { minLength: 12, minClasses: 4 };
const LAX = { minLength: 6, minClasses: 1 };

const hint = (password: string, key: HintKey, policy = DEFAULT_PASSWORD_POLICY, phone?: string) =>
  passwordHints(password, policy, phone).find((h) => h.key === key);

describe('password hints', () => {
  it('follow the default policy while the configured one is not known (8 characters, 3 of 4 classes)', () => {
    expect(hint('Ab1!', 'length')?.ok).toBe(false);
    expect(hint('Ab1!Ab1!', 'length')?.ok).toBe(true);
    expect(hint('abcdefgh1', 'classes')?.ok).toBe(false);
    expect(hint('abcdefG1', 'classes')?.ok).toBe(true);
    expect(hint('abcdefg!1', 'classes')?.ok).toBe(true);
  });

  it('follow the thresholds the server publishes', () => {
    expect(hint('Xyz!2026ab', 'length', STRICT)?.ok).toBe(false);
    expect(hint('Xyz!2026abcd', 'length', STRICT)?.ok).toBe(true);
    expect(hint('Xyz2026abcde', 'classes', STRICT)?.ok).toBe(false);
    expect(hint('xyzuvw', 'length', LAX)?.ok).toBe(true);
    expect(hint('xyzuvw', 'classes', LAX)?.ok).toBe(true);
    expect(passwordLooksAcceptable('xyzuvw', LAX)).toBe(true);
    expect(passwordLooksAcceptable('xyzuvw')).toBe(false);
  });

  it('cross out a common password, whatever its case, as an error to mend', () => {
    const common = hint('Abc12345', 'common');
    expect(common).toEqual({ key: 'common', ok: false, warn: true });
    expect(hint('qIFU@123', 'common')?.ok).toBe(false);
    expect(hint('Haiyun#2026', 'common')).toEqual({ key: 'common', ok: true, warn: false });
    // Meets length and classes, still refused: the hints must not look all green.
    expect(hint('Abc12345', 'length')?.ok).toBe(true);
    expect(hint('Abc12345', 'classes')?.ok).toBe(true);
    expect(passwordLooksAcceptable('Abc12345')).toBe(false);
  });

  it('meet nothing for an empty password, and warn about nothing either', () => {
    for (const h of passwordHints('', DEFAULT_PASSWORD_POLICY, '13800138001')) {
      expect(h.ok, h.key).toBe(false);
      expect(h.warn, h.key).toBe(false);
    }
    // Too short is a rule still being met, not an error.
    expect(hint('Ab1', 'length')?.warn).toBe(false);
  });

  it('check the phone only when a whole phone number is known', () => {
    expect(passwordHints('Xyz12345!', DEFAULT_PASSWORD_POLICY, '1380013').map((h) => h.key)).toEqual([
      'length',
      'classes',
      'common',
    ]);
    expect(hint('Ab!38001380', 'phone', DEFAULT_PASSWORD_POLICY, '13800138001')?.ok).toBe(true);
    expect(hint('Ab!8001380011', 'phone', DEFAULT_PASSWORD_POLICY, '13800138001')).toEqual({
      key: 'phone',
      ok: false,
      warn: true,
    });
  });

  it('show the upper bound only once it is crossed', () => {
    expect(passwordHints('Ab1!'.repeat(32)).some((h) => h.key === 'tooLong')).toBe(false);
    expect(hint(`${'Ab1!'.repeat(32)}x`, 'tooLong')).toEqual({ key: 'tooLong', ok: false, warn: true });
  });

  it('agree with the shared checker the server runs', () => {
    const samples = [
      '',
      'a',
      'Abc12345',
      'Qifu!Test2026',
      'qifutest2026',
      '密码abc1',
      'P@ssw0rd!',
      'x'.repeat(130),
    ];
    for (const policy of [DEFAULT_PASSWORD_POLICY, STRICT, LAX]) {
      for (const pw of samples) {
        const accepted = checkPassword(pw, policy, { phone: '13800138001' }).length === 0;
        expect(passwordLooksAcceptable(pw, policy, '13800138001'), `${pw} ${JSON.stringify(policy)}`).toBe(
          accepted && pw.length > 0,
        );
      }
    }
  });

  it('count character classes as the shared checker does, non-ASCII as a symbol', () => {
    expect(passwordClasses('密码abc1')).toEqual({ lower: true, upper: false, digit: true, symbol: true });
    for (const pw of ['', 'abc', 'ABC1', 'aB3$', '密码', 'x y']) {
      expect(Object.values(passwordClasses(pw)).filter(Boolean).length, pw).toBe(characterClasses(pw));
    }
  });

  it('word the hints with the policy numbers in both languages', () => {
    expect(hintText(zhCN, 'length', STRICT)).toBe('至少 12 位');
    expect(hintText(zhCN, 'classes', STRICT)).toContain('至少 4 类');
    expect(hintText(zhCN, 'tooLong', STRICT)).toBe(`不超过 ${PASSWORD_MAX_LENGTH} 位`);
    expect(hintText(en, 'length', LAX)).toBe('At least 6 characters');
    expect(hintText(en, 'classes', LAX)).toMatch(/^At least 1 of/);
    expect(hintText(en, 'common', LAX)).toMatch(/common/);
  });

  it('render the configured policy and the blocklist warning', () => {
    const html = renderToStaticMarkup(
      <PrefsProvider>
        <PasswordHintList password="Abc12345" policy={{ minLength: 10, minClasses: 2 }} />
      </PrefsProvider>,
    );
    expect(html).toContain('至少 10 位');
    expect(html).toContain('至少 2 类');
    const commonItem = html.split('<li ').find((item) => item.includes('不是常见密码'));
    expect(commonItem).toMatch(/^class="is-bad"/);
    expect(html).toContain('已包含：小写字母、大写字母、数字');
  });
});
