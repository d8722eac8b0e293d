/** Test data for the enterprises module: reference rows and enterprises created straight in the database. */
import { DEFAULT_QUALIFICATION_KINDS } from '../../../shared/enterprises';
import { makeUscc } from '../../../shared/uscc';
import type { DB } from '../../db/database';
import { toJson } from '../../db/dialect';
import { newId } from '../../platform/ids';

/** A handful of streets of a 市南区-like district (codes: GB/T 10114 township codes under 370202). */
export const TEST_STREETS = [
  { code: '370202001', name: '八大峡街道', sortOrder: 1 },
  { code: '370202002', name: '云南路街道', sortOrder: 2 },
  { code: '370202003', name: '中山路街道', sortOrder: 3 },
  { code: '370202012', name: '八大关街道', sortOrder: 4 },
  { code: '370202013', name: '湛山街道', sortOrder: 5 },
] as const;

/** Streets and the default qualification kinds; idempotent, so several test files may call it on one database. */
export async function seedReferenceData(db: DB): Promise<void> {
  for (const s of TEST_STREETS) {
    await db
      .insertInto('streets')
      .values(s)
      .onConflict((oc) => oc.column('code').doNothing())
      .execute();
  }
  let order = 0;
  for (const k of DEFAULT_QUALIFICATION_KINDS) {
    order += 10;
    await db
      .insertInto('qualificationKinds')
      .values({ code: k.code, name: k.name, sortOrder: order, active: 1 })
      .onConflict((oc) => oc.column('code').doNothing())
      .execute();
  }
}

let serial = 0;

/** A fresh valid USCC (91 企业, registered in 370202) that no other test enterprise uses. */
export function freshUscc(): string {
  serial += 1;
  const body = `${Date.now().toString(36).toUpperCase().slice(-4)}${String(serial).padStart(5, '0')}`.replace(
    /[IOZSV]/g,
    '1',
  );
  return makeUscc(`91370202${body}`);
}

/** An enterprise row with plausible defaults; returns its id. */
export async function makeEnterprise(
  db: DB,
  over: {
    name?: string;
    uscc?: string;
    streetCode?: string | null;
    industryCode?: string | null;
    liaisonUserId?: string | null;
    employees?: number | null;
  } = {},
): Promise<{ id: string; uscc: string; name: string }> {
  const id = newId();
  const now = new Date().toISOString();
  const uscc = over.uscc ?? freshUscc();
  const name = over.name ?? `测试企业${id.slice(-4)}有限公司`;
  await db
    .insertInto('enterprises')
    .values({
      id,
      uscc,
      name,
      legalRepresentative: '张伟',
      registeredCapital: 500,
      establishedOn: '2018-06-01',
      registeredAddress: '香港中路 10 号',
      streetCode: over.streetCode === undefined ? null : over.streetCode,
      industryCode: over.industryCode === undefined ? null : over.industryCode,
      employees: over.employees === undefined ? 30 : over.employees,
      insuredEmployees: null,
      sizeClass: null,
      building: null,
      unit: null,
      tags: toJson([]),
      liaisonUserId: over.liaisonUserId ?? null,
      version: 1,
      createdAt: now,
      updatedAt: now,
    })
    .execute();
  return { id, uscc, name };
}

/** A confirmed binding, as if staff had confirmed it. */
export async function bindUser(
  db: DB,
  userId: string,
  enterpriseId: string,
  role: 'enterprise_admin' | 'enterprise_member' = 'enterprise_admin',
) {
  const now = new Date().toISOString();
  await db
    .insertInto('enterpriseBindings')
    .values({
      id: newId(),
      userId,
      enterpriseId,
      role,
      status: 'confirmed',
      note: null,
      requestedAt: now,
      decidedAt: now,
      decidedBy: null,
    })
    .execute();
}
