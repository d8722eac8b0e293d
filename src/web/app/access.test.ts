import { describe, expect, it } from 'vitest';
import type { Role } from '../../shared/roles';
import { canSee, landingPath, navItem, safeNext, WORKBENCH_NAV, workbenchNav } from './access';

const staff = (...roles: Role[]) => ({ kind: 'staff' as const, roles });
const keys = (roles: Role[]) => workbenchNav(staff(...roles)).map((n) => n.key);

describe('workbench menu by role', () => {
  it.each<[Role[], string[]]>([
    [
      ['admin'],
      ['dashboard', 'enterprises', 'bindings', 'insights', 'users', 'departments', 'calendar', 'catalogue'],
    ],
    [['auditor'], ['dashboard', 'audit']],
    [['liaison'], ['dashboard', 'enterprises', 'bindings', 'visits', 'appeals', 'claims']],
    [['handler'], ['dashboard', 'enterprises', 'appeals', 'claims']],
    [['dispatcher'], ['dashboard', 'enterprises', 'appeals', 'supervision']],
    [['leader'], ['dashboard', 'enterprises', 'visits', 'appeals', 'supervision', 'claims', 'insights']],
    [['policy_editor'], ['dashboard', 'enterprises', 'policies', 'claims']],
    [['building_editor'], ['dashboard', 'enterprises', 'buildings']],
    [['content_editor'], ['dashboard', 'content']],
  ])('%j sees %j', (roles, expected) => {
    expect(keys(roles)).toEqual(expected);
  });

  it('keeps 三员分立: the administrator has no audit entry and the auditor no administration', () => {
    expect(keys(['admin'])).not.toContain('audit');
    expect(keys(['auditor'])).not.toEqual(expect.arrayContaining(['users']));
  });

  it('merges the menus of a person holding several roles, in menu order, without duplicates', () => {
    const k = keys(['dispatcher', 'handler']);
    expect(k).toEqual(['dashboard', 'enterprises', 'appeals', 'supervision', 'claims']);
  });

  it('shows nothing to enterprise users or visitors', () => {
    expect(workbenchNav({ kind: 'enterprise', roles: ['enterprise_admin'] })).toEqual([]);
    expect(workbenchNav(null)).toEqual([]);
    expect(canSee(navItem('dashboard'), { kind: 'enterprise', roles: ['enterprise_admin'] })).toBe(false);
  });

  it('gives every menu entry its own key and its own path under /workbench', () => {
    const paths = WORKBENCH_NAV.map((i) => i.path);
    expect(new Set(WORKBENCH_NAV.map((i) => i.key)).size).toBe(WORKBENCH_NAV.length);
    expect(new Set(paths).size).toBe(paths.length);
    for (const p of paths) expect(p).toMatch(/^$|^[a-z][a-z-]*$/);
    expect(navItem('catalogue').path).toBe('appeal-catalogue');
  });
});

describe('landing and redirects', () => {
  it('sends staff to the workbench and enterprise users to the enterprise center', () => {
    expect(landingPath({ kind: 'staff' })).toBe('/workbench');
    expect(landingPath({ kind: 'enterprise' })).toBe('/enterprise');
  });

  it.each([
    ['/workbench/users?role=admin', '/workbench/users?role=admin'],
    ['/enterprise', '/enterprise'],
    ['//evil.example/x', null],
    ['/\\evil.example', null],
    ['https://evil.example', null],
    ['javascript:alert(1)', null],
    ['/login?next=/x', null],
    ['', null],
    [null, null],
  ])('safeNext(%j) = %j', (input, expected) => {
    expect(safeNext(input)).toBe(expected);
  });
});
