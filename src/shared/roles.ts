/** The roles of SPEC §1. A person may hold several; staff roles are scoped to the user's department where it matters. */
export const ROLES = [
  'enterprise_member',
  'enterprise_admin',
  'liaison',
  'dispatcher',
  'handler',
  'policy_editor',
  'building_editor',
  'content_editor',
  'leader',
  'admin',
  'auditor',
] as const;
export type Role = (typeof ROLES)[number];

/** Roles that come from an enterprise binding rather than from a staff assignment. */
export const ENTERPRISE_ROLES: readonly Role[] = ['enterprise_member', 'enterprise_admin'];
/** Roles an administrator assigns to staff accounts. */
export const STAFF_ROLES: readonly Role[] = ROLES.filter((r) => !ENTERPRISE_ROLES.includes(r));

export const ROLE_LABELS: Record<Role | 'visitor', string> = {
  visitor: '访客',
  enterprise_member: '企业成员',
  enterprise_admin: '企业管理员',
  liaison: '企业专员',
  dispatcher: '诉求分拨员',
  handler: '承办人',
  policy_editor: '政策编辑',
  building_editor: '楼宇编辑',
  content_editor: '内容编辑',
  leader: '督办领导',
  admin: '系统管理员',
  auditor: '审计管理员',
};

/** Staff roles that see enterprise profiles across the district (the liaison sees only his own enterprises). */
export const ENTERPRISE_READER_ROLES: readonly Role[] = [
  'admin',
  'leader',
  'dispatcher',
  'handler',
  'policy_editor',
  'building_editor',
];

export function isRole(v: string): v is Role {
  return (ROLES as readonly string[]).includes(v);
}
