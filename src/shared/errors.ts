/**
 * The error catalogue: every error the API can answer has a stable code, an HTTP status and a default
 * Chinese message. Codes are the contract with clients; messages may be refined per call.
 */
export const ERRORS = {
  // 400 — the request itself is wrong
  VALIDATION_FAILED: { status: 400, message: '提交的内容有误，请检查标注的字段' },
  UNKNOWN_FIELD: { status: 400, message: '提交的内容包含不允许的字段' },
  INVALID_JSON: { status: 400, message: '请求体不是有效的 JSON' },
  INVALID_PHONE: { status: 400, message: '请输入有效的 11 位手机号码' },
  WEAK_PASSWORD: { status: 400, message: '密码强度不足' },
  SMS_CODE_INVALID: { status: 400, message: '短信验证码错误或已过期' },
  INVALID_USCC: { status: 400, message: '统一社会信用代码不正确' },
  INVALID_DATE: { status: 400, message: '日期不存在或格式不正确（应为 YYYY-MM-DD）' },
  DATE_IN_FUTURE: { status: 400, message: '日期不能晚于今天' },
  UNKNOWN_INDUSTRY: { status: 400, message: '行业代码不在国民经济行业分类（GB/T 4754-2017）中' },
  NEGATIVE_NUMBER: { status: 400, message: '数值不能为负数' },
  UNKNOWN_STREET: { status: 400, message: '街道不在本区街道列表中' },
  UNKNOWN_QUALIFICATION_KIND: { status: 400, message: '资质类型不在资质列表中' },
  INVALID_YEAR: { status: 400, message: '年度超出允许范围' },
  NOT_LIAISON: { status: 400, message: '该用户不是企业专员' },
  UNKNOWN_ROLE: { status: 400, message: '角色不存在' },
  INVALID_CALENDAR: { status: 400, message: '日历数据有误' },
  INVALID_RULES: { status: 400, message: '资格规则有误，请检查标注的条件' },
  UNKNOWN_FILE: { status: 400, message: '附件不存在或无权使用，请重新上传' },
  MISSING_MATERIALS: { status: 400, message: '缺少必须提交的申报材料' },
  UNKNOWN_DEPARTMENT: { status: 400, message: '部门不存在' },
  UNKNOWN_DOCUMENT: { status: 400, message: '政策文件不存在' },
  UNKNOWN_PERSONAL_DATA: { status: 400, message: '不支持查看该项个人信息' },
  // notifications (modules/notifications)
  INVALID_EMAIL: { status: 400, message: '请输入有效的电子邮箱地址' },
  UNKNOWN_NOTIFICATION_KIND: { status: 400, message: '消息类型不存在' },
  // insights (modules/insights)
  INSIGHTS_PERIOD_REVERSED: { status: 400, message: '截止日期不能早于起始日期' },
  INSIGHTS_PERIOD_TOO_LONG: { status: 400, message: '统计区间最长 5 年' },
  UNKNOWN_INSIGHTS_TABLE: { status: 400, message: '没有这张统计表' },
  // 401 / 403 — who you are and what you may do
  UNAUTHENTICATED: { status: 401, message: '请先登录' },
  INVALID_CREDENTIALS: { status: 401, message: '账号或密码错误' },
  SESSION_EXPIRED: { status: 401, message: '登录已过期，请重新登录' },
  FORBIDDEN: { status: 403, message: '没有权限执行此操作' },
  CSRF_REJECTED: { status: 403, message: '跨站请求已被拒绝' },
  ACCOUNT_LOCKED: { status: 403, message: '登录失败次数过多，账号已临时锁定，请稍后再试' },
  ACCOUNT_DISABLED: { status: 403, message: '账号已停用，请联系管理员' },
  PASSWORD_EXPIRED: { status: 403, message: '密码已过期，请修改密码后再登录' },
  // TOTP second factor (modules/accounts/totp.ts)
  TOTP_CODE_MALFORMED: { status: 400, message: '请输入 6 位数字动态码' },
  RECOVERY_CODE_MALFORMED: { status: 400, message: '恢复码应为 12 位字母和数字，如 abcd-efgh-jkmn' },
  TOTP_CODE_INCORRECT: { status: 401, message: '动态码不正确或已使用过，请输入身份验证器中最新的动态码' },
  LOGIN_CHALLENGE_INVALID: { status: 401, message: '登录验证已失效，请重新输入账号和密码' },
  TOTP_ALREADY_ENABLED: { status: 409, message: '两步验证已启用' },
  TOTP_NOT_ENABLED: { status: 409, message: '尚未启用两步验证' },
  TOTP_ENROLMENT_EXPIRED: { status: 409, message: '两步验证设置已过期，请重新开始' },
  // 404 / 409 — the object
  NOT_FOUND: { status: 404, message: '请求的对象不存在' },
  ROUTE_NOT_FOUND: { status: 404, message: '接口不存在' },
  CONFLICT: { status: 409, message: '操作与当前状态冲突' },
  PHONE_TAKEN: { status: 409, message: '该手机号已注册' },
  USERNAME_TAKEN: { status: 409, message: '该用户名已被使用' },
  ALREADY_BOUND: { status: 409, message: '您已绑定企业' },
  USCC_TAKEN: { status: 409, message: '该统一社会信用代码已属于另一家企业' },
  QUALIFICATION_KIND_EXISTS: { status: 409, message: '该资质类型已存在' },
  BINDING_NOT_PENDING: { status: 409, message: '该绑定申请已处理' },
  DEPARTMENT_IN_USE: { status: 409, message: '该部门下仍有用户，不能删除' },
  CALENDAR_YEAR_EXISTS: { status: 409, message: '该年度日历已存在' },
  STALE_VERSION: { status: 409, message: '数据已被他人修改，请刷新后重试' },
  INVALID_TRANSITION: { status: 409, message: '当前状态下不能执行该操作' },
  DOCUMENT_NOT_PUBLISHED: { status: 409, message: '所属政策文件尚未发布' },
  CLAIM_WINDOW_CLOSED: { status: 409, message: '不在申报期内' },
  CLAIM_EXISTS: { status: 409, message: '本年度已申请过该事项' },
  BUDGET_EXCEEDED: { status: 409, message: '核定金额超出该事项剩余预算' },
  // appeals (诉求): the state machine's refusals (modules/appeals/workflow.ts)
  APPEAL_ACTION_FORBIDDEN: { status: 403, message: '您的角色不能对该诉求执行此操作' },
  APPEAL_STATE_CONFLICT: { status: 409, message: '诉求当前状态不允许此操作' },
  APPEAL_EXTENSION_PENDING: { status: 409, message: '已有待审批的延期申请' },
  APPEAL_NO_EXTENSION_REQUEST: { status: 409, message: '没有待审批的延期申请' },
  APPEAL_DEADLINE_PASSED: { status: 409, message: '已过办理时限，不能申请延期' },
  APPEAL_ALREADY_SUPERVISED: { status: 409, message: '该诉求已在督办中' },
  APPEAL_NOT_DISSATISFIED: { status: 409, message: '仅对不满意或未解决的诉求可以申请重办' },
  APPEAL_REOPEN_WINDOW_CLOSED: { status: 409, message: '已超过可申请重办的期限' },
  APPEAL_RATING_WINDOW_OPEN: { status: 409, message: '评价期限未到，暂不能自动办结' },
  APPEAL_REOPEN_WINDOW_OPEN: { status: 409, message: '重办申请期限未到，暂不能办结' },
  APPEAL_UNKNOWN_TOPIC: { status: 400, message: '事项分类不存在或已停用' },
  APPEAL_UNKNOWN_ENTERPRISE: { status: 400, message: '企业不存在或不是您负责的企业' },
  APPEAL_INVALID_MERGE_TARGET: { status: 400, message: '并入的诉求不存在或就是本诉求' },
  APPEAL_FILE_IN_USE: { status: 400, message: '该附件已添加到诉求中，不能重复使用，请重新上传' },
  APPEAL_TOPIC_EXISTS: { status: 409, message: '该分类编码已存在' },
  // 413 / 415 / 422 / 429
  PAYLOAD_TOO_LARGE: { status: 413, message: '提交的内容过大' },
  UNSUPPORTED_MEDIA_TYPE: { status: 415, message: '不支持的内容类型，接口只接受 JSON' },
  UNPROCESSABLE: { status: 422, message: '无法处理该请求' },
  RATE_LIMITED: { status: 429, message: '请求过于频繁，请稍后再试' },
  SMS_TOO_FREQUENT: { status: 429, message: '验证码发送过于频繁，请稍后再试' },
  // buildings import (楼宇/房源表格导入; modules/buildings/import.ts, xlsx-reader.ts)
  BUILDING_IMPORT_NOT_XLSX: { status: 400, message: '文件不是有效的 Excel 工作簿（.xlsx），请使用导入模板' },
  BUILDING_IMPORT_UNSAFE_FILE: { status: 400, message: '文件解压后体积异常，疑似压缩炸弹，已拒绝' },
  BUILDING_IMPORT_TOO_LARGE: { status: 413, message: '文件过大' },
  BUILDING_IMPORT_TOO_MANY_ROWS: { status: 400, message: '数据行数超过上限' },
  BUILDING_IMPORT_BAD_HEADERS: { status: 400, message: '表头与导入模板不一致' },
  BUILDING_IMPORT_EMPTY: { status: 400, message: '文件中没有可导入的数据行' },
  BUILDING_IMPORT_HAS_ERRORS: { status: 409, message: '导入预览中仍有错误行，请修改文件后重新上传' },
  BUILDING_IMPORT_NOT_PREVIEWED: { status: 409, message: '该导入批次已提交或已作废' },
  // 5xx — never for bad input
  INTERNAL: { status: 500, message: '服务器内部错误，请稍后再试' },
  SERVICE_UNAVAILABLE: { status: 503, message: '服务暂不可用' },
  // buildings (楼宇资源, modules/buildings)
  BUILDING_INVALID_RENT: { status: 400, message: '租金有误：须为正数并注明单位（元/㎡·天 或 元/㎡·月）' },
  BUILDING_INVALID_AREA: { status: 400, message: '面积须为大于 0 的平方米数' },
  BUILDING_INVALID_FLOOR: { status: 400, message: '楼层有误（地下层为负数，没有 0 层）' },
  BUILDING_INVALID_PHONE: { status: 400, message: '联系电话格式不正确' },
  BUILDING_UNKNOWN_SPACE: { status: 400, message: '房源不存在或不属于该楼宇' },
  BUILDING_UNKNOWN_ENTERPRISE: { status: 400, message: '企业不在企业库中' },
  BUILDING_NOT_IMAGE: { status: 400, message: '楼宇照片须为 JPG 或 PNG 图片' },
  BUILDING_SPACE_EXISTS: { status: 409, message: '该楼宇同一楼层已有相同房号的房源' },
  BUILDING_ARCHIVED: { status: 409, message: '楼宇已归档，不能修改' },
  BUILDING_ALREADY_MOVED_OUT: { status: 409, message: '该企业已登记迁出' },
  // visits (走访记录, modules/enterprises/visits.ts)
  VISIT_UNKNOWN_TOPIC: { status: 400, message: '议题不在走访议题列表中' },
  VISIT_EDIT_CLOSED: { status: 409, message: '走访记录已超过 7 天修改期，只能追加更正说明' },
  VISIT_VERSION_CONFLICT: { status: 409, message: '走访记录已被修改，请刷新后重试' },
  VISIT_PROBLEM_LINKED: { status: 409, message: '该问题已转为诉求，不能修改或删除' },
  // content (信息资讯, modules/content)
  CONTENT_VERSION_CONFLICT: { status: 409, message: '内容已被他人修改，请刷新后重试' },
  CONTENT_INVALID_STATE: { status: 409, message: '内容当前状态下不能执行该操作' },
  CONTENT_NOT_DELETABLE: { status: 409, message: '只能删除从未发布过的草稿；已发布过的内容请撤回或归档' },
  CONTENT_TOO_MANY_ATTACHMENTS: { status: 409, message: '附件数量已达上限' },
} as const satisfies Record<string, { status: number; message: string }>;

export type ErrorCode = keyof typeof ERRORS;

/** One field's problem, shown by the UI beside the field. `field` is a dotted path such as `yearly.0.revenue`. */
export interface FieldError {
  field: string;
  code: ErrorCode;
  message: string;
}

/** The error body of every failed API call (SPEC §3). */
export interface ErrorBody {
  error: { code: ErrorCode; message: string; details?: unknown; requestId?: string };
}
