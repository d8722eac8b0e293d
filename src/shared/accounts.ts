import { z } from 'zod';
import { ROLES } from './roles';
import { coded, phoneSchema } from './validation';

/** Contracts of the accounts module, shared by the API and the web forms. */

export const smsCodeRequestSchema = z.strictObject({
  phone: phoneSchema,
  purpose: z.enum(['register', 'reset_password']).default('register'),
});

export const registerSchema = z.strictObject({
  phone: phoneSchema,
  smsCode: z
    .string()
    .trim()
    .refine((v) => /^\d{6}$/.test(v), coded('SMS_CODE_INVALID', '请输入 6 位短信验证码')),
  password: z.string().min(1, '请输入密码').max(128, '密码不能超过 128 位'),
  displayName: z.string().trim().min(1, '请填写姓名').max(30, '姓名不能超过 30 个字'),
});

export const loginSchema = z.strictObject({
  account: z.string().trim().min(1, '请输入手机号或用户名').max(64),
  password: z.string().min(1, '请输入密码').max(128),
});

export const changePasswordSchema = z.strictObject({
  currentPassword: z.string().min(1, '请输入当前密码').max(128),
  newPassword: z.string().min(1, '请输入新密码').max(128),
});

export const resetPasswordSchema = z.strictObject({
  phone: phoneSchema,
  smsCode: registerSchema.shape.smsCode,
  newPassword: z.string().min(1, '请输入新密码').max(128),
});

export const meSchema = z.object({
  id: z.string(),
  displayName: z.string(),
  kind: z.enum(['enterprise', 'staff']),
  phoneMasked: z.string().nullable(),
  username: z.string().nullable(),
  roles: z.array(z.enum(ROLES)),
  department: z.object({ id: z.string(), name: z.string() }).nullable(),
  enterprise: z.object({ id: z.string(), name: z.string(), uscc: z.string() }).nullable(),
  /** A binding waiting for staff confirmation, if any. */
  pendingBinding: z
    .object({ enterpriseName: z.string(), uscc: z.string(), requestedAt: z.string() })
    .nullable(),
  passwordExpiresAt: z.string().nullable(),
});
export type Me = z.infer<typeof meSchema>;

export const departmentKinds = ['bureau', 'street', 'public_service', 'office', 'upper'] as const;
export const DEPARTMENT_KIND_LABELS: Record<(typeof departmentKinds)[number], string> = {
  bureau: '区直部门',
  street: '街道办事处',
  public_service: '公共服务单位',
  office: '综合部门',
  upper: '上级单位',
};

export const departmentSchema = z.object({
  id: z.string(),
  code: z.string(),
  name: z.string(),
  kind: z.enum(departmentKinds),
  parentId: z.string().nullable(),
  sortOrder: z.number(),
  phone: z.string().nullable(),
  userCount: z.number(),
});
export type Department = z.infer<typeof departmentSchema>;

export const departmentInputSchema = z.strictObject({
  code: z
    .string()
    .trim()
    .regex(/^[a-z][a-z0-9_-]{1,31}$/, '编码应为 2–32 位小写字母、数字、下划线'),
  name: z.string().trim().min(2, '请填写部门名称').max(50),
  kind: z.enum(departmentKinds),
  parentId: z.string().nullable().default(null),
  sortOrder: z.number().int().min(0).max(9999).default(0),
  phone: z
    .string()
    .trim()
    .regex(/^[\d-]{7,20}$/, '电话格式不正确')
    .nullable()
    .default(null),
});

export const staffUserSchema = z.object({
  id: z.string(),
  username: z.string().nullable(),
  phoneMasked: z.string().nullable(),
  displayName: z.string(),
  kind: z.enum(['enterprise', 'staff']),
  status: z.enum(['active', 'disabled']),
  locked: z.boolean(),
  /** The account has an active TOTP second factor (两步验证). */
  totpEnabled: z.boolean(),
  department: z.object({ id: z.string(), name: z.string() }).nullable(),
  roles: z.array(z.enum(ROLES)),
  enterpriseName: z.string().nullable(),
  lastLoginAt: z.string().nullable(),
  createdAt: z.string(),
});
export type StaffUser = z.infer<typeof staffUserSchema>;

export const createStaffSchema = z.strictObject({
  username: z
    .string()
    .trim()
    .regex(/^[a-z][a-z0-9_.]{2,31}$/, '用户名应为 3–32 位小写字母、数字、下划线或点，以字母开头'),
  displayName: z.string().trim().min(1, '请填写姓名').max(30),
  phone: phoneSchema.nullable().default(null),
  departmentId: z.string().nullable().default(null),
  roles: z.array(z.enum(ROLES)).min(1, '至少选择一个角色'),
  password: z.string().min(1).max(128),
});

export const updateUserSchema = z.strictObject({
  displayName: z.string().trim().min(1).max(30).optional(),
  departmentId: z.string().nullable().optional(),
  roles: z.array(z.enum(ROLES)).optional(),
  status: z.enum(['active', 'disabled']).optional(),
});

export function pageSchema(maxSize = 100) {
  return {
    page: z.coerce.number().int().min(1).default(1),
    pageSize: z.coerce.number().int().min(1).max(maxSize).default(20),
  };
}
