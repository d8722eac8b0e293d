import { z } from 'zod';
import { findIndustry } from './industries';
import { coded, isoDateSchema, nonNegative, nonNegativeInt, usccSchema } from './validation';

/**
 * Contracts of the enterprises module (SPEC §2.2, 一企一档), shared by the API and the web forms.
 *
 * Conventions:
 * - figures are in 万元; `null` means unknown and is never shown or treated as 0;
 * - every profile value has a provenance entry keyed by its field path (see `ProvenanceKey`);
 * - personal data arrives masked (phones `138****1234`); the legal representative's name is public business info.
 */

// ——— enums and labels ———

export const IP_KINDS = ['invention', 'utility_model', 'design', 'software_copyright', 'trademark'] as const;
export type IpKind = (typeof IP_KINDS)[number];
export const IP_KIND_LABELS: Record<IpKind, string> = {
  invention: '发明专利',
  utility_model: '实用新型',
  design: '外观设计',
  software_copyright: '软件著作权',
  trademark: '商标',
};

export const SIZE_CLASSES = ['large', 'medium', 'small', 'micro'] as const;
export type SizeClassCode = (typeof SIZE_CLASSES)[number];
export const SIZE_CLASS_NAMES: Record<SizeClassCode, string> = {
  large: '大型',
  medium: '中型',
  small: '小型',
  micro: '微型',
};

/** self 企业自报 | import 导入 (sourceRef = file name) | staff 部门核验/录入 */
export const FIELD_SOURCES = ['self', 'import', 'staff'] as const;
export type FieldSource = (typeof FIELD_SOURCES)[number];
export const FIELD_SOURCE_LABELS: Record<FieldSource, string> = {
  self: '企业自报',
  import: '批量导入',
  staff: '部门核验',
};

export const BINDING_STATUSES = ['pending', 'confirmed', 'rejected', 'removed'] as const;
export type BindingStatus = (typeof BINDING_STATUSES)[number];
export const BINDING_STATUS_LABELS: Record<BindingStatus, string> = {
  pending: '待确认',
  confirmed: '已确认',
  rejected: '已驳回',
  removed: '已移除',
};
export const BINDING_ROLES = ['enterprise_admin', 'enterprise_member'] as const;
export type BindingRole = (typeof BINDING_ROLES)[number];

/** Yearly figures, 万元. */
export const YEARLY_METRICS = ['revenue', 'taxPaid', 'rdSpending', 'exports', 'totalAssets'] as const;
export type YearlyMetric = (typeof YEARLY_METRICS)[number];
export const YEARLY_METRIC_LABELS: Record<YearlyMetric, string> = {
  revenue: '营业收入',
  taxPaid: '纳税额',
  rdSpending: '研发投入',
  exports: '出口额',
  totalAssets: '资产总额',
};

/** The scalar profile fields, each with its own provenance entry under the same key. */
export const PROFILE_FIELDS = [
  'name',
  'uscc',
  'legalRepresentative',
  'registeredCapital',
  'establishedOn',
  'registeredAddress',
  'streetCode',
  'industryCode',
  'employees',
  'insuredEmployees',
  'building',
  'unit',
  'tags',
] as const;
export type ProfileField = (typeof PROFILE_FIELDS)[number];
export const PROFILE_FIELD_LABELS: Record<ProfileField, string> = {
  name: '企业名称',
  uscc: '统一社会信用代码',
  legalRepresentative: '法定代表人',
  registeredCapital: '注册资本（万元）',
  establishedOn: '成立日期',
  registeredAddress: '注册地址',
  streetCode: '所属街道',
  industryCode: '所属行业',
  employees: '从业人员',
  insuredEmployees: '参保人数',
  building: '所在楼宇',
  unit: '房间/单元',
  tags: '标签',
};

/**
 * Provenance keys: a ProfileField (`employees`), a yearly figure (`yearly.2025.revenue`), an IP count
 * (`ip.invention`) or a qualification (`qualifications.<id>`).
 */
export type ProvenanceKey = string;
export const PROVENANCE_KEY_RE = new RegExp(
  `^(?:${PROFILE_FIELDS.join('|')}|yearly\\.\\d{4}\\.(?:${YEARLY_METRICS.join('|')})|ip\\.(?:${IP_KINDS.join('|')})|qualifications\\.[0-9a-z]{1,64})$`,
);

/** Default qualification list (an admin may add more); codes are stable because eligibility rules refer to them. */
export const DEFAULT_QUALIFICATION_KINDS: readonly { code: string; name: string }[] = [
  { code: 'high_tech', name: '高新技术企业' },
  { code: 'tech_sme', name: '科技型中小企业' },
  { code: 'specialized_sme', name: '专精特新中小企业' },
  { code: 'little_giant', name: '专精特新“小巨人”企业' },
  { code: 'gazelle', name: '瞪羚企业' },
  { code: 'unicorn', name: '独角兽企业' },
  { code: 'hidden_champion', name: '隐形冠军企业' },
  { code: 'listed', name: '上市公司' },
];

/** Oldest year a yearly figure may be recorded for; the newest is the current year (Asia/Shanghai). */
export const FIRST_FIGURES_YEAR = 1990;

// ——— input building blocks ———

const text = (label: string, max: number) =>
  z
    .string({ message: `${label}应为文字` })
    .trim()
    .min(1, `请填写${label}`)
    .max(max, `${label}不能超过 ${max} 个字`);

const optionalText = (label: string, max: number) =>
  z
    .string({ message: `${label}应为文字` })
    .trim()
    .max(max, `${label}不能超过 ${max} 个字`)
    .nullable()
    .transform((v) => (v === '' ? null : v));

/** GB/T 4754-2017 code (大类 or finer), normalised to digits ('I6511' → '6511'). */
export const industryCodeSchema = z
  .string({ message: '行业代码应为文字' })
  .trim()
  .superRefine((v, ctx) => {
    if (!findIndustry(v)) {
      ctx.addIssue({
        code: 'custom',
        message: `行业代码“${v}”不在国民经济行业分类（GB/T 4754-2017）中，应为 2–4 位数字，如 65 或 6511`,
        params: { code: 'UNKNOWN_INDUSTRY' },
      });
    }
  })
  .transform((v) => findIndustry(v)?.code ?? v);

const tagsSchema = z
  .array(
    z.string({ message: '标签应为文字' }).trim().min(1, '标签不能为空').max(20, '标签不能超过 20 个字'),
    { message: '标签应为列表' },
  )
  .max(20, '标签最多 20 个')
  .transform((tags) => [...new Set(tags)]);

const versionSchema = z.number({ message: '缺少版本号 version' }).int().min(1);

/** Insured employees cannot exceed employees when both are given in the same request. */
function insuredNotAboveEmployees(
  v: { employees?: number | null | undefined; insuredEmployees?: number | null | undefined },
  ctx: z.RefinementCtx,
) {
  if (
    typeof v.employees === 'number' &&
    typeof v.insuredEmployees === 'number' &&
    v.insuredEmployees > v.employees
  ) {
    ctx.addIssue({
      code: 'custom',
      path: ['insuredEmployees'],
      message: `参保人数（${v.insuredEmployees}）不能多于从业人员数（${v.employees}）`,
      params: { code: 'VALIDATION_FAILED' },
    });
  }
}

// ——— reference data ———

export const streetSchema = z.object({ code: z.string(), name: z.string(), sortOrder: z.number() });
export type Street = z.infer<typeof streetSchema>;

export const industryTreeSchema = z.object({
  sections: z.array(
    z.object({
      code: z.string(),
      name: z.string(),
      divisions: z.array(z.object({ code: z.string(), name: z.string() })),
    }),
  ),
});
export type IndustryTree = z.infer<typeof industryTreeSchema>;

export const qualificationKindSchema = z.object({
  code: z.string(),
  name: z.string(),
  sortOrder: z.number(),
  active: z.boolean(),
});
export type QualificationKind = z.infer<typeof qualificationKindSchema>;

export const qualificationKindInputSchema = z.strictObject({
  code: z
    .string()
    .trim()
    .regex(/^[a-z][a-z0-9_]{1,31}$/, '编码应为 2–32 位小写字母、数字或下划线，以字母开头'),
  name: text('资质名称', 40),
  sortOrder: z.number().int().min(0).max(9999).default(0),
});
export type QualificationKindInput = z.input<typeof qualificationKindInputSchema>;

export const qualificationKindPatchSchema = z.strictObject({
  name: text('资质名称', 40).optional(),
  sortOrder: z.number().int().min(0).max(9999).optional(),
  active: z.boolean().optional(),
});

// ——— bindings ———

export const bindingRequestSchema = z.strictObject({
  uscc: usccSchema,
  /** The name as the applicant writes it; creates the enterprise when the USCC is new, else shown to the confirmer. */
  name: text('企业名称', 100),
});
export type BindingRequest = z.input<typeof bindingRequestSchema>;

export const bindingSchema = z.object({
  id: z.string(),
  user: z.object({ id: z.string(), displayName: z.string(), phoneMasked: z.string().nullable() }),
  enterprise: z.object({ id: z.string(), name: z.string(), uscc: z.string() }),
  /** The name the applicant typed (may differ from the registered name: the confirmer should compare). */
  claimedName: z.string().nullable(),
  role: z.enum(BINDING_ROLES),
  status: z.enum(BINDING_STATUSES),
  note: z.string().nullable(),
  requestedAt: z.string(),
  decidedAt: z.string().nullable(),
  decidedByName: z.string().nullable(),
});
export type Binding = z.infer<typeof bindingSchema>;

export const bindingListQuerySchema = z.object({
  status: z.enum(BINDING_STATUSES).optional(),
  page: z.coerce.number().int().min(1).default(1),
  pageSize: z.coerce.number().int().min(1).max(100).default(20),
});

export const bindingRejectSchema = z.strictObject({ reason: text('驳回理由', 200) });

export const memberSchema = z.object({
  userId: z.string(),
  displayName: z.string(),
  phoneMasked: z.string().nullable(),
  role: z.enum(BINDING_ROLES),
  since: z.string().nullable(),
});
export type Member = z.infer<typeof memberSchema>;

// ——— profile (read) ———

export const provenanceSchema = z.object({
  source: z.enum(FIELD_SOURCES),
  /** Import file name for `import`; null otherwise. */
  sourceRef: z.string().nullable(),
  updatedAt: z.string(),
  updatedByName: z.string().nullable(),
});
export type Provenance = z.infer<typeof provenanceSchema>;

export const yearlyFiguresSchema = z.object({
  year: z.number().int(),
  revenue: z.number().nullable(),
  taxPaid: z.number().nullable(),
  rdSpending: z.number().nullable(),
  exports: z.number().nullable(),
  totalAssets: z.number().nullable(),
});
export type YearlyFigures = z.infer<typeof yearlyFiguresSchema>;

export const ipCountsSchema = z.object({
  invention: z.number().int().nullable(),
  utility_model: z.number().int().nullable(),
  design: z.number().int().nullable(),
  software_copyright: z.number().int().nullable(),
  trademark: z.number().int().nullable(),
});
export type IpCounts = z.infer<typeof ipCountsSchema>;

export const enterpriseQualificationSchema = z.object({
  id: z.string(),
  kind: z.string(),
  kindName: z.string(),
  recognizedOn: z.string(),
  expiresOn: z.string().nullable(),
  certificateNo: z.string().nullable(),
  /** Derived from the clock: false once expiresOn has passed. */
  current: z.boolean(),
  provenance: provenanceSchema,
});
export type EnterpriseQualification = z.infer<typeof enterpriseQualificationSchema>;

export const sizeInfoSchema = z.object({
  sizeClass: z.enum(SIZE_CLASSES).nullable(),
  label: z.string().nullable(),
  status: z.enum(['decided', 'undetermined', 'not_applicable']),
  /** The year whose revenue / total assets were used (the last completed year). */
  basisYear: z.number().int(),
  /** One Chinese sentence a clerk can read back to the enterprise. */
  basis: z.string(),
  /** What would settle an undetermined class: industryCode | employees | revenue | totalAssets. */
  missing: z.array(z.string()),
  standardId: z.string(),
});
export type SizeInfo = z.infer<typeof sizeInfoSchema>;

export const enterpriseProfileSchema = z.object({
  id: z.string(),
  uscc: z.string(),
  name: z.string(),
  legalRepresentative: z.string().nullable(),
  /** 万元 */
  registeredCapital: z.number().nullable(),
  establishedOn: z.string().nullable(),
  registeredAddress: z.string().nullable(),
  street: z.object({ code: z.string(), name: z.string() }).nullable(),
  industry: z
    .object({
      code: z.string(),
      name: z.string(),
      division: z.string(),
      section: z.string(),
      sectionName: z.string(),
    })
    .nullable(),
  employees: z.number().int().nullable(),
  insuredEmployees: z.number().int().nullable(),
  building: z.string().nullable(),
  unit: z.string().nullable(),
  tags: z.array(z.string()),
  /** Newest year first. */
  yearly: z.array(yearlyFiguresSchema),
  ip: ipCountsSchema,
  qualifications: z.array(enterpriseQualificationSchema),
  liaison: z
    .object({
      id: z.string(),
      name: z.string(),
      phoneMasked: z.string().nullable(),
      /** In full for the enterprise's own members (the liaison is their first contact) and the liaison; else null. */
      phone: z.string().nullable(),
    })
    .nullable(),
  size: sizeInfoSchema,
  /** Keyed by ProvenanceKey; a field without an entry has never been filled. */
  provenance: z.record(z.string(), provenanceSchema),
  version: z.number().int(),
  createdAt: z.string(),
  updatedAt: z.string(),
  /** What the caller may do (the UI hides buttons accordingly; the API checks again). */
  permissions: z.object({
    edit: z.boolean(),
    verify: z.boolean(),
    assignLiaison: z.boolean(),
    manageMembers: z.boolean(),
  }),
});
export type EnterpriseProfile = z.infer<typeof enterpriseProfileSchema>;

export const enterpriseSummarySchema = z.object({
  id: z.string(),
  uscc: z.string(),
  name: z.string(),
  street: z.object({ code: z.string(), name: z.string() }).nullable(),
  industry: z.object({ code: z.string(), name: z.string() }).nullable(),
  sizeClass: z.enum(SIZE_CLASSES).nullable(),
  employees: z.number().int().nullable(),
  liaison: z.object({ id: z.string(), name: z.string() }).nullable(),
  /** Qualification kind codes currently held. */
  qualifications: z.array(z.string()),
  tags: z.array(z.string()),
  updatedAt: z.string(),
});
export type EnterpriseSummary = z.infer<typeof enterpriseSummarySchema>;

export const enterpriseListQuerySchema = z.object({
  /** Substring of the name, or a prefix of the USCC. */
  q: z.string().trim().max(50).optional(),
  street: z.string().trim().max(32).optional(),
  /** Industry code prefix ('65' matches 6511). */
  industry: z
    .string()
    .trim()
    .regex(/^\d{1,4}$/, '行业代码应为 1–4 位数字')
    .optional(),
  sizeClass: z.enum(SIZE_CLASSES).optional(),
  qualification: z.string().trim().max(32).optional(),
  /** `me` or a liaison's user id. */
  liaison: z.string().trim().max(64).optional(),
  page: z.coerce.number().int().min(1).default(1),
  pageSize: z.coerce.number().int().min(1).max(100).default(20),
});
export type EnterpriseListQuery = z.input<typeof enterpriseListQuerySchema>;

export const enterpriseListSchema = z.object({
  items: z.array(enterpriseSummarySchema),
  total: z.number(),
  page: z.number(),
  pageSize: z.number(),
});

// ——— profile (write) ———

/**
 * PATCH body: only the fields present change; `null` clears a field (unknown). `version` is the profile version
 * the editor started from (409 STALE_VERSION when someone else saved in between). `uscc` may be corrected by
 * staff only.
 */
export const enterprisePatchSchema = z
  .strictObject({
    version: versionSchema,
    name: text('企业名称', 100).optional(),
    uscc: usccSchema.optional(),
    legalRepresentative: optionalText('法定代表人', 30).optional(),
    registeredCapital: nonNegative('注册资本').nullable().optional(),
    establishedOn: isoDateSchema.nullable().optional(),
    registeredAddress: optionalText('注册地址', 200).optional(),
    streetCode: z.string().trim().min(1).max(32).nullable().optional(),
    industryCode: industryCodeSchema.nullable().optional(),
    employees: nonNegativeInt('从业人员').nullable().optional(),
    insuredEmployees: nonNegativeInt('参保人数').nullable().optional(),
    building: optionalText('所在楼宇', 100).optional(),
    unit: optionalText('房间/单元', 50).optional(),
    tags: tagsSchema.optional(),
  })
  .superRefine(insuredNotAboveEmployees);
export type EnterprisePatch = z.input<typeof enterprisePatchSchema>;

const figure = (label: string) => nonNegative(label).nullable().default(null);

/** PUT /enterprises/:id/yearly/:year — the whole year; an omitted or null figure is unknown. */
export const yearlyInputSchema = z.strictObject({
  version: versionSchema.optional(),
  revenue: figure('营业收入'),
  taxPaid: figure('纳税额'),
  rdSpending: figure('研发投入'),
  exports: figure('出口额'),
  totalAssets: figure('资产总额'),
});
export type YearlyInput = z.input<typeof yearlyInputSchema>;

const ipCount = (label: string) => nonNegativeInt(label).nullable().optional();

/** PUT /enterprises/:id/ip — the kinds present are set (null = unknown); kinds omitted stay as they are. */
export const ipInputSchema = z.strictObject({
  version: versionSchema.optional(),
  invention: ipCount('发明专利数'),
  utility_model: ipCount('实用新型专利数'),
  design: ipCount('外观设计专利数'),
  software_copyright: ipCount('软件著作权数'),
  trademark: ipCount('商标数'),
});
export type IpInput = z.input<typeof ipInputSchema>;

export const qualificationInputSchema = z
  .strictObject({
    version: versionSchema.optional(),
    kind: z.string({ message: '请选择资质类型' }).trim().min(1, '请选择资质类型').max(32),
    recognizedOn: isoDateSchema,
    expiresOn: isoDateSchema.nullable().default(null),
    certificateNo: optionalText('证书编号', 60).default(null),
  })
  .superRefine((v, ctx) => {
    if (v.expiresOn && v.expiresOn < v.recognizedOn) {
      ctx.addIssue({
        code: 'custom',
        path: ['expiresOn'],
        ...coded('VALIDATION_FAILED', '有效期至不能早于认定日期'),
      });
    }
  });
export type QualificationInput = z.input<typeof qualificationInputSchema>;

export const verifySchema = z.strictObject({
  fields: z
    .array(z.string().trim().regex(PROVENANCE_KEY_RE, '不是可核验的字段'), { message: '请选择要核验的字段' })
    .min(1, '请选择要核验的字段')
    .max(200),
});

export const liaisonInputSchema = z.strictObject({ userId: z.string().min(1).max(64).nullable() });
