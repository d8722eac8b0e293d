import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { PERSONAL_DATA, type PersonalDataKind } from '../../../shared/privacy';
import { type AppealTestEnv, createAppealTestEnv } from '../../modules/appeals/test-helpers';
import { makeStaff } from '../../test/factories';
import { login } from '../../test/support';
import { verifyAuditChain } from '../audit/audit';
import { REVEALS_PER_HOUR } from './reveal';

// Personal data masked by default and revealed one value at a time, audited (SPEC §2.1), through the HTTP API on the
// appeals fixtures (every staff role, two enterprises with users): the platform's checks and the readers of the
// appeals, accounts and enterprises modules. Claims and viewing requests have their own files beside their modules.

let env: AppealTestEnv;
const PHONE = '13812345678';
let appealId: string;

const reveal = (body: unknown, cookie?: string) => env.call('POST', '/personal-data/reveal', body, cookie);
const reveals = () =>
  env.t.database.db
    .selectFrom('auditLog')
    .selectAll()
    .where('action', '=', 'personal_data.reveal')
    .orderBy('seq')
    .execute();
const phoneOf = async (userId: string | undefined) =>
  (
    await env.t.database.db
      .selectFrom('users')
      .select('phone')
      .where('id', '=', userId!)
      .executeTakeFirstOrThrow()
  ).phone!;

beforeAll(async () => {
  env = await createAppealTestEnv();
  appealId = (await env.submit({ contactName: '刘女士', contactPhone: PHONE })).id;
});
afterAll(async () => env?.close());

describe('appeal contact phone', () => {
  it('is in full for the enterprise that gave it, masked for every staff reader', async () => {
    const { cookies } = env;
    for (const cookie of [cookies.entA, cookies.entAMember]) {
      const res = await env.call('GET', `/appeals/${appealId}`, undefined, cookie);
      expect(res.statusCode, res.body).toBe(200);
      expect(res.json().contactPhone).toBe(PHONE);
    }
    for (const cookie of [cookies.dispatcher, cookies.leader, cookies.liaison]) {
      const res = await env.call('GET', `/appeals/${appealId}`, undefined, cookie);
      expect(res.statusCode, res.body).toBe(200);
      expect(res.json().contactName).toBe('刘女士');
      expect(res.json().contactPhone).toBe('138****5678');
    }
  });

  it('the dispatcher who took a call sees the number he wrote down in full', async () => {
    const res = await env.call(
      'POST',
      '/appeals',
      {
        type: 'help',
        channel: 'phone',
        topicCode: 'market_license',
        title: '电话求助：执照变更',
        content: '来电人询问执照变更流程。',
        isPublic: false,
        contactName: '王先生',
        contactPhone: '13900001111',
      },
      env.cookies.dispatcher,
    );
    expect(res.statusCode, res.body).toBe(201);
    expect(res.json().contactPhone).toBe('13900001111');
    const other = await env.call('GET', `/appeals/${res.json().id}`, undefined, env.cookies.dispatcher2);
    expect(other.json().contactPhone).toBe('139****1111');
  });

  it('reveals to the dispatcher and writes exactly one audit record, without the value', async () => {
    const before = (await reveals()).length;
    const res = await reveal({ kind: 'appeal', id: appealId, field: 'contactPhone' }, env.cookies.dispatcher);
    expect(res.statusCode, res.body).toBe(200);
    expect(res.json()).toEqual({ value: PHONE });
    const after = await reveals();
    expect(after.length).toBe(before + 1);
    const rec = after.at(-1)!;
    expect(rec).toMatchObject({
      actorId: env.ids.dispatcher,
      objectType: 'appeal',
      objectId: appealId,
      result: 'success',
    });
    expect(JSON.parse(rec.details!)).toEqual({ kind: 'appeal', field: 'contactPhone' });
    expect(rec.details).not.toContain(PHONE);
    // The detail stays masked afterwards: revealing is one read, not a permission.
    const again = await env.call('GET', `/appeals/${appealId}`, undefined, env.cookies.dispatcher);
    expect(again.json().contactPhone).toBe('138****5678');
  });

  it('follows the appeal: a handler only once it is dispatched to his department (404 before, no record)', async () => {
    const { cookies, dept } = env;
    const { id } = await env.submit({ contactPhone: '13700002222' });
    const before = (await reveals()).length;
    const early = await reveal({ kind: 'appeal', id, field: 'contactPhone' }, cookies.handler);
    expect(early.statusCode).toBe(404);
    expect(early.json().error.code).toBe('NOT_FOUND');
    expect((await reveals()).length).toBe(before);

    expect((await env.act(id, 'accept', {}, cookies.dispatcher)).statusCode).toBe(200);
    const dispatched = await env.act(
      id,
      'dispatch',
      { leadDepartmentId: dept.lead, assistingDepartmentIds: [dept.assist] },
      cookies.dispatcher,
    );
    expect(dispatched.statusCode, dispatched.body).toBe(200);
    const asHandler = await env.call('GET', `/appeals/${id}`, undefined, cookies.handler);
    expect(asHandler.json().contactPhone).toBe('137****2222');
    for (const cookie of [cookies.handler, cookies.assistHandler]) {
      const res = await reveal({ kind: 'appeal', id, field: 'contactPhone' }, cookie);
      expect(res.statusCode, res.body).toBe(200);
      expect(res.json().value).toBe('13700002222');
    }
    const other = await reveal({ kind: 'appeal', id, field: 'contactPhone' }, cookies.otherHandler);
    expect(other.statusCode).toBe(404);
    expect((await reveals()).length).toBe(before + 2);
  });

  it('lets the enterprise liaison reveal his enterprises only', async () => {
    const own = await reveal({ kind: 'appeal', id: appealId, field: 'contactPhone' }, env.cookies.liaison);
    expect(own.statusCode, own.body).toBe(200);
    expect(own.json().value).toBe(PHONE);
    const { id: otherId } = await env.submit({ contactPhone: '13600003333' }, env.cookies.entB);
    const before = (await reveals()).length;
    const foreign = await reveal({ kind: 'appeal', id: otherId, field: 'contactPhone' }, env.cookies.liaison);
    expect(foreign.statusCode).toBe(404);
    expect((await reveals()).length).toBe(before);
  });

  it('refuses roles that read appeals without calling anyone (403) and enterprise users (403), unrecorded', async () => {
    const before = (await reveals()).length;
    const body = { kind: 'appeal', id: appealId, field: 'contactPhone' };
    const leader = await reveal(body, env.cookies.leader);
    expect(leader.statusCode).toBe(403);
    expect(leader.json().error.code).toBe('FORBIDDEN');
    // The administrator may reveal users, not appeals.
    expect((await reveal(body, env.cookies.admin)).statusCode).toBe(403);
    // An enterprise user reveals nothing, not even the contact of his own enterprise's appeal (he sees it anyway).
    for (const cookie of [env.cookies.entA, env.cookies.entB]) {
      const res = await reveal(body, cookie);
      expect(res.statusCode).toBe(403);
      expect(res.json().error.code).toBe('FORBIDDEN');
    }
    expect((await reveal(body)).statusCode).toBe(401);
    expect((await reveals()).length).toBe(before);
  });

  it('a leader who is also a liaison reads every appeal but reveals only his enterprises (403 for the rest)', async () => {
    const s = await makeStaff(env.t.database, ['leader', 'liaison']);
    const cookie = await login(env.t.app, s.username, s.password);
    await env.t.database.db
      .updateTable('enterprises')
      .set({ liaisonUserId: s.id })
      .where('id', '=', env.ent.b)
      .execute();
    const { id: ownId } = await env.submit({ contactPhone: '13600004444' }, env.cookies.entB);
    const own = await reveal({ kind: 'appeal', id: ownId, field: 'contactPhone' }, cookie);
    expect(own.statusCode, own.body).toBe(200);
    const before = (await reveals()).length;
    const seenOnly = await reveal({ kind: 'appeal', id: appealId, field: 'contactPhone' }, cookie);
    expect(seenOnly.statusCode).toBe(403);
    expect((await reveals()).length).toBe(before);
    await env.t.database.db
      .updateTable('enterprises')
      .set({ liaisonUserId: null })
      .where('id', '=', env.ent.b)
      .execute();
  });

  it('answers 404 for an appeal that does not exist and reveals nothing when there is no phone', async () => {
    const missing = await reveal(
      { kind: 'appeal', id: 'nope', field: 'contactPhone' },
      env.cookies.dispatcher,
    );
    expect(missing.statusCode).toBe(404);
    const { id } = await env.submit({});
    const before = (await reveals()).length;
    const none = await reveal({ kind: 'appeal', id, field: 'contactPhone' }, env.cookies.dispatcher);
    expect(none.statusCode).toBe(200);
    expect(none.json()).toEqual({ value: null });
    expect((await reveals()).length).toBe(before);
  });
});

describe('bad requests', () => {
  it.each([
    [{ kind: 'passport', id: 'x', field: 'phone' }, 'kind'],
    [{ kind: 'toString', id: 'x', field: 'phone' }, 'kind'],
    [{ kind: 'appeal', id: 'x', field: 'content' }, 'field'],
    [{ kind: 'appeal', id: 'x', field: 'phone' }, 'field'],
  ])('%j → 400 UNKNOWN_PERSONAL_DATA on %s', async (body, field) => {
    const res = await reveal(body, env.cookies.dispatcher);
    expect(res.statusCode).toBe(400);
    expect(res.json().error.code).toBe('UNKNOWN_PERSONAL_DATA');
    expect(res.json().error.details.fields[0].field).toBe(field);
  });

  it('refuses missing and extra fields', async () => {
    for (const body of [
      { kind: 'appeal', field: 'contactPhone' },
      { kind: 'appeal', id: appealId, field: 'contactPhone', reason: 'x' },
    ]) {
      const res = await reveal(body, env.cookies.dispatcher);
      expect(res.statusCode).toBe(400);
    }
  });

  it('has a reader for every kind of the catalogue (a missing id is 404, never 400)', async () => {
    const asRole: Record<PersonalDataKind, string> = {
      user: env.cookies.admin,
      enterprise_member: env.cookies.liaison,
      appeal: env.cookies.dispatcher,
      claim: env.cookies.handler,
      viewing_request: '',
    };
    for (const kind of Object.keys(PERSONAL_DATA) as PersonalDataKind[]) {
      if (!asRole[kind]) continue; // building editors live in the buildings fixtures (buildings/reveal.test.ts)
      const res = await reveal({ kind, id: 'missing', field: PERSONAL_DATA[kind].fields[0] }, asRole[kind]);
      expect(res.statusCode, `${kind}: ${res.body}`).toBe(404);
    }
  });
});

describe('users and enterprise members', () => {
  it('the administrator sees the users list masked and reveals one phone, audited', async () => {
    const list = await env.call(
      'GET',
      '/admin/users?kind=enterprise&pageSize=100',
      undefined,
      env.cookies.admin,
    );
    expect(list.statusCode).toBe(200);
    const phone = await phoneOf(env.ids.entA);
    const item = list.json().items.find((u: { id: string }) => u.id === env.ids.entA);
    expect(item.phoneMasked).toBe(`${phone.slice(0, 3)}****${phone.slice(7)}`);
    expect(list.body).not.toContain(phone);

    const before = (await reveals()).length;
    const res = await reveal({ kind: 'user', id: env.ids.entA, field: 'phone' }, env.cookies.admin);
    expect(res.statusCode, res.body).toBe(200);
    expect(res.json().value).toBe(phone);
    const after = await reveals();
    expect(after.length).toBe(before + 1);
    expect(after.at(-1)).toMatchObject({ objectType: 'user', objectId: env.ids.entA });

    expect(
      (await reveal({ kind: 'user', id: env.ids.entA, field: 'phone' }, env.cookies.dispatcher)).statusCode,
    ).toBe(403);
  });

  it('the liaison reveals the members of his enterprises only; the administrator any', async () => {
    const members = await env.call(
      'GET',
      `/enterprises/${env.ent.a}/members`,
      undefined,
      env.cookies.liaison,
    );
    expect(members.statusCode, members.body).toBe(200);
    const phone = await phoneOf(env.ids.entAMember);
    expect(members.body).not.toContain(phone);

    const own = await reveal(
      { kind: 'enterprise_member', id: env.ids.entAMember, field: 'phone' },
      env.cookies.liaison,
    );
    expect(own.statusCode, own.body).toBe(200);
    expect(own.json().value).toBe(phone);

    const before = (await reveals()).length;
    const foreign = await reveal(
      { kind: 'enterprise_member', id: env.ids.entB, field: 'phone' },
      env.cookies.liaison,
    );
    expect(foreign.statusCode).toBe(404);
    // A staff account is nobody's member.
    const staff = await reveal(
      { kind: 'enterprise_member', id: env.ids.dispatcher, field: 'phone' },
      env.cookies.liaison,
    );
    expect(staff.statusCode).toBe(404);
    expect((await reveals()).length).toBe(before);

    const byAdmin = await reveal(
      { kind: 'enterprise_member', id: env.ids.entB, field: 'phone' },
      env.cookies.admin,
    );
    expect(byAdmin.statusCode).toBe(200);
    expect(byAdmin.json().value).toBe(await phoneOf(env.ids.entB));
  });

  it('an enterprise admin cannot reveal his own members (403), nor anyone else', async () => {
    const res = await reveal(
      { kind: 'enterprise_member', id: env.ids.entAMember, field: 'phone' },
      env.cookies.entA,
    );
    expect(res.statusCode).toBe(403);
    const user = await reveal({ kind: 'user', id: env.ids.entB, field: 'phone' }, env.cookies.entA);
    expect(user.statusCode).toBe(403);
  });
});

describe('limits and the chain', () => {
  it(`allows ${REVEALS_PER_HOUR} reveals per user and hour, counted in the database`, async () => {
    const body = { kind: 'appeal', id: 'missing', field: 'contactPhone' };
    for (let i = 0; i < REVEALS_PER_HOUR; i++) {
      expect((await reveal(body, env.cookies.dispatcher2)).statusCode).toBe(404);
    }
    const limited = await reveal({ ...body, id: appealId }, env.cookies.dispatcher2);
    expect(limited.statusCode).toBe(429);
    expect(limited.json().error.code).toBe('RATE_LIMITED');
    // Another user's budget is his own.
    expect((await reveal({ ...body, id: appealId }, env.cookies.dispatcher)).statusCode).toBe(200);
    await env.setClock(new Date(env.t.clock.now().getTime() + 61 * 60_000).toISOString());
    expect((await reveal({ ...body, id: appealId }, env.cookies.dispatcher2)).statusCode).toBe(200);
  });

  it('leaves the audit chain intact', async () => {
    const result = await verifyAuditChain(env.t.database.db);
    expect(result.ok).toBe(true);
  });
});
