import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { makeUscc } from '../../../shared/uscc';
import { verifyAuditChain } from '../../platform/audit/audit';
import { makeEnterpriseUser, makeStaff } from '../../test/factories';
import { createTestApp, login, sessionCookie, type TestApp } from '../../test/support';
import { bindUser, makeEnterprise, seedReferenceData } from './test-fixtures';

// The test clock: 2026-03-10 10:00 in Asia/Shanghai, so the last completed year is 2025.
let t: TestApp;
const staff: Record<'admin' | 'liaison' | 'liaison2' | 'leader' | 'content', string> = {
  admin: '',
  liaison: '',
  liaison2: '',
  leader: '',
  content: '',
};
const staffIds: Record<keyof typeof staff, string> = {
  admin: '',
  liaison: '',
  liaison2: '',
  leader: '',
  content: '',
};
let other: { id: string; uscc: string; cookie: string };

const USCC = makeUscc('91370202MA3C8K1P0');
const OWNER_PHONE = '13912345678';
const OWNER_PASSWORD = 'Haina!2026x';

type Req = {
  method: 'GET' | 'POST' | 'PUT' | 'PATCH' | 'DELETE';
  url: string;
  payload?: unknown;
  cookie?: string;
};
const call = ({ method, url, payload, cookie }: Req) =>
  t.app.inject({
    method,
    url: `/api/v1${url}`,
    ...(payload !== undefined ? { payload: payload as object } : {}),
    headers: cookie ? { cookie } : {},
  });
const get = (url: string, cookie?: string) => call({ method: 'GET', url, ...(cookie ? { cookie } : {}) });
const post = (url: string, payload: unknown, cookie?: string) =>
  call({ method: 'POST', url, payload, ...(cookie ? { cookie } : {}) });
const put = (url: string, payload: unknown, cookie?: string) =>
  call({ method: 'PUT', url, payload, ...(cookie ? { cookie } : {}) });
const patch = (url: string, payload: unknown, cookie?: string) =>
  call({ method: 'PATCH', url, payload, ...(cookie ? { cookie } : {}) });
const del = (url: string, cookie?: string) => call({ method: 'DELETE', url, ...(cookie ? { cookie } : {}) });

async function register(phone: string, displayName: string): Promise<string> {
  const sms = await post('/auth/sms-codes', { phone, purpose: 'register' });
  expect(sms.statusCode).toBe(202);
  const code = t.sms.lastCodeFor(phone);
  expect(code).toMatch(/^\d{6}$/);
  const res = await post('/auth/register', { phone, smsCode: code, password: OWNER_PASSWORD, displayName });
  expect(res.statusCode).toBe(201);
  return sessionCookie(res);
}

beforeAll(async () => {
  t = await createTestApp();
  await seedReferenceData(t.database.db);
  for (const [key, roles] of [
    ['admin', ['admin']],
    ['liaison', ['liaison']],
    ['liaison2', ['liaison']],
    ['leader', ['leader']],
    ['content', ['content_editor']],
  ] as const) {
    const u = await makeStaff(t.database, [...roles]);
    staffIds[key] = u.id;
    staff[key] = await login(t.app, u.username, u.password);
  }
  const otherUser = await makeEnterpriseUser(t.database, '13800009999');
  const ent = await makeEnterprise(t.database.db, {
    name: '青岛海岸线贸易有限公司',
    streetCode: '370202013',
    industryCode: '5137',
    liaisonUserId: staffIds.liaison2,
  });
  await bindUser(t.database.db, otherUser.id, ent.id);
  other = { ...ent, cookie: await login(t.app, otherUser.phone, otherUser.password) };
});
afterAll(async () => {
  await t?.close();
});

describe('reference data', () => {
  it('serves streets, industries and qualification kinds to anyone', async () => {
    const streets = await get('/reference/streets');
    expect(streets.statusCode).toBe(200);
    expect(streets.json().items.map((s: { name: string }) => s.name)).toContain('八大关街道');
    const industries = await get('/reference/industries');
    expect(industries.json().sections).toHaveLength(20);
    const i = industries.json().sections.find((s: { code: string }) => s.code === 'I');
    expect(i.divisions.map((d: { code: string }) => d.code)).toEqual(['63', '64', '65']);
    const kinds = await get('/reference/qualification-kinds');
    expect(kinds.json().items.map((k: { code: string }) => k.code)).toContain('high_tech');
  });

  it('lets an administrator add a qualification kind, and nobody else', async () => {
    const body = { code: 'provincial_gazelle', name: '省级瞪羚企业', sortOrder: 200 };
    expect((await post('/reference/qualification-kinds', body, staff.liaison)).statusCode).toBe(403);
    expect((await post('/reference/qualification-kinds', body)).statusCode).toBe(401);
    const res = await post('/reference/qualification-kinds', body, staff.admin);
    expect(res.statusCode).toBe(201);
    expect(res.json()).toEqual({ ...body, active: true });
    expect((await post('/reference/qualification-kinds', body, staff.admin)).json().error.code).toBe(
      'QUALIFICATION_KIND_EXISTS',
    );
    const unknown = await post(
      '/reference/qualification-kinds',
      { ...body, code: 'x_y', color: 'red' },
      staff.admin,
    );
    expect(unknown.statusCode).toBe(400);
    expect(unknown.json().error.code).toBe('UNKNOWN_FIELD');
    const kinds = await get('/reference/qualification-kinds');
    expect(kinds.json().items.map((k: { name: string }) => k.name)).toContain('省级瞪羚企业');
    // Deactivated kinds disappear from the public list and cannot be used for new qualifications.
    expect(
      (await patch('/reference/qualification-kinds/provincial_gazelle', { active: false }, staff.admin))
        .statusCode,
    ).toBe(200);
    const after = await get('/reference/qualification-kinds');
    expect(after.json().items.map((k: { code: string }) => k.code)).not.toContain('provincial_gazelle');
  });
});

describe('the 一企一档 journey', () => {
  let owner: string;
  let entId: string;
  let version: number;
  let qualificationId: string;

  it('an enterprise user registers and asks to bind; a second request is refused', async () => {
    owner = await register(OWNER_PHONE, '李海燕');
    expect((await get('/enterprises/mine', owner)).statusCode).toBe(403);
    const res = await post(
      '/enterprises/bindings',
      { uscc: ` ${USCC.toLowerCase()} `, name: '青岛蓝海软件科技有限公司' },
      owner,
    );
    expect(res.statusCode).toBe(201);
    const b = res.json();
    expect(b).toMatchObject({
      status: 'pending',
      role: 'enterprise_admin',
      claimedName: '青岛蓝海软件科技有限公司',
    });
    expect(b.enterprise).toMatchObject({ uscc: USCC, name: '青岛蓝海软件科技有限公司' });
    expect(b.user.phoneMasked).toBe('139****5678');
    entId = b.enterprise.id;
    const again = await post(
      '/enterprises/bindings',
      { uscc: USCC, name: '青岛蓝海软件科技有限公司' },
      owner,
    );
    expect(again.statusCode).toBe(409);
    expect(again.json().error.code).toBe('ALREADY_BOUND');
    // Staff cannot bind themselves to an enterprise.
    expect((await post('/enterprises/bindings', { uscc: USCC, name: 'x公司' }, staff.admin)).statusCode).toBe(
      403,
    );
  });

  it('the applicant cannot confirm himself; staff confirm, and the next request carries enterprise roles', async () => {
    const pending = await get('/enterprises/bindings?status=pending', staff.admin);
    const mine = pending.json().items.find((b: { enterprise: { id: string } }) => b.enterprise.id === entId);
    expect(mine).toBeTruthy();
    // The unbound applicant holds no role that may confirm at all.
    expect((await post(`/enterprises/bindings/${mine.id}/confirm`, {}, owner)).statusCode).toBe(403);
    // A liaison of another enterprise does not see it.
    expect((await post(`/enterprises/bindings/${mine.id}/confirm`, {}, staff.liaison2)).statusCode).toBe(404);
    const res = await post(`/enterprises/bindings/${mine.id}/confirm`, {}, staff.admin);
    expect(res.statusCode).toBe(200);
    expect(res.json()).toMatchObject({ status: 'confirmed', role: 'enterprise_admin' });
    expect(res.json().decidedByName).toBeTruthy();
    expect((await post(`/enterprises/bindings/${mine.id}/confirm`, {}, staff.admin)).json().error.code).toBe(
      'BINDING_NOT_PENDING',
    );
    const me = await get('/auth/me', owner);
    expect(me.json().user.roles).toEqual(expect.arrayContaining(['enterprise_admin', 'enterprise_member']));
    const profile = await get('/enterprises/mine', owner);
    expect(profile.statusCode).toBe(200);
    expect(profile.json()).toMatchObject({
      id: entId,
      uscc: USCC,
      name: '青岛蓝海软件科技有限公司',
      version: 1,
    });
    expect(profile.json().provenance.name).toMatchObject({ source: 'self', updatedByName: '李海燕' });
    expect(profile.json().permissions).toMatchObject({
      edit: true,
      verify: false,
      assignLiaison: false,
      manageMembers: true,
    });
    version = profile.json().version;
  });

  it('the administrator assigns a liaison, who must hold the liaison role', async () => {
    const wrong = await put(`/enterprises/${entId}/liaison`, { userId: staffIds.leader }, staff.admin);
    expect(wrong.statusCode).toBe(400);
    expect(wrong.json().error.code).toBe('NOT_LIAISON');
    expect((await put(`/enterprises/${entId}/liaison`, { userId: staffIds.liaison }, owner)).statusCode).toBe(
      403,
    );
    const res = await put(`/enterprises/${entId}/liaison`, { userId: staffIds.liaison }, staff.admin);
    expect(res.statusCode).toBe(200);
    expect(res.json().liaison.id).toBe(staffIds.liaison);
    expect(res.json().liaison.name).toMatch(/^工作人员/);
    // The enterprise's own members get the liaison's number in full (their first contact); other staff masked.
    await t.database.db
      .updateTable('users')
      .set({ phone: '13955556666' })
      .where('id', '=', staffIds.liaison)
      .execute();
    const asOwner = (await get(`/enterprises/${entId}`, owner)).json().liaison;
    expect(asOwner).toMatchObject({ phone: '13955556666', phoneMasked: '139****6666' });
    const asAdmin = (await get(`/enterprises/${entId}`, staff.admin)).json().liaison;
    expect(asAdmin).toMatchObject({ phone: null, phoneMasked: '139****6666' });
    expect((await get(`/enterprises/${entId}`, staff.liaison)).json().liaison.phone).toBe('13955556666');
    // Back to no phone: later tests read the liaison as created.
    await t.database.db
      .updateTable('users')
      .set({ phone: null })
      .where('id', '=', staffIds.liaison)
      .execute();
  });

  it('the enterprise admin edits the profile; each changed field records self provenance and the size class is derived', async () => {
    const res = await patch(
      `/enterprises/${entId}`,
      {
        version,
        legalRepresentative: '李海燕',
        registeredCapital: 1000,
        establishedOn: '2015-04-20',
        registeredAddress: '青岛市市南区香港中路 61 号',
        streetCode: '370202012',
        industryCode: 'I6513',
        employees: 120,
        insuredEmployees: 110,
        building: '远洋大厦',
        unit: '2101',
        tags: ['软件', '软件', '海洋科技'],
      },
      owner,
    );
    expect(res.statusCode).toBe(200);
    const p = res.json();
    expect(p.version).toBe(version + 1);
    expect(p).toMatchObject({
      legalRepresentative: '李海燕',
      registeredCapital: 1000,
      establishedOn: '2015-04-20',
      street: { code: '370202012', name: '八大关街道' },
      industry: { code: '6513', division: '65', section: 'I' },
      employees: 120,
      insuredEmployees: 110,
      tags: ['软件', '海洋科技'],
    });
    expect(p.provenance.employees).toMatchObject({
      source: 'self',
      updatedByName: '李海燕',
      sourceRef: null,
    });
    expect(p.provenance.industryCode.source).toBe('self');
    // Revenue of 2025 is not known yet: 120 employees in software cannot be classified without it.
    expect(p.size).toMatchObject({ sizeClass: null, status: 'undetermined', basisYear: 2025 });
    expect(p.size.missing).toContain('revenue');
    version = p.version;
  });

  it('yearly figures per year, null meaning unknown; the last completed year decides the size class', async () => {
    const res = await put(
      `/enterprises/${entId}/yearly/2025`,
      { revenue: 8000, taxPaid: 320.5, rdSpending: 900, totalAssets: 12000 },
      owner,
    );
    expect(res.statusCode).toBe(200);
    const p = res.json();
    expect(p.yearly[0]).toEqual({
      year: 2025,
      revenue: 8000,
      taxPaid: 320.5,
      rdSpending: 900,
      exports: null,
      totalAssets: 12000,
    });
    expect(p.provenance['yearly.2025.revenue'].source).toBe('self');
    expect(p.provenance['yearly.2025.exports']).toBeUndefined();
    expect(p.size).toMatchObject({ sizeClass: 'medium', label: '中型', status: 'decided' });
    expect(p.size.basis).toContain('2025');
    const stored = await t.database.db
      .selectFrom('enterprises')
      .select('sizeClass')
      .where('id', '=', entId)
      .executeTakeFirstOrThrow();
    expect(stored.sizeClass).toBe('medium');
    // An older year does not move the class.
    const older = await put(`/enterprises/${entId}/yearly/2024`, { revenue: 200000 }, owner);
    expect(older.json().size.sizeClass).toBe('medium');
    expect(older.json().yearly.map((y: { year: number }) => y.year)).toEqual([2025, 2024]);
    version = older.json().version;
  });

  it('IP counts by kind, and qualifications with dates', async () => {
    const ip = await put(`/enterprises/${entId}/ip`, { invention: 5, software_copyright: 30 }, owner);
    expect(ip.statusCode).toBe(200);
    expect(ip.json().ip).toEqual({
      invention: 5,
      utility_model: null,
      design: null,
      software_copyright: 30,
      trademark: null,
    });
    expect(ip.json().provenance['ip.invention'].source).toBe('self');
    const q = await post(
      `/enterprises/${entId}/qualifications`,
      {
        kind: 'high_tech',
        recognizedOn: '2024-12-01',
        expiresOn: '2027-11-30',
        certificateNo: 'GR202437000123',
      },
      owner,
    );
    expect(q.statusCode).toBe(201);
    const quals = q.json().qualifications;
    expect(quals).toHaveLength(1);
    expect(quals[0]).toMatchObject({
      kind: 'high_tech',
      kindName: '高新技术企业',
      recognizedOn: '2024-12-01',
      expiresOn: '2027-11-30',
      current: true,
    });
    expect(quals[0].provenance).toMatchObject({ source: 'self', updatedByName: '李海燕' });
    qualificationId = quals[0].id;
    const upd = await put(
      `/enterprises/${entId}/qualifications/${qualificationId}`,
      { kind: 'high_tech', recognizedOn: '2024-12-01', expiresOn: '2025-11-30' },
      owner,
    );
    expect(upd.json().qualifications[0]).toMatchObject({
      expiresOn: '2025-11-30',
      current: false,
      certificateNo: null,
    });
    const back = await put(
      `/enterprises/${entId}/qualifications/${qualificationId}`,
      {
        kind: 'high_tech',
        recognizedOn: '2024-12-01',
        expiresOn: '2027-11-30',
        certificateNo: 'GR202437000123',
      },
      owner,
    );
    expect(back.json().qualifications[0].current).toBe(true);
    const extra = await post(
      `/enterprises/${entId}/qualifications`,
      { kind: 'tech_sme', recognizedOn: '2025-05-01' },
      owner,
    );
    const extraId = extra.json().qualifications.find((x: { kind: string }) => x.kind === 'tech_sme').id;
    const removed = await del(`/enterprises/${entId}/qualifications/${extraId}`, owner);
    expect(removed.statusCode).toBe(200);
    expect(removed.json().qualifications).toHaveLength(1);
    version = removed.json().version;
  });

  it('staff verify fields: provenance becomes staff, other fields stay self', async () => {
    // The enterprise cannot verify its own data.
    expect((await post(`/enterprises/${entId}/verify`, { fields: ['employees'] }, owner)).statusCode).toBe(
      403,
    );
    // Verifying an empty field is refused.
    const empty = await post(
      `/enterprises/${entId}/verify`,
      { fields: ['employees', 'yearly.2025.exports'] },
      staff.liaison,
    );
    expect(empty.statusCode).toBe(400);
    expect(empty.json().error.details.fields).toEqual([
      expect.objectContaining({ field: 'fields.1', code: 'VALIDATION_FAILED' }),
    ]);
    const res = await post(
      `/enterprises/${entId}/verify`,
      { fields: ['employees', 'yearly.2025.revenue', 'ip.invention', `qualifications.${qualificationId}`] },
      staff.liaison,
    );
    expect(res.statusCode).toBe(200);
    const p = res.json();
    expect(p.provenance.employees.source).toBe('staff');
    expect(p.provenance.employees.updatedByName).toMatch(/^工作人员/);
    expect(p.provenance['yearly.2025.revenue'].source).toBe('staff');
    expect(p.provenance['ip.invention'].source).toBe('staff');
    expect(p.qualifications[0].provenance.source).toBe('staff');
    expect(p.provenance.registeredCapital.source).toBe('self');
    expect(p.provenance['ip.software_copyright'].source).toBe('self');
    // Verification changes no value, so an editor's version stays valid.
    expect(p.version).toBe(version);
    expect(p.employees).toBe(120);
  });

  it('a staff edit records staff provenance', async () => {
    const res = await patch(`/enterprises/${entId}`, { version, employees: 125 }, staff.liaison);
    expect(res.statusCode).toBe(200);
    expect(res.json().provenance.employees).toMatchObject({ source: 'staff' });
    version = res.json().version;
    // An enterprise admin may not change the USCC; staff may correct it.
    const self = await patch(
      `/enterprises/${entId}`,
      { version, uscc: makeUscc('91370202MA3C8K1P1') },
      owner,
    );
    expect(self.statusCode).toBe(403);
    const taken = await patch(`/enterprises/${entId}`, { version, uscc: other.uscc }, staff.admin);
    expect(taken.statusCode).toBe(409);
    expect(taken.json().error.code).toBe('USCC_TAKEN');
  });

  it('every edit is audited with before and after, in an intact chain', async () => {
    const rows = await t.database.db
      .selectFrom('auditLog')
      .select(['action', 'details', 'actorId'])
      .where('objectId', '=', entId)
      .orderBy('seq')
      .execute();
    const actions = rows.map((r) => r.action);
    expect(actions).toEqual(
      expect.arrayContaining([
        'enterprise.create',
        'enterprise.liaison.assign',
        'enterprise.update',
        'enterprise.yearly.update',
        'enterprise.ip.update',
        'enterprise.qualification.create',
        'enterprise.qualification.update',
        'enterprise.qualification.delete',
        'enterprise.verify',
      ]),
    );
    const staffEdit = rows.filter((r) => r.action === 'enterprise.update').at(-1)!;
    expect(JSON.parse(staffEdit.details!).changes.employees).toEqual({ before: 120, after: 125 });
    expect(staffEdit.actorId).toBe(staffIds.liaison);
    const bindings = await t.database.db
      .selectFrom('auditLog')
      .select('action')
      .where('objectType', '=', 'enterprise_binding')
      .execute();
    expect(bindings.map((b) => b.action)).toEqual(
      expect.arrayContaining(['enterprise.binding.request', 'enterprise.binding.confirm']),
    );
    expect((await verifyAuditChain(t.database.db)).ok).toBe(true);
  });

  it('STALE_VERSION when the profile changed since the editor loaded it', async () => {
    const stale = await patch(`/enterprises/${entId}`, { version: version - 1, employees: 1 }, owner);
    expect(stale.statusCode).toBe(409);
    expect(stale.json().error.code).toBe('STALE_VERSION');
    const staleYear = await put(
      `/enterprises/${entId}/yearly/2023`,
      { version: version - 1, revenue: 1 },
      owner,
    );
    expect(staleYear.json().error.code).toBe('STALE_VERSION');
    const p = (await get(`/enterprises/${entId}`, owner)).json();
    expect(p.employees).toBe(125);
    expect(p.version).toBe(version);
    expect(p.yearly.map((y: { year: number }) => y.year)).not.toContain(2023);
  });

  describe('bad input changes nothing', () => {
    const cases: [string, 'PATCH' | 'PUT yearly' | 'POST qualification', unknown, string, string, RegExp?][] =
      [
        ['invalid USCC', 'PATCH', { uscc: '91370202MA3C8K1P0X' }, 'INVALID_USCC', 'uscc', /18位/],
        [
          'wrong USCC check character',
          'PATCH',
          { uscc: `${USCC.slice(0, 17)}${USCC[17] === '0' ? '1' : '0'}` },
          'INVALID_USCC',
          'uscc',
          /校验码/,
        ],
        ['negative employees', 'PATCH', { employees: -1 }, 'NEGATIVE_NUMBER', 'employees'],
        ['negative capital', 'PATCH', { registeredCapital: -0.5 }, 'NEGATIVE_NUMBER', 'registeredCapital'],
        [
          'insured above stored employees',
          'PATCH',
          { insuredEmployees: 500 },
          'VALIDATION_FAILED',
          'insuredEmployees',
          /参保人数（500）不能多于从业人员数（125）/,
        ],
        [
          'insured above employees in one request',
          'PATCH',
          { employees: 10, insuredEmployees: 11 },
          'VALIDATION_FAILED',
          'insuredEmployees',
          /不能多于/,
        ],
        [
          'established tomorrow',
          'PATCH',
          { establishedOn: '2026-03-11' },
          'DATE_IN_FUTURE',
          'establishedOn',
          /晚于今天/,
        ],
        ['non-existent date', 'PATCH', { establishedOn: '2025-02-30' }, 'INVALID_DATE', 'establishedOn'],
        [
          'unknown industry',
          'PATCH',
          { industryCode: '99' },
          'UNKNOWN_INDUSTRY',
          'industryCode',
          /GB\/T 4754/,
        ],
        ['unknown street', 'PATCH', { streetCode: '999999999' }, 'UNKNOWN_STREET', 'streetCode'],
        ['unknown field', 'PATCH', { employees: 3, sizeClass: 'large' }, 'UNKNOWN_FIELD', 'sizeClass'],
        ['missing version', 'PATCH', { employees: 3, version: undefined }, 'VALIDATION_FAILED', 'version'],
        ['negative revenue', 'PUT yearly', { revenue: -1 }, 'NEGATIVE_NUMBER', 'revenue'],
        ['unknown yearly field', 'PUT yearly', { profit: 1 }, 'UNKNOWN_FIELD', 'profit'],
        [
          'unknown qualification kind',
          'POST qualification',
          { kind: 'nobel_prize', recognizedOn: '2025-01-01' },
          'UNKNOWN_QUALIFICATION_KIND',
          'kind',
        ],
        [
          'deactivated qualification kind',
          'POST qualification',
          { kind: 'provincial_gazelle', recognizedOn: '2025-01-01' },
          'UNKNOWN_QUALIFICATION_KIND',
          'kind',
        ],
        [
          'qualification recognised in the future',
          'POST qualification',
          { kind: 'gazelle', recognizedOn: '2026-04-01' },
          'DATE_IN_FUTURE',
          'recognizedOn',
        ],
        [
          'qualification expiring before recognition',
          'POST qualification',
          { kind: 'gazelle', recognizedOn: '2025-04-01', expiresOn: '2025-03-01' },
          'VALIDATION_FAILED',
          'expiresOn',
        ],
      ];
    it.each(cases)('%s', async (_name, kind, body, code, field, message) => {
      const before = (await get(`/enterprises/${entId}`, staff.admin)).json();
      // Staff (admin) so that the USCC cases reach validation instead of the 403 for enterprise users.
      const res =
        kind === 'PATCH'
          ? await patch(`/enterprises/${entId}`, { version, ...(body as object) }, staff.admin)
          : kind === 'PUT yearly'
            ? await put(`/enterprises/${entId}/yearly/2025`, body, owner)
            : await post(`/enterprises/${entId}/qualifications`, body, owner);
      expect(res.statusCode).toBe(400);
      const err = res.json().error;
      expect(err.code).toBe(code);
      expect(err.details.fields).toEqual(expect.arrayContaining([expect.objectContaining({ field, code })]));
      const f = err.details.fields.find((x: { field: string }) => x.field === field);
      expect(f.message).toMatch(/[\u4e00-\u9fa5]/);
      if (message) expect(f.message).toMatch(message);
      const after = (await get(`/enterprises/${entId}`, staff.admin)).json();
      expect(after).toEqual(before);
    });

    it.each([
      [1989, 'INVALID_YEAR'],
      [2027, 'INVALID_YEAR'],
    ])('year %i is refused', async (year, code) => {
      const before = (await get(`/enterprises/${entId}`, owner)).json();
      const res = await put(`/enterprises/${entId}/yearly/${year}`, { revenue: 10 }, owner);
      expect(res.statusCode).toBe(400);
      expect(res.json().error.code).toBe(code);
      expect(res.json().error.message).toContain('1990 至 2026');
      expect((await get(`/enterprises/${entId}`, owner)).json()).toEqual(before);
    });

    it('a binding with an invalid USCC says what is wrong and creates nothing', async () => {
      const cookie = await register('13912345000', '周');
      const count = async () =>
        Number(
          (
            await t.database.db
              .selectFrom('enterprises')
              .select((eb) => eb.fn.countAll<number>().as('n'))
              .executeTakeFirstOrThrow()
          ).n,
        );
      const n = await count();
      const res = await post('/enterprises/bindings', { uscc: '91370202MA3C8K1PO', name: '某公司' }, cookie);
      expect(res.statusCode).toBe(400);
      expect(res.json().error.code).toBe('INVALID_USCC');
      expect(res.json().error.message).toMatch(/18位/);
      const letterO = await post(
        '/enterprises/bindings',
        { uscc: `${USCC.slice(0, 10)}O${USCC.slice(11)}`, name: '某公司' },
        cookie,
      );
      expect(letterO.json().error.message).toMatch(/第11位“O”/);
      expect(await count()).toBe(n);
      expect((await get('/enterprises/bindings', cookie)).json().items).toHaveLength(0);
    });

    it('establishment date is judged by the Shanghai calendar day', async () => {
      // 2026-03-10T17:00Z is already 2026-03-11 01:00 in Shanghai. The jump outlasts the idle timeout: log in again.
      t.clock.set('2026-03-10T17:00:00.000Z');
      try {
        owner = await login(t.app, OWNER_PHONE, OWNER_PASSWORD);
        const res = await patch(`/enterprises/${entId}`, { version, establishedOn: '2026-03-11' }, owner);
        expect(res.statusCode).toBe(200);
        version = res.json().version;
        const future = await patch(`/enterprises/${entId}`, { version, establishedOn: '2026-03-12' }, owner);
        expect(future.json().error.code).toBe('DATE_IN_FUTURE');
        const restore = await patch(`/enterprises/${entId}`, { version, establishedOn: '2015-04-20' }, owner);
        version = restore.json().version;
      } finally {
        t.clock.set('2026-03-10T02:00:00.000Z');
        owner = await login(t.app, OWNER_PHONE, OWNER_PASSWORD);
      }
    });
  });

  describe('who sees what', () => {
    it('another enterprise gets 404 on every route of this enterprise', async () => {
      for (const r of [
        { method: 'GET', url: `/enterprises/${entId}` },
        { method: 'PATCH', url: `/enterprises/${entId}`, payload: { version, employees: 1 } },
        { method: 'PUT', url: `/enterprises/${entId}/yearly/2025`, payload: { revenue: 1 } },
        { method: 'PUT', url: `/enterprises/${entId}/ip`, payload: { invention: 1 } },
        {
          method: 'POST',
          url: `/enterprises/${entId}/qualifications`,
          payload: { kind: 'gazelle', recognizedOn: '2025-01-01' },
        },
        { method: 'GET', url: `/enterprises/${entId}/members` },
      ] as Req[]) {
        const res = await call({ ...r, cookie: other.cookie });
        expect(res.statusCode, `${r.method} ${r.url}`).toBe(404);
        expect(res.json().error.code).toBe('NOT_FOUND');
      }
      expect((await get(`/enterprises/${entId}`, owner)).json().employees).toBe(125);
      expect((await get(`/enterprises/${other.id}`, owner)).statusCode).toBe(404);
      // And its own profile is fine.
      expect((await get('/enterprises/mine', other.cookie)).json().id).toBe(other.id);
    });

    it('a liaison sees and lists only his enterprises', async () => {
      expect((await get(`/enterprises/${entId}`, staff.liaison)).statusCode).toBe(200);
      expect((await get(`/enterprises/${other.id}`, staff.liaison)).statusCode).toBe(404);
      expect(
        (await patch(`/enterprises/${other.id}`, { version: 1, employees: 2 }, staff.liaison)).statusCode,
      ).toBe(404);
      expect((await get(`/enterprises/${entId}`, staff.liaison2)).statusCode).toBe(404);
      expect((await get(`/enterprises/${other.id}`, staff.liaison2)).statusCode).toBe(200);
      const mine = await get('/enterprises', staff.liaison);
      expect(mine.json().items.map((e: { id: string }) => e.id)).toEqual([entId]);
      // Asking for everything or for another liaison does not widen his view.
      const wide = await get(`/enterprises?liaison=${staffIds.liaison2}`, staff.liaison);
      expect(wide.json().items.map((e: { id: string }) => e.id)).toEqual([entId]);
    });

    it('district-wide staff read every profile but only the admin and the liaison edit', async () => {
      const leader = await get(`/enterprises/${entId}`, staff.leader);
      expect(leader.statusCode).toBe(200);
      expect(leader.json().permissions.edit).toBe(false);
      expect((await patch(`/enterprises/${entId}`, { version, employees: 1 }, staff.leader)).statusCode).toBe(
        403,
      );
      expect((await get(`/enterprises/${entId}`, staff.content)).statusCode).toBe(403);
      expect((await get(`/enterprises/${entId}`)).statusCode).toBe(401);
      const all = await get('/enterprises', staff.leader);
      expect(all.json().total).toBeGreaterThanOrEqual(2);
    });

    it('masks phones and shows the legal representative', async () => {
      const p = (await get(`/enterprises/${entId}`, staff.leader)).json();
      expect(p.legalRepresentative).toBe('李海燕');
      const liaisonUser = await t.database.db
        .selectFrom('users')
        .select('phone')
        .where('id', '=', staffIds.liaison)
        .executeTakeFirstOrThrow();
      expect(liaisonUser.phone).toBeNull();
      expect(p.liaison.phoneMasked).toBeNull();
      const members = (await get(`/enterprises/${entId}/members`, owner)).json().items;
      expect(members[0].phoneMasked).toBe('139****5678');
    });
  });

  describe('search', () => {
    const ids = async (query: string) =>
      (await get(`/enterprises?${query}`, staff.admin)).json().items.map((e: { id: string }) => e.id);
    it('filters by name, USCC prefix, street, industry prefix, size, qualification and liaison', async () => {
      expect(await ids(`q=${encodeURIComponent('蓝海')}`)).toEqual([entId]);
      expect(await ids(`q=${USCC.slice(0, 12).toLowerCase()}`)).toEqual([entId]);
      expect(await ids(`q=${USCC.slice(4, 12)}`)).toEqual([]);
      expect(await ids('q=%25')).toEqual([]);
      expect(await ids('street=370202012')).toEqual([entId]);
      expect(await ids('street=370202013')).toEqual([other.id]);
      expect(await ids('industry=65')).toEqual([entId]);
      expect(await ids('industry=51')).toEqual([other.id]);
      expect(await ids('sizeClass=medium')).toEqual([entId]);
      expect(await ids('qualification=high_tech')).toEqual([entId]);
      expect(await ids('qualification=tech_sme')).toEqual([]);
      expect(await ids('liaison=me')).toEqual([]);
      expect(await ids(`liaison=${staffIds.liaison2}`)).toEqual([other.id]);
      const page = (await get('/enterprises?pageSize=1&page=2', staff.admin)).json();
      expect(page).toMatchObject({ page: 2, pageSize: 1 });
      expect(page.items).toHaveLength(1);
      expect(page.total).toBeGreaterThanOrEqual(2);
      const item = (await get(`/enterprises?q=${encodeURIComponent('蓝海')}`, staff.admin)).json().items[0];
      expect(item).toMatchObject({
        uscc: USCC,
        sizeClass: 'medium',
        street: { name: '八大关街道' },
        qualifications: ['high_tech'],
        liaison: { id: staffIds.liaison },
      });
      expect((await get('/enterprises?industry=abc', staff.admin)).statusCode).toBe(400);
    });
  });

  describe('members', () => {
    let memberCookie: string;
    let bindingId: string;

    it('a later user of the same enterprise asks to be a member; the enterprise admin confirms', async () => {
      const u = await makeEnterpriseUser(t.database, '13700001111');
      memberCookie = await login(t.app, u.phone, u.password);
      const req = await post('/enterprises/bindings', { uscc: USCC, name: '蓝海软件' }, memberCookie);
      expect(req.statusCode).toBe(201);
      expect(req.json()).toMatchObject({
        role: 'enterprise_member',
        status: 'pending',
        claimedName: '蓝海软件',
      });
      bindingId = req.json().id;
      const list = await get('/enterprises/bindings?status=pending', owner);
      expect(list.json().items.map((b: { id: string }) => b.id)).toEqual([bindingId]);
      // The other enterprise's admin neither sees nor decides it.
      expect((await get('/enterprises/bindings?status=pending', other.cookie)).json().items).toEqual([]);
      expect((await post(`/enterprises/bindings/${bindingId}/confirm`, {}, other.cookie)).statusCode).toBe(
        404,
      );
      const ok = await post(`/enterprises/bindings/${bindingId}/confirm`, {}, owner);
      expect(ok.statusCode).toBe(200);
      expect(ok.json()).toMatchObject({
        status: 'confirmed',
        role: 'enterprise_member',
        decidedByName: '李海燕',
      });
    });

    it('a member reads the profile but cannot edit it or manage members', async () => {
      const p = await get('/enterprises/mine', memberCookie);
      expect(p.statusCode).toBe(200);
      expect(p.json().permissions).toMatchObject({ edit: false, manageMembers: false });
      expect(
        (await patch(`/enterprises/${entId}`, { version: p.json().version, employees: 1 }, memberCookie))
          .statusCode,
      ).toBe(403);
      expect((await get(`/enterprises/${entId}/members`, memberCookie)).statusCode).toBe(403);
    });

    it('the enterprise admin lists and removes members; the removed user loses the enterprise at once', async () => {
      const members = (await get(`/enterprises/${entId}/members`, owner)).json().items;
      expect(members.map((m: { role: string }) => m.role).sort()).toEqual([
        'enterprise_admin',
        'enterprise_member',
      ]);
      const member = members.find((m: { role: string }) => m.role === 'enterprise_member');
      const ownerId = members.find((m: { role: string }) => m.role === 'enterprise_admin').userId;
      expect((await del(`/enterprises/${entId}/members/${ownerId}`, owner)).statusCode).toBe(409);
      const res = await del(`/enterprises/${entId}/members/${member.userId}`, owner);
      expect(res.statusCode).toBe(200);
      expect((await get('/enterprises/mine', memberCookie)).statusCode).toBe(403);
      expect((await get(`/enterprises/${entId}`, memberCookie)).statusCode).toBe(403);
      expect((await get(`/enterprises/${entId}/members`, owner)).json().items).toHaveLength(1);
      const audit = await t.database.db
        .selectFrom('auditLog')
        .select('action')
        .where('action', '=', 'enterprise.member.remove')
        .execute();
      expect(audit).toHaveLength(1);
      // Removed, he may apply again.
      expect(
        (await post('/enterprises/bindings', { uscc: USCC, name: '蓝海软件' }, memberCookie)).statusCode,
      ).toBe(201);
    });

    it('a rejected request carries its reason and frees the user to apply again', async () => {
      const u = await makeEnterpriseUser(t.database, '13700002222');
      const cookie = await login(t.app, u.phone, u.password);
      const req = await post('/enterprises/bindings', { uscc: USCC, name: '蓝海' }, cookie);
      const empty = await post(
        `/enterprises/bindings/${req.json().id}/reject`,
        { reason: '  ' },
        staff.liaison,
      );
      expect(empty.statusCode).toBe(400);
      const res = await post(
        `/enterprises/bindings/${req.json().id}/reject`,
        { reason: '非本企业员工' },
        staff.liaison,
      );
      expect(res.statusCode).toBe(200);
      expect(res.json()).toMatchObject({ status: 'rejected', note: '非本企业员工' });
      const mine = (await get('/enterprises/bindings', cookie)).json().items;
      expect(mine[0]).toMatchObject({ status: 'rejected', note: '非本企业员工' });
      expect((await post('/enterprises/bindings', { uscc: USCC, name: '蓝海' }, cookie)).statusCode).toBe(
        201,
      );
    });
  });
});

describe('binding an enterprise that a liaison already looks after', () => {
  it('the liaison confirms the first (admin) binding of his enterprise; a liaison of another does not', async () => {
    const ent = await makeEnterprise(t.database.db, { liaisonUserId: staffIds.liaison });
    const u = await makeEnterpriseUser(t.database, '13600003333');
    const cookie = await login(t.app, u.phone, u.password);
    const req = await post('/enterprises/bindings', { uscc: ent.uscc, name: ent.name }, cookie);
    expect(req.json()).toMatchObject({ role: 'enterprise_admin', enterprise: { id: ent.id } });
    const seen = (await get('/enterprises/bindings?status=pending', staff.liaison))
      .json()
      .items.map((b: { id: string }) => b.id);
    expect(seen).toContain(req.json().id);
    expect(
      (await get('/enterprises/bindings?status=pending', staff.liaison2))
        .json()
        .items.map((b: { id: string }) => b.id),
    ).not.toContain(req.json().id);
    expect(
      (await post(`/enterprises/bindings/${req.json().id}/confirm`, {}, staff.liaison2)).statusCode,
    ).toBe(404);
    const ok = await post(`/enterprises/bindings/${req.json().id}/confirm`, {}, staff.liaison);
    expect(ok.json()).toMatchObject({ status: 'confirmed', role: 'enterprise_admin' });
    // The existing enterprise kept its registered name and provenance: binding does not overwrite data.
    const p = (await get('/enterprises/mine', cookie)).json();
    expect(p.name).toBe(ent.name);
  });
});
