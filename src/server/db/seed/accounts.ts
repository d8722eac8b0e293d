import type { Role } from '../../../shared/roles';
import { DEPT } from './reference';

/**
 * The demo accounts: one per staff role, and enterprise accounts for two different enterprises plus one waiting
 * for confirmation. README and the e2e journeys read this list, so it is the single place the credentials live.
 * Every password meets the default policy (≥ 8 characters, 3 classes, not on the common list).
 */
export interface DemoAccount {
  role: Role;
  kind: 'staff' | 'enterprise';
  /** Staff log in with the username, enterprise users with the phone. */
  username: string | null;
  phone: string | null;
  password: string;
  displayName: string;
  /** Department code (see reference.ts DEPT) for staff. */
  departmentCode: string | null;
  /** Department name as shown in the UI. */
  department: string | null;
  /** Enterprise accounts: the demo enterprise's name (unique in enterprises.ts). */
  enterprise: string | null;
  /** Enterprise accounts: confirmed binding, or a request still waiting for staff. */
  binding: 'confirmed' | 'pending' | null;
  /** One line for the README: what this account is for. */
  purpose: string;
}

/** The account name typed on the login form. */
export function demoLogin(a: DemoAccount): string {
  return (a.username ?? a.phone)!;
}

const staff = (
  role: Role,
  username: string,
  password: string,
  displayName: string,
  departmentCode: string,
  department: string,
  purpose: string,
): DemoAccount => ({
  role,
  kind: 'staff',
  username,
  phone: null,
  password,
  displayName,
  departmentCode,
  department,
  enterprise: null,
  binding: null,
  purpose,
});

const enterprise = (
  role: 'enterprise_admin' | 'enterprise_member',
  phone: string,
  password: string,
  displayName: string,
  enterpriseName: string,
  binding: 'confirmed' | 'pending',
  purpose: string,
): DemoAccount => ({
  role,
  kind: 'enterprise',
  username: null,
  phone,
  password,
  displayName,
  departmentCode: null,
  department: null,
  enterprise: enterpriseName,
  binding,
  purpose,
});

/** The enterprises the demo enterprise accounts belong to (names as in enterprises.ts). */
export const DEMO_PRIMARY_ENTERPRISE = '青岛海岳云智能科技有限公司';
export const DEMO_SECONDARY_ENTERPRISE = '青岛鹏程软件技术有限公司';
export const DEMO_PENDING_ENTERPRISE = '青岛蓝湾数据科技有限公司';

export const DEMO_ACCOUNTS: readonly DemoAccount[] = [
  staff(
    'admin',
    'admin',
    'Qifu@Admin2026',
    '孙志强',
    DEPT.govOffice,
    '区政府办公室',
    '用户、角色、部门、派单目录、工作日历',
  ),
  staff(
    'auditor',
    'auditor',
    'Qifu@Audit2026',
    '高文静',
    DEPT.govOffice,
    '区政府办公室',
    '查阅并校验审计日志（三员分立）',
  ),
  staff(
    'leader',
    'leader',
    'Qifu@Leader2026',
    '于海涛',
    DEPT.supervision,
    '区政府督查室',
    '查看全部数据、督办超期诉求',
  ),
  staff(
    'dispatcher',
    'dispatcher',
    'Qifu@Desk2026',
    '姜晓雯',
    DEPT.govOffice,
    '区政府办公室',
    '12345 诉求受理与分拨',
  ),
  staff(
    'handler',
    'handler',
    'Qifu@Handle2026',
    '曲明辉',
    DEPT.market,
    '区市场监督管理局',
    '签收、办理、答复本部门诉求',
  ),
  staff(
    'policy_editor',
    'policy_editor',
    'Qifu@Policy2026',
    '宋佳琪',
    DEPT.development,
    '区发展和改革局',
    '发布政策、解读、兑现事项',
  ),
  staff(
    'building_editor',
    'building_editor',
    'Qifu@Building2026',
    '隋立伟',
    DEPT.investment,
    '区投资促进局',
    '维护楼宇、房源、招商项目',
  ),
  staff(
    'content_editor',
    'content_editor',
    'Qifu@Content2026',
    '林悦',
    DEPT.govOffice,
    '区政府办公室',
    '发布新闻、通知、办事指南',
  ),
  staff(
    'liaison',
    'liaison',
    'Qifu@Liaison2026',
    '张海波',
    DEPT.investment,
    '区投资促进局',
    '企业专员，联系约 15 家企业',
  ),
  enterprise(
    'enterprise_admin',
    '13800000001',
    'Qifu@Corp2026',
    '李海鹏',
    DEMO_PRIMARY_ENTERPRISE,
    'confirmed',
    '企业管理员，可编辑一企一档、邀请成员',
  ),
  enterprise(
    'enterprise_member',
    '13800000002',
    'Qifu@Staff2026',
    '陈思雨',
    DEMO_PRIMARY_ENTERPRISE,
    'confirmed',
    '同一企业的普通成员',
  ),
  enterprise(
    'enterprise_admin',
    '13800000003',
    'Qifu@Other2026',
    '王丽',
    DEMO_SECONDARY_ENTERPRISE,
    'confirmed',
    '另一家企业的管理员（检验企业间数据隔离）',
  ),
  enterprise(
    'enterprise_admin',
    '13800000004',
    'Qifu@Apply2026',
    '赵子涵',
    DEMO_PENDING_ENTERPRISE,
    'pending',
    '已申请绑定企业、等待工作人员确认',
  ),
];
