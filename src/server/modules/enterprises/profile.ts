/**
 * Pure rules of the enterprise profile: who may do what with a profile, which year the size class is based on,
 * what changed between two versions of a record. No I/O, so they are tested table-driven.
 */
import { SIZE_CLASS_NAMES, type SizeClassCode, type SizeInfo } from '../../../shared/enterprises';
import { ENTERPRISE_READER_ROLES } from '../../../shared/roles';
import { shanghaiToday } from '../../platform/calendar/workdays';
import type { Principal } from '../../platform/context';
import { classifySize } from './size-class';

/** What one caller may do with one enterprise. `read: false` means the enterprise does not exist for him (404). */
export interface EnterprisePermissions {
  read: boolean;
  /** Edit the profile, yearly figures, IP and qualifications. */
  edit: boolean;
  /** Edits by this caller count as `staff` provenance (else `self`). */
  asStaff: boolean;
  /** Mark fields verified by staff. */
  verify: boolean;
  assignLiaison: boolean;
  listMembers: boolean;
  removeMembers: boolean;
  /** Confirm or reject binding requests to this enterprise (the role decided at confirmation also matters). */
  confirmBindings: boolean;
}

const NONE: EnterprisePermissions = {
  read: false,
  edit: false,
  asStaff: false,
  verify: false,
  assignLiaison: false,
  listMembers: false,
  removeMembers: false,
  confirmBindings: false,
};

/**
 * An enterprise user sees only the enterprise of his confirmed binding; a liaison only the enterprises assigned to
 * him; the district-wide staff roles see every enterprise. Editing belongs to the enterprise's admin, the system
 * administrator and the enterprise's own liaison.
 */
export function permissionsFor(
  p: Principal | null,
  e: { id: string; liaisonUserId: string | null },
): EnterprisePermissions {
  if (!p) return NONE;
  if (p.kind === 'enterprise') {
    if (p.enterpriseId !== e.id) return NONE;
    const isAdmin = p.roles.includes('enterprise_admin');
    return {
      ...NONE,
      read: true,
      edit: isAdmin,
      listMembers: isAdmin,
      removeMembers: isAdmin,
      confirmBindings: isAdmin,
    };
  }
  const isLiaison = p.roles.includes('liaison') && e.liaisonUserId === p.userId;
  const isReader = p.roles.some((r) => ENTERPRISE_READER_ROLES.includes(r));
  if (!isLiaison && !isReader) return NONE;
  const isAdmin = p.roles.includes('admin');
  const staffEditor = isAdmin || isLiaison;
  return {
    read: true,
    edit: staffEditor,
    asStaff: true,
    verify: staffEditor,
    assignLiaison: isAdmin,
    listMembers: staffEditor,
    removeMembers: isAdmin,
    confirmBindings: staffEditor,
  };
}

/** The current calendar year in Asia/Shanghai. */
export function currentYear(now: Date): number {
  return Number(shanghaiToday(now).slice(0, 4));
}

/** The size class uses the figures of the last completed calendar year (Asia/Shanghai). */
export function lastCompletedYear(now: Date): number {
  return currentYear(now) - 1;
}

export interface SizeFacts {
  industryCode: string | null;
  employees: number | null;
  /** Yearly rows; only the last completed year's revenue and total assets are used. */
  yearly: readonly { year: number; revenue: number | null; totalAssets: number | null }[];
}

/** The derived size class with its basis sentence, from the official thresholds (size-standards.ts). */
export function deriveSize(facts: SizeFacts, now: Date): SizeInfo {
  const basisYear = lastCompletedYear(now);
  const row = facts.yearly.find((y) => y.year === basisYear);
  const r = classifySize({
    industryCode: facts.industryCode,
    employees: facts.employees,
    revenue: row?.revenue ?? null,
    totalAssets: row?.totalAssets ?? null,
  });
  const sizeClass = r.sizeClass as SizeClassCode | null;
  // The year matters to the reader: "营业收入" alone does not say which year's revenue decided the class.
  const usesFigures = r.status !== 'not_applicable' && facts.industryCode;
  return {
    sizeClass,
    label: sizeClass ? SIZE_CLASS_NAMES[sizeClass] : null,
    status: r.status,
    basisYear,
    basis: usesFigures ? `依据${basisYear}年度数据：${r.basis}` : r.basis,
    missing: r.missing.map(String),
    standardId: r.standardId,
  };
}

/** Equality for stored profile values: numbers by value, arrays (tags) element-wise, everything else strictly. */
export function sameValue(a: unknown, b: unknown): boolean {
  if (Array.isArray(a) && Array.isArray(b)) return a.length === b.length && a.every((v, i) => v === b[i]);
  if (typeof a === 'number' && typeof b === 'number') return a === b;
  return (a ?? null) === (b ?? null);
}

export interface FieldChange {
  before: unknown;
  after: unknown;
}

/** The fields of `next` whose value differs from `current`; fields absent from `next` are unchanged. */
export function diffFields<K extends string>(
  current: Partial<Record<K, unknown>>,
  next: Partial<Record<K, unknown>>,
): Partial<Record<K, FieldChange>> {
  const out: Partial<Record<K, FieldChange>> = {};
  for (const key of Object.keys(next) as K[]) {
    const after = next[key];
    if (after === undefined) continue;
    const before = current[key] ?? null;
    if (!sameValue(before, after)) out[key] = { before, after };
  }
  return out;
}

/** A qualification is current from its recognition date until its expiry date inclusive. */
export function isCurrentQualification(
  q: { recognizedOn: string; expiresOn: string | null },
  today: string,
): boolean {
  return q.recognizedOn <= today && (q.expiresOn === null || q.expiresOn >= today);
}
