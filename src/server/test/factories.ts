import type { Role } from '../../shared/roles';
import type { DatabaseHandle } from '../db/database';
import { hashPassword } from '../platform/auth/passwords';
import { newId } from '../platform/ids';

export const TEST_PASSWORD = 'Qifu!Test2026';
let hashed: Promise<string> | null = null;
const passwordHash = () => (hashed ??= hashPassword(TEST_PASSWORD));

/** A department; missing fields get plausible values. */
export async function makeDepartment(
  database: DatabaseHandle,
  over: { name?: string; code?: string; kind?: string } = {},
) {
  const id = newId();
  const now = new Date().toISOString();
  await database.db
    .insertInto('departments')
    .values({
      id,
      code: over.code ?? `d${id.slice(-8)}`,
      name: over.name ?? `测试部门${id.slice(-4)}`,
      kind: over.kind ?? 'bureau',
      parentId: null,
      sortOrder: 0,
      phone: null,
      createdAt: now,
      updatedAt: now,
    })
    .execute();
  return id;
}

/** A staff user with the given roles; logs in with username and TEST_PASSWORD. */
export async function makeStaff(
  database: DatabaseHandle,
  roles: Role[],
  over: { username?: string; departmentId?: string | null } = {},
) {
  const id = newId();
  const now = new Date().toISOString();
  const username = over.username ?? `staff_${id.slice(-8)}`;
  await database.db
    .insertInto('users')
    .values({
      id,
      username,
      phone: null,
      displayName: `工作人员${id.slice(-4)}`,
      passwordHash: await passwordHash(),
      passwordChangedAt: now,
      kind: 'staff',
      departmentId: over.departmentId ?? null,
      status: 'active',
      lockedUntil: null,
      totpSecret: null,
      lastLoginAt: null,
      createdAt: now,
      updatedAt: now,
    })
    .execute();
  if (roles.length)
    await database.db
      .insertInto('userRoles')
      .values(roles.map((role) => ({ userId: id, role, createdAt: now })))
      .execute();
  return { id, username, password: TEST_PASSWORD };
}

/** An enterprise user (no binding yet); logs in with phone and TEST_PASSWORD. */
export async function makeEnterpriseUser(database: DatabaseHandle, phone: string) {
  const id = newId();
  const now = new Date().toISOString();
  await database.db
    .insertInto('users')
    .values({
      id,
      username: null,
      phone,
      displayName: `企业用户${phone.slice(-4)}`,
      passwordHash: await passwordHash(),
      passwordChangedAt: now,
      kind: 'enterprise',
      departmentId: null,
      status: 'active',
      lockedUntil: null,
      totpSecret: null,
      lastLoginAt: null,
      createdAt: now,
      updatedAt: now,
    })
    .execute();
  return { id, phone, password: TEST_PASSWORD };
}
