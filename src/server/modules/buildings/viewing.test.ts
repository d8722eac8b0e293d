import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { heatScore } from './heat';
import {
  addSpace,
  type BuildingTestEnv,
  buildingRow,
  createBuilding,
  createBuildingTestEnv,
} from './test-helpers';
import { VIEWING_QUEUE_LINK, VIEWING_REQUESTS_PER_HOUR } from './viewing';

let env: BuildingTestEnv;
beforeAll(async () => {
  env = await createBuildingTestEnv();
});
afterAll(async () => {
  await env?.close();
});

const visitor = (n: number) => ({ ip: `10.0.0.${n}`, userAgent: `Mozilla/5.0 test-${n}` });

async function hotIds(limit = 10): Promise<string[]> {
  const res = await env.call('GET', `/buildings/hot?limit=${limit}`);
  expect(res.statusCode).toBe(200);
  return res.json().items.map((i: { id: string }) => i.id);
}

async function notificationsOf(userId: string) {
  return env.t.database.db
    .selectFrom('notifications')
    .selectAll()
    .where('userId', '=', userId)
    .orderBy('createdAt')
    .execute();
}

describe('heat: views, favourites, viewing requests', () => {
  it('counts one view per visitor per building per day, and orders the hot list by decayed heat', async () => {
    const [x, y, z] = [await createBuilding(env), await createBuilding(env), await createBuilding(env)];
    // x: three visitors, one of them twice (counted once).
    for (const v of [1, 2, 3, 3])
      expect((await env.call('GET', `/buildings/${x}`, undefined, visitor(v))).statusCode).toBe(200);
    // y: one visitor.
    await env.call('GET', `/buildings/${y}`, undefined, visitor(1));
    let heat = await env.t.database.db
      .selectFrom('buildingHeat')
      .selectAll()
      .where('buildingId', '=', x)
      .executeTakeFirstOrThrow();
    expect(heat.views).toBe(3);
    expect(Number(heat.score)).toBeCloseTo(3, 6);
    expect((await hotIds()).slice(0, 2)).toEqual([x, y]);

    // z: a favourite (5) and a viewing request (10) outrank x's three views.
    const fav = await env.call('POST', `/buildings/${z}/favourite`, undefined, env.cookies.enterprise);
    expect(fav.statusCode, fav.body).toBe(200);
    // A second favourite by the same user adds nothing.
    await env.call('POST', `/buildings/${z}/favourite`, undefined, env.cookies.enterprise);
    const vr = await env.call(
      'POST',
      `/buildings/${z}/viewing-requests`,
      { name: '王经理', phone: '13912345678' },
      { ip: '10.0.1.1' },
    );
    expect(vr.statusCode, vr.body).toBe(201);
    expect((await hotIds()).slice(0, 3)).toEqual([z, x, y]);
    const hot = (await env.call('GET', '/buildings/hot?limit=1')).json().items[0];
    expect(hot).toMatchObject({ id: z, rank: 1, favourites: 1, viewingRequests: 1, views: 0 });
    expect(hot.heat).toBeCloseTo(15, 6);

    // A week later x's views count half; the next day's view by visitor 3 counts again.
    env.t.clock.advance(7 * 86_400_000);
    await env.call('GET', `/buildings/${x}`, undefined, visitor(3));
    heat = await env.t.database.db
      .selectFrom('buildingHeat')
      .selectAll()
      .where('buildingId', '=', x)
      .executeTakeFirstOrThrow();
    const expected = heatScore(
      [
        { kind: 'view', at: '2026-11-26T02:00:00.000Z' },
        { kind: 'view', at: '2026-11-26T02:00:00.000Z' },
        { kind: 'view', at: '2026-11-26T02:00:00.000Z' },
        { kind: 'view', at: '2026-12-03T02:00:00.000Z' },
      ],
      '2026-12-03T02:00:00.000Z',
    );
    expect(Number(heat.score)).toBeCloseTo(expected, 6);
    expect(Number(heat.score)).toBeCloseTo(2.5, 6);
    expect((await buildingRow(env, x)).heatSortKey).toBeCloseTo(Number(heat.sortKey), 9);
    // The default sort of the search is heat too.
    const res = await env.call('GET', '/buildings?pageSize=3');
    expect(res.json().items.map((i: { id: string }) => i.id)).toEqual([z, x, y]);
    env.t.clock.set('2026-11-26T02:00:00.000Z');

    // Unfavourite: 200, the favourite is gone (heat keeps its history).
    const un = await env.call('DELETE', `/buildings/${z}/favourite`, undefined, env.cookies.enterprise);
    expect(un.json()).toEqual({ favourite: false });
    const detail = await env.call('GET', `/buildings/${z}`, undefined, env.cookies.enterprise);
    expect(detail.json().favourite).toBe(false);
    expect((await env.call('POST', `/buildings/${z}/favourite`)).statusCode).toBe(401);
  });
});

describe('viewing requests (看房预约)', () => {
  it('a visitor requests a viewing; every building editor is notified and sees it in the queue', async () => {
    const id = await createBuilding(env, { name: '预约测试大厦' });
    const spaceId = await addSpace(env, id, { floor: 15, unit: '1502' });
    const before = (await notificationsOf(env.ids.editor)).length;
    const res = await env.call(
      'POST',
      `/buildings/${id}/viewing-requests`,
      {
        spaceId,
        name: '李女士',
        phone: '139-1234-5678',
        company: '青岛蓝海设计有限公司',
        preferredDate: '2026-11-30',
        areaNeeded: 180,
        message: '希望周一上午看房',
      },
      { ip: '10.0.2.1' },
    );
    expect(res.statusCode, res.body).toBe(201);
    expect(res.json().status).toBe('pending');
    for (const editor of [env.ids.editor, env.ids.editor2]) {
      const notes = await notificationsOf(editor);
      const last = notes.at(-1)!;
      expect(last.kind).toBe('viewing');
      expect(last.link).toBe(VIEWING_QUEUE_LINK);
      expect(last.title).toContain('预约测试大厦');
      expect(last.body).toContain('15层 1502');
    }
    expect((await notificationsOf(env.ids.editor)).length).toBe(before + 1);
    expect((await notificationsOf(env.ids.policyEditor)).length).toBe(0);

    const queue = await env.call('GET', '/viewing-requests?status=pending', undefined, env.cookies.editor);
    expect(queue.statusCode).toBe(200);
    const item = queue.json().items.find((i: { id: string }) => i.id === res.json().id);
    expect(item).toMatchObject({
      buildingName: '预约测试大厦',
      spaceLabel: '15层 1502',
      // Masked in the queue: the editor reveals it when he calls back (buildings/reveal.test.ts).
      phone: '139****5678',
      status: 'pending',
    });
    expect(queue.body).not.toContain('13912345678');
  });

  it('a logged-in user sees own requests and is notified of status changes', async () => {
    const id = await createBuilding(env, { name: '企业预约大厦' });
    const res = await env.call(
      'POST',
      `/buildings/${id}/viewing-requests`,
      { name: '张总', phone: '13800001111' },
      { cookie: env.cookies.enterprise, ip: '10.0.3.1' },
    );
    expect(res.statusCode).toBe(201);
    const mine = await env.call('GET', '/viewing-requests/mine', undefined, env.cookies.enterprise);
    expect(mine.json().items.map((i: { id: string }) => i.id)).toContain(res.json().id);
    // His own number, in full.
    expect(mine.json().items.find((i: { id: string }) => i.id === res.json().id).phone).toBe('13800001111');
    const row = await env.t.database.db
      .selectFrom('viewingRequests')
      .selectAll()
      .where('id', '=', res.json().id)
      .executeTakeFirstOrThrow();
    expect(row.enterpriseId).toBe(env.ids.enterprise);
    expect((await env.call('GET', '/viewing-requests/mine')).statusCode).toBe(401);

    const upd = await env.call(
      'PATCH',
      `/viewing-requests/${res.json().id}`,
      { status: 'contacted', handlerNote: '已电话联系，约定周二看房' },
      env.cookies.editor,
    );
    expect(upd.statusCode, upd.body).toBe(200);
    expect(upd.json().status).toBe('contacted');
    const notes = await notificationsOf(env.ids.enterpriseUser);
    expect(notes.at(-1)).toMatchObject({ kind: 'viewing' });
    expect(notes.at(-1)!.body).toContain('已电话联系');
    const enterpriseQueue = await env.call(
      'PATCH',
      `/viewing-requests/${res.json().id}`,
      { status: 'closed' },
      env.cookies.enterprise,
    );
    expect(enterpriseQueue.statusCode).toBe(403);
  });

  it('refuses bad input (phone, space of another building, past date) changing nothing', async () => {
    const id = await createBuilding(env);
    const other = await createBuilding(env);
    const otherSpace = await addSpace(env, other);
    const count = async () =>
      Number(
        (
          await env.t.database.db
            .selectFrom('viewingRequests')
            .select((eb) => eb.fn.countAll<number>().as('n'))
            .executeTakeFirstOrThrow()
        ).n,
      );
    const heatBefore = (await buildingRow(env, id)).heatSortKey;
    const before = await count();
    const cases: [unknown, string][] = [
      [{ name: '赵先生', phone: '12345' }, 'phone'],
      [{ name: '赵先生', phone: '13912345678', spaceId: otherSpace }, 'spaceId'],
      [{ name: '赵先生', phone: '13912345678', preferredDate: '2026-01-01' }, 'preferredDate'],
      [{ name: '', phone: '13912345678' }, 'name'],
    ];
    for (const [payload, field] of cases) {
      const res = await env.call('POST', `/buildings/${id}/viewing-requests`, payload, { ip: '10.0.4.1' });
      expect(res.statusCode, JSON.stringify(payload)).toBe(400);
      expect(JSON.stringify(res.json().error.details)).toContain(field);
    }
    expect(await count()).toBe(before);
    expect((await buildingRow(env, id)).heatSortKey).toBe(heatBefore);
    expect(
      (await env.call('POST', '/buildings/nope/viewing-requests', { name: 'x', phone: '13912345678' }))
        .statusCode,
    ).toBe(404);
  });

  it('rate-limits requests per IP address', async () => {
    const id = await createBuilding(env);
    const ip = { ip: '10.9.9.9' };
    for (let i = 0; i < VIEWING_REQUESTS_PER_HOUR; i++) {
      const res = await env.call(
        'POST',
        `/buildings/${id}/viewing-requests`,
        { name: `访客${i}`, phone: '13912345678' },
        ip,
      );
      expect(res.statusCode).toBe(201);
    }
    const refused = await env.call(
      'POST',
      `/buildings/${id}/viewing-requests`,
      { name: '访客X', phone: '13912345678' },
      ip,
    );
    expect(refused.statusCode).toBe(429);
    expect(refused.json().error.code).toBe('RATE_LIMITED');
    const ok = await env.call(
      'POST',
      `/buildings/${id}/viewing-requests`,
      { name: '访客Y', phone: '13912345678' },
      { ip: '10.9.9.10' },
    );
    expect(ok.statusCode).toBe(201);
  });
});
