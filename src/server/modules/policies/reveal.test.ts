import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  addMember,
  createPolicyTestEnv,
  makeTestEnterprise,
  PDF_BYTES,
  type PolicyTestEnv,
  publishedDocument,
  publishedProgram,
  type TestEnterprise,
  uploadOk,
} from './test-helpers';

// A claim's contact phone (SPEC §2.1): in full for the claiming enterprise, masked for staff, revealed to the claim's
// reviewers only through POST /personal-data/reveal, with one audit record.

let env: PolicyTestEnv;
let ent: TestEnterprise;
let claimId: string;
const PHONE = '13800000001';

const reveal = (cookie: string, id = claimId, field = 'contactPhone') =>
  env.call('POST', '/personal-data/reveal', { kind: 'claim', id, field }, cookie);
const reveals = async () =>
  (
    await env.t.database.db
      .selectFrom('auditLog')
      .selectAll()
      .where('action', '=', 'personal_data.reveal')
      .orderBy('seq')
      .execute()
  ).length;

beforeAll(async () => {
  env = await createPolicyTestEnv();
  ent = await makeTestEnterprise(env, {
    name: '青岛海岳云智能科技有限公司',
    yearly: [{ year: 2025, revenue: 5000 }],
    liaisonUserId: env.staffIds.liaison,
  });
  const documentId = (await publishedDocument(env)).id;
  const programId = (await publishedProgram(env, documentId)).program.id;
  const form = await uploadOk(env, ent.cookie, '申请表.pdf', PDF_BYTES);
  const res = await env.call(
    'POST',
    `/policies/programs/${programId}/claims`,
    { contactName: '李海鹏', contactPhone: PHONE, attachments: [{ fileId: form, material: '申请表' }] },
    ent.cookie,
  );
  expect(res.statusCode, res.body).toBe(201);
  claimId = res.json().id;
});
afterAll(async () => env?.close());

describe('claim contact phone', () => {
  it('is in full for the enterprise, masked for every staff reader', async () => {
    const member = await addMember(env, ent.id);
    for (const cookie of [ent.cookie, member.cookie]) {
      const own = (await env.call('GET', `/policies/claims/${claimId}`, undefined, cookie)).json();
      expect(own).toMatchObject({ contactPhone: PHONE, contactPhoneMasked: '138****0001' });
    }
    for (const cookie of [env.cookies.handler, env.cookies.editor, env.cookies.leader, env.cookies.liaison]) {
      const res = await env.call('GET', `/policies/claims/${claimId}`, undefined, cookie);
      expect(res.statusCode, res.body).toBe(200);
      expect(res.json()).toMatchObject({ contactPhone: null, contactPhoneMasked: '138****0001' });
      expect(res.body).not.toContain(PHONE);
    }
  });

  it('reveals to the reviewing department and the policy editors, one audit record each', async () => {
    for (const cookie of [env.cookies.handler, env.cookies.editor]) {
      const before = await reveals();
      const res = await reveal(cookie);
      expect(res.statusCode, res.body).toBe(200);
      expect(res.json()).toEqual({ value: PHONE });
      expect(await reveals()).toBe(before + 1);
    }
    const rec = await env.t.database.db
      .selectFrom('auditLog')
      .selectAll()
      .where('action', '=', 'personal_data.reveal')
      .orderBy('seq', 'desc')
      .executeTakeFirstOrThrow();
    expect(rec).toMatchObject({
      objectType: 'policy_claim',
      objectId: claimId,
      actorId: env.staffIds.editor,
    });
    expect(JSON.parse(rec.details!)).toEqual({ kind: 'claim', field: 'contactPhone' });
  });

  it('refuses readers who do not review (403), another department (404) and the enterprise (403), unrecorded', async () => {
    const before = await reveals();
    // The liaison reads his enterprise's claims but does not review them.
    const liaison = await reveal(env.cookies.liaison);
    expect(liaison.statusCode).toBe(403);
    expect(liaison.json().error.code).toBe('FORBIDDEN');
    // A leader reads every claim; his role reveals nothing.
    expect((await reveal(env.cookies.leader)).statusCode).toBe(403);
    // Another department's handler may not even see the claim.
    const other = await reveal(env.cookies.otherHandler);
    expect(other.statusCode).toBe(404);
    expect(other.json().error.code).toBe('NOT_FOUND');
    expect((await reveal(ent.cookie)).statusCode).toBe(403);
    expect((await reveal(env.cookies.handler, 'no-such-claim')).statusCode).toBe(404);
    expect((await reveal(env.cookies.handler, claimId, 'contactName')).statusCode).toBe(400);
    expect(await reveals()).toBe(before);
  });
});
