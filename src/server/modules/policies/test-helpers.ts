/**
 * Test fixtures of the policies module: staff and enterprise users with sessions, enterprises with the profile
 * facts rules read, multipart uploads, and documents and programs created through the API (so the tests exercise
 * the same paths editors do).
 */
import { randomBytes } from 'node:crypto';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import type { LightMyRequestResponse } from 'fastify';
import { expect } from 'vitest';
import type { DocumentInput, ProgramInput } from '../../../shared/policies';
import type { RuleSet } from '../../../shared/policy-rules';
import type { Role } from '../../../shared/roles';
import { newId } from '../../platform/ids';
import { makeDepartment, makeEnterpriseUser, makeStaff } from '../../test/factories';
import { createTestApp, login, type TestApp } from '../../test/support';
import { bindUser, makeEnterprise, seedReferenceData } from '../enterprises/test-fixtures';

/** 2026-11-26 10:00 in Asia/Shanghai: the last completed year is 2025. */
export const TEST_NOW = '2026-11-26T02:00:00.000Z';
export const OPEN_WINDOW = { windowStart: '2026-11-01', windowEnd: '2026-12-31' } as const;
export const CLOSED_WINDOW = { windowStart: '2026-03-01', windowEnd: '2026-04-30' } as const;
export const ZHANSHAN = '370202013';
export const BADAGUAN = '370202012';

type Method = 'GET' | 'POST' | 'PUT' | 'PATCH' | 'DELETE';

export interface PolicyTestEnv {
  t: TestApp;
  dataDir: string;
  departmentId: string;
  otherDepartmentId: string;
  cookies: {
    editor: string;
    handler: string;
    otherHandler: string;
    leader: string;
    liaison: string;
  };
  staffIds: { editor: string; handler: string; liaison: string };
  call(method: Method, url: string, payload?: unknown, cookie?: string): Promise<LightMyRequestResponse>;
  close(): Promise<void>;
}

/** The app on a fresh database with reference data, a reviewing department and the staff roles logged in. */
export async function createPolicyTestEnv(): Promise<PolicyTestEnv> {
  const dataDir = fs.mkdtempSync(path.join(os.tmpdir(), 'qifu-policies-'));
  const t = await createTestApp({ now: TEST_NOW, env: { QIFU_DATA_DIR: dataDir } });
  await seedReferenceData(t.database.db);
  const departmentId = await makeDepartment(t.database, { name: '区科学技术局' });
  const otherDepartmentId = await makeDepartment(t.database, { name: '区商务局' });
  const editor = await makeStaff(t.database, ['policy_editor']);
  const handler = await makeStaff(t.database, ['handler'], { departmentId });
  const otherHandler = await makeStaff(t.database, ['handler'], { departmentId: otherDepartmentId });
  const leader = await makeStaff(t.database, ['leader']);
  const liaison = await makeStaff(t.database, ['liaison']);
  const call = (method: Method, url: string, payload?: unknown, cookie?: string) =>
    t.app.inject({
      method,
      url: `/api/v1${url}`,
      ...(payload !== undefined ? { payload: payload as object } : {}),
      headers: cookie ? { cookie } : {},
    });
  return {
    t,
    dataDir,
    departmentId,
    otherDepartmentId,
    cookies: {
      editor: await login(t.app, editor.username, editor.password),
      handler: await login(t.app, handler.username, handler.password),
      otherHandler: await login(t.app, otherHandler.username, otherHandler.password),
      leader: await login(t.app, leader.username, leader.password),
      liaison: await login(t.app, liaison.username, liaison.password),
    },
    staffIds: { editor: editor.id, handler: handler.id, liaison: liaison.id },
    call,
    close: async () => {
      await t.close();
      fs.rmSync(dataDir, { recursive: true, force: true });
    },
  };
}

let phoneSerial = 0;
function freshPhone(): string {
  phoneSerial += 1;
  return `139${String(Date.now() % 10_000).padStart(4, '0')}${String(phoneSerial).padStart(4, '0')}`;
}

export interface TestEnterprise {
  id: string;
  name: string;
  uscc: string;
  /** Session of its admin. */
  cookie: string;
  userId: string;
}

/**
 * An enterprise with a logged-in admin and the facts rules read: street, industry, establishment, yearly figures
 * (万元, as the profile keeps them) and qualifications.
 */
export async function makeTestEnterprise(
  env: PolicyTestEnv,
  over: {
    name?: string;
    streetCode?: string | null;
    industryCode?: string | null;
    sizeClass?: string | null;
    liaisonUserId?: string | null;
    yearly?: { year: number; revenue?: number | null; rdSpending?: number | null; taxPaid?: number | null }[];
    qualifications?: { kind: string; recognizedOn: string; expiresOn?: string | null }[];
    role?: Role;
  } = {},
): Promise<TestEnterprise> {
  const db = env.t.database.db;
  const ent = await makeEnterprise(db, {
    ...(over.name ? { name: over.name } : {}),
    streetCode: over.streetCode === undefined ? ZHANSHAN : over.streetCode,
    industryCode: over.industryCode === undefined ? '6511' : over.industryCode,
    liaisonUserId: over.liaisonUserId ?? null,
  });
  await db
    .updateTable('enterprises')
    .set({ sizeClass: over.sizeClass === undefined ? 'small' : over.sizeClass })
    .where('id', '=', ent.id)
    .execute();
  for (const y of over.yearly ?? []) {
    await db
      .insertInto('enterpriseYearly')
      .values({
        enterpriseId: ent.id,
        year: y.year,
        revenue: y.revenue ?? null,
        taxPaid: y.taxPaid ?? null,
        rdSpending: y.rdSpending ?? null,
        exports: null,
        totalAssets: null,
      })
      .execute();
  }
  for (const q of over.qualifications ?? []) {
    await db
      .insertInto('enterpriseQualifications')
      .values({
        id: newId(),
        enterpriseId: ent.id,
        kind: q.kind,
        recognizedOn: q.recognizedOn,
        expiresOn: q.expiresOn ?? null,
        certificateNo: null,
        source: 'staff',
        sourceRef: null,
        updatedBy: null,
        updatedAt: new Date().toISOString(),
      })
      .execute();
  }
  const user = await makeEnterpriseUser(env.t.database, freshPhone());
  await bindUser(db, user.id, ent.id, (over.role as 'enterprise_admin' | undefined) ?? 'enterprise_admin');
  return { ...ent, cookie: await login(env.t.app, user.phone, user.password), userId: user.id };
}

/** Another confirmed member of an enterprise, logged in. */
export async function addMember(env: PolicyTestEnv, enterpriseId: string) {
  const user = await makeEnterpriseUser(env.t.database, freshPhone());
  await bindUser(env.t.database.db, user.id, enterpriseId, 'enterprise_member');
  return { userId: user.id, cookie: await login(env.t.app, user.phone, user.password) };
}

// ——— files ———

/** A minimal PDF: file-type recognises it by its `%PDF-` header. */
export const PDF_BYTES = Buffer.from(
  '%PDF-1.4\n1 0 obj<</Type/Catalog/Pages 2 0 R>>endobj\n2 0 obj<</Type/Pages/Kids[]/Count 0>>endobj\ntrailer<</Root 1 0 R>>\n%%EOF\n',
);
/** A 1×1 PNG. */
export const PNG_BYTES = Buffer.from(
  'iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR42mNkYPhfDwAChwGA60e6kgAAAABJRU5ErkJggg==',
  'base64',
);
/** The start of a Windows executable (MZ … PE header). */
export const EXE_BYTES = (() => {
  const b = Buffer.alloc(512);
  b.write('MZ', 0, 'latin1');
  b.writeUInt32LE(0x80, 0x3c);
  b.write('PE\0\0', 0x80, 'latin1');
  return b;
})();

/** A multipart/form-data body with one file part named `file`. */
export function multipartBody(filename: string, content: Buffer, contentType = 'application/octet-stream') {
  const boundary = `----qifu${randomBytes(8).toString('hex')}`;
  const head = Buffer.from(
    `--${boundary}\r\nContent-Disposition: form-data; name="file"; filename="${filename}"\r\nContent-Type: ${contentType}\r\n\r\n`,
  );
  return {
    payload: Buffer.concat([head, content, Buffer.from(`\r\n--${boundary}--\r\n`)]),
    headers: { 'content-type': `multipart/form-data; boundary=${boundary}` },
  };
}

export async function upload(
  env: PolicyTestEnv,
  cookie: string,
  filename: string,
  content: Buffer,
  purpose: 'claim' | 'policy' = 'claim',
) {
  const body = multipartBody(filename, content);
  return env.t.app.inject({
    method: 'POST',
    url: `/api/v1/files?purpose=${purpose}`,
    payload: body.payload,
    headers: { ...body.headers, cookie },
  });
}

export async function uploadOk(
  env: PolicyTestEnv,
  cookie: string,
  filename: string,
  content: Buffer,
  purpose: 'claim' | 'policy' = 'claim',
): Promise<string> {
  const res = await upload(env, cookie, filename, content, purpose);
  expect(res.statusCode, res.body).toBe(201);
  return res.json().id as string;
}

// ——— documents and programs through the API ———

export function documentInput(over: Partial<DocumentInput> = {}): DocumentInput {
  return {
    title: '市南区关于支持科技创新发展的若干政策措施',
    docNumber: '青南政发〔2026〕8号',
    issuer: '青岛市市南区人民政府',
    level: 'district',
    topics: ['tech_innovation'],
    issuedOn: '2026-03-01',
    effectiveOn: '2026-03-01',
    expiresOn: '2028-12-31',
    summary: '围绕研发投入、高新技术企业培育等方面给予补贴支持。',
    bodyHtml:
      '<h1>第一条</h1><p style="color:red">对企业研发费用给予<strong>补贴</strong>。</p><script>alert(1)</script><p onclick="x()">第二条 其他</p>',
    ...over,
  };
}

/** Create and publish a document; returns its id and revision. */
export async function publishedDocument(env: PolicyTestEnv, over: Partial<DocumentInput> = {}) {
  const created = await env.call('POST', '/policies/documents', documentInput(over), env.cookies.editor);
  expect(created.statusCode, created.body).toBe(201);
  const doc = created.json();
  const pub = await env.call(
    'POST',
    `/policies/documents/${doc.id}/publish`,
    { revision: doc.revision },
    env.cookies.editor,
  );
  expect(pub.statusCode, pub.body).toBe(200);
  return pub.json() as { id: string; revision: number; version: number };
}

const LAST_YEAR = { ref: 'evaluation', offset: -1 } as const;

/** 上年度营业收入 ≥ 1000万元, in 湛山街道, lawful (manual); 1% of that revenue, at most 50万元. */
export const REVENUE_RULES: RuleSet = {
  schemaVersion: 1,
  conditions: {
    id: 'root',
    all: [
      {
        id: 'revenue',
        label: '上年度营业收入不低于1000万元',
        kind: 'compare',
        quantity: { of: 'yearly', metric: 'revenue', year: LAST_YEAR },
        op: '>=',
        value: 10_000_000,
      },
      { id: 'street', label: '注册在湛山街道', kind: 'membership', field: 'streetCode', values: [ZHANSHAN] },
      { id: 'lawful', label: '依法合规经营', kind: 'manual' },
    ],
  },
  amount: {
    kind: 'rate',
    percent: 1,
    base: { of: 'yearly', metric: 'revenue', year: LAST_YEAR },
    cap: 500_000,
  },
};

export function programInput(
  env: PolicyTestEnv,
  documentId: string,
  over: Partial<ProgramInput> = {},
): ProgramInput {
  return {
    documentId,
    title: '企业研发费用补贴',
    summary: '对上年度营业收入达到一定规模的企业，按营业收入的1%给予补贴。',
    beneficiaries: '注册在湛山街道、上年度营业收入不低于1000万元的企业',
    mode: 'standard_application',
    departmentId: env.departmentId,
    budget: 1_000_000,
    ...OPEN_WINDOW,
    materials: [
      { name: '申请表', required: true, note: null },
      { name: '财务报表', required: false, note: '上年度审计报告或财务报表' },
    ],
    rules: REVENUE_RULES,
    ...over,
  };
}

/** Create (and by default publish) a program; returns the publish result's program and push summary. */
export async function publishedProgram(
  env: PolicyTestEnv,
  documentId: string,
  over: Partial<ProgramInput> = {},
) {
  const created = await env.call(
    'POST',
    '/policies/programs',
    programInput(env, documentId, over),
    env.cookies.editor,
  );
  expect(created.statusCode, created.body).toBe(201);
  const p = created.json();
  const pub = await env.call(
    'POST',
    `/policies/programs/${p.id}/publish`,
    { revision: p.revision },
    env.cookies.editor,
  );
  expect(pub.statusCode, pub.body).toBe(200);
  return pub.json() as {
    program: { id: string; revision: number; rulesVersion: number };
    push: { eligible: number; notifiedEnterprises: number; candidates: number; evaluated: number };
  };
}
