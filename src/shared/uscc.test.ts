import { describe, expect, it } from 'vitest';
import {
  isValidUscc,
  makeUscc,
  normalizeUscc,
  USCC_CHARSET,
  USCC_WEIGHTS,
  usccCheckChar,
  validateUscc,
} from './uscc';

// Worked examples, so a reader can check the algorithm without running it. Character values: 0–9 are
// themselves, A10 B11 C12 D13 E14 F15 G16 H17 J18 K19 L20 M21 N22 P23 Q24 R25 T26 U27 W28 X29 Y30.
// Terms with value 0 are left out of the sums.
//
// 91350100M000100Y4|3  (the well-known example)
//   9×1 + 1×3 + 3×9 + 5×27 + 1×26 + M21×20 + 1×8 + Y30×30 + 4×28
//   = 9 + 3 + 27 + 135 + 26 + 420 + 8 + 900 + 112 = 1640; 1640 mod 31 = 28; 31 − 28 = 3 → '3'
// 91110108MA01C2D3E|G
//   9×1 + 1×3 + 1×9 + 1×27 + 1×26 + 8×17 + M21×20 + A10×29 + 1×13 + C12×8 + 2×24 + D13×10 + 3×30 + E14×28
//   = 9 + 3 + 9 + 27 + 26 + 136 + 420 + 290 + 13 + 96 + 48 + 130 + 90 + 392 = 1689; mod 31 = 15; 31 − 15 = 16 → 'G'
// 11100000000013127|D  (a national-level 机构编制 code, division 100000)
//   1×1 + 1×3 + 1×9 + 1×8 + 3×24 + 1×10 + 2×30 + 7×28 = 1 + 3 + 9 + 8 + 72 + 10 + 60 + 196 = 359;
//   mod 31 = 18; 31 − 18 = 13 → 'D'
// 91320200MA1MYT6K4|0  (the 31 → 0 case)
//   9×1 + 1×3 + 3×9 + 2×27 + 2×26 + M21×20 + A10×29 + 1×25 + M21×13 + Y30×8 + T26×24 + 6×10 + K19×30 + 4×28
//   = 9 + 3 + 27 + 54 + 52 + 420 + 290 + 25 + 273 + 240 + 624 + 60 + 570 + 112 = 2759 = 31 × 89;
//   mod 31 = 0; 31 − 0 = 31 → '0'

describe('USCC constants', () => {
  it('uses 31 symbols without I, O, Z, S, V', () => {
    expect(USCC_CHARSET).toHaveLength(31);
    for (const ch of 'IOZSV') expect(USCC_CHARSET).not.toContain(ch);
    expect(new Set(USCC_CHARSET).size).toBe(31);
  });

  it('weights are 3^i mod 31', () => {
    expect(USCC_WEIGHTS).toHaveLength(17);
    USCC_WEIGHTS.forEach((w, i) => {
      expect(w).toBe(3 ** i % 31);
    });
  });
});

describe('usccCheckChar / makeUscc', () => {
  it.each([
    ['91350100M000100Y4', '3'],
    ['91110108MA01C2D3E', 'G'],
    ['11100000000013127', 'D'],
    ['91320200MA1MYT6K4', '0'],
    ['92440300L12345678', 'R'],
    ['51100000500000395', '1'],
    ['93320583MA1N7WXY0', '1'],
    ['91310115MA1K4B2P0', 'L'],
  ])('%s → %s', (first17, check) => {
    expect(usccCheckChar(first17)).toBe(check);
    expect(makeUscc(first17)).toBe(first17 + check);
    expect(isValidUscc(makeUscc(first17))).toBe(true);
  });

  it('normalises like the validator', () => {
    expect(makeUscc(' 91350100m000100y4 ')).toBe('91350100M000100Y43');
  });

  it.each([
    ['', /17 characters/],
    ['91350100M000100Y', /17 characters/],
    ['91350100M000100Y43', /17 characters/],
    ['91350100M000100O4', /character 16 \(O\)/],
    ['9135010-M000100Y4', /character 8 \(-\)/],
  ])('throws on %j', (first17, msg) => {
    expect(() => usccCheckChar(first17)).toThrow(msg);
  });

  it('every single-character substitution in a valid code breaks the check', () => {
    // The mod-31 check with weights coprime to 31 detects any one wrong character.
    const valid = '91350100M000100Y43';
    for (let pos = 0; pos < 18; pos++) {
      for (const ch of USCC_CHARSET) {
        if (ch === valid[pos]) continue;
        const changed = valid.slice(0, pos) + ch + valid.slice(pos + 1);
        const r = validateUscc(changed);
        expect(r.ok, changed).toBe(false);
      }
    }
  });

  it('detects swapped adjacent characters', () => {
    const valid = '91110108MA01C2D3EG';
    for (let pos = 0; pos < 17; pos++) {
      const a = valid[pos]!;
      const b = valid[pos + 1]!;
      if (a === b) continue;
      const swapped = valid.slice(0, pos) + b + a + valid.slice(pos + 2);
      expect(isValidUscc(swapped), swapped).toBe(false);
    }
  });
});

describe('validateUscc', () => {
  it.each([
    ['91350100M000100Y43', '91350100M000100Y43'],
    ['91110108MA01C2D3EG', '91110108MA01C2D3EG'],
    ['11100000000013127D', '11100000000013127D'],
    ['91320200MA1MYT6K40', '91320200MA1MYT6K40'],
    ['92440300L12345678R', '92440300L12345678R'],
    ['511000005000003951', '511000005000003951'],
    // published codes of real companies: a national-level registration (division 100000) and a Shenzhen one
    ['911000001000013428', '911000001000013428'],
    ['914403001922038216', '914403001922038216'],
    // lower case, surrounding blanks and full-width characters are accepted after normalisation
    ['91350100m000100y43', '91350100M000100Y43'],
    ['  91350100M000100Y43\t', '91350100M000100Y43'],
    ['９１３５０１００Ｍ０００１００Ｙ４３', '91350100M000100Y43'],
    ['91110108ma01c2d3eg', '91110108MA01C2D3EG'],
  ])('accepts %j', (input, value) => {
    expect(validateUscc(input)).toEqual({ ok: true, value });
    expect(isValidUscc(input)).toBe(true);
  });

  it.each([
    ['', 'length', '请填写统一社会信用代码（18位）'],
    ['   ', 'length', '请填写统一社会信用代码（18位）'],
    ['91350100M000100Y4', 'length', '统一社会信用代码应为18位，当前为17位'],
    ['91350100M000100Y431', 'length', '统一社会信用代码应为18位，当前为19位'],
    // the old 9-character 组织机构代码 and 15-digit 注册号 are not USCCs
    ['M0001000Y', 'length', '统一社会信用代码应为18位，当前为9位'],
    ['350100100012345', 'length', '统一社会信用代码应为18位，当前为15位'],
  ])('refuses %j for %s', (input, reason, message) => {
    const r = validateUscc(input);
    expect(r.ok).toBe(false);
    if (r.ok) return;
    expect(r.reason).toBe(reason);
    expect(r.message).toBe(message);
  });

  it('counts a Chinese character as one position', () => {
    // 17 ASCII + 1 Chinese character is 18 positions: a charset error, not a length error.
    const r = validateUscc('91350100M000100Y4测');
    expect(r).toMatchObject({ ok: false, reason: 'charset' });
    if (!r.ok) expect(r.message).toContain('第18位“测”');
  });

  it.each([
    ['91350100M000100I43', 16, 'I'],
    ['91350100M0O0100Y43', 11, 'O'],
    ['9135010OM000100Y43', 8, 'O'],
    ['91350100M000100Z43', 16, 'Z'],
    ['S1350100M000100Y43', 1, 'S'],
    ['91350100V000100Y43', 9, 'V'],
    ['91350100M000100Y4i', 18, 'I'],
  ])('refuses the letter in %s (position %i, %s)', (input, position, ch) => {
    const r = validateUscc(input);
    expect(r).toMatchObject({ ok: false, reason: 'charset' });
    if (!r.ok) {
      expect(r.message).toContain(`第${position}位“${ch}”`);
      expect(r.message).toContain('I、O、Z、S、V');
    }
  });

  it.each([
    ['91350100M000-00Y43', '第13位“-”'],
    ['91350100M000 00Y43', '第13位空格'],
    ['91350100M000100Y4*', '第18位“*”'],
  ])('refuses punctuation and blanks inside %j', (input, fragment) => {
    const r = validateUscc(input);
    expect(r).toMatchObject({ ok: false, reason: 'charset' });
    if (!r.ok) expect(r.message).toContain(fragment);
  });

  it.each([
    ['9135A100M000100Y43', '第3–8位应为6位数字的行政区划码，当前为“35A100”'],
    ['91MA0100M000100Y43', '第3–8位应为6位数字的行政区划码，当前为“MA0100”'],
    ['91000000M000100Y43', '第3–8位行政区划码“000000”不属于任何省级行政区'],
    ['91990100M000100Y43', '第3–8位行政区划码“990100”不属于任何省级行政区'],
    ['91200100M000100Y43', '第3–8位行政区划码“200100”不属于任何省级行政区'],
  ])('refuses the division in %s', (input, message) => {
    expect(validateUscc(input)).toEqual({ ok: false, reason: 'division', message });
  });

  it.each([
    ['91350100M000100Y44'],
    ['91350100M000100Y40'],
    ['91110108MA01C2D3EH'],
    // a typo in the body, not the check character
    ['91350100M000100Y33'],
    ['91350101M000100Y43'],
  ])('refuses a wrong check character in %s', (input) => {
    expect(validateUscc(input)).toEqual({
      ok: false,
      reason: 'check',
      message: '第18位校验码不正确，请核对代码是否抄写有误',
    });
  });

  it('reports length before charset before division before check', () => {
    expect(validateUscc('IIII')).toMatchObject({ reason: 'length' });
    expect(validateUscc('9135A1I0M000100Y43')).toMatchObject({ reason: 'charset' });
    expect(validateUscc('9135A100M000100Y44')).toMatchObject({ reason: 'division' });
  });
});

describe('normalizeUscc', () => {
  it.each([
    [' abc ', 'ABC'],
    ['ＡＢＣ１２３', 'ABC123'],
    ['\u3000913\u3000', '913'],
  ])('%j → %j', (input, out) => {
    expect(normalizeUscc(input)).toBe(out);
  });
});
