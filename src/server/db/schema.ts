import type { ColumnType, Generated } from 'kysely';

/**
 * Table types as the code sees them (camelCase; the CamelCasePlugin maps to snake_case columns).
 * Timestamps are ISO strings, dates `YYYY-MM-DD`, booleans 0/1, JSON columns `unknown` (read with fromJson).
 */

export interface DepartmentTable {
  id: string;
  code: string;
  name: string;
  /** bureau | street (街道办事处) | public_service (供电、供水 …) | office (区委区政府办公室 …) | upper (市级及以上, recorded on hand-over) */
  kind: string;
  parentId: string | null;
  sortOrder: number;
  phone: string | null;
  createdAt: string;
  updatedAt: string;
}

export interface UserTable {
  id: string;
  username: string | null;
  phone: string | null;
  displayName: string;
  passwordHash: string;
  passwordChangedAt: string;
  /** enterprise | staff */
  kind: string;
  departmentId: string | null;
  /** active | disabled */
  status: string;
  lockedUntil: string | null;
  totpSecret: string | null;
  lastLoginAt: string | null;
  createdAt: string;
  updatedAt: string;
}

export interface UserRoleTable {
  userId: string;
  role: string;
  createdAt: string;
}

export interface SessionTable {
  /** sha256 of the cookie token; the token itself is never stored. */
  id: string;
  userId: string;
  createdAt: string;
  lastSeenAt: string;
  expiresAt: string;
  ip: string | null;
  userAgent: string | null;
}

export interface LoginAttemptTable {
  id: Generated<number>;
  userId: string | null;
  identifier: string;
  ip: string | null;
  success: number;
  at: string;
}

export interface SmsCodeTable {
  id: string;
  phone: string;
  purpose: string;
  codeHash: string;
  attempts: number;
  createdAt: string;
  expiresAt: string;
  consumedAt: string | null;
}

export interface RateLimitTable {
  key: string;
  windowStart: string;
  count: number;
}

export interface AuditLogTable {
  seq: Generated<number>;
  at: string;
  actorId: string | null;
  actorRole: string | null;
  action: string;
  objectType: string | null;
  objectId: string | null;
  /** success | failure | denied */
  result: string;
  ip: string | null;
  requestId: string | null;
  details: string | null;
  prevHash: string;
  hash: string;
}

export interface CalendarYearTable {
  year: number;
  source: string;
  createdAt: string;
  createdBy: string | null;
}

export interface CalendarDayTable {
  date: string;
  year: number;
  /** holiday (法定节假日/调休休息) | workday (调休上班) */
  kind: string;
  name: string;
}

export interface StreetTable {
  code: string;
  name: string;
  sortOrder: number;
}

export interface QualificationKindTable {
  code: string;
  name: string;
  sortOrder: number;
  active: number;
}

export interface EnterpriseTable {
  id: string;
  uscc: string;
  name: string;
  legalRepresentative: string | null;
  registeredCapital: number | null;
  establishedOn: string | null;
  registeredAddress: string | null;
  streetCode: string | null;
  industryCode: string | null;
  employees: number | null;
  insuredEmployees: number | null;
  /** Derived by size-class.ts from industry, employees, revenue and assets; stored for filtering. */
  sizeClass: string | null;
  building: string | null;
  unit: string | null;
  tags: unknown;
  liaisonUserId: string | null;
  /** Optimistic concurrency: incremented by every profile edit. */
  version: number;
  createdAt: string;
  updatedAt: string;
}

export interface EnterpriseYearlyTable {
  enterpriseId: string;
  year: number;
  /** 万元; null is unknown, never zero */
  revenue: number | null;
  taxPaid: number | null;
  rdSpending: number | null;
  exports: number | null;
  totalAssets: number | null;
}

export interface EnterpriseIpTable {
  enterpriseId: string;
  /** invention | utility_model | design | software_copyright | trademark */
  kind: string;
  count: number;
}

export interface EnterpriseQualificationTable {
  id: string;
  enterpriseId: string;
  kind: string;
  recognizedOn: string;
  expiresOn: string | null;
  certificateNo: string | null;
  source: string;
  sourceRef: string | null;
  updatedBy: string | null;
  updatedAt: string;
}

/** Provenance of one profile field: who said so, how, and when. */
export interface EnterpriseFieldSourceTable {
  enterpriseId: string;
  /** e.g. `employees`, `yearly.2025.revenue`, `ip.invention` */
  field: string;
  /** self (企业自报) | import (导入, sourceRef = file) | staff (部门核验) */
  source: string;
  sourceRef: string | null;
  updatedBy: string | null;
  updatedAt: string;
}

export interface EnterpriseBindingTable {
  id: string;
  userId: string;
  enterpriseId: string;
  /** enterprise_admin | enterprise_member */
  role: string;
  /** pending | confirmed | rejected | removed */
  status: string;
  note: string | null;
  /** The enterprise name the applicant typed (migration 002); optional on insert (seeded bindings have none). */
  claimedName: ColumnType<string | null, string | null | undefined, string | null>;
  requestedAt: string;
  decidedAt: string | null;
  decidedBy: string | null;
}

export interface JobLeaseTable {
  name: string;
  holder: string;
  expiresAt: string;
}

/** One searchable thing (platform/text/search-index.ts); the token index over it is per dialect (db/dialect.ts). */
export interface SearchEntryTable {
  /** Encodes the static rank: (boost + 4) · 2^40 + day number of the rank date · 2^24 + sequence. */
  rowId: number;
  /** policy_document | interpretation | program | building | kb … */
  scope: string;
  entityId: string;
  title: string;
  summary: string | null;
  publishedOn: string | null;
  windowStart: string | null;
  windowEnd: string | null;
  /** -3 … 3; ranks an entry above (or below) its equals. */
  boost: number;
  /** The filter values as given (JSON); the index holds them as tags. */
  filters: unknown;
  updatedAt: string;
  /** The text snippets are cut from (capped); indexed too. */
  body: string;
}

/** Searches per Asia/Shanghai day and normalised term (insights). */
export interface SearchQueryTable {
  day: string;
  term: string;
  count: number;
  /** Searches of the term that found nothing. */
  misses: number;
}

export interface Database {
  departments: DepartmentTable;
  users: UserTable;
  userRoles: UserRoleTable;
  sessions: SessionTable;
  loginAttempts: LoginAttemptTable;
  smsCodes: SmsCodeTable;
  rateLimits: RateLimitTable;
  auditLog: AuditLogTable;
  calendarYears: CalendarYearTable;
  calendarDays: CalendarDayTable;
  streets: StreetTable;
  qualificationKinds: QualificationKindTable;
  enterprises: EnterpriseTable;
  enterpriseYearly: EnterpriseYearlyTable;
  enterpriseIp: EnterpriseIpTable;
  enterpriseQualifications: EnterpriseQualificationTable;
  enterpriseFieldSources: EnterpriseFieldSourceTable;
  enterpriseBindings: EnterpriseBindingTable;
  jobLeases: JobLeaseTable;
  searchEntries: SearchEntryTable;
  searchQueries: SearchQueryTable;
}
