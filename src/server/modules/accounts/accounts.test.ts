import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { AuditLog, verifyAuditChain } from '../../platform/audit/audit';
import { MINUTE } from '../../platform/clock';
import { systemContext } from '../../platform/context';
import { makeDepartment, makeStaff } from '../../test/factories';
import { createTestApp, login, sessionCookie, type TestApp } from '../../test/support';

let t: TestApp;
beforeAll(async () => {
  t = await createTestApp();
});
afterAll(async () => {
  await t.close();
});

const post = (url: string, payload: unknown, cookie?: string) =>
  t.app.inject({
    method: 'POST',
    url: `/api/v1${url}`,
    payload: payload as object,
    headers: cookie ? { cookie } : {},
  });
const get = (url: string, cookie?: string) =>
  t.app.inject({ method: 'GET', url: `/api/v1${url}`, headers: cookie ? { cookie } : {} });
const countUsers = async () =>
  Number(
    (
      await t.database.db
        .selectFrom('users')
        .select((eb) => eb.fn.countAll<number>().as('n'))
        .executeTakeFirstOrThrow()
    ).n,
  );

async function smsCode(phone: string): Promise<string> {
  const res = await post('/auth/sms-codes', { phone, purpose: 'register' });
  expect(res.statusCode).toBe(202);
  expect(res.json().sentTo).toBe(`${phone.slice(0, 3)}****${phone.slice(7)}`);
  return t.sms.lastCodeFor(phone)!;
}

describe('registration', () => {
  it('registers with phone + SMS code + password and logs in', async () => {
    const code = await smsCode('13912340001');
    expect(code).toMatch(/^\d{6}$/);
    const res = await post('/auth/register', {
      phone: '13912340001',
      smsCode: code,
      password: 'Haina!2026',
      displayName: '王晓明',
    });
    expect(res.statusCode).toBe(201);
    expect(res.json()).toMatchObject({
      displayName: '王晓明',
      kind: 'enterprise',
      phoneMasked: '139****0001',
      enterprise: null,
    });
    const cookie = sessionCookie(res);
    expect(res.cookies[0]).toMatchObject({ httpOnly: true, sameSite: 'Lax', path: '/' });
    const me = await get('/auth/me', cookie);
    expect(me.json().user.displayName).toBe('王晓明');
    // The code is single-use.
    const again = await post('/auth/register', {
      phone: '13912340001',
      smsCode: code,
      password: 'Haina!2026',
      displayName: '王晓明',
    });
    expect(again.statusCode).toBe(409);
  });

  it.each([
    [
      { phone: '1391234', smsCode: '123456', password: 'Haina!2026', displayName: '李' },
      'INVALID_PHONE',
      'phone',
    ],
    [
      { phone: '13912340002', smsCode: '12345', password: 'Haina!2026', displayName: '李' },
      'SMS_CODE_INVALID',
      'smsCode',
    ],
    [
      { phone: '13912340002', smsCode: '123456', password: 'Haina!2026', displayName: '李', role: 'admin' },
      'UNKNOWN_FIELD',
      'role',
    ],
  ])('refuses malformed registration %#', async (body, code, field) => {
    const before = await countUsers();
    const res = await post('/auth/register', body);
    expect(res.statusCode).toBe(400);
    expect(res.json().error.code).toBe(code);
    expect(res.json().error.details.fields[0]).toMatchObject({ field, code });
    expect(res.json().error.details.fields[0].message).toMatch(/[\u4e00-\u9fa5]/);
    expect(await countUsers()).toBe(before);
  });

  it('refuses a weak password with the reasons, keeping the SMS code usable', async () => {
    const code = await smsCode('13912340003');
    const before = await countUsers();
    const weak = await post('/auth/register', {
      phone: '13912340003',
      smsCode: code,
      password: 'abc12345',
      displayName: '赵',
    });
    expect(weak.statusCode).toBe(400);
    expect(weak.json().error.code).toBe('WEAK_PASSWORD');
    expect(weak.json().error.details.fields[0].field).toBe('password');
    expect(weak.json().error.message).toContain('至少');
    expect(await countUsers()).toBe(before);
    const ok = await post('/auth/register', {
      phone: '13912340003',
      smsCode: code,
      password: 'Zhao#2026x',
      displayName: '赵',
    });
    expect(ok.statusCode).toBe(201);
  });

  it('refuses a wrong or expired SMS code and stores nothing', async () => {
    const code = await smsCode('13912340004');
    const wrong = code === '000000' ? '111111' : '000000';
    const before = await countUsers();
    const res = await post('/auth/register', {
      phone: '13912340004',
      smsCode: wrong,
      password: 'Qian#2026x',
      displayName: '钱',
    });
    expect(res.statusCode).toBe(400);
    expect(res.json().error.code).toBe('SMS_CODE_INVALID');
    t.clock.advance(6 * MINUTE);
    const expired = await post('/auth/register', {
      phone: '13912340004',
      smsCode: code,
      password: 'Qian#2026x',
      displayName: '钱',
    });
    expect(expired.statusCode).toBe(400);
    expect(expired.json().error.code).toBe('SMS_CODE_INVALID');
    expect(await countUsers()).toBe(before);
  });

  it('limits SMS sending to one per minute per phone', async () => {
    await smsCode('13912340005');
    const again = await post('/auth/sms-codes', { phone: '13912340005', purpose: 'register' });
    expect(again.statusCode).toBe(429);
    expect(again.json().error.code).toBe('SMS_TOO_FREQUENT');
  });
});

describe('login and lockout', () => {
  it('gives the same answer for an unknown account and a wrong password', async () => {
    const staff = await makeStaff(t.database, ['leader']);
    const unknown = await post('/auth/login', { account: 'nobody_here', password: 'Whatever#1' });
    const wrong = await post('/auth/login', { account: staff.username, password: 'Whatever#1' });
    expect(unknown.statusCode).toBe(401);
    expect(wrong.statusCode).toBe(401);
    expect(unknown.json().error).toMatchObject({
      code: 'INVALID_CREDENTIALS',
      message: wrong.json().error.message,
    });
  });

  it('locks the account after 5 failures in 15 minutes, even for the right password, until the lock ends', async () => {
    const staff = await makeStaff(t.database, ['handler']);
    for (let i = 1; i <= 4; i++) {
      const r = await post('/auth/login', { account: staff.username, password: `Wrong#pass${i}` });
      expect(r.json().error.code).toBe('INVALID_CREDENTIALS');
    }
    const fifth = await post('/auth/login', { account: staff.username, password: 'Wrong#pass5' });
    expect(fifth.statusCode).toBe(403);
    expect(fifth.json().error.code).toBe('ACCOUNT_LOCKED');
    const right = await post('/auth/login', { account: staff.username, password: staff.password });
    expect(right.json().error.code).toBe('ACCOUNT_LOCKED');
    t.clock.advance(16 * MINUTE);
    const later = await post('/auth/login', { account: staff.username, password: staff.password });
    expect(later.statusCode).toBe(200);
  });

  it('does not lock for failures spread beyond the window', async () => {
    const staff = await makeStaff(t.database, ['handler']);
    for (let i = 0; i < 6; i++) {
      const r = await post('/auth/login', { account: staff.username, password: 'Wrong#pass0' });
      expect(r.json().error.code).toBe('INVALID_CREDENTIALS');
      t.clock.advance(4 * MINUTE);
    }
  });

  it('ends a session after the idle timeout and on logout', async () => {
    const staff = await makeStaff(t.database, ['leader']);
    const cookie = await login(t.app, staff.username, staff.password);
    expect((await get('/auth/me', cookie)).json().user).not.toBeNull();
    t.clock.advance(121 * MINUTE);
    expect((await get('/auth/me', cookie)).json().user).toBeNull();
    const cookie2 = await login(t.app, staff.username, staff.password);
    expect((await post('/auth/logout', {}, cookie2)).statusCode).toBe(200);
    expect((await get('/auth/me', cookie2)).json().user).toBeNull();
  });
});

describe('staff administration', () => {
  it('lets the admin create staff with roles and a department, and refuses others', async () => {
    const admin = await makeStaff(t.database, ['admin']);
    const leader = await makeStaff(t.database, ['leader']);
    const dep = await makeDepartment(t.database, { name: '区市场监督管理局' });
    const adminCookie = await login(t.app, admin.username, admin.password);
    const leaderCookie = await login(t.app, leader.username, leader.password);

    const body = {
      username: 'zhang.handler',
      displayName: '张承办',
      departmentId: dep,
      roles: ['handler'],
      password: 'Zhang#2026x',
      phone: null,
    };
    expect((await post('/admin/users', body, leaderCookie)).statusCode).toBe(403);
    const created = await post('/admin/users', body, adminCookie);
    expect(created.statusCode).toBe(201);
    const list = await get('/admin/users?search=张承办', adminCookie);
    expect(list.json().items[0]).toMatchObject({
      username: 'zhang.handler',
      roles: ['handler'],
      department: { name: '区市场监督管理局' },
    });

    const dup = await post('/admin/users', body, adminCookie);
    expect(dup.json().error.code).toBe('USERNAME_TAKEN');
    const entRole = await post(
      '/admin/users',
      { ...body, username: 'x.y.z', roles: ['enterprise_admin'] },
      adminCookie,
    );
    expect(entRole.json().error.code).toBe('UNKNOWN_ROLE');

    const id = created.json().id;
    const patch = await t.app.inject({
      method: 'PATCH',
      url: `/api/v1/admin/users/${id}`,
      headers: { cookie: adminCookie },
      payload: { roles: ['handler', 'dispatcher'] },
    });
    expect(patch.statusCode).toBe(200);
    const cookie = await login(t.app, 'zhang.handler', 'Zhang#2026x');
    expect((await get('/auth/me', cookie)).json().user.roles.sort()).toEqual(['dispatcher', 'handler']);
    const unknown = await t.app.inject({
      method: 'PATCH',
      url: '/api/v1/admin/users/nope',
      headers: { cookie: adminCookie },
      payload: { status: 'disabled' },
    });
    expect(unknown.statusCode).toBe(404);
  });

  it('refuses to delete a department that still has users', async () => {
    const admin = await makeStaff(t.database, ['admin']);
    const dep = await makeDepartment(t.database);
    await makeStaff(t.database, ['handler'], { departmentId: dep });
    const cookie = await login(t.app, admin.username, admin.password);
    const res = await t.app.inject({
      method: 'DELETE',
      url: `/api/v1/departments/${dep}`,
      headers: { cookie },
    });
    expect(res.statusCode).toBe(409);
    expect(res.json().error.code).toBe('DEPARTMENT_IN_USE');
  });
});

describe('audit log', () => {
  it('records state changes in a verifiable hash chain that only the auditor reads', async () => {
    const admin = await makeStaff(t.database, ['admin']);
    const auditor = await makeStaff(t.database, ['auditor']);
    const adminCookie = await login(t.app, admin.username, admin.password);
    const auditorCookie = await login(t.app, auditor.username, auditor.password);
    expect((await get('/audit', adminCookie)).statusCode).toBe(403);
    const list = await get('/audit?action=auth.login', auditorCookie);
    expect(list.statusCode).toBe(200);
    expect(list.json().items.length).toBeGreaterThan(0);
    expect(list.json().items.every((i: { action: string }) => i.action.startsWith('auth.login'))).toBe(true);
    // A prefix with an underscore matches it literally (not as a one-character wildcard, and not dropped).
    await t.database.db.transaction().execute((trx) =>
      new AuditLog(t.database.dialect, t.clock).write(trx, systemContext('test'), {
        action: 'personal_data.reveal',
        objectType: 'user',
      }),
    );
    const underscored = (await get('/audit?action=personal_data', auditorCookie)).json().items;
    expect(underscored.map((i: { action: string }) => i.action)).toEqual(['personal_data.reveal']);
    expect((await get('/audit?action=personalXdata', auditorCookie)).json().items).toEqual([]);
    const verify = await post('/audit/verify', {}, auditorCookie);
    expect(verify.json()).toMatchObject({ ok: true });
    expect(verify.json().checked).toBeGreaterThan(10);
  });

  it('refuses updates and deletes at the database level, and verify detects a forged chain', async () => {
    await expect(t.database.db.updateTable('auditLog').set({ action: 'forged' }).execute()).rejects.toThrow(
      /append-only/,
    );
    await expect(t.database.db.deleteFrom('auditLog').execute()).rejects.toThrow(/append-only/);
    // Insert a record that does not link to the chain: verify must point at it.
    const last = await t.database.db
      .selectFrom('auditLog')
      .select(['seq'])
      .orderBy('seq', 'desc')
      .limit(1)
      .executeTakeFirstOrThrow();
    await t.database.db
      .insertInto('auditLog')
      .values({
        at: new Date().toISOString(),
        actorId: null,
        actorRole: null,
        action: 'forged',
        objectType: null,
        objectId: null,
        result: 'success',
        ip: null,
        requestId: null,
        details: null,
        prevHash: 'f'.repeat(64),
        hash: 'e'.repeat(64),
      })
      .execute();
    const r = await verifyAuditChain(t.database.db);
    expect(r.ok).toBe(false);
    expect(r.brokenAt?.seq).toBe(last.seq + 1);
  });
});

describe('password expiry', () => {
  it('lets a staff user with an expired password only change it, then everything again', async () => {
    const staff = await makeStaff(t.database, ['admin']);
    const longAgo = new Date(t.clock.now().getTime() - 91 * 24 * 3600_000).toISOString();
    await t.database.db
      .updateTable('users')
      .set({ passwordChangedAt: longAgo })
      .where('id', '=', staff.id)
      .execute();
    const cookie = await login(t.app, staff.username, staff.password);
    const me = await get('/auth/me', cookie);
    expect(new Date(me.json().user.passwordExpiresAt).getTime()).toBeLessThan(t.clock.now().getTime());
    const refused = await get('/admin/users', cookie);
    expect(refused.statusCode).toBe(403);
    expect(refused.json().error.code).toBe('PASSWORD_EXPIRED');
    const changed = await post(
      '/auth/password',
      { currentPassword: staff.password, newPassword: 'Renewed#2026x' },
      cookie,
    );
    expect(changed.statusCode).toBe(200);
    expect((await get('/admin/users', cookie)).statusCode).toBe(200);
  });

  it('never expires enterprise passwords by default', async () => {
    const code = await smsCode('13912340099');
    const res = await post('/auth/register', {
      phone: '13912340099',
      smsCode: code,
      password: 'Haina!2026',
      displayName: '周',
    });
    expect(res.json().passwordExpiresAt).toBeNull();
  });
});
