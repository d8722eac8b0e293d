import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { AuditLog } from '../../platform/audit/audit';
import { newId } from '../../platform/ids';
import { makeEnterpriseUser } from '../../test/factories';
import {
  addMember,
  createPolicyTestEnv,
  makeTestEnterprise,
  type PolicyTestEnv,
  type TestEnterprise,
} from '../policies/test-helpers';
import { NotificationService } from './service';

// The in-app inbox: recipients resolved from an enterprise's confirmed members, the caller's own messages only,
// paging with the unread count, marking read.

let env: PolicyTestEnv;
let ent: TestEnterprise;
let member: { userId: string; cookie: string };
let outsider: TestEnterprise;

beforeAll(async () => {
  env = await createPolicyTestEnv();
  ent = await makeTestEnterprise(env);
  member = await addMember(env, ent.id);
  outsider = await makeTestEnterprise(env);
  // A pending applicant of the same enterprise: not a member yet, so not a recipient.
  const pending = await makeEnterpriseUser(env.t.database, '13911112222');
  await env.t.database.db
    .insertInto('enterpriseBindings')
    .values({
      id: newId(),
      userId: pending.id,
      enterpriseId: ent.id,
      role: 'enterprise_member',
      status: 'pending',
      note: null,
      requestedAt: new Date().toISOString(),
      decidedAt: null,
      decidedBy: null,
    })
    .execute();
});
afterAll(async () => env.close());

describe('notifications', () => {
  it('sends to every confirmed member of an enterprise, inside the caller’s transaction', async () => {
    const service = new NotificationService(
      env.t.database.db,
      env.t.clock,
      new AuditLog(env.t.database.dialect, env.t.clock),
    );
    const sent = await env.t.database.db.transaction().execute((trx) =>
      service.notify(trx, {
        enterpriseId: ent.id,
        kind: 'system',
        title: '测试通知',
        body: '内容',
        link: '/x',
      }),
    );
    expect(sent).toBe(2);
    // A rolled-back transaction leaves no message behind.
    await expect(
      env.t.database.db.transaction().execute(async (trx) => {
        await service.notify(trx, { userIds: [member.userId], kind: 'system', title: '不应出现', body: '' });
        throw new Error('rollback');
      }),
    ).rejects.toThrow('rollback');
    for (let i = 0; i < 3; i++) {
      env.t.clock.advance(1000);
      await env.t.database.db.transaction().execute((trx) =>
        service.notify(trx, {
          userIds: [member.userId],
          kind: 'claim_paid',
          title: `第${i + 1}条`,
          body: '',
        }),
      );
    }
    const page = (await env.call('GET', '/notifications?pageSize=2', undefined, member.cookie)).json();
    expect(page).toMatchObject({ total: 4, unread: 4, page: 1, pageSize: 2 });
    expect(page.items.map((n: { title: string }) => n.title)).toEqual(['第3条', '第2条']);
    expect((await env.call('GET', '/notifications', undefined, ent.cookie)).json().total).toBe(1);
    expect((await env.call('GET', '/notifications', undefined, outsider.cookie)).json().total).toBe(0);
    const onlyPaid = (
      await env.call('GET', '/notifications?kind=claim_paid', undefined, member.cookie)
    ).json();
    expect(onlyPaid.total).toBe(3);
  });

  it('marks one or all as read; another user’s notification does not exist for the caller', async () => {
    const list = (await env.call('GET', '/notifications', undefined, member.cookie)).json();
    const first = list.items[0].id;
    expect(
      (await env.call('POST', `/notifications/${first}/read`, undefined, outsider.cookie)).statusCode,
    ).toBe(404);
    const read = await env.call('POST', `/notifications/${first}/read`, undefined, member.cookie);
    expect(read.statusCode).toBe(200);
    expect(read.json().unread).toBe(list.unread - 1);
    expect(read.json().notification.readAt).not.toBeNull();
    expect((await env.call('GET', '/notifications?unread=true', undefined, member.cookie)).json().total).toBe(
      list.unread - 1,
    );
    const all = await env.call('POST', '/notifications/read-all', undefined, member.cookie);
    expect(all.json()).toEqual({ updated: list.unread - 1, unread: 0 });
    // The other member's inbox is untouched.
    expect((await env.call('GET', '/notifications', undefined, ent.cookie)).json().unread).toBe(1);
    expect((await env.call('GET', '/notifications')).statusCode).toBe(401);
  });
});
