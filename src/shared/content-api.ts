import { z } from 'zod';

/**
 * Request and response schemas of the content API (SPEC §2.6 信息资讯, contract in notes/content-contract.md):
 * articles in four channels, service guides (办事指南) and the action plan (行动方案) with its measures.
 */

// ——— kinds ———

export const ARTICLE_CHANNELS = ['notice', 'news', 'interpretation', 'event'] as const;
export type ArticleChannel = (typeof ARTICLE_CHANNELS)[number];
export const ARTICLE_CHANNEL_LABELS: Record<ArticleChannel, string> = {
  notice: '通知公告',
  news: '工作动态',
  interpretation: '政策解读',
  event: '活动',
};

export const CONTENT_STATUSES = ['draft', 'published', 'archived'] as const;
export type ContentStatus = (typeof CONTENT_STATUSES)[number];
export const CONTENT_STATUS_LABELS: Record<ContentStatus, string> = {
  draft: '草稿',
  published: '已发布',
  archived: '已归档',
};

/** The state shown: `scheduled` = published with publishAt in the future (computed by the server). */
export const CONTENT_DISPLAY_STATES = ['draft', 'scheduled', 'published', 'archived'] as const;
export type ContentDisplayState = (typeof CONTENT_DISPLAY_STATES)[number];
export const CONTENT_DISPLAY_STATE_LABELS: Record<ContentDisplayState, string> = {
  draft: '草稿',
  scheduled: '定时发布',
  published: '已发布',
  archived: '已归档',
};

export const GUIDE_CATEGORIES = [
  'startup',
  'policy',
  'tax',
  'talent',
  'construction',
  'property',
  'other',
] as const;
export type GuideCategory = (typeof GUIDE_CATEGORIES)[number];
export const GUIDE_CATEGORY_LABELS: Record<GuideCategory, string> = {
  startup: '企业开办',
  policy: '政策兑现',
  tax: '税务办理',
  talent: '人才服务',
  construction: '工程建设',
  property: '不动产与租赁',
  other: '其他',
};

export const MEASURE_STATUSES = ['not_started', 'in_progress', 'done', 'delayed'] as const;
export type MeasureStatus = (typeof MEASURE_STATUSES)[number];
export const MEASURE_STATUS_LABELS: Record<MeasureStatus, string> = {
  not_started: '未启动',
  in_progress: '推进中',
  done: '已完成',
  delayed: '滞后',
};

/** Attachment types accepted (pdf, docx, xlsx, png, jpg). */
export const CONTENT_ATTACHMENT_MIME_TYPES = [
  'application/pdf',
  'application/vnd.openxmlformats-officedocument.wordprocessingml.document',
  'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet',
  'image/png',
  'image/jpeg',
] as const;

// ——— helpers ———

const text = (max: number) => z.string().trim().max(max);
const page = z.coerce.number().int().min(1).max(10_000).default(1);
const pageSize = z.coerce.number().int().min(1).max(100).default(20);
const isoDateTime = z.iso.datetime({ offset: true });
const ymd = z.string().regex(/^\d{4}-\d{2}-\d{2}$/, '日期格式应为 YYYY-MM-DD');
const highlightSchema = z.object({ title: z.string().optional(), summary: z.string().optional() });
const listOf = <T extends z.ZodType>(item: T) =>
  z.object({ items: z.array(item), total: z.number(), page: z.number(), pageSize: z.number() });

/** Longest article / guide body accepted, characters of HTML. */
export const CONTENT_BODY_MAX = 200_000;

// ——— records ———

export const attachmentSchema = z.object({
  id: z.string(),
  name: z.string(),
  size: z.number(),
  mime: z.string(),
  /** Public download path (/api/v1/content/attachments/:id). */
  url: z.string(),
});
export type Attachment = z.infer<typeof attachmentSchema>;

export const articleSummarySchema = z.object({
  id: z.string(),
  channel: z.enum(ARTICLE_CHANNELS),
  title: z.string(),
  summary: z.string(),
  source: z.string(),
  /** ISO UTC; null for a draft never published. */
  publishAt: z.string().nullable(),
  pinned: z.boolean(),
  state: z.enum(CONTENT_DISPLAY_STATES),
  eventStartsAt: z.string().nullable(),
  eventPlace: z.string().nullable(),
  /** Escaped HTML with the matches in <mark>, present when `q` was given. */
  highlight: highlightSchema.optional(),
});
export type ArticleSummary = z.infer<typeof articleSummarySchema>;

export const articleSchema = articleSummarySchema.extend({
  bodyHtml: z.string(),
  attachments: z.array(attachmentSchema),
  views: z.number(),
  updatedAt: z.string(),
});
export type Article = z.infer<typeof articleSchema>;

const editorFields = {
  status: z.enum(CONTENT_STATUSES),
  version: z.number().int(),
  createdAt: z.string(),
  createdByName: z.string().nullable(),
  updatedByName: z.string().nullable(),
};

/** The editor's list row (all states). */
export const articleEditorSummarySchema = articleSummarySchema.extend({
  ...editorFields,
  updatedAt: z.string(),
  views: z.number(),
});
/** The editor's record: list row + body + attachments. */
export const articleEditorViewSchema = articleSchema.extend(editorFields);
export type ArticleEditorView = z.infer<typeof articleEditorViewSchema>;
export type ArticleEditorSummary = z.infer<typeof articleEditorSummarySchema>;

export const guideStepSchema = z.object({ title: z.string(), detail: z.string() });
export type GuideStep = z.infer<typeof guideStepSchema>;
export const guideMaterialSchema = z.object({ name: z.string(), copies: z.string(), note: z.string() });
export type GuideMaterial = z.infer<typeof guideMaterialSchema>;

export const guideSummarySchema = z.object({
  id: z.string(),
  category: z.enum(GUIDE_CATEGORIES),
  title: z.string(),
  summary: z.string(),
  /** 办理时限, e.g. "即来即办" / "5 个工作日". */
  timeLimit: z.string(),
  /** 收费标准, e.g. "免费". */
  fees: z.string(),
  state: z.enum(CONTENT_DISPLAY_STATES),
  updatedAt: z.string(),
  highlight: highlightSchema.optional(),
});
export type GuideSummary = z.infer<typeof guideSummarySchema>;

export const guideSchema = guideSummarySchema.extend({
  steps: z.array(guideStepSchema),
  materials: z.array(guideMaterialSchema),
  place: z.string(),
  hours: z.string(),
  phone: z.string(),
  onlineUrl: z.string().nullable(),
  /** 设定依据. */
  basis: z.string(),
  attachments: z.array(attachmentSchema),
  publishAt: z.string().nullable(),
});
export type Guide = z.infer<typeof guideSchema>;

export const guideEditorSummarySchema = guideSummarySchema.extend({
  ...editorFields,
  publishAt: z.string().nullable(),
});
export const guideEditorViewSchema = guideSchema.extend(editorFields);
export type GuideEditorView = z.infer<typeof guideEditorViewSchema>;
export type GuideEditorSummary = z.infer<typeof guideEditorSummarySchema>;

export const measureNoteSchema = z.object({
  id: z.string(),
  at: z.string(),
  text: z.string(),
  authorName: z.string().nullable(),
});
export type MeasureNote = z.infer<typeof measureNoteSchema>;

export const measureSchema = z.object({
  id: z.string(),
  groupId: z.string(),
  seq: z.number().int(),
  title: z.string(),
  content: z.string(),
  departmentId: z.string(),
  departmentName: z.string(),
  /** YYYY-MM-DD */
  deadline: z.string(),
  /** What the editor set. */
  storedStatus: z.enum(MEASURE_STATUSES),
  /** Derived: not done past its deadline → delayed. */
  status: z.enum(MEASURE_STATUSES),
  /** 0–100 */
  progress: z.number(),
  updatedAt: z.string(),
  /** Newest first. */
  notes: z.array(measureNoteSchema),
});
export type Measure = z.infer<typeof measureSchema>;
/** The editor's measure adds `version`. */
export const measureEditorViewSchema = measureSchema.extend({ version: z.number().int() });
export type MeasureEditorView = z.infer<typeof measureEditorViewSchema>;

export const actionPlanSummarySchema = z.object({
  id: z.string(),
  title: z.string(),
  year: z.number().int(),
  summary: z.string(),
  measureCount: z.number(),
  doneCount: z.number(),
  publishAt: z.string().nullable(),
});
export type ActionPlanSummary = z.infer<typeof actionPlanSummarySchema>;

const measureCountsSchema = z.object({
  not_started: z.number(),
  in_progress: z.number(),
  done: z.number(),
  delayed: z.number(),
});

export const actionPlanSchema = z.object({
  id: z.string(),
  title: z.string(),
  year: z.number().int(),
  summary: z.string(),
  publishAt: z.string().nullable(),
  updatedAt: z.string(),
  counts: measureCountsSchema,
  groups: z.array(
    z.object({ id: z.string(), seq: z.number().int(), title: z.string(), measures: z.array(measureSchema) }),
  ),
});
export type ActionPlan = z.infer<typeof actionPlanSchema>;

export const actionPlanEditorViewSchema = actionPlanSchema.extend({
  status: z.enum(CONTENT_STATUSES),
  groups: z.array(
    z.object({
      id: z.string(),
      seq: z.number().int(),
      title: z.string(),
      measures: z.array(measureEditorViewSchema),
    }),
  ),
});
export type ActionPlanEditorView = z.infer<typeof actionPlanEditorViewSchema>;

// ——— lists ———

export const articleListQuerySchema = z.object({
  channel: z.enum(ARTICLE_CHANNELS).optional(),
  q: text(64).optional(),
  page,
  pageSize,
});
export type ArticleListQuery = z.output<typeof articleListQuerySchema>;
export const articleListSchema = listOf(articleSummarySchema);

export const guideListQuerySchema = z.object({
  category: z.enum(GUIDE_CATEGORIES).optional(),
  q: text(64).optional(),
  page,
  pageSize,
});
export type GuideListQuery = z.output<typeof guideListQuerySchema>;
export const guideListSchema = listOf(guideSummarySchema);

export const actionPlanListSchema = z.object({ items: z.array(actionPlanSummarySchema) });

export const feedQuerySchema = z.object({ channel: z.enum(ARTICLE_CHANNELS).optional() });

export const articleManageQuerySchema = z.object({
  /** Stored status, or `scheduled` (published with publishAt in the future). */
  status: z.enum(CONTENT_DISPLAY_STATES).optional(),
  channel: z.enum(ARTICLE_CHANNELS).optional(),
  q: text(64).optional(),
  page,
  pageSize,
});
export type ArticleManageQuery = z.output<typeof articleManageQuerySchema>;
export const articleManageListSchema = listOf(articleEditorSummarySchema);

export const guideManageQuerySchema = z.object({
  status: z.enum(CONTENT_DISPLAY_STATES).optional(),
  category: z.enum(GUIDE_CATEGORIES).optional(),
  q: text(64).optional(),
  page,
  pageSize,
});
export type GuideManageQuery = z.output<typeof guideManageQuerySchema>;
export const guideManageListSchema = listOf(guideEditorSummarySchema);

// ——— editor input ———

export const articleInputSchema = z.strictObject({
  channel: z.enum(ARTICLE_CHANNELS),
  title: text(120).min(1, '请填写标题'),
  summary: text(500).default(''),
  source: text(60).default(''),
  bodyHtml: z.string().max(CONTENT_BODY_MAX, '正文过长'),
  pinned: z.boolean().optional(),
  /** ISO date-time (events). */
  eventStartsAt: isoDateTime.nullable().optional(),
  eventPlace: text(120).nullable().optional(),
});
export type ArticleInput = z.output<typeof articleInputSchema>;
export const articleUpdateSchema = z.strictObject({
  channel: z.enum(ARTICLE_CHANNELS).optional(),
  title: text(120).min(1, '请填写标题').optional(),
  summary: text(500).optional(),
  source: text(60).optional(),
  bodyHtml: z.string().max(CONTENT_BODY_MAX, '正文过长').optional(),
  pinned: z.boolean().optional(),
  eventStartsAt: isoDateTime.nullable().optional(),
  eventPlace: text(120).nullable().optional(),
  version: z.number().int().min(1),
});
export type ArticleUpdate = z.output<typeof articleUpdateSchema>;

const stepInput = z.strictObject({ title: text(100).min(1), detail: text(2000).default('') });
const materialInput = z.strictObject({
  name: text(200).min(1),
  copies: text(50).default(''),
  note: text(500).default(''),
});

export const guideInputSchema = z.strictObject({
  category: z.enum(GUIDE_CATEGORIES),
  title: text(120).min(1, '请填写标题'),
  summary: text(500).default(''),
  timeLimit: text(60).default(''),
  fees: text(120).default(''),
  steps: z.array(stepInput).max(30).default([]),
  materials: z.array(materialInput).max(50).default([]),
  place: text(200).default(''),
  hours: text(200).default(''),
  phone: text(60).default(''),
  onlineUrl: z
    .url({ protocol: /^https?$/ })
    .max(500)
    .nullable()
    .optional(),
  basis: text(2000).default(''),
});
export type GuideInput = z.output<typeof guideInputSchema>;
export const guideUpdateSchema = z.strictObject({
  category: z.enum(GUIDE_CATEGORIES).optional(),
  title: text(120).min(1, '请填写标题').optional(),
  summary: text(500).optional(),
  timeLimit: text(60).optional(),
  fees: text(120).optional(),
  steps: z.array(stepInput).max(30).optional(),
  materials: z.array(materialInput).max(50).optional(),
  place: text(200).optional(),
  hours: text(200).optional(),
  phone: text(60).optional(),
  onlineUrl: z
    .url({ protocol: /^https?$/ })
    .max(500)
    .nullable()
    .optional(),
  basis: text(2000).optional(),
  version: z.number().int().min(1),
});
export type GuideUpdate = z.output<typeof guideUpdateSchema>;

export const publishInputSchema = z.strictObject({
  version: z.number().int().min(1),
  /** Omitted = now; in the future = scheduled. */
  publishAt: isoDateTime.optional(),
});
export type PublishInput = z.output<typeof publishInputSchema>;
export const versionInputSchema = z.strictObject({ version: z.number().int().min(1) });

export const measureUpdateSchema = z.strictObject({
  title: text(200).min(1).optional(),
  content: text(2000).optional(),
  departmentId: z.string().min(1).max(64).optional(),
  deadline: ymd.optional(),
  version: z.number().int().min(1),
});
export type MeasureUpdate = z.output<typeof measureUpdateSchema>;

export const measureProgressSchema = z.strictObject({
  status: z.enum(MEASURE_STATUSES),
  progress: z.number().int().min(0).max(100),
  note: text(500).min(2, '请填写进展说明（至少 2 个字）'),
});
export type MeasureProgressInput = z.output<typeof measureProgressSchema>;
