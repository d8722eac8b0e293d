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
  /** Unused: the second factor lives in user_totp (migration 010). */
  totpSecret: string | null;
  lastLoginAt: string | null;
  createdAt: string;
  updatedAt: string;
  /** Where e-mail notifications go (migration 012); set by the user on his notification settings. */
  email: string | null;
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

/** A user's TOTP second factor (migration 010): pending until confirmed with a first code. */
export interface UserTotpTable {
  userId: string;
  /** Base32 RFC 6238 secret; never returned by the API once the enrolment is confirmed. */
  secret: string;
  /** null while pending; the confirmation instant once active. */
  enabledAt: string | null;
  /** The time step of the last accepted code (replay guard). */
  lastUsedStep: number | null;
  createdAt: string;
  updatedAt: string;
}

/** One-time recovery codes of a user's second factor: only their hashes are kept. */
export interface UserRecoveryCodeTable {
  id: string;
  userId: string;
  codeHash: string;
  createdAt: string;
  usedAt: string | null;
}

/** Between the password step and the code step of a login: the sha256 of the token the client holds. */
export interface LoginChallengeTable {
  id: string;
  userId: string;
  createdAt: string;
  expiresAt: string;
  attempts: number;
  ip: string | null;
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

/** What a scheduled job has finished (migration 012), e.g. the basis year of the stored size classes. */
export interface JobStateTable {
  name: string;
  value: string;
  updatedAt: string;
}

/** An enterprise whose facts changed since the open programs last judged it (policies/repush-job.ts). */
export interface EnterpriseFactChangeTable {
  enterpriseId: string;
  changedAt: string;
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

/** An uploaded attachment (platform/files); the bytes live under dataDir/files by sha256. */
export interface FileTable {
  id: string;
  sha256: string;
  size: number;
  /** Detected from the content, never from the name. */
  mime: string;
  ext: string;
  /** The uploader's file name, for display. */
  name: string;
  /** claim | policy */
  purpose: string;
  uploadedBy: string | null;
  /** The uploader's enterprise (enterprise users), so colleagues may attach the file too. */
  enterpriseId: string | null;
  createdAt: string;
}

/** A policy document (政策文件); the row holds the current text, versions hold every published one. */
export interface PolicyDocumentTable {
  id: string;
  title: string;
  /** 文号, e.g. 青南政发〔2024〕12号 */
  docNumber: string | null;
  issuer: string;
  /** national | provincial | municipal | district */
  level: string;
  /** Topic codes (JSON array); policy_document_topics holds them as rows for filtering. */
  topics: unknown;
  issuedOn: string;
  effectiveOn: string | null;
  expiresOn: string | null;
  summary: string | null;
  /** Sanitised HTML. */
  bodyHtml: string;
  /** File ids (JSON array). */
  attachmentIds: unknown;
  /** draft | published | expired | repealed */
  status: string;
  /** The published version in force; 0 while never published. */
  version: number;
  /** Optimistic concurrency: incremented by every write. */
  revision: number;
  publishedAt: string | null;
  createdBy: string | null;
  createdAt: string;
  updatedAt: string;
}

export interface PolicyDocumentVersionTable {
  documentId: string;
  version: number;
  title: string;
  docNumber: string | null;
  issuer: string;
  level: string;
  topics: unknown;
  issuedOn: string;
  effectiveOn: string | null;
  expiresOn: string | null;
  summary: string | null;
  bodyHtml: string;
  attachmentIds: unknown;
  changeNote: string | null;
  createdBy: string | null;
  createdAt: string;
}

export interface PolicyDocumentTopicTable {
  documentId: string;
  topic: string;
}

/** 政策解读: plain-language text, Q&A, a picture (一图读懂), linked to documents. */
export interface PolicyInterpretationTable {
  id: string;
  title: string;
  bodyHtml: string;
  /** [{question, answer}] (JSON) */
  qa: unknown;
  imageFileId: string | null;
  /** draft | published */
  status: string;
  revision: number;
  publishedAt: string | null;
  createdBy: string | null;
  createdAt: string;
  updatedAt: string;
}

export interface PolicyInterpretationDocumentTable {
  interpretationId: string;
  documentId: string;
}

/** A benefit program (申报/兑现事项) under a document; money in 元. */
export interface PolicyProgramTable {
  id: string;
  documentId: string;
  title: string;
  summary: string | null;
  beneficiaries: string;
  /** no_application (免申即享) | quick_application (快申快享) | standard_application */
  mode: string;
  /** The department that reviews claims. */
  departmentId: string;
  budget: number | null;
  /** Approved and paid claims' amounts: what the budget is committed to. */
  budgetUsed: number;
  budgetPaid: number;
  windowStart: string | null;
  windowEnd: string | null;
  /** [{name, required, note}] (JSON) */
  materials: unknown;
  /** The RuleSet of the current rules version (JSON). */
  rules: unknown;
  rulesVersion: number;
  /** draft | published | withdrawn */
  status: string;
  revision: number;
  publishedAt: string | null;
  createdBy: string | null;
  createdAt: string;
  updatedAt: string;
}

/** Every rule set a program has had; claims and push records name the version they were judged by. */
export interface ProgramRuleVersionTable {
  programId: string;
  version: number;
  rules: unknown;
  changeNote: string | null;
  createdBy: string | null;
  createdAt: string;
  /** When the version came into force; null while the program is a draft. */
  publishedAt: string | null;
}

/** 政策找企业: an enterprise found eligible for a program under a rules version, with the facts that made it so. */
export interface ProgramPushRecordTable {
  id: string;
  programId: string;
  enterpriseId: string;
  rulesVersion: number;
  /** Fact key → value, only the facts the rules read (JSON). */
  facts: unknown;
  /** {min, max} in 元 (JSON), or null. */
  amount: unknown;
  /** 1 when the enterprise was notified in this run (0: already notified, still eligible). */
  notified: number;
  createdAt: string;
}

export interface PolicySubscriptionTable {
  enterpriseId: string;
  topic: string;
  createdAt: string;
}

/** A claim (兑现申请); one live claim per program, enterprise and reward year. */
export interface PolicyClaimTable {
  id: string;
  programId: string;
  enterpriseId: string;
  /** The reward year (奖励年度). */
  year: number;
  /** candidate | submitted | returned | approved | rejected | paid | withdrawn */
  status: string;
  rulesVersion: number;
  /** eligible | undetermined | ineligible, when submitted or listed. */
  eligibility: string;
  /** {min, max} 元 (JSON) */
  estimate: unknown;
  /** Fact key → value as submitted (JSON). */
  facts: unknown;
  /** Facts the enterprise answered on the form (JSON). */
  answers: unknown;
  /** Condition outcomes and manual conditions as of submission (JSON). */
  evaluation: unknown;
  /** [{fileId, material}] (JSON) */
  attachments: unknown;
  contactName: string | null;
  contactPhone: string | null;
  statement: string | null;
  requestedAmount: number | null;
  approvedAmount: number | null;
  paidAmount: number | null;
  paidOn: string | null;
  reviewNote: string | null;
  revision: number;
  createdBy: string | null;
  submittedAt: string | null;
  decidedAt: string | null;
  decidedBy: string | null;
  createdAt: string;
  updatedAt: string;
}

export interface PolicyClaimEventTable {
  id: string;
  claimId: string;
  /** The claim's revision after this step (orders the history). */
  revision: number;
  at: string;
  actorId: string | null;
  action: string;
  fromStatus: string | null;
  toStatus: string;
  note: string | null;
  amount: number | null;
}

/** The in-app inbox: one row per recipient. */
export interface NotificationTable {
  id: string;
  userId: string;
  kind: string;
  title: string;
  body: string;
  link: string | null;
  enterpriseId: string | null;
  createdAt: string;
  readAt: string | null;
}

/** A user's choice of one kind by one channel (migration 012), stored only where it differs from the default. */
export interface NotificationPreferenceTable {
  userId: string;
  kind: string;
  /** sms | email */
  channel: string;
  /** 0 | 1 */
  enabled: number;
  updatedAt: string;
}

/** One SMS or e-mail waiting to be sent, sent, or given up (migration 012; modules/notifications/sender.ts). */
export interface NotificationOutboxTable {
  id: string;
  userId: string;
  kind: string;
  /** sms | email */
  channel: string;
  recipient: string;
  subject: string | null;
  body: string;
  /** pending | sent | failed */
  status: string;
  attempts: number;
  nextAttemptAt: string;
  claimedBy: string | null;
  claimedUntil: string | null;
  lastError: string | null;
  createdAt: string;
  sentAt: string | null;
}

// ——— appeals (migration 006) ———

export interface AppealTopicTable {
  code: string;
  name: string;
  category: string;
  description: string;
  leadDepartmentId: string;
  /** JSON string[] */
  keywords: unknown;
  /** JSON: per-field SLA overrides (sla.ts TopicSla) */
  sla: unknown;
  active: number;
  sortOrder: number;
  createdAt: string;
  updatedAt: string;
}

export interface AppealSettingTable {
  key: string;
  value: unknown;
  updatedBy: string | null;
  updatedAt: string;
}

export interface AppealTable {
  id: string;
  code: string;
  enterpriseId: string | null;
  submittedBy: string | null;
  /** web | liaison | phone */
  channel: string;
  idempotencyKey: string | null;
  contactName: string | null;
  contactPhone: string | null;
  type: string;
  topicCode: string | null;
  title: string;
  content: string;
  isPublic: number;
  state: string;
  version: number;
  leadDepartmentId: string | null;
  suggestedTopicCode: string | null;
  suggestedDepartmentId: string | null;
  receivedOn: string;
  acceptDeadline: string;
  replyStartedAt: string | null;
  replyDeadline: string | null;
  extensionStatus: string;
  extensionDays: number | null;
  extensionReason: string | null;
  supervisionLevel: string;
  reopenCount: number;
  mergedIntoId: string | null;
  acceptedAt: string | null;
  dispatchedAt: string | null;
  signedAt: string | null;
  repliedAt: string | null;
  closedAt: string | null;
  repliedLate: number | null;
  replyContent: string | null;
  replySolved: number | null;
  replyUnsolvedReason: string | null;
  replyPublic: number | null;
  rating: string | null;
  ratingSolved: number | null;
  ratingComment: string | null;
  ratingDefault: number;
  ratedAt: string | null;
  /**
   * Working minutes from dispatched_at to replied_at (sla.ts workingMinutesBetween), written by the reply, cleared by
   * a reopen; 平均办理工作日 averages it.
   */
  handlingMinutes: number | null;
  createdAt: string;
  updatedAt: string;
}

export interface AppealDepartmentTable {
  appealId: string;
  departmentId: string;
  /** lead | assisting */
  role: string;
  opinion: string | null;
  opinionBy: string | null;
  opinionAt: string | null;
  assignedAt: string;
}

export interface AppealEventTable {
  id: string;
  appealId: string;
  seq: number;
  action: string;
  actorId: string | null;
  actorRole: string;
  departmentId: string | null;
  fromState: string | null;
  toState: string | null;
  note: string | null;
  data: unknown;
  visibleToEnterprise: number;
  at: string;
}

export interface AppealFileTable {
  appealId: string;
  fileId: string;
  eventId: string | null;
  addedAt: string;
}

export interface AppealReminderTable {
  appealId: string;
  kind: string;
  deadline: string;
  sentAt: string;
  holder: string;
}

export interface AppealKbTable {
  id: string;
  question: string;
  answer: string;
  topicCode: string | null;
  sourceAppealId: string | null;
  /** draft | published | archived */
  status: string;
  views: number;
  createdBy: string | null;
  updatedBy: string | null;
  createdAt: string;
  updatedAt: string;
  publishedAt: string | null;
}

// ——— buildings (migration 007) ———

export interface BuildingTable {
  id: string;
  name: string;
  streetCode: string;
  address: string;
  lat: number | null;
  lng: number | null;
  grade: string;
  use: string;
  floorsAbove: number | null;
  floorsBelow: number | null;
  grossArea: number | null;
  completedYear: number | null;
  developer: string | null;
  propertyManager: string | null;
  contactName: string | null;
  contactPhone: string | null;
  description: string;
  /** JSON string[] */
  tags: unknown;
  source: string;
  sourceNote: string | null;
  lastVerifiedOn: string | null;
  status: string;
  spaceCount: number;
  vacantCount: number;
  leasableArea: number;
  vacantArea: number;
  vacancyRate: number;
  minRentMonthly: number | null;
  maxRentMonthly: number | null;
  minVacantArea: number | null;
  maxVacantArea: number | null;
  occupantTaxWan: number | null;
  taxFlag: string | null;
  heatSortKey: number;
  createdBy: string | null;
  updatedBy: string | null;
  createdAt: string;
  updatedAt: string;
}

export interface BuildingSpaceTable {
  id: string;
  buildingId: string;
  floor: number;
  unit: string;
  unitKey: string;
  area: number;
  rentAmount: number | null;
  rentUnit: string | null;
  rentMonthly: number | null;
  status: string;
  decoration: string | null;
  availableFrom: string | null;
  orientation: string | null;
  description: string;
  source: string;
  lastVerifiedOn: string | null;
  createdAt: string;
  updatedAt: string;
}

export interface BuildingOccupantTable {
  id: string;
  buildingId: string;
  spaceId: string | null;
  enterpriseId: string | null;
  enterpriseName: string;
  floor: number | null;
  unit: string | null;
  area: number | null;
  movedInOn: string | null;
  movedOutOn: string | null;
  source: string;
  lastVerifiedOn: string | null;
  createdAt: string;
  updatedAt: string;
}

export interface BuildingProjectTable {
  id: string;
  buildingId: string | null;
  name: string;
  industry: string | null;
  investor: string | null;
  investmentWan: number | null;
  areaNeeded: number | null;
  /** negotiating | signed | settled | dropped */
  status: string;
  description: string;
  signedOn: string | null;
  source: string;
  lastVerifiedOn: string | null;
  createdAt: string;
  updatedAt: string;
}

export interface BuildingPhotoTable {
  id: string;
  buildingId: string;
  fileId: string;
  caption: string;
  sortOrder: number;
  createdAt: string;
}

export interface BuildingHeatTable {
  buildingId: string;
  score: number;
  lastAt: string;
  sortKey: number;
  views: number;
  favourites: number;
  viewingRequests: number;
}

export interface BuildingViewTable {
  buildingId: string;
  visitor: string;
  day: string;
}

export interface BuildingFavouriteTable {
  userId: string;
  buildingId: string;
  createdAt: string;
}

export interface ViewingRequestTable {
  id: string;
  buildingId: string;
  spaceId: string | null;
  userId: string | null;
  enterpriseId: string | null;
  name: string;
  phone: string;
  company: string | null;
  preferredDate: string | null;
  areaNeeded: number | null;
  message: string;
  /** pending | contacted | viewed | closed | cancelled */
  status: string;
  handledBy: string | null;
  handlerNote: string | null;
  createdAt: string;
  updatedAt: string;
}

export interface BuildingImportTable {
  id: string;
  uploadedBy: string;
  fileName: string;
  sha256: string;
  /** previewed | committed | discarded */
  status: string;
  report: unknown;
  rows: unknown;
  createdAt: string;
  committedAt: string | null;
}

// ——— change log of buildings (migration 008) ———

/** A named counter of committed changes (`buildings`: the stamps of building_changes). */
export interface ChangeCounterTable {
  name: string;
  seq: number;
}

/** The latest change stamp of each building (written by triggers, read by the search snapshot). */
export interface BuildingChangeTable {
  buildingId: string;
  seq: number;
}

/** Searches per Shanghai day, scope and normalised term (migration 014; platform/text/search-terms.ts). */
export interface SearchTermTable {
  day: string;
  /** policies | buildings | content | appeals_kb */
  scope: string;
  term: string;
  count: number;
}

/** Content (migration 013, modules/content): articles in four channels. */
export interface ContentArticleTable {
  id: string;
  channel: string;
  title: string;
  summary: string;
  source: string;
  bodyHtml: string;
  /** 0/1 */
  pinned: number;
  eventStartsAt: string | null;
  eventPlace: string | null;
  /** draft | published | archived */
  status: string;
  publishAt: string | null;
  firstPublishedAt: string | null;
  views: number;
  version: number;
  createdBy: string | null;
  updatedBy: string | null;
  createdAt: string;
  updatedAt: string;
}

/** Service guides (办事指南). */
export interface ContentGuideTable {
  id: string;
  category: string;
  title: string;
  summary: string;
  timeLimit: string;
  fees: string;
  /** JSON { title, detail }[] */
  steps: unknown;
  /** JSON { name, copies, note }[] */
  materials: unknown;
  place: string;
  hours: string;
  phone: string;
  onlineUrl: string | null;
  basis: string;
  status: string;
  publishAt: string | null;
  firstPublishedAt: string | null;
  version: number;
  createdBy: string | null;
  updatedBy: string | null;
  createdAt: string;
  updatedAt: string;
}

/** Files attached to an article or a guide. */
export interface ContentAttachmentTable {
  id: string;
  /** article | guide */
  ownerType: string;
  ownerId: string;
  fileId: string;
  createdBy: string | null;
  createdAt: string;
}

export interface ContentActionPlanTable {
  id: string;
  title: string;
  year: number;
  summary: string;
  status: string;
  publishAt: string | null;
  createdAt: string;
  updatedAt: string;
}

export interface ContentPlanGroupTable {
  id: string;
  planId: string;
  seq: number;
  title: string;
}

export interface ContentMeasureTable {
  id: string;
  planId: string;
  groupId: string;
  seq: number;
  title: string;
  content: string;
  departmentId: string;
  /** YYYY-MM-DD */
  deadline: string;
  /** MEASURE_STATUSES as stored */
  status: string;
  progress: number;
  version: number;
  updatedBy: string | null;
  createdAt: string;
  updatedAt: string;
}

export interface ContentMeasureNoteTable {
  id: string;
  measureId: string;
  at: string;
  text: string;
  status: string;
  progress: number;
  authorId: string | null;
  authorName: string | null;
}

/** 走访记录 (migration 016). */
export interface EnterpriseVisitTable {
  id: string;
  enterpriseId: string;
  liaisonId: string;
  /** YYYY-MM-DD */
  visitedOn: string;
  /** VISIT_FORMS */
  form: string;
  /** JSON [{ name, post }] */
  people: unknown;
  /** JSON VISIT_TOPICS codes */
  topics: unknown;
  topicNote: string;
  discussion: string;
  note: string;
  nextVisitOn: string | null;
  version: number;
  createdAt: string;
  updatedAt: string;
}

export interface EnterpriseVisitProblemTable {
  id: string;
  visitId: string;
  seq: number;
  text: string;
  /** VISIT_PROBLEM_STATUSES */
  status: string;
  appealId: string | null;
  updatedAt: string;
}

export interface EnterpriseVisitNoteTable {
  id: string;
  visitId: string;
  authorId: string;
  text: string;
  createdAt: string;
}

export interface Database {
  departments: DepartmentTable;
  contentArticles: ContentArticleTable;
  contentGuides: ContentGuideTable;
  contentAttachments: ContentAttachmentTable;
  contentActionPlans: ContentActionPlanTable;
  contentPlanGroups: ContentPlanGroupTable;
  contentMeasures: ContentMeasureTable;
  contentMeasureNotes: ContentMeasureNoteTable;
  users: UserTable;
  userRoles: UserRoleTable;
  sessions: SessionTable;
  loginAttempts: LoginAttemptTable;
  smsCodes: SmsCodeTable;
  userTotp: UserTotpTable;
  userRecoveryCodes: UserRecoveryCodeTable;
  loginChallenges: LoginChallengeTable;
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
  jobState: JobStateTable;
  enterpriseFactChanges: EnterpriseFactChangeTable;
  searchEntries: SearchEntryTable;
  files: FileTable;
  policyDocuments: PolicyDocumentTable;
  policyDocumentVersions: PolicyDocumentVersionTable;
  policyDocumentTopics: PolicyDocumentTopicTable;
  policyInterpretations: PolicyInterpretationTable;
  policyInterpretationDocuments: PolicyInterpretationDocumentTable;
  policyPrograms: PolicyProgramTable;
  programRuleVersions: ProgramRuleVersionTable;
  programPushRecords: ProgramPushRecordTable;
  policySubscriptions: PolicySubscriptionTable;
  policyClaims: PolicyClaimTable;
  policyClaimEvents: PolicyClaimEventTable;
  notifications: NotificationTable;
  notificationPreferences: NotificationPreferenceTable;
  notificationOutbox: NotificationOutboxTable;
  appealTopics: AppealTopicTable;
  appealSettings: AppealSettingTable;
  appeals: AppealTable;
  appealDepartments: AppealDepartmentTable;
  appealEvents: AppealEventTable;
  appealFiles: AppealFileTable;
  appealReminders: AppealReminderTable;
  appealKb: AppealKbTable;
  buildings: BuildingTable;
  buildingSpaces: BuildingSpaceTable;
  buildingOccupants: BuildingOccupantTable;
  buildingProjects: BuildingProjectTable;
  buildingPhotos: BuildingPhotoTable;
  buildingHeat: BuildingHeatTable;
  changeCounters: ChangeCounterTable;
  buildingChanges: BuildingChangeTable;
  buildingViews: BuildingViewTable;
  buildingFavourites: BuildingFavouriteTable;
  viewingRequests: ViewingRequestTable;
  buildingImports: BuildingImportTable;
  searchTerms: SearchTermTable;
  enterpriseVisits: EnterpriseVisitTable;
  enterpriseVisitProblems: EnterpriseVisitProblemTable;
  enterpriseVisitNotes: EnterpriseVisitNoteTable;
}
