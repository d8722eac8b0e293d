import { z } from 'zod';

/**
 * Enums and action inputs of the appeals module (SPEC §2.4, 诉求受理). The state machine itself lives in
 * src/server/modules/appeals/workflow.ts and the working-day clock in sla.ts; this file holds only what the web
 * client needs too: codes, their Chinese labels and the shape of each action's input.
 */

// ——— enums and labels ———

/** 诉求类型. The type picks the default reply SLA (咨询/求助 3 working days, the others 13). */
export const APPEAL_TYPES = ['consult', 'help', 'complaint', 'report', 'suggestion'] as const;
export type AppealType = (typeof APPEAL_TYPES)[number];
export const APPEAL_TYPE_LABELS: Record<AppealType, string> = {
  consult: '咨询',
  help: '求助',
  complaint: '投诉',
  report: '举报',
  suggestion: '建议',
};

/** Lifecycle states. rejected, merged and closed are terminal. */
export const APPEAL_STATES = [
  'submitted',
  'accepted',
  'rejected',
  'needs_info',
  'dispatched',
  'signed',
  'replied',
  'rated',
  'closed',
  'returned',
  'merged',
] as const;
export type AppealState = (typeof APPEAL_STATES)[number];
export const APPEAL_STATE_LABELS: Record<AppealState, string> = {
  submitted: '已提交',
  accepted: '已受理',
  rejected: '不予受理',
  needs_info: '待补充',
  dispatched: '已派单',
  signed: '已签收',
  replied: '已答复',
  rated: '已评价',
  closed: '已办结',
  returned: '已退单',
  merged: '已并单',
};
export const TERMINAL_APPEAL_STATES: readonly AppealState[] = ['rejected', 'merged', 'closed'];

export const APPEAL_ACTIONS = [
  'accept',
  'reject',
  'ask_info',
  'supply_info',
  'dispatch',
  'sign',
  'reply',
  'return',
  'redispatch',
  'insist',
  'request_extension',
  'approve_extension',
  'deny_extension',
  'urge',
  'supervise',
  'rate',
  'reopen',
  'merge_into',
  'auto_close',
  'close',
] as const;
export type AppealAction = (typeof APPEAL_ACTIONS)[number];
/** Verb phrases, so that messages read “不能受理”, “不能签收” … */
export const APPEAL_ACTION_LABELS: Record<AppealAction, string> = {
  accept: '受理',
  reject: '不予受理',
  ask_info: '要求补充材料',
  supply_info: '补充材料',
  dispatch: '派单',
  sign: '签收',
  reply: '答复',
  return: '退单',
  redispatch: '改派',
  insist: '维持原派单',
  request_extension: '申请延期',
  approve_extension: '批准延期',
  deny_extension: '驳回延期',
  urge: '催办',
  supervise: '督办',
  rate: '评价',
  reopen: '重办',
  merge_into: '并单',
  auto_close: '自动办结',
  close: '办结',
};

/** 满意 / 基本满意 / 不满意. 满意率 = (satisfied + basically_satisfied) / rated. */
export const APPEAL_RATINGS = ['satisfied', 'basically_satisfied', 'dissatisfied'] as const;
export type AppealRating = (typeof APPEAL_RATINGS)[number];
export const APPEAL_RATING_LABELS: Record<AppealRating, string> = {
  satisfied: '满意',
  basically_satisfied: '基本满意',
  dissatisfied: '不满意',
};

/** Side flag: an extension (延期) request of the lead department, decided by the dispatcher. */
export const EXTENSION_STATUSES = ['none', 'requested', 'approved', 'denied'] as const;
export type ExtensionStatus = (typeof EXTENSION_STATUSES)[number];
export const EXTENSION_STATUS_LABELS: Record<ExtensionStatus, string> = {
  none: '未申请',
  requested: '延期待审批',
  approved: '已批准延期',
  denied: '延期被驳回',
};

/** Side flag: the supervision ladder, 催办 (urge) then 督办 (supervise, by a leader). */
export const SUPERVISION_LEVELS = ['none', 'urged', 'supervised'] as const;
export type SupervisionLevel = (typeof SUPERVISION_LEVELS)[number];
export const SUPERVISION_LEVEL_LABELS: Record<SupervisionLevel, string> = {
  none: '无',
  urged: '已催办',
  supervised: '已督办',
};

/** Roles that take part in the appeal workflow; `system` is the scheduler (auto-close). */
export const APPEAL_ACTOR_ROLES = [
  'enterprise_member',
  'enterprise_admin',
  'liaison',
  'dispatcher',
  'handler',
  'leader',
  'system',
] as const;
export type AppealActorRole = (typeof APPEAL_ACTOR_ROLES)[number];
export const APPEAL_ACTOR_ROLE_LABELS: Record<AppealActorRole, string> = {
  enterprise_member: '企业成员',
  enterprise_admin: '企业管理员',
  liaison: '企业专员',
  dispatcher: '诉求分拨员',
  handler: '承办人',
  leader: '督办领导',
  system: '系统',
};

/**
 * How the actor stands to this one appeal, computed by the service from the database:
 * - submitter: the user who submitted it (an enterprise user, or the liaison who submitted on its behalf);
 * - own_enterprise: an enterprise user of the appeal's enterprise, or the liaison assigned to that enterprise;
 * - lead_department / assisting_department: a handler of the lead (主办) or an assisting (协办) department;
 * - none: no relation (dispatchers, leaders and the system need none).
 */
export const ACTOR_RELATIONS = [
  'submitter',
  'own_enterprise',
  'lead_department',
  'assisting_department',
  'none',
] as const;
export type ActorRelation = (typeof ACTOR_RELATIONS)[number];

/** SLA display states: 正常 / 临期 / 超期. */
export const SLA_STATUSES = ['on_time', 'due_soon', 'overdue'] as const;
export type SlaStatus = (typeof SLA_STATUSES)[number];
export const SLA_STATUS_LABELS: Record<SlaStatus, string> = {
  on_time: '正常',
  due_soon: '临期',
  overdue: '超期',
};

// ——— action inputs (validated by the routes; the state machine only decides who/when) ———

const note = z.string({ message: '说明应为文字' }).trim().max(2000, '说明过长（最多 2000 字）');
const required = (what: string, max = 2000) =>
  z
    .string({ message: `请填写${what}` })
    .trim()
    .min(1, `请填写${what}`)
    .max(max, `${what}过长（最多 ${max} 字）`);
const id = z.string({ message: '编号应为文字' }).min(1, '编号不能为空').max(64, '编号过长');

export const rejectInputSchema = z.strictObject({ reason: required('不予受理的理由') });
export const askInfoInputSchema = z.strictObject({ reason: required('需要补充的内容') });
/** Attachments one submission or one supplement (补充材料) may carry. */
export const APPEAL_MAX_ATTACHMENTS = 10;
const attachments = z
  .array(id, { message: '附件应为列表' })
  .max(APPEAL_MAX_ATTACHMENTS, `附件最多 ${APPEAL_MAX_ATTACHMENTS} 个`)
  .default([]);
/** 补充材料: text, and files uploaded with POST /files?purpose=appeal (checked like the intake's). */
export const supplyInfoInputSchema = z.strictObject({
  content: required('补充内容', 5000),
  attachments,
});
export const dispatchInputSchema = z
  .strictObject({
    leadDepartmentId: id,
    assistingDepartmentIds: z
      .array(id, { message: '协办部门应为列表' })
      .max(10, '协办部门最多 10 个')
      .default([]),
    topic: z.string().trim().min(1).max(64).optional(),
    note: note.optional(),
  })
  .refine((v) => !v.assistingDepartmentIds.includes(v.leadDepartmentId), {
    message: '主办部门不能同时作为协办部门',
    path: ['assistingDepartmentIds'],
  })
  .refine((v) => new Set(v.assistingDepartmentIds).size === v.assistingDepartmentIds.length, {
    message: '协办部门重复',
    path: ['assistingDepartmentIds'],
  });
export const replyInputSchema = z
  .strictObject({
    content: required('答复内容', 5000),
    solved: z.boolean({ message: '请选择是否已解决' }),
    unsolvedReason: z.string().trim().max(2000, '未解决原因过长（最多 2000 字）').optional(),
    public: z.boolean({ message: '请选择答复是否可公开' }),
  })
  .refine((v) => v.solved || (v.unsolvedReason !== undefined && v.unsolvedReason.length > 0), {
    message: '未解决时请填写原因',
    path: ['unsolvedReason'],
  });
export const returnInputSchema = z.strictObject({ basis: required('退单依据') });
export const redispatchInputSchema = dispatchInputSchema;
export const insistInputSchema = z.strictObject({ reason: required('维持原派单的理由') });
export const requestExtensionInputSchema = z.strictObject({
  days: z
    .number({ message: '请填写延期工作日数' })
    .int('延期天数应为整数')
    .min(1, '延期至少 1 个工作日')
    .max(30, '延期最多 30 个工作日'),
  reason: required('延期理由'),
});
export const decideExtensionInputSchema = z.strictObject({ note: note.optional() });
export const supervisionInputSchema = z.strictObject({ note: required('督促意见') });
export const rateInputSchema = z.strictObject({
  rating: z.enum(APPEAL_RATINGS, { message: '请选择满意、基本满意或不满意' }),
  solved: z.boolean({ message: '请选择问题是否已解决' }),
  comment: z.string().trim().max(2000, '评价过长（最多 2000 字）').optional(),
});
export const reopenInputSchema = z.strictObject({ reason: required('重办理由') });
export const mergeInputSchema = z.strictObject({ targetAppealId: id, note: note.optional() });
export const closeInputSchema = z.strictObject({ note: note.optional() });
