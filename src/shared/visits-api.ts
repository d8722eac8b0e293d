import { z } from 'zod';
import { APPEAL_STATES, APPEAL_TYPES } from './appeals';
import { coded, isoDateSchema } from './validation';

/**
 * 走访记录: a liaison's (企业专员) record of a visit to one of his enterprises (SPEC §1, §2.2). Internal notes: the
 * enterprise's own users never see them. The server validates with these schemas and the web imports them for types.
 */

/** 走访形式 */
export const VISIT_FORMS = ['onsite', 'phone', 'meeting', 'online'] as const;
export type VisitForm = (typeof VISIT_FORMS)[number];
export const VISIT_FORM_LABELS: Record<VisitForm, string> = {
  onsite: '上门走访',
  phone: '电话回访',
  meeting: '座谈会',
  online: '线上会议',
};

/** 走访议题: the usual subjects of a 企业走访, plus free text (`topicNote`). */
export const VISIT_TOPICS = [
  'operations',
  'employment',
  'financing',
  'premises',
  'policy',
  'tax',
  'innovation',
  'market',
  'approval',
  'other',
] as const;
export type VisitTopic = (typeof VISIT_TOPICS)[number];
export const VISIT_TOPIC_LABELS: Record<VisitTopic, string> = {
  operations: '经营情况',
  employment: '用工',
  financing: '融资',
  premises: '用地/用房',
  policy: '政策需求',
  tax: '税费',
  innovation: '科技创新',
  market: '市场拓展',
  approval: '审批办证',
  other: '其他',
};

/**
 * What became of a problem (诉求) raised during the visit. `appeal` is set only by turning the problem into an
 * appeal submitted on the enterprise's behalf (代提); the visit then shows the appeal's own state.
 */
export const VISIT_PROBLEM_STATUSES = ['answered', 'appeal', 'following', 'resolved'] as const;
export type VisitProblemStatus = (typeof VISIT_PROBLEM_STATUSES)[number];
export const VISIT_PROBLEM_STATUS_LABELS: Record<VisitProblemStatus, string> = {
  answered: '当场解答',
  appeal: '转为诉求',
  following: '持续跟进',
  resolved: '已解决',
};
/** Statuses a liaison sets by hand. */
export const VISIT_PROBLEM_MANUAL_STATUSES = ['answered', 'following', 'resolved'] as const;
/** Problems still needing work: being followed, or turned into an appeal that is not finished. */
export const VISIT_OPEN_PROBLEM_STATUSES: readonly VisitProblemStatus[] = ['following', 'appeal'];

/** The author may change a visit record for this many days after creating it; then only notes are appended. */
export const VISIT_EDIT_DAYS = 7;
/** An enterprise not visited for this many days counts as uncovered (走访覆盖). */
export const VISIT_COVERAGE_DAYS = 90;
export const VISIT_MAX_PROBLEMS = 20;
export const VISIT_MAX_PEOPLE = 20;

const id = z.string({ message: '编号应为文字' }).min(1, '编号不能为空').max(64, '编号过长');
const text = (label: string, max: number, min = 0) =>
  z
    .string({ message: `${label}应为文字` })
    .trim()
    .min(min, `请填写${label}`)
    .max(max, `${label}过长（最多 ${max} 字）`);

export const visitPersonSchema = z.strictObject({
  name: text('姓名', 30, 1),
  post: text('职务', 50).default(''),
});

export const visitTopicSchema = z
  .string({ message: '议题应为文字' })
  .refine(
    (v) => (VISIT_TOPICS as readonly string[]).includes(v),
    coded('VISIT_UNKNOWN_TOPIC', '议题不在走访议题列表中'),
  );

export const visitProblemInputSchema = z.strictObject({
  /** An existing problem of the record (update); absent for a new one. */
  id: id.optional(),
  text: text('问题内容', 500, 1),
  status: z.enum(VISIT_PROBLEM_STATUSES, { message: '请选择问题的处理情况' }),
});

const visitFields = {
  visitedOn: isoDateSchema,
  form: z.enum(VISIT_FORMS, { message: '请选择走访形式' }),
  people: z
    .array(visitPersonSchema, { message: '座谈人员应为列表' })
    .max(VISIT_MAX_PEOPLE, `座谈人员最多 ${VISIT_MAX_PEOPLE} 人`)
    .default([]),
  topics: z
    .array(visitTopicSchema, { message: '议题应为列表' })
    .min(1, '请至少选择一个议题')
    .max(VISIT_TOPICS.length)
    .refine((v) => new Set(v).size === v.length, '议题不能重复'),
  topicNote: text('其他议题说明', 200).default(''),
  discussion: text('交流内容', 5000, 1),
  problems: z
    .array(visitProblemInputSchema, { message: '问题应为列表' })
    .max(VISIT_MAX_PROBLEMS, `问题最多 ${VISIT_MAX_PROBLEMS} 条`)
    .default([]),
  note: text('专员备注', 2000).default(''),
  nextVisitOn: isoDateSchema.nullable().default(null),
};

export const visitCreateSchema = z.strictObject({ enterpriseId: id, ...visitFields });
export type VisitCreateInput = z.input<typeof visitCreateSchema>;

export const visitUpdateSchema = z.strictObject({
  ...visitFields,
  version: z.number({ message: '缺少版本号' }).int().min(1),
});
export type VisitUpdateInput = z.input<typeof visitUpdateSchema>;

export const visitNoteInputSchema = z.strictObject({ text: text('更正说明', 1000, 1) });

export const visitProblemStatusInputSchema = z.strictObject({
  status: z.enum(VISIT_PROBLEM_MANUAL_STATUSES, { message: '请选择当场解答、持续跟进或已解决' }),
});

/** 转为诉求: the appeal submitted on the enterprise's behalf; title and content default from the problem. */
export const visitProblemAppealSchema = z.strictObject({
  type: z.enum(APPEAL_TYPES, { message: '请选择诉求类型（咨询、求助、投诉、举报、建议）' }),
  topicCode: z.string().trim().min(1).max(64).optional(),
  title: text('标题', 100, 1),
  content: text('诉求内容', 5000, 1),
  contactName: z.string().trim().max(50, '联系人姓名过长').optional(),
  contactPhone: z.string().trim().max(30, '联系电话过长').optional(),
});
export type VisitProblemAppealInput = z.input<typeof visitProblemAppealSchema>;

const ref = z.object({ id: z.string(), name: z.string() });

export const visitProblemSchema = z.object({
  id: z.string(),
  text: z.string(),
  status: z.enum(VISIT_PROBLEM_STATUSES),
  appeal: z
    .object({
      id: z.string(),
      code: z.string(),
      state: z.enum(APPEAL_STATES),
      title: z.string(),
    })
    .nullable(),
  updatedAt: z.string(),
});
export type VisitProblem = z.infer<typeof visitProblemSchema>;

export const visitNoteSchema = z.object({
  id: z.string(),
  text: z.string(),
  authorName: z.string(),
  createdAt: z.string(),
});

export const visitSummarySchema = z.object({
  id: z.string(),
  enterprise: ref,
  liaison: ref,
  visitedOn: z.string(),
  form: z.enum(VISIT_FORMS),
  topics: z.array(z.enum(VISIT_TOPICS)),
  problemCount: z.number(),
  openProblemCount: z.number(),
  nextVisitOn: z.string().nullable(),
  createdAt: z.string(),
});
export type VisitSummary = z.infer<typeof visitSummarySchema>;

export const visitDetailSchema = visitSummarySchema.extend({
  people: z.array(z.object({ name: z.string(), post: z.string() })),
  topicNote: z.string(),
  discussion: z.string(),
  note: z.string(),
  problems: z.array(visitProblemSchema),
  notes: z.array(visitNoteSchema),
  version: z.number(),
  updatedAt: z.string(),
  /** Until when the author may still change the record (ISO instant). */
  editableUntil: z.string(),
  permissions: z.object({
    edit: z.boolean(),
    note: z.boolean(),
    /** Turn a problem into an appeal, set a problem's follow-up status: the enterprise's current liaison. */
    followUp: z.boolean(),
  }),
});
export type VisitDetail = z.infer<typeof visitDetailSchema>;

export const visitListQuerySchema = z.object({
  enterpriseId: id.optional(),
  liaisonId: id.optional(),
  from: isoDateSchema.optional(),
  to: isoDateSchema.optional(),
  form: z.enum(VISIT_FORMS, { message: '走访形式不正确' }).optional(),
  openProblems: z.enum(['true', 'false']).optional(),
  page: z.coerce.number().int().min(1).default(1),
  pageSize: z.coerce.number().int().min(1).max(100).default(20),
});

export const visitListSchema = z.object({
  items: z.array(visitSummarySchema),
  total: z.number(),
  page: z.number(),
  pageSize: z.number(),
});
export type VisitList = z.infer<typeof visitListSchema>;

/** The enterprises a liaison may record visits for (the picker of the form). */
export const visitEnterpriseOptionsSchema = z.object({
  items: z.array(
    z.object({
      id: z.string(),
      name: z.string(),
      street: z.string().nullable(),
      lastVisitedOn: z.string().nullable(),
    }),
  ),
});

/** 走访覆盖: the leader's district-wide view. */
export const visitCoverageSchema = z.object({
  asOf: z.string(),
  days: z.number(),
  /** Enterprises with a liaison; of them visited in the last `days` days. */
  assigned: z.number(),
  covered: z.number(),
  /** Visits recorded in the last `days` days and in the last 12 months. */
  visitsInWindow: z.number(),
  visitsInYear: z.number(),
  openProblems: z.number(),
  liaisons: z.array(
    z.object({
      id: z.string(),
      name: z.string(),
      enterprises: z.number(),
      covered: z.number(),
      visitsInWindow: z.number(),
      visitsInYear: z.number(),
      openProblems: z.number(),
      lastVisitedOn: z.string().nullable(),
    }),
  ),
  uncovered: z.array(
    z.object({
      id: z.string(),
      name: z.string(),
      street: z.string().nullable(),
      liaison: ref,
      lastVisitedOn: z.string().nullable(),
    }),
  ),
});
export type VisitCoverage = z.infer<typeof visitCoverageSchema>;
