import { z } from 'zod';
import { BUILDING_GRADES, BUILDING_USES, DECORATIONS, RENT_UNITS, SPACE_STATUSES } from './buildings';

/**
 * Request and response schemas of the buildings API (SPEC §2.5, contract in notes/buildings-api.md). The search
 * filters are shared by the public search, the editor's list and the export.
 */

// ——— helpers ———

/** A comma-separated query value (`a,b`) or a repeated one (`?x=a&x=b`) → a list without blanks. */
const commaList = <T extends z.ZodType<unknown, string>>(item: T, max = 20) =>
  z
    .union([z.string(), z.array(z.string())])
    .transform((v) =>
      (Array.isArray(v) ? v : [v])
        .flatMap((s) => s.split(/[,，]/))
        .map((s) => s.trim())
        .filter(Boolean),
    )
    .pipe(z.array(item).max(max));

const flag = z
  .enum(['1', '0', 'true', 'false'])
  .transform((v) => v === '1' || v === 'true')
  .optional();
const positive = z.coerce.number().positive().max(2_000_000);
const date = z.string().regex(/^\d{4}-\d{2}-\d{2}$/, '日期格式应为 YYYY-MM-DD');

export const BUILDING_SORTS = [
  'relevance',
  'heat',
  'rent_asc',
  'rent_desc',
  'area_asc',
  'area_desc',
  'vacancy_desc',
] as const;
export type BuildingSort = (typeof BUILDING_SORTS)[number];
export const TAX_FLAGS = ['yi_yuan', 'qian_wan_yuan'] as const;
export const VIEWING_STATUSES = ['pending', 'contacted', 'viewed', 'closed', 'cancelled'] as const;
export type ViewingStatus = (typeof VIEWING_STATUSES)[number];
export const VIEWING_STATUS_LABELS: Record<ViewingStatus, string> = {
  pending: '待联系',
  contacted: '已联系',
  viewed: '已看房',
  closed: '已完成',
  cancelled: '已取消',
};
export const PROJECT_STATUSES = ['negotiating', 'signed', 'settled', 'dropped'] as const;
export type ProjectStatus = (typeof PROJECT_STATUSES)[number];
export const PROJECT_STATUS_LABELS: Record<ProjectStatus, string> = {
  negotiating: '洽谈中',
  signed: '已签约',
  settled: '已落地',
  dropped: '已终止',
};
export const BUILDING_SOURCES = ['manual', 'import', 'survey', 'enterprise_report'] as const;
export const BUILDING_SOURCE_LABELS: Record<(typeof BUILDING_SOURCES)[number], string> = {
  manual: '人工录入',
  import: '表格导入',
  survey: '实地走访',
  enterprise_report: '企业报送',
};

// ——— search ———

export const buildingSearchQuerySchema = z.object({
  q: z.string().trim().max(64).optional(),
  /** Street codes. */
  street: commaList(z.string().min(1).max(20)).optional(),
  grade: commaList(z.enum(BUILDING_GRADES)).optional(),
  use: commaList(z.enum(BUILDING_USES)).optional(),
  /** ㎡ of one vacant space. */
  areaMin: positive.optional(),
  areaMax: positive.optional(),
  rentMin: positive.optional(),
  rentMax: positive.optional(),
  rentUnit: z.enum(RENT_UNITS).default('yuan_per_sqm_month'),
  vacantNow: flag,
  tags: commaList(z.string().min(1).max(30)).optional(),
  taxFlag: z.enum(TAX_FLAGS).optional(),
  sort: z.enum(BUILDING_SORTS).optional(),
  page: z.coerce.number().int().min(1).max(10_000).default(1),
  pageSize: z.coerce.number().int().min(1).max(50).default(20),
});
export type BuildingSearchQuery = z.output<typeof buildingSearchQuerySchema>;

/** The editor's list: the search filters plus archived buildings and "not verified for staleDays". */
export const buildingManageQuerySchema = buildingSearchQuerySchema.extend({
  status: z.enum(['active', 'archived', 'all']).default('all'),
  stale: flag,
});
export type BuildingManageQuery = z.output<typeof buildingManageQuerySchema>;

const range = z.object({ min: z.number(), max: z.number() });
export const buildingCardSchema = z.object({
  id: z.string(),
  name: z.string(),
  street: z.object({ code: z.string(), name: z.string() }),
  address: z.string(),
  grade: z.string(),
  use: z.string(),
  tags: z.array(z.string()),
  lat: z.number().nullable(),
  lng: z.number().nullable(),
  spaceCount: z.number(),
  vacantCount: z.number(),
  /** Total vacant area and the range of one vacant space, ㎡. */
  vacantAreaTotal: z.number(),
  vacantArea: range.nullable(),
  /** Rent of the vacant spaces: 元/㎡·月 and 元/㎡·天 (monthly / (365/12)). */
  rentMonthly: range.nullable(),
  rentDaily: range.nullable(),
  vacancyRate: z.number(),
  taxFlag: z.enum(TAX_FLAGS).nullable(),
  heat: z.number(),
  coverPhotoUrl: z.string().nullable(),
  stale: z.boolean(),
  lastVerifiedOn: z.string().nullable(),
  status: z.string(),
  /** With a keyword: the name and the best passage, escaped HTML with the matches in <mark>. */
  highlight: z.object({ nameHtml: z.string(), snippet: z.string() }).nullable(),
});
export type BuildingCard = z.infer<typeof buildingCardSchema>;

export const buildingSearchSchema = z.object({
  items: z.array(buildingCardSchema),
  total: z.number(),
  page: z.number(),
  pageSize: z.number(),
  /** The surfaces highlighted (for clients marking text themselves). */
  terms: z.array(z.string()),
});

export const hotBuildingsQuerySchema = z.object({ limit: z.coerce.number().int().min(1).max(50).default(6) });
export const hotBuildingsSchema = z.object({
  items: z.array(
    buildingCardSchema.extend({
      rank: z.number(),
      views: z.number(),
      favourites: z.number(),
      viewingRequests: z.number(),
    }),
  ),
});

export const buildingMapSchema = z.object({
  tileUrl: z.string().nullable(),
  attribution: z.string().nullable(),
  items: z.array(
    z.object({
      id: z.string(),
      name: z.string(),
      lat: z.number(),
      lng: z.number(),
      grade: z.string(),
      vacantCount: z.number(),
      rentMonthly: range.nullable(),
    }),
  ),
});

// ——— detail ———

export const spaceSchema = z.object({
  id: z.string(),
  buildingId: z.string(),
  floor: z.number(),
  unit: z.string(),
  area: z.number(),
  rentAmount: z.number().nullable(),
  rentUnit: z.enum(RENT_UNITS).nullable(),
  rentMonthly: z.number().nullable(),
  rentDaily: z.number().nullable(),
  status: z.enum(SPACE_STATUSES),
  decoration: z.string().nullable(),
  availableFrom: z.string().nullable(),
  orientation: z.string().nullable(),
  description: z.string(),
  source: z.string(),
  lastVerifiedOn: z.string().nullable(),
  updatedAt: z.string(),
});
export type Space = z.infer<typeof spaceSchema>;

export const occupantSchema = z.object({
  id: z.string(),
  buildingId: z.string(),
  spaceId: z.string().nullable(),
  /** Only for staff: the link into the enterprise library. */
  enterpriseId: z.string().nullable(),
  enterpriseName: z.string(),
  floor: z.number().nullable(),
  unit: z.string().nullable(),
  area: z.number().nullable(),
  movedInOn: z.string().nullable(),
  movedOutOn: z.string().nullable(),
  source: z.string(),
  lastVerifiedOn: z.string().nullable(),
});

export const projectSchema = z.object({
  id: z.string(),
  buildingId: z.string().nullable(),
  buildingName: z.string().nullable(),
  name: z.string(),
  industry: z.string().nullable(),
  investor: z.string().nullable(),
  investmentWan: z.number().nullable(),
  areaNeeded: z.number().nullable(),
  status: z.enum(PROJECT_STATUSES),
  description: z.string(),
  signedOn: z.string().nullable(),
  source: z.string(),
  lastVerifiedOn: z.string().nullable(),
  updatedAt: z.string(),
});

export const photoSchema = z.object({
  id: z.string(),
  url: z.string(),
  caption: z.string(),
  sortOrder: z.number(),
});

export const buildingDetailSchema = buildingCardSchema.extend({
  floorsAbove: z.number().nullable(),
  floorsBelow: z.number().nullable(),
  grossArea: z.number().nullable(),
  completedYear: z.number().nullable(),
  developer: z.string().nullable(),
  propertyManager: z.string().nullable(),
  contactName: z.string().nullable(),
  /** Masked (138****5678) for everyone but the building editors, who keep the record. */
  contactPhone: z.string().nullable(),
  description: z.string(),
  leasableArea: z.number(),
  occupantTaxWan: z.number().nullable(),
  source: z.string(),
  sourceNote: z.string().nullable(),
  photos: z.array(photoSchema),
  /** Vacant and reserved spaces (every space for the building editor). */
  spaces: z.array(spaceSchema),
  occupants: z.array(occupantSchema),
  projects: z.array(projectSchema),
  favourite: z.boolean(),
  createdAt: z.string(),
  updatedAt: z.string(),
});
export type BuildingDetail = z.infer<typeof buildingDetailSchema>;

// ——— editor input ———

const text = (max: number) => z.string().trim().max(max);
const optionalText = (max: number) => text(max).nullable().optional();

export const buildingInputSchema = z.strictObject({
  name: text(100).min(1),
  /** Street code or name (香港中路, 香港中路街道 …). */
  street: text(40).min(1),
  address: text(200).min(1),
  lat: z.number().min(-90).max(90).nullable().optional(),
  lng: z.number().min(-180).max(180).nullable().optional(),
  grade: z.enum(BUILDING_GRADES),
  use: z.enum(BUILDING_USES),
  floorsAbove: z.number().int().min(1).max(200).nullable().optional(),
  floorsBelow: z.number().int().min(0).max(20).nullable().optional(),
  grossArea: z.number().positive().max(2_000_000).nullable().optional(),
  completedYear: z.number().int().min(1850).max(2100).nullable().optional(),
  developer: optionalText(100),
  propertyManager: optionalText(100),
  contactName: optionalText(30),
  contactPhone: optionalText(40),
  description: text(5000).optional(),
  tags: z.array(text(20).min(1)).max(20).optional(),
  source: z.enum(BUILDING_SOURCES).optional(),
  sourceNote: optionalText(200),
  /** Set last_verified_on to today. */
  verified: z.boolean().optional(),
});
export type BuildingInput = z.output<typeof buildingInputSchema>;
export const buildingUpdateSchema = buildingInputSchema.partial();
export type BuildingUpdate = z.output<typeof buildingUpdateSchema>;

export const spaceInputSchema = z.strictObject({
  floor: z.number().int(),
  unit: text(30).min(1),
  /** ㎡ */
  area: z.number(),
  /** The rent as entered, with its unit (both or neither). */
  rentAmount: z.number().nullable().optional(),
  rentUnit: z.enum(RENT_UNITS).nullable().optional(),
  status: z.enum(SPACE_STATUSES),
  decoration: z.enum(DECORATIONS).nullable().optional(),
  availableFrom: date.nullable().optional(),
  orientation: optionalText(20),
  description: text(2000).optional(),
  source: z.enum(BUILDING_SOURCES).optional(),
  verified: z.boolean().optional(),
});
export type SpaceInput = z.output<typeof spaceInputSchema>;
export const spaceUpdateSchema = spaceInputSchema.partial();
export type SpaceUpdate = z.output<typeof spaceUpdateSchema>;

export const occupantInputSchema = z.strictObject({
  /** Link to the enterprise library (optional); the name is required either way. */
  enterpriseId: z.string().max(64).nullable().optional(),
  enterpriseName: text(100).min(1),
  spaceId: z.string().max(64).nullable().optional(),
  floor: z.number().int().nullable().optional(),
  unit: optionalText(30),
  area: z.number().nullable().optional(),
  movedInOn: date.nullable().optional(),
  source: z.enum(BUILDING_SOURCES).optional(),
  verified: z.boolean().optional(),
});
export type OccupantInput = z.output<typeof occupantInputSchema>;
export const occupantUpdateSchema = occupantInputSchema.partial();
export type OccupantUpdate = z.output<typeof occupantUpdateSchema>;
export const moveOutSchema = z.strictObject({ movedOutOn: date.optional() });

export const projectInputSchema = z.strictObject({
  name: text(100).min(1),
  industry: optionalText(50),
  investor: optionalText(100),
  investmentWan: z.number().min(0).max(10_000_000).nullable().optional(),
  areaNeeded: z.number().positive().max(2_000_000).nullable().optional(),
  status: z.enum(PROJECT_STATUSES),
  description: text(5000).optional(),
  signedOn: date.nullable().optional(),
  source: z.enum(BUILDING_SOURCES).optional(),
  verified: z.boolean().optional(),
});
export type ProjectInput = z.output<typeof projectInputSchema>;
export const projectUpdateSchema = projectInputSchema.partial().extend({
  /** Move the project to another building (null: none). */
  buildingId: z.string().max(64).nullable().optional(),
});
export type ProjectUpdate = z.output<typeof projectUpdateSchema>;
export const projectListQuerySchema = z.object({
  buildingId: z.string().max(64).optional(),
  status: z.enum(PROJECT_STATUSES).optional(),
  page: z.coerce.number().int().min(1).default(1),
  pageSize: z.coerce.number().int().min(1).max(100).default(20),
});
export const projectListSchema = z.object({
  items: z.array(projectSchema),
  total: z.number(),
  page: z.number(),
  pageSize: z.number(),
});

export const photoInputSchema = z.strictObject({
  fileId: z.string().min(1).max(64),
  caption: text(100).optional(),
  sortOrder: z.number().int().min(0).max(1000).optional(),
});

// ——— viewing requests (看房预约) ———

export const viewingRequestInputSchema = z.strictObject({
  spaceId: z.string().max(64).nullable().optional(),
  name: text(30).min(1),
  phone: text(40).min(1),
  company: optionalText(100),
  preferredDate: date.nullable().optional(),
  areaNeeded: z.number().positive().max(2_000_000).nullable().optional(),
  message: text(1000).optional(),
});
export type ViewingRequestInput = z.output<typeof viewingRequestInputSchema>;

export const viewingRequestSchema = z.object({
  id: z.string(),
  buildingId: z.string(),
  buildingName: z.string(),
  spaceId: z.string().nullable(),
  spaceLabel: z.string().nullable(),
  name: z.string(),
  phone: z.string(),
  company: z.string().nullable(),
  preferredDate: z.string().nullable(),
  areaNeeded: z.number().nullable(),
  message: z.string(),
  status: z.enum(VIEWING_STATUSES),
  handlerNote: z.string().nullable(),
  createdAt: z.string(),
  updatedAt: z.string(),
});
export const viewingRequestListSchema = z.object({
  items: z.array(viewingRequestSchema),
  total: z.number(),
  page: z.number(),
  pageSize: z.number(),
});
export const viewingQueueQuerySchema = z.object({
  status: z.enum(VIEWING_STATUSES).optional(),
  buildingId: z.string().max(64).optional(),
  page: z.coerce.number().int().min(1).default(1),
  pageSize: z.coerce.number().int().min(1).max(100).default(20),
});
export const viewingStatusInputSchema = z.strictObject({
  status: z.enum(VIEWING_STATUSES),
  handlerNote: text(1000).nullable().optional(),
});

// ——— import (owned by buildings-import: modules/buildings/import.ts, import-routes.ts) ———

export const IMPORT_SHEETS = ['buildings', 'spaces'] as const;
export type ImportSheet = (typeof IMPORT_SHEETS)[number];
export const IMPORT_ROW_STATUSES = ['ok', 'warning', 'error', 'skipped'] as const;
export type ImportRowStatus = (typeof IMPORT_ROW_STATUSES)[number];
/** create: new record; attach: a 楼宇 row merged into an existing building; update: an existing space. */
export const IMPORT_ACTIONS = ['create', 'attach', 'update'] as const;
export type ImportAction = (typeof IMPORT_ACTIONS)[number];

export const importIssueSchema = z.object({
  /** The column header as in the template; null for a row-level message. */
  column: z.string().nullable(),
  level: z.enum(['error', 'warning', 'info']),
  message: z.string(),
});
export type ImportIssue = z.infer<typeof importIssueSchema>;

export const importDuplicateSchema = z.object({
  /** An existing building or space id, or null for a row of the same file. */
  id: z.string().nullable(),
  label: z.string(),
  score: z.number(),
  reasons: z.array(z.string()),
});

export const importRowSchema = z.object({
  sheet: z.enum(IMPORT_SHEETS),
  /** Excel row number (the header is row 1). */
  row: z.number().int(),
  status: z.enum(IMPORT_ROW_STATUSES),
  action: z.enum(IMPORT_ACTIONS).nullable(),
  /** 楼宇名称, or 楼宇名称 + floor + unit for a space. */
  label: z.string(),
  issues: z.array(importIssueSchema),
  /** Normalised values by column header (what will be stored), e.g. 租金 → "3.5 元/㎡·天（折合 106.46 元/㎡·月）". */
  values: z.record(z.string(), z.string()).optional(),
  duplicates: z.array(importDuplicateSchema).optional(),
});
export type ImportRow = z.infer<typeof importRowSchema>;

export const importSummarySchema = z.object({
  rows: z.number().int(),
  ok: z.number().int(),
  withWarnings: z.number().int(),
  withErrors: z.number().int(),
  skipped: z.number().int(),
  newBuildings: z.number().int(),
  /** 楼宇 rows merged into existing buildings (their filled fields update the building). */
  updatedBuildings: z.number().int(),
  newSpaces: z.number().int(),
  updatedSpaces: z.number().int(),
});
export type ImportSummary = z.infer<typeof importSummarySchema>;

export const importReportSchema = z.object({
  fileName: z.string(),
  sheets: z.array(
    z.object({
      name: z.string(),
      kind: z.enum(IMPORT_SHEETS),
      rows: z.number().int(),
      /** Columns not in the template, ignored. */
      ignoredColumns: z.array(z.string()),
    }),
  ),
  summary: importSummarySchema,
  /** True when no row has an error (commit allowed). */
  canCommit: z.boolean(),
  /**
   * Every row's status, action and issues. `values` (the normalised cells) is included for rows with issues or
   * duplicates and for the first rows; page through all of them with GET /buildings/import/:id/rows.
   */
  rows: z.array(importRowSchema),
});
export type ImportReport = z.infer<typeof importReportSchema>;

export const importPreviewSchema = z.object({
  importId: z.string(),
  status: z.enum(['previewed', 'committed', 'discarded']),
  createdAt: z.string(),
  report: importReportSchema,
});
export type ImportPreview = z.infer<typeof importPreviewSchema>;

export const importRowsQuerySchema = z.object({
  sheet: z.enum(IMPORT_SHEETS).optional(),
  status: z.enum(IMPORT_ROW_STATUSES).optional(),
  page: z.coerce.number().int().min(1).default(1),
  pageSize: z.coerce.number().int().min(1).max(500).default(100),
});
export const importRowsSchema = z.object({
  items: z.array(importRowSchema),
  total: z.number().int(),
  page: z.number().int(),
  pageSize: z.number().int(),
});

export const importCommitResultSchema = z.object({
  importId: z.string(),
  status: z.literal('committed'),
  summary: importSummarySchema,
  /** Buildings created or changed (new ones first). */
  buildingIds: z.array(z.string()),
});
export type ImportCommitResult = z.infer<typeof importCommitResultSchema>;
