import { describe, expect, it } from 'vitest';
import type { Role } from '../../../shared/roles';
import type { Principal } from '../../platform/context';
import {
  currentYear,
  deriveSize,
  diffFields,
  isCurrentQualification,
  lastCompletedYear,
  permissionsFor,
  sameValue,
} from './profile';

const principal = (
  kind: 'enterprise' | 'staff',
  roles: Role[],
  over: Partial<Principal> = {},
): Principal => ({
  userId: 'u1',
  sessionId: 's1',
  kind,
  displayName: '测试',
  roles,
  departmentId: null,
  enterpriseId: null,
  passwordExpired: false,
  ...over,
});

const ENT = { id: 'e1', liaisonUserId: 'u1' };
const OTHER = { id: 'e2', liaisonUserId: 'u9' };

describe('permissionsFor', () => {
  it.each([
    // who, enterprise, read, edit, asStaff, verify, assignLiaison, removeMembers
    ['nobody', null, ENT, false, false, false, false, false, false],
    [
      'own enterprise admin',
      principal('enterprise', ['enterprise_admin', 'enterprise_member'], { enterpriseId: 'e1' }),
      ENT,
      true,
      true,
      false,
      false,
      false,
      true,
    ],
    [
      'own enterprise member',
      principal('enterprise', ['enterprise_member'], { enterpriseId: 'e1' }),
      ENT,
      true,
      false,
      false,
      false,
      false,
      false,
    ],
    [
      'admin of another enterprise',
      principal('enterprise', ['enterprise_admin'], { enterpriseId: 'e2' }),
      ENT,
      false,
      false,
      false,
      false,
      false,
      false,
    ],
    ['unbound enterprise user', principal('enterprise', []), ENT, false, false, false, false, false, false],
    ['his liaison', principal('staff', ['liaison']), ENT, true, true, true, true, false, false],
    ['another liaison', principal('staff', ['liaison']), OTHER, false, false, false, false, false, false],
    ['admin', principal('staff', ['admin']), OTHER, true, true, true, true, true, true],
    ['leader', principal('staff', ['leader']), OTHER, true, false, true, false, false, false],
    ['handler', principal('staff', ['handler']), OTHER, true, false, true, false, false, false],
    ['content editor', principal('staff', ['content_editor']), ENT, false, false, false, false, false, false],
    ['auditor', principal('staff', ['auditor']), ENT, false, false, false, false, false, false],
    // An enterprise account never gets staff powers, whatever roles it somehow holds.
    [
      'enterprise user holding a staff role',
      principal('enterprise', ['admin'], { enterpriseId: 'e2' }),
      ENT,
      false,
      false,
      false,
      false,
      false,
      false,
    ],
  ] as const)('%s', (_name, p, ent, read, edit, asStaff, verify, assignLiaison, removeMembers) => {
    const perm = permissionsFor(p, ent);
    expect({
      read: perm.read,
      edit: perm.edit,
      asStaff: perm.asStaff,
      verify: perm.verify,
      assignLiaison: perm.assignLiaison,
      removeMembers: perm.removeMembers,
    }).toEqual({
      read,
      edit,
      asStaff,
      verify,
      assignLiaison,
      removeMembers,
    });
  });
});

describe('years in Asia/Shanghai', () => {
  it.each([
    ['2026-03-10T02:00:00Z', 2026, 2025],
    // 2025-12-31 16:00 UTC is already New Year's Day in Shanghai.
    ['2025-12-31T16:00:00Z', 2026, 2025],
    ['2025-12-31T15:59:59Z', 2025, 2024],
  ])('%s', (instant, current, last) => {
    expect(currentYear(new Date(instant))).toBe(current);
    expect(lastCompletedYear(new Date(instant))).toBe(last);
  });
});

describe('deriveSize', () => {
  const now = new Date('2026-03-10T02:00:00Z');
  it('uses the last completed year only', () => {
    const facts = {
      industryCode: '6513',
      employees: 120,
      yearly: [
        { year: 2026, revenue: 50000, totalAssets: null },
        { year: 2025, revenue: 8000, totalAssets: null },
        { year: 2024, revenue: 50000, totalAssets: null },
      ],
    };
    const s = deriveSize(facts, now);
    expect(s).toMatchObject({ sizeClass: 'medium', label: '中型', status: 'decided', basisYear: 2025 });
    expect(s.basis).toMatch(/^依据2025年度数据：/);
  });

  it('never reads a missing revenue as zero', () => {
    const s = deriveSize(
      { industryCode: '6513', employees: 120, yearly: [{ year: 2024, revenue: 8000, totalAssets: null }] },
      now,
    );
    expect(s).toMatchObject({ sizeClass: null, status: 'undetermined' });
    expect(s.missing).toContain('revenue');
  });

  it('decides without revenue when employees alone settle it', () => {
    expect(deriveSize({ industryCode: '6513', employees: 5, yearly: [] }, now).sizeClass).toBe('micro');
  });

  it('asks for the industry first', () => {
    const s = deriveSize({ industryCode: null, employees: 5, yearly: [] }, now);
    expect(s).toMatchObject({ sizeClass: null, status: 'undetermined', missing: ['industryCode'] });
    expect(s.basis).not.toMatch(/依据/);
  });
});

describe('diffFields', () => {
  it('reports only present fields whose value changed', () => {
    const current = { employees: 10, tags: ['a', 'b'], name: '甲', unit: null as string | null };
    expect(diffFields(current, { employees: 10, tags: ['a', 'b'], name: '乙', unit: undefined })).toEqual({
      name: { before: '甲', after: '乙' },
    });
    expect(diffFields(current, { tags: ['b', 'a'] })).toEqual({
      tags: { before: ['a', 'b'], after: ['b', 'a'] },
    });
    expect(diffFields(current, { unit: null })).toEqual({});
    expect(diffFields(current, { employees: null })).toEqual({ employees: { before: 10, after: null } });
    expect(diffFields<'revenue'>({}, { revenue: 0 })).toEqual({ revenue: { before: null, after: 0 } });
  });

  it('treats 0 and null as different values', () => {
    expect(sameValue(0, null)).toBe(false);
    expect(sameValue(null, undefined)).toBe(true);
  });
});

describe('isCurrentQualification', () => {
  it.each([
    [{ recognizedOn: '2024-12-01', expiresOn: '2027-11-30' }, '2026-03-10', true],
    [{ recognizedOn: '2024-12-01', expiresOn: '2026-03-10' }, '2026-03-10', true],
    [{ recognizedOn: '2024-12-01', expiresOn: '2026-03-09' }, '2026-03-10', false],
    [{ recognizedOn: '2026-03-11', expiresOn: null }, '2026-03-10', false],
    [{ recognizedOn: '2020-01-01', expiresOn: null }, '2026-03-10', true],
  ])('%o on %s', (q, today, current) => {
    expect(isCurrentQualification(q, today)).toBe(current);
  });
});
