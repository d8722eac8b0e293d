import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { verifyAuditChain } from '../../platform/audit/audit';
import {
  addMember,
  CLOSED_WINDOW,
  createPolicyTestEnv,
  EXE_BYTES,
  makeTestEnterprise,
  PDF_BYTES,
  type PolicyTestEnv,
  publishedDocument,
  publishedProgram,
  REVENUE_RULES,
  type TestEnterprise,
  upload,
  uploadOk,
} from './test-helpers';

// Claims (兑现) end to end through the HTTP API: application with attachments, return, resubmission, approval
// within the budget, payment, the public notice list; 免申即享 candidates; and the refusals, each followed by a
// read-back that nothing changed.

let env: PolicyTestEnv;
let ent: TestEnterprise;
let member: { userId: string; cookie: string };
let other: TestEnterprise;
let documentId: string;
let programId: string;

const contact = { contactName: '李海鹏', contactPhone: '13800000001' };

const claimRow = (id: string) =>
  env.t.database.db.selectFrom('policyClaims').selectAll().where('id', '=', id).executeTakeFirstOrThrow();
const budgetOf = async (id: string) => (await env.call('GET', `/policies/programs/${id}`)).json().budget;
const claimCount = async () =>
  Number(
    (
      await env.t.database.db
        .selectFrom('policyClaims')
        .select((eb) => eb.fn.countAll<number>().as('n'))
        .executeTakeFirstOrThrow()
    ).n,
  );
const inbox = async (cookie: string) =>
  (await env.call('GET', '/notifications?pageSize=100', undefined, cookie)).json();

beforeAll(async () => {
  env = await createPolicyTestEnv();
  ent = await makeTestEnterprise(env, {
    name: '青岛海岳云智能科技有限公司',
    yearly: [{ year: 2025, revenue: 5000 }],
  });
  member = await addMember(env, ent.id);
  other = await makeTestEnterprise(env, {
    name: '青岛鹏程软件技术有限公司',
    yearly: [{ year: 2025, revenue: 3000 }],
  });
  documentId = (await publishedDocument(env, { docNumber: '青南政发〔2026〕12号' })).id;
  programId = (await publishedProgram(env, documentId, { budget: 600_000 })).program.id;
});
afterAll(async () => env.close());

describe('the full loop', () => {
  it('publish → push → claim with attachment → return → resubmit → approve → pay → public notice', async () => {
    // Published above: the enterprise's members found it in their inbox.
    const pushed = (await inbox(member.cookie)).items.find(
      (n: { link: string }) => n.link === `/policies/programs/${programId}`,
    );
    expect(pushed).toMatchObject({ kind: 'program_eligible' });

    const draft = await env.call('GET', `/policies/programs/${programId}/claim-draft`, undefined, ent.cookie);
    expect(draft.statusCode, draft.body).toBe(200);
    expect(draft.json()).toMatchObject({ canApply: true, year: 2025, windowState: 'open' });
    expect(draft.json().prefilled).toEqual(
      expect.arrayContaining([{ fact: 'yearly.2025.revenue', name: '2025年营业收入', value: 50_000_000 }]),
    );
    expect(draft.json().materials.map((m: { name: string }) => m.name)).toEqual(['申请表', '财务报表']);

    const form = await uploadOk(env, member.cookie, '申请表.pdf', PDF_BYTES);
    const submitted = await env.call(
      'POST',
      `/policies/programs/${programId}/claims`,
      { ...contact, statement: '申请2025年度补贴', attachments: [{ fileId: form, material: '申请表' }] },
      ent.cookie,
    );
    expect(submitted.statusCode, submitted.body).toBe(201);
    const claim = submitted.json();
    expect(claim).toMatchObject({
      status: 'submitted',
      eligibility: 'eligible',
      estimatedAmount: { min: 500_000, max: 500_000 },
      contactPhoneMasked: '138****0001',
      rulesVersion: 1,
    });
    expect(claim.facts['yearly.2025.revenue']).toBe(50_000_000);
    expect(claim.attachments[0]).toMatchObject({ name: '申请表.pdf', ext: 'pdf', material: '申请表' });
    expect((await inbox(env.cookies.handler)).items[0].title).toContain('待审核');

    // The department's handler sees it in the queue; another department's does not.
    const queue = (
      await env.call('GET', '/policies/claims?status=submitted', undefined, env.cookies.handler)
    ).json();
    expect(queue.items.map((c: { id: string }) => c.id)).toContain(claim.id);
    const otherQueue = (
      await env.call('GET', '/policies/claims', undefined, env.cookies.otherHandler)
    ).json();
    expect(otherQueue.items.map((c: { id: string }) => c.id)).not.toContain(claim.id);
    expect(
      (await env.call('GET', `/policies/claims/${claim.id}`, undefined, env.cookies.otherHandler)).statusCode,
    ).toBe(404);

    const attachment = await env.call(
      'GET',
      `/policies/claims/${claim.id}/attachments/${form}`,
      undefined,
      env.cookies.handler,
    );
    expect(attachment.statusCode).toBe(200);
    expect(attachment.headers['content-type']).toBe('application/pdf');
    expect(attachment.rawPayload.equals(PDF_BYTES)).toBe(true);

    env.t.clock.advance(60_000);
    const returned = await env.call(
      'POST',
      `/policies/claims/${claim.id}/return`,
      { revision: claim.revision, note: '请补充上年度财务报表' },
      env.cookies.handler,
    );
    expect(returned.statusCode, returned.body).toBe(200);
    expect(returned.json()).toMatchObject({
      status: 'returned',
      reviewNote: '请补充上年度财务报表',
      actions: [],
    });
    const mine = (await env.call('GET', `/policies/claims/${claim.id}`, undefined, ent.cookie)).json();
    expect(mine.actions).toEqual(['resubmit', 'withdraw']);
    expect((await inbox(ent.cookie)).items.some((n: { kind: string }) => n.kind === 'claim_returned')).toBe(
      true,
    );

    env.t.clock.advance(60_000);
    const report = await uploadOk(env, ent.cookie, '财务报表.pdf', PDF_BYTES);
    const resubmitted = await env.call(
      'POST',
      `/policies/claims/${claim.id}/resubmit`,
      {
        revision: mine.revision,
        statement: '已补充财务报表',
        attachments: [
          { fileId: form, material: '申请表' },
          { fileId: report, material: '财务报表' },
        ],
      },
      ent.cookie,
    );
    expect(resubmitted.statusCode, resubmitted.body).toBe(200);
    expect(resubmitted.json().attachments).toHaveLength(2);

    env.t.clock.advance(60_000);
    const approved = await env.call(
      'POST',
      `/policies/claims/${claim.id}/approve`,
      { revision: resubmitted.json().revision, amount: 500_000, note: '材料齐全，同意' },
      env.cookies.handler,
    );
    expect(approved.statusCode, approved.body).toBe(200);
    expect(approved.json()).toMatchObject({ status: 'approved', approvedAmount: 500_000, actions: ['pay'] });
    expect(await budgetOf(programId)).toEqual({ total: 600_000, used: 500_000, paid: 0, remaining: 100_000 });

    env.t.clock.advance(60_000);
    const paid = await env.call(
      'POST',
      `/policies/claims/${claim.id}/pay`,
      { revision: approved.json().revision, amount: 500_000, paidOn: '2026-11-25' },
      env.cookies.handler,
    );
    expect(paid.statusCode, paid.body).toBe(200);
    expect(paid.json()).toMatchObject({ status: 'paid', paidAmount: 500_000, paidOn: '2026-11-25' });
    expect(paid.json().events.map((e: { action: string }) => e.action)).toEqual([
      'submit',
      'return',
      'resubmit',
      'approve',
      'pay',
    ]);
    expect(await budgetOf(programId)).toEqual({
      total: 600_000,
      used: 500_000,
      paid: 500_000,
      remaining: 100_000,
    });

    const notices = (await env.call('GET', '/policies/notices')).json();
    expect(notices.items).toContainEqual({
      claimId: claim.id,
      enterpriseName: '青岛海岳云智能科技有限公司',
      program: { id: programId, title: '企业研发费用补贴' },
      department: '区科学技术局',
      amount: 500_000,
      paidOn: '2026-11-25',
      year: 2025,
    });
    const kinds = (await inbox(member.cookie)).items.map((n: { kind: string }) => n.kind);
    expect(kinds).toEqual(
      expect.arrayContaining(['claim_submitted', 'claim_returned', 'claim_approved', 'claim_paid']),
    );

    const audit = await env.t.database.db
      .selectFrom('auditLog')
      .select('action')
      .where('objectId', '=', claim.id)
      .orderBy('seq')
      .execute();
    expect(audit.map((a) => a.action)).toEqual([
      'policy_claim.submit',
      'policy_claim.return',
      'policy_claim.resubmit',
      'policy_claim.approve',
      'policy_claim.pay',
    ]);
    expect((await verifyAuditChain(env.t.database.db)).ok).toBe(true);
  });
});

describe('refusals change nothing', () => {
  it('refuses a second claim for the same program and year with 409', async () => {
    const before = await claimCount();
    const form = await uploadOk(env, ent.cookie, '申请表.pdf', PDF_BYTES);
    const again = await env.call(
      'POST',
      `/policies/programs/${programId}/claims`,
      { ...contact, attachments: [{ fileId: form, material: '申请表' }] },
      ent.cookie,
    );
    expect(again.statusCode).toBe(409);
    expect(again.json().error.code).toBe('CLAIM_EXISTS');
    expect(await claimCount()).toBe(before);
  });

  it('refuses a claim outside the application window with 409', async () => {
    const closed = (await publishedProgram(env, documentId, { title: '已截止的补贴', ...CLOSED_WINDOW }))
      .program.id;
    const before = await claimCount();
    const form = await uploadOk(env, ent.cookie, '申请表.pdf', PDF_BYTES);
    const r = await env.call(
      'POST',
      `/policies/programs/${closed}/claims`,
      { ...contact, attachments: [{ fileId: form, material: '申请表' }] },
      ent.cookie,
    );
    expect(r.statusCode).toBe(409);
    expect(r.json().error.code).toBe('CLAIM_WINDOW_CLOSED');
    expect(await claimCount()).toBe(before);
    expect(
      (await env.call('GET', `/policies/programs/${closed}/claim-draft`, undefined, ent.cookie)).json(),
    ).toMatchObject({
      canApply: false,
      blockedReason: '申报已于 2026-04-30 截止',
    });
  });

  it('refuses missing materials, and attachments that are not the enterprise’s own', async () => {
    const p = (await publishedProgram(env, documentId, { title: '材料校验用补贴' })).program.id;
    const before = await claimCount();
    const missing = await env.call(
      'POST',
      `/policies/programs/${p}/claims`,
      { ...contact, attachments: [] },
      ent.cookie,
    );
    expect(missing.statusCode).toBe(400);
    expect(missing.json().error.code).toBe('MISSING_MATERIALS');
    const othersFile = await uploadOk(env, other.cookie, '别人的.pdf', PDF_BYTES);
    const stolen = await env.call(
      'POST',
      `/policies/programs/${p}/claims`,
      { ...contact, attachments: [{ fileId: othersFile, material: '申请表' }] },
      ent.cookie,
    );
    expect(stolen.statusCode).toBe(400);
    expect(stolen.json().error.details.fields[0]).toMatchObject({
      field: 'attachments.0.fileId',
      code: 'UNKNOWN_FILE',
    });
    const tooMany = await env.call(
      'POST',
      `/policies/programs/${p}/claims`,
      {
        ...contact,
        attachments: Array.from({ length: 11 }, () => ({ fileId: othersFile, material: '申请表' })),
      },
      ent.cookie,
    );
    expect(tooMany.statusCode).toBe(400);
    expect(tooMany.json().error.details.fields[0]).toMatchObject({
      field: 'attachments',
      message: '每件申请最多 10 个附件',
    });
    expect(await claimCount()).toBe(before);
  });

  it('refuses an .exe and a text file renamed .pdf (415) and a file over 10 MB (413); nothing is stored', async () => {
    const files = async () =>
      Number(
        (
          await env.t.database.db
            .selectFrom('files')
            .select((eb) => eb.fn.countAll<number>().as('n'))
            .executeTakeFirstOrThrow()
        ).n,
      );
    const before = await files();
    const exe = await upload(env, ent.cookie, 'setup.exe', EXE_BYTES);
    expect(exe.statusCode).toBe(415);
    expect(exe.json().error.code).toBe('UNSUPPORTED_MEDIA_TYPE');
    const fake = await upload(
      env,
      ent.cookie,
      '营业执照.pdf',
      Buffer.from('这不是PDF，只是一段文字。\n'.repeat(20)),
    );
    expect(fake.statusCode).toBe(415);
    const big = Buffer.concat([PDF_BYTES, Buffer.alloc(10 * 1024 * 1024 + 1, 0x20)]);
    const large = await upload(env, ent.cookie, '大文件.pdf', big);
    expect(large.statusCode).toBe(413);
    expect(large.json().error.code).toBe('PAYLOAD_TOO_LARGE');
    expect(await files()).toBe(before);
  });

  it('refuses an amount above the remaining budget with 409 and leaves claim and budget as they were', async () => {
    const p = (await publishedProgram(env, documentId, { title: '预算校验用补贴', budget: 300_000 })).program
      .id;
    const form = await uploadOk(env, other.cookie, '申请表.pdf', PDF_BYTES);
    const claim = (
      await env.call(
        'POST',
        `/policies/programs/${p}/claims`,
        { ...contact, attachments: [{ fileId: form, material: '申请表' }] },
        other.cookie,
      )
    ).json();
    const over = await env.call(
      'POST',
      `/policies/claims/${claim.id}/approve`,
      { revision: claim.revision, amount: 300_001 },
      env.cookies.handler,
    );
    expect(over.statusCode).toBe(409);
    expect(over.json().error.code).toBe('BUDGET_EXCEEDED');
    expect((await claimRow(claim.id)).status).toBe('submitted');
    expect((await claimRow(claim.id)).revision).toBe(claim.revision);
    expect(await budgetOf(p)).toEqual({ total: 300_000, used: 0, paid: 0, remaining: 300_000 });
    const events = await env.t.database.db
      .selectFrom('policyClaimEvents')
      .select('action')
      .where('claimId', '=', claim.id)
      .execute();
    expect(events.map((e) => e.action)).toEqual(['submit']);
    // Within the budget it passes.
    const ok = await env.call(
      'POST',
      `/policies/claims/${claim.id}/approve`,
      { revision: claim.revision, amount: 300_000 },
      env.cookies.handler,
    );
    expect(ok.statusCode, ok.body).toBe(200);
  });

  it('lets exactly one of two simultaneous decisions win; the other gets 409', async () => {
    const p = (await publishedProgram(env, documentId, { title: '并发审核用补贴' })).program.id;
    const form = await uploadOk(env, other.cookie, '申请表.pdf', PDF_BYTES);
    const claim = (
      await env.call(
        'POST',
        `/policies/programs/${p}/claims`,
        { ...contact, attachments: [{ fileId: form, material: '申请表' }] },
        other.cookie,
      )
    ).json();
    const [a, b] = await Promise.all([
      env.call(
        'POST',
        `/policies/claims/${claim.id}/approve`,
        { revision: claim.revision, amount: 100_000 },
        env.cookies.handler,
      ),
      env.call(
        'POST',
        `/policies/claims/${claim.id}/reject`,
        { revision: claim.revision, reason: '不符合条件' },
        env.cookies.editor,
      ),
    ]);
    expect([a.statusCode, b.statusCode].sort()).toEqual([200, 409]);
    const row = await claimRow(claim.id);
    expect(row.revision).toBe(claim.revision + 1);
    const budget = await budgetOf(p);
    expect(budget.used).toBe(row.status === 'approved' ? 100_000 : 0);
  });

  it('refuses review by the wrong department and transitions from the wrong state', async () => {
    const p = (await publishedProgram(env, documentId, { title: '权限校验用补贴' })).program.id;
    const form = await uploadOk(env, other.cookie, '申请表.pdf', PDF_BYTES);
    const claim = (
      await env.call(
        'POST',
        `/policies/programs/${p}/claims`,
        { ...contact, attachments: [{ fileId: form, material: '申请表' }] },
        other.cookie,
      )
    ).json();
    // Another department's handler cannot even see it.
    expect(
      (
        await env.call(
          'POST',
          `/policies/claims/${claim.id}/approve`,
          { revision: claim.revision, amount: 1 },
          env.cookies.otherHandler,
        )
      ).statusCode,
    ).toBe(404);
    // The enterprise cannot approve its own claim.
    expect(
      (
        await env.call(
          'POST',
          `/policies/claims/${claim.id}/approve`,
          { revision: claim.revision, amount: 1 },
          other.cookie,
        )
      ).statusCode,
    ).toBe(403);
    const pay = await env.call(
      'POST',
      `/policies/claims/${claim.id}/pay`,
      { revision: claim.revision, amount: 1, paidOn: '2026-11-20' },
      env.cookies.handler,
    );
    expect(pay.statusCode).toBe(409);
    expect(pay.json().error.code).toBe('INVALID_TRANSITION');
    expect((await claimRow(claim.id)).status).toBe('submitted');
  });
});

describe('isolation', () => {
  it('hides a claim from another enterprise (404), in lists and by id', async () => {
    const mine = (await env.call('GET', '/policies/claims', undefined, ent.cookie)).json();
    expect(mine.total).toBeGreaterThan(0);
    const id = mine.items[0].id;
    expect((await env.call('GET', `/policies/claims/${id}`, undefined, other.cookie)).statusCode).toBe(404);
    const theirs = (await env.call('GET', '/policies/claims', undefined, other.cookie)).json();
    expect(theirs.items.every((c: { enterprise: { id: string } }) => c.enterprise.id === other.id)).toBe(
      true,
    );
    expect(
      (await env.call('POST', `/policies/claims/${id}/withdraw`, { revision: 1 }, other.cookie)).statusCode,
    ).toBe(404);
    expect((await env.call('GET', `/policies/claims/${id}`)).statusCode).toBe(401);
  });
});

describe('免申即享', () => {
  it('lists eligible enterprises as candidates on publish; the enterprise only confirms', async () => {
    const published = await publishedProgram(env, documentId, {
      title: '规上企业免申即享奖励',
      mode: 'no_application',
      materials: [{ name: '承诺书', required: true, note: null }],
      rules: REVENUE_RULES,
    });
    expect(published.push.candidates).toBeGreaterThanOrEqual(2);
    const list = (
      await env.call('GET', `/policies/claims?programId=${published.program.id}`, undefined, ent.cookie)
    ).json();
    expect(list.items).toHaveLength(1);
    const candidate = list.items[0];
    expect(candidate).toMatchObject({
      status: 'candidate',
      eligibility: 'eligible',
      estimatedAmount: { min: 500_000, max: 500_000 },
    });
    const note = (await inbox(member.cookie)).items.find(
      (n: { link: string }) => n.link === `/policies/claims/${candidate.id}`,
    );
    expect(note).toMatchObject({ kind: 'claim_candidate' });

    // Applying separately is refused: the candidate already is the year's claim.
    const form = await uploadOk(env, ent.cookie, '承诺书.pdf', PDF_BYTES);
    const dup = await env.call(
      'POST',
      `/policies/programs/${published.program.id}/claims`,
      { ...contact, attachments: [{ fileId: form, material: '承诺书' }] },
      ent.cookie,
    );
    expect(dup.statusCode).toBe(409);

    const confirmed = await env.call(
      'POST',
      `/policies/claims/${candidate.id}/confirm`,
      { revision: candidate.revision, ...contact },
      member.cookie,
    );
    expect(confirmed.statusCode, confirmed.body).toBe(200);
    expect(confirmed.json()).toMatchObject({ status: 'submitted' });
    expect(confirmed.json().events.map((e: { action: string }) => e.action)).toEqual([
      'candidate',
      'confirm',
    ]);
    const queue = (
      await env.call(
        'GET',
        `/policies/claims?programId=${published.program.id}&status=submitted`,
        undefined,
        env.cookies.handler,
      )
    ).json();
    expect(queue.items.map((c: { id: string }) => c.id)).toEqual([candidate.id]);
    // Confirming twice is a conflict.
    const twice = await env.call(
      'POST',
      `/policies/claims/${candidate.id}/confirm`,
      { revision: candidate.revision, ...contact },
      member.cookie,
    );
    expect(twice.statusCode).toBe(409);
  });
});
