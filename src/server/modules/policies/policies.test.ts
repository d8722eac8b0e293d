import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { DEFAULT_FACT_CATALOGUE } from '../../../shared/policy-rules';
import { ALL_FACTS, factSnapshot, loadEnterpriseFacts, needsOf, ruleFactKeys } from './enterprise-facts';
import { compileRule, PROGRAM_FIXTURES, prepareFacts } from './rules';
import {
  CLOSED_WINDOW,
  createPolicyTestEnv,
  documentInput,
  makeTestEnterprise,
  PDF_BYTES,
  PNG_BYTES,
  type PolicyTestEnv,
  programInput,
  publishedDocument,
  publishedProgram,
  REVENUE_RULES,
  type TestEnterprise,
  uploadOk,
  ZHANSHAN,
} from './test-helpers';

// Documents, interpretations, programs with versioned rules, matching, the self-test, search and the calendar,
// through the HTTP API on the test database (SQLite, or PostgreSQL with QIFU_TEST_DB=postgres).

let env: PolicyTestEnv;
/** Eligible: 湛山, 2025 revenue 5000万元. */
let rich: TestEnterprise;
/** Ineligible: 湛山, 2025 revenue 800万元. */
let small: TestEnterprise;
/** Undetermined: 湛山, no 2025 revenue on file. */
let unknown: TestEnterprise;

beforeAll(async () => {
  env = await createPolicyTestEnv();
  rich = await makeTestEnterprise(env, {
    name: '青岛海岳云智能科技有限公司',
    yearly: [
      { year: 2024, revenue: 4200, rdSpending: 300 },
      { year: 2025, revenue: 5000, rdSpending: 450 },
    ],
    qualifications: [{ kind: 'high_tech', recognizedOn: '2025-11-20', expiresOn: '2028-11-19' }],
    liaisonUserId: env.staffIds.liaison,
  });
  small = await makeTestEnterprise(env, {
    name: '青岛小帆贸易有限公司',
    yearly: [{ year: 2025, revenue: 800 }],
  });
  unknown = await makeTestEnterprise(env, {
    name: '青岛未名咨询有限公司',
    yearly: [{ year: 2024, revenue: 900 }],
  });
});
afterAll(async () => env.close());

const count = async (table: 'policyDocuments' | 'policyPrograms' | 'programRuleVersions' | 'notifications') =>
  Number(
    (
      await env.t.database.db
        .selectFrom(table)
        .select((eb) => eb.fn.countAll<number>().as('n'))
        .executeTakeFirstOrThrow()
    ).n,
  );

describe('policy documents', () => {
  it('stores sanitised rich text, hides drafts from visitors and publishes version 1', async () => {
    const created = await env.call('POST', '/policies/documents', documentInput(), env.cookies.editor);
    expect(created.statusCode, created.body).toBe(201);
    const doc = created.json();
    expect(doc.status).toBe('draft');
    expect(doc.bodyHtml).not.toMatch(/script|onclick|style=/);
    expect(doc.bodyHtml).toContain('<h2>第一条</h2>');
    expect(doc.bodyHtml).toContain('<strong>补贴</strong>');
    expect(doc.version).toBe(0);

    expect((await env.call('GET', `/policies/documents/${doc.id}`)).statusCode).toBe(404);
    expect((await env.call('GET', `/policies/documents/${doc.id}`, undefined, rich.cookie)).statusCode).toBe(
      404,
    );
    const listed = (await env.call('GET', '/policies/documents')).json();
    expect(listed.items.some((d: { id: string }) => d.id === doc.id)).toBe(false);

    const pub = await env.call(
      'POST',
      `/policies/documents/${doc.id}/publish`,
      { revision: doc.revision },
      env.cookies.editor,
    );
    expect(pub.statusCode, pub.body).toBe(200);
    expect(pub.json()).toMatchObject({ status: 'published', version: 1 });
    const visitor = await env.call('GET', `/policies/documents/${doc.id}`);
    expect(visitor.statusCode).toBe(200);
    expect(visitor.json().versions).toHaveLength(1);
  });

  it('makes a new version on each edit of a published document and keeps the old ones readable', async () => {
    const doc = await publishedDocument(env, {
      docNumber: '青南政发〔2026〕21号',
      title: '市南区促进楼宇经济发展办法',
    });
    const edit = await env.call(
      'PUT',
      `/policies/documents/${doc.id}`,
      {
        ...documentInput({ docNumber: '青南政发〔2026〕21号', title: '市南区促进楼宇经济高质量发展办法' }),
        revision: doc.revision,
        changeNote: '根据市级文件调整标题',
      },
      env.cookies.editor,
    );
    expect(edit.statusCode, edit.body).toBe(200);
    expect(edit.json()).toMatchObject({ version: 2, title: '市南区促进楼宇经济高质量发展办法' });
    const v1 = await env.call('GET', `/policies/documents/${doc.id}/versions/1`);
    expect(v1.statusCode).toBe(200);
    expect(v1.json()).toMatchObject({ version: 1, current: false, title: '市南区促进楼宇经济发展办法' });
    const v2 = (await env.call('GET', `/policies/documents/${doc.id}/versions/2`)).json();
    expect(v2).toMatchObject({ current: true, changeNote: '根据市级文件调整标题' });
    expect((await env.call('GET', `/policies/documents/${doc.id}/versions/3`)).statusCode).toBe(404);

    // A stale revision changes nothing.
    const stale = await env.call(
      'PUT',
      `/policies/documents/${doc.id}`,
      { ...documentInput({ title: '另一个标题' }), revision: doc.revision },
      env.cookies.editor,
    );
    expect(stale.statusCode).toBe(409);
    expect(stale.json().error.code).toBe('STALE_VERSION');
    expect((await env.call('GET', `/policies/documents/${doc.id}`)).json().version).toBe(2);
  });

  it('refuses a malformed 文号, dates out of order, unknown topics — and stores nothing', async () => {
    const before = await count('policyDocuments');
    const bad = await env.call(
      'POST',
      '/policies/documents',
      documentInput({ docNumber: '南政2024-12', topics: ['nonsense' as never] }),
      env.cookies.editor,
    );
    expect(bad.statusCode).toBe(400);
    const fields = bad.json().error.details.fields.map((f: { field: string }) => f.field);
    expect(fields).toEqual(['docNumber', 'topics.0']);
    const dates = await env.call(
      'POST',
      '/policies/documents',
      documentInput({ expiresOn: '2020-01-01' }),
      env.cookies.editor,
    );
    expect(dates.statusCode).toBe(400);
    expect(dates.json().error.details.fields[0]).toMatchObject({
      field: 'expiresOn',
      message: '失效日期不能早于生效（印发）日期',
    });
    // Half-width brackets are normalised, not refused.
    const ok = await env.call(
      'POST',
      '/policies/documents',
      documentInput({ docNumber: '青南政办发[2025]3号' }),
      env.cookies.editor,
    );
    expect(ok.json().docNumber).toBe('青南政办发〔2025〕3号');
    expect(await count('policyDocuments')).toBe(before + 1);
  });

  it('serves a published document’s attachments publicly, a draft’s to nobody but editors', async () => {
    const file = await uploadOk(env, env.cookies.editor, '附件1：申报指南.pdf', PDF_BYTES, 'policy');
    const created = (
      await env.call(
        'POST',
        '/policies/documents',
        documentInput({ docNumber: '青南政发〔2026〕9号', attachmentIds: [file] }),
        env.cookies.editor,
      )
    ).json();
    expect(created.attachments).toMatchObject([{ id: file, name: '附件1：申报指南.pdf', ext: 'pdf' }]);
    const url = `/policies/documents/${created.id}/attachments/${file}`;
    expect((await env.call('GET', url)).statusCode).toBe(404);
    expect((await env.call('GET', url, undefined, env.cookies.editor)).statusCode).toBe(200);
    await env.call(
      'POST',
      `/policies/documents/${created.id}/publish`,
      { revision: created.revision },
      env.cookies.editor,
    );
    const pub = await env.call('GET', url);
    expect(pub.statusCode).toBe(200);
    expect(pub.rawPayload.equals(PDF_BYTES)).toBe(true);
    // A claim file of an enterprise cannot be attached to a policy document.
    const claimFile = await uploadOk(env, rich.cookie, '营业执照.pdf', PDF_BYTES);
    const bad = await env.call(
      'POST',
      '/policies/documents',
      documentInput({ attachmentIds: [claimFile] }),
      env.cookies.editor,
    );
    expect(bad.statusCode).toBe(400);
    expect(bad.json().error.details.fields[0]).toMatchObject({
      field: 'attachmentIds.0',
      code: 'UNKNOWN_FILE',
    });
    // Uploads are audited.
    const audit = await env.t.database.db
      .selectFrom('auditLog')
      .select('action')
      .where('objectId', '=', file)
      .execute();
    expect(audit.map((a) => a.action)).toEqual(['file.upload']);
  });

  it('lets only policy editors write', async () => {
    expect((await env.call('POST', '/policies/documents', documentInput())).statusCode).toBe(401);
    expect((await env.call('POST', '/policies/documents', documentInput(), rich.cookie)).statusCode).toBe(
      403,
    );
    expect(
      (await env.call('POST', '/policies/documents', documentInput(), env.cookies.handler)).statusCode,
    ).toBe(403);
  });

  it('repeals a document: still readable and findable, with its status', async () => {
    const doc = await publishedDocument(env, {
      docNumber: '青南政发〔2019〕5号',
      title: '市南区旧版扶持办法',
    });
    const r = await env.call(
      'POST',
      `/policies/documents/${doc.id}/status`,
      { revision: doc.revision, status: 'repealed', reason: '被新政策替代' },
      env.cookies.editor,
    );
    expect(r.statusCode, r.body).toBe(200);
    expect(r.json().status).toBe('repealed');
    const found = (
      await env.call('GET', `/policies/search?q=${encodeURIComponent('旧版扶持')}&status=repealed`)
    ).json();
    expect(found.items.map((i: { id: string }) => i.id)).toContain(doc.id);
    const active = (
      await env.call('GET', `/policies/search?q=${encodeURIComponent('旧版扶持')}&status=published`)
    ).json();
    expect(active.items.map((i: { id: string }) => i.id)).not.toContain(doc.id);
  });
});

describe('interpretations', () => {
  it('links to documents, carries Q&A and a picture, and is public once published', async () => {
    const doc = await publishedDocument(env, { docNumber: '青南政发〔2026〕30号' });
    const image = await uploadOk(env, env.cookies.editor, '一图读懂.png', PNG_BYTES, 'policy');
    const created = await env.call(
      'POST',
      '/policies/interpretations',
      {
        title: '一图读懂：研发费用补贴怎么申请',
        bodyHtml: '<p>企业研发投入增长的，可以申请补贴。</p>',
        qa: [{ question: '谁可以申请？', answer: '注册在本区的企业。' }],
        imageFileId: image,
        documentIds: [doc.id],
      },
      env.cookies.editor,
    );
    expect(created.statusCode, created.body).toBe(201);
    const i = created.json();
    expect((await env.call('GET', `/policies/interpretations/${i.id}`)).statusCode).toBe(404);
    const pub = await env.call(
      'POST',
      `/policies/interpretations/${i.id}/publish`,
      { revision: i.revision },
      env.cookies.editor,
    );
    expect(pub.statusCode, pub.body).toBe(200);
    const read = (await env.call('GET', `/policies/interpretations/${i.id}`)).json();
    expect(read.documents.map((d: { id: string }) => d.id)).toEqual([doc.id]);
    expect(read.image).toMatchObject({ ext: 'png' });
    const img = await env.call('GET', `/policies/interpretations/${i.id}/image`);
    expect(img.statusCode).toBe(200);
    expect(img.headers['content-type']).toBe('image/png');
    expect((await env.call('GET', `/policies/documents/${doc.id}`)).json().interpretations).toHaveLength(1);
  });
});

describe('programs and their rules', () => {
  it('refuses rules with an unknown field or an operator of the wrong type, naming the node path', async () => {
    const doc = await publishedDocument(env, { docNumber: '青南政发〔2026〕40号' });
    const [programs, versions] = [await count('policyPrograms'), await count('programRuleVersions')];
    const broken = structuredClone(REVENUE_RULES) as unknown as {
      conditions: { all: Record<string, unknown>[] };
    };
    broken.conditions.all[0]!.quantity = {
      of: 'yearly',
      metric: 'profit',
      year: { ref: 'evaluation', offset: -1 },
    };
    broken.conditions.all[1]!.op = '>=';
    const r = await env.call(
      'POST',
      '/policies/programs',
      programInput(env, doc.id, { rules: broken as never }),
      env.cookies.editor,
    );
    expect(r.statusCode).toBe(400);
    const body = r.json().error;
    expect(body.code).toBe('INVALID_RULES');
    const fields = body.details.fields.map((f: { field: string }) => f.field);
    expect(fields).toContain('rules.conditions.all[0].quantity.metric');
    expect(fields).toContain('rules.conditions.all[1].op');
    expect(body.details.fields.every((f: { code: string }) => f.code === 'INVALID_RULES')).toBe(true);
    // An unknown qualification code is refused too, at its path.
    const unknownQual = structuredClone(REVENUE_RULES) as unknown as { conditions: { all: unknown[] } };
    unknownQual.conditions.all.push({
      id: 'q',
      label: '火星企业',
      kind: 'qualification',
      qualification: 'mars_company',
    });
    const r2 = await env.call(
      'POST',
      '/policies/programs',
      programInput(env, doc.id, { rules: unknownQual as never }),
      env.cookies.editor,
    );
    expect(r2.json().error.details.fields[0].field).toBe('rules.conditions.all[3].qualification');
    expect([await count('policyPrograms'), await count('programRuleVersions')]).toEqual([programs, versions]);
  });

  it('previews how many enterprises the rules find eligible, undetermined and ineligible', async () => {
    const r = await env.call('POST', '/policies/rules/preview', { rules: REVENUE_RULES }, env.cookies.editor);
    expect(r.statusCode, r.body).toBe(200);
    const p = r.json();
    expect(p.total).toBeGreaterThanOrEqual(3);
    expect(p.eligible).toBeGreaterThanOrEqual(1);
    expect(p.ineligible).toBeGreaterThanOrEqual(1);
    expect(p.undetermined).toBeGreaterThanOrEqual(1);
    expect(p.eligible + p.undetermined + p.ineligible).toBe(p.total);
    expect(p.topMissingFacts[0]).toMatchObject({ fact: 'yearly.2025.revenue', name: '2025年营业收入' });
    expect(
      (await env.call('POST', '/policies/rules/preview', { rules: REVENUE_RULES }, rich.cookie)).statusCode,
    ).toBe(403);
  });

  it('publishes only under a published document, and versions the rules with the program', async () => {
    const draftDoc = (
      await env.call(
        'POST',
        '/policies/documents',
        documentInput({ docNumber: '青南政发〔2026〕41号' }),
        env.cookies.editor,
      )
    ).json();
    const p = (
      await env.call('POST', '/policies/programs', programInput(env, draftDoc.id), env.cookies.editor)
    ).json();
    const refused = await env.call(
      'POST',
      `/policies/programs/${p.id}/publish`,
      { revision: p.revision },
      env.cookies.editor,
    );
    expect(refused.statusCode).toBe(409);
    expect(refused.json().error.code).toBe('DOCUMENT_NOT_PUBLISHED');
    expect((await env.call('GET', `/policies/programs/${p.id}`)).statusCode).toBe(404);

    const doc = await publishedDocument(env, { docNumber: '青南政发〔2026〕42号' });
    const published = await publishedProgram(env, doc.id, { title: '规上企业营收奖励' });
    expect(published.program.rulesVersion).toBe(1);
    const id = published.program.id;
    const changed = structuredClone(REVENUE_RULES);
    (changed.conditions as { all: { value?: number }[] }).all[0]!.value = 5_000_000;
    const upd = await env.call(
      'PUT',
      `/policies/programs/${id}`,
      {
        ...programInput(env, doc.id, { title: '规上企业营收奖励', rules: changed }),
        revision: published.program.revision,
        changeNote: '门槛降至500万元',
      },
      env.cookies.editor,
    );
    expect(upd.statusCode, upd.body).toBe(200);
    expect(upd.json().program.rulesVersion).toBe(2);
    expect(upd.json().push).not.toBeNull();
    const versions = (await env.call('GET', `/policies/programs/${id}/rule-versions`)).json().items;
    expect(versions.map((v: { version: number }) => v.version)).toEqual([2, 1]);
    expect(versions[0].changeNote).toBe('门槛降至500万元');
    expect(versions[1].rules.conditions.all[0].value).toBe(10_000_000);
    // Editing other fields keeps the rules version.
    const again = await env.call(
      'PUT',
      `/policies/programs/${id}`,
      {
        ...programInput(env, doc.id, { title: '规上企业营收奖励（2026年）', rules: changed }),
        revision: upd.json().program.revision,
      },
      env.cookies.editor,
    );
    expect(again.json().program).toMatchObject({ rulesVersion: 2, title: '规上企业营收奖励（2026年）' });
  });
});

describe('facts read in bulk', () => {
  it('decide exactly as the whole profile does, reading only what the rules need', async () => {
    const catalogue = { ...DEFAULT_FACT_CATALOGUE, streets: [{ code: ZHANSHAN, name: '湛山街道' }] };
    const kinds = catalogue.qualifications.map((q) => q.code);
    const asOf = '2026-11-26';
    const all = await loadEnterpriseFacts(env.t.database.db, ALL_FACTS, { asOf, qualificationKinds: kinds });
    for (const fixture of [...PROGRAM_FIXTURES.map((f) => f.rules), REVENUE_RULES]) {
      const rule = compileRule(fixture, { catalogue });
      const keys = ruleFactKeys(rule, asOf);
      const narrow = await loadEnterpriseFacts(env.t.database.db, needsOf(keys), {
        asOf,
        qualificationKinds: kinds,
      });
      expect(narrow.size).toBe(all.size);
      for (const [id, facts] of all) {
        const full = rule.match(prepareFacts(facts, { asOf }));
        const bulk = rule.match(prepareFacts(narrow.get(id)!, { asOf }));
        expect(bulk).toEqual(full);
        expect(factSnapshot(narrow.get(id)!, keys)).toEqual(factSnapshot(facts, keys));
      }
    }
  });
});

describe('matching and the self-test', () => {
  let programId: string;
  beforeAll(async () => {
    const doc = await publishedDocument(env, { docNumber: '青南政发〔2026〕50号', topics: ['growth'] });
    programId = (await publishedProgram(env, doc.id, { title: '营收规模奖励' })).program.id;
  });

  const matchOf = (body: { items: { program: { id: string } }[] }) =>
    body.items.find((i) => i.program.id === programId) as unknown as {
      status: string;
      amount: { min: number; max: number | null } | null;
      gaps: { message: string }[];
      missingFacts: string[];
      conditions: { children: { id: string; status: string; reason: string }[] };
    };

  it('ranks programs for an enterprise with reasons, amounts, gaps and missing facts', async () => {
    const eligible = await env.call('GET', '/policies/matches', undefined, rich.cookie);
    expect(eligible.statusCode, eligible.body).toBe(200);
    const m = matchOf(eligible.json());
    expect(m.status).toBe('eligible');
    expect(m.amount).toEqual({ min: 500_000, max: 500_000 });
    expect(m.conditions.children.find((c) => c.id === 'revenue')!.status).toBe('met');

    const s = matchOf((await env.call('GET', '/policies/matches', undefined, small.cookie)).json());
    expect(s.status).toBe('ineligible');
    expect(s.gaps[0]!.message).toContain('200万元');

    const u = (await env.call('GET', '/policies/matches', undefined, unknown.cookie)).json();
    expect(matchOf(u).status).toBe('undetermined');
    expect(matchOf(u).missingFacts).toEqual(['yearly.2025.revenue']);
    expect(u.missingFacts[0]).toMatchObject({ fact: 'yearly.2025.revenue' });
    expect(u.missingFacts[0].programs).toContain(programId);
  });

  it('lets a liaison see his enterprises only, and never another enterprise', async () => {
    const own = await env.call(
      'GET',
      `/policies/matches?enterpriseId=${rich.id}`,
      undefined,
      env.cookies.liaison,
    );
    expect(own.statusCode).toBe(200);
    expect(own.json().enterprise.id).toBe(rich.id);
    expect(
      (await env.call('GET', `/policies/matches?enterpriseId=${small.id}`, undefined, env.cookies.liaison))
        .statusCode,
    ).toBe(404);
    // An enterprise user naming another enterprise is refused as if it did not exist.
    expect(
      (await env.call('GET', `/policies/matches?enterpriseId=${rich.id}`, undefined, small.cookie))
        .statusCode,
    ).toBe(404);
  });

  it('evaluates ad-hoc answers for visitors and asks the question that settles most', async () => {
    const first = await env.call('POST', '/policies/self-test', { answers: {}, programIds: [programId] });
    expect(first.statusCode, first.body).toBe(200);
    expect(first.json().items[0].status).toBe('undetermined');
    expect(first.json().questions.map((q: { fact: string }) => q.fact)).toEqual(
      expect.arrayContaining(['yearly.2025.revenue', 'streetCode']),
    );
    const answered = await env.call('POST', '/policies/self-test', {
      answers: { streetCode: ZHANSHAN, yearly: { '2025': { revenue: 20_000_000 } } },
      programIds: [programId],
    });
    expect(answered.json().items[0]).toMatchObject({
      status: 'eligible',
      amount: { min: 200_000, max: 200_000 },
    });
    expect(answered.json().questions).toEqual([]);
    const bad = await env.call('POST', '/policies/self-test', { answers: { employees: -3, mood: 'happy' } });
    expect(bad.statusCode).toBe(400);
  });
});

describe('subscriptions and 政策找企业', () => {
  it('notifies subscribers of a topic when a document with it is published', async () => {
    const put = await env.call(
      'PUT',
      '/policies/subscriptions',
      { topics: ['talent', 'finance'] },
      small.cookie,
    );
    expect(put.statusCode, put.body).toBe(200);
    expect((await env.call('GET', '/policies/subscriptions', undefined, small.cookie)).json().topics).toEqual(
      ['finance', 'talent'],
    );
    await publishedDocument(env, {
      docNumber: '青南政发〔2026〕60号',
      title: '市南区人才安居办法',
      topics: ['talent'],
    });
    const inbox = (await env.call('GET', '/notifications', undefined, small.cookie)).json();
    expect(
      inbox.items.some(
        (n: { kind: string; title: string }) => n.kind === 'policy_published' && n.title.includes('人才安居'),
      ),
    ).toBe(true);
    const others = (await env.call('GET', '/notifications', undefined, unknown.cookie)).json();
    expect(others.items.some((n: { title: string }) => n.title.includes('人才安居'))).toBe(false);
  });

  it('records who is eligible under which rules version, and notifies an enterprise once per eligibility', async () => {
    const doc = await publishedDocument(env, { docNumber: '青南政发〔2026〕61号' });
    const before = (await env.call('GET', '/notifications', undefined, rich.cookie)).json().total;
    const first = await publishedProgram(env, doc.id, { title: '数字经济企业营收奖励' });
    expect(first.push.eligible).toBeGreaterThanOrEqual(1);
    const after = (await env.call('GET', '/notifications', undefined, rich.cookie)).json();
    expect(after.total).toBe(before + 1);
    expect(
      after.items.find((n: { link: string }) => n.link === `/policies/programs/${first.program.id}`),
    ).toMatchObject({
      kind: 'program_eligible',
      title: '政策找企业：贵企业符合“数字经济企业营收奖励”',
    });

    // New rules under which rich stays eligible and small becomes eligible: only small is told.
    const lower = structuredClone(REVENUE_RULES);
    (lower.conditions as { all: { value?: number }[] }).all[0]!.value = 5_000_000;
    const smallBefore = (await env.call('GET', '/notifications', undefined, small.cookie)).json().total;
    const upd = await env.call(
      'PUT',
      `/policies/programs/${first.program.id}`,
      {
        ...programInput(env, doc.id, { title: '数字经济企业营收奖励', rules: lower }),
        revision: first.program.revision,
      },
      env.cookies.editor,
    );
    expect(upd.statusCode, upd.body).toBe(200);
    expect((await env.call('GET', '/notifications', undefined, rich.cookie)).json().total).toBe(before + 1);
    expect((await env.call('GET', '/notifications', undefined, small.cookie)).json().total).toBe(
      smallBefore + 1,
    );

    const records = (
      await env.call(
        'GET',
        `/policies/programs/${first.program.id}/push-records?pageSize=100`,
        undefined,
        env.cookies.editor,
      )
    ).json();
    const richV2 = records.items.find(
      (r: { enterprise: { id: string }; rulesVersion: number }) =>
        r.enterprise.id === rich.id && r.rulesVersion === 2,
    );
    expect(richV2).toMatchObject({
      notified: false,
      facts: { 'yearly.2025.revenue': 50_000_000, streetCode: ZHANSHAN },
    });
    const smallV2 = records.items.find(
      (r: { enterprise: { id: string }; rulesVersion: number }) =>
        r.enterprise.id === small.id && r.rulesVersion === 2,
    );
    expect(smallV2).toMatchObject({ notified: true, amount: { min: 80_000, max: 80_000 } });
  });
});

describe('search and calendar', () => {
  beforeAll(async () => {
    const doc = await publishedDocument(env, {
      docNumber: '青南政发〔2026〕70号',
      title: '市南区企业研发费用加计扣除配套奖励办法',
      topics: ['tech_innovation', 'tax_relief'],
      bodyHtml: '<p>对研发费用较上年增长的企业给予奖励。</p>',
    });
    await publishedProgram(env, doc.id, { title: '中小企业首贷贴息补贴', ...CLOSED_WINDOW });
  });

  it('finds 补贴 and 研发费 with highlighted snippets, filtered by level, topic and open window', async () => {
    const subsidy = (await env.call('GET', `/policies/search?q=${encodeURIComponent('补贴')}`)).json();
    expect(subsidy.total).toBeGreaterThan(0);
    // A handful of documents: counted exactly (the count stops only past POLICY_SEARCH_COUNT_LIMIT).
    expect(subsidy.totalCapped).toBe(false);
    expect(
      subsidy.items.some((i: { titleHtml: string; snippet: string }) =>
        `${i.titleHtml}${i.snippet}`.includes('<mark>补贴</mark>'),
      ),
    ).toBe(true);
    const rd = (await env.call('GET', `/policies/search?q=${encodeURIComponent('研发费')}`)).json();
    expect(rd.items.some((i: { title: string }) => i.title.includes('研发费用加计扣除'))).toBe(true);
    const topic = (
      await env.call(
        'GET',
        `/policies/search?q=${encodeURIComponent('研发费')}&topic=tax_relief&level=district`,
      )
    ).json();
    // The document, and the program under it (which names its document as its basis).
    expect(topic.items.map((i: { scope: string }) => i.scope).sort()).toEqual([
      'policy_document',
      'policy_program',
    ]);
    const marine = (
      await env.call('GET', `/policies/search?q=${encodeURIComponent('研发费')}&topic=marine`)
    ).json();
    expect(marine.total).toBe(0);
    const national = (
      await env.call('GET', `/policies/search?q=${encodeURIComponent('研发费')}&level=national`)
    ).json();
    expect(national.total).toBe(0);
    const open = (
      await env.call('GET', `/policies/search?q=${encodeURIComponent('贴息')}&openNow=true`)
    ).json();
    expect(open.items.some((i: { title: string }) => i.title === '中小企业首贷贴息补贴')).toBe(false);
    const any = (
      await env.call('GET', `/policies/search?q=${encodeURIComponent('贴息')}&scope=policy_program`)
    ).json();
    expect(any.items.some((i: { title: string }) => i.title === '中小企业首贷贴息补贴')).toBe(true);
  });

  it('lists application windows by month', async () => {
    const cal = (await env.call('GET', '/policies/calendar?year=2026')).json();
    expect(cal.months).toHaveLength(12);
    const march = cal.months[2].items.find((i: { title: string }) => i.title === '中小企业首贷贴息补贴');
    expect(march).toMatchObject({ opensThisMonth: true, closesThisMonth: false, windowState: 'closed' });
    const april = cal.months[3].items.find((i: { title: string }) => i.title === '中小企业首贷贴息补贴');
    expect(april).toMatchObject({ opensThisMonth: false, closesThisMonth: true });
    const nov = (await env.call('GET', '/policies/calendar?year=2026&month=11')).json();
    expect(nov.months).toHaveLength(1);
    expect(nov.months[0].items.some((i: { windowState: string }) => i.windowState === 'open')).toBe(true);
  });
});
