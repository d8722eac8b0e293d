import type { Me } from '../../shared/accounts';
import { ENTERPRISE_READER_ROLES, type Role } from '../../shared/roles';

/**
 * Who sees what in the web UI. The server decides what is allowed (every route declares its roles); this
 * mirrors those declarations so nobody is shown a menu entry that would only answer 403.
 */

export type NavGroup = 'overview' | 'enterprise' | 'business' | 'system' | 'security';

/** The workbench pages, each with its menu entry. */
export type WorkbenchKey =
  | 'dashboard'
  | 'enterprises'
  | 'visits'
  | 'bindings'
  | 'users'
  | 'departments'
  | 'calendar'
  | 'audit'
  | 'policies'
  | 'claims'
  | 'appeals'
  | 'supervision'
  | 'buildings'
  | 'catalogue'
  | 'content'
  | 'insights';

export interface NavItem {
  key: WorkbenchKey;
  /** Path under /workbench ('' for the dashboard). */
  path: string;
  group: NavGroup;
  /** 'staff' means every staff user. */
  roles: readonly Role[] | 'staff';
}

/** Mirrors src/server/modules/enterprises/routes.ts: district-wide readers plus the liaison (his own enterprises). */
export const ENTERPRISE_LIST_ROLES: readonly Role[] = [...ENTERPRISE_READER_ROLES, 'liaison'];
/** Staff who work on appeals (the liaison follows and submits for his enterprises). */
export const APPEAL_STAFF_ROLES: readonly Role[] = ['dispatcher', 'handler', 'liaison', 'leader'];
/** Who curates the appeals knowledge base. */
export const APPEAL_KB_ROLES: readonly Role[] = ['dispatcher', 'content_editor'];
/** Who reads the appeal statistics. */
export const APPEAL_STATS_ROLES: readonly Role[] = ['leader', 'dispatcher'];
/** Who confirms a user's first binding to an enterprise. */
export const BINDING_REVIEW_ROLES: readonly Role[] = ['admin', 'liaison'];

export const WORKBENCH_NAV: readonly NavItem[] = [
  { key: 'dashboard', path: '', group: 'overview', roles: 'staff' },
  { key: 'enterprises', path: 'enterprises', group: 'enterprise', roles: ENTERPRISE_LIST_ROLES },
  { key: 'bindings', path: 'bindings', group: 'enterprise', roles: BINDING_REVIEW_ROLES },
  { key: 'visits', path: 'visits', group: 'enterprise', roles: ['liaison', 'leader'] },
  {
    key: 'appeals',
    path: 'appeals',
    group: 'business',
    roles: APPEAL_STAFF_ROLES,
  },
  {
    key: 'supervision',
    path: 'supervision',
    group: 'business',
    roles: ['leader', 'dispatcher'],
  },
  { key: 'policies', path: 'policies', group: 'business', roles: ['policy_editor'] },
  {
    key: 'claims',
    path: 'claims',
    group: 'business',
    // The liaison follows his enterprises' claims (read only), as GET /policies/claims allows.
    roles: ['handler', 'policy_editor', 'leader', 'liaison'],
  },
  { key: 'buildings', path: 'buildings', group: 'business', roles: ['building_editor'] },
  { key: 'content', path: 'content', group: 'business', roles: ['content_editor'] },
  { key: 'insights', path: 'insights', group: 'business', roles: ['leader', 'admin'] },
  { key: 'users', path: 'users', group: 'system', roles: ['admin'] },
  { key: 'departments', path: 'departments', group: 'system', roles: ['admin'] },
  { key: 'calendar', path: 'calendar', group: 'system', roles: ['admin'] },
  { key: 'catalogue', path: 'appeal-catalogue', group: 'system', roles: ['admin'] },
  { key: 'audit', path: 'audit', group: 'security', roles: ['auditor'] },
];

export function isStaff(user: Pick<Me, 'kind'> | null | undefined): boolean {
  return user?.kind === 'staff';
}

export function hasAnyRole(user: Pick<Me, 'roles'> | null | undefined, roles: readonly Role[]): boolean {
  return !!user && user.roles.some((r) => roles.includes(r));
}

export function canSee(item: NavItem, user: Pick<Me, 'kind' | 'roles'> | null | undefined): boolean {
  if (!isStaff(user)) return false;
  return item.roles === 'staff' || hasAnyRole(user, item.roles);
}

/** The workbench menu of a user, in display order. */
export function workbenchNav(user: Pick<Me, 'kind' | 'roles'> | null | undefined): NavItem[] {
  return WORKBENCH_NAV.filter((item) => canSee(item, user));
}

export function navItem(key: WorkbenchKey): NavItem {
  const item = WORKBENCH_NAV.find((i) => i.key === key);
  if (!item) throw new Error(`unknown workbench page ${key}`);
  return item;
}

/** Where a user lands after logging in when no page asked for him. */
export function landingPath(user: Pick<Me, 'kind'>): string {
  return user.kind === 'staff' ? '/workbench' : '/enterprise';
}

/**
 * The `next` parameter of the login page, accepted only as a local path: `//evil.example` or
 * `https://…` would turn the login form into an open redirect.
 */
export function safeNext(next: string | null | undefined): string | null {
  if (!next?.startsWith('/') || next.startsWith('//') || next.startsWith('/\\')) return null;
  if (next.startsWith('/login') || next.startsWith('/register')) return null;
  return next;
}
