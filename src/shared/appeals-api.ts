import { z } from 'zod';
import {
  APPEAL_ACTIONS,
  APPEAL_MAX_ATTACHMENTS,
  APPEAL_RATINGS,
  APPEAL_STATES,
  APPEAL_TYPES,
  EXTENSION_STATUSES,
  SLA_STATUSES,
  SUPERVISION_LEVELS,
} from './appeals';
import { fileInfoSchema } from './files';

/**
 * NOTE for the web: the shapes follow notes/appeals-api.md — detail and summary `sla: { accept, reply }` (each a
 * SlaView with `running`), the timeline in `events`, `mergedInto` / `mergedFrom` as codes (GET /appeals/:id takes a
 * code too).
 *
 * Requests and responses of the appeals API (SPEC §2.4; contract in notes/appeals-api.md). The server validates
 * with these schemas and the web imports them for types. Other helpers append their own sections at the end.
 */

// ——— core (appeals-core) ———

const id = z.string({ message: '编号应为文字' }).min(1, '编号不能为空').max(64, '编号过长');

/** Attachments per submission (and per 补充材料). */
export { APPEAL_MAX_ATTACHMENTS };
export const APPEAL_CONTENT_MAX = 5000;
export const APPEAL_TITLE_MAX = 100;
export const APPEAL_CHANNELS = ['web', 'liaison', 'phone'] as const;
export type AppealChannel = (typeof APPEAL_CHANNELS)[number];
export const APPEAL_CHANNEL_LABELS: Record<AppealChannel, string> = {
  web: '网上提交',
  liaison: '企业专员代提',
  phone: '电话受理',
};

/** The `idempotency-key` header: a retry with the same key returns the first appeal. */
export const IDEMPOTENCY_KEY_PATTERN = /^[A-Za-z0-9_-]{8,64}$/;

export const submitAppealSchema = z.strictObject({
  type: z.enum(APPEAL_TYPES, { message: '请选择诉求类型（咨询、求助、投诉、举报、建议）' }),
  topicCode: z.string({ message: '事项分类应为文字' }).trim().min(1, '请选择事项分类').max(64).optional(),
  title: z
    .string({ message: '请填写标题' })
    .trim()
    .min(1, '请填写标题')
    .max(APPEAL_TITLE_MAX, `标题过长（最多 ${APPEAL_TITLE_MAX} 字）`),
  content: z
    .string({ message: '请填写诉求内容' })
    .trim()
    .min(1, '请填写诉求内容')
    .max(APPEAL_CONTENT_MAX, `诉求内容过长（最多 ${APPEAL_CONTENT_MAX} 字）`),
  isPublic: z.boolean({ message: '请选择答复是否可公开' }).default(false),
  attachments: z
    .array(id, { message: '附件应为列表' })
    .max(APPEAL_MAX_ATTACHMENTS, `附件最多 ${APPEAL_MAX_ATTACHMENTS} 个`)
    .default([]),
  contactName: z.string().trim().max(50, '联系人姓名过长').optional(),
  contactPhone: z.string().trim().max(30, '联系电话过长').optional(),
  enterpriseId: id.optional(),
  channel: z.enum(APPEAL_CHANNELS, { message: '受理渠道不正确' }).optional(),
});
export type SubmitAppealInput = z.input<typeof submitAppealSchema>;

export const submitAppealHeadersSchema = z.object({
  'idempotency-key': z
    .string()
    .regex(IDEMPOTENCY_KEY_PATTERN, '幂等键应为 8–64 位字母、数字、下划线或短横线')
    .optional(),
});

const commaList = <T extends readonly [string, ...string[]]>(values: T, message: string) =>
  z
    .string()
    .max(500)
    .transform((s) =>
      s
        .split(',')
        .map((x) => x.trim())
        .filter(Boolean),
    )
    .pipe(z.array(z.enum(values, { message })));

export const APPEAL_LIST_VIEWS = ['mine', 'queue', 'all'] as const;
export const appealListQuerySchema = z.object({
  view: z.enum(APPEAL_LIST_VIEWS).optional(),
  state: commaList(APPEAL_STATES, '状态不正确').optional(),
  type: z.enum(APPEAL_TYPES).optional(),
  topicCode: z.string().max(64).optional(),
  departmentId: z.string().max(64).optional(),
  sla: z.enum(SLA_STATUSES).optional(),
  /** The extension flag, e.g. `requested` (延期待审批); a comma list like `state`. */
  extension: commaList(EXTENSION_STATUSES, '延期状态不正确').optional(),
  q: z.string().trim().max(100).optional(),
  sort: z.enum(['deadline', 'created']).optional(),
  page: z.coerce.number().int().min(1).max(10_000).default(1),
  pageSize: z.coerce.number().int().min(1).max(100).default(20),
});
export type AppealListQuery = z.input<typeof appealListQuerySchema>;

export const slaViewSchema = z.object({
  deadline: z.string(),
  status: z.enum(SLA_STATUSES),
  /** Working minutes left (negative: working minutes late). */
  remainingMinutes: z.number(),
  /** The clock is still running (false: measured when it stopped). */
  running: z.boolean(),
});
export type SlaView = z.infer<typeof slaViewSchema>;

const ref = z.object({ id: z.string(), name: z.string() });

export const appealSummarySchema = z.object({
  id: z.string(),
  code: z.string(),
  title: z.string(),
  type: z.enum(APPEAL_TYPES),
  topicCode: z.string().nullable(),
  topicName: z.string().nullable(),
  state: z.enum(APPEAL_STATES),
  channel: z.enum(APPEAL_CHANNELS),
  enterprise: ref.nullable(),
  leadDepartment: ref.nullable(),
  extensionStatus: z.enum(EXTENSION_STATUSES),
  supervisionLevel: z.enum(SUPERVISION_LEVELS),
  reopenCount: z.number().int(),
  /** The clocks: accept (always), reply (from the first dispatch). `running` tells which one is ticking. */
  sla: z.object({ accept: slaViewSchema, reply: slaViewSchema.nullable() }),
  createdAt: z.string(),
  updatedAt: z.string(),
  version: z.number().int(),
});
export type AppealSummary = z.infer<typeof appealSummarySchema>;

export const appealListSchema = z.object({
  items: z.array(appealSummarySchema),
  total: z.number().int(),
  page: z.number().int(),
  pageSize: z.number().int(),
});
export type AppealList = z.infer<typeof appealListSchema>;

export const appealDepartmentSchema = z.object({
  id: z.string(),
  name: z.string(),
  role: z.enum(['lead', 'assisting']),
  /** 协办意见 (staff only; null for enterprise users). */
  opinion: z.string().nullable(),
  opinionAt: z.string().nullable(),
  assignedAt: z.string(),
});

export const appealEventSchema = z.object({
  id: z.string(),
  seq: z.number().int(),
  /** An APPEAL_ACTIONS code, or submit | opinion | remind. */
  action: z.string(),
  /** Who: a staff member's name for staff readers; a department or role label for enterprise users. */
  actorLabel: z.string(),
  /** The staff member's name: staff readers only (null for enterprise users). */
  actorName: z.string().nullable(),
  actorRole: z.string(),
  department: ref.nullable(),
  fromState: z.string().nullable(),
  toState: z.string().nullable(),
  note: z.string().nullable(),
  data: z.record(z.string(), z.unknown()).nullable(),
  at: z.string(),
});
export type AppealEvent = z.infer<typeof appealEventSchema>;

export const appealFileSchema = fileInfoSchema.extend({
  /** The timeline event that brought the file: the submission, or a 补充材料 (null for files of old data). */
  eventId: z.string().nullable(),
});
export type AppealFile = z.infer<typeof appealFileSchema>;

/**
 * How far a routing suggestion may be trusted (shown as 高/中/低 instead of the raw score): the first suggestion's
 * from its lead over the second and how much of the text the model knows (classifier.ts `routingConfidence`); the
 * alternatives are always `low`.
 */
export const APPEAL_ROUTING_CONFIDENCES = ['high', 'medium', 'low'] as const;
export type AppealRoutingConfidence = (typeof APPEAL_ROUTING_CONFIDENCES)[number];

export const appealSuggestionSchema = z.object({
  topicCode: z.string(),
  topicName: z.string(),
  departmentId: z.string(),
  departmentName: z.string(),
  /** The model's raw score 0..1 (damped for text it barely knows): it orders, it is not a probability. */
  score: z.number(),
  /** 1 = the model's first choice, 2, 3 … the alternatives. */
  rank: z.number().int().min(1),
  confidence: z.enum(APPEAL_ROUTING_CONFIDENCES),
});

export const appealDetailSchema = appealSummarySchema.extend({
  content: z.string(),
  isPublic: z.boolean(),
  contactName: z.string().nullable(),
  contactPhone: z.string().nullable(),
  submittedBy: z.object({ id: z.string().nullable(), label: z.string() }),
  receivedOn: z.string(),
  acceptDeadline: z.string(),
  replyDeadline: z.string().nullable(),
  extensionDays: z.number().int().nullable(),
  extensionReason: z.string().nullable(),
  acceptedAt: z.string().nullable(),
  dispatchedAt: z.string().nullable(),
  signedAt: z.string().nullable(),
  repliedAt: z.string().nullable(),
  closedAt: z.string().nullable(),
  reply: z
    .object({
      content: z.string(),
      solved: z.boolean(),
      unsolvedReason: z.string().nullable(),
      public: z.boolean(),
      late: z.boolean(),
    })
    .nullable(),
  rating: z
    .object({
      rating: z.enum(APPEAL_RATINGS),
      solved: z.boolean(),
      comment: z.string().nullable(),
      isDefault: z.boolean(),
      ratedAt: z.string().nullable(),
    })
    .nullable(),
  departments: z.array(appealDepartmentSchema),
  /** The timeline, oldest first (enterprise users: only the events meant for them). */
  events: z.array(appealEventSchema),
  files: z.array(appealFileSchema),
  allowedActions: z.array(z.enum(APPEAL_ACTIONS)),
  /** The caller is a handler of an assisting department who may write the 协办意见. */
  canWriteOpinion: z.boolean(),
  /** Dispatchers only: routing suggestions (智能分拨), best first. */
  suggestion: z.array(appealSuggestionSchema).nullable(),
  /** Codes of the appeal this one was merged into / of those merged into it (GET /appeals/:id accepts a code). */
  mergedInto: z.string().nullable(),
  mergedFrom: z.array(z.string()),
});
export type AppealDetail = z.infer<typeof appealDetailSchema>;

export const appealActionParamsSchema = z.object({
  id,
  action: z.enum(APPEAL_ACTIONS.filter((a) => a !== 'auto_close') as [string, ...string[]], {
    message: '不支持的操作',
  }),
});

/** The body of an action: the action's own input (src/shared/appeals.ts) plus an optional expectedVersion. */
export const appealActionBodySchema = z.record(z.string(), z.unknown());

export const appealOpinionSchema = z.strictObject({
  content: z
    .string({ message: '请填写协办意见' })
    .trim()
    .min(1, '请填写协办意见')
    .max(APPEAL_CONTENT_MAX, `协办意见过长（最多 ${APPEAL_CONTENT_MAX} 字）`),
});

// ——— catalogue and settings ———

const workdays = (what: string) =>
  z
    .number({ message: `${what}应为数字` })
    .int(`${what}应为整数`)
    .min(1, `${what}至少 1 个工作日`)
    .max(60, `${what}最多 60 个工作日`);

export const topicSlaSchema = z.strictObject({
  acceptWorkdays: workdays('受理时限').optional(),
  replyWorkdays: workdays('办理时限').optional(),
  extensionWorkdays: workdays('延期天数').optional(),
});

export const TOPIC_CODE_PATTERN = /^[a-z][a-z0-9_]{1,31}$/;

export const appealTopicInputSchema = z.strictObject({
  code: z
    .string({ message: '请填写分类编码' })
    .regex(TOPIC_CODE_PATTERN, '分类编码应为 2–32 位小写字母、数字或下划线'),
  name: z.string({ message: '请填写名称' }).trim().min(1, '请填写名称').max(50, '名称过长'),
  category: z.string({ message: '请填写分组' }).trim().min(1, '请填写分组').max(50, '分组过长'),
  description: z.string().trim().max(500, '说明过长').default(''),
  leadDepartmentId: id,
  keywords: z.array(z.string().trim().min(1).max(20), { message: '关键词应为列表' }).max(50).default([]),
  sla: topicSlaSchema.default({}),
  active: z.boolean().default(true),
  sortOrder: z.number().int().min(0).max(100_000).default(0),
});
export const appealTopicPatchSchema = appealTopicInputSchema.omit({ code: true }).partial();

export const appealTopicSchema = z.object({
  code: z.string(),
  name: z.string(),
  category: z.string(),
  description: z.string(),
  leadDepartment: ref,
  keywords: z.array(z.string()),
  sla: topicSlaSchema,
  active: z.boolean(),
  sortOrder: z.number().int(),
});
export type AppealTopic = z.infer<typeof appealTopicSchema>;
export const appealTopicListSchema = z.object({ items: z.array(appealTopicSchema) });

export const slaSettingsSchema = z
  .strictObject({
    acceptWorkdays: workdays('受理时限'),
    replyWorkdays: z.strictObject({
      consult: workdays('咨询办理时限'),
      help: workdays('求助办理时限'),
      complaint: workdays('投诉办理时限'),
      report: workdays('举报办理时限'),
      suggestion: workdays('建议办理时限'),
    }),
    extensionWorkdays: workdays('延期天数'),
    ratingWindowWorkdays: workdays('评价期限'),
    reopenWindowWorkdays: workdays('重办申请期限'),
    dueSoon: z.union([
      z.strictObject({ fraction: z.number().gt(0, '临期比例应大于 0').lt(1, '临期比例应小于 1') }),
      z.strictObject({ workingHours: z.number().int().min(1).max(100) }),
    ]),
    openingMinute: z.number().int().min(0).max(1440),
    closingMinute: z.number().int().min(0).max(1440),
  })
  .refine((s) => s.openingMinute < s.closingMinute, {
    message: '下班时间应晚于上班时间',
    path: ['closingMinute'],
  });
export type SlaSettingsInput = z.infer<typeof slaSettingsSchema>;

// ——— statistics (section owned by the appeals-stats helper: GET /appeals/stats, GET /appeals/stats/export) ———

/** How the statistics are grouped: by lead department (主办部门), by catalogue topic, by month (Asia/Shanghai). */
export const APPEAL_STATS_GROUPINGS = ['department', 'topic', 'month'] as const;
export type AppealStatsGrouping = (typeof APPEAL_STATS_GROUPINGS)[number];
export const APPEAL_STATS_GROUPING_LABELS: Record<AppealStatsGrouping, string> = {
  department: '按部门',
  topic: '按主题',
  month: '按月份',
};
/** The longest window a query may ask for, in months. */
export const APPEAL_STATS_MAX_MONTHS = 36;

const statsMonth = (what: string) =>
  z
    .string({ message: `${what}应为 YYYY-MM 格式的月份` })
    .regex(/^(19|20)\d{2}-(0[1-9]|1[0-2])$/, `${what}应为 YYYY-MM 格式的月份，如 2026-01`);

/** Months between two YYYY-MM strings, both included (2026-01..2026-12 → 12). */
export function appealStatsMonthSpan(from: string, to: string): number {
  const index = (m: string) => Number(m.slice(0, 4)) * 12 + Number(m.slice(5, 7)) - 1;
  return index(to) - index(from) + 1;
}

/**
 * Query of both routes. `from`/`to` are months in Asia/Shanghai (the window counts appeals CREATED in it); when left
 * out the window is the 12 months ending with the current month (`to` alone: the 12 months ending with it).
 */
export const appealStatsQuerySchema = z
  .strictObject({
    from: statsMonth('起始月份').optional(),
    to: statsMonth('截止月份').optional(),
    by: z
      .enum(APPEAL_STATS_GROUPINGS, {
        message: '分组方式应为 department（部门）、topic（主题）或 month（月份）',
      })
      .default('month'),
  })
  .superRefine((q, ctx) => {
    if (!q.from || !q.to) return;
    if (q.from > q.to) ctx.addIssue({ code: 'custom', path: ['to'], message: '截止月份不能早于起始月份' });
    else if (appealStatsMonthSpan(q.from, q.to) > APPEAL_STATS_MAX_MONTHS)
      ctx.addIssue({
        code: 'custom',
        path: ['to'],
        message: `统计区间最长 ${APPEAL_STATS_MAX_MONTHS} 个月`,
      });
  });
export type AppealStatsQuery = z.input<typeof appealStatsQuerySchema>;

const count = z.number().int().min(0);
const rate = z.number().min(0).max(1).nullable();

/**
 * The figures of one group (or of the whole window). Rates are fractions 0..1 rounded to 4 decimals, null when
 * their denominator is 0 (an empty window gives zeros and nulls, never NaN); each comes with its numerator and
 * denominator so a page can show “37 / 40”.
 */
export const appealRatesSchema = z.object({
  /** 诉求量: appeals created in the window (every state, merged and rejected included). */
  submitted: count,
  /** 受理量: of those, accepted by the desk (accepted_at set). */
  accepted: count,
  /** 响应率 = respondedOnTime / responded. */
  responded: count,
  respondedOnTime: count,
  responseRate: rate,
  /** 按期办结率 = repliedOnTime / replied. */
  replied: count,
  repliedOnTime: count,
  onTimeReplyRate: rate,
  /** 解决率 = solved / rated; 满意率 = satisfied / rated (ratings given by the enterprise; defaults excluded). */
  rated: count,
  solved: count,
  solvedRate: rate,
  satisfied: count,
  satisfactionRate: rate,
  /** 办结量: in state closed (已办结). */
  closed: count,
  /** 超期量: replied late, or still being handled past the reply deadline. */
  overdue: count,
  /** 重办量: reopened at least once. */
  reopened: count,
  /** 平均办理工作日: mean working days from the dispatch to the reply, 2 decimals; null without replies. */
  avgHandlingWorkdays: z.number().min(0).nullable(),
});
export type AppealRates = z.infer<typeof appealRatesSchema>;

export const APPEAL_STATS_METRICS = [
  'submitted',
  'accepted',
  'responseRate',
  'onTimeReplyRate',
  'solvedRate',
  'satisfactionRate',
  'closed',
  'overdue',
  'reopened',
  'avgHandlingWorkdays',
] as const;
export type AppealStatsMetric = (typeof APPEAL_STATS_METRICS)[number];

export const appealStatsSchema = z.object({
  from: z.string(),
  to: z.string(),
  by: z.enum(APPEAL_STATS_GROUPINGS),
  /** When the figures were computed (the overdue count depends on it). */
  asOf: z.string(),
  /** How every figure is defined, in Chinese, as shown on the page and in the export (指标口径). */
  formulas: z.array(z.object({ key: z.enum(APPEAL_STATS_METRICS), label: z.string(), formula: z.string() })),
  totals: appealRatesSchema,
  /** One row per group: department id / topic code / YYYY-MM; null key = not dispatched yet / no topic. */
  rows: z.array(appealRatesSchema.extend({ key: z.string().nullable(), label: z.string() })),
});
export type AppealStats = z.infer<typeof appealStatsSchema>;

// ——— knowledge base and assist (section owned by the appeals-aux helper: /appeal-kb, /appeals/similar, /appeals/suggest) ———

/** 知识库 entry states: a draft is seen by curators only; published entries are searchable by everyone. */
export const APPEAL_KB_STATUSES = ['draft', 'published', 'archived'] as const;
export type AppealKbStatus = (typeof APPEAL_KB_STATUSES)[number];
export const APPEAL_KB_STATUS_LABELS: Record<AppealKbStatus, string> = {
  draft: '草稿',
  published: '已发布',
  archived: '已归档',
};
export const APPEAL_KB_QUESTION_MAX = 300;
export const APPEAL_KB_ANSWER_MAX = 5000;

const kbPage = {
  page: z.coerce.number().int().min(1).max(10_000).default(1),
  pageSize: z.coerce.number().int().min(1).max(50).default(10),
};
const kbTopicCode = z.string({ message: '事项分类应为文字' }).trim().min(1, '请选择事项分类').max(64);

/** GET /appeal-kb: full-text search over published entries (blank q lists the newest). */
export const appealKbSearchQuerySchema = z.object({
  q: z.string().max(100, '搜索词过长（最多 100 字）').default(''),
  topicCode: kbTopicCode.optional(),
  ...kbPage,
});
export type AppealKbSearchQuery = z.input<typeof appealKbSearchQuerySchema>;

export const appealKbHitSchema = z.object({
  id: z.string(),
  question: z.string(),
  /** The question as HTML: escaped, matches in <mark>. */
  questionHtml: z.string(),
  /** The best passage of the answer as HTML: escaped, matches in <mark>, `…` where cut. */
  snippet: z.string(),
  topicCode: z.string().nullable(),
  topicName: z.string().nullable(),
  publishedOn: z.string().nullable(),
  score: z.number(),
});
export type AppealKbHit = z.infer<typeof appealKbHitSchema>;
export const appealKbSearchSchema = z.object({
  items: z.array(appealKbHitSchema),
  total: z.number().int(),
  page: z.number().int(),
  pageSize: z.number().int(),
  terms: z.array(z.string()),
});
export type AppealKbSearch = z.infer<typeof appealKbSearchSchema>;

export const appealKbEntrySchema = z.object({
  id: z.string(),
  question: z.string(),
  answer: z.string(),
  topicCode: z.string().nullable(),
  topicName: z.string().nullable(),
  status: z.enum(APPEAL_KB_STATUSES),
  views: z.number().int(),
  /** Curators only (null for the public): the closed 咨询 appeal it came from. */
  source: z.object({ id: z.string(), code: z.string() }).nullable(),
  createdAt: z.string(),
  updatedAt: z.string(),
  publishedAt: z.string().nullable(),
});
export type AppealKbEntry = z.infer<typeof appealKbEntrySchema>;

/** GET /appeal-kb/manage (dispatcher, content_editor): every entry, drafts included. */
export const appealKbManageQuerySchema = z.object({
  status: z.enum(APPEAL_KB_STATUSES, { message: '状态应为草稿、已发布或已归档' }).optional(),
  q: z.string().trim().max(100, '搜索词过长（最多 100 字）').optional(),
  topicCode: kbTopicCode.optional(),
  page: z.coerce.number().int().min(1).max(10_000).default(1),
  pageSize: z.coerce.number().int().min(1).max(100).default(20),
});
export type AppealKbManageQuery = z.input<typeof appealKbManageQuerySchema>;
export const appealKbListSchema = z.object({
  items: z.array(appealKbEntrySchema),
  total: z.number().int(),
  page: z.number().int(),
  pageSize: z.number().int(),
});
export type AppealKbList = z.infer<typeof appealKbListSchema>;

const kbQuestion = z
  .string({ message: '请填写问题' })
  .trim()
  .min(2, '问题至少 2 个字')
  .max(APPEAL_KB_QUESTION_MAX, `问题过长（最多 ${APPEAL_KB_QUESTION_MAX} 字）`);
const kbAnswer = z
  .string({ message: '请填写答案' })
  .trim()
  .min(2, '答案至少 2 个字')
  .max(APPEAL_KB_ANSWER_MAX, `答案过长（最多 ${APPEAL_KB_ANSWER_MAX} 字）`);

/**
 * POST /appeal-kb: a draft. From a closed 咨询 appeal (`sourceAppealId`; question, answer and topic default to the
 * appeal's title + content, reply and topic) or written freely (question and answer required).
 */
export const appealKbInputSchema = z
  .strictObject({
    question: kbQuestion.optional(),
    answer: kbAnswer.optional(),
    topicCode: kbTopicCode.nullable().optional(),
    sourceAppealId: z.string({ message: '来源诉求应为文字' }).trim().min(1).max(64).optional(),
  })
  .superRefine((v, ctx) => {
    if (v.sourceAppealId) return;
    if (v.question === undefined) ctx.addIssue({ code: 'custom', path: ['question'], message: '请填写问题' });
    if (v.answer === undefined) ctx.addIssue({ code: 'custom', path: ['answer'], message: '请填写答案' });
  });
export type AppealKbInput = z.input<typeof appealKbInputSchema>;

export const appealKbPatchSchema = z
  .strictObject({
    question: kbQuestion.optional(),
    answer: kbAnswer.optional(),
    topicCode: kbTopicCode.nullable().optional(),
  })
  .refine((v) => Object.keys(v).length > 0, { message: '没有要修改的内容' });
export type AppealKbPatch = z.input<typeof appealKbPatchSchema>;

/** GET /appeals/similar: before submitting, what already exists about the same thing. */
export const appealSimilarQuerySchema = z.object({
  text: z
    .string({ message: '请填写诉求内容' })
    .trim()
    .min(2, '请至少输入 2 个字')
    .max(APPEAL_CONTENT_MAX, `内容过长（最多 ${APPEAL_CONTENT_MAX} 字）`),
  topicCode: kbTopicCode.optional(),
  /** Liaison or dispatcher submitting for an enterprise: its open appeals instead of the caller's own. */
  enterpriseId: id.optional(),
});
export type AppealSimilarQuery = z.input<typeof appealSimilarQuerySchema>;

export const appealSimilarSchema = z.object({
  /** Open appeals (not rejected, merged or closed) of the caller's enterprise, most similar first (≤ 5). */
  open: z.array(
    z.object({
      id: z.string(),
      code: z.string(),
      title: z.string(),
      state: z.enum(APPEAL_STATES),
      topicCode: z.string().nullable(),
      topicName: z.string().nullable(),
      createdAt: z.string(),
      /** Text similarity 0..1. */
      score: z.number(),
    }),
  ),
  /** Answered appeals whose submitter and department agreed to publish them: title and reply only (≤ 5). */
  public: z.array(
    z.object({
      id: z.string(),
      code: z.string(),
      title: z.string(),
      reply: z.string(),
      topicCode: z.string().nullable(),
      topicName: z.string().nullable(),
      repliedAt: z.string().nullable(),
      score: z.number(),
    }),
  ),
  /** Published knowledge-base answers (≤ 5). */
  kb: z.array(appealKbHitSchema),
});
export type AppealSimilar = z.infer<typeof appealSimilarSchema>;

/** GET /appeals/suggest (dispatcher): the routing classifier's top 3. */
export const appealSuggestQuerySchema = z.object({
  text: z
    .string({ message: '请填写诉求内容' })
    .trim()
    .min(1, '请填写诉求内容')
    .max(APPEAL_CONTENT_MAX, `内容过长（最多 ${APPEAL_CONTENT_MAX} 字）`),
});
export const appealSuggestListSchema = z.object({ items: z.array(appealSuggestionSchema) });
export type AppealSuggestList = z.infer<typeof appealSuggestListSchema>;
