import { z } from 'zod';
import { fileInfoSchema } from './files';
import {
  amountEstimateSchema,
  conditionOutcomeSchema,
  ELIGIBILITY_STATUSES,
  enterpriseFactsSchema,
  factQuestionSchema,
  gapItemSchema,
  type RuleSet,
} from './policy-rules';
import { isoDateSchema, phoneSchema } from './validation';

/**
 * Contracts of the policies module (SPEC §2.3, 政策服务): documents with versions, interpretations, benefit programs
 * with versioned eligibility rules, matching and the self-test, topic subscriptions, claims (兑现) from application
 * to payment and the public notice list, search and the application calendar. The web pages are built from these
 * schemas; the server validates with them and serialises through them.
 *
 * Conventions:
 * - money is in 元 (integers), as in the rules engine; the UI shows 万元 (`formatYuan` in policy-rules.ts);
 * - dates are `YYYY-MM-DD`, instants ISO 8601 UTC; "today" is the Asia/Shanghai calendar day of the server clock;
 * - every editable object carries `revision` (optimistic concurrency): a write names the revision it started from
 *   and gets 409 STALE_VERSION when someone saved in between. Documents also have `version`, the number of the
 *   published text (an edit of a published document makes version n + 1; old versions stay readable); programs
 *   have `rulesVersion`, the version of their eligibility rules;
 * - rich text (`bodyHtml`) is sanitised by the server with a strict allow-list before it is stored.
 */

// ——— enums and labels ———

export const POLICY_LEVELS = ['national', 'provincial', 'municipal', 'district'] as const;
export type PolicyLevel = (typeof POLICY_LEVELS)[number];
export const POLICY_LEVEL_LABELS: Record<PolicyLevel, string> = {
  national: '国家级',
  provincial: '省级',
  municipal: '市级',
  district: '区级',
};

/** draft → published → expired (过期, by date or by hand) | repealed (废止). */
export const DOCUMENT_STATUSES = ['draft', 'published', 'expired', 'repealed'] as const;
export type DocumentStatus = (typeof DOCUMENT_STATUSES)[number];
export const DOCUMENT_STATUS_LABELS: Record<DocumentStatus, string> = {
  draft: '草稿',
  published: '现行有效',
  expired: '已失效',
  repealed: '已废止',
};

export const INTERPRETATION_STATUSES = ['draft', 'published'] as const;
export type InterpretationStatus = (typeof INTERPRETATION_STATUSES)[number];

/** 免申即享 (the platform finds the eligible, the enterprise confirms) / 快申快享 / 一般申报. */
export const PROGRAM_MODES = ['no_application', 'quick_application', 'standard_application'] as const;
export type ProgramMode = (typeof PROGRAM_MODES)[number];
export const PROGRAM_MODE_LABELS: Record<ProgramMode, string> = {
  no_application: '免申即享',
  quick_application: '快申快享',
  standard_application: '一般申报',
};

/** draft → published → withdrawn (撤回, no new claims; existing claims continue). */
export const PROGRAM_STATUSES = ['draft', 'published', 'withdrawn'] as const;
export type ProgramStatus = (typeof PROGRAM_STATUSES)[number];
export const PROGRAM_STATUS_LABELS: Record<ProgramStatus, string> = {
  draft: '草稿',
  published: '已发布',
  withdrawn: '已撤回',
};

/** Where today stands against a program's application window. `always`: no window (常年受理). */
export const WINDOW_STATES = ['upcoming', 'open', 'closed', 'always'] as const;
export type WindowState = (typeof WINDOW_STATES)[number];
export const WINDOW_STATE_LABELS: Record<WindowState, string> = {
  upcoming: '即将开始',
  open: '申报中',
  closed: '已截止',
  always: '常年受理',
};

/**
 * Claim (兑现申请) lifecycle:
 *   candidate (免申即享: created by the platform) ─confirm─▶ submitted
 *   (application) ─────────────────────────────────────────▶ submitted
 *   submitted ─return─▶ returned ─resubmit─▶ submitted
 *   submitted ─approve─▶ approved ─pay─▶ paid;  submitted ─reject─▶ rejected
 *   candidate | submitted | returned ─withdraw (by the enterprise)─▶ withdrawn
 */
export const CLAIM_STATUSES = [
  'candidate',
  'submitted',
  'returned',
  'approved',
  'rejected',
  'paid',
  'withdrawn',
] as const;
export type ClaimStatus = (typeof CLAIM_STATUSES)[number];
export const CLAIM_STATUS_LABELS: Record<ClaimStatus, string> = {
  candidate: '待确认',
  submitted: '审核中',
  returned: '待补正',
  approved: '已通过',
  rejected: '未通过',
  paid: '已拨付',
  withdrawn: '已撤回',
};

export const CLAIM_ACTIONS = [
  'candidate',
  'submit',
  'confirm',
  'resubmit',
  'return',
  'approve',
  'reject',
  'pay',
  'withdraw',
] as const;
export type ClaimAction = (typeof CLAIM_ACTIONS)[number];
export const CLAIM_ACTION_LABELS: Record<ClaimAction, string> = {
  candidate: '平台生成免申即享名单',
  submit: '提交申请',
  confirm: '确认申领（意愿确认）',
  resubmit: '补正后重新提交',
  return: '退回补正',
  approve: '审核通过',
  reject: '审核不通过',
  pay: '资金拨付',
  withdraw: '撤回',
};

/** Topic tags of documents (and, through their document, programs); enterprises subscribe to them. */
export const POLICY_TOPICS = [
  { code: 'tech_innovation', label: '科技创新' },
  { code: 'specialized', label: '专精特新' },
  { code: 'digital_economy', label: '数字经济' },
  { code: 'talent', label: '人才引进' },
  { code: 'employment', label: '就业创业' },
  { code: 'finance', label: '金融服务' },
  { code: 'listing', label: '企业上市' },
  { code: 'building_economy', label: '楼宇经济' },
  { code: 'headquarters', label: '总部经济' },
  { code: 'commerce', label: '商贸消费' },
  { code: 'foreign_trade', label: '外贸开放' },
  { code: 'marine', label: '海洋经济' },
  { code: 'culture_tourism', label: '文化旅游' },
  { code: 'ip', label: '知识产权' },
  { code: 'growth', label: '企业升级' },
  { code: 'green', label: '绿色低碳' },
  { code: 'tax_relief', label: '减税降费' },
  { code: 'investment', label: '招商引资' },
] as const;
export type PolicyTopic = (typeof POLICY_TOPICS)[number]['code'];
export const POLICY_TOPIC_CODES = POLICY_TOPICS.map((t) => t.code) as [PolicyTopic, ...PolicyTopic[]];
export const POLICY_TOPIC_LABELS = Object.fromEntries(POLICY_TOPICS.map((t) => [t.code, t.label])) as Record<
  PolicyTopic,
  string
>;

// ——— building blocks ———

const text = (label: string, max: number, min = 1) =>
  z
    .string({ message: `${label}应为文字` })
    .trim()
    .min(min, min <= 1 ? `请填写${label}` : `${label}至少 ${min} 个字`)
    .max(max, `${label}不能超过 ${max} 个字`);

const optionalText = (label: string, max: number) =>
  z
    .string({ message: `${label}应为文字` })
    .trim()
    .max(max, `${label}不能超过 ${max} 个字`)
    .nullable()
    .transform((v) => (v === '' ? null : v));

const id = z.string().min(1).max(64);
const revisionSchema = z.number({ message: '缺少版本号 revision' }).int().min(1);
/** A whole number of 元, ≥ 0. */
export const yuanAmountSchema = z
  .number({ message: '金额应为数字（元）' })
  .int('金额应为以元为单位的整数')
  .min(0, '金额不能为负数')
  .max(1e11, '金额过大');
const pageFields = {
  page: z.coerce.number().int().min(1).default(1),
  pageSize: z.coerce.number().int().min(1).max(100).default(20),
};
const boolQuery = z.enum(['true', 'false']).transform((v) => v === 'true');

/**
 * 文号: issuing-body abbreviation, year in 〔〕 and a serial number, e.g. `青南政发〔2024〕12号`, `国发〔2023〕9号`.
 * Half-width or other brackets ([2024], （2024）) are accepted and normalised to 〔〕.
 */
export const DOC_NUMBER_RE = /^[\u4e00-\u9fa5A-Za-z]{1,20}〔(19|20)\d{2}〕\d{1,4}号$/;
export const docNumberSchema = z
  .string({ message: '文号应为文字' })
  .trim()
  .transform((v) => v.replace(/[[（(]\s*(\d{4})\s*[\]）)]/, '〔$1〕'))
  .refine((v) => DOC_NUMBER_RE.test(v), '文号格式应如“青南政发〔2024〕12号”');

const topicsSchema = z
  .array(z.enum(POLICY_TOPIC_CODES, { message: '主题不在主题列表中' }), { message: '主题应为列表' })
  .max(8, '主题最多 8 个')
  .transform((t) => [...new Set(t)]);
const fileIdsSchema = (max: number) =>
  z
    .array(id, { message: '附件应为列表' })
    .max(max, `附件最多 ${max} 个`)
    .transform((ids) => [...new Set(ids)]);
/** Rich text as HTML; the server keeps only the allowed tags and attributes. */
const bodyHtmlSchema = z.string({ message: '正文应为文字' }).max(300_000, '正文过长（最多 30 万字符）');

export const pagedSchema = <T extends z.ZodType>(item: T) =>
  z.object({
    items: z.array(item),
    total: z.number().int(),
    page: z.number().int(),
    pageSize: z.number().int(),
  });

export const departmentRefSchema = z.object({ id: z.string(), name: z.string() });

// ——— policy documents (政策文件) ———

const documentFields = {
  title: text('标题', 200, 2),
  docNumber: docNumberSchema.nullable().default(null),
  /** Issuing body (发文机关), e.g. 青岛市市南区人民政府. */
  issuer: text('发文机关', 60, 2),
  level: z.enum(POLICY_LEVELS, { message: '层级应为国家级、省级、市级或区级' }),
  topics: topicsSchema.default([]),
  issuedOn: isoDateSchema,
  effectiveOn: isoDateSchema.nullable().default(null),
  expiresOn: isoDateSchema.nullable().default(null),
  /** One paragraph for lists and search results. */
  summary: optionalText('摘要', 500).default(null),
  bodyHtml: bodyHtmlSchema.default(''),
  attachmentIds: fileIdsSchema(20).default([]),
};

function datesInOrder(
  v: { issuedOn: string; effectiveOn: string | null; expiresOn: string | null },
  ctx: z.RefinementCtx,
) {
  if (v.expiresOn && v.expiresOn < (v.effectiveOn ?? v.issuedOn)) {
    ctx.addIssue({ code: 'custom', path: ['expiresOn'], message: '失效日期不能早于生效（印发）日期' });
  }
  if (v.effectiveOn && v.effectiveOn < v.issuedOn) {
    ctx.addIssue({ code: 'custom', path: ['effectiveOn'], message: '生效日期不能早于印发日期' });
  }
}

export const documentInputSchema = z.strictObject(documentFields).superRefine(datesInOrder);
export type DocumentInput = z.input<typeof documentInputSchema>;

/** PUT: the whole document again, with the revision it was edited from; on a published document, a new version. */
export const documentUpdateSchema = z
  .strictObject({
    ...documentFields,
    revision: revisionSchema,
    /** What changed (shown in the version history), e.g. "根据市级文件调整申报条件". */
    changeNote: optionalText('修订说明', 200).default(null),
  })
  .superRefine(datesInOrder);
export type DocumentUpdate = z.input<typeof documentUpdateSchema>;

export const revisionInputSchema = z.strictObject({ revision: revisionSchema });

export const documentStatusInputSchema = z.strictObject({
  revision: revisionSchema,
  status: z.enum(['expired', 'repealed'], { message: '只能设为已失效或已废止' }),
  reason: text('原因', 200),
});

export const documentRefSchema = z.object({
  id: z.string(),
  title: z.string(),
  docNumber: z.string().nullable(),
  issuer: z.string(),
  level: z.enum(POLICY_LEVELS),
  status: z.enum(DOCUMENT_STATUSES),
});
export type DocumentRef = z.infer<typeof documentRefSchema>;

export const documentSummarySchema = documentRefSchema.extend({
  topics: z.array(z.string()),
  issuedOn: z.string(),
  effectiveOn: z.string().nullable(),
  expiresOn: z.string().nullable(),
  summary: z.string().nullable(),
  version: z.number().int(),
  revision: z.number().int(),
  publishedAt: z.string().nullable(),
  updatedAt: z.string(),
  programCount: z.number().int(),
});
export type DocumentSummary = z.infer<typeof documentSummarySchema>;

export const programBriefSchema = z.object({
  id: z.string(),
  title: z.string(),
  mode: z.enum(PROGRAM_MODES),
  status: z.enum(PROGRAM_STATUSES),
  windowStart: z.string().nullable(),
  windowEnd: z.string().nullable(),
  windowState: z.enum(WINDOW_STATES),
});
export type ProgramBrief = z.infer<typeof programBriefSchema>;

export const documentSchema = documentSummarySchema.extend({
  bodyHtml: z.string(),
  attachments: z.array(fileInfoSchema),
  interpretations: z.array(z.object({ id: z.string(), title: z.string() })),
  programs: z.array(programBriefSchema),
  /** Published versions, newest first (drafts have none yet). */
  versions: z.array(
    z.object({
      version: z.number().int(),
      changeNote: z.string().nullable(),
      createdAt: z.string(),
      createdByName: z.string().nullable(),
    }),
  ),
});
export type PolicyDocument = z.infer<typeof documentSchema>;

export const documentVersionSchema = z.object({
  documentId: z.string(),
  version: z.number().int(),
  /** True for the version in force now. */
  current: z.boolean(),
  title: z.string(),
  docNumber: z.string().nullable(),
  issuer: z.string(),
  level: z.enum(POLICY_LEVELS),
  topics: z.array(z.string()),
  issuedOn: z.string(),
  effectiveOn: z.string().nullable(),
  expiresOn: z.string().nullable(),
  summary: z.string().nullable(),
  bodyHtml: z.string(),
  attachments: z.array(fileInfoSchema),
  changeNote: z.string().nullable(),
  createdAt: z.string(),
  createdByName: z.string().nullable(),
});
export type DocumentVersion = z.infer<typeof documentVersionSchema>;

export const documentListQuerySchema = z.object({
  /** Substring of title or 文号. */
  q: z.string().trim().max(50).optional(),
  level: z.enum(POLICY_LEVELS).optional(),
  topic: z.enum(POLICY_TOPIC_CODES).optional(),
  issuer: z.string().trim().max(60).optional(),
  /** Editors may list drafts; everyone else sees published, expired and repealed documents. */
  status: z.enum(DOCUMENT_STATUSES).optional(),
  ...pageFields,
});
export const documentListSchema = pagedSchema(documentSummarySchema);

// ——— interpretations (政策解读) ———

const qaSchema = z.strictObject({ question: text('问题', 200), answer: text('答案', 2000) });

const interpretationFields = {
  title: text('标题', 200, 2),
  /** 白话: the plain-language explanation, as rich text. */
  bodyHtml: bodyHtmlSchema.default(''),
  qa: z.array(qaSchema).max(50, '问答最多 50 条').default([]),
  /** 一图读懂: an uploaded image (JPG or PNG). */
  imageFileId: id.nullable().default(null),
  documentIds: z
    .array(id, { message: '请选择解读的政策文件' })
    .min(1, '请至少关联一份政策文件')
    .max(20)
    .transform((ids) => [...new Set(ids)]),
};
export const interpretationInputSchema = z.strictObject(interpretationFields);
export type InterpretationInput = z.input<typeof interpretationInputSchema>;
export const interpretationUpdateSchema = z.strictObject({
  ...interpretationFields,
  revision: revisionSchema,
});
export type InterpretationUpdate = z.input<typeof interpretationUpdateSchema>;

export const interpretationSummarySchema = z.object({
  id: z.string(),
  title: z.string(),
  status: z.enum(INTERPRETATION_STATUSES),
  documents: z.array(documentRefSchema),
  hasImage: z.boolean(),
  revision: z.number().int(),
  publishedAt: z.string().nullable(),
  updatedAt: z.string(),
});
export const interpretationSchema = interpretationSummarySchema.extend({
  bodyHtml: z.string(),
  qa: z.array(z.object({ question: z.string(), answer: z.string() })),
  image: fileInfoSchema.nullable(),
});
export type Interpretation = z.infer<typeof interpretationSchema>;
export const interpretationListQuerySchema = z.object({
  documentId: id.optional(),
  status: z.enum(INTERPRETATION_STATUSES).optional(),
  ...pageFields,
});
export const interpretationListSchema = pagedSchema(interpretationSummarySchema);

// ——— benefit programs (申报/兑现事项) ———

export const materialSchema = z.strictObject({
  name: text('材料名称', 60),
  required: z.boolean().default(true),
  note: optionalText('材料说明', 200).default(null),
});
export type Material = z.output<typeof materialSchema>;

/**
 * The rule set travels as JSON and is checked node by node by the server (400 INVALID_RULES, each error's `field`
 * the node's path such as `rules.conditions.all[2].value`); its type is `RuleSet` (policy-rules.ts).
 */
const rulesField = z
  .unknown()
  .describe('资格规则（RuleSet，见 src/shared/policy-rules.ts），服务器逐节点校验');

const programFields = {
  documentId: id,
  title: text('事项名称', 120, 2),
  summary: optionalText('简介', 500).default(null),
  /** 支持对象 in plain words. */
  beneficiaries: text('支持对象', 1000),
  mode: z.enum(PROGRAM_MODES, { message: '申报方式应为免申即享、快申快享或一般申报' }),
  /** The department that reviews claims (兑现审核部门). */
  departmentId: id,
  /** 元; null = no budget cap set. */
  budget: yuanAmountSchema.nullable().default(null),
  windowStart: isoDateSchema.nullable().default(null),
  windowEnd: isoDateSchema.nullable().default(null),
  materials: z.array(materialSchema).max(20, '材料最多 20 项').default([]),
  rules: rulesField,
};

function windowInOrder(v: { windowStart: string | null; windowEnd: string | null }, ctx: z.RefinementCtx) {
  if (v.windowStart && v.windowEnd && v.windowEnd < v.windowStart) {
    ctx.addIssue({ code: 'custom', path: ['windowEnd'], message: '申报截止日期不能早于开始日期' });
  }
}

export const programInputSchema = z.strictObject(programFields).superRefine(windowInOrder);
/** The body as the web client builds it (rules typed). */
export type ProgramInput = Omit<z.input<typeof programInputSchema>, 'rules'> & { rules: RuleSet };
export const programUpdateSchema = z
  .strictObject({
    ...programFields,
    revision: revisionSchema,
    /** Shown in the rule version history when the rules change. */
    changeNote: optionalText('修订说明', 200).default(null),
  })
  .superRefine(windowInOrder);
export type ProgramUpdate = Omit<z.input<typeof programUpdateSchema>, 'rules'> & { rules: RuleSet };

export const budgetSchema = z.object({
  /** 元; null = no cap. */
  total: z.number().nullable(),
  /** Approved and paid amounts (元): what the budget is committed to. */
  used: z.number(),
  paid: z.number(),
  /** null when there is no cap. */
  remaining: z.number().nullable(),
});
export type Budget = z.infer<typeof budgetSchema>;

export const programSummarySchema = programBriefSchema.extend({
  summary: z.string().nullable(),
  document: documentRefSchema,
  department: departmentRefSchema.nullable(),
  topics: z.array(z.string()),
  /** The amount rule in words ("按研发投入增量的10%给予补助，最高150万元"). */
  amountText: z.string().nullable(),
  budget: budgetSchema,
  rulesVersion: z.number().int(),
  revision: z.number().int(),
  publishedAt: z.string().nullable(),
  updatedAt: z.string(),
});
export type ProgramSummary = z.infer<typeof programSummarySchema>;

export const programSchema = programSummarySchema.extend({
  beneficiaries: z.string(),
  materials: z.array(z.object({ name: z.string(), required: z.boolean(), note: z.string().nullable() })),
  /** RuleSet of the current rules version. */
  rules: z.unknown(),
  /** Leaf conditions in words, in order: what an applicant reads as 申报条件. */
  conditionLabels: z.array(z.object({ id: z.string(), label: z.string(), manual: z.boolean() })),
  claimCount: z.number().int(),
});
export type Program = Omit<z.infer<typeof programSchema>, 'rules'> & { rules: RuleSet };

export const ruleVersionSchema = z.object({
  version: z.number().int(),
  rules: z.unknown(),
  changeNote: z.string().nullable(),
  createdAt: z.string(),
  createdByName: z.string().nullable(),
  /** When the version came into force (null: still a draft's rules). */
  publishedAt: z.string().nullable(),
});
export type RuleVersion = Omit<z.infer<typeof ruleVersionSchema>, 'rules'> & { rules: RuleSet };

export const programListQuerySchema = z.object({
  documentId: id.optional(),
  mode: z.enum(PROGRAM_MODES).optional(),
  departmentId: id.optional(),
  topic: z.enum(POLICY_TOPIC_CODES).optional(),
  status: z.enum(PROGRAM_STATUSES).optional(),
  /** Only programs whose application window contains today. */
  openNow: boolQuery.optional(),
  ...pageFields,
});
export const programListSchema = pagedSchema(programSummarySchema);

// ——— rules: catalogue and live preview ———

export const factCatalogueSchema = z.object({
  qualifications: z.array(z.object({ code: z.string(), name: z.string() })),
  flags: z.array(z.object({ code: z.string(), name: z.string() })),
  measures: z.array(z.object({ code: z.string(), name: z.string(), unit: z.string() })),
  events: z.array(z.object({ code: z.string(), name: z.string() })),
  otherPayments: z.array(z.object({ code: z.string(), name: z.string() })),
  streets: z.array(z.object({ code: z.string(), name: z.string() })),
});

export const rulesPreviewInputSchema = z.strictObject({ rules: rulesField });
export const rulesPreviewSchema = z.object({
  asOf: z.string(),
  total: z.number().int(),
  eligible: z.number().int(),
  undetermined: z.number().int(),
  ineligible: z.number().int(),
  /** Facts most often missing among the undetermined (what to collect to decide more of them). */
  topMissingFacts: z.array(z.object({ fact: z.string(), name: z.string(), enterprises: z.number().int() })),
  /** Sum of the minimum estimated amounts of the eligible (元): a floor for the budget. */
  eligibleAmountMin: z.number(),
  elapsedMs: z.number(),
});
export type RulesPreview = z.infer<typeof rulesPreviewSchema>;

// ——— matching (政策匹配) and the self-test (政策自测) ———

export const programMatchSchema = z.object({
  program: programSummarySchema,
  status: z.enum(ELIGIBILITY_STATUSES),
  score: z.number(),
  amount: amountEstimateSchema.nullable(),
  /** "30万元" or "0–150万元"; null when nothing is granted or the enterprise is ineligible. */
  amountText: z.string().nullable(),
  amountExplanation: z.string().nullable(),
  conditions: conditionOutcomeSchema,
  gaps: z.array(gapItemSchema),
  missingFacts: z.array(z.string()),
  manualConditions: z.array(z.object({ id: z.string(), label: z.string(), hint: z.string().optional() })),
  rewardYear: z.number().int(),
});
export type ProgramMatch = z.infer<typeof programMatchSchema>;

const matchCounts = z.object({
  eligible: z.number().int(),
  undetermined: z.number().int(),
  ineligible: z.number().int(),
});

export const matchesQuerySchema = z.object({
  /** Liaisons and district staff name the enterprise; enterprise users get their own. */
  enterpriseId: id.optional(),
  status: z.enum(ELIGIBILITY_STATUSES).optional(),
});
export const matchesSchema = z.object({
  enterprise: z.object({ id: z.string(), name: z.string() }),
  asOf: z.string(),
  counts: matchCounts,
  /** Ranked: eligible, undetermined, ineligible; then score, then amount. */
  items: z.array(programMatchSchema),
  /** Facts the profile lacks, ranked by how many undetermined programs they would settle. */
  missingFacts: z.array(factQuestionSchema),
});
export type Matches = z.infer<typeof matchesSchema>;

export const selfTestInputSchema = z.strictObject({
  answers: enterpriseFactsSchema,
  /** Only these published programs (default: every published program). */
  programIds: z.array(id).max(200).optional(),
  /** How many next questions to return (one screen). */
  questionLimit: z.number().int().min(1).max(20).default(5),
});
export const selfTestSchema = z.object({
  asOf: z.string(),
  counts: matchCounts,
  items: z.array(programMatchSchema),
  /** The next questions to ask, most useful first; empty when every program is decided. */
  questions: z.array(factQuestionSchema),
});
export type SelfTest = z.infer<typeof selfTestSchema>;

// ——— proactive push (政策找企业) and subscriptions ———

export const subscriptionsSchema = z.object({
  enterpriseId: z.string(),
  topics: z.array(z.string()),
});
export const subscriptionsInputSchema = z.strictObject({ topics: topicsSchema });

export const pushRecordSchema = z.object({
  id: z.string(),
  enterprise: z.object({ id: z.string(), name: z.string() }),
  rulesVersion: z.number().int(),
  /** The facts the rules read, as they were when the enterprise was found eligible (fact key → value). */
  facts: z.record(z.string(), z.unknown()),
  amount: amountEstimateSchema.nullable(),
  /** False when the enterprise had already been notified under an earlier version and was still eligible. */
  notified: z.boolean(),
  createdAt: z.string(),
});
export const pushRecordListSchema = pagedSchema(pushRecordSchema);
export const pushSummarySchema = z.object({
  programId: z.string(),
  rulesVersion: z.number().int(),
  evaluated: z.number().int(),
  eligible: z.number().int(),
  notifiedEnterprises: z.number().int(),
  notifications: z.number().int(),
  candidates: z.number().int(),
  elapsedMs: z.number(),
});
export type PushSummary = z.infer<typeof pushSummarySchema>;

/** Publishing a program, or changing its rules, answers the program and what 政策找企业 did. */
export const programWriteResultSchema = z.object({
  program: programSchema,
  push: pushSummarySchema.nullable(),
});

// ——— claims (兑现申请) ———

const claimAttachmentInput = z.strictObject({
  fileId: id,
  /** Which required material this file is (the program's material name). */
  material: text('材料名称', 60),
});
const attachmentsInput = z
  .array(claimAttachmentInput, { message: '附件应为列表' })
  .max(10, '每件申请最多 10 个附件')
  .default([]);
/** Facts the profile does not hold, answered on the claim form (rented area, loan interest …). */
export const claimAnswersSchema = z
  .strictObject({
    flags: z.record(z.string().regex(/^[a-z][a-z0-9_]{0,63}$/), z.boolean()).optional(),
    measures: z.record(z.string().regex(/^[a-z][a-z0-9_]{0,63}$/), z.number().min(0).max(1e12)).optional(),
    events: z.record(z.string().regex(/^[a-z][a-z0-9_]{0,63}$/), isoDateSchema).optional(),
    otherPayments: z
      .record(z.string().regex(/^[a-z][a-z0-9_]{0,63}$/), z.number().min(0).max(1e12))
      .optional(),
  })
  .default({});
export type ClaimAnswers = z.output<typeof claimAnswersSchema>;

export const claimInputSchema = z.strictObject({
  contactName: text('联系人', 30),
  contactPhone: phoneSchema,
  /** 申请说明 */
  statement: optionalText('申请说明', 2000).default(null),
  /** What the enterprise asks for (元); the reviewer decides the amount. */
  requestedAmount: yuanAmountSchema.nullable().default(null),
  answers: claimAnswersSchema,
  attachments: attachmentsInput,
});
export type ClaimInput = z.input<typeof claimInputSchema>;

/** 意愿确认 of a 免申即享 candidate. */
export const claimConfirmSchema = z.strictObject({
  revision: revisionSchema,
  contactName: text('联系人', 30),
  contactPhone: phoneSchema,
  statement: optionalText('说明', 2000).default(null),
  answers: claimAnswersSchema,
  attachments: attachmentsInput,
});
export const claimResubmitSchema = z.strictObject({
  revision: revisionSchema,
  statement: optionalText('补正说明', 2000).default(null),
  answers: claimAnswersSchema,
  /** The complete list after the correction (replaces the previous one). */
  attachments: attachmentsInput,
});
export const claimApproveSchema = z.strictObject({
  revision: revisionSchema,
  amount: yuanAmountSchema.refine((v) => v > 0, '核定金额应大于 0'),
  note: optionalText('审核意见', 500).default(null),
});
export const claimReturnSchema = z.strictObject({ revision: revisionSchema, note: text('退回原因', 500) });
export const claimRejectSchema = z.strictObject({
  revision: revisionSchema,
  reason: text('不通过理由', 500),
});
export const claimPaySchema = z.strictObject({
  revision: revisionSchema,
  amount: yuanAmountSchema.refine((v) => v > 0, '拨付金额应大于 0'),
  paidOn: isoDateSchema,
  note: optionalText('拨付说明', 200).default(null),
});
export const claimWithdrawSchema = z.strictObject({
  revision: revisionSchema,
  reason: optionalText('撤回原因', 200).default(null),
});

export const claimEventSchema = z.object({
  at: z.string(),
  action: z.enum(CLAIM_ACTIONS),
  fromStatus: z.enum(CLAIM_STATUSES).nullable(),
  toStatus: z.enum(CLAIM_STATUSES),
  actorName: z.string().nullable(),
  note: z.string().nullable(),
  amount: z.number().nullable(),
});

export const claimAttachmentSchema = fileInfoSchema.extend({ material: z.string() });

export const claimSummarySchema = z.object({
  id: z.string(),
  program: z.object({
    id: z.string(),
    title: z.string(),
    mode: z.enum(PROGRAM_MODES),
    department: departmentRefSchema.nullable(),
  }),
  enterprise: z.object({ id: z.string(), name: z.string(), uscc: z.string() }),
  /** The reward year (奖励年度) the claim is for: one claim per program, enterprise and year. */
  year: z.number().int(),
  status: z.enum(CLAIM_STATUSES),
  /** Eligibility when submitted (or when the platform listed a candidate), by the rules version it names. */
  eligibility: z.enum(ELIGIBILITY_STATUSES),
  estimatedAmount: amountEstimateSchema.nullable(),
  requestedAmount: z.number().nullable(),
  approvedAmount: z.number().nullable(),
  paidAmount: z.number().nullable(),
  paidOn: z.string().nullable(),
  rulesVersion: z.number().int(),
  revision: z.number().int(),
  submittedAt: z.string().nullable(),
  decidedAt: z.string().nullable(),
  createdAt: z.string(),
  updatedAt: z.string(),
});
export type ClaimSummary = z.infer<typeof claimSummarySchema>;

export const claimSchema = claimSummarySchema.extend({
  contactName: z.string().nullable(),
  contactPhoneMasked: z.string().nullable(),
  /** In full for the claiming enterprise only; null for staff, who reveal it (POST /personal-data/reveal). */
  contactPhone: z.string().nullable(),
  statement: z.string().nullable(),
  answers: z.record(z.string(), z.unknown()),
  /** The evaluation as of submission: every condition with its reason, manual conditions for the reviewer. */
  evaluation: z.object({
    asOf: z.string(),
    conditions: conditionOutcomeSchema,
    manualConditions: z.array(z.object({ id: z.string(), label: z.string(), hint: z.string().optional() })),
    amountExplanation: z.string().nullable(),
  }),
  /** The facts the rules read, as submitted (fact key → value): what the reviewer checks against the materials. */
  facts: z.record(z.string(), z.unknown()),
  attachments: z.array(claimAttachmentSchema),
  reviewNote: z.string().nullable(),
  events: z.array(claimEventSchema),
  budget: budgetSchema,
  /** What the caller may do now (the UI shows the buttons; the API checks again). */
  actions: z.array(z.enum(['confirm', 'resubmit', 'withdraw', 'approve', 'return', 'reject', 'pay'])),
});
export type Claim = z.infer<typeof claimSchema>;

export const claimListQuerySchema = z.object({
  status: z.enum(CLAIM_STATUSES).optional(),
  programId: id.optional(),
  /** Staff: one enterprise's claims. */
  enterpriseId: id.optional(),
  ...pageFields,
});
export const claimListSchema = pagedSchema(claimSummarySchema);

export const claimDraftSchema = z.object({
  program: programSummarySchema,
  enterprise: z.object({ id: z.string(), name: z.string(), uscc: z.string() }),
  year: z.number().int(),
  windowState: z.enum(WINDOW_STATES),
  /** May the enterprise apply now (window open, program published, no claim yet for the year)? */
  canApply: z.boolean(),
  /** Why not, in Chinese; null when it can. */
  blockedReason: z.string().nullable(),
  existingClaimId: z.string().nullable(),
  /** Profile values the rules read, pre-filled (fact key → {name, value}). */
  prefilled: z.array(z.object({ fact: z.string(), name: z.string(), value: z.unknown() })),
  /** Facts the profile lacks that the form should ask for. */
  questions: z.array(factQuestionSchema),
  materials: z.array(z.object({ name: z.string(), required: z.boolean(), note: z.string().nullable() })),
  evaluation: programMatchSchema,
  contactName: z.string().nullable(),
});
export type ClaimDraft = z.infer<typeof claimDraftSchema>;

// ——— public notice list (公示) ———

export const noticeSchema = z.object({
  claimId: z.string(),
  enterpriseName: z.string(),
  program: z.object({ id: z.string(), title: z.string() }),
  department: z.string().nullable(),
  amount: z.number(),
  paidOn: z.string(),
  year: z.number().int(),
});
export const noticeListQuerySchema = z.object({
  programId: id.optional(),
  year: z.coerce.number().int().min(2000).max(2100).optional(),
  ...pageFields,
});
export const noticeListSchema = pagedSchema(noticeSchema).extend({
  /** Sum of the amounts listed by the filter (all pages), 元. */
  totalAmount: z.number(),
});

// ——— search and calendar ———

export const SEARCH_SCOPES = ['policy_document', 'policy_interpretation', 'policy_program'] as const;
export type PolicySearchScope = (typeof SEARCH_SCOPES)[number];

export const policySearchQuerySchema = z.object({
  q: z.string().max(100).default(''),
  scope: z.enum(SEARCH_SCOPES).optional(),
  level: z.enum(POLICY_LEVELS).optional(),
  /** Issuing body (exact). */
  body: z.string().trim().max(60).optional(),
  topic: z.enum(POLICY_TOPIC_CODES).optional(),
  status: z.enum(DOCUMENT_STATUSES).optional(),
  mode: z.enum(PROGRAM_MODES).optional(),
  openNow: boolQuery.optional(),
  ...pageFields,
});
export const policySearchHitSchema = z.object({
  scope: z.enum(SEARCH_SCOPES),
  id: z.string(),
  title: z.string(),
  /** Escaped HTML, matches in <mark>. */
  titleHtml: z.string(),
  snippet: z.string(),
  publishedOn: z.string().nullable(),
  score: z.number(),
});
/**
 * The search counts its matches up to this many: past it the total shows as "more than" (a common two-character
 * term is in most documents; counting every one of them was most of a search's cost, and nobody pages that far).
 */
export const POLICY_SEARCH_COUNT_LIMIT = 1000;
export const policySearchSchema = pagedSchema(policySearchHitSchema).extend({
  /** More than POLICY_SEARCH_COUNT_LIMIT match: `total` is the limit. */
  totalCapped: z.boolean(),
  terms: z.array(z.string()),
});

export const calendarQuerySchema = z.object({
  year: z.coerce.number().int().min(2000).max(2100),
  month: z.coerce.number().int().min(1).max(12).optional(),
});
export const calendarEntrySchema = z.object({
  programId: z.string(),
  title: z.string(),
  mode: z.enum(PROGRAM_MODES),
  department: z.string().nullable(),
  windowStart: z.string(),
  windowEnd: z.string().nullable(),
  windowState: z.enum(WINDOW_STATES),
  /** In this month: the window opens, closes, or both, or runs through it. */
  opensThisMonth: z.boolean(),
  closesThisMonth: z.boolean(),
});
export const calendarSchema = z.object({
  year: z.number().int(),
  months: z.array(z.object({ month: z.number().int(), items: z.array(calendarEntrySchema) })),
});
export type PolicyCalendar = z.infer<typeof calendarSchema>;

// ——— small helpers shared with the UI ———

/** Where `today` stands against a window (dates inclusive). */
export function windowStateOf(
  windowStart: string | null,
  windowEnd: string | null,
  today: string,
): WindowState {
  if (!windowStart && !windowEnd) return 'always';
  if (windowStart && today < windowStart) return 'upcoming';
  if (windowEnd && today > windowEnd) return 'closed';
  return 'open';
}
