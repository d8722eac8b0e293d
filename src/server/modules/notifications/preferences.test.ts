import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { KINDS_BY_USER_KIND } from '../../../shared/notifications';
import { AuditLog } from '../../platform/audit/audit';
import { makeEnterpriseUser, makeStaff } from '../../test/factories';
import { createTestApp, login, type TestApp } from '../../test/support';
import { NotificationService } from './service';

// The user's choice of kinds by SMS / e-mail (GET/PUT own preferences, audited), bad input refused with a specific
// code and nothing changed, nobody reaching another user's choices, and the administrator's outbox list.

let t: TestApp;
const users = {} as Record<'corp' | 'other' | 'admin' | 'desk', { id: string; cookie: string }>;

const db = () => t.database.db;
function call(method: 'GET' | 'PUT', url: string, cookie?: string, payload?: unknown) {
  return t.app.inject({
    method,
    url: `/api/v1${url}`,
    headers: cookie ? { cookie } : {},
    ...(payload !== undefined ? { payload: payload as object } : {}),
  });
}
const item = (prefs: { items: { kind: string; sms: boolean; email: boolean }[] }, kind: string) =>
  prefs.items.find((i) => i.kind === kind);
const auditOf = (userId: string) =>
  db()
    .selectFrom('auditLog')
    .selectAll()
    .where('action', '=', 'notification.preferences.update')
    .where('objectId', '=', userId)
    .orderBy('seq')
    .execute();

beforeAll(async () => {
  t = await createTestApp({ now: '2026-03-10T02:00:00.000Z' });
  const corp = await makeEnterpriseUser(t.database, '13900000011');
  const other = await makeEnterpriseUser(t.database, '13900000012');
  const admin = await makeStaff(t.database, ['admin']);
  const desk = await makeStaff(t.database, ['dispatcher']);
  users.corp = { id: corp.id, cookie: await login(t.app, corp.phone, corp.password) };
  users.other = { id: other.id, cookie: await login(t.app, other.phone, other.password) };
  users.admin = { id: admin.id, cookie: await login(t.app, admin.username, admin.password) };
  users.desk = { id: desk.id, cookie: await login(t.app, desk.username, desk.password) };
}, 60_000);
afterAll(async () => t?.close());

describe('notification preferences', () => {
  it('start from the defaults of the user’s kind', async () => {
    const res = await call('GET', '/notifications/preferences', users.corp.cookie);
    expect(res.statusCode).toBe(200);
    const prefs = res.json();
    expect(prefs.phoneMasked).toBe('139****0011');
    expect(prefs.email).toBeNull();
    expect(prefs.items.map((i: { kind: string }) => i.kind)).toEqual(KINDS_BY_USER_KIND.enterprise);
    expect(item(prefs, 'claim_paid')).toEqual({ kind: 'claim_paid', sms: true, email: true });
    expect(item(prefs, 'program_eligible')).toEqual({ kind: 'program_eligible', sms: false, email: true });
    expect(item(prefs, 'system')).toEqual({ kind: 'system', sms: false, email: false });

    const staff = (await call('GET', '/notifications/preferences', users.desk.cookie)).json();
    expect(staff.phoneMasked).toBeNull();
    expect(staff.items.map((i: { kind: string }) => i.kind)).toEqual(KINDS_BY_USER_KIND.staff);
    expect(item(staff, 'appeal_reminder')).toEqual({ kind: 'appeal_reminder', sms: true, email: true });
    expect(item(staff, 'appeal')).toEqual({ kind: 'appeal', sms: false, email: true });
  });

  it('change only the kinds sent, store only what differs from the default, and audit the change', async () => {
    const res = await call('PUT', '/notifications/preferences', users.corp.cookie, {
      email: '  li.si@example.cn ',
      items: [
        { kind: 'program_eligible', sms: true, email: true },
        { kind: 'claim_paid', sms: false, email: true },
      ],
    });
    expect(res.statusCode).toBe(200);
    const prefs = res.json();
    expect(prefs.email).toBe('li.si@example.cn');
    expect(item(prefs, 'program_eligible')).toMatchObject({ sms: true, email: true });
    expect(item(prefs, 'claim_paid')).toMatchObject({ sms: false, email: true });
    expect(item(prefs, 'claim_approved')).toMatchObject({ sms: true, email: true });
    expect((await call('GET', '/notifications/preferences', users.corp.cookie)).json()).toEqual(prefs);

    const stored = await db()
      .selectFrom('notificationPreferences')
      .select(['kind', 'channel', 'enabled'])
      .where('userId', '=', users.corp.id)
      .orderBy('kind')
      .execute();
    expect(stored).toEqual([
      { kind: 'claim_paid', channel: 'sms', enabled: 0 },
      { kind: 'program_eligible', channel: 'sms', enabled: 1 },
    ]);
    const [audit] = await auditOf(users.corp.id);
    expect(audit).toMatchObject({ actorId: users.corp.id, objectType: 'user' });
    expect(JSON.parse(audit!.details!)).toEqual({
      changes: [
        { kind: 'program_eligible', channel: 'sms', enabled: true },
        { kind: 'claim_paid', channel: 'sms', enabled: false },
      ],
      email: 'li***@example.cn',
    });

    // The new choices decide what is queued: program pushes now by SMS and e-mail, payments by e-mail only.
    const service = new NotificationService(db(), t.clock, new AuditLog(t.database.dialect, t.clock));
    await db()
      .transaction()
      .execute(async (trx) => {
        await service.notify(trx, {
          userIds: [users.corp.id],
          kind: 'program_eligible',
          title: '推送',
          body: '',
        });
        await service.notify(trx, { userIds: [users.corp.id], kind: 'claim_paid', title: '拨付', body: '' });
      });
    const queued = await db()
      .selectFrom('notificationOutbox')
      .select(['kind', 'channel', 'recipient'])
      .where('userId', '=', users.corp.id)
      .orderBy('kind')
      .orderBy('channel')
      .execute();
    expect(queued).toEqual([
      { kind: 'claim_paid', channel: 'email', recipient: 'li.si@example.cn' },
      { kind: 'program_eligible', channel: 'email', recipient: 'li.si@example.cn' },
      { kind: 'program_eligible', channel: 'sms', recipient: '13900000011' },
    ]);

    // Back to the default: the stored choice goes; saving the same again writes no audit record.
    await call('PUT', '/notifications/preferences', users.corp.cookie, {
      items: [{ kind: 'claim_paid', sms: true, email: true }],
    });
    const left = await db()
      .selectFrom('notificationPreferences')
      .select('kind')
      .where('userId', '=', users.corp.id)
      .execute();
    expect(left.map((r) => r.kind)).toEqual(['program_eligible']);
    const before = (await auditOf(users.corp.id)).length;
    const same = await call('PUT', '/notifications/preferences', users.corp.cookie, {
      email: 'li.si@example.cn',
      items: [{ kind: 'claim_paid', sms: true, email: true }],
    });
    expect(same.statusCode).toBe(200);
    expect(await auditOf(users.corp.id)).toHaveLength(before);

    // An empty address removes it.
    const removed = await call('PUT', '/notifications/preferences', users.corp.cookie, { email: '' });
    expect(removed.json().email).toBeNull();
    const row = await db()
      .selectFrom('users')
      .select('email')
      .where('id', '=', users.corp.id)
      .executeTakeFirst();
    expect(row?.email).toBeNull();
  });

  it.each([
    [
      'an unknown kind',
      { items: [{ kind: 'lottery', sms: true, email: false }] },
      'UNKNOWN_NOTIFICATION_KIND',
    ],
    ['a bad address', { email: 'not-an-address' }, 'INVALID_EMAIL'],
    ['an address with spaces', { email: 'a b@example.cn' }, 'INVALID_EMAIL'],
    ['an unknown field', { userId: 'someone', items: [] }, 'UNKNOWN_FIELD'],
    ['a missing channel', { items: [{ kind: 'claim_paid', sms: true }] }, 'VALIDATION_FAILED'],
    [
      'a kind twice',
      {
        items: [
          { kind: 'claim_paid', sms: true, email: true },
          { kind: 'claim_paid', sms: false, email: true },
        ],
      },
      'VALIDATION_FAILED',
    ],
  ])('refuse %s with 400 and change nothing', async (_, body, code) => {
    const before = (await call('GET', '/notifications/preferences', users.other.cookie)).json();
    const res = await call('PUT', '/notifications/preferences', users.other.cookie, body);
    expect(res.statusCode).toBe(400);
    expect(res.json().error.code).toBe(code);
    expect((await call('GET', '/notifications/preferences', users.other.cookie)).json()).toEqual(before);
  });

  it('are the caller’s own: nobody reads or changes another user’s', async () => {
    await call('PUT', '/notifications/preferences', users.other.cookie, {
      email: 'wang.wu@example.cn',
      items: [{ kind: 'appeal', sms: true, email: true }],
    });
    // No route takes a user: a user id in the path is no route, in the query it is ignored.
    const byPath = await call('GET', `/notifications/preferences/${users.other.id}`, users.corp.cookie);
    expect(byPath.statusCode).toBe(404);
    const byQuery = (
      await call('GET', `/notifications/preferences?userId=${users.other.id}`, users.corp.cookie)
    ).json();
    expect(byQuery.phoneMasked).toBe('139****0011');
    expect(byQuery.email).not.toBe('wang.wu@example.cn');
    expect(item(byQuery, 'appeal')).toMatchObject({ sms: false });
    // The administrator has no way in either: these are the caller's own.
    const admin = (
      await call('GET', `/notifications/preferences?userId=${users.other.id}`, users.admin.cookie)
    ).json();
    expect(admin.email).toBeNull();
    expect(admin.items.map((i: { kind: string }) => i.kind)).toEqual(KINDS_BY_USER_KIND.staff);
    // Logged out: 401.
    expect((await call('GET', '/notifications/preferences')).statusCode).toBe(401);
    expect((await call('PUT', '/notifications/preferences', undefined, { items: [] })).statusCode).toBe(401);
    const other = (await call('GET', '/notifications/preferences', users.other.cookie)).json();
    expect(other.email).toBe('wang.wu@example.cn');
    expect(item(other, 'appeal')).toMatchObject({ sms: true });
  });
});

describe('the outbox list', () => {
  it('is the administrator’s: recipients masked, no content, filtered by status', async () => {
    await db()
      .updateTable('notificationOutbox')
      .set({ status: 'failed', attempts: 8, lastError: 'gateway refused' })
      .where('channel', '=', 'sms')
      .execute();
    const res = await call('GET', '/notifications/outbox', users.admin.cookie);
    expect(res.statusCode).toBe(200);
    const list = res.json();
    expect(list.total).toBe(3);
    expect(list.counts).toEqual({ pending: 2, sent: 0, failed: 1 });
    expect(list.items.map((i: { recipientMasked: string }) => i.recipientMasked).sort()).toEqual([
      '139****0011',
      'li***@example.cn',
      'li***@example.cn',
    ]);
    expect(JSON.stringify(list)).not.toContain('13900000011');
    expect(JSON.stringify(list)).not.toContain('li.si@');
    expect(list.items[0]).not.toHaveProperty('body');
    const failed = (await call('GET', '/notifications/outbox?status=failed', users.admin.cookie)).json();
    expect(failed.items).toEqual([
      expect.objectContaining({
        kind: 'program_eligible',
        channel: 'sms',
        status: 'failed',
        attempts: 8,
        lastError: 'gateway refused',
      }),
    ]);
    const email = (
      await call('GET', '/notifications/outbox?channel=email&pageSize=1', users.admin.cookie)
    ).json();
    expect(email).toMatchObject({ total: 2, page: 1, pageSize: 1 });
    expect(email.items).toHaveLength(1);
    expect((await call('GET', '/notifications/outbox?status=lost', users.admin.cookie)).statusCode).toBe(400);
  });

  it('is refused to everyone else', async () => {
    expect((await call('GET', '/notifications/outbox', users.desk.cookie)).statusCode).toBe(403);
    expect((await call('GET', '/notifications/outbox', users.corp.cookie)).statusCode).toBe(403);
    expect((await call('GET', '/notifications/outbox')).statusCode).toBe(401);
  });
});
