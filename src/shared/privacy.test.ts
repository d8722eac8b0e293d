import { describe, expect, it } from 'vitest';
import { maskIdNumber, maskPhone } from './format';
import { isMaskedValue, isPersonalDataKind, mayReveal, PERSONAL_DATA, REVEAL_ROLES } from './privacy';
import { ENTERPRISE_ROLES } from './roles';

describe('personal data catalogue', () => {
  it('lets no enterprise role and neither the auditor nor the leader reveal anything', () => {
    for (const role of [...ENTERPRISE_ROLES, 'auditor', 'leader'] as const)
      expect(REVEAL_ROLES).not.toContain(role);
    expect([...REVEAL_ROLES].sort()).toEqual(
      ['admin', 'building_editor', 'dispatcher', 'handler', 'liaison', 'policy_editor'].sort(),
    );
  });

  it.each([
    [['dispatcher'], 'appeal', true],
    [['leader'], 'appeal', false],
    [['leader', 'handler'], 'appeal', true],
    [['admin'], 'appeal', false],
    [['admin'], 'user', true],
    [['liaison'], 'enterprise_member', true],
    [['liaison'], 'claim', false],
    [['policy_editor'], 'claim', true],
    [['building_editor'], 'viewing_request', true],
    [['enterprise_admin'], 'enterprise_member', false],
  ] as const)('%j may reveal %s: %s', (roles, kind, expected) => {
    expect(mayReveal(roles, kind)).toBe(expected);
  });

  it('knows its kinds and nothing from the prototype', () => {
    for (const kind of Object.keys(PERSONAL_DATA)) expect(isPersonalDataKind(kind)).toBe(true);
    for (const kind of ['toString', '__proto__', 'constructor', 'passport'])
      expect(isPersonalDataKind(kind)).toBe(false);
  });

  // The web shows the 查看 button beside a masked value only: every masking function must leave a mark it sees.
  it.each(['13812341234', '0532-88901001', '400-800-1234', '110101199003074512'])(
    'recognises the masked form of %s, never the clear one',
    (clear) => {
      expect(isMaskedValue(clear)).toBe(false);
      expect(isMaskedValue(maskPhone(clear))).toBe(true);
      expect(isMaskedValue(maskIdNumber(clear))).toBe(true);
    },
  );

  it('masks phones as 138****1234 and ID numbers as first 1 + last 2 (SPEC §2.1)', () => {
    expect(maskPhone('13812341234')).toBe('138****1234');
    expect(maskPhone('0532-88901001')).toBe('053****1001');
    expect(maskPhone('12345')).toBe('****');
    expect(maskIdNumber('110101199003074512')).toBe(`1${'*'.repeat(15)}12`);
    expect(isMaskedValue(null)).toBe(false);
  });
});
